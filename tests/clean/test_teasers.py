"""Related-article teasers in plain-text dumps: any number of units, with or without a heading,
mid-article or at the end, French and English (generated inputs, fixed seeds)."""
from __future__ import annotations

import random

import pytest

from pipeline.clean import clean_document

BODY = {
    "fr": [
        "Le gouvernement régional a présenté mardi un plan de modernisation des réseaux d'eau potable, qui doit "
        "réduire de moitié les fuites constatées dans les communes rurales d'ici à la fin de la décennie.",
        "Selon les services techniques, près d'un tiers de l'eau produite se perd aujourd'hui avant d'arriver au "
        "robinet, faute d'entretien des canalisations posées il y a plus de cinquante ans.",
        "Les maires concernés ont salué l'annonce, tout en réclamant un calendrier précis et des garanties sur la "
        "part des travaux qui restera à la charge des budgets municipaux.",
        "Les associations de consommateurs craignent de leur côté une hausse des factures et demandent que les "
        "ménages modestes soient protégés par un tarif social rapidement mis en place.",
        "Le président de la région a promis une première évaluation publique du programme au printemps prochain, "
        "devant l'assemblée régionale et les représentants des usagers.",
    ],
    "en": [
        "The regional government unveiled on Tuesday a plan to modernise drinking-water networks, aiming to halve "
        "the leaks recorded in rural towns by the end of the decade.",
        "According to the technical services, nearly a third of the water produced is lost before it reaches the "
        "tap, because pipes laid more than fifty years ago have not been maintained.",
        "The mayors concerned welcomed the announcement but asked for a precise timetable and guarantees on the "
        "share of the work that municipal budgets will have to cover.",
        "Consumer groups fear higher bills and want low-income households protected by a social tariff that "
        "should be introduced quickly.",
        "The head of the region promised a first public evaluation of the programme next spring, before the "
        "regional assembly and representatives of users.",
    ],
}
# other stories: a headline and a one-sentence summary naming other parties and a date
TEASERS = {
    "fr": [("Kenya : Nairobi suspend les importations de sucre ougandais",
            "Le ministère kényan du Commerce a annoncé la mesure le 3 mars 2026 après une plainte des planteurs."),
           ("Pérou : Lima rappelle son ambassadeur à Quito",
            "La décision a été prise le 28 février 2026 à la suite d'un incident frontalier près de Tumbes."),
           ("Japon : Tokyo et Manille signent un accord sur les garde-côtes",
            "Les deux gouvernements ont paraphé le texte le 1er mars 2026 lors d'une visite à Manille."),
           ("Norvège : Oslo relève son budget de défense",
            "Le Parlement norvégien a voté la hausse le 4 mars 2026 malgré l'opposition des écologistes.")],
    "en": [("Kenya suspends Ugandan sugar imports",
            "Nairobi's trade ministry announced the measure on 3 March 2026 after complaints from growers."),
           ("Peru recalls its ambassador from Quito",
            "Lima took the decision on 28 February 2026 after a border incident near Tumbes."),
           ("Japan and the Philippines sign coast guard deal",
            "The two governments initialled the text on 1 March 2026 during a visit to Manila."),
           ("Norway raises its defence budget",
            "Norwegian lawmakers approved the increase on 4 March 2026 despite opposition from the Greens.")],
}
HEADINGS = {"fr": ["Articles connexes", "Lire aussi", "À lire aussi", "Sur le même sujet", None],
            "en": ["Read more", "Related", "Related stories", None]}
FURNITURE = {"fr": ["Partager : Facebook X WhatsApp", "PUBLICITÉ",
                    "Inscrivez-vous à notre newsletter et recevez chaque matin l'essentiel dans votre boîte mail."],
             "en": ["Share this article", "Advertisement",
                    "Sign up for our newsletter to get the day's top stories delivered to your inbox every morning."]}


def make_dump(seed: int) -> tuple[str, list[str], list[str], str]:
    rng = random.Random(seed)
    lang = rng.choice(["fr", "en"])
    body = BODY[lang][: rng.randint(3, 5)]
    n = rng.choice([1, 2, 4])
    teasers = rng.sample(TEASERS[lang], n)
    heading = rng.choice(HEADINGS[lang])
    block = ([heading] if heading else []) + [x for t in teasers for x in (t if rng.random() < 0.8 else t[:1])]
    if heading is None and n == 1:
        block = list(teasers[0])  # an unheaded teaser carries its summary (its date is a cue)
    at = rng.choice([2, len(body)])  # mid-article (after two paragraphs) or at the end
    lines = body[:at] + block + body[at:]
    if rng.random() < 0.5:
        lines.insert(rng.randint(1, len(lines)), rng.choice(FURNITURE[lang]))
    return "\n\n".join(lines), body, [x for t in teasers for x in t], lang


