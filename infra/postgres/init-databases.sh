#!/bin/sh
# docker-compose: one database per service, owned by the ektp role (DESIGN.md section 2),
# which runs the migrations. The services connect as ektp_service: the owner grants it
# its table privileges after each migration, with audit_log append-only (section 6).
# Both passwords come from the environment (`make secrets` writes them to .env): no default.
set -e
: "${EKTP_DB_OWNER_PASSWORD:?run make secrets}"
: "${EKTP_DB_SERVICE_PASSWORD:?run make secrets}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner_password="$EKTP_DB_OWNER_PASSWORD" \
    -v service_password="$EKTP_DB_SERVICE_PASSWORD" <<'SQL'
CREATE ROLE ektp LOGIN PASSWORD :'owner_password';
CREATE ROLE ektp_service LOGIN PASSWORD :'service_password';
CREATE DATABASE ektp_enrollment OWNER ektp;
CREATE DATABASE ektp_sync OWNER ektp;
CREATE DATABASE ektp_printing OWNER ektp;
CREATE DATABASE ektp_inventory OWNER ektp;
CREATE DATABASE ektp_dashboard OWNER ektp;
CREATE DATABASE ektp_central_sim OWNER ektp;
CREATE DATABASE ektp_accounts OWNER ektp;
CREATE DATABASE ektp_web OWNER ektp;
GRANT CONNECT, TEMPORARY ON DATABASE ektp_enrollment, ektp_sync, ektp_printing,
    ektp_inventory, ektp_dashboard, ektp_central_sim, ektp_accounts,
    ektp_web TO ektp_service;
SQL
