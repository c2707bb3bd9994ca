from datetime import date

from pipeline.clean import clean_document
from pipeline.clean.html import extract_metadata, parse_html

P1 = ("Le conseil municipal a voté jeudi soir la rénovation complète de la piscine olympique, fermée depuis "
      "deux ans à cause de fuites importantes dans le bassin principal et de problèmes de chauffage.")
P2 = ("Les travaux, estimés à douze millions d'euros, devraient commencer au printemps et durer environ "
      "dix-huit mois, selon l'adjoint chargé des sports, qui promet une réouverture avant l'été suivant.")
P3 = ("Les clubs de natation de la ville, contraints de s'entraîner dans les communes voisines, ont salué "
      "une décision attendue depuis longtemps, tout en regrettant le retard pris par le projet.")


def page(head: str = "", body_extra_top: str = "", body_extra_bottom: str = "", lang: str = ' lang="fr"') -> str:
    return (f"<html{lang}><head><title>Piscine : la rénovation votée | Le Petit Journal</title>{head}</head><body>"
            f"{body_extra_top}<header><nav><a href='/'>Accueil</a><a href='/sport'>Sport</a></nav></header>"
            f"<div class='k-91ab'><h1>La rénovation de la piscine olympique enfin votée</h1>"
            f"<div class='x1'><p>{P1}</p><figure><img src='a.jpg'><figcaption>La piscine en 2023. Photo X</figcaption></figure>"
            f"<p>{P2}</p><p>{P3}</p></div>"
            f"<div class='zz-2'><h3>Vous aimerez aussi</h3><ul><li><a href='/1'>Le stade rouvre ses portes après travaux</a></li>"
            f"<li><a href='/2'>La patinoire municipale change de gestionnaire</a></li></ul></div></div>"
            f"{body_extra_bottom}<footer>© Le Petit Journal 2025</footer></body></html>")


def test_metadata_meta_tags_and_canonical():
    html = page('<meta property="og:title" content="La rénovation de la piscine olympique enfin votée">'
                '<meta property="article:published_time" content="2025-03-14T18:30:00+01:00">'
                '<link rel="canonical" href="https://journal.example/sport/piscine.html">')
    md = extract_metadata(parse_html(html))
    assert md["title"] == "La rénovation de la piscine olympique enfin votée"
    assert md["published"] == date(2025, 3, 14) and md["published_source"] == "meta"
    assert md["canonical_url"] == "https://journal.example/sport/piscine.html"
    assert md["language"] == "fr"


def test_metadata_jsonld_preferred():
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},'
          '{"@type":"NewsArticle","headline":"Titre JSON-LD","datePublished":"2025-02-01T07:00:00Z","inLanguage":"fr-FR"}]}</script>')
    md = extract_metadata(parse_html(page(ld, lang="")))
    assert md["title"] == "Titre JSON-LD" and md["published"] == date(2025, 2, 1) and md["published_source"] == "jsonld"
    assert md["language"] == "fr"


def test_metadata_date_from_url_and_title_fallback():
    md = extract_metadata(parse_html(page()), url="https://journal.example/2024/11/05/piscine.html")
    assert md["published"] == date(2024, 11, 5) and md["published_source"] == "url"
    assert md["title"] == "La rénovation de la piscine olympique enfin votée"  # the <h1>


def test_html_body_without_furniture():
    cookie = ("<div class='q7'><p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicités.</p>"
              "<button>Accepter</button></div>")
    art = clean_document_html(page(body_extra_top=cookie))
    assert art.paragraphs == [P1, P2, P3]
    assert art.title == "La rénovation de la piscine olympique enfin votée"
    assert art.language == "fr"
    assert {"caption", "page_header"} <= {r.reason for r in art.removed}


def test_html_jsonl_line_is_html(make_doc):
    doc = make_doc(page(), fmt="jsonl", is_html=True, url="https://journal.example/2024/11/05/p.html")
    art = clean_document(doc)
    assert art.paragraphs == [P1, P2, P3] and art.published == date(2024, 11, 5)


def test_html_paragraphs_from_br_breaks():
    html = f"<html><body><div class='c'>{P1}<br><br>{P2}<br><br>{P3}</div><div class='m'>Menu</div></body></html>"
    assert clean_document_html(html).paragraphs == [P1, P2, P3]


def clean_document_html(html: str):
    from pipeline.core.models import RawDocument

    return clean_document(RawDocument(doc_id="h", source_path="/tmp/h.html", file_sha256="h", fmt="html", raw_text=html))
