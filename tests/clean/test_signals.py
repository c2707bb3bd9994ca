"""One test (at least) per cleaning signal, on hand-written French and English examples."""
from __future__ import annotations

from datetime import date

from pipeline.clean import clean_batch, clean_document, clean_record, learn_recurring_lines
from pipeline.clean.text import normalize_with_map, repair_mojibake, split_lost_newlines

FR_P1 = ("Le ministre de l'Économie a présenté lundi à Lyon un plan de soutien aux agriculteurs touchés par "
         "la sécheresse, qui prévoit des aides directes et un report des cotisations sociales pour l'été.")
FR_P2 = ("Selon le ministère, près de douze mille exploitations pourraient en bénéficier dès le mois prochain, "
         "alors que les syndicats réclamaient depuis des semaines une réponse plus rapide de l'État.")
FR_P3 = ("Les organisations agricoles ont salué un premier pas, tout en jugeant que le montant annoncé restait "
         "insuffisant au regard des pertes enregistrées dans le Sud-Ouest depuis le début de la saison.")
EN_P1 = ("The city council approved on Tuesday a plan to rebuild the old harbour bridge, which has been closed "
         "to traffic since a storm damaged its main pillars in the spring of last year.")
EN_P2 = ("Officials said the work would start in the autumn and take about two years, with a temporary ferry "
         "service running between the two banks of the river while the bridge is closed.")
EN_P3 = ("Local businesses welcomed the decision but warned that the long closure had already cost them a "
         "large part of their customers, and asked the council for a support fund.")


def body_of(make_doc, text, **kw):
    return clean_document(make_doc(text, **kw))


def reasons(art):
    return {r.reason for r in art.removed}


def test_title_detected_and_not_in_body(make_doc):
    art = body_of(make_doc, f"La sécheresse pousse le gouvernement à aider les agriculteurs\n{FR_P1}\n{FR_P2}")
    assert art.title == "La sécheresse pousse le gouvernement à aider les agriculteurs"
    assert art.body.startswith("Le ministre")
    assert art.text_with_title().startswith(art.title + "\n\n")


def test_no_title_when_first_line_is_a_sentence(make_doc):
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}")
    assert art.title is None
    assert art.paragraphs == [FR_P1, FR_P2]


def test_date_header_glued(make_doc):
    art = body_of(make_doc, f" date 2025-06-30 {FR_P1}\n\n{FR_P2}")
    assert art.published == date(2025, 6, 30) and art.published_source == "header"
    assert art.body.startswith("Le ministre")
    assert reasons(art) == {"date_header"}


def test_inferred_reference_date_not_published_in_record(make_doc):
    art = body_of(make_doc, f"{FR_P1} Le 3 mars 2025, puis le 12 avril 2025, les aides ont été versées.\n\n{FR_P2}")
    assert art.reference_date == date(2025, 4, 12) and art.published_source == "inferred"
    assert art.published is None  # an inferred date is never a publication date
    rec = clean_record(art)
    assert rec["published"] is None and rec["reference_date"] == "2025-04-12"
    assert set(rec) >= {"source", "title", "published", "language", "body", "reference_date", "published_source"}


def test_related_section_with_teasers_cut_fr(make_doc):
    teaser = ("Le gouvernement a annoncé la fermeture de trois centrales à charbon d'ici la fin de l'année, "
              "une décision saluée par les associations de défense de l'environnement.")
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}\n\n{FR_P3}\n\nSur le même sujet\n\n{teaser}\n\n{teaser[:-1]} hier.")
    assert "centrales" not in art.body
    assert {"related_articles", "related_teaser"} <= reasons(art)


def test_related_section_cut_en(make_doc):
    teaser = ("Police arrested two men after a robbery at a jewellery shop in the town centre on Friday night, "
              "a spokesman for the regional force said.")
    art = body_of(make_doc, f"{EN_P1}\n\n{EN_P2}\n\n{EN_P3}\n\nYou might also like\n\n{teaser}")
    assert art.paragraphs == [EN_P1, EN_P2, EN_P3]
    assert art.language == "en"


def test_social_digest_cut(make_doc):
    digest = "Les internautes saluent un geste attendu, d'autres dénoncent une mesure électoraliste et trop tardive."
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}\n\n{FR_P3}\n\nCe que les gens disent\n\n{digest}")
    assert "internautes" not in art.body and "social_digest" in reasons(art)


def test_cookie_banner_heading_and_paragraph(make_doc):
    art = body_of(make_doc, f"{EN_P1}\n\n{EN_P2}\n\n{EN_P3}\n\nWe value your privacy\n\n"
                            "We and our partners use cookies to measure audience and personalise ads.\nAccept all\nReject all")
    assert art.paragraphs == [EN_P1, EN_P2, EN_P3]
    assert "cookie_banner" in reasons(art)


def test_cookie_paragraph_at_top(make_doc):
    art = body_of(make_doc, "En poursuivant votre navigation, vous acceptez l'utilisation de cookies à des fins "
                            f"de mesure d'audience.\n\n{FR_P1}\n\n{FR_P2}")
    assert art.paragraphs == [FR_P1, FR_P2]


