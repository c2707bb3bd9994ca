-- Every mention with its sentence, article title, source and offsets.
CREATE OR REPLACE VIEW curated.event_mentions AS
SELECT
    m.mention_id,
    m.event_id,
    m.event_type,
    m.mode,
    m.status,
    m.actor_name,
    m.actor_country,
    m.actor_sector,
    m.recipient_name,
    m.recipient_country,
    m.recipient_sector,
    m.event_date,
    m.date_precision,
    m.date_text,
    m.location_name,
    m.location_country,
    m.trigger,
    m.sentence,
    m.sentence_index,
    m.trigger_start,
    m.trigger_end,
    m.reported_by,
    m.confidence,
    m.notes,
    a.title AS article_title,
    a.source_name,
    a.published AS article_published,
    m.article_id
FROM core.event_mentions AS m
JOIN core.articles AS a USING (article_id);
COMMENT ON VIEW curated.event_mentions IS 'Every event mention with its sentence, article and provenance; includes negated and hypothetical mentions (status tells).';
COMMENT ON COLUMN curated.event_mentions.mention_id IS 'Stable mention id.';
COMMENT ON COLUMN curated.event_mentions.event_id IS 'Event it was merged into (NULL for negated/hypothetical).';
COMMENT ON COLUMN curated.event_mentions.event_type IS 'PLOVER type.';
COMMENT ON COLUMN curated.event_mentions.mode IS 'PLOVER mode.';
COMMENT ON COLUMN curated.event_mentions.status IS 'asserted, negated, hypothetical or future.';
COMMENT ON COLUMN curated.event_mentions.actor_name IS 'Canonical actor name.';
COMMENT ON COLUMN curated.event_mentions.actor_country IS 'Actor country (ISO alpha-3).';
COMMENT ON COLUMN curated.event_mentions.actor_sector IS 'Actor sector.';
COMMENT ON COLUMN curated.event_mentions.recipient_name IS 'Canonical recipient name.';
COMMENT ON COLUMN curated.event_mentions.recipient_country IS 'Recipient country (ISO alpha-3).';
COMMENT ON COLUMN curated.event_mentions.recipient_sector IS 'Recipient sector.';
COMMENT ON COLUMN curated.event_mentions.event_date IS 'Event date; for date_precision week, month or year the middle day of the period (a week''s Thursday, a month''s 15th or 16th, 2 July for a year), not a day the event is known to have happened.';
COMMENT ON COLUMN curated.event_mentions.date_precision IS 'day, week, month or year.';
COMMENT ON COLUMN curated.event_mentions.date_text IS 'Temporal expression used.';
COMMENT ON COLUMN curated.event_mentions.location_name IS 'Place of the event.';
COMMENT ON COLUMN curated.event_mentions.location_country IS 'Country of the place.';
COMMENT ON COLUMN curated.event_mentions.trigger IS 'Trigger word(s).';
COMMENT ON COLUMN curated.event_mentions.sentence IS 'Sentence the mention comes from.';
COMMENT ON COLUMN curated.event_mentions.sentence_index IS 'Sentence position in the article (0-based).';
COMMENT ON COLUMN curated.event_mentions.trigger_start IS 'Trigger start offset in the article body.';
COMMENT ON COLUMN curated.event_mentions.trigger_end IS 'Trigger end offset in the article body.';
COMMENT ON COLUMN curated.event_mentions.reported_by IS 'Speaker, for reported speech.';
COMMENT ON COLUMN curated.event_mentions.confidence IS 'Extraction confidence 0..1.';
COMMENT ON COLUMN curated.event_mentions.notes IS 'Fallback reasons and quality flags.';
COMMENT ON COLUMN curated.event_mentions.article_title IS 'Title of the article.';
COMMENT ON COLUMN curated.event_mentions.source_name IS 'Source of the article.';
COMMENT ON COLUMN curated.event_mentions.article_published IS 'Publication date of the article.';
COMMENT ON COLUMN curated.event_mentions.article_id IS 'Article id.';
