"""Load: the DuckDB warehouse — schema, staging the batch, publishing it atomically.

Write–audit–publish: a run's batch is written to `staging.*`, validated (pipeline.quality.audit), and
only then copied into `raw.*`/`core.*` in ONE transaction that also rebuilds the affected
canonical events and marks the run published. Curated views read `core.*`, so readers see
the previous or the new publish, never a mix, and a failed audit leaves them untouched.
All SQL is static or built from our own table names; user text only travels as parameters
or inside DataFrames.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pipeline.core.config import REPO_ROOT

WAREHOUSE_SQL = REPO_ROOT / "warehouse"

# staged batch table -> published table; order matters for readers of the code only
BATCH_TABLES = {
    "source_files": "raw.source_files",
    "documents": "raw.documents",
    "quarantine": "raw.quarantine",
    "articles": "core.articles",
    "removed_blocks": "core.removed_blocks",
    "sentences": "core.sentences",
    "event_mentions": "core.event_mentions",
}
KEYED = {  # tables whose primary key makes re-publishing a no-op
    "raw.documents", "raw.quarantine", "core.articles", "core.removed_blocks", "core.sentences", "core.event_mentions",
}


# LSH bands of the MinHash signatures (core.articles.minhash, pipeline.clean.dedup): 32 bands of
# 4 values, one core.article_bands row each. A published article is a near-duplicate candidate of
# a new one only if they share at least min_shared_bands(threshold) bands (7 at 0.8): every pair
# whose signatures are that similar does, so the filter loses nothing; candidates are then
# confirmed on the whole signature.
BANDS = 32
BAND_ROWS = 4
assert BANDS * BAND_ROWS <= 128  # pipeline.clean.dedup.NUM_PERM


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
    (pipeline.warehouse.load) and the new articles' probes (pipeline.run.runner.match_published_duplicates).
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


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: Path, read_only: bool = False):
    import duckdb

    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def sql_files(folder: str) -> list[Path]:
    return sorted((WAREHOUSE_SQL / folder).glob("*.sql"))


def apply_schema(con) -> None:
    """Create schemas, tables and curated views (idempotent), and fill in what a warehouse created
    by an older version lacks: the events' anchors and the articles' LSH band index."""
    events_before = set(table_columns(con, "core.events"))
    articles_before = bool(table_columns(con, "core.articles"))
    bands_before = bool(table_columns(con, "core.article_bands"))
    con.execute("BEGIN TRANSACTION")  # one commit, not one per statement (~1 s on a big warehouse file)
    try:
        for path in sql_files("schema") + sql_files("curated"):
            con.execute(path.read_text(encoding="utf-8"))
        if events_before and "anchor_date" not in events_before:
            con.execute(ANCHORS_FROM_MEMBERS_SQL)
        if articles_before and not bands_before:
            con.execute(f"INSERT INTO core.article_bands {bands_sql('core.articles')}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


# An event's anchor from its member mentions (pipeline.warehouse.merge.event_anchor, in SQL): the date of
# the first complete mention in clustering order, else of the first mention; precision 'weak' when
# that date is weak.
ANCHORS_FROM_MEMBERS_SQL = """
UPDATE core.events AS e SET anchor_date = o.opener.anchor_date, anchor_precision = o.opener.anchor_precision
FROM (
    SELECT event_id, arg_min(
        {'anchor_date': event_date,
         'anchor_precision': CASE WHEN event_date IS NULL THEN NULL WHEN weak THEN 'weak' ELSE date_precision END},
        {'partial': NOT complete, 'weak': weak, 'not_day': date_precision IS DISTINCT FROM 'day',
         'day': coalesce(event_date, DATE '9999-12-31'), 'id': mention_id}) AS opener
    FROM (
        SELECT event_id, mention_id, event_date, date_precision,
               event_date IS NULL OR list_has_any(coalesce(notes, []), ['date_from_publication', 'no_date']) AS weak,
               len(list_filter(coalesce(actor_countries, []), lambda c: coalesce(c, '') <> '')) > 0
               AND len(list_filter(coalesce(recipient_countries, []), lambda c: coalesce(c, '') <> '')) > 0 AS complete
        FROM core.event_mentions WHERE event_id IS NOT NULL
    )
    GROUP BY event_id
) AS o
WHERE e.event_id = o.event_id
"""


def table_columns(con, qualified: str) -> list[str]:
    schema, table = qualified.split(".")
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]


def known_source_paths(con, paths: list[str] | None = None) -> dict[str, str]:
    """source path -> sha256 of the content last recorded for it (ingested or quarantined);
    only for `paths` when given (the landing folder's files: the ledger is not read whole)."""
    where = "" if paths is None else "AND source_path IN (SELECT unnest(?))"
    rows = con.execute(
        f"""
        SELECT source_path, arg_max(file_sha256, seen_at)
        FROM raw.source_files WHERE file_sha256 IS NOT NULL {where} GROUP BY source_path
        """,
        [] if paths is None else [list(paths)],
    ).fetchall()
    return {path: sha for path, sha in rows}


def known_doc_ids(con, doc_ids: list[str]) -> set[str]:
    if not doc_ids:
        return set()
    rows = con.execute("SELECT doc_id FROM raw.documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def start_run(con, run_id: str, trigger: str, landing: str, extractor_version: str) -> None:
    # Called under the warehouse lock: another 'running' row is a run that was killed or crashed
    # (Airflow runs hold the lock per task only, so theirs count as stale after 6 hours).
    con.execute(
        """
        UPDATE ops.runs SET status = 'failed', finished_at = ?,
               error = 'interrupted: the run stopped before finishing (killed or crashed); nothing of it was published'
        WHERE status = 'running' AND run_id <> ? AND (trigger IS DISTINCT FROM 'airflow' OR started_at < ?)
        """,
        [utcnow(), run_id, utcnow() - timedelta(hours=6)],
    )
    con.execute(
        """
        INSERT INTO ops.runs (run_id, started_at, status, trigger, landing, extractor_version)
        VALUES (?, ?, 'running', ?, ?, ?)
        ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, status = 'running', error = NULL
        """,
        [run_id, utcnow(), trigger, landing, extractor_version],
    )


def finish_run(con, run_id: str, status: str, **fields) -> None:
    allowed = set(table_columns(con, "ops.runs")) - {"run_id", "started_at"}
    fields = {k: v for k, v in fields.items() if k in allowed}
    fields.update(status=status, finished_at=utcnow())
    assignments = ", ".join(f'"{k}" = ?' for k in fields)
    con.execute(f"UPDATE ops.runs SET {assignments} WHERE run_id = ?", [*fields.values(), run_id])


def stage_batch(con, batch_dir: Path) -> dict[str, int]:
    """Replace staging.* with the batch's Parquet files (typed like the published tables)."""
    counts = {}
    for name, target in BATCH_TABLES.items():
        con.execute(f"CREATE OR REPLACE TABLE staging.{name} AS SELECT * FROM {target} LIMIT 0")
        # a table may come in parts, one per stage (quarantine.ingest.parquet, quarantine.clean.parquet, ...)
        parts = sorted(str(p) for p in Path(batch_dir).glob(f"{name}*.parquet") if p.stem.split(".")[0] == name)
        if parts:
            con.execute(f"INSERT INTO staging.{name} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)", [parts])
        counts[name] = con.execute(f"SELECT count(*) FROM staging.{name}").fetchone()[0]
    return counts


def record_audit(con, run_id: str, results: list[dict]) -> None:
    con.execute("DELETE FROM ops.audit_results WHERE run_id = ?", [run_id])
    if results:
        con.executemany(
            "INSERT INTO ops.audit_results VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [run_id, r.get("suite"), r.get("expectation"), r.get("column_name"), bool(r.get("success")),
                 r.get("unexpected"), (str(r.get("detail")) if r.get("detail") is not None else None)]
                for r in results
            ],
        )


