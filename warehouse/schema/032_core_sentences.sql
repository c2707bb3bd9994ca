CREATE TABLE IF NOT EXISTS core.sentences (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    n_mentions     INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_index)
);
COMMENT ON TABLE core.sentences IS 'Sentences of each article body with their character offsets.';
COMMENT ON COLUMN core.sentences.article_id IS 'Article the sentence belongs to.';
COMMENT ON COLUMN core.sentences.sentence_index IS 'Position of the sentence in the body (0-based).';
COMMENT ON COLUMN core.sentences.start_offset IS 'Start character offset in core.articles.body.';
COMMENT ON COLUMN core.sentences.end_offset IS 'End character offset (exclusive) in core.articles.body.';
COMMENT ON COLUMN core.sentences.text IS 'Sentence text.';
COMMENT ON COLUMN core.sentences.n_mentions IS 'Event mentions extracted from the sentence.';
COMMENT ON COLUMN core.sentences.run_id IS 'Run that published it.';
