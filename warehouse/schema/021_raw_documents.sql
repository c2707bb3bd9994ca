CREATE TABLE IF NOT EXISTS raw.documents (
    doc_id        VARCHAR PRIMARY KEY,
    file_sha256   VARCHAR NOT NULL,
    source_path   VARCHAR NOT NULL,
    line_no       INTEGER,
    format        VARCHAR NOT NULL,
    encoding      VARCHAR,
    url           VARCHAR,
    title_hint    VARCHAR,
    published_hint VARCHAR,
    is_html       BOOLEAN,
    raw_text      VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL,
    ingested_at   TIMESTAMP NOT NULL
);
COMMENT ON TABLE raw.documents IS 'One row per distinct raw article (content-addressed): the text exactly as received, decoded.';
COMMENT ON COLUMN raw.documents.doc_id IS 'sha256 of the article''s raw bytes (whole file, or one JSONL line).';
COMMENT ON COLUMN raw.documents.file_sha256 IS 'sha256 of the file it came from.';
COMMENT ON COLUMN raw.documents.source_path IS 'First path it was found at (all paths: raw.source_files).';
COMMENT ON COLUMN raw.documents.line_no IS 'Line number in a JSONL export (1-based), NULL otherwise.';
COMMENT ON COLUMN raw.documents.format IS 'txt, html or jsonl.';
COMMENT ON COLUMN raw.documents.encoding IS 'Encoding the bytes were decoded with (utf-8, utf-16, cp1252, mixed).';
COMMENT ON COLUMN raw.documents.url IS 'URL given by a JSONL export.';
COMMENT ON COLUMN raw.documents.title_hint IS 'Title given by a JSONL export.';
COMMENT ON COLUMN raw.documents.published_hint IS 'Publication date given by a JSONL export.';
COMMENT ON COLUMN raw.documents.is_html IS 'Whether raw_text is HTML.';
COMMENT ON COLUMN raw.documents.raw_text IS 'Decoded raw text or HTML, unmodified (offsets of removed blocks refer to it).';
COMMENT ON COLUMN raw.documents.run_id IS 'Run that ingested it.';
COMMENT ON COLUMN raw.documents.ingested_at IS 'When it was ingested (UTC).';