def _insert_new(con, name: str, target: str) -> None:
    if target in KEYED:
        con.execute(f"INSERT OR IGNORE INTO {target} BY NAME SELECT * FROM staging.{name}")
    else:  # the source-file ledger: one row per (path, content)
        con.execute(
            f"""
            INSERT INTO {target} BY NAME
            SELECT s.* FROM staging.{name} AS s
            WHERE NOT EXISTS (
                SELECT 1 FROM {target} AS t
                WHERE t.source_path = s.source_path AND t.file_sha256 IS NOT DISTINCT FROM s.file_sha256
            )
            """
        )


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _probe(m: dict) -> dict:
    """Which published events mention `m` could join, by their anchor (pipeline.warehouse.merge's rules).

    lo/hi: events anchored on a strong date in that range; month/year: events anchored with
    month/year precision in that month/year; weak_lo/weak_hi: events opened by a weakly dated
    mention in that range; dateless: events opened by a mention without any date.
    """
    from pipeline.warehouse.merge import WEAK_WINDOW, is_weak

    when, precision = m.get("event_date"), m.get("date_precision")
    weak = timedelta(days=WEAK_WINDOW)
    probe = dict(lo=None, hi=None, month=None, year=None, weak_lo=None, weak_hi=None, dateless=False)
    if when is None:
        probe["dateless"] = True
    elif is_weak(m):
        # the nearest earlier event within WEAK_WINDOW days, or one opened as weakly near it; and
        # those opened by weakly dated mentions that may rather join an event this one opens
        probe.update(lo=when - weak, hi=when, weak_lo=when - weak, weak_hi=when + 2 * weak)
    else:
        if precision in (None, "day", "week"):
            # it joins an event anchored within 2 (a day) or 7 days (a week) of it, or in its month or
            # year (month/year anchors); see _STRONG_WINDOW for the events whose mentions it may take
            window = timedelta(days=_STRONG_WINDOW)
            probe.update(lo=when - window, hi=when + window, month=when.replace(day=1), year=when.year)
        elif precision == "month":
            probe.update(lo=when.replace(day=1), hi=_month_end(when))
        elif precision == "year":
            probe.update(lo=date(when.year, 1, 1), hi=date(when.year, 12, 31))
        # events opened by weakly dated mentions, some of which may rather join the event this one is in
        probe.update(weak_lo=when - weak, weak_hi=when + 2 * weak)
    return probe


