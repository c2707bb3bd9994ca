CREATE TABLE IF NOT EXISTS raw.source_files (
    source_path   VARCHAR NOT NULL,
    file_sha256   VARCHAR,
    size_bytes    BIGINT,
    format        VARCHAR,
    status        VARCHAR NOT NULL,   -- ingested | partial | quarantined
    n_documents   INTEGER,
    run_id        VARCHAR NOT NULL,
    seen_at       TIMESTAMP NOT NULL
);
COMMENT ON TABLE raw.source_files IS 'Every file read from the landing folder, by path and content hash: the ledger that proves each input was ingested or quarantined.';
COMMENT ON COLUMN raw.source_files.source_path IS 'Path of the file as found in the landing folder.';
COMMENT ON COLUMN raw.source_files.file_sha256 IS 'sha256 of the file bytes (NULL when it could not be read).';
COMMENT ON COLUMN raw.source_files.size_bytes IS 'File size in bytes.';
COMMENT ON COLUMN raw.source_files.format IS 'txt, html or jsonl (NULL for unsupported extensions).';
COMMENT ON COLUMN raw.source_files.status IS 'ingested, partial (some JSONL lines quarantined) or quarantined.';
COMMENT ON COLUMN raw.source_files.n_documents IS 'Documents (articles) the file yielded.';
COMMENT ON COLUMN raw.source_files.run_id IS 'Run that read it.';
COMMENT ON COLUMN raw.source_files.seen_at IS 'When it was read (UTC).';
