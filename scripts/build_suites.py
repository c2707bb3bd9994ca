#!/usr/bin/env python
"""Generate the Great Expectations suites in expectations/suites/*.json.

The suites are data (GX 1.x ExpectationSuite JSON); this script is their source of truth.
Value sets come from the project, never from a copy kept here:

* table columns and NOT NULL columns: ``warehouse/schema/*.sql``
* PLOVER types, quad classes, type->quad class, type->intensity, type->modes, sectors,
  statuses: ``pipeline/core/ontology.py``
* country codes: ``pipeline/data/countries.csv`` (column ``iso3``); while that file does not
  exist the country expectations fall back to the pattern ``^[A-Z]{3}$``
* languages: the codes ``pipeline/clean/language.py`` can emit, plus ``und``
* quarantine reasons: the documented list in the comment on ``raw.quarantine.reason``
* derived columns: ``pipeline.quality.audit.DERIVED_COLUMNS`` (pairs such as (event_type, quad_class)
  are checked as "TYPE|value" keys built by ``pipeline.quality.audit.pair_key``: GX's column-pair
  expectation iterates rows in pandas and cost ~1 s per 10,000 rows)

    python scripts/build_suites.py           # (re)write the JSON files
    python scripts/build_suites.py --check   # exit 1 when the files are out of date

tests/test_audit.py asserts the files equal what this script generates.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SCHEMA_DIR = REPO_ROOT / "warehouse" / "schema"
SUITES_DIR = REPO_ROOT / "expectations" / "suites"
COUNTRIES_CSV = REPO_ROOT / "pipeline" / "data" / "countries.csv"

# Vocabularies documented in the warehouse schema comments (not in the ontology).
DATE_PRECISIONS = ["day", "week", "month", "year"]
LOCATION_PRECISIONS = ["city", "admin", "country", "none"]
LOCATION_SOURCES = ["sentence", "article"]
PUBLISHED_SOURCES = ["header", "meta", "jsonld", "url", "hint", "dateline", "inferred"]
QUARANTINE_STAGES = ["ingest", "clean", "extract", "audit"]

# Plausibility windows.
DAYS_BEFORE_REFERENCE = 15 * 365 + 4   # event_date >= reference_date - 15 years
DAYS_AFTER_REFERENCE = 2 * 365 + 1     # event_date <= reference_date + 2 years
MAX_PUBLISHED_AHEAD_DAYS = 1           # published <= run date + 1 day
COUNTRY_MOSTLY = 0.99                  # a stray code is reported, a systematic one blocks



# ----------------------------------------------------------------------------- sources

def read_schema(schema_dir: Path = SCHEMA_DIR) -> dict[str, dict]:
    """table name -> {"schema", "columns": [...], "not_null": [...], "comments": {col: text}}."""
    from pipeline.warehouse.schema import ddl_tables

    return ddl_tables(schema_dir)


def quarantine_reasons(tables: dict[str, dict]) -> list[str]:
    """The machine-readable reasons listed in the comment on raw.quarantine.reason."""
    text = tables["quarantine"]["comments"]["reason"]
    listed = text.split(":", 1)[1].split(".", 1)[0]  # the list ends at the first full stop
    return [r.strip(" .") for r in listed.split(",") if r.strip(" .")]


def country_codes(path: Path = COUNTRIES_CSV) -> list[str] | None:
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        codes = {(row.get("iso3") or "").strip().upper() for row in csv.DictReader(fh)}
    return sorted(c for c in codes if c)


def languages() -> list[str]:
    from pipeline.clean.language import STOPWORDS

    return sorted(set(STOPWORDS) | {"und"})


def vocabularies() -> dict[str, object]:
    from pipeline.core import ontology as o
    from pipeline.quality.audit import pair_key

    return {
        "event_types": list(o.PLOVER_TYPES),
        "quad_classes": list(o.QUAD_CLASSES),
        "type_quad_pairs": [pair_key(t, o.QUAD_CLASS[t]) for t in o.PLOVER_TYPES],
        "type_intensity_pairs": [pair_key(t, float(o.INTENSITY[t])) for t in o.PLOVER_TYPES],
        "type_mode_pairs": [pair_key(t, m) for t in o.PLOVER_TYPES for m in o.MODES.get(t, ())],
        "sectors": sorted(o.SECTORS),
        "statuses": list(o.STATUSES),
        "published_statuses": sorted(o.PUBLISHED_STATUSES),
        "countries": country_codes(),
        "languages": languages(),
    }


# ----------------------------------------------------------------------------- suites

def E(type_: str, severity: str = "critical", notes: str | None = None, **kwargs) -> dict:
    meta = {"notes": notes} if notes else {}
    return {"type": type_, "kwargs": kwargs, "meta": meta, "severity": severity}


def _common(table: str, info: dict, derived: tuple[str, ...]) -> list[dict]:
    out = [
        E("expect_table_columns_to_match_set", column_set=info["columns"] + list(derived), exact_match=True,
          notes="Staged frame has exactly the warehouse columns (plus the audit's derived columns)."),
        E("expect_table_row_count_to_be_between", min_value=0, max_value=None),
    ]
    out += [E("expect_column_values_to_not_be_null", column=c) for c in info["not_null"]]
    return out


def _in_set(column: str, values: list, **kw) -> dict:
    return E("expect_column_values_to_be_in_set", column=column, value_set=values, **kw)


def _between(column: str, lo=None, hi=None, **kw) -> dict:
    return E("expect_column_values_to_be_between", column=column, min_value=lo, max_value=hi, **kw)


def _true(column: str, notes: str, **kw) -> dict:
    return E("expect_column_values_to_be_in_set", column=column, value_set=[True], notes=notes, **kw)


def _countries(columns: list[str], codes: list[str] | None) -> list[dict]:
    out = []
    for c in columns:
        if codes:
            out.append(_in_set(c, codes, mostly=COUNTRY_MOSTLY,
                               notes="ISO 3166-1 alpha-3 (pipeline/data/countries.csv); NULL allowed."))
        else:
            out.append(E("expect_column_values_to_match_regex", column=c, regex="^[A-Z]{3}$",
                         mostly=COUNTRY_MOSTLY, notes="countries.csv missing: alpha-3 shape only."))
    return out


def _event_vocab(v: dict) -> list[dict]:
    return [
        _in_set("event_type", v["event_types"], notes="PLOVER types (pipeline/core/ontology.py)."),
        _in_set("quad_class", v["quad_classes"]),
        _in_set("type_quad_class", v["type_quad_pairs"],
                notes="(event_type, quad_class) is an ontology pair (ontology.QUAD_CLASS)."),
        _between("intensity", -10, 10),
        _in_set("type_intensity", v["type_intensity_pairs"], severity="warning",
                notes="intensity is the type's (ontology.INTENSITY)."),
        _in_set("type_mode", v["type_mode_pairs"], severity="warning",
                notes="mode is one of the type's PLOVER modes (ontology.MODES)."),
        _in_set("actor_sector", v["sectors"]),
        _in_set("recipient_sector", v["sectors"]),
        _between("confidence", 0, 1),
        _in_set("date_precision", DATE_PRECISIONS),
        _in_set("location_precision", LOCATION_PRECISIONS),
        _between("location_lat", -90, 90),
        _between("location_lon", -180, 180),
    ]


def build_suites(schema_dir: Path = SCHEMA_DIR) -> dict[str, dict]:
    """suite name -> GX 1.x ExpectationSuite JSON dict."""
    from pipeline.quality.audit import DERIVED_COLUMNS, TABLES

    tables = read_schema(schema_dir)
    v = vocabularies()
    countries = v["countries"]
    exps: dict[str, list[dict]] = {}

    exps["articles"] = [
        E("expect_column_values_to_be_unique", column="article_id"),
        _in_set("language", v["languages"], notes="Codes the language detector emits (pipeline/clean/language.py)."),
        _between("n_chars", 1, None, notes="Body is not empty."),
        E("expect_column_value_lengths_to_be_between", column="body", min_value=1, max_value=None),
        E("expect_column_pair_values_to_be_equal", column_A="n_chars", column_B="body_length",
          ignore_row_if="either_value_is_missing", severity="warning",
          notes="n_chars is the body length (offsets refer to the body)."),
        _between("n_paragraphs", 1, None),
        _between("n_removed_blocks", 0, None),
        _between("published_ahead_days", None, MAX_PUBLISHED_AHEAD_DAYS,
                 notes="published is not after the run date + 1 day."),
        _in_set("published_source", PUBLISHED_SOURCES, severity="warning"),
    ]
    exps["removed_blocks"] = [
        E("expect_compound_columns_to_be_unique", column_list=["article_id", "block_index"]),
        _between("block_index", 0, None),
        _true("offsets_ordered", "start_offset <= end_offset."),
    ]
    exps["sentences"] = [
        E("expect_compound_columns_to_be_unique", column_list=["article_id", "sentence_index"]),
        _between("sentence_index", 0, None),
        _between("start_offset", 0, None),
        _true("offsets_ordered", "start_offset < end_offset."),
        _between("n_mentions", 0, None),
    ]
    exps["event_mentions"] = [
        E("expect_column_values_to_be_unique", column="mention_id"),
        *_event_vocab(v),
        _in_set("status", v["statuses"]),
        _in_set("location_source", LOCATION_SOURCES),
        _in_set("language", v["languages"]),
        *_countries(["actor_country", "recipient_country", "location_country"], countries),
        _between("sentence_index", 0, None),
        _between("trigger_start", 0, None),
        _true("trigger_ordered", "trigger_start < trigger_end."),
        _true("trigger_in_sentence", "sentence_start <= trigger_start and trigger_end <= sentence_end."),
        _true("trigger_in_body", "trigger offsets fall inside the article body."),
        _between("date_lag_days", -DAYS_BEFORE_REFERENCE, DAYS_AFTER_REFERENCE,
                 notes="event_date within [reference_date - 15 years, reference_date + 2 years]."),
        _true("event_id_consistent", "negated and hypothetical mentions have no event_id."),
    ]
    exps["events"] = [
        E("expect_column_values_to_be_unique", column="event_id"),
        *_event_vocab(v),
        _in_set("status", v["published_statuses"], notes="Only asserted or future mentions become events."),
        *_countries(["actor_country", "recipient_country", "location_country"], countries),
        _between("n_mentions", 1, None),
        _between("n_articles", 1, None),
        _between("n_sources", 1, None),
        _true("n_sources_le_n_articles", "n_sources <= n_articles."),
        _true("n_articles_le_n_mentions", "n_articles <= n_mentions."),
        _true("event_date_in_range", "date_min <= event_date <= date_max."),
        _true("seen_ordered", "first_seen <= last_seen."),
    ]
    exps["quarantine"] = [
        E("expect_column_values_to_be_unique", column="quarantine_id"),
        _in_set("stage", QUARANTINE_STAGES),
        E("expect_column_values_to_match_regex", column="reason",
          regex="^(" + "|".join(quarantine_reasons(tables)) + r"|audit:[a-z_]+\.[A-Za-z0-9_,-]+\.expect_[a-z_]+)$",
          notes="Documented reasons (raw.quarantine.reason), or audit:<suite>.<column>.<expectation> for a "
                "record that failed a record-level check."),
        _between("line_no", 0, None),
    ]

    suites = {}
    for name, specific in exps.items():
        info = tables[name]
        table = TABLES[name]
        assert table == f"{info['schema']}.{name}", (table, info["schema"])
        derived = DERIVED_COLUMNS[name]
        suites[name] = {
            "name": name,
            "expectations": _common(name, info, derived) + specific,
            "meta": {
                "table": table,
                "columns": info["columns"],
                "derived_columns": list(derived),
                "generated_by": "scripts/build_suites.py",
            },
            "notes": f"Audit of the staged {table} batch (write-audit-publish). "
                     f"Generated by scripts/build_suites.py; edit the script, not this file.",
        }
    return suites


def render(suite: dict) -> str:
    return json.dumps(suite, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the files differ")
    ap.add_argument("--out", type=Path, default=SUITES_DIR)
    args = ap.parse_args(argv)
    suites = build_suites()
    stale = []
    for name, suite in suites.items():
        path = args.out / f"{name}.json"
        text = render(suite)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    extra = sorted(p for p in args.out.glob("*.json") if p.stem not in suites) if args.out.exists() else []
    if args.check:
        for p in stale + extra:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale or extra else 0
    for p in stale:
        print(f"wrote {p}")
    for p in extra:
        print(f"warning: {p} is not generated by this script", file=sys.stderr)
    if v := vocabularies():
        if not v["countries"]:
            print("warning: pipeline/data/countries.csv missing: country checks use ^[A-Z]{3}$", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
