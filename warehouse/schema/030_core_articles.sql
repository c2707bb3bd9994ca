CREATE TABLE IF NOT EXISTS core.articles (
    article_id        VARCHAR PRIMARY KEY,
    source_path       VARCHAR NOT NULL,
    source_name       VARCHAR,
    url               VARCHAR,
    canonical_url     VARCHAR,
    title             VARCHAR,
    published         DATE,
    published_source  VARCHAR,
    reference_date    DATE,
    language          VARCHAR NOT NULL,
    body              VARCHAR NOT NULL,
    n_paragraphs      INTEGER NOT NULL,
    n_chars           INTEGER NOT NULL,
    n_removed_blocks  INTEGER NOT NULL,
    duplicate_of      VARCHAR,
    minhash           UBIGINT[],
    notes             VARCHAR[],
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    loaded_at         TIMESTAMP NOT NULL
);
COMMENT ON TABLE core.articles IS 'Published articles after boilerplate removal: one row per distinct raw document.';
COMMENT ON COLUMN core.articles.article_id IS 'Same as raw.documents.doc_id (sha256 of the raw bytes).';
COMMENT ON COLUMN core.articles.source_path IS 'Path of the dump it came from.';
COMMENT ON COLUMN core.articles.source_name IS 'Publisher / source label (URL host, or the file stem).';
COMMENT ON COLUMN core.articles.url IS 'URL given by the export, if any.';
COMMENT ON COLUMN core.articles.canonical_url IS 'Canonical URL read from the HTML, if any.';
COMMENT ON COLUMN core.articles.title IS 'Article title (NULL when the dump has none).';
COMMENT ON COLUMN core.articles.published IS 'Publication date from a header, HTML metadata, JSON-LD, URL or export field; NULL when unknown.';
COMMENT ON COLUMN core.articles.published_source IS 'Where the publication date came from: header, meta, jsonld, url, hint, dateline (a "Publié le …" / "March 5, 2026" line under the title); inferred when only a reference date could be inferred from the text.';
COMMENT ON COLUMN core.articles.reference_date IS 'Date relative expressions are resolved against: published, else inferred from the text.';
COMMENT ON COLUMN core.articles.language IS 'ISO 639-1 language detected from the body (und when unknown).';
COMMENT ON COLUMN core.articles.body IS 'Clean body text: paragraphs separated by one blank line, title excluded. Offsets in mentions refer to it.';
COMMENT ON COLUMN core.articles.n_paragraphs IS 'Number of paragraphs in the body.';
COMMENT ON COLUMN core.articles.n_chars IS 'Length of the body in characters.';
COMMENT ON COLUMN core.articles.n_removed_blocks IS 'Number of boilerplate blocks removed (see core.removed_blocks).';
COMMENT ON COLUMN core.articles.duplicate_of IS 'article_id of the canonical article when this one is a near-duplicate (same wire story), else NULL.';
COMMENT ON COLUMN core.articles.minhash IS 'MinHash signature of the body''s word shingles, for near-duplicate detection.';
COMMENT ON COLUMN core.articles.notes IS 'Cleaning notes (e.g. mojibake repaired, newline artifacts repaired).';
COMMENT ON COLUMN core.articles.extractor_version IS 'Version of the cleaning and extraction rules that produced the row.';
COMMENT ON COLUMN core.articles.run_id IS 'Run that published it.';
COMMENT ON COLUMN core.articles.loaded_at IS 'When it was published (UTC).';
