CREATE TABLE IF NOT EXISTS ops.runs (
    run_id            VARCHAR PRIMARY KEY,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,      -- running | published | audit_failed | failed | nothing_new
    trigger           VARCHAR,               -- cli | airflow | reprocess
    landing           VARCHAR,
    extractor_version VARCHAR,
    n_files           INTEGER,
    n_documents       INTEGER,
    n_quarantined     INTEGER,
    n_articles        INTEGER,
    n_mentions        INTEGER,
    n_events          INTEGER,
    audit_success     BOOLEAN,
    report_path       VARCHAR,
    data_docs_path    VARCHAR,
    error             VARCHAR
);
COMMENT ON TABLE ops.runs IS 'One row per pipeline run (CLI or Airflow): what came in, the audit outcome, what was published.';
COMMENT ON COLUMN ops.runs.run_id IS 'Run identifier (UTC timestamp + random suffix, or the Airflow run id).';
COMMENT ON COLUMN ops.runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN ops.runs.finished_at IS 'When the run ended (UTC); NULL while running or after a crash.';
COMMENT ON COLUMN ops.runs.status IS 'running, published, audit_failed, failed or nothing_new.';
COMMENT ON COLUMN ops.runs.trigger IS 'What started the run: cli, airflow or reprocess.';
COMMENT ON COLUMN ops.runs.landing IS 'Landing folder the run read.';
COMMENT ON COLUMN ops.runs.extractor_version IS 'Version of the cleaning/extraction rules used.';
COMMENT ON COLUMN ops.runs.n_files IS 'Files seen in the landing folder that were new or changed.';
COMMENT ON COLUMN ops.runs.n_documents IS 'New documents (articles) ingested.';
COMMENT ON COLUMN ops.runs.n_quarantined IS 'Quarantine records written by this run.';
COMMENT ON COLUMN ops.runs.n_articles IS 'Articles staged by this run.';
COMMENT ON COLUMN ops.runs.n_mentions IS 'Event mentions staged by this run.';
COMMENT ON COLUMN ops.runs.n_events IS 'Canonical events in the warehouse after publishing.';
COMMENT ON COLUMN ops.runs.audit_success IS 'Whether every Great Expectations suite passed on the staged batch.';
COMMENT ON COLUMN ops.runs.report_path IS 'Path of the static HTML run report.';
COMMENT ON COLUMN ops.runs.data_docs_path IS 'Path of the GX Data Docs page of this run''s validation.';
COMMENT ON COLUMN ops.runs.error IS 'Why the run failed, when it did.';
