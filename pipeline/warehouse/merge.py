"""Merge event mentions into canonical events (GDELT's two grains: mentions and events).

A mention joins an event when the event type matches, the parties are compatible and the
dates fall in the same window:
  - parties: the same actor and recipient country sets; for reciprocal events (a call, a
    meeting, cooperation, or a mention flagged symmetric) the two sides are unordered; a
    mention missing one side joins the only compatible event its own story (its article or
    the article it near-duplicates) already reports, if there is exactly one;
  - dates: day-precision dates within `DAY_WINDOW` days of the event's anchor date; a
    month/year date joins an event inside that month/year; a date that is only the
    article's publication date (note `date_from_publication`) joins the nearest earlier
    dated event within `WEAK_WINDOW` days, else the event its story already reports (its
    article, or the article it is a near-duplicate of), else an event opened by such a
    weakly dated mention within `WEAK_WINDOW` days of it; a mention with no date at all
    joins the event its story already reports, else an event opened by an undated mention.
    A mention missing one side joins only if exactly one compatible event fits these dates.
Only asserted and future mentions become events. Disagreements between mentions (dates,
modes, places, stated durations) are kept in `conflicts`, never silently overwritten.

Apart from the same-story rule, every rule looks at most WEAK_WINDOW days (a month, a year for
month- and year-precision dates) around a mention's date, so a batch can be merged into the
published events incrementally (pipeline.warehouse.event_rebuild.rebuild_affected_events): its mentions are
clustered again together with the members of the events they could join, found by each event's
anchor (`event_anchor`), the date of the mention that opened it: its first complete mention
(both sides known) in clustering order, else its first mention. Clustering order: strong dates
before weak ones, day precision first, then by date and mention id; ties between events go to
the one opened first.
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
WEEK_WINDOW = 7  # also for a date of unknown precision
WEAK_WINDOW = 14
WEAK_DATE_NOTES = ("date_from_publication", "no_date")


def _countries(value) -> tuple[str, ...]:
    if value is None:
        return ()
    try:
        return tuple(sorted({c for c in value if c}))
    except TypeError:
        return ()


country_set = _countries  # sorted distinct non-empty country codes of a mention's side


@dataclass
class _Cluster:
    event_type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    unordered: bool
    anchor: date | None
    precision: str | None
    weak_date: date | None = None  # an event opened by a weakly dated mention: that date (anchor is None)
    seq: int = 0  # order of creation: breaks ties, whatever order an index lists events in
    members: list[dict] = field(default_factory=list)
    articles: set = field(default_factory=set)  # stories: the members' articles, or those they duplicate

    def append(self, mention: dict, story: str) -> None:
        self.members.append(mention)
        self.articles.add(story)

    def sides_compatible(self, actors: tuple, recipients: tuple, unordered: bool) -> bool:
        """A partial mention (one side unknown) fits when its known side matches."""

        def fits(a, r):
            return (not a or set(a) <= set(self.actors)) and (not r or set(r) <= set(self.recipients))

        return fits(actors, recipients) or ((unordered or self.unordered) and fits(recipients, actors))


def _is_weak(mention: dict) -> bool:
    notes = mention.get("notes") or ()
    return mention.get("event_date") is None or any(n in WEAK_DATE_NOTES for n in notes)


def is_weak(mention: dict) -> bool:
    """The mention's date is only its article's publication date, or it has none."""
    return _is_weak(mention)


def _order(m: dict) -> tuple:
    """Clustering order: strong dates first, day precision first, then date and id."""
    return (_is_weak(m), m.get("date_precision") != "day", m.get("event_date") or date.max, m["mention_id"])


def is_complete(mention: dict) -> bool:
    return bool(_countries(mention.get("actor_countries"))) and bool(_countries(mention.get("recipient_countries")))


def is_clusterable(mention: dict) -> bool:
    """Publishable (asserted or future) with at least one known country."""
    return mention.get("status") in PUBLISHABLE and bool(
        _countries(mention.get("actor_countries")) or _countries(mention.get("recipient_countries")))


ANCHOR_WEAK = "weak"  # anchor_precision of an event opened by a mention dated by its publication only


def event_anchor(members: list[dict]) -> tuple[date | None, str | None]:
    """(anchor_date, anchor_precision) of an event: the date and precision of the mention that
    opened it (its first complete mention in clustering order, else its first mention);
    precision ANCHOR_WEAK when that date was weak, (None, None) when it had no date. The same
    as the clustering's own anchor for these members (`_Cluster`)."""
    rows = [m for m in members if is_clusterable(m)] or list(members)
    if not rows:
        return None, None
    opener = min([m for m in rows if is_complete(m)] or rows, key=_order)
    if opener.get("event_date") is None:
        return None, None
    if _is_weak(opener):
        return opener["event_date"], ANCHOR_WEAK
    return opener["event_date"], opener.get("date_precision")


