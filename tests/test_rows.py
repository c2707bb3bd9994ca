"""One shape per record: every row the pipeline writes has exactly the columns the warehouse DDL
declares for its table, in any order (the DDL is the one list of columns)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pipeline.core.models import (
    ActorRef,
    CleanArticle,
    EventMention,
    Place,
    Quarantined,
    RawDocument,
    RemovedBlock,
    SourceFile,
)
from pipeline.warehouse import rows
from pipeline.warehouse.schema import ddl_tables

NOW = datetime(2026, 12, 6, 12, 0)
DOC = RawDocument(doc_id="d1", source_path="/landing/a.txt", file_sha256="sha", fmt="txt", raw_text="Texte.")
ARTICLE = CleanArticle(doc_id="d1", source_path="/landing/a.txt", title="T", body="Texte. Autre phrase.",
                       language="fr", reference_date=date(2026, 2, 4), published_source="header",
                       removed=[RemovedBlock(reason="cookie_banner", text="Ce site utilise des cookies", start=0, end=27)])
MENTION = EventMention(article_id="d1", sentence_index=0, sentence="Texte.", sentence_start=0, sentence_end=6,
                       event_type="CONSULT", trigger="Texte", trigger_start=0, trigger_end=5,
                       actor=[ActorRef("la France", "France", "FRA", "GOV")], recipient=[ActorRef("l'Allemagne")],
                       location=Place(name="Paris", country="FRA", lat=48.85, lon=2.35, precision="city"))


@pytest.fixture(scope="module")
def ddl():
    return ddl_tables()


@pytest.mark.parametrize("table, row", [
    ("source_files", rows.source_file_row(SourceFile("/landing/a.txt", "sha", 10, "txt", "ingested", 1), "r", NOW)),
    ("documents", rows.document_row(DOC, "r", NOW)),
    ("quarantine", rows.quarantine_row(Quarantined("/landing/b.txt", "sha", "empty_file", "0 bytes"), "ingest", "r")),
    ("articles", rows.article_row(ARTICLE, DOC, None, [1, 2], "v1", "r", NOW)),
    ("removed_blocks", rows.removed_block_rows(ARTICLE, "r")[0]),
    ("sentences", rows.sentence_rows_of("d1", ARTICLE.body, [(0, 6), (7, 20)], {0: 1}, "r")[0]),
    ("event_mentions", rows.mention_row(MENTION, "r", "v1")),
])
def test_each_row_has_exactly_the_ddl_columns(ddl, table, row):
    assert set(row) == set(ddl[table]["columns"])


def test_documents_survive_the_round_trip_through_rows():
    back = rows.documents_from_rows([rows.document_row(DOC, "r", NOW)])
    assert back == [DOC]


def test_an_inferred_publication_date_is_only_the_reference_date():
    inferred = CleanArticle(**{**ARTICLE.__dict__, "published_source": "inferred"})
    row = rows.article_row(inferred, DOC, None, [1], "v1", "r", NOW)
    assert row["published"] is None and row["reference_date"] == date(2026, 2, 4)
