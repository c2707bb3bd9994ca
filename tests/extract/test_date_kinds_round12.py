"""Date kinds of round 12 (dev3/dev5/dev6/dev8 error table). Invented sentences; the reference is a
Friday (lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a paragraph retelling an earlier act the lead placed before the story's day

def test_an_undated_act_of_a_party_of_the_retelling_keeps_the_retold_day():
    body = ("Benin on Thursday summoned Niger's ambassador, a day after Nigerien soldiers shelled a Beninese "
            "border post near Malanville.\n\n"
            "Nigerien soldiers shelled the border post on Wednesday, wounding three of its guards. The Beninese "
            "guards withdrew from the post without returning fire.")
    withdrew = _ms(body, "en", trigger="withdrew")
    assert withdrew and withdrew[0].event_date == date(2026, 3, 11)


def test_an_undated_act_of_another_party_after_the_retelling_keeps_the_storys_day():
    body = ("Benin on Thursday summoned Niger's ambassador, a day after Nigerien soldiers shelled a Beninese "
            "border post near Malanville.\n\n"
            "Nigerien soldiers shelled the border post on Wednesday, wounding three customs officers. In "
            "summoning the envoy, the foreign minister accused Niamey of a deliberate provocation.")
    accused = _ms(body, "en", "ACCUSE")
    assert accused and accused[0].event_date == date(2026, 3, 12)


# ---- a weekday set "for" a day is the coming one, whatever verb it hangs on

def test_an_english_weekday_appointed_for_is_the_coming_one_and_moves_no_story():
    body = ("Ghanaian police arrested forty students in Accra on Wednesday.\n\n"
            "The students' union on Thursday demanded their release and called a boycott of classes for Monday, "
            "asking the government to free them. Ghana's education minister issued a statement urging calm.")
    urging = _ms(body, "en", trigger="urging")
    assert urging and urging[0].event_date == date(2026, 3, 12)


def test_a_french_weekday_appointed_pour_dates_no_act_told_as_done():
    body = ("Jeudi, les enseignants sénégalais ont appelé à une grève pour mardi, demandant au gouvernement de "
            "Dakar de rouvrir les négociations. Le ministre sénégalais de l'Éducation a rejeté leurs revendications.")
    asked = _ms(body, "fr", trigger="demandant")
    assert asked and asked[0].event_date == date(2026, 3, 12)
    rejected = _ms(body, "fr", "REJECT")
    assert rejected and rejected[0].event_date == date(2026, 3, 12)


# ---- a later paragraph after a background one goes back to the news day

def test_an_undated_act_of_a_paragraph_after_a_background_one_is_of_the_news_day():
    body = ("Chile on Thursday summoned Bolivia's ambassador over the detention of three Chilean truck drivers.\n\n"
            "The row has simmered for weeks. On Monday, Chilean and Bolivian officials held talks in Arica and "
            "agreed to set up a joint customs committee.\n\n"
            "Peru's foreign minister urged both governments to settle the dispute through dialogue.")
    urged = _ms(body, "en", "REQUEST")
    assert urged and all(m.event_date == date(2026, 3, 12) for m in urged)


def test_an_undated_act_of_the_background_paragraph_keeps_its_day():
    body = ("Le Chili a convoqué jeudi l'ambassadeur de Bolivie après l'arrestation de trois camionneurs chiliens.\n\n"
            "Lundi, les délégations chilienne et bolivienne se sont réunies à Arica. Le Chili et la Bolivie y ont "
            "signé un accord douanier.")
    agreed = _ms(body, "fr", "AGREE")
    assert agreed and all(m.event_date == date(2026, 3, 9) for m in agreed)


def test_a_paragraph_after_yesterday_stays_on_yesterday():
    body = ("Chile summoned Bolivia's ambassador this morning over the detention of three Chilean truck drivers.\n\n"
            "Bolivian police detained the drivers near Oruro yesterday.\n\n"
            "Bolivia's interior minister accused Chile of smuggling fuel across the border.")
    accused = _ms(body, "en", trigger="accused")
    assert accused and accused[0].event_date == date(2026, 3, 12)


# ---- a trailing attribution tells the act itself: its earlier day moves the story

def test_an_act_told_before_a_trailing_attribution_moves_the_story_to_its_day():
    body = ("Armenia's parliament voted on Thursday to suspend a gas deal with Russia.\n\n"
            "Armenian Foreign Minister Ararat Mirzoyan and Sergei Lavrov spoke by phone on Wednesday evening, "
            "their ministries said, and agreed to meet in Minsk.")
    agreed = _ms(body, "en", trigger="agreed")
    assert agreed and agreed[0].event_date == date(2026, 3, 11)



# ---- "was preceded by" an earlier event: that day is not the story's

def test_an_english_day_of_an_event_that_preceded_the_subject_moves_no_story():
    body = ("Ghana and Togo held the third session of their joint commission in Accra on 12 March 2026.\n\n"
            "The session was preceded by a meeting of experts on 10 March 2026. The two Presidents signed an "
            "agreement on cross-border trade.")
    signed = _ms(body, "en", "AGREE")
    assert signed and all(m.event_date == date(2026, 3, 12) for m in signed)


def test_a_french_day_of_an_event_that_preceded_the_subject_moves_no_story():
    body = ("Le Ghana et le Togo ont tenu le 12 mars 2026 à Accra la troisième session de leur commission mixte.\n\n"
            "La session a été précédée d'une réunion d'experts le 10 mars 2026. Les deux présidents ont signé "
            "un accord sur le commerce transfrontalier.")
    signed = _ms(body, "fr", "AGREE")
    assert signed and all(m.event_date == date(2026, 3, 12) for m in signed)
