-- The officials' nightly dataset: exact figures at every level of the publication plan, one set per nightly build
-- (release_name is the build's name, as in officials/<name>/). Management information for the named officials: never
-- granted to the read-only role activeoffer_reader (ops/postgres-readonly-role.sql); ops/RUNBOOK.md gives the grant for
-- the officials' own role. figure is NULL where it is undefined (a rate over zero).
CREATE TABLE officials_aggregate (
    release_name       VARCHAR(40)  NOT NULL,
    measure            VARCHAR(40)  NOT NULL,
    statistic          VARCHAR(40)  NOT NULL,
    geography_level    VARCHAR(20)  NOT NULL,
    geography_code     VARCHAR(40)  NOT NULL,
    geography_name     VARCHAR(100),
    period_type        VARCHAR(20)  NOT NULL,
    period             VARCHAR(20)  NOT NULL,
    eligibility_route  VARCHAR(30)  NOT NULL,
    stage              VARCHAR(20),
    category           VARCHAR(40),
    figure             DOUBLE PRECISION
);
CREATE INDEX officials_aggregate_release ON officials_aggregate (release_name);
