"""Sharded cleaning and extraction: one batch cut into N shards that separate processes (Airflow
mapped tasks, on one host or many) clean and extract, merged back into the batch folder so that
staging, the audit and the publish see exactly the files the single-process run writes.

Identical results, whatever the number of shards, because the shards are *contiguous* slices of
the batch in its own order and everything that looks at the whole batch stays whole:

- `plan_shards`: how many shards (at most `n`, at least `MIN_SHARD_DOCUMENTS` documents each) and
  the batch-wide recurring lines (template boilerplate is learned over the whole batch, as
  `clean_batch` does), written to `shards/recurring_lines.json`.
- `clean_shard`: the per-document cleaning (~80 % of cleaning) of one slice of documents.parquet
  with those lines, written to `shards/clean.NN.parquet`.
- `merge_clean`: the slices concatenated in order are exactly what `clean_batch` returns; the
  batch-wide rest of `clean_stage` (empty bodies, near-duplicates within the batch and against the
  warehouse, article rows) runs once on them, through `clean_stage` itself.
- `extract_shard`: `extract_stage` itself, on one slice of articles.parquet, in a folder of its own
  (`shards/NN/<batch>/`, so the rows carry the batch's run id).
- `merge_extract`: the slices' Parquet files concatenated in order into the batch folder.

Nothing here holds the warehouse lock: shards only read the batch folder (a shared filesystem when
the workers are on several hosts) and `merge_clean` reads the warehouse read-only.
"""
from __future__ import annotations

import json
import math
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.config import Settings
from pipeline.core.models import CleanArticle, RemovedBlock
from pipeline.run.stages import clean_stage, extract_stage
from pipeline.warehouse.batch import batch_dir, read_rows, write_rows
from pipeline.warehouse.rows import documents_from_rows

Progress = Callable[[str], None]
MIN_SHARD_DOCUMENTS = 16  # smaller shards cost more in task overhead than they save
EXTRACT_OUTPUTS = ("event_mentions", "sentences", "quarantine.extract")


def _quiet(_: str) -> None:
    pass


def shard_dir(settings: Settings, batch: str) -> Path:
    path = batch_dir(settings, batch) / "shards"
    path.mkdir(parents=True, exist_ok=True)
    return path


def slice_bounds(n_items: int, n_shards: int) -> list[tuple[int, int]]:
    """Contiguous, order-keeping slices of `n_items` for `n_shards` shards (sizes differ by <= 1)."""
    n_shards = max(1, n_shards)
    size, extra = divmod(n_items, n_shards)
    bounds, start = [], 0
    for i in range(n_shards):
        end = start + size + (1 if i < extra else 0)
        bounds.append((start, end))
        start = end
    return bounds


def _plan(settings: Settings, batch: str) -> dict:
    return json.loads((shard_dir(settings, batch) / "plan.json").read_text())


def plan_shards(settings: Settings, batch: str, n: int, progress: Progress = _quiet) -> list[int]:
    """Decide the shard count and learn the batch's recurring lines; returns the shard numbers."""
    from pipeline.clean import learn_recurring_lines

    docs = documents_from_rows(read_rows(batch_dir(settings, batch) / "documents.parquet"))
    count = max(1, min(n, math.ceil(len(docs) / MIN_SHARD_DOCUMENTS))) if docs else 1
    recurring = sorted(learn_recurring_lines(docs)) if docs else []
    folder = shard_dir(settings, batch)
    (folder / "recurring_lines.json").write_text(json.dumps(recurring, ensure_ascii=False))
    (folder / "plan.json").write_text(json.dumps({"shards": count, "documents": len(docs)}))
    progress(f"shards: {len(docs)} documents in {count} shard(s) (asked {n}); {len(recurring)} recurring lines")
    return list(range(count))


# ---------------------------------------------------------------- cleaning
def _article_record(article: CleanArticle) -> dict:
    row = asdict(article)
    row["removed"] = [asdict(b) for b in article.removed]
    return row


def _article_of(row: dict) -> CleanArticle:
    removed = [RemovedBlock(**b) for b in (row.pop("removed") or [])]
    row["notes"] = list(row.get("notes") or [])
    return CleanArticle(**row, removed=removed)


