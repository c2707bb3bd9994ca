"""Shared helpers for the reliability suite (issue 5): throwaway warehouses, curated snapshots,
the exactly-once ledger check and a subprocess driver that can be SIGKILLed at named points."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
# a small but varied landing: French and English, txt, html and a JSONL export (fast to run)
SAMPLE_SUBSET = (
    "fr_01_macron_merz_defense.txt", "fr_02_frappes_kiev_depeche.txt", "en_03_lula_modi_call.txt",
    "en_05_japan_china_export_controls.html", "export_2026-02.jsonl",
)
EXTRA_SAMPLE = "fr_07_iran_sanctions_ormuz.txt"
ARTICLE_FR = (
    "Le président français Emmanuel Macron a rencontré mardi à Berlin le chancelier allemand Friedrich Merz "
    "pour discuter de la défense européenne. Les deux dirigeants ont signé un accord de coopération militaire "
    "et ont appelé la Russie à cesser ses frappes contre l'Ukraine. Selon l'Élysée, une nouvelle rencontre est "
    "prévue en mars à Paris avec le Premier ministre polonais."
)
VOLATILE = {"run_id", "loaded_at", "seen_at", "ingested_at", "quarantined_at", "started_at", "finished_at",
            "report_path", "data_docs_path"}

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def extraction_available() -> bool:
    try:
        from pipeline.extract import extract_mentions  # noqa: F401
    except ImportError:
        return False
    return True


needs_extract = pytest.mark.skipif(not extraction_available(), reason="pipeline.extract.extract_mentions not importable")


def audit_accepts(reason: str) -> bool:
    """Whether the GX quarantine suite lists `reason` (reasons come from the raw.quarantine.reason comment)."""
    import json

    suite = json.loads((REPO / "expectations" / "suites" / "quarantine.json").read_text(encoding="utf-8"))
    for e in suite["expectations"]:
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == "reason":
            return reason in e["kwargs"]["value_set"]
    return True


def make_landing(folder: Path, names=SAMPLE_SUBSET) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(SAMPLES / name, folder / name)
    return folder


def make_settings(root: Path, landing: Path):
    from pipeline.core.config import load_settings

    return load_settings().with_overrides(
        home=root, landing=landing, warehouse=root / "wh" / "warehouse.duckdb", work_dir=root / "work",
        reports_dir=root / "reports", settle_seconds=0.0,
    )


def settings_env(settings) -> dict:
    env = os.environ.copy()
    env.update({
        "NEWSEVENTS_HOME": str(settings.home), "NEWSEVENTS_LANDING": str(settings.landing),
        "NEWSEVENTS_WAREHOUSE": str(settings.warehouse), "NEWSEVENTS_WORK": str(settings.work_dir),
        "NEWSEVENTS_REPORTS": str(settings.reports_dir), "NEWSEVENTS_SETTLE_SECONDS": "0",
        "GX_ANALYTICS_ENABLED": "false",
        "PYTHONPATH": os.pathsep.join([str(REPO)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]),
    })
    env.pop("NEWSEVENTS_FAULT", None)
    return env


def curated_snapshot(warehouse: Path, landing: Path | None = None) -> dict[str, list[tuple]]:
    """Sorted content of the curated views users read, minus run ids and timestamps (and with the
    landing folder's own path replaced, so runs on copies of the same files compare equal)."""
    import duckdb

    landing = str(landing) if landing else str(Path(warehouse).parent.parent / "landing")

    out = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for view in ("articles", "events", "event_mentions"):
            cols = [c for c, in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'curated' AND table_name = ? "
                "ORDER BY column_index", [view]).fetchall() if c not in VOLATILE]
            rows = con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM curated.{view}").fetchall()
            out[view] = sorted(tuple(repr(v).replace(landing, "<landing>") for v in row) for row in rows)
    return out


