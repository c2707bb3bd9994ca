"""Merging mentions into canonical events."""
from __future__ import annotations

from datetime import date

from merge_support import build_events, cluster_mentions


def mention(mid, article, etype="CONSULT", actors=("USA",), recipients=("COL",), when=date(2026, 1, 7),
            precision="day", status="asserted", notes=(), **extra):
    row = {
        "mention_id": mid, "article_id": article, "event_type": etype, "quad_class": "verbal cooperation",
        "intensity": 1.0, "cameo_root": "04", "actor_countries": list(actors), "recipient_countries": list(recipients),
        "actor_country": actors[0] if actors else None, "recipient_country": recipients[0] if recipients else None,
        "event_date": when, "date_precision": precision if when else None, "status": status, "notes": list(notes),
        "confidence": 0.7, "is_symmetric": False,
    }
    row.update(extra)
    return row


ARTICLES = {a: {"reference_date": date(2026, 1, 8), "duplicate_of": None} for a in "abcd"}


def test_same_call_in_three_articles_is_one_event_with_counts():
    mentions = [
        mention("m1", "a"), mention("m2", "b", actors=("COL",), recipients=("USA",)),  # reciprocal: swapped sides
        mention("m3", "c", when=date(2026, 1, 8)), mention("m4", "a", when=None, notes=("no_date",)),
    ]
    events, assignment = build_events(mentions, ARTICLES, "run")
    assert len(events) == 1
    event = events[0]
    assert (event["n_mentions"], event["n_articles"], event["n_sources"]) == (4, 3, 3)
    assert event["event_date"] == date(2026, 1, 7) and event["date_max"] == date(2026, 1, 8)
    assert any(c.startswith("date:") for c in event["conflicts"])
    assert set(assignment) == {"m1", "m2", "m3", "m4"}


def test_directed_events_keep_direction_and_distant_dates_split():
    mentions = [
        mention("t1", "a", etype="THREATEN"), mention("t2", "b", etype="THREATEN", actors=("COL",), recipients=("USA",)),
        mention("t3", "c", etype="THREATEN", when=date(2026, 1, 20)),
    ]
    clusters = cluster_mentions(mentions)
    assert sorted(len(c) for c in clusters) == [1, 1, 1]


def test_negated_and_hypothetical_mentions_never_become_events():
    mentions = [mention("n1", "a", status="negated"), mention("h1", "b", status="hypothetical"),
                mention("f1", "c", status="future")]
    events, assignment = build_events(mentions, ARTICLES, "run")
    assert len(events) == 1 and events[0]["status"] == "future" and set(assignment) == {"f1"}


def test_partial_mention_joins_only_an_event_its_own_story_reports():
    # the same article: the one compatible event it already reports
    same = [mention("s1", "a", etype="SANCTION"), mention("s2", "a", etype="SANCTION", recipients=())]
    events, _ = build_events(same, ARTICLES, "run")
    assert len(events) == 1 and events[0]["n_mentions"] == 2
    # another article ("La France a condamné l'attaque."): never a second source of an unrelated event,
    # never its date (here eight days later)
    other = [mention("s1", "a", etype="SANCTION"),
             mention("s2", "b", etype="SANCTION", recipients=(), when=date(2026, 1, 15), notes=("date_from_publication",))]
    events, _ = build_events(other, ARTICLES, "run")
    assert len(events) == 2
    full = next(e for e in events if e["n_mentions"] == 1 and e["recipient_countries"])
    assert full["event_date"] == date(2026, 1, 7) and full["n_sources"] == 1


def test_near_duplicate_articles_count_as_one_source_and_confidence_grows():
    articles = dict(ARTICLES, b={"reference_date": date(2026, 1, 8), "duplicate_of": "a"})
    events, _ = build_events([mention("x1", "a"), mention("x2", "b"), mention("x3", "c")], articles, "run")
    assert events[0]["n_articles"] == 3 and events[0]["n_sources"] == 2
    assert events[0]["confidence"] > 0.7


