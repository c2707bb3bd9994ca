"""Which published events a batch's mentions could join: probes by anchor date and merge key
(a superset of what pipeline.warehouse.merge's rules accept, so incremental merging loses nothing)."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from pipeline.warehouse.merge import WEAK_WINDOW, country_set, is_clusterable, is_complete, is_weak


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _probe(m: dict) -> dict:
    """Which published events mention `m` could join, by their anchor (pipeline.warehouse.merge's rules).

    lo/hi: events anchored on a strong date in that range; month/year: events anchored with
    month/year precision in that month/year; weak_lo/weak_hi: events opened by a weakly dated
    mention in that range; dateless: events opened by a mention without any date.
    """

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


@lru_cache(maxsize=4096)  # mentions of a batch share their parties
def _merge_keys(event_type: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
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
    return tuple(keys)


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


MENTION_COLUMNS = """
    m.mention_id, m.article_id, m.event_type, m.mode, m.quad_class, m.intensity, m.cameo_root,
    m.actor_name, m.actor_country, m.actor_sector, coalesce(m.actor_countries, []) AS actor_countries,
    m.recipient_name, m.recipient_country, m.recipient_sector, coalesce(m.recipient_countries, []) AS recipient_countries,
    m.is_symmetric, m.event_date, m.date_precision, m.location_name, m.location_country,
    m.location_lat, m.location_lon, m.location_precision, m.status, m.confidence,
    coalesce(m.notes, []) AS notes, m.event_id
"""


def candidate_events(con) -> None:
    """Temp table candidate_events: the published events the staged mentions could join."""
    import pyarrow as pa

    if con.execute("SELECT NOT EXISTS (SELECT 1 FROM core.events)").fetchone()[0]:  # nothing published to join
        con.execute("CREATE OR REPLACE TEMP TABLE candidate_events AS SELECT event_id FROM core.events LIMIT 0")
        return
    cursor = con.execute(
        f"""
        SELECT {MENTION_COLUMNS} FROM staging.event_mentions AS m WHERE m.status IN ('asserted', 'future')
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
