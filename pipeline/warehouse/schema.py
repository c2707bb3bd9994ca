"""The warehouse schema: the DDL files under warehouse/, the batch tables, and the upgrade of files
written by older versions."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.core.config import REPO_ROOT
from pipeline.warehouse.connection import table_columns
from pipeline.warehouse.merge import event_anchor
from pipeline.warehouse.near_duplicates import bands_sql

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
            _fill_in_anchors(con)
        if articles_before and not bands_before:
            con.execute(f"INSERT INTO core.article_bands {bands_sql('core.articles')}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _fill_in_anchors(con) -> None:
    """Anchors of events written before core.events had them, by the one rule that sets them
    (pipeline.warehouse.merge.event_anchor) applied to each event's members."""
    import pandas as pd

    cursor = con.execute(
        """
        SELECT event_id, mention_id, event_date, date_precision, status, notes, actor_countries, recipient_countries
        FROM core.event_mentions WHERE event_id IS NOT NULL
        """
    )
    names = [d[0] for d in cursor.description]
    members: dict[str, list[dict]] = {}
    for row in cursor.fetchall():
        mention = dict(zip(names, row))
        members.setdefault(mention["event_id"], []).append(mention)
    anchors = [(eid, *event_anchor(rows)) for eid, rows in members.items()]
    if not anchors:
        return
    con.register("event_anchors", pd.DataFrame(anchors, columns=["event_id", "anchor_date", "anchor_precision"]))
    try:
        con.execute(
            """
            UPDATE core.events AS e SET anchor_date = a.anchor_date, anchor_precision = a.anchor_precision
            FROM event_anchors AS a WHERE e.event_id = a.event_id
            """
        )
    finally:
        con.unregister("event_anchors")


_TABLE_RE = re.compile(r"CREATE TABLE IF NOT EXISTS\s+(\w+)\.(\w+)\s*\((.*?)\n\);", re.S | re.I)
_COMMENT_RE = re.compile(r"COMMENT ON COLUMN\s+(\w+)\.(\w+)\.(\w+)\s+IS\s+'((?:[^']|'')*)'", re.I)


def ddl_tables(schema_dir: Path | None = None) -> dict[str, dict]:
    """The tables the DDL declares, in column order: table name -> {"schema", "columns",
    "not_null", "comments": {column: text}}. The one list of each table's columns (rows, suites)."""
    schema_dir = schema_dir or WAREHOUSE_SQL / "schema"
    tables: dict[str, dict] = {}
    for path in sorted(schema_dir.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        for schema, table, body in _TABLE_RE.findall(sql):
            cols, not_null = [], []
            for line in body.splitlines():
                line = line.split("--", 1)[0].strip().rstrip(",")
                if not line or line.upper().startswith(("PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK", "CONSTRAINT")):
                    continue
                name = line.split()[0].strip('"').lower()
                cols.append(name)
                if "NOT NULL" in line.upper() or "PRIMARY KEY" in line.upper():
                    not_null.append(name)
            tables[table.lower()] = {"schema": schema.lower(), "columns": cols, "not_null": not_null, "comments": {}}
        for _schema, table, col, text in _COMMENT_RE.findall(sql):
            if table.lower() in tables:
                tables[table.lower()]["comments"][col.lower()] = text.replace("''", "'")
    return tables
