from __future__ import annotations

import pytest

from pipeline.core.models import RawDocument


@pytest.fixture
def make_doc():
    def _make(text: str, fmt: str = "txt", name: str = "doc", **kw) -> RawDocument:
        return RawDocument(doc_id=name, source_path=f"/tmp/{name}.{fmt if fmt != 'jsonl' else 'jsonl'}",
                           file_sha256=name, fmt=fmt, raw_text=text, **kw)

    return _make
