-- Provisions the production database for the Active Offer pipeline.
-- Run once as a PostgreSQL superuser:  psql -v owner_password="'...'" -f ops/postgres-provision.sql
-- The pipeline's Flyway migrations then create every table on first start (including Spring Batch's job repository).

CREATE ROLE activeoffer_owner LOGIN PASSWORD :owner_password;
CREATE DATABASE activeoffer OWNER activeoffer_owner ENCODING 'UTF8' TEMPLATE template0;
\connect activeoffer
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO activeoffer_owner;