def _merge_keys(event_type: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> list[tuple[str, bool]]:
    """(merge_key, same sides) of every event whose actor and recipient countries are all among
    the mention's; same sides: the key of an event opened with the mention's parties (either way
    round), whose members may have added the other side's countries."""
    from itertools import combinations

    countries = tuple(sorted(set(actors) | set(recipients)))
    subsets = [c for k in range(len(countries) + 1) for c in combinations(countries, k)]
    keys = []
    for a in subsets:
        for r in subsets:
            if a or r:
                same = (set(a) >= set(actors) and set(r) >= set(recipients)) or \
                       (set(a) >= set(recipients) and set(r) >= set(actors))
                keys.append((f"{event_type}|{','.join(a)}|{','.join(r)}", same))
    return keys


# a strong date's candidates: events anchored within 2 x WEEK_WINDOW days, whose week-precision
# mentions (which join anything within WEEK_WINDOW days) may rather join the event it opens
_STRONG_WINDOW = 14
_MAX_KEYED_COUNTRIES = 4  # up to 255 merge keys per mention; more countries: matched by a list test

_PROBE_DATES_SQL = """
    ((e.anchor_precision IS DISTINCT FROM 'weak' AND (
         e.anchor_date BETWEEN p.lo AND p.hi
         OR (e.anchor_precision = 'month' AND year(e.anchor_date) = year(p.month)
             AND month(e.anchor_date) = month(p.month))
         OR (e.anchor_precision = 'year' AND year(e.anchor_date) = p.year)))
     OR (e.anchor_precision = 'weak' AND e.anchor_date BETWEEN p.weak_lo AND p.weak_hi)
     OR (e.anchor_date IS NULL AND p.dateless))
"""

_LISTED_SIDES_SQL = """
    list_has_all(coalesce(e.actor_countries, []) || coalesce(e.recipient_countries, []), p.known)
    AND (p.within IS NULL OR list_has_all(p.within, coalesce(e.actor_countries, []) || coalesce(e.recipient_countries, [])))
"""
_WEEK_EPOCH = date(2000, 1, 3)  # a Monday: week numbers of anchor dates, to join on instead of a date range
_WEEK_SQL = "(({} - DATE '2000-01-03') // 7)"
_NO_WEEK = -(10 ** 9)  # the "week" of an event without anchor date


def _probe_weeks(probe: dict) -> list[int]:
    """Week numbers an event's anchor may fall in for `probe` to select it (_NO_WEEK: no anchor)."""
    weeks = set()
    ranges = [(probe["lo"], probe["hi"]), (probe["weak_lo"], probe["weak_hi"])]
    if probe["month"] is not None:
        ranges.append((probe["month"], _month_end(probe["month"])))
    for low, high in ranges:
        if low is not None:
            weeks.update(range((low - _WEEK_EPOCH).days // 7, (high - _WEEK_EPOCH).days // 7 + 1))
    if probe["dateless"]:
        weeks.add(_NO_WEEK)
    return sorted(weeks)


_MENTION_COLUMNS = """
    m.mention_id, m.article_id, m.event_type, m.mode, m.quad_class, m.intensity, m.cameo_root,
    m.actor_name, m.actor_country, m.actor_sector, coalesce(m.actor_countries, []) AS actor_countries,
    m.recipient_name, m.recipient_country, m.recipient_sector, coalesce(m.recipient_countries, []) AS recipient_countries,
    m.is_symmetric, m.event_date, m.date_precision, m.location_name, m.location_country,
    m.location_lat, m.location_lon, m.location_precision, m.status, m.confidence,
    coalesce(m.notes, []) AS notes, m.event_id
"""


def _candidate_events(con) -> None:
    """Temp table candidate_events: the published events the staged mentions could join."""
    import pyarrow as pa

    from pipeline.warehouse.merge import country_set, is_clusterable, is_complete

    cursor = con.execute(
        f"""
        SELECT {_MENTION_COLUMNS} FROM staging.event_mentions AS m WHERE m.status IN ('asserted', 'future')
        """
    )
    names = [d[0] for d in cursor.description]
    keyed, listed = [], []
    for row in cursor.fetchall():
        m = dict(zip(names, row))
        if not is_clusterable(m):
            continue
        probe = _probe(m)
        actors, recipients = country_set(m["actor_countries"]), country_set(m["recipient_countries"])
        countries = tuple(sorted(set(actors) | set(recipients)))
        if is_complete(m) and len(countries) <= _MAX_KEYED_COUNTRIES:
            for key, same_sides in _merge_keys(m["event_type"], actors, recipients):
                # an undated mention joins an undated event of its own parties (not a one-sided one)
                keyed.append(dict(probe, merge_key=key, dateless=probe["dateless"] and same_sides))
        else:  # more countries, or one side unknown: by type and week, then a list test
            sides = dict(within=list(countries), known=[]) if is_complete(m) else dict(within=None, known=list(countries))
            listed += [dict(probe, event_type=m["event_type"], week=week, **sides) for week in _probe_weeks(probe)]
    dates = [("lo", pa.date32()), ("hi", pa.date32()), ("month", pa.date32()), ("year", pa.int32()),
             ("weak_lo", pa.date32()), ("weak_hi", pa.date32()), ("dateless", pa.bool_())]
    keyed_schema = pa.schema(dates + [("merge_key", pa.string())])
    listed_schema = pa.schema(dates + [("event_type", pa.string()), ("week", pa.int64()),
                                       ("within", pa.list_(pa.string())), ("known", pa.list_(pa.string()))])
    con.register("keyed_probes", pa.Table.from_pylist(keyed, schema=keyed_schema))
    con.register("listed_probes", pa.Table.from_pylist(listed, schema=listed_schema))
    try:
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE candidate_events AS
            SELECT DISTINCT e.event_id FROM core.events AS e JOIN keyed_probes AS p ON e.merge_key = p.merge_key
            WHERE {_PROBE_DATES_SQL}
            UNION
            SELECT DISTINCT e.event_id FROM core.events AS e JOIN listed_probes AS p
              ON e.event_type = p.event_type AND coalesce({_WEEK_SQL.format("e.anchor_date")}, {_NO_WEEK}) = p.week
            WHERE {_PROBE_DATES_SQL} AND {_LISTED_SIDES_SQL}
            UNION  -- year-precision events: any week of their year
            SELECT DISTINCT e.event_id FROM core.events AS e JOIN listed_probes AS p ON e.event_type = p.event_type
            WHERE e.anchor_precision = 'year' AND year(e.anchor_date) = p.year AND {_LISTED_SIDES_SQL}
            """
        )
    finally:
        con.unregister("keyed_probes")
        con.unregister("listed_probes")


def rebuild_affected_events(con, run_id: str) -> int:
    """Merge the staged mentions into the published events and publish them (core.event_mentions)
    with their event ids; returns the number of events written.

    Candidates are the published events each new publishable mention could join under
    pipeline.warehouse.merge's rules, or whose mentions could rather join the event it opens, found by
    their anchor (core.events.anchor_date/anchor_precision): same type; countries among the
    mention's (one side unknown: containing its known side); for a strong date, a strong anchor
    within _STRONG_WINDOW days (a month or year anchor: in the same month or year; a month or
    year date: any anchor in it) and a weak anchor from WEAK_WINDOW days before to
    2 x WEAK_WINDOW days after; for a weak date, a strong anchor in the WEAK_WINDOW days before
    and a weak one from WEAK_WINDOW days before to 2 x WEAK_WINDOW days after; for no date, no
    anchor. Plus the events of the stories near-duplicate articles repeat, and the current
    events of staged mentions published before (a batch published again). The staged mentions
    and all members of the candidates are clustered together (temp table affected_mentions
    holds what was read); only events whose membership changed are rewritten (an event keeps
    its id while its first mention does), events left without members are deleted, every other
    row is untouched: the work follows the batch, not the warehouse. The result is that of
    clustering all mentions at once, except where arrival order matters (e.g. a mention that
    joined an event through its article, which a later, nearer event would have taken; or a
    mention missing one side, whose only compatible event is no longer the only one).
    """
    import pandas as pd

    from pipeline.warehouse.merge import cluster_events, event_id, is_clusterable, stories_of, summarise_event

    _candidate_events(con)
    # staged mentions published before: their current events are rebuilt too
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE republished_mentions AS
        SELECT m.mention_id, m.event_id FROM core.event_mentions AS m
        WHERE m.mention_id IN (SELECT mention_id FROM staging.event_mentions)
        """
    )
    con.execute(
        """
        INSERT INTO candidate_events
        SELECT DISTINCT event_id FROM republished_mentions
        WHERE event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM candidate_events)
        """
    )
    if con.execute("SELECT count(*) FROM staging.articles WHERE duplicate_of IS NOT NULL").fetchall()[0][0]:
        con.execute(  # the events of the stories near-duplicate articles repeat (the same-article rule)
            """
            INSERT INTO candidate_events
            WITH stories AS (SELECT DISTINCT duplicate_of AS story FROM staging.articles WHERE duplicate_of IS NOT NULL)
            SELECT DISTINCT m.event_id FROM core.event_mentions AS m
            WHERE m.article_id IN (SELECT article_id FROM core.articles
                                   WHERE article_id IN (SELECT story FROM stories)
                                      OR duplicate_of IN (SELECT story FROM stories))
              AND m.event_id IS NOT NULL AND m.event_id NOT IN (SELECT event_id FROM candidate_events)
            """
        )
    con.execute(  # one scan of the published mentions: every column of the candidates' members
        """
        CREATE OR REPLACE TEMP TABLE affected_mentions AS
        SELECT m.*, m.rowid AS row_id FROM core.event_mentions AS m
        WHERE m.event_id IN (SELECT event_id FROM candidate_events)
        """
    )
    con.execute(  # a staged mention published before without an event (not publishable then)
        """
        INSERT INTO affected_mentions
        SELECT m.*, m.rowid AS row_id FROM core.event_mentions AS m
        WHERE m.mention_id IN (SELECT mention_id FROM republished_mentions WHERE event_id IS NULL)
        """
    )
    con.execute(  # the new mentions, as staged
        """
        INSERT INTO affected_mentions
        SELECT s.*, NULL AS row_id FROM staging.event_mentions AS s
        WHERE s.mention_id NOT IN (SELECT mention_id FROM republished_mentions)
        """
    )
    cursor = con.execute(
        f"""
        SELECT {_MENTION_COLUMNS}, m.row_id, a.reference_date AS article_reference_date,
               a.duplicate_of AS article_duplicate_of
        FROM affected_mentions AS m
        LEFT JOIN (SELECT article_id, reference_date, duplicate_of FROM core.articles
                   WHERE article_id IN (SELECT DISTINCT article_id FROM affected_mentions)) AS a USING (article_id)
        """
    )
    names = [d[0] for d in cursor.description]
    mentions = [dict(zip(names, row)) for row in cursor.fetchall()]
    articles = {m["article_id"]: {"reference_date": m.pop("article_reference_date"),
                                  "duplicate_of": m.pop("article_duplicate_of")} for m in mentions}
    before: dict[str, str | None] = {m["mention_id"]: m["event_id"] for m in mentions}
    published = {m["mention_id"] for m in mentions if m.pop("row_id") is not None}  # rows in core.event_mentions
    old_members: dict[str, set[str]] = {}
    for mid, eid in before.items():
        if eid is not None:
            old_members.setdefault(eid, set()).add(mid)
    old_first = {eid: min(mids) for eid, mids in old_members.items()}
    assignment: dict[str, str] = {}  # mention -> event id
    new_members: dict[str, set[str]] = {}
    clusters: dict[str, tuple] = {}
    for members, anchor in cluster_events((m for m in mentions if is_clusterable(m)), stories_of(articles)):
        mids = {m["mention_id"] for m in members}
        first = min(mids)
        # an event whose first mention is unchanged keeps its id, even if its merge key changed
        if before.get(first) is not None and old_first.get(before[first]) == first:
            eid = before[first]
        else:
            eid = event_id(members)
        clusters[eid] = (members, anchor)
        new_members[eid] = mids
        assignment.update(dict.fromkeys(mids, eid))
    changed = []  # only the events whose members changed are summarised and written
    for eid, (members, anchor) in clusters.items():
        if old_members.get(eid) != new_members[eid]:
            changed.append({**summarise_event(members, articles, run_id, anchor=anchor), "event_id": eid})
    gone = sorted(set(old_members) - set(new_members))
    rewritten = gone + [e["event_id"] for e in changed if e["event_id"] in old_members]
    if rewritten:  # delete + insert: much cheaper in DuckDB than INSERT OR REPLACE
        con.execute("DELETE FROM core.events WHERE event_id IN (SELECT unnest(?))", [rewritten])
    if changed:
        con.register("new_events", pd.DataFrame(changed))
        con.execute("INSERT INTO core.events BY NAME SELECT * FROM new_events")
        con.unregister("new_events")
    links = {mid: assignment.get(mid) for mid in before if before[mid] != assignment.get(mid) or mid not in published}
    frame = pd.DataFrame({"mention_id": list(links), "event_id": pd.Series(list(links.values()), dtype=object)})
    con.register("mention_links", frame)
    try:
        # published mentions that changed event: deleted and inserted again (an UPDATE of rows
        # scattered over the table makes DuckDB checkpoint at commit, ~1 s on a big warehouse)
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE relinked_mentions AS
            SELECT a.* EXCLUDE (row_id) REPLACE (l.event_id AS event_id)
            FROM affected_mentions AS a JOIN mention_links AS l USING (mention_id)
            WHERE a.row_id IS NOT NULL
            """
        )
        con.execute(
            """
            DELETE FROM core.event_mentions
            WHERE rowid IN (SELECT row_id FROM affected_mentions WHERE mention_id IN (SELECT mention_id FROM relinked_mentions))
            """
        )
        con.execute("INSERT INTO core.event_mentions BY NAME SELECT * FROM relinked_mentions")
        # the staged mentions not published yet, with their events
        con.execute(
            """
            INSERT OR IGNORE INTO core.event_mentions BY NAME
            SELECT s.* REPLACE (l.event_id AS event_id)
            FROM staging.event_mentions AS s LEFT JOIN mention_links AS l USING (mention_id)
            WHERE s.mention_id NOT IN (SELECT mention_id FROM republished_mentions)
            """
        )
    finally:
        con.unregister("mention_links")
    return len(changed)


def _insert_batch(con) -> None:
    """Copy the staged tables into raw/core (event mentions: rebuild_affected_events, which gives
    them their event ids), and index the new articles' MinHash bands."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE unindexed_articles AS
        SELECT article_id, minhash FROM staging.articles ANTI JOIN core.articles USING (article_id)
        """
    )
    for name, target in BATCH_TABLES.items():
        if name != "event_mentions":
            _insert_new(con, name, target)
    con.execute(f"INSERT INTO core.article_bands {bands_sql('unindexed_articles')}")


def publish_batch(con, run_id: str, **run_fields) -> dict[str, int]:
    """Copy staging into raw/core, rebuild affected events, mark the run published — atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        _insert_batch(con)
        n_events = rebuild_affected_events(con, run_id)
        total_events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
        finish_run(con, run_id, "published", audit_success=True, n_events=total_events, **run_fields)
        from pipeline.run.runner import fault_point

        fault_point("publish.commit")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": total_events}


def replace_published(con, run_id: str, **run_fields) -> dict[str, int]:
    """Reprocessing: swap core.* for the staged full re-extraction in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for name in ("articles", "removed_blocks", "sentences", "event_mentions"):
            con.execute(f"DELETE FROM {BATCH_TABLES[name]}")
        con.execute("DELETE FROM core.article_bands")
        con.execute("DELETE FROM core.events")
        _insert_batch(con)
        n_events = rebuild_affected_events(con, run_id)
        finish_run(con, run_id, "published", audit_success=True, n_events=n_events, **run_fields)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": n_events}


def summary(con) -> dict:
    """Counts users see after a run: the rows of curated.articles, event_mentions, events and
    quarantine, counted on the tables under them (a published mention always has its article, so
    curated.event_mentions' join drops nothing; joining 1.6 M mentions to count them took 0.2 s)."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM core.articles"),
        "mentions": one("SELECT count(*) FROM core.event_mentions"),
        "events": one("SELECT count(*) FROM core.events"),
        "quarantined": one("SELECT count(*) FROM raw.quarantine"),
        "runs": one("SELECT count(*) FROM ops.runs"),
    }