def count(warehouse: Path, sql: str, params=None):
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def assert_exactly_once(warehouse: Path, landing: Path) -> dict:
    """Every file in the landing folder is in raw.source_files once per content, ingested or
    quarantined with a reason; no duplicated document, article, mention or quarantine row."""
    from pipeline.ingest.landing import discover, path_text

    files = {path_text(p) for p in discover(landing)}
    ledger = count(warehouse, "SELECT source_path, file_sha256, status FROM raw.source_files")
    keys = [(p, s) for p, s, _ in ledger]
    assert len(keys) == len(set(keys)), "a (path, content) recorded twice in raw.source_files"
    assert {p for p, _, _ in ledger} == files, "a landing file is missing from raw.source_files (or extra)"
    quarantined = {p for p, _, st in ledger if st in ("quarantined", "partial")}
    with_reason = {p for p, in count(warehouse, "SELECT DISTINCT source_path FROM raw.quarantine WHERE reason <> ''")}
    assert quarantined <= with_reason, "a quarantined file without a quarantine reason"
    ingested = {p for p, _, st in ledger if st in ("ingested", "partial")}
    doc_paths = {p for p, in count(warehouse, "SELECT DISTINCT source_path FROM raw.documents")}
    dup_content = {p for p, s, st in ledger if st == "ingested"} - doc_paths
    for path in dup_content:  # same bytes as another file: the document is recorded under the other path
        sha = [s for p, s, _ in ledger if p == path][0]
        assert count(warehouse, "SELECT count(*) FROM raw.documents WHERE file_sha256 = ?", [sha])[0][0] >= 1 or \
            count(warehouse, "SELECT count(*) FROM raw.source_files WHERE file_sha256 = ? AND source_path <> ?",
                  [sha, path])[0][0] >= 1
    assert doc_paths <= ingested
    for table, key in (("raw.documents", "doc_id"), ("core.articles", "article_id"),
                       ("core.event_mentions", "mention_id"), ("raw.quarantine", "quarantine_id"),
                       ("core.events", "event_id")):
        total, distinct = count(warehouse, f"SELECT count(*), count(DISTINCT {key}) FROM {table}")[0]
        assert total == distinct, f"duplicate rows in {table}"
    docs = count(warehouse, "SELECT count(*) FROM raw.documents")[0][0]
    articles = count(warehouse, "SELECT count(*) FROM core.articles")[0][0]
    unaccounted = count(warehouse, """
        SELECT count(*) FROM raw.documents AS d
        WHERE d.doc_id NOT IN (SELECT article_id FROM core.articles)
          AND NOT EXISTS (SELECT 1 FROM raw.quarantine AS q WHERE q.stage IN ('clean', 'extract', 'audit')
                          AND q.source_path = d.source_path AND q.line_no IS NOT DISTINCT FROM d.line_no)
          AND NOT EXISTS (SELECT 1 FROM raw.documents AS n JOIN core.articles AS a ON a.article_id = n.doc_id
                          WHERE n.source_path = d.source_path AND n.line_no IS NOT DISTINCT FROM d.line_no)
    """)[0][0]  # an older version replaced by a correction counts as accounted for
    assert unaccounted == 0, "a document neither published as an article nor quarantined"
    return {"files": len(files), "ledger_rows": len(ledger), "documents": docs, "articles": articles}


DRIVER = r"""
import os, signal, sys
from pathlib import Path
from pipeline.core.config import load_settings
import pipeline.run.runner as runner
import pipeline.run.stages as stages

kill = lambda: os.kill(os.getpid(), signal.SIGKILL)
point = os.environ.get("RELIABILITY_MID")
if point == "ingest.mid":  # after source_files.parquet is written, before documents.parquet
    real = stages.write_rows
    def write_rows(rows, path):
        if path.name == "documents.parquet":
            kill()
        return real(rows, path)
    stages.write_rows = write_rows
elif point == "extract.mid":  # after the first article's mentions were extracted
    real_iso = stages.extract_isolated
    def extract_isolated(articles, chunk=64):
        for i, item in enumerate(real_iso(articles, chunk=1)):
            if i == 1:
                kill()
            yield item
    stages.extract_isolated = extract_isolated
elif point == "stage.mid":  # ops.runs row opened, some staging tables replaced, others not
    real_stage = stages.stage_batch
    class Con:
        def __init__(self, con): self.con, self.n = con, 0
        def execute(self, *a, **k):
            self.n += 1
            if self.n == 6:
                kill()
            return self.con.execute(*a, **k)
    stages.stage_batch = lambda con, batch_dir: real_stage(Con(con), batch_dir)
elif point == "audit.mid":  # GX validation done, audit.json not yet written
    import pipeline.quality.audit as audit
    real_audit = audit.audit_batch
    def audit_batch(*a, **k):
        real_audit(*a, **k)
        kill()
    audit.audit_batch = audit_batch
settings = load_settings()
summary = runner.run_pipeline(settings, trigger="cli")
print("STATUS", summary.status)
"""


def run_driver(settings, fault: str | None = None, mid: str | None = None, timeout: float = 240):
    """Run the pipeline in a subprocess; NEWSEVENTS_FAULT / RELIABILITY_MID select a kill point."""
    env = settings_env(settings)
    if fault:
        env["NEWSEVENTS_FAULT"] = fault
    if mid:
        env["RELIABILITY_MID"] = mid
    return subprocess.Popen([sys.executable, "-c", DRIVER], env=env, cwd=str(REPO),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="session")
def reference_run(tmp_path_factory):
    """One clean run on the sample subset: the state every faulty-then-repaired run must reach."""
    if not extraction_available():
        pytest.skip("extraction not importable")
    from pipeline.run.runner import run_pipeline

    root = tmp_path_factory.mktemp("reference")
    landing = make_landing(root / "landing")
    settings = make_settings(root, landing)
    summary = run_pipeline(settings)
    assert summary.status == "published", summary
    return {"settings": settings, "summary": summary, "snapshot": curated_snapshot(settings.warehouse)}
