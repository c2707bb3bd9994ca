-- One row per real-world event: what analysts count.
CREATE OR REPLACE VIEW curated.events AS
SELECT
    e.event_id,
    e.event_date,
    e.date_precision,
    e.event_type,
    e.mode,
    e.quad_class,
    e.intensity,
    e.cameo_root,
    e.actor_name,
    e.actor_country,
    e.actor_sector,
    e.recipient_name,
    e.recipient_country,
    e.recipient_sector,
    e.is_symmetric,
    e.status,
    e.location_name,
    e.location_country,
    e.location_lat,
    e.location_lon,
    e.location_precision,
    e.n_mentions,
    e.n_articles,
    e.n_sources,
    e.first_seen,
    e.last_seen,
    e.confidence,
    e.date_min,
    e.date_max,
    e.conflicts,
    e.actor_countries,
    e.recipient_countries
FROM core.events AS e;
COMMENT ON VIEW curated.events IS 'One row per real-world event (asserted or announced), merged from mentions within and across articles.';
COMMENT ON COLUMN curated.events.event_id IS 'Stable event id.';
COMMENT ON COLUMN curated.events.event_date IS 'Event date; for date_precision week, month or year the middle day of the period (a week''s Thursday, a month''s 15th or 16th, 2 July for a year), not a day the event is known to have happened.';
COMMENT ON COLUMN curated.events.date_precision IS 'day, week, month or year.';
COMMENT ON COLUMN curated.events.event_type IS 'PLOVER type.';
COMMENT ON COLUMN curated.events.mode IS 'PLOVER mode.';
COMMENT ON COLUMN curated.events.quad_class IS 'Quad class.';
COMMENT ON COLUMN curated.events.intensity IS 'Intensity -10..+10.';
COMMENT ON COLUMN curated.events.cameo_root IS 'Closest CAMEO root code(s).';
COMMENT ON COLUMN curated.events.actor_name IS 'Actor (canonical name).';
COMMENT ON COLUMN curated.events.actor_country IS 'Actor country (ISO alpha-3).';
COMMENT ON COLUMN curated.events.actor_sector IS 'Actor sector.';
COMMENT ON COLUMN curated.events.recipient_name IS 'Recipient (canonical name).';
COMMENT ON COLUMN curated.events.recipient_country IS 'Recipient country (ISO alpha-3).';
COMMENT ON COLUMN curated.events.recipient_sector IS 'Recipient sector.';
COMMENT ON COLUMN curated.events.is_symmetric IS 'Reciprocal event.';
COMMENT ON COLUMN curated.events.status IS 'asserted or future.';
COMMENT ON COLUMN curated.events.location_name IS 'Place.';
COMMENT ON COLUMN curated.events.location_country IS 'Country of the place.';
COMMENT ON COLUMN curated.events.location_lat IS 'Latitude.';
COMMENT ON COLUMN curated.events.location_lon IS 'Longitude.';
COMMENT ON COLUMN curated.events.location_precision IS 'city, admin, country or none.';
COMMENT ON COLUMN curated.events.n_mentions IS 'Mentions merged.';
COMMENT ON COLUMN curated.events.n_articles IS 'Distinct articles.';
COMMENT ON COLUMN curated.events.n_sources IS 'Distinct sources (near-duplicates counted once).';
COMMENT ON COLUMN curated.events.first_seen IS 'First reference date it was reported.';
COMMENT ON COLUMN curated.events.last_seen IS 'Last reference date it was reported.';
COMMENT ON COLUMN curated.events.confidence IS 'Confidence 0..1.';
COMMENT ON COLUMN curated.events.date_min IS 'Earliest date a mention gives.';
COMMENT ON COLUMN curated.events.date_max IS 'Latest date a mention gives.';
COMMENT ON COLUMN curated.events.conflicts IS 'Disagreements between mentions.';
COMMENT ON COLUMN curated.events.actor_countries IS 'All actor countries.';
COMMENT ON COLUMN curated.events.recipient_countries IS 'All recipient countries.';
