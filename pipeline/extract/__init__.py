"""Extraction stage: sentences -> events (dates, places, actors, event types)."""

import hashlib as _hashlib
from functools import lru_cache as _lru_cache
from pathlib import Path as _Path

from pipeline.extract.events import extract_many, extract_mentions  # noqa: E402,F401

_MODEL_DIR = _Path(__file__).resolve().parent.parent / "data" / "models"


@_lru_cache(maxsize=1)
def extractor_version() -> str:
    """Short hash of what decides the output besides the code: the pattern files and the model
    files of the learned layer (``pipeline/data/models/``, when present)."""
    from pipeline.extract.lexicon import data_hash

    h = _hashlib.sha256(data_hash().encode())
    if _MODEL_DIR.is_dir():
        for p in sorted(q for q in _MODEL_DIR.rglob("*") if q.is_file()):
            h.update(str(p.relative_to(_MODEL_DIR)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]
