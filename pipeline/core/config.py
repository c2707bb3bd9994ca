"""All settings in one place, read from environment variables with documented defaults.

| variable                         | default                         | meaning                                   |
|----------------------------------|---------------------------------|-------------------------------------------|
| NEWSEVENTS_HOME                  | the repository root             | base for the relative paths below         |
| NEWSEVENTS_LANDING               | samples/                        | folder the scheduled DAG picks files from |
| NEWSEVENTS_WAREHOUSE             | var/warehouse.duckdb            | the DuckDB file, or a DuckLake:           |
|                                  |                                 | `ducklake:postgres:<libpq conninfo>`      |
| NEWSEVENTS_LAKE_DATA             | var/lake_data                   | DuckLake data path (folder or s3://...)   |
| NEWSEVENTS_LAKE_POINTER          | var/warehouse.ducklake          | local handle written for a DuckLake       |
| NEWSEVENTS_LAKE_S3_ENDPOINT      | (unset)                         | S3 endpoint of the data path (test server)|
| NEWSEVENTS_LAKE_EXTENSIONS       | var/duckdb_extensions           | DuckDB extensions copied from the wheels  |
| NEWSEVENTS_SHARDS                | 1                               | shards of cleaning/extraction in the DAG  |
| NEWSEVENTS_PUBLISH_POOL          | (unset: default_pool)           | Airflow pool of stage/audit/publish (1 slot)|
| NEWSEVENTS_WORK                  | var/work                        | per-run Parquet batches                   |
| NEWSEVENTS_REPORTS               | var/reports                     | run reports and GX Data Docs              |
| NEWSEVENTS_LANGUAGES             | fr,en                           | languages extracted (others: cleaned only)|
| NEWSEVENTS_SCHEDULE              | */15 * * * *                    | cron of the ingest DAG                    |
| NEWSEVENTS_MAX_FILE_MB           | 50                              | larger files are quarantined              |
| NEWSEVENTS_SETTLE_SECONDS        | 2                               | a file must be unchanged this long        |
| NEWSEVENTS_MAX_BATCH_DOCUMENTS   | 2000                            | documents per batch (bounds memory); more |
|                                  |                                 | wait for the next batch (0 = no limit)    |
| NEWSEVENTS_WORKERS               | number of cores                 | worker processes for clean and extract    |
| NEWSEVENTS_PARSE_CACHE           | 8192                            | parsed sentences kept per process (0: off)|
| NEWSEVENTS_BLAS                  | numpy                           | `blis` keeps thinc's default matrix code  |
| NEWSEVENTS_FAST_SPACY            | 1                               | `0`: spaCy's own attribute ruler/lemmatizer|
| NEWSEVENTS_FAULT                 | (unset)                         | tests only: SIGKILL at this fault point   |
| NEWSEVENTS_LOCK_WAIT_SECONDS     | 30                              | retry while another process holds the     |
|                                  |                                 | DuckDB file, then fail with a clear error |

Airflow Variables with the same names (lower case, e.g. `newsevents_landing`) override the
environment when the DAG runs; see pipeline/run/tasks.py. Nothing else in the package
reads the environment: per-run settings come from `load_settings()`, per-process ones (workers,
spaCy tuning, fault points), read where no Settings object travels (forked workers, model
loading), from `process_settings()`.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SCHEDULE = "*/15 * * * *"
DEFAULT_MAX_FILE_MB = 50  # larger input files are quarantined, never cut


def _path(env: str, default: str, home: Path) -> Path:
    value = os.environ.get(env)
    path = Path(value) if value else Path(default)
    return path if path.is_absolute() else (home / path)


@dataclass(frozen=True)
class Settings:
    home: Path
    landing: Path
    warehouse: Path
    work_dir: Path
    reports_dir: Path
    languages: tuple[str, ...] = ("fr", "en")
    schedule: str = DEFAULT_SCHEDULE
    max_file_bytes: int = DEFAULT_MAX_FILE_MB * 1024 * 1024
    settle_seconds: float = 2.0
    max_batch_documents: int = 2000  # whole files are taken until a batch holds this many documents
    shards: int = 1  # mapped clean/extract tasks per batch in the ingest DAG (pipeline.run.shards)
    publish_pool: str | None = None  # Airflow pool (1 slot) of the tasks that write the warehouse
    extractor_version: str | None = None  # None: the extractor's own (a hash of its patterns and model)

    @property
    def data_docs_dir(self) -> Path:
        return self.reports_dir / "data_docs"

    def with_overrides(self, **kwargs) -> "Settings":
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def load_settings(**overrides) -> Settings:
    home = Path(os.environ.get("NEWSEVENTS_HOME", REPO_ROOT))
    settings = Settings(
        home=home,
        landing=_path("NEWSEVENTS_LANDING", "samples", home),
        warehouse=_warehouse(home),
        work_dir=_path("NEWSEVENTS_WORK", "var/work", home),
        reports_dir=_path("NEWSEVENTS_REPORTS", "var/reports", home),
        languages=tuple(
            lang.strip() for lang in os.environ.get("NEWSEVENTS_LANGUAGES", "fr,en").split(",") if lang.strip()
        ),
        schedule=os.environ.get("NEWSEVENTS_SCHEDULE", DEFAULT_SCHEDULE),
        max_file_bytes=int(float(os.environ.get("NEWSEVENTS_MAX_FILE_MB", DEFAULT_MAX_FILE_MB)) * 1024 * 1024),
        settle_seconds=float(os.environ.get("NEWSEVENTS_SETTLE_SECONDS", "2")),
        max_batch_documents=int(os.environ.get("NEWSEVENTS_MAX_BATCH_DOCUMENTS", "2000")),
        shards=max(1, _int("NEWSEVENTS_SHARDS", 1)),
        publish_pool=os.environ.get("NEWSEVENTS_PUBLISH_POOL") or None,
    )
    return settings.with_overrides(**overrides)


def _warehouse(home: Path) -> Path:
    """The warehouse path: the DuckDB file, or for `ducklake:<catalog>` the local pointer file that
    pipeline.warehouse.backend opens (written here, and rewritten only when the settings change)."""
    value = os.environ.get("NEWSEVENTS_WAREHOUSE") or ""
    if not value.startswith("ducklake:"):
        return _path("NEWSEVENTS_WAREHOUSE", "var/warehouse.duckdb", home)
    pointer = _path("NEWSEVENTS_LAKE_POINTER", "var/warehouse.ducklake", home)
    data = os.environ.get("NEWSEVENTS_LAKE_DATA") or "var/lake_data"
    if "://" not in data:
        data = str(_path("NEWSEVENTS_LAKE_DATA", "var/lake_data", home)) + "/"
    text = json.dumps({"catalog": value[len("ducklake:"):], "data_path": data,
                       "s3_endpoint": os.environ.get("NEWSEVENTS_LAKE_S3_ENDPOINT") or None}, indent=1)
    if not pointer.exists() or pointer.read_text() != text:
        pointer.parent.mkdir(parents=True, exist_ok=True)
        tmp = pointer.with_name(f"{pointer.name}.{os.getpid()}.tmp")
        tmp.write_text(text)
        tmp.replace(pointer)  # atomic: a reader never sees it half-written
    return pointer


def lake_extension_dir() -> Path:
    home = Path(os.environ.get("NEWSEVENTS_HOME", REPO_ROOT))
    return _path("NEWSEVENTS_LAKE_EXTENSIONS", "var/duckdb_extensions", home)


@dataclass(frozen=True)
class ProcessSettings:
    """Settings of the process rather than of a run (read fresh: tests change the environment)."""

    workers: int  # forked workers for cleaning and extraction; 0 = one per core
    parse_cache: int  # parsed sentences kept per process; 0 = off
    blas: str  # "numpy" (OpenBLAS) or "blis" (thinc's default)
    fast_spacy: bool  # memoised attribute ruler and lemmatizer (identical output)
    fault: str | None  # tests/reliability: SIGKILL the process at this fault point
    lock_wait_seconds: float  # how long to retry while another process holds the warehouse file
    learned: str  # how the learned layer combines with the patterns (pipeline.extract.learned.MODES)
    classifier_dir: str | None  # another directory of learned-layer models (default: pipeline/data/models)


def _int(env: str, default: int) -> int:
    try:
        return int(os.environ.get(env) or default)
    except ValueError:
        return default


def process_settings() -> ProcessSettings:
    return ProcessSettings(
        workers=max(0, _int("NEWSEVENTS_WORKERS", 0)),
        parse_cache=max(0, _int("NEWSEVENTS_PARSE_CACHE", 8192)),
        blas=os.environ.get("NEWSEVENTS_BLAS", "numpy").lower(),
        fast_spacy=os.environ.get("NEWSEVENTS_FAST_SPACY", "1") != "0",
        fault=os.environ.get("NEWSEVENTS_FAULT") or None,
        lock_wait_seconds=max(0.0, float(os.environ.get("NEWSEVENTS_LOCK_WAIT_SECONDS") or 30)),
        learned=(os.environ.get("NEWSEVENTS_LEARNED") or "off").strip().lower(),
        classifier_dir=os.environ.get("NEWSEVENTS_CLASSIFIER_DIR") or None,
    )