def _cluster_anchor(c: "_Cluster") -> tuple[date | None, str | None]:
    if c.anchor is not None:
        return c.anchor, c.precision
    return (c.weak_date, ANCHOR_WEAK) if c.weak_date is not None else (None, None)


def _date_fits(cluster: _Cluster, when: date | None, precision: str | None) -> bool:
    if cluster.anchor is None or when is None:
        return False
    if precision in (None, "day", "week"):
        if cluster.precision in ("month", "year"):
            return _date_fits(_Cluster("", (), (), False, when, precision), cluster.anchor, cluster.precision)
        window = DAY_WINDOW if precision == "day" else WEEK_WINDOW
        return abs((when - cluster.anchor).days) <= window
    if precision == "month":
        return (when.year, when.month) == (cluster.anchor.year, cluster.anchor.month)
    if precision == "year":
        return when.year == cluster.anchor.year
    return False


class _Clusters:
    """Events found so far, indexed so placing a mention never scans them all."""

    WEEKS_AROUND = 5  # a month-precision event and a 14-day weak window both fit in +-5 weeks

    def __init__(self, stories: dict[str, str] | None = None) -> None:
        self.stories = stories or {}  # article -> the article it is a near-duplicate of
        self.all: list[_Cluster] = []
        # (type, actors, recipients) -> week number (None: undated or year precision) -> events
        self.by_sides: dict[tuple, dict[int | None, list[_Cluster]]] = {}
        # (type, country) -> week number -> events; story -> events it reports
        self.by_country: dict[tuple, dict[int | None, list[_Cluster]]] = {}
        self.by_article: dict[str, list[_Cluster]] = {}

    def story(self, mention: dict) -> str:
        """The mention's article, or the article it is a near-duplicate of (the same story)."""
        return self.stories.get(mention["article_id"]) or mention["article_id"]

    @staticmethod
    def _week(cluster: _Cluster) -> int | None:
        if cluster.anchor is None or cluster.precision == "year":
            return None
        return cluster.anchor.toordinal() // 7

    def add(self, cluster: _Cluster) -> None:
        cluster.seq = len(self.all)
        self.all.append(cluster)
        weeks = self.by_sides.setdefault((cluster.event_type, cluster.actors, cluster.recipients), {})
        weeks.setdefault(self._week(cluster), []).append(cluster)
        for country in set(cluster.actors) | set(cluster.recipients):
            weeks = self.by_country.setdefault((cluster.event_type, country), {})
            weeks.setdefault(self._week(cluster), []).append(cluster)

    def append(self, cluster: _Cluster, mention: dict) -> None:
        story = self.story(mention)
        if story not in cluster.articles:
            self.by_article.setdefault(story, []).append(cluster)
        cluster.append(mention, story)

    def anchor_changed(self, cluster: _Cluster) -> None:
        """An undated event got its first date: file it under its week."""
        indexes = [self.by_sides[(cluster.event_type, cluster.actors, cluster.recipients)]]
        indexes += [self.by_country[(cluster.event_type, c)] for c in set(cluster.actors) | set(cluster.recipients)]
        for weeks in indexes:
            weeks[None].remove(cluster)
            weeks.setdefault(self._week(cluster), []).append(cluster)

    def same_sides(self, event_type: str, actors: tuple, recipients: tuple, unordered: bool,
                   when: date | None, precision: str | None = None, article_id: str | None = None) -> list[_Cluster]:
        """Events with these parties that a mention dated `when` (near weeks only) or from this
        story (`article_id`: see `story`) could join."""
        found = self._near(self.by_sides.get((event_type, actors, recipients), {}), when, precision)
        if actors != recipients:  # a reciprocal event filed the other way round
            found += [c for c in self._near(self.by_sides.get((event_type, recipients, actors), {}), when, precision)
                      if unordered or c.unordered]
        if article_id in self.by_article:  # the story's events further away (the same-article rule)
            seen = {id(c) for c in found}
            found += [c for c in self.by_article[article_id] if id(c) not in seen and c.event_type == event_type and (
                (c.actors, c.recipients) == (actors, recipients)
                or ((c.actors, c.recipients) == (recipients, actors) and (unordered or c.unordered)))]
        return found

    def _near(self, weeks: dict, when: date | None, precision: str | None = None) -> list[_Cluster]:
        if not weeks:
            return []
        if when is None:
            return [c for group in weeks.values() for c in group]
        if precision == "year":  # joins an event anywhere in its year
            low, high = date(when.year, 1, 1).toordinal() // 7, date(when.year, 12, 31).toordinal() // 7
        else:
            low, high = when.toordinal() // 7 - self.WEEKS_AROUND, when.toordinal() // 7 + self.WEEKS_AROUND
        found = list(weeks.get(None, ()))
        for w in range(low, high + 1):
            found.extend(weeks.get(w, ()))
        return found

    def sharing_a_country(self, event_type: str, countries: tuple, when: date | None, precision: str | None,
                          article_id: str) -> list[_Cluster]:
        """Events of this type with one of these countries that a mention dated `when` (near
        weeks only) or from this story could join."""
        seen, found = set(), []
        groups = [self._near(self.by_country.get((event_type, country), {}), when, precision) for country in countries]
        groups.append([c for c in self.by_article.get(article_id, ()) if c.event_type == event_type])
        for group in groups:
            for c in group:
                if id(c) not in seen and set(countries) & (set(c.actors) | set(c.recipients)):
                    seen.add(id(c))
                    found.append(c)
        return found


