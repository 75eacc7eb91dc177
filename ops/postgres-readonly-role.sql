-- A least-privilege, read-only role for BI tools: it can read the published aggregates and nothing else (not the
-- protected store: no raw rows, no unsuppressed figures, no receipts' detail; and not the record-level view
-- publication_offer_record, which is restricted like the record-level Parquet: researchers under an access agreement).
-- Run as the database owner, in the pipeline's database, with the pipeline's schema first on the search path:
--   psql -v reader_password="'...'" -f ops/postgres-readonly-role.sql activeoffer
-- It can be run again: it only creates what is missing, and re-grants exactly these privileges.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'activeoffer_reader') THEN
    CREATE ROLE activeoffer_reader LOGIN NOINHERIT;
  END IF;
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM activeoffer_reader', current_schema());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO activeoffer_reader', current_schema());
END $$;

ALTER ROLE activeoffer_reader PASSWORD :reader_password;

GRANT SELECT ON publication_aggregate, publication_release, publication_latest_aggregate TO activeoffer_reader;
