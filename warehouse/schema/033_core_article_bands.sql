CREATE TABLE IF NOT EXISTS core.article_bands (
    article_id  VARCHAR NOT NULL,
    band        TINYINT NOT NULL,
    band_key    UHUGEINT NOT NULL
);
COMMENT ON TABLE core.article_bands IS 'LSH index of core.articles.minhash: one row per article and band, so a new article''s near-duplicates are found by joining on its bands instead of comparing every signature. Candidates are confirmed on the full signature.';
COMMENT ON COLUMN core.article_bands.article_id IS 'Article (core.articles.article_id) the band belongs to.';
COMMENT ON COLUMN core.article_bands.band IS 'Band number, 0 to 31: the band covers minhash values 4 x band + 1 to 4 x band + 4.';
COMMENT ON COLUMN core.article_bands.band_key IS 'The band''s 4 MinHash values (each below 2^32) packed into one 128-bit integer: two articles share it only when the 4 values are equal.';
