CREATE TABLE IF NOT EXISTS ops.audit_results (
    run_id        VARCHAR NOT NULL,
    suite         VARCHAR NOT NULL,
    expectation   VARCHAR NOT NULL,
    column_name   VARCHAR,
    success       BOOLEAN NOT NULL,
    unexpected    BIGINT,
    detail        VARCHAR
);
COMMENT ON TABLE ops.audit_results IS 'Every Great Expectations expectation evaluated on every run''s staged batch.';
COMMENT ON COLUMN ops.audit_results.run_id IS 'Run whose staged batch was validated.';
COMMENT ON COLUMN ops.audit_results.suite IS 'Expectation suite name (file in expectations/).';
COMMENT ON COLUMN ops.audit_results.expectation IS 'Expectation type, e.g. expect_column_values_to_be_unique.';
COMMENT ON COLUMN ops.audit_results.column_name IS 'Column the expectation is about, when it has one.';
COMMENT ON COLUMN ops.audit_results.success IS 'Whether the expectation held.';
COMMENT ON COLUMN ops.audit_results.unexpected IS 'Number of rows violating it.';
COMMENT ON COLUMN ops.audit_results.detail IS 'Short description of the failure (partial list of unexpected values).';
