"""Wire copy: the same story from several outlets in one batch stays an article each (linked later as
near-duplicates), while template lines shared by different stories are still learned as boilerplate."""
from __future__ import annotations

from pipeline.clean import clean_batch, learn_recurring_lines
from pipeline.core.models import RawDocument

STORY = [
    "Le Premier ministre japonais a rencontré mardi à Tokyo le président sud-coréen pour un sommet consacré à la "
    "sécurité régionale et aux échanges commerciaux entre les deux pays, a indiqué le gouvernement japonais.",
    "Les deux dirigeants ont signé un accord sur le partage de renseignements militaires et ont annoncé la reprise "
    "des exercices conjoints en mer du Japon dès le printemps prochain, selon un communiqué commun publié le soir.",
    "Pékin a dénoncé mercredi une initiative qui menace selon lui la stabilité de la région, et a convoqué les "
    "ambassadeurs des deux pays pour leur faire part de sa vive préoccupation, a rapporté l'agence Chine nouvelle.",
]
TEMPLATE = "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité chaque matin."


def _doc(i: int, paragraphs: list[str]) -> RawDocument:
    text = f"Titre de l'article {i}\n\n" + "\n\n".join(paragraphs) + f"\n\n{TEMPLATE}\n"
    return RawDocument(doc_id=f"d{i}", source_path=f"/landing/outlet{i}.txt", file_sha256=f"s{i}", fmt="txt",
                       raw_text=text)


def _other_story(i: int) -> list[str]:
    return [f"Le ministre {i} a annoncé lundi un plan d'investissement de {i} milliards pour les routes du pays, "
            f"une mesure attendue depuis longtemps par les élus des régions rurales concernées par le projet {i}.",
            f"L'opposition a critiqué un projet qu'elle juge trop coûteux et a réclamé un débat au Parlement sur le "
            f"financement de ces travaux, prévus pour durer au moins {i + 2} ans selon le gouvernement actuel."]


def test_three_outlets_carrying_one_wire_story_all_keep_their_text():
    docs = [_doc(i, STORY) for i in range(3)]
    articles = clean_batch(docs)
    assert all(STORY[0][:60] in a.body for a in articles), [a.body[:80] for a in articles]


def test_template_lines_of_different_stories_are_still_learned():
    docs = [_doc(i, _other_story(i)) for i in range(4)] + [_doc(9, STORY), _doc(10, STORY)]
    recurring = learn_recurring_lines(docs)
    from pipeline.clean.text import norm_key

    assert norm_key(TEMPLATE) in recurring
    assert norm_key(STORY[0]) not in recurring