def test_newsletter_box(make_doc):
    art = body_of(make_doc, f"{EN_P1}\n\nGet our morning briefing delivered to your inbox every day.\n\n{EN_P2}\n\n{EN_P3}")
    assert art.paragraphs == [EN_P1, EN_P2, EN_P3] and "newsletter" in reasons(art)


def test_comments_section(make_doc):
    comment = "Encore une annonce sans lendemain, comme d'habitude, on connaît la chanson depuis des années !"
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}\n\n{FR_P3}\n\n12 commentaires\n\n{comment}")
    assert "chanson" not in art.body and "comments" in reasons(art)


def test_inline_read_more_lines(make_doc):
    art = body_of(make_doc, f"{FR_P1}\n\nLIRE AUSSI : Sécheresse, les nappes phréatiques au plus bas\n\n{FR_P2}\n\n"
                            f"Read more: Harbour bridge closed after storm\n\n{FR_P3}")
    assert art.paragraphs == [FR_P1, FR_P2, FR_P3]
    assert "read_more" in reasons(art)


def test_caption_with_agency_credit(make_doc):
    art = body_of(make_doc, f"Des agriculteurs manifestent devant la préfecture de Toulouse ( REUTERS / Jean Martin )\n\n{FR_P1}\n\n{FR_P2}")
    assert art.paragraphs == [FR_P1, FR_P2] and "caption" in reasons(art)


def test_caption_photo_credit_en(make_doc):
    art = body_of(make_doc, f"{EN_P1}\n\nThe damaged bridge seen from the east bank. Photo: Anna Berg/Reuters\n\n{EN_P2}")
    assert art.paragraphs == [EN_P1, EN_P2]


def test_badges_removed(make_doc):
    art = body_of(make_doc, f"Image générée par IA\nVérifié par des faits\n{FR_P1}\n\nAI-generated image Fact-checked\n\n{FR_P2}")
    assert art.paragraphs == [FR_P1, FR_P2] and "badge" in reasons(art)


def test_foreign_language_caption(make_doc):
    cap = "Farmers inspect a dry field near Toulouse as the drought hits the south of the country."
    art = body_of(make_doc, f"{cap}\n\n{FR_P1}\n\n{FR_P2}\n\n{FR_P3}")
    assert cap not in art.body and art.language == "fr"


def test_repeated_paragraph_kept_once(make_doc):
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P1}\n\n{FR_P2}")
    assert art.paragraphs == [FR_P1, FR_P2] and "duplicate_paragraph" in reasons(art)


def test_title_repeated_inside_body(make_doc):
    title = "Harbour bridge to be rebuilt after storm damage"
    art = body_of(make_doc, f"{title}\n\n{EN_P1}\n\n{title}\n\n{EN_P2}")
    assert art.title == title and art.paragraphs == [EN_P1, EN_P2]
    assert "duplicate_title" in reasons(art)


def test_title_glued_to_paragraph_with_lost_newline(make_doc):
    title = "Harbour bridge to be rebuilt after storm damage"
    art = body_of(make_doc, f"{title}\n\n{EN_P1}\n\n{title} nOfficials said the work would start soon. nLocal shops are worried.")
    assert art.paragraphs[1:] == ["Officials said the work would start soon.", "Local shops are worried."]


def test_lost_newline_repair():
    line = "la réunion téléphonique nL’après-midi, il a parlé. n« Oui », dit-il. Il n’a rien dit"
    parts = [line[a:b] for a, b in split_lost_newlines(line)]
    assert parts == ["la réunion téléphonique", "L’après-midi, il a parlé.", "« Oui », dit-il. Il n’a rien dit"]


def test_mojibake_repair(make_doc):
    assert repair_mojibake("Le prÃ©sident a dÃ©clarÃ© lâ€™accord") == "Le président a déclaré l’accord"
    assert repair_mojibake("déjà « vu » 20°C") == "déjà « vu » 20°C"
    broken = FR_P1.encode("utf-8").decode("cp1252", errors="replace")
    art = body_of(make_doc, f"{broken}\n\n{FR_P2}")
    assert art.paragraphs[0] == FR_P1


def test_typography_map_recovers_original():
    raw = "Le\u00a0chiffre\u202f: 12\u200b %  ici"
    norm, offs = normalize_with_map(raw)
    assert norm == "Le chiffre : 12 % ici"
    assert all(raw[o] == c or c == " " for o, c in zip(offs, norm))


def test_nav_menu_and_byline_removed_from_flattened_page(make_doc):
    text = ("Accueil\nMonde\nPolitique\nÉconomie\nSport\nSécheresse : le gouvernement débloque une aide d'urgence\n"
            f"Par Claire Dubois\nPublié le 12 juin 2025 à 08h15\n{FR_P1}\n{FR_P2}\nPartager\nFacebook\nX\n{FR_P3}\n"
            "Mots-clés : agriculture, sécheresse\n© Le Journal 2025 - Tous droits réservés")
    art = body_of(make_doc, text)
    assert art.title == "Sécheresse : le gouvernement débloque une aide d'urgence"
    assert art.paragraphs == [FR_P1, FR_P2, FR_P3]


