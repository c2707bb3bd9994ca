CREATE TABLE IF NOT EXISTS core.removed_blocks (
    article_id    VARCHAR NOT NULL,
    block_index   INTEGER NOT NULL,
    reason        VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    start_offset  INTEGER,
    end_offset    INTEGER,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (article_id, block_index)
);
COMMENT ON TABLE core.removed_blocks IS 'What the cleaner cut from each article and why, so a reviewer can check it.';
COMMENT ON COLUMN core.removed_blocks.article_id IS 'Article the block was cut from.';
COMMENT ON COLUMN core.removed_blocks.block_index IS 'Order of the block within the article (0-based).';
COMMENT ON COLUMN core.removed_blocks.reason IS 'Why it was removed: cookie_banner, caption, badge, related_teaser, social_digest, duplicate_paragraph, repeated_title, recurring_line, low_density, ...';
COMMENT ON COLUMN core.removed_blocks.text IS 'The removed text.';
COMMENT ON COLUMN core.removed_blocks.start_offset IS 'Start offset in raw.documents.raw_text, when known.';
COMMENT ON COLUMN core.removed_blocks.end_offset IS 'End offset in raw.documents.raw_text, when known.';
COMMENT ON COLUMN core.removed_blocks.run_id IS 'Run that published it.';
