-- docker-compose: one database per service, owned by the ektp role (DESIGN.md section 2),
-- which runs the migrations. The services connect as ektp_service: the owner grants it
-- its table privileges after each migration, with audit_log append-only (section 6).
CREATE ROLE ektp LOGIN PASSWORD 'ektp';
CREATE ROLE ektp_service LOGIN PASSWORD 'ektp_service';
CREATE DATABASE ektp_enrollment OWNER ektp;
CREATE DATABASE ektp_sync OWNER ektp;
CREATE DATABASE ektp_printing OWNER ektp;
CREATE DATABASE ektp_inventory OWNER ektp;
CREATE DATABASE ektp_dashboard OWNER ektp;
CREATE DATABASE ektp_central_sim OWNER ektp;
CREATE DATABASE ektp_accounts OWNER ektp;
GRANT CONNECT, TEMPORARY ON DATABASE ektp_enrollment, ektp_sync, ektp_printing,
    ektp_inventory, ektp_dashboard, ektp_central_sim, ektp_accounts TO ektp_service;