@pytest.mark.parametrize("seed", range(40))
def test_teaser_blocks_cut_body_kept(make_doc, seed):
    raw, body, teasers, lang = make_dump(seed)
    art = clean_document(make_doc(raw))
    assert art.paragraphs == body, raw
    assert not any(t in art.body for t in teasers)
    assert art.language == lang
    assert "related_teaser" in {r.reason for r in art.removed}


def test_subheading_with_dated_paragraph_is_not_a_teaser(make_doc):
    # a subheading followed by one dated sentence naming the article's own parties stays
    p = BODY["fr"]
    raw = "\n\n".join([p[0], p[1], "Un calendrier serré",
                       "Le gouvernement régional doit présenter le détail des travaux le 12 mars 2026.", p[2]])
    art = clean_document(make_doc(raw))
    assert "Un calendrier serré" in art.paragraphs and p[2] in art.paragraphs


def test_orphan_read_more_heading_keeps_following_paragraphs(make_doc):
    p = BODY["en"]
    art = clean_document(make_doc("\n\n".join([p[0], p[1], p[2], "Read more", p[3] + " " + p[4]])))
    assert art.paragraphs == [p[0], p[1], p[2], p[3] + " " + p[4]]


def test_story_list_before_the_article(make_doc):
    p = BODY["en"]
    teasers = [x for t in TEASERS["en"][:3] for x in t]
    art = clean_document(make_doc("\n".join(teasers + p)))
    assert art.paragraphs == p


@pytest.mark.parametrize("seed", range(6))
def test_live_blog_entries_headed_by_time_stamps_are_the_article(make_doc, seed):
    # a live blog: each entry is a time stamp and one paragraph, newest first (generated: stamp
    # styles, languages, entry counts); the stamps are no teaser headlines
    rng = random.Random(seed)
    lang = rng.choice(["fr", "en"])
    style = rng.choice(["{h:02d}:{m:02d} GMT", "{h:02d}h{m:02d}", "{h:02d}:{m:02d}", "{h}.{m:02d} a.m."])
    n = rng.randint(4, 5)
    stamps = [style.format(h=18 - 2 * k, m=rng.randint(0, 59)) for k in range(n)]
    paragraphs = BODY[lang][:n]
    raw = "\n\n".join(x for pair in zip(stamps, paragraphs) for x in pair)
    art = clean_document(make_doc(raw))
    assert all(p in art.body for p in paragraphs), art.body


ENTRY_HEADS = {"fr": ["Les maires réclament un calendrier", "Le plan présenté aux élus",
                      "Les associations inquiètes pour les factures", "Une évaluation promise au printemps",
                      "Le président de région répond aux critiques"],
               "en": ["Mayors ask for a timetable", "The plan presented to councillors",
                      "Consumer groups worried about bills", "An evaluation promised for spring",
                      "The head of the region answers critics"]}


@pytest.mark.parametrize("seed", range(8))
def test_live_blog_entries_stamped_before_their_headline_are_the_article(make_doc, seed):
    # a live blog whose entries open with "stamp - headline" then one paragraph (generated: stamp
    # styles and separators, languages, entry counts), followed by a read-more box of other stories:
    # every entry stays, the box goes
    rng = random.Random(seed)
    lang = rng.choice(["fr", "en"])
    style = rng.choice(["{h:02d}h{m:02d}", "{h:02d}:{m:02d}", "{h}.{m:02d}pm", "{h:02d}:{m:02d} GMT"])
    sep = rng.choice([" - ", " – ", " | ", ": "])
    n = rng.randint(4, 5)
    entries = [(style.format(h=18 - 2 * k, m=rng.randint(0, 59)) + sep + ENTRY_HEADS[lang][k], BODY[lang][k])
               for k in range(n)]
    box = [HEADINGS[lang][0]] + [x for t in TEASERS[lang][:2] for x in t]
    title = " date 2026-03-19 " + {
        "fr": "EN DIRECT - Plan régional pour l'eau : les maires, les associations et la région réagissent",
        "en": "LIVE - Regional water plan: mayors, consumer groups and the region's president react"}[lang]
    raw = "\n\n".join([title] + [x for e in entries for x in e] + box)
    art = clean_document(make_doc(raw))
    # (the first entry's stamp line comes before any body text, where short lines are page furniture)
    assert all(para in art.paragraphs for _, para in entries), art.body
    assert all(head in art.paragraphs for head, _ in entries[1:]), art.body
    assert not any(x in art.body for t in TEASERS[lang][:2] for x in t)
