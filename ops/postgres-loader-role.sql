-- The loader role: what the pipeline runs as, with only the rights it needs. It reads and writes the rows of the
-- pipeline's tables (the protected store, the publication tables, Spring Batch's job repository) and takes advisory
-- locks; it cannot create, alter or drop anything. Migrations run as the owner instead: give the pipeline
-- SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD for the owner, and SPRING_DATASOURCE_USERNAME / _PASSWORD for this role.
-- Run as the owner (the role that runs the migrations), in the pipeline's database, with the pipeline's schema first on
-- the search path, before or after the first migration:
--   psql -v loader_password="'...'" -f ops/postgres-loader-role.sql activeoffer
-- It can be run again.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'activeoffer_loader') THEN
    CREATE ROLE activeoffer_loader LOGIN NOINHERIT;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO activeoffer_loader', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO activeoffer_loader',
                 current_schema());
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO activeoffer_loader', current_schema());
  -- tables and sequences the owner's later migrations create
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO '
                 'activeoffer_loader', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO '
                 'activeoffer_loader', current_schema());
END $$;

ALTER ROLE activeoffer_loader PASSWORD :loader_password;
