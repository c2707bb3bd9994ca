from pipeline.clean.language import detect_language, detect_language_with_confidence


def test_french_and_english():
    assert detect_language("Le gouvernement a annoncé mardi une hausse des salaires pour les enseignants.") == "fr"
    assert detect_language("The government announced on Tuesday a pay rise for teachers across the country.") == "en"


def test_short_caption_english():
    assert detect_language("Two firefighters walk past a burned house in the hills above the town.") == "en"


def test_other_languages_labelled():
    assert detect_language("El gobierno anunció el martes una subida de los salarios para los profesores del país.") == "es"
    assert detect_language("Die Regierung hat am Dienstag eine Erhöhung der Gehälter für die Lehrer angekündigt.") == "de"
    assert detect_language("Il governo ha annunciato martedì un aumento degli stipendi per gli insegnanti della scuola.") == "it"
    assert detect_language("O governo anunciou na terça-feira um aumento dos salários para os professores do país.") == "pt"


def test_unknown():
    assert detect_language("") == "und"
    assert detect_language("12345 !!! ---") == "und"
    assert detect_language("Xqzt vrbl mnopq") == "und"
    lang, conf = detect_language_with_confidence("Le chat dort sur le canapé depuis le matin et il ne bouge pas.")
    assert lang == "fr" and 0 < conf <= 1