def stories_of(articles: dict[str, dict]) -> dict[str, str]:
    """article_id -> duplicate_of, from an article_id -> {reference_date, duplicate_of} map."""
    return {a: info["duplicate_of"] for a, info in articles.items() if info and info.get("duplicate_of")}


def _cluster(mentions: Iterable[dict], stories: dict[str, str] | None = None) -> list[_Cluster]:
    rows = []  # (mention, (actor countries, recipient countries)) of the clusterable mentions
    for m in mentions:
        sides = (_countries(m.get("actor_countries")), _countries(m.get("recipient_countries")))
        if m.get("status") in PUBLISHABLE and (sides[0] or sides[1]):  # = is_clusterable(m)
            rows.append((m, sides))
    rows.sort(key=lambda row: _order(row[0]))
    clusters = _Clusters(stories)
    partial: list[tuple] = []
    for m, sides in rows:
        if sides[0] and sides[1]:
            _place(m, clusters, partial=False, sides=sides)
        else:
            partial.append((m, sides))
    for m, sides in partial:  # after the complete ones, so they can join a complete event
        _place(m, clusters, partial=True, sides=sides)
    return clusters.all


def _place(m: dict, clusters: _Clusters, partial: bool, sides: tuple | None = None) -> None:
    """Add a mention to the event it belongs to, or open a new one (`sides`: its actor and
    recipient countries, when already known)."""
    actors, recipients = sides or (_countries(m.get("actor_countries")), _countries(m.get("recipient_countries")))
    unordered = bool(m.get("is_symmetric")) or m["event_type"] in RECIPROCAL_TYPES
    if not partial:
        target = _choose(clusters.same_sides(m["event_type"], actors, recipients, unordered, m.get("event_date"),
                                             m.get("date_precision"), clusters.story(m)), m, clusters.story(m))
        if target is not None and target.anchor is None and not _is_weak(m):  # an undated event's first date
            target.anchor, target.precision = m.get("event_date"), m.get("date_precision")
            clusters.anchor_changed(target)
    else:
        # one side unknown: the parties cannot agree with another story's event, so such a mention
        # joins only an event its own story (article or near-duplicates) reports — a vague one-line
        # mention never adds a source to, or moves the date of, an unrelated event
        story = clusters.story(m)
        fitting = [c for c in clusters.sharing_a_country(m["event_type"], actors + recipients, m.get("event_date"),
                                                         m.get("date_precision"), story)
                   if c.sides_compatible(actors, recipients, unordered) and story in c.articles]
        if not _is_weak(m):
            fitting = [c for c in fitting if _date_fits(c, m.get("event_date"), m.get("date_precision"))]
        else:
            fitting = [c for c in fitting if _choose([c], m, clusters.story(m)) is not None]
        target = fitting[0] if len(fitting) == 1 else None
    if target is None:
        weak = _is_weak(m)
        target = _Cluster(m["event_type"], actors, recipients, unordered,
                          None if weak else m.get("event_date"), None if weak else m.get("date_precision"),
                          weak_date=m.get("event_date") if weak else None)
        clusters.add(target)
    clusters.append(target, m)


