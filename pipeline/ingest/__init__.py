"""Ingest: the landing folder to raw documents. Discovers files (skipping, and counting, hidden and
in-progress ones), reads them content-addressed, decodes, splits JSONL exports, bounds the batch, and
turns every bad input into a quarantine record with its reason."""
