"""Date kinds of round 15 (dev10 EN error table). Invented sentences; the reference is a Friday
(lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

from pipeline.extract.sentences import split_sentences

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None, ref=REF):
    return mentions_of(body, lang, ref, etype, trigger)


# ---- a week the story went back to ("last week") holds for its paragraph only

def test_a_later_paragraph_after_last_week_is_back_at_the_storys_day():
    body = ("Chile closed the Chacalluta crossing to Peruvian lorries on Wednesday after a customs dispute.\n\n"
            "Last week, Chilean police detained eleven Peruvian hauliers near Tacna.\n\n"
            "Bolivia urged Peru and Chile to settle the dispute through dialogue.")
    urged = _ms(body, "en", trigger="urged")
    assert urged and urged[0].event_date == date(2026, 3, 11)


def test_the_paragraph_of_last_week_keeps_that_week():
    body = ("Chile closed the Chacalluta crossing to Peruvian lorries on Wednesday after a customs dispute.\n\n"
            "Last week, Peruvian hauliers blocked the border road near Tacna. Chilean police detained "
            "eleven Peruvian drivers.")
    detained = _ms(body, "en", trigger="detained")
    assert detained and detained[0].event_date < date(2026, 3, 9)


def test_a_french_paragraph_after_la_semaine_derniere_is_back_at_the_storys_day():
    body = ("Le Chili a fermé mercredi le poste de Chacalluta aux camions péruviens.\n\n"
            "La semaine dernière, la police chilienne a interpellé onze camionneurs péruviens près de Tacna.\n\n"
            "La Bolivie a exhorté le Pérou et le Chili au dialogue.")
    urged = _ms(body, "fr", trigger="exhorté")
    assert urged and urged[0].event_date == date(2026, 3, 11)


# ---- a weekday written with the day and month settles the inferred year

def test_a_weekday_with_its_date_keeps_the_year_it_agrees_with():
    # written in April about 9 March: the announced reading would move it to next March, a Tuesday
    body = ("At a meeting in Asunción on Monday 9 March, the foreign ministers of Bolivia and Paraguay agreed "
            "to launch joint river patrols from 1 May.")
    met = _ms(body, "en", "CONSULT", ref=date(2026, 4, 20))
    assert met and met[0].event_date == date(2026, 3, 9)


# ---- a start word ("beginning on", "starting") dates the act it governs

def test_beginning_on_a_later_day_dates_the_patrols():
    body = ("Ecuador and Peru met in Tumbes on Wednesday. The two sides decided to launch joint river patrols "
            "along the Zarumilla canal, beginning on 1 April 2026.")
    patrols = _ms(body, "en", "COOPERATE")
    assert patrols and patrols[0].event_date == date(2026, 4, 1)


# ---- a single capital letter before a word the text writes in lower case ends a sentence

def test_a_one_letter_name_ends_its_sentence_before_a_common_word():
    text = "The president replied on X. On Friday the army sent troops on the river."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The president replied on X.", "On Friday the army sent troops on the river."]


def test_an_initial_before_a_name_stays_inside_the_sentence():
    text = "President John F. Kennedy met the envoy on Friday."
    assert len(split_sentences(text)) == 1


def test_the_same_evening_after_a_post_on_x_is_the_days_of_the_charge():
    body = ("Guyana's president accused Suriname on Thursday 5 March of shielding smugglers. "
            "Suriname's president rejected the charge the same evening in a post on X. On Friday 6 March "
            "Guyana sent 300 soldiers to the Corentyne river.")
    rejected = _ms(body, "en", "REJECT")
    assert rejected and rejected[0].event_date == date(2026, 3, 5)


# ---- "the same day" right after a sentence telling a dated flashback is that day

def test_the_same_evening_after_a_dated_flashback_is_the_flashbacks_day():
    body = ("Chile let the Peruvian trawler leave Arica on Thursday.\n\n"
            "The Chilean coast guard had seized the trawler and its crew on Monday.\n\n"
            "Peru's foreign ministry sent a protest note to Santiago the same evening.")
    note = _ms(body, "en", "ACCUSE")
    assert note and note[0].event_date == date(2026, 3, 9)


def test_le_soir_meme_after_a_dated_flashback_is_the_flashbacks_day():
    body = ("Le Chili a autorisé jeudi le chalutier péruvien à quitter le port d'Arica.\n\n"
            "Les garde-côtes chiliens avaient arraisonné lundi le chalutier et ses douze marins.\n\n"
            "La chancellerie péruvienne a adressé le soir même une note de protestation à Santiago.")
    note = _ms(body, "fr", "ACCUSE")
    assert note and note[0].event_date == date(2026, 3, 9)


# ---- "la veille" in a live blog's entry that has dated nothing: the day before writing

def test_la_veille_in_a_live_entry_is_the_day_before_writing():
    body = ("EN DIRECT - Grève des douaniers au Chili\n\n"
            "18h10 - Le ministre chilien de l'Intérieur reçoit les syndicats.\n\n"
            "10h05 - Santiago décline l'offre péruvienne. La veille, le gouvernement péruvien avait convoqué "
            "l'ambassadeur chilien à Lima.")
    summoned = _ms(body, "fr", trigger="convoqué")
    assert summoned and summoned[0].event_date == date(2026, 3, 12)


# ---- an anchor of the trigger's own clause wins over the day of a later coordinated participle

def test_the_same_evening_is_not_the_day_of_the_later_conjunct():
    body = ("Protesters stormed the town hall in Oruro on Tuesday. A curfew was imposed in the city the same "
            "evening and lifted on Thursday morning.")
    imposed = _ms(body, "en", trigger="imposed")
    assert imposed and imposed[0].event_date == date(2026, 3, 10)


# ---- a weekday hung on an inviting verb after its "to talks" is the talks' day

def test_invited_to_talks_on_a_weekday_hung_on_the_verb():
    body = ("Police fired tear gas at students in La Paz on Wednesday. The Bolivian president invited student "
            "leaders and unions to talks at the Quemado palace on Monday.")
    invited = _ms(body, "en", trigger="invited")
    assert invited and invited[0].event_date == date(2026, 3, 11)


# ---- a French participle set off after a nearer noun it agrees with is that noun's

def test_a_participle_agreeing_with_the_nearer_noun_is_not_the_event_nouns():
    import spacy
    from spacy.tokens import Doc

    from pipeline.extract.date_parse import nearer_agreeing_noun

    words = ["Ils", "ont", "lancé", "une", "grève", "contre", "la", "loi", ",", "promulguée", "fin", "janvier"]
    heads = [2, 2, 2, 4, 2, 7, 7, 4, 4, 4, 9, 10]
    pos = ["PRON", "AUX", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "NOUN"]
    deps = ["nsubj", "aux:tense", "ROOT", "det", "obj", "case", "det", "nmod", "punct", "acl", "obl:mod", "nmod"]
    fem = "Gender=Fem|Number=Sing"
    morphs = ["", "", "VerbForm=Part|Tense=Past", "", fem, "", "", fem, "", fem + "|Tense=Past|VerbForm=Part", "", ""]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, pos=pos, deps=deps, morphs=morphs)
    assert nearer_agreeing_noun(doc[9], doc[4])
    # the same participle agreeing only with the event noun ("la grève contre le projet, lancée lundi") is the noun's
    morphs[7] = "Gender=Masc|Number=Sing"
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, pos=pos, deps=deps, morphs=morphs)
    assert not nearer_agreeing_noun(doc[9], doc[4])


# ---- an undated act right after a dated flashback keeps its day, also before the story has one

def test_an_undated_act_after_a_fronted_dated_flashback_keeps_its_day():
    body = ("Lundi, plusieurs milliers d'étudiants boliviens s'étaient rassemblés devant le Parlement à La Paz "
            "pour dénoncer la taxe. La police bolivienne a fait usage de canons à eau pour disperser la foule.")
    used = _ms(body, "fr", trigger="usage")
    assert used and used[0].event_date == date(2026, 3, 9)


# ---- a strike day called as the verb's object predicate ("called \"dead city\" days for Monday")

def test_days_called_for_a_weekday_are_the_coming_ones():
    body = ("Guinean police shot two protesters in Conakry on Thursday. The main Guinean opposition coalition "
            "today demanded the immediate release of everyone detained and called \"dead city\" days for Monday "
            "and Tuesday, asking people to stay home.")
    called = _ms(body, "en", "PROTEST", trigger="called")
    assert called and called[0].event_date == date(2026, 3, 16)


# ---- an act to come dated by the agreement announcing it takes the start a later sentence gives it

def test_patrols_take_the_start_day_a_later_sentence_gives():
    body = ("Les ministres de la Défense du Ghana et du Togo se sont réunis mercredi à Accra et ont signé un "
            "protocole prévoyant des patrouilles conjointes le long de leur frontière.\n\n"
            "Les premières patrouilles mixtes débuteront lundi prochain entre Aflao et Lomé.")
    patrols = _ms(body, "fr", "COOPERATE")
    assert patrols and patrols[0].event_date == date(2026, 3, 16)


# ---- the day of a pluperfect relative clause no event took is no day the story moves to

def test_a_pluperfect_relative_clauses_day_does_not_move_the_story():
    body = ("Mali recalled its ambassador to Algiers on Wednesday after Algerian air defences shot down a Malian "
            "drone.\n\nAccording to local sources, the drone was targeting a gathering of rebels who had arrived "
            "on Monday in the area. Chad urged Algeria and Mali to show restraint.")
    urged = _ms(body, "en", trigger="urged")
    assert urged and urged[0].event_date == date(2026, 3, 11)


def test_a_french_pluperfect_relative_clauses_day_does_not_move_the_story():
    body = ("Le Mali a rappelé mercredi son ambassadeur à Alger après la destruction d'un drone malien par "
            "l'armée algérienne.\n\nSelon des sources locales, le drone visait un rassemblement de rebelles qui "
            "étaient arrivés lundi dans la zone. Le Tchad a appelé l'Algérie et le Mali au dialogue.")
    called = _ms(body, "fr", trigger="appelé")
    assert called and called[0].event_date == date(2026, 3, 11)
