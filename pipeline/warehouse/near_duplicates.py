"""Near-duplicates of already published articles, found through the LSH band index of their MinHash
signatures (core.article_bands) and confirmed on the whole signature."""
from __future__ import annotations

from pipeline.core.config import Settings
from pipeline.core.models import CleanArticle
from pipeline.warehouse.connection import connect, has_table

# LSH bands of the MinHash signatures (core.articles.minhash, pipeline.clean.dedup): 32 bands of
# 4 values, one core.article_bands row each. A published article is a near-duplicate candidate of
# a new one only if they share at least min_shared_bands(threshold) bands (7 at 0.8): every pair
# whose signatures are that similar does, so the filter loses nothing; candidates are then
# confirmed on the whole signature.
BANDS = 32


BAND_ROWS = 4


def min_shared_bands(threshold: float, num_perm: int = 128) -> int:
    """Bands two signatures share at least when their similarity (equal values / num_perm) is >=
    `threshold`: each unequal value breaks at most one band. Filtering on it loses no match."""
    import math

    unequal = num_perm - math.ceil(threshold * num_perm - 1e-9)
    return max(1, BANDS - unequal)


def bands_sql(relation: str) -> str:
    """SELECT of core.article_bands rows (article_id, band, band_key) for `relation` (columns
    article_id, minhash).

    A band key packs the band's BAND_ROWS values (MinHash values are < 2**32) into one UHUGEINT,
    so keys are equal exactly when the values are: the same SQL builds the published index
    (pipeline.warehouse.publish) and the new articles' probes (`match_published_duplicates`).
    """
    parts = " | ".join(
        f"(CAST(s.minhash[{BAND_ROWS} * b.band + {i + 1}] AS UHUGEINT) << {32 * (BAND_ROWS - 1 - i)})"
        for i in range(BAND_ROWS)
    )
    return f"""
        SELECT s.article_id, CAST(b.band AS TINYINT) AS band, {parts} AS band_key
        FROM {relation} AS s, (SELECT range AS band FROM range({BANDS})) AS b
        WHERE s.minhash IS NOT NULL AND len(s.minhash) >= {BANDS * BAND_ROWS}
    """


def match_published_duplicates(settings: Settings, articles: list[CleanArticle], signatures: dict[str, list[int]],
                               in_batch: dict[str, str], window_days: int = 14,
                               threshold: float = 0.8) -> dict[str, str]:
    """Link new articles to near-duplicates already published (same wire story from an earlier run).

    Candidates come from the LSH band index (core.article_bands): published articles sharing
    enough bands with the new article that their signatures may be `threshold` similar (fewer
    shared bands rule it out exactly, see `min_shared_bands`) and dated (reference
    date) within `window_days` of it (or undated). They are confirmed on the whole signature
    (`best_signature_match`), so the decision is the one a comparison with every published
    signature would make, at a cost that follows the batch, not the warehouse.
    """
    from datetime import timedelta

    import numpy as np
    import pandas as pd

    from pipeline.clean.dedup import NUM_PERM, best_signature_match

    todo = [a for a in articles if a.doc_id not in in_batch and signatures.get(a.doc_id)]
    if not settings.warehouse.exists() or not todo:
        return {}
    probes = pd.DataFrame({"article_id": [a.doc_id for a in todo], "minhash": [signatures[a.doc_id] for a in todo]})
    with connect(settings.warehouse, read_only=True) as con:
        con.register("new_signatures", probes)  # before any query: DuckDB refuses it while a result is open
        if not has_table(con, "core", "articles"):
            return {}
        # a warehouse from before the band index (filled in by the next publish's apply_schema): bands on the fly
        index = "core.article_bands" if has_table(con, "core", "article_bands") else f"({bands_sql('core.articles')})"
        hits = con.execute(  # fewer shared bands: similarity below the threshold for sure
            f"""
            WITH new_bands AS ({bands_sql("new_signatures")})
            SELECT n.article_id AS new_id, b.article_id
            FROM new_bands AS n JOIN {index} AS b USING (band, band_key)
            GROUP BY ALL HAVING count(*) >= {min_shared_bands(threshold, NUM_PERM)}
            """
        ).fetchall()
        rows = con.execute(
            """
            SELECT article_id, coalesce(duplicate_of, article_id) AS canonical, reference_date, minhash
            FROM core.articles WHERE article_id IN (SELECT unnest(?)) AND minhash IS NOT NULL
            """,
            [sorted({old for _, old in hits})],
        ).fetchall() if hits else []
        con.unregister("new_signatures")
    published = {r[0]: r[1:] for r in rows}
    candidates: dict[str, list[tuple]] = {}
    for new_id, old in sorted(hits, key=lambda h: (h[0], published.get(h[1], ("",))[0], h[1])):
        if old in published:
            candidates.setdefault(new_id, []).append(published[old])
    links = {}
    for a in todo:
        found = candidates.get(a.doc_id) or []
        if a.reference_date:  # published articles dated within the window of this one (or undated)
            low, high = a.reference_date - timedelta(days=window_days), a.reference_date + timedelta(days=window_days)
            found = [c for c in found if c[1] is None or low <= c[1] <= high]
        if not found or any(c[0] == a.doc_id for c in found):  # none, or it is itself a published canonical
            continue
        best = best_signature_match(signatures[a.doc_id], np.asarray([c[2] for c in found], dtype=np.uint64),
                                    threshold)
        if best is not None:
            links[a.doc_id] = found[best][0]
    return links
