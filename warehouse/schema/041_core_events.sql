CREATE TABLE IF NOT EXISTS core.events (
    event_id            VARCHAR PRIMARY KEY,
    event_type          VARCHAR NOT NULL,
    mode                VARCHAR,
    quad_class          VARCHAR NOT NULL,
    intensity           DOUBLE NOT NULL,
    cameo_root          VARCHAR,
    actor_name          VARCHAR,
    actor_country       VARCHAR,
    actor_sector        VARCHAR,
    actor_countries     VARCHAR[],
    recipient_name      VARCHAR,
    recipient_country   VARCHAR,
    recipient_sector    VARCHAR,
    recipient_countries VARCHAR[],
    is_symmetric         BOOLEAN NOT NULL,
    event_date          DATE,
    date_precision      VARCHAR,
    date_min            DATE,
    date_max            DATE,
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_precision  VARCHAR,
    status              VARCHAR NOT NULL,
    n_mentions          INTEGER NOT NULL,
    n_articles          INTEGER NOT NULL,
    n_sources           INTEGER NOT NULL,
    first_seen          DATE,
    last_seen           DATE,
    confidence          DOUBLE NOT NULL,
    conflicts           VARCHAR[],
    merge_key           VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL,
    anchor_date         DATE,
    anchor_precision    VARCHAR
);
-- warehouses created before the anchor columns existed (pipeline.warehouse.load.apply_schema fills them in)
ALTER TABLE core.events ADD COLUMN IF NOT EXISTS anchor_date DATE;
ALTER TABLE core.events ADD COLUMN IF NOT EXISTS anchor_precision VARCHAR;
COMMENT ON TABLE core.events IS 'One row per real-world event: asserted or future mentions merged within and across articles (GDELT''s events grain).';
COMMENT ON COLUMN core.events.event_id IS 'Stable id of the event (hash of its merge key and first mention).';
COMMENT ON COLUMN core.events.event_type IS 'PLOVER event type.';
COMMENT ON COLUMN core.events.mode IS 'Most frequent mode among the mentions.';
COMMENT ON COLUMN core.events.quad_class IS 'Quad class of the type.';
COMMENT ON COLUMN core.events.intensity IS 'Intensity of the type (-10..+10).';
COMMENT ON COLUMN core.events.cameo_root IS 'Closest CAMEO root code(s).';
COMMENT ON COLUMN core.events.actor_name IS 'Most frequent canonical actor name.';
COMMENT ON COLUMN core.events.actor_country IS 'Actor country (ISO alpha-3).';
COMMENT ON COLUMN core.events.actor_sector IS 'Most frequent actor sector.';
COMMENT ON COLUMN core.events.actor_countries IS 'All actor countries.';
COMMENT ON COLUMN core.events.recipient_name IS 'Most frequent canonical recipient name.';
COMMENT ON COLUMN core.events.recipient_country IS 'Recipient country (ISO alpha-3).';
COMMENT ON COLUMN core.events.recipient_sector IS 'Most frequent recipient sector.';
COMMENT ON COLUMN core.events.recipient_countries IS 'All recipient countries.';
COMMENT ON COLUMN core.events.is_symmetric IS 'Reciprocal event: actor and recipient are interchangeable.';
COMMENT ON COLUMN core.events.event_date IS 'Reconciled event date: the most precise date most mentions agree on; for a week, month or year (date_precision) the middle day of the period (see core.event_mentions.event_date).';
COMMENT ON COLUMN core.events.date_precision IS 'Precision of event_date: day, week, month or year.';
COMMENT ON COLUMN core.events.date_min IS 'Earliest date any mention gives.';
COMMENT ON COLUMN core.events.date_max IS 'Latest date any mention gives (differs from date_min when sources disagree).';
COMMENT ON COLUMN core.events.location_name IS 'Most precise place the mentions give.';
COMMENT ON COLUMN core.events.location_country IS 'Country of the place.';
COMMENT ON COLUMN core.events.location_lat IS 'Latitude of the place.';
COMMENT ON COLUMN core.events.location_lon IS 'Longitude of the place.';
COMMENT ON COLUMN core.events.location_precision IS 'city, admin, country or none.';
COMMENT ON COLUMN core.events.status IS 'asserted, or future when every mention announces it.';
COMMENT ON COLUMN core.events.n_mentions IS 'Number of mentions merged into the event.';
COMMENT ON COLUMN core.events.n_articles IS 'Number of distinct articles mentioning it.';
COMMENT ON COLUMN core.events.n_sources IS 'Number of distinct sources, near-duplicate articles counted once.';
COMMENT ON COLUMN core.events.first_seen IS 'Earliest reference date of an article mentioning it.';
COMMENT ON COLUMN core.events.last_seen IS 'Latest reference date of an article mentioning it.';
COMMENT ON COLUMN core.events.confidence IS 'Confidence of the event: grows with independent mentions.';
COMMENT ON COLUMN core.events.conflicts IS 'Disagreements between mentions kept for review (dates, modes, places, durations).';
COMMENT ON COLUMN core.events.merge_key IS 'Type and dyad the event was merged on (type|actor countries|recipient countries).';
COMMENT ON COLUMN core.events.run_id IS 'Run that last (re)built the event.';
COMMENT ON COLUMN core.events.anchor_date IS 'Date new mentions are matched against when merged (pipeline/warehouse/merge.py): that of the mention that opened the event; NULL when that mention had no date.';
COMMENT ON COLUMN core.events.anchor_precision IS 'Precision of anchor_date: day, week, month or year; weak when the opening mention was dated only by its article''s publication date (only weakly dated mentions within 14 days join such an event).';
