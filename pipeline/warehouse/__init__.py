"""Warehouse: everything that touches DuckDB — connections, the schema from warehouse/*.sql,
records to rows, the batch on disk and its staging, the ledgers, near-duplicates of published
articles, publishing in one transaction with incremental event merging, and read-only queries.
Knows nothing of Great Expectations: the run room passes the events audit in."""
