-- Added after ops.runs was first shipped: ADD COLUMN IF NOT EXISTS upgrades older warehouse files.
ALTER TABLE ops.runs ADD COLUMN IF NOT EXISTS n_skipped INTEGER;
ALTER TABLE ops.runs ADD COLUMN IF NOT EXISTS skipped VARCHAR;
COMMENT ON COLUMN ops.runs.n_skipped IS 'Landing entries not read by this run and why they wait (hidden files or folders, files still being written): counted, never silently dropped.';
COMMENT ON COLUMN ops.runs.skipped IS 'The skipped entries by reason, e.g. "hidden: 2; in_progress: 1".';
