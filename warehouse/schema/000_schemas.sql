-- Layers: raw (as received) -> core (published, cleaned and extracted) -> curated (views users query).
-- staging holds the current run's batch until it passes the audit; ops holds the run log.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS ops;
CREATE SCHEMA IF NOT EXISTS curated;
