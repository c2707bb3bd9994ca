"""Incremental event merging: a batch's mentions are clustered again with the members of the published
events they could join, and only the events whose membership changed are rewritten."""
from __future__ import annotations

from pipeline.warehouse.candidates import MENTION_COLUMNS, candidate_events
from pipeline.warehouse.merge import cluster_events, event_id, is_clusterable, stories_of, summarise_event


def rebuild_affected_events(con, run_id: str, lost_members: list[str] | None = None) -> list[str]:
    """Merge the staged mentions into the published events and publish them (core.event_mentions)
    with their event ids; returns the ids of the events written (new or rewritten).

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

    `lost_members`: events some of whose mentions were just deleted (reprocessing a slice of
    articles); they are candidates too, and re-summarised even if their remaining members stay
    together; those left without any member are deleted.
    """
    import pandas as pd


    candidate_events(con)
    lost = set(lost_members or ())
    if lost:
        con.execute(
            "INSERT INTO candidate_events SELECT DISTINCT unnest(?) AS event_id EXCEPT SELECT event_id FROM candidate_events",
            [sorted(lost)],
        )
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
        SELECT {MENTION_COLUMNS}, m.row_id, a.reference_date AS article_reference_date,
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
        if old_members.get(eid) != new_members[eid] or eid in lost:
            changed.append({**summarise_event(members, articles, run_id, anchor=anchor), "event_id": eid})
    gone = sorted((set(old_members) | set(lost)) - set(new_members))
    rewritten = gone + [e["event_id"] for e in changed if e["event_id"] in old_members or e["event_id"] in lost]
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
    return [e["event_id"] for e in changed]
