CREATE TABLE IF NOT EXISTS raw.quarantine (
    quarantine_id VARCHAR PRIMARY KEY,
    source_path   VARCHAR NOT NULL,
    file_sha256   VARCHAR,
    line_no       INTEGER,
    stage         VARCHAR NOT NULL,   -- ingest | clean | extract | audit
    reason        VARCHAR NOT NULL,
    detail        VARCHAR,
    run_id        VARCHAR NOT NULL,
    quarantined_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE raw.quarantine IS 'Inputs that could not be ingested or processed, with the reason. Nothing is dropped silently.';
COMMENT ON COLUMN raw.quarantine.quarantine_id IS 'sha256 of (path, content hash, line, stage, reason): re-running never duplicates a record.';
COMMENT ON COLUMN raw.quarantine.source_path IS 'File the input came from.';
COMMENT ON COLUMN raw.quarantine.file_sha256 IS 'sha256 of the file bytes, when they could be read.';
COMMENT ON COLUMN raw.quarantine.line_no IS 'JSONL line number, for a bad line in an otherwise good export.';
COMMENT ON COLUMN raw.quarantine.stage IS 'Stage that rejected it: ingest, clean, extract or audit.';
COMMENT ON COLUMN raw.quarantine.reason IS 'Machine-readable reason: empty_file, binary_content, unsupported_extension, unsupported_archive, file_too_large, line_too_long, malformed_jsonl_line, missing_text, document_too_long, symlink, unreadable, empty_body, cleaning_error, extraction_error. A record that failed a record-level audit check: audit:<suite>.<column>.<expectation> (the rest of its batch is published).';
COMMENT ON COLUMN raw.quarantine.detail IS 'Human-readable detail of the error.';
COMMENT ON COLUMN raw.quarantine.run_id IS 'Run that quarantined it.';
COMMENT ON COLUMN raw.quarantine.quarantined_at IS 'When (UTC).';
