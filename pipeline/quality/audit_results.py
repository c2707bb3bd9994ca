"""One GX validation result as flat rows (ops.audit_results): which expectation, on which
column, how many unexpected values, a short description, and - for record-level failures - the
records to quarantine."""
from __future__ import annotations

import json
from typing import Any

# The grain of a failure. A failed check on ONE record's values (a map expectation without a
# `mostly` tolerance) in a document-derived table is record-level: the records it names are
# quarantined and the rest of the batch is audited again. Everything else is batch-level and
# blocks the batch: the table's shape (columns, row count), uniqueness of keys, tolerances
# (`mostly`: a systematic problem), and the events and quarantine tables (built from records
# already audited: a failure there is a broken invariant, not a bad input).
RECORD_KEYS: dict[str, str] = {  # record-level suites -> the column naming the record
    "articles": "article_id",
    "removed_blocks": "article_id",
    "sentences": "article_id",
    "event_mentions": "mention_id",
}
BATCH_LEVEL_TYPES = frozenset({
    "expect_table_columns_to_match_set", "expect_table_row_count_to_be_between",
    "expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique",
})


def _jsonable(value: Any, limit: int = 10) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in list(value)[:limit]]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in list(value.items())[:limit]}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        try:
            return value.item()
        except Exception:  # noqa: BLE001
            pass
    return str(value)


def _column_label(kwargs: dict) -> str | None:
    if kwargs.get("column") is not None:
        return kwargs["column"]
    if kwargs.get("column_A") is not None:
        return f"{kwargs['column_A']},{kwargs['column_B']}"
    if kwargs.get("column_list"):
        return ",".join(kwargs["column_list"])
    return None


def _severity(cfg) -> str:
    sev = getattr(cfg, "severity", None)
    return str(getattr(sev, "value", sev) or "critical")


def _detail(res: dict, exc: dict, severity: str) -> tuple[int | None, str | None]:
    """(unexpected count, short description) of one expectation result."""
    if isinstance(exc, dict) and exc.get("raised_exception"):
        return None, f"error: {str(exc.get('exception_message'))[:300]}"
    unexpected = res.get("unexpected_count")
    parts = []
    res = {k: v for k, v in res.items() if k != "unexpected_list"}
    if unexpected:
        pct = res.get("unexpected_percent")
        sample = _jsonable(res.get("partial_unexpected_list") or [])
        parts.append(f"{unexpected} unexpected" + (f" ({float(pct):.2f}%)" if pct is not None else "")
                     + f", e.g. {json.dumps(sample, default=str, ensure_ascii=False)[:400]}")
    elif "observed_value" in res and unexpected is None:
        parts.append(f"observed {json.dumps(_jsonable(res.get('observed_value')), default=str)[:400]}")
    if not parts:
        return (int(unexpected) if unexpected is not None else None), None
    text = "; ".join(parts)
    if severity != "critical":
        text = f"[{severity}] {text}"
    return (int(unexpected) if unexpected is not None else None), text


def _record_keys(suite_name: str, cfg, res: dict, raised: bool) -> list | None:
    """The records a failed check names, when it is record-level (see RECORD_KEYS), else None."""
    key = RECORD_KEYS.get(suite_name)
    kwargs = dict(cfg.kwargs)
    if key is None or raised or cfg.type in BATCH_LEVEL_TYPES or kwargs.get("mostly") not in (None, 1, 1.0):
        return None
    names = [row.get(key) for row in res.get("unexpected_index_list") or [] if isinstance(row, dict)]
    names = sorted({str(n) for n in names if n is not None and n == n})  # n != n: NaN, a missing key
    return names or None


def flatten_result(suite_name: str, validation) -> tuple[list[dict], list[str]]:
    rows, severities = [], []
    for r in validation.results:
        cfg = r.expectation_config
        severity = _severity(cfg)
        raised = bool((r.exception_info or {}).get("raised_exception"))
        unexpected, detail = _detail(r.result or {}, r.exception_info or {}, severity)
        rows.append({
            "suite": suite_name,
            "expectation": cfg.type,
            "column_name": _column_label(dict(cfg.kwargs)),
            "success": bool(r.success),
            "unexpected": unexpected,
            "detail": None if r.success else detail,
            "records": None if r.success else _record_keys(suite_name, cfg, r.result or {}, raised),
        })
        severities.append(severity)
    return rows, severities


__all__ = ["BATCH_LEVEL_TYPES", "RECORD_KEYS", "flatten_result"]
