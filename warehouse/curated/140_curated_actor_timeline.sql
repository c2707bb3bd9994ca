-- Each actor's events in date order, as actor or as recipient.
CREATE OR REPLACE VIEW curated.actor_timeline AS
WITH sides AS (
    SELECT event_id, event_date, date_precision, event_type, quad_class, intensity,
           'actor' AS role, actor_name AS entity, actor_country AS country,
           recipient_name AS counterpart, recipient_country AS counterpart_country, n_mentions
    FROM core.events
    UNION ALL
    SELECT event_id, event_date, date_precision, event_type, quad_class, intensity,
           'recipient' AS role, recipient_name, recipient_country,
           actor_name, actor_country, n_mentions
    FROM core.events
)
SELECT * FROM sides
WHERE entity IS NOT NULL OR country IS NOT NULL
ORDER BY coalesce(entity, country), event_date;
COMMENT ON VIEW curated.actor_timeline IS 'Per actor (entity or country), its events in date order, as actor or recipient.';
COMMENT ON COLUMN curated.actor_timeline.event_id IS 'Event id.';
COMMENT ON COLUMN curated.actor_timeline.event_date IS 'Event date; for date_precision week, month or year the middle day of the period (a week''s Thursday, a month''s 15th or 16th, 2 July for a year), not a day the event is known to have happened.';
COMMENT ON COLUMN curated.actor_timeline.date_precision IS 'Date precision.';
COMMENT ON COLUMN curated.actor_timeline.event_type IS 'PLOVER type.';
COMMENT ON COLUMN curated.actor_timeline.quad_class IS 'Quad class.';
COMMENT ON COLUMN curated.actor_timeline.intensity IS 'Intensity.';
COMMENT ON COLUMN curated.actor_timeline.role IS 'actor or recipient.';
COMMENT ON COLUMN curated.actor_timeline.entity IS 'Canonical name of the entity.';
COMMENT ON COLUMN curated.actor_timeline.country IS 'Country of the entity.';
COMMENT ON COLUMN curated.actor_timeline.counterpart IS 'The other party.';
COMMENT ON COLUMN curated.actor_timeline.counterpart_country IS 'Country of the other party.';
COMMENT ON COLUMN curated.actor_timeline.n_mentions IS 'Mentions of the event.';