def clean_shard(settings: Settings, batch: str, shard: int, progress: Progress = _quiet) -> dict:
    """Clean one slice of the batch's documents with the batch-wide recurring lines."""
    from pipeline.clean import clean_document

    folder = shard_dir(settings, batch)
    docs = documents_from_rows(read_rows(batch_dir(settings, batch) / "documents.parquet"))
    start, end = slice_bounds(len(docs), _plan(settings, batch)["shards"])[shard]
    recurring = frozenset(json.loads((folder / "recurring_lines.json").read_text()))
    articles = [clean_document(d, recurring_lines=recurring) for d in docs[start:end]]
    out = folder / f"clean.{shard:03d}.parquet"
    write_rows([_article_record(a) for a in articles], out)
    (folder / f"clean.{shard:03d}.done").write_text(str(len(articles)))
    progress(f"clean shard {shard}: documents {start}..{end - 1}, {len(articles)} cleaned")
    return {"shard": shard, "documents": end - start}


@contextmanager
def _precleaned(articles: list[CleanArticle]) -> Iterator[None]:
    """`clean_stage` with the shards' articles in place of `clean_batch` (which would clean the
    whole batch again): its batch-wide steps then run unchanged on the very same articles."""
    import pipeline.clean as clean_package

    original = clean_package.clean_batch

    def precleaned(docs, *args, **kwargs):
        if [d.doc_id for d in docs] != [a.doc_id for a in articles]:
            raise RuntimeError("the shards do not cover the batch's documents in order")
        return articles

    clean_package.clean_batch = precleaned
    try:
        yield
    finally:
        clean_package.clean_batch = original


def merge_clean(settings: Settings, batch: str, progress: Progress = _quiet) -> dict:
    """The shards' articles, in order, through the batch-wide rest of `clean_stage`."""
    folder = shard_dir(settings, batch)
    n = _plan(settings, batch)["shards"]
    missing = [i for i in range(n) if not (folder / f"clean.{i:03d}.done").exists()]
    if missing:
        raise RuntimeError(f"clean shards not done: {missing}")
    articles = [_article_of(row) for i in range(n) for row in read_rows(folder / f"clean.{i:03d}.parquet")]
    with _precleaned(articles):
        return clean_stage(settings, batch, progress=progress)


# ---------------------------------------------------------------- extraction
def _extract_settings(settings: Settings, batch: str, shard: int) -> Settings:
    return settings.with_overrides(work_dir=shard_dir(settings, batch) / f"{shard:03d}")


def extract_shard(settings: Settings, batch: str, shard: int, progress: Progress = _quiet) -> dict:
    """`extract_stage` on one slice of articles.parquet, in the shard's own folder."""
    articles = read_rows(batch_dir(settings, batch) / "articles.parquet")
    start, end = slice_bounds(len(articles), _plan(settings, batch)["shards"])[shard]
    sub = _extract_settings(settings, batch, shard)
    out = batch_dir(sub, batch)
    for old in out.glob("*.parquet"):
        old.unlink()
    write_rows(articles[start:end], out / "articles.parquet")
    stats = extract_stage(sub, batch, progress=progress)
    (out / "extract.done").write_text(json.dumps(stats))
    progress(f"extract shard {shard}: articles {start}..{end - 1}")
    return {"shard": shard, **stats}


def merge_extract(settings: Settings, batch: str, progress: Progress = _quiet) -> dict:
    """The shards' mentions, sentences and quarantine records concatenated in shard order."""
    n = _plan(settings, batch)["shards"]
    outs = [batch_dir(_extract_settings(settings, batch, i), batch) for i in range(n)]
    missing = [i for i, out in enumerate(outs) if not (out / "extract.done").exists()]
    if missing:
        raise RuntimeError(f"extract shards not done: {missing}")
    counts = {}
    for name in EXTRACT_OUTPUTS:
        rows = [row for out in outs for row in read_rows(out / f"{name}.parquet")]
        counts[name] = write_rows(rows, batch_dir(settings, batch) / f"{name}.parquet")
    progress("merge: " + ", ".join(f"{k}={v}" for k, v in counts.items()) + f" from {n} shard(s)")
    return counts


def run_sharded(settings: Settings, batch: str, n: int, progress: Progress = _quiet) -> dict:
    """Clean and extract an ingested batch in `n` shards, one after the other in this process
    (what the DAG's mapped tasks do in parallel; used by the tests and the benchmark)."""
    shards = plan_shards(settings, batch, n, progress)
    for shard in shards:
        clean_shard(settings, batch, shard, progress)
    cleaned = merge_clean(settings, batch, progress)
    for shard in shards:
        extract_shard(settings, batch, shard, progress)
    return {"shards": len(shards), "clean": cleaned, "extract": merge_extract(settings, batch, progress)}