def test_subheading_kept_inside_article(make_doc):
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}\n\n- Des aides jugées trop faibles -\n\n{FR_P3}")
    assert "- Des aides jugées trop faibles -" in art.paragraphs


def test_short_sentence_inside_article_kept(make_doc):
    art = body_of(make_doc, f"{EN_P1}\n\nNothing has changed since.\n\n{EN_P2}")
    assert "Nothing has changed since." in art.paragraphs


def test_recurring_lines_learned_from_batch(make_doc):
    boiler = "Suivez toute l'actualité de votre région avec notre application gratuite"
    texts = [f"{FR_P1}\n\n{boiler}\n\n{FR_P2}", f"{EN_P1}\n\n{boiler}\n\n{EN_P2}", f"{FR_P3}\n\n{boiler}\n\n{FR_P2}",
             f"{EN_P3}\n\n{EN_P2}"]
    docs = [make_doc(t, name=f"d{i}") for i, t in enumerate(texts)]
    rec = learn_recurring_lines(docs, min_docs=3, min_share=0.3)
    assert any("application gratuite" in k for k in rec)
    arts = clean_batch(docs)
    assert all(boiler not in a.body for a in arts)
    assert "recurring_line" in reasons(arts[0])
    # below the document threshold nothing is learned
    assert learn_recurring_lines(docs[:2], min_docs=3) == frozenset()


def test_removed_blocks_have_offsets_into_raw(make_doc):
    raw = f"{FR_P1}\n\nÀ lire aussi : La sécheresse en chiffres\n\n{FR_P2}"
    art = body_of(make_doc, raw)
    rb = next(r for r in art.removed if r.reason == "read_more")
    assert raw[rb.start:rb.end] == rb.text


def test_bad_input_never_raises(make_doc):
    for bad in ["", "   \n\n", "\x00\x01\x02", "\ud800", "a" * 200_000, "<html><body></body></html>", "<<<>>>"]:
        for fmt in ("txt", "html"):
            art = clean_document(make_doc(bad, fmt=fmt))
            assert isinstance(art.body, str)
    assert clean_document(make_doc("a" * 200_000)).body == ""


def test_jsonl_hints_take_precedence(make_doc):
    doc = make_doc(f"Un autre titre possible ici\n{FR_P1}\n{FR_P2}", fmt="jsonl", title_hint="Titre officiel",
                   published_hint="2025-05-04T10:00:00Z", url="https://ex.fr/a")
    art = clean_document(doc)
    assert art.title == "Titre officiel" and art.published == date(2025, 5, 4) and art.published_source == "hint"
    assert art.canonical_url == "https://ex.fr/a"


def test_teaser_list_under_unknown_heading(make_doc):
    teasers = "\n".join(
        f"{h}\n{s}" for h, s in [
            ("Un incendie ravage un entrepôt près du port", "Les pompiers sont intervenus toute la nuit pour maîtriser les flammes."),
            ("La ligne de tramway prolongée jusqu'à l'aéroport", "Les travaux doivent commencer à l'automne et durer deux ans."),
            ("Le festival de jazz annonce sa programmation", "Une vingtaine d'artistes sont attendus au mois de juillet."),
        ])
    art = body_of(make_doc, f"{FR_P1}\n\n{FR_P2}\n\n{FR_P3}\n\nNos lecteurs ont aussi apprécié\n{teasers}")
    assert art.paragraphs == [FR_P1, FR_P2, FR_P3]


def test_sentence_split_at_inline_elements_rejoined(make_doc):
    # a flattened page: link texts on their own lines inside a sentence
    raw = (f"{EN_P1}\nIf you have followed\nthe harbour bridge saga\n, you know that the council had promised "
           f"a decision before the summer and then postponed it twice.\n{EN_P2}")
    art = body_of(make_doc, raw)
    assert ("If you have followed the harbour bridge saga, you know that the council had promised a decision "
            "before the summer and then postponed it twice.") in art.paragraphs


def test_counted_comment_thread_cut_however_long(make_doc):
    posts = "\n".join(f"November {d}, 2019 at 6:{d:02d} am\nuser{d}\nI have lived by the river for {d} years and "
                      f"{EN_P3[0].lower()}{EN_P3[1:]}" for d in range(10, 16))
    art = body_of(make_doc, f"{EN_P1}\n\n{EN_P2}\n\n12 Comments\n\n{posts}")
    assert art.paragraphs == [EN_P1, EN_P2]


def test_other_story_after_a_run_of_furniture_dropped(make_doc):
    other = ("Firefighters in the mountain village spent the night fighting a blaze that destroyed two barns "
             "and a workshop, the fire service said, adding that nobody had been injured.")
    furniture = "\n".join(["Home", "Weather", "Sport", "Contact", "Jobs", "Archive"])
    art = body_of(make_doc, f"{EN_P1}\n\n{EN_P2}\n\n{EN_P3}\n\n{furniture}\n\n{other}")
    assert art.paragraphs == [EN_P1, EN_P2, EN_P3]
    assert "outside_main" in reasons(art)
