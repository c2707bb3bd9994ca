-- What could not be ingested, and why.
CREATE OR REPLACE VIEW curated.quarantine AS
SELECT source_path, line_no, stage, reason, detail, file_sha256, run_id, quarantined_at
FROM raw.quarantine;
COMMENT ON VIEW curated.quarantine IS 'Inputs that were quarantined, with the reason.';
COMMENT ON COLUMN curated.quarantine.source_path IS 'File path.';
COMMENT ON COLUMN curated.quarantine.line_no IS 'JSONL line, when a single line was bad.';
COMMENT ON COLUMN curated.quarantine.stage IS 'ingest, clean or extract.';
COMMENT ON COLUMN curated.quarantine.reason IS 'Machine-readable reason.';
COMMENT ON COLUMN curated.quarantine.detail IS 'Error detail.';
COMMENT ON COLUMN curated.quarantine.file_sha256 IS 'Content hash.';
COMMENT ON COLUMN curated.quarantine.run_id IS 'Run.';
COMMENT ON COLUMN curated.quarantine.quarantined_at IS 'When.';

CREATE OR REPLACE VIEW curated.runs AS
SELECT run_id, started_at, finished_at, status, trigger, n_files, n_documents, n_quarantined,
       n_articles, n_mentions, n_events, audit_success, report_path, data_docs_path, error
FROM ops.runs
ORDER BY started_at DESC;
COMMENT ON VIEW curated.runs IS 'Pipeline runs, latest first, with their audit outcome.';
COMMENT ON COLUMN curated.runs.run_id IS 'Run id.';
COMMENT ON COLUMN curated.runs.started_at IS 'Start (UTC).';
COMMENT ON COLUMN curated.runs.finished_at IS 'End (UTC).';
COMMENT ON COLUMN curated.runs.status IS 'running, published, audit_failed, failed, nothing_new.';
COMMENT ON COLUMN curated.runs.trigger IS 'cli, airflow or reprocess.';
COMMENT ON COLUMN curated.runs.n_files IS 'New files seen.';
COMMENT ON COLUMN curated.runs.n_documents IS 'New documents.';
COMMENT ON COLUMN curated.runs.n_quarantined IS 'Quarantine records.';
COMMENT ON COLUMN curated.runs.n_articles IS 'Articles staged.';
COMMENT ON COLUMN curated.runs.n_mentions IS 'Mentions staged.';
COMMENT ON COLUMN curated.runs.n_events IS 'Events after publishing.';
COMMENT ON COLUMN curated.runs.audit_success IS 'Audit passed.';
COMMENT ON COLUMN curated.runs.report_path IS 'Run report.';
COMMENT ON COLUMN curated.runs.data_docs_path IS 'GX Data Docs page.';
COMMENT ON COLUMN curated.runs.error IS 'Failure reason.';
