"""Merge event mentions into canonical events (GDELT's two grains: mentions and events).

A mention joins an event when the event type matches, the parties are compatible and the
dates fall in the same window:
  - parties: the same actor and recipient country sets; for reciprocal events (a call, a
    meeting, cooperation, or a mention flagged symmetric) the two sides are unordered; a
    mention missing one side joins the only compatible event, if there is exactly one;
  - dates: day-precision dates within `DAY_WINDOW` days of the event's anchor date; a
    month/year date joins an event inside that month/year; a date that is only the
    article's publication date (note `date_from_publication`) or no date joins the nearest
    earlier dated event within `WEAK_WINDOW` days.
Only asserted and future mentions become events. Disagreements between mentions (dates,
modes, places, stated durations) are kept in `conflicts`, never silently overwritten.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

PUBLISHABLE = ("asserted", "future")
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
DAY_WINDOW = 2
WEAK_WINDOW = 14
WEAK_DATE_NOTES = ("date_from_publication", "no_date")


def _countries(value) -> tuple[str, ...]:
    if value is None:
        return ()
    try:
        return tuple(sorted({c for c in value if c}))
    except TypeError:
        return ()


@dataclass
class _Cluster:
    event_type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    unordered: bool
    anchor: date | None
    precision: str | None
    members: list[dict] = field(default_factory=list)
    articles: set = field(default_factory=set)

    def append(self, mention: dict) -> None:
        self.members.append(mention)
        self.articles.add(mention["article_id"])

    def sides_compatible(self, actors: tuple, recipients: tuple, unordered: bool) -> bool:
        """A partial mention (one side unknown) fits when its known side matches."""

        def fits(a, r):
            return (not a or set(a) <= set(self.actors)) and (not r or set(r) <= set(self.recipients))

        return fits(actors, recipients) or ((unordered or self.unordered) and fits(recipients, actors))


def _is_weak(mention: dict) -> bool:
    notes = mention.get("notes") or ()
    return mention.get("event_date") is None or any(n in WEAK_DATE_NOTES for n in notes)


def _date_fits(cluster: _Cluster, when: date | None, precision: str | None) -> bool:
    if cluster.anchor is None or when is None:
        return False
    if precision in (None, "day", "week"):
        if cluster.precision in ("month", "year"):
            return _date_fits(_Cluster("", (), (), False, when, precision), cluster.anchor, cluster.precision)
        window = DAY_WINDOW if precision == "day" else 7
        return abs((when - cluster.anchor).days) <= window
    if precision == "month":
        return (when.year, when.month) == (cluster.anchor.year, cluster.anchor.month)
    if precision == "year":
        return when.year == cluster.anchor.year
    return False


class _Clusters:
    """Events found so far, indexed so placing a mention never scans them all."""

    WEEKS_AROUND = 5  # a month-precision event and a 14-day weak window both fit in +-5 weeks

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        # (type, actors, recipients) -> week number (None: undated or year precision) -> events
        self.by_sides: dict[tuple, dict[int | None, list[_Cluster]]] = {}
        self.by_country: dict[tuple, list[_Cluster]] = {}

    @staticmethod
    def _week(cluster: _Cluster) -> int | None:
        if cluster.anchor is None or cluster.precision == "year":
            return None
        return cluster.anchor.toordinal() // 7

    def add(self, cluster: _Cluster) -> None:
        self.all.append(cluster)
        weeks = self.by_sides.setdefault((cluster.event_type, cluster.actors, cluster.recipients), {})
        weeks.setdefault(self._week(cluster), []).append(cluster)
        for country in set(cluster.actors) | set(cluster.recipients):
            self.by_country.setdefault((cluster.event_type, country), []).append(cluster)

    def anchor_changed(self, cluster: _Cluster) -> None:
        """An undated event got its first date: file it under its week."""
        weeks = self.by_sides[(cluster.event_type, cluster.actors, cluster.recipients)]
        weeks[None].remove(cluster)
        weeks.setdefault(self._week(cluster), []).append(cluster)

    def same_sides(self, event_type: str, actors: tuple, recipients: tuple, unordered: bool,
                   when: date | None) -> list[_Cluster]:
        """Events with these parties that a mention dated `when` could join (near weeks only)."""
        found = self._near(self.by_sides.get((event_type, actors, recipients), {}), when)
        if actors != recipients:  # a reciprocal event filed the other way round
            found += [c for c in self._near(self.by_sides.get((event_type, recipients, actors), {}), when)
                      if unordered or c.unordered]
        return found

    def _near(self, weeks: dict, when: date | None) -> list[_Cluster]:
        if not weeks:
            return []
        if when is None:
            return [c for group in weeks.values() for c in group]
        week = when.toordinal() // 7
        found = list(weeks.get(None, ()))
        for w in range(week - self.WEEKS_AROUND, week + self.WEEKS_AROUND + 1):
            found.extend(weeks.get(w, ()))
        return found

    def sharing_a_country(self, event_type: str, countries: tuple) -> list[_Cluster]:
        seen, found = set(), []
        for country in countries:
            for c in self.by_country.get((event_type, country), ()):
                if id(c) not in seen:
                    seen.add(id(c))
                    found.append(c)
        return found


def cluster_mentions(mentions: Iterable[dict]) -> list[list[dict]]:
    """Group publishable mentions into events. Deterministic for a given set of mentions."""
    rows = [
        m for m in mentions
        if m.get("status") in PUBLISHABLE and (_countries(m.get("actor_countries")) or _countries(m.get("recipient_countries")))
    ]
    rows.sort(key=lambda m: (_is_weak(m), m.get("date_precision") != "day", m.get("event_date") or date.max, m["mention_id"]))
    clusters = _Clusters()
    partial: list[dict] = []
    for m in rows:
        if _countries(m.get("actor_countries")) and _countries(m.get("recipient_countries")):
            _place(m, clusters, partial=False)
        else:
            partial.append(m)
    for m in partial:  # after the complete ones, so they can join a complete event
        _place(m, clusters, partial=True)
    return [c.members for c in clusters.all]


def _place(m: dict, clusters: _Clusters, partial: bool) -> None:
    """Add a mention to the event it belongs to, or open a new one."""
    actors, recipients = _countries(m.get("actor_countries")), _countries(m.get("recipient_countries"))
    unordered = bool(m.get("is_symmetric")) or m["event_type"] in RECIPROCAL_TYPES
    if not partial:
        target = _choose(clusters.same_sides(m["event_type"], actors, recipients, unordered, m.get("event_date")), m)
        if target is not None and target.anchor is None and not _is_weak(m):  # an undated event's first date
            target.anchor, target.precision = m.get("event_date"), m.get("date_precision")
            clusters.anchor_changed(target)
    else:
        fitting = [c for c in clusters.sharing_a_country(m["event_type"], actors + recipients)
                   if c.sides_compatible(actors, recipients, unordered)]
        if not _is_weak(m):
            fitting = [c for c in fitting if _date_fits(c, m.get("event_date"), m.get("date_precision"))]
        target = _choose(fitting, m) if len(fitting) == 1 else None
    if target is None:
        weak = _is_weak(m)
        target = _Cluster(m["event_type"], actors, recipients, unordered,
                          None if weak else m.get("event_date"), None if weak else m.get("date_precision"))
        clusters.add(target)
    target.append(m)


def _choose(candidates: list[_Cluster], m: dict) -> _Cluster | None:
    when, precision = m.get("event_date"), m.get("date_precision")
    if not candidates:
        return None
    if not _is_weak(m):
        fitting = [c for c in candidates if _date_fits(c, when, precision)]
        if fitting:
            return min(fitting, key=lambda c: abs((when - c.anchor).days))
        undated = [c for c in candidates if c.anchor is None]
        return undated[0] if undated else None  # the caller gives it this mention's date
    # weak date: nearest earlier dated event within the window; else the event the same article
    # already reports; else the only candidate; else an undated one
    if when is not None:
        earlier = [c for c in candidates if c.anchor and timedelta(0) <= when - c.anchor <= timedelta(days=WEAK_WINDOW)]
        if earlier:
            return min(earlier, key=lambda c: when - c.anchor)
    same_article = [c for c in candidates if m["article_id"] in c.articles]
    if len(same_article) == 1:
        return same_article[0]
    if when is None and len(candidates) == 1:
        return candidates[0]
    undated = [c for c in candidates if c.anchor is None]
    return undated[0] if undated else None


def _most_common(values: Iterable, default=None):
    counted = Counter(v for v in values if v is not None)
    if not counted:
        return default
    best = max(counted.values())
    return sorted(v for v, n in counted.items() if n == best)[0]


def summarise_event(members: list[dict], articles: dict[str, dict], run_id: str) -> dict:
    """One events row from its member mentions. `articles`: article_id -> {reference_date, duplicate_of}."""
    first = min(members, key=lambda m: m["mention_id"])
    event_type = first["event_type"]
    strong = [m for m in members if not _is_weak(m)]
    day_dates = [m["event_date"] for m in strong if m.get("date_precision") == "day"]
    dated = day_dates or [m["event_date"] for m in strong if m.get("event_date")]
    event_date = _most_common(dated)
    if event_date is None:
        event_date = _most_common(m.get("event_date") for m in members)
    precision = "day" if day_dates else _most_common(m.get("date_precision") for m in (strong or members) if m.get("event_date"))
    all_dates = [m["event_date"] for m in strong if m.get("event_date")]

    conflicts = []
    if len(set(day_dates)) > 1:
        counts = Counter(day_dates)
        conflicts.append("date: " + " vs ".join(f"{d.isoformat()} ({n})" for d, n in sorted(counts.items())))
    modes = Counter(m.get("mode") for m in members if m.get("mode"))
    if len(modes) > 1:
        conflicts.append("mode: " + " vs ".join(sorted(modes)))
    places = Counter(m.get("location_name") for m in members if m.get("location_name") and m.get("location_precision") in ("city", "admin"))
    if len(places) > 1:
        conflicts.append("place: " + " vs ".join(sorted(places)))
    durations = {n for m in members for n in (m.get("notes") or ()) if n.startswith("duration:")}
    if len(durations) > 1:
        conflicts.append("duration: " + " vs ".join(sorted(d.split(":", 1)[1] for d in durations)))
    for note in sorted({n for m in members for n in (m.get("notes") or ()) if n.startswith("weekday_mismatch")}):
        conflicts.append(note)

    located = sorted(
        (m for m in members if m.get("location_name")),
        key=lambda m: ({"city": 0, "admin": 1, "country": 2}.get(m.get("location_precision"), 3), m["mention_id"]),
    )
    place = located[0] if located else {}
    article_ids = {m["article_id"] for m in members}
    canonical = {(articles.get(a) or {}).get("duplicate_of") or a for a in article_ids}
    seen = [(articles.get(a) or {}).get("reference_date") for a in article_ids]
    seen = [d for d in seen if d is not None]
    best: dict[str, float] = {}  # independent sources: the best mention of each canonical article
    for m in members:
        source = (articles.get(m["article_id"]) or {}).get("duplicate_of") or m["article_id"]
        best[source] = max(best.get(source, 0.0), float(m.get("confidence") or 0))
    miss = 1.0
    for confidence in best.values():
        miss *= 1.0 - min(confidence, 0.99)
    actor_countries = sorted({c for m in members for c in _countries(m.get("actor_countries"))})
    recipient_countries = sorted({c for m in members for c in _countries(m.get("recipient_countries"))})
    unordered = any(m.get("is_symmetric") for m in members) or event_type in RECIPROCAL_TYPES
    merge_key = f"{event_type}|{','.join(actor_countries)}|{','.join(recipient_countries)}"
    return {
        "event_id": hashlib.sha256(f"{merge_key}|{first['mention_id']}".encode()).hexdigest()[:24],
        "event_type": event_type,
        "mode": _most_common(m.get("mode") for m in members),
        "quad_class": first["quad_class"],
        "intensity": float(first["intensity"]),
        "cameo_root": first.get("cameo_root"),
        "actor_name": _most_common(m.get("actor_name") for m in members),
        "actor_country": _most_common(m.get("actor_country") for m in members),
        "actor_sector": _most_common(m.get("actor_sector") for m in members),
        "actor_countries": actor_countries,
        "recipient_name": _most_common(m.get("recipient_name") for m in members),
        "recipient_country": _most_common(m.get("recipient_country") for m in members),
        "recipient_sector": _most_common(m.get("recipient_sector") for m in members),
        "recipient_countries": recipient_countries,
        "is_symmetric": bool(unordered),
        "event_date": event_date,
        "date_precision": precision if event_date else None,
        "date_min": min(all_dates) if all_dates else event_date,
        "date_max": max(all_dates) if all_dates else event_date,
        "location_name": place.get("location_name"),
        "location_country": place.get("location_country"),
        "location_lat": place.get("location_lat"),
        "location_lon": place.get("location_lon"),
        "location_precision": place.get("location_precision"),
        "status": "asserted" if any(m["status"] == "asserted" for m in members) else "future",
        "n_mentions": len(members),
        "n_articles": len(article_ids),
        "n_sources": len(canonical),
        "first_seen": min(seen) if seen else None,
        "last_seen": max(seen) if seen else None,
        "confidence": round(1.0 - miss, 4),
        "conflicts": conflicts,
        "merge_key": merge_key,
        "run_id": run_id,
    }


def build_events(mentions: list[dict], articles: dict[str, dict], run_id: str) -> tuple[list[dict], dict[str, str]]:
    """Events rows and the mention_id -> event_id assignment."""
    events, assignment = [], {}
    for members in cluster_mentions(mentions):
        event = summarise_event(members, articles, run_id)
        events.append(event)
        for m in members:
            assignment[m["mention_id"]] = event["event_id"]
    events.sort(key=lambda e: (e["event_date"] or date.max, e["event_type"], e["event_id"]))
    return events, assignment
