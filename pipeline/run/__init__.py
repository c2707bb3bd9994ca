"""Run: the glue the CLI and the DAGs share — each stage over a batch folder, the audit gate
(quarantine at the right grain, audited bytes), a whole run under the run lock, bounded batches,
reprocessing in slices, and what each Airflow task does."""
