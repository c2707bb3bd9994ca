"""newsevents: raw news dumps -> clean articles -> PLOVER events in DuckDB, audited, then published.

Rooms follow the data flow (imports only point down this list; import-linter enforces it):

    cli, run       glue the CLI and the DAGs share: batches, the run lock, the stages in order
    lab            benchmarks, evaluation, docs generators (never imported by the stages)
    quality        Great Expectations audit and the run reports
    warehouse      DuckDB connection, schema, rows, ledger, staging, publish, event merging
    ingest         landing folder -> raw documents or quarantine records
    clean          raw documents -> clean articles (boilerplate, metadata, language, near-duplicates)
    extract        clean articles -> event mentions (patterns, parties, status, dates, places)
    text           spaCy loading, normalisation, temporal expressions (shared by clean and extract)
    core           record models, PLOVER ontology, settings, fault points, worker pool
"""
