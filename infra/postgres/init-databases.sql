-- docker-compose: one database per service, owned by the ektp role (DESIGN.md section 2).
CREATE ROLE ektp LOGIN PASSWORD 'ektp';
CREATE DATABASE ektp_enrollment OWNER ektp;
CREATE DATABASE ektp_sync OWNER ektp;
CREATE DATABASE ektp_printing OWNER ektp;
CREATE DATABASE ektp_inventory OWNER ektp;
CREATE DATABASE ektp_dashboard OWNER ektp;
CREATE DATABASE ektp_central_sim OWNER ektp;
