"""Clean the seed dumps in ../shared and score them against the gold bodies.

    python -m pipeline.lab.clean_seeds [--shared ../shared] [--show DOC] [--removed]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from pipeline.clean import clean_batch, clean_record
from pipeline.core.models import RawDocument
from pipeline.lab.evaluate_bodies import eval_bodies, print_body_report

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def load_seed_docs(shared: Path) -> list[RawDocument]:
    docs = []
    for p in sorted((shared / "seeds").glob("*.txt")):
        data = p.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        docs.append(RawDocument(doc_id=sha, source_path=str(p), file_sha256=sha, fmt="txt",
                                raw_text=data.decode("utf-8", errors="replace")))
    return docs


def evaluate_seeds(shared: Path = DEFAULT_SHARED, batch: bool = True):
    from pipeline.clean import clean_document

    docs = load_seed_docs(shared)
    arts = clean_batch(docs) if batch else [clean_document(d) for d in docs]
    recs = [clean_record(a) for a in arts]
    res = eval_bodies(shared / "gold" / "bodies", shared / "gold" / "articles.jsonl", recs)
    return res, arts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--show", default=None, help="print the cleaned text of docs whose name contains this")
    ap.add_argument("--removed", action="store_true", help="print removed blocks")
    a = ap.parse_args(argv)
    if not (a.shared / "seeds").is_dir():
        print(f"no seeds under {a.shared}", file=sys.stderr)
        return 2
    res, arts = evaluate_seeds(a.shared)
    print(print_body_report(res))
    for art in arts:
        if a.show and a.show in art.source_path:
            print("=" * 80, "\n", art.text_with_title())
        if a.removed:
            print("-" * 80, Path(art.source_path).stem, art.language, art.published, art.published_source)
            for rb in art.removed:
                print(f"  [{rb.reason}] {rb.text[:110]!r}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
