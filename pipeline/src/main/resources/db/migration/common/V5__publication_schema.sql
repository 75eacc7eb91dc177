-- What BI tools and the read-only role may see (ops/postgres-readonly-role.sql grants SELECT on these only):
-- the published aggregates of every release, small numbers already suppressed exactly as in the release files, and
-- the current record-level pseudonymised dataset. Unsuppressed figures and raw rows stay in the protected tables.
CREATE TABLE publication_aggregate (
    release_name       VARCHAR(40)  NOT NULL,
    measure            VARCHAR(40)  NOT NULL,
    statistic          VARCHAR(40)  NOT NULL,
    geography_level    VARCHAR(20)  NOT NULL,
    geography_code     VARCHAR(40)  NOT NULL,
    geography_name     VARCHAR(100) NOT NULL,
    period_type        VARCHAR(20)  NOT NULL,
    period             VARCHAR(20)  NOT NULL,
    eligibility_route  VARCHAR(30)  NOT NULL,
    stage              VARCHAR(20),
    category           VARCHAR(40),
    figure             DOUBLE PRECISION,
    symbol             VARCHAR(5)
);
CREATE INDEX publication_aggregate_release ON publication_aggregate (release_name);

CREATE TABLE publication_release (
    release_name  VARCHAR(40) PRIMARY KEY,
    published_at  TIMESTAMP   NOT NULL
);

CREATE VIEW publication_latest_aggregate AS
SELECT a.* FROM publication_aggregate a
WHERE a.release_name = (SELECT MAX(r.release_name) FROM publication_release r);

CREATE VIEW publication_offer_record AS
SELECT r.authority_code, r.region_code, r.provider_code, r.child_key, r.eligibility_route, r.trigger_point,
       r.date_eligible, r.date_offer, r.date_referral, r.date_first_contact, r.date_meeting, r.offer_response,
       r.meeting_outcome, r.refusal_reason, r.refusal_stage, r.referral_source, r.non_instructed, r.iro_confirmed,
       r.age_at_offer, r.gender, r.language_of_choice, r.disability, r.financial_year, r.quarter,
       r.working_days_to_first_contact, r.working_days_to_meeting, r.flagged, r.submission_id, r.source_sheet,
       r.source_row
FROM offer_record r JOIN submission s ON s.id = r.submission_id
WHERE s.status = 'INGESTED' AND r.superseded_by IS NULL;
