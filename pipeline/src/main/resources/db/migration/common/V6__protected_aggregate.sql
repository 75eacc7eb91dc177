-- The unsuppressed figures behind each release's published aggregates: protected, never granted to the read-only
-- role. Kept so that a published table can be audited and a recomputation (for example from the record-level Parquet)
-- can be checked against exactly what disclosure control was given. figure is NULL where it is undefined (a rate over
-- zero); suppressed says whether the published table shows [c] in its place.
CREATE TABLE protected_aggregate (
    release_name       VARCHAR(40)  NOT NULL,
    measure            VARCHAR(40)  NOT NULL,
    statistic          VARCHAR(40)  NOT NULL,
    geography_level    VARCHAR(20)  NOT NULL,
    geography_code     VARCHAR(40)  NOT NULL,
    period_type        VARCHAR(20)  NOT NULL,
    period             VARCHAR(20)  NOT NULL,
    eligibility_route  VARCHAR(30)  NOT NULL,
    stage              VARCHAR(20),
    category           VARCHAR(40),
    figure             DOUBLE PRECISION,
    suppressed         BOOLEAN      NOT NULL
);
CREATE INDEX protected_aggregate_release ON protected_aggregate (release_name);

-- The data-quality table finds the record or rejected row behind each row issue by submission, sheet and row.
CREATE INDEX offer_record_source ON offer_record (submission_id, source_sheet, source_row);
CREATE INDEX rejected_row_source ON rejected_row (submission_id, source_sheet, source_row);
