-- Date x actor country x recipient country x type counts, the classic event-data panel.
CREATE OR REPLACE VIEW curated.daily_dyads AS
WITH dyads AS (
    SELECT e.event_date, a.country AS actor_country, r.country AS recipient_country,
           e.event_type, e.quad_class, e.intensity, e.n_mentions
    FROM core.events AS e,
         unnest(coalesce(e.actor_countries, [NULL])) AS a(country),
         unnest(coalesce(e.recipient_countries, [NULL])) AS r(country)
    WHERE e.event_date IS NOT NULL
)
SELECT event_date, actor_country, recipient_country, event_type, quad_class,
       count(*) AS n_events,
       sum(n_mentions) AS n_mentions,
       avg(intensity) AS mean_intensity
FROM dyads
GROUP BY ALL
ORDER BY event_date, actor_country, recipient_country, event_type;
COMMENT ON VIEW curated.daily_dyads IS 'Events counted per day, actor country, recipient country and type.';
COMMENT ON COLUMN curated.daily_dyads.event_date IS 'Event date; for date_precision week, month or year the middle day of the period (a week''s Thursday, a month''s 15th or 16th, 2 July for a year), not a day the event is known to have happened.';
COMMENT ON COLUMN curated.daily_dyads.actor_country IS 'Actor country (ISO alpha-3).';
COMMENT ON COLUMN curated.daily_dyads.recipient_country IS 'Recipient country (ISO alpha-3).';
COMMENT ON COLUMN curated.daily_dyads.event_type IS 'PLOVER type.';
COMMENT ON COLUMN curated.daily_dyads.quad_class IS 'Quad class.';
COMMENT ON COLUMN curated.daily_dyads.n_events IS 'Number of events.';
COMMENT ON COLUMN curated.daily_dyads.n_mentions IS 'Number of mentions of those events.';
COMMENT ON COLUMN curated.daily_dyads.mean_intensity IS 'Mean intensity of those events.';