def _choose(candidates: list[_Cluster], m: dict, story: str) -> _Cluster | None:
    when, precision = m.get("event_date"), m.get("date_precision")
    if not candidates:
        return None
    if not _is_weak(m):
        fitting = [c for c in candidates if _date_fits(c, when, precision)]
        if fitting:
            return min(fitting, key=lambda c: (abs((when - c.anchor).days), c.seq))
        undated = [c for c in candidates if c.anchor is None]
        return min(undated, key=lambda c: c.seq) if undated else None  # the caller gives it this mention's date
    # weak date: nearest earlier dated event within the window; else the event the same article
    # already reports; else the nearest event opened by a weakly dated mention within the window
    # (no date: the first event opened by an undated mention)
    if when is not None:
        earlier = [c for c in candidates if c.anchor and timedelta(0) <= when - c.anchor <= timedelta(days=WEAK_WINDOW)]
        if earlier:
            return min(earlier, key=lambda c: (when - c.anchor, c.seq))
    same_article = [c for c in candidates if story in c.articles]
    if len(same_article) == 1:
        return same_article[0]
    if when is None:
        undated = [c for c in candidates if c.anchor is None and c.weak_date is None]
        return min(undated, key=lambda c: c.seq) if undated else None
    near = [c for c in candidates if c.anchor is None and c.weak_date is not None
            and abs((when - c.weak_date).days) <= WEAK_WINDOW]
    return min(near, key=lambda c: (abs((when - c.weak_date).days), c.seq)) if near else None


def _most_common(values: Iterable, default=None):
    """The most frequent non-None value, the smallest of those tied; `default` when there is none."""
    counted: dict = {}
    for v in values:
        if v is not None:
            counted[v] = counted.get(v, 0) + 1
    if not counted:
        return default
    if len(counted) == 1:  # most events have one mention, or members that agree
        return next(iter(counted))
    best = max(counted.values())
    return min(v for v, n in counted.items() if n == best)


def summarise_event(members: list[dict], articles: dict[str, dict], run_id: str,
                    anchor: tuple[date | None, str | None] | None = None) -> dict:
    """One events row from its member mentions. `articles`: article_id -> {reference_date, duplicate_of};
    `anchor`: the clustering's (date, precision) of the event, else derived with `event_anchor`."""
    first = min(members, key=lambda m: m["mention_id"])
    anchor_date, anchor_precision = anchor if anchor is not None else event_anchor(members)
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
    modes = {m.get("mode") for m in members if m.get("mode")}
    if len(modes) > 1:
        conflicts.append("mode: " + " vs ".join(sorted(modes)))
    places = {m.get("location_name") for m in members if m.get("location_name") and m.get("location_precision") in ("city", "admin")}
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
    # = event_merge_key(members) and event_id(members), from the country lists just built
    merge_key = f"{members[0]['event_type']}|{','.join(actor_countries)}|{','.join(recipient_countries)}"
    return {
        "event_id": _hashed_id(merge_key, first["mention_id"]),
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
        "anchor_date": anchor_date,
        "anchor_precision": anchor_precision,
    }


def event_merge_key(members: list[dict]) -> str:
    """type|actor countries|recipient countries of an event (every member's countries)."""
    actors = sorted({c for m in members for c in _countries(m.get("actor_countries"))})
    recipients = sorted({c for m in members for c in _countries(m.get("recipient_countries"))})
    return f"{members[0]['event_type']}|{','.join(actors)}|{','.join(recipients)}"


def _hashed_id(merge_key: str, first_mention_id: str) -> str:
    return hashlib.sha256(f"{merge_key}|{first_mention_id}".encode()).hexdigest()[:24]


def event_id(members: list[dict]) -> str:
    """Hash of the event's merge key and first mention id: the same members, the same id."""
    return _hashed_id(event_merge_key(members), min(m["mention_id"] for m in members))


def cluster_events(mentions: Iterable[dict], stories: dict[str, str] | None = None,
                   ) -> list[tuple[list[dict], tuple[date | None, str | None]]]:
    """Each event's member mentions and anchor (see `event_anchor`), without summarising them."""
    return [(c.members, _cluster_anchor(c)) for c in _cluster(mentions, stories)]


