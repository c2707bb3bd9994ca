"""Publication dates stated in the dump itself — a dateline or byline under the title — are the
article's publication date (source `dateline`), never its title, in French and English."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.clean import clean_document
from pipeline.core.models import RawDocument

BODY_FR = ("Le gouvernement kényan a annoncé mardi l'envoi de 500 policiers supplémentaires en Haïti, dans le cadre "
           "de la mission multinationale soutenue par les Nations unies, a indiqué le ministère de l'Intérieur.\n\n"
           "Les premiers agents doivent arriver à Port-au-Prince avant la fin du mois, selon un communiqué officiel.")
BODY_EN = ("Kenya said on Tuesday it would send 500 more police officers to Haiti as part of the UN-backed "
           "multinational mission, the interior ministry said in a statement released in Nairobi.\n\n"
           "The first officers are due in Port-au-Prince before the end of the month, officials added.")


@pytest.mark.parametrize("title, line, body, expected", [
    ("Le Kenya renforce sa mission en Haïti", "Publié le 3 mars 2026 à 18h42", BODY_FR, date(2026, 3, 3)),
    ("Le Kenya renforce sa mission en Haïti", "Mis à jour le 12/02/2026 à 09h10", BODY_FR, date(2026, 2, 12)),
    ("Kenya sends more police to Haiti", "March 5, 2026", BODY_EN, date(2026, 3, 5)),
    ("Kenya sends more police to Haiti", "Published March 5, 2026 at 6:42 pm", BODY_EN, date(2026, 3, 5)),
])
def test_a_dateline_under_the_title_is_the_publication_date(title, line, body, expected):
    doc = RawDocument(doc_id="d", source_path="/landing/a.txt", file_sha256="s", fmt="txt",
                      raw_text=f"{title}\n{line}\n\n{body}\n")
    article = clean_document(doc)
    assert article.title == title
    assert article.published == expected and article.published_source == "dateline"
    assert line not in article.body


def test_a_date_header_still_wins_over_a_dateline():
    doc = RawDocument(doc_id="d", source_path="/landing/a.txt", file_sha256="s", fmt="txt",
                      raw_text=f" date 2026-03-04 Kenya sends more police to Haiti\nMarch 5, 2026\n\n{BODY_EN}\n")
    article = clean_document(doc)
    assert article.published == date(2026, 3, 4) and article.published_source == "header"
