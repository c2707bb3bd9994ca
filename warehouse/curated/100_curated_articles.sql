-- Articles as analysts see them: metadata, body and what was cut, with duplicates linked.
CREATE OR REPLACE VIEW curated.articles AS
WITH mention_counts AS (
    SELECT article_id,
           count(*) AS n_mentions,
           count(*) FILTER (WHERE event_id IS NOT NULL) AS n_event_mentions
    FROM core.event_mentions
    GROUP BY article_id
)
SELECT
    a.article_id,
    a.title,
    a.source_name,
    a.source_path,
    coalesce(a.canonical_url, a.url) AS url,
    a.published,
    a.published_source,
    a.reference_date,
    a.language,
    a.n_paragraphs,
    a.n_chars,
    a.n_removed_blocks,
    a.duplicate_of,
    coalesce(m.n_mentions, 0) AS n_mentions,
    coalesce(m.n_event_mentions, 0) AS n_event_mentions,
    a.body,
    a.loaded_at
FROM core.articles AS a
LEFT JOIN mention_counts AS m USING (article_id);
COMMENT ON VIEW curated.articles IS 'Published articles after cleaning, one row each, with mention counts.';
COMMENT ON COLUMN curated.articles.article_id IS 'sha256 of the raw article bytes.';
COMMENT ON COLUMN curated.articles.title IS 'Article title (NULL when the dump has none).';
COMMENT ON COLUMN curated.articles.source_name IS 'Publisher / source label.';
COMMENT ON COLUMN curated.articles.source_path IS 'Dump the article came from.';
COMMENT ON COLUMN curated.articles.url IS 'Canonical URL, else the export URL.';
COMMENT ON COLUMN curated.articles.published IS 'Publication date, NULL when unknown.';
COMMENT ON COLUMN curated.articles.published_source IS 'header, meta, jsonld, url, hint or inferred.';
COMMENT ON COLUMN curated.articles.reference_date IS 'Date relative expressions were resolved against.';
COMMENT ON COLUMN curated.articles.language IS 'Detected language (ISO 639-1).';
COMMENT ON COLUMN curated.articles.n_paragraphs IS 'Paragraphs in the clean body.';
COMMENT ON COLUMN curated.articles.n_chars IS 'Characters in the clean body.';
COMMENT ON COLUMN curated.articles.n_removed_blocks IS 'Boilerplate blocks removed.';
COMMENT ON COLUMN curated.articles.duplicate_of IS 'Canonical article when this is a near-duplicate.';
COMMENT ON COLUMN curated.articles.n_mentions IS 'Event mentions extracted (all statuses).';
COMMENT ON COLUMN curated.articles.n_event_mentions IS 'Mentions that belong to a published event (asserted or future).';
COMMENT ON COLUMN curated.articles.body IS 'Clean body text.';
COMMENT ON COLUMN curated.articles.loaded_at IS 'When the article was published to the warehouse.';