def test_month_precision_mention_joins_event_in_that_month():
    mentions = [mention("d1", "a", etype="SANCTION", when=date(2025, 10, 24)),
                mention("d2", "b", etype="SANCTION", when=date(2025, 10, 1), precision="month")]
    events, _ = build_events(mentions, ARTICLES, "run")
    assert len(events) == 1 and events[0]["event_date"] == date(2025, 10, 24) and events[0]["date_precision"] == "day"


def test_event_ids_are_stable_whatever_the_input_order():
    mentions = [mention("m1", "a"), mention("m2", "b"), mention("m3", "c", when=date(2026, 3, 1))]
    ids = {e["event_id"] for e in build_events(mentions, ARTICLES, "r")[0]}
    assert ids == {e["event_id"] for e in build_events(list(reversed(mentions)), ARTICLES, "r")[0]}


def test_weakly_dated_mentions_months_apart_are_not_one_event():
    # only publication dates, no dated report: each group stays within WEAK_WINDOW days of its first
    mentions = [mention("w1", "a", when=date(2026, 1, 8), notes=("date_from_publication",)),
                mention("w2", "b", when=date(2026, 1, 15), notes=("date_from_publication",)),
                mention("w3", "c", when=date(2026, 6, 1), notes=("date_from_publication",))]
    assert sorted(sorted(m["mention_id"] for m in c) for c in cluster_mentions(mentions)) == [["w1", "w2"], ["w3"]]
    events, _ = build_events(mentions, ARTICLES, "run")
    assert sorted((e["anchor_date"], e["anchor_precision"]) for e in events) == [
        (date(2026, 1, 8), "weak"), (date(2026, 6, 1), "weak")]


def test_an_undated_mention_of_a_near_duplicate_joins_the_event_of_the_story_it_repeats():
    articles = dict(ARTICLES, b={"reference_date": None, "duplicate_of": "a"})
    mentions = [mention("m1", "a", when=date(2026, 2, 15)), mention("m2", "c", when=date(2026, 3, 20)),
                mention("m3", "b", when=None, notes=("no_date",))]
    events, assignment = build_events(mentions, articles, "run")
    assert assignment["m3"] == assignment["m1"] != assignment["m2"]
    event = next(e for e in events if e["event_id"] == assignment["m1"])
    assert (event["n_articles"], event["n_sources"]) == (2, 1)


def test_a_year_precision_mention_joins_an_event_anywhere_in_its_year():
    mentions = [mention("d1", "a", etype="SANCTION", when=date(2025, 10, 24)),
                mention("y1", "b", etype="SANCTION", when=date(2025, 1, 1), precision="year")]
    assert len(cluster_mentions(mentions)) == 1


def test_the_stored_anchor_is_the_one_clustering_used():
    import random
    from datetime import timedelta

    from pipeline.warehouse.merge import cluster_events, event_anchor

    rng = random.Random(5)
    for _ in range(200):
        rows = []
        for i in range(rng.randint(1, 30)):
            when = None if rng.random() < 0.1 else date(2026, 1, 1) + timedelta(days=rng.randint(0, 60))
            notes = ("no_date",) if when is None else (("date_from_publication",) if rng.random() < 0.2 else ())
            rows.append(mention(f"m{i:02d}", rng.choice("abcd"), etype=rng.choice(["CONSULT", "THREATEN"]),
                                actors=tuple(rng.sample(["USA", "COL", "FRA"], rng.choice([0, 1, 1]))),
                                recipients=tuple(rng.sample(["USA", "COL", "FRA"], rng.choice([0, 1, 1]))) or ("DEU",),
                                when=when, precision=rng.choice(["day", "day", "week", "month"]), notes=notes))
        for members, anchor in cluster_events(rows):
            assert event_anchor(members) == anchor
