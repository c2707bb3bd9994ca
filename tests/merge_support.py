"""Whole-set clustering for tests: the reference the incremental merge is compared with."""
from __future__ import annotations

from datetime import date

from pipeline.warehouse.merge import cluster_events, stories_of, summarise_event


def cluster_mentions(mentions, stories=None) -> list[list[dict]]:
    """Group publishable mentions into events, all at once."""
    return [members for members, _ in cluster_events(mentions, stories)]


def build_events(mentions: list[dict], articles: dict[str, dict], run_id: str) -> tuple[list[dict], dict[str, str]]:
    """Events rows and the mention_id -> event_id assignment, clustering everything at once."""
    events, assignment = [], {}
    for members, anchor in cluster_events(mentions, stories_of(articles)):
        event = summarise_event(members, articles, run_id, anchor=anchor)
        events.append(event)
        for m in members:
            assignment[m["mention_id"]] = event["event_id"]
    events.sort(key=lambda e: (e["event_date"] or date.max, e["event_type"], e["event_id"]))
    return events, assignment
