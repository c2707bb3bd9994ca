"""Near-duplicate articles (the same wire story on several sites): word shingles + MinHash.

Signatures are plain lists of ints so the warehouse can store them and match new
articles incrementally (`signature_similarity`). Published signatures are indexed by LSH bands
(`core.article_bands`, built with `pipeline.warehouse.load.bands_sql`): a new article is compared only with
the published articles sharing at least one band, then confirmed on the whole signature
(`best_signature_match`).
"""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
_SEED = 1
_WORDS = re.compile(r"\w+", re.UNICODE)

def shingles(text: str, n: int = SHINGLE) -> set[bytes]:
    toks = _WORDS.findall((text or "").lower())
    if len(toks) < n:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    if n == 3:
        return {f"{a} {b} {c}".encode("utf-8") for a, b, c in zip(toks, toks[1:], toks[2:])}
    return {" ".join(toks[i : i + n]).encode("utf-8") for i in range(len(toks) - n + 1)}


def _has_shingles(text: str) -> bool:
    """Is `shingles(text)` non-empty (the text has a word)?"""
    return _WORDS.search((text or "").lower()) is not None


_TEMPLATE: list = []  # one MinHash whose permutations the others share (generating them costs more than hashing)


def _minhash(sh: set[bytes] | None = None, hashvalues=None) -> MinHash:
    """The MinHash of shingle set `sh` (or the one whose `hashvalues` a worker computed)."""
    if not _TEMPLATE:
        _TEMPLATE.append(MinHash(num_perm=NUM_PERM, seed=_SEED))
    t = _TEMPLATE[0]
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=hashvalues, permutations=t.permutations, scheme=t.scheme)
    if sh:
        m.update_batch(list(sh))
    return m


def minhash_values(text: str):
    """The MinHash hash values of the text's word 3-shingles (a numpy array, what
    `find_near_duplicates` takes as `known`: computed by the cleaning workers)."""
    return _minhash(shingles(text)).hashvalues


def minhash_signature(text: str) -> list[int]:
    """MinHash signature (NUM_PERM ints) of the text's word 3-shingles."""
    return [int(v) for v in _minhash(shingles(text)).hashvalues]


def signature_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures from `minhash_signature`."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def find_near_duplicates(items: list[tuple[str, str]], threshold: float = 0.8,
                         signatures: dict[str, list[int]] | None = None, known: dict | None = None) -> dict[str, str]:
    """Map doc_id -> canonical doc_id (the first of its group in `items` order), for
    duplicates only.  `items` are (doc_id, text); similarity is the Jaccard of word
    3-shingles, found with MinHash LSH and confirmed on the exact shingle sets.
    `signatures`, when given, receives every item's `minhash_signature` (computed once here).
    `known` maps doc_ids to the `minhash_values` of their text computed beforehand (by the cleaning
    workers): their shingle sets are then only built for the LSH candidates to confirm."""
    lsh = MinHashLSH(threshold=max(0.05, min(threshold, 0.99)) * 0.9, num_perm=NUM_PERM)
    known = known or {}
    order: dict[str, int] = {}
    sets: dict[str, set[bytes] | str] = {}  # shingle set, or the text until a candidate needs the set
    canon: dict[str, str] = {}

    def shingle_set(doc_id: str) -> set[bytes]:
        got = sets[doc_id]
        if isinstance(got, str):
            got = sets[doc_id] = shingles(got)
        return got

    for idx, (doc_id, text) in enumerate(items):
        if doc_id in order:
            continue
        if doc_id in known:
            m = _minhash(hashvalues=known[doc_id])
            sets[doc_id] = text or ""
            nonempty = _has_shingles(text)
        else:
            sh = shingles(text)
            m = _minhash(sh)
            sets[doc_id] = sh
            nonempty = bool(sh)
        if signatures is not None:
            signatures[doc_id] = [int(v) for v in m.hashvalues]
        if not nonempty:
            del sets[doc_id]
            continue
        best = None
        for cand in lsh.query(m):
            sh, other = shingle_set(doc_id), shingle_set(cand)
            inter = len(sh & other)
            jac = inter / (len(sh) + len(other) - inter)
            if jac >= threshold and (best is None or order[cand] < order[best]):
                best = cand
        if best is not None:
            canon[doc_id] = canon.get(best, best)
        order[doc_id] = idx
        lsh.insert(doc_id, m)
    return canon


def best_signature_match(signature: list[int], existing: "np.ndarray", threshold: float = 0.8) -> int | None:
    """Row index of the most similar signature in `existing` (k x NUM_PERM) above `threshold`, else None."""
    if existing is None or len(existing) == 0 or not signature:
        return None
    scores = (existing == np.asarray(signature, dtype=np.uint64)).mean(axis=1)
    best = int(scores.argmax())
    return best if scores[best] >= threshold else None
