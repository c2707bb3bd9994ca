CREATE TABLE IF NOT EXISTS core.event_mentions (
    mention_id          VARCHAR PRIMARY KEY,
    article_id          VARCHAR NOT NULL,
    sentence_index      INTEGER NOT NULL,
    sentence_start      INTEGER NOT NULL,
    sentence_end        INTEGER NOT NULL,
    sentence            VARCHAR NOT NULL,
    event_type          VARCHAR NOT NULL,
    mode                VARCHAR,
    quad_class          VARCHAR NOT NULL,
    intensity           DOUBLE NOT NULL,
    cameo_root          VARCHAR,
    trigger             VARCHAR NOT NULL,
    trigger_start       INTEGER NOT NULL,
    trigger_end         INTEGER NOT NULL,
    actor_text          VARCHAR,
    actor_name          VARCHAR,
    actor_country       VARCHAR,
    actor_sector        VARCHAR,
    actor_countries     VARCHAR[],
    recipient_text      VARCHAR,
    recipient_name      VARCHAR,
    recipient_country   VARCHAR,
    recipient_sector    VARCHAR,
    recipient_countries VARCHAR[],
    actors_json         VARCHAR,
    recipients_json     VARCHAR,
    event_date          DATE,
    date_precision      VARCHAR,
    date_text           VARCHAR,
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_precision  VARCHAR,
    location_source     VARCHAR,
    status              VARCHAR NOT NULL,
    reported_by         VARCHAR,
    is_symmetric         BOOLEAN NOT NULL,
    confidence          DOUBLE NOT NULL,
    notes               VARCHAR[],
    language            VARCHAR,
    event_id            VARCHAR,
    extractor_version   VARCHAR NOT NULL,
    run_id              VARCHAR NOT NULL
);
COMMENT ON TABLE core.event_mentions IS 'Every event as one sentence of one article reports it (GDELT''s mentions grain). Negated and hypothetical mentions stay here but never become events.';
COMMENT ON COLUMN core.event_mentions.mention_id IS 'sha256 of (article, sentence, trigger offset, type): stable across re-runs.';
COMMENT ON COLUMN core.event_mentions.article_id IS 'Article the mention comes from.';
COMMENT ON COLUMN core.event_mentions.sentence_index IS 'Sentence position in the article body (0-based).';
COMMENT ON COLUMN core.event_mentions.sentence_start IS 'Start offset of the sentence in the article body.';
COMMENT ON COLUMN core.event_mentions.sentence_end IS 'End offset (exclusive) of the sentence in the article body.';
COMMENT ON COLUMN core.event_mentions.sentence IS 'The sentence text.';
COMMENT ON COLUMN core.event_mentions.event_type IS 'PLOVER event type (AGREE, CONSULT, ..., ASSAULT).';
COMMENT ON COLUMN core.event_mentions.mode IS 'PLOVER mode when the text says (e.g. phone, visit, aerial, demo).';
COMMENT ON COLUMN core.event_mentions.quad_class IS 'Quad class of the type: verbal/material cooperation/conflict.';
COMMENT ON COLUMN core.event_mentions.intensity IS 'Goldstein-like intensity of the type, -10 (most conflictual) to +10.';
COMMENT ON COLUMN core.event_mentions.cameo_root IS 'Closest CAMEO root code(s), for comparison with GDELT.';
COMMENT ON COLUMN core.event_mentions.trigger IS 'Word(s) that express the event (verb or noun).';
COMMENT ON COLUMN core.event_mentions.trigger_start IS 'Start offset of the trigger in the article body.';
COMMENT ON COLUMN core.event_mentions.trigger_end IS 'End offset (exclusive) of the trigger in the article body.';
COMMENT ON COLUMN core.event_mentions.actor_text IS 'Surface text of the (first) actor.';
COMMENT ON COLUMN core.event_mentions.actor_name IS 'Canonical name of the (first) actor from the actor dictionary.';
COMMENT ON COLUMN core.event_mentions.actor_country IS 'ISO 3166-1 alpha-3 country of the (first) actor.';
COMMENT ON COLUMN core.event_mentions.actor_sector IS 'Sector code of the (first) actor (GOV, MIL, REB, CRM, CVL, ...).';
COMMENT ON COLUMN core.event_mentions.actor_countries IS 'Countries of all actors (coordinated subjects).';
COMMENT ON COLUMN core.event_mentions.recipient_text IS 'Surface text of the (first) recipient.';
COMMENT ON COLUMN core.event_mentions.recipient_name IS 'Canonical name of the (first) recipient.';
COMMENT ON COLUMN core.event_mentions.recipient_country IS 'ISO alpha-3 country of the (first) recipient.';
COMMENT ON COLUMN core.event_mentions.recipient_sector IS 'Sector code of the (first) recipient.';
COMMENT ON COLUMN core.event_mentions.recipient_countries IS 'Countries of all recipients.';
COMMENT ON COLUMN core.event_mentions.actors_json IS 'All actors as JSON [{text,name,country,sector}].';
COMMENT ON COLUMN core.event_mentions.recipients_json IS 'All recipients as JSON [{text,name,country,sector}].';
COMMENT ON COLUMN core.event_mentions.event_date IS 'When the event happened, resolved against the article''s reference date. With date_precision week, month or year it is a conventional day, the middle of that period: a week''s Thursday; a month''s 15th or 16th (14th or 15th in February; early/mid/late in a month: the middle of its first, second or last third); 2 July for a year (1 July in a leap year). Group such rows by week, month or year, never by day.';
COMMENT ON COLUMN core.event_mentions.date_precision IS 'day, week, month or year: how much of event_date is known (for week, month and year event_date is the middle of the period); NULL when no date.';
COMMENT ON COLUMN core.event_mentions.date_text IS 'The temporal expression the date came from.';
COMMENT ON COLUMN core.event_mentions.location_name IS 'Where the event happened (gazetteer name).';
COMMENT ON COLUMN core.event_mentions.location_country IS 'ISO alpha-3 country of the location.';
COMMENT ON COLUMN core.event_mentions.location_lat IS 'Latitude of the location (gazetteer).';
COMMENT ON COLUMN core.event_mentions.location_lon IS 'Longitude of the location (gazetteer).';
COMMENT ON COLUMN core.event_mentions.location_precision IS 'city, admin, country or none: a country centroid is always labelled country.';
COMMENT ON COLUMN core.event_mentions.location_source IS 'sentence (named in the sentence) or article (the article''s main place).';
COMMENT ON COLUMN core.event_mentions.status IS 'asserted, negated, hypothetical or future.';
COMMENT ON COLUMN core.event_mentions.reported_by IS 'Speaker when the event is reported speech.';
COMMENT ON COLUMN core.event_mentions.is_symmetric IS 'True for reciprocal events (a call between X and Y): actor and recipient may be swapped.';
COMMENT ON COLUMN core.event_mentions.confidence IS 'Confidence of the extraction, 0..1.';
COMMENT ON COLUMN core.event_mentions.notes IS 'Machine-readable reasons for fallbacks and quality flags (actor_unresolved, date_from_publication, weekday_mismatch:..., ...).';
COMMENT ON COLUMN core.event_mentions.language IS 'Language of the article.';
COMMENT ON COLUMN core.event_mentions.event_id IS 'Canonical event this mention belongs to (NULL for negated and hypothetical mentions).';
COMMENT ON COLUMN core.event_mentions.extractor_version IS 'Version of the extraction rules.';
COMMENT ON COLUMN core.event_mentions.run_id IS 'Run that published it.';
