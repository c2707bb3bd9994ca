"""Small, fast, dependency-free language identification.

Stop-word profiles (the most frequent function words of each language) plus a few
character hints (letters that only some languages use).  Good enough to tell
French from English on a caption of ten words, and to label es/de/it/pt/nl.

    >>> detect_language("Le président a annoncé qu'il se rendrait à Paris.")
    'fr'
"""
from __future__ import annotations

import re

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """le la les un une des du de d l au aux et ou mais donc or ni car que qu qui quoi dont où
        ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos il ils elle
        elles on nous vous je j tu se s me m te t lui y en ne n pas plus moins très aussi ainsi
        dans sur sous par pour avec sans entre vers chez depuis pendant avant après selon contre
        est sont était étaient été être a ont avait avaient avoir fait faire sera seront serait
        aurait peut doit comme si tout tous toute toutes même autre autres déjà encore alors
        lors dont cela ceci celui celle ceux celles c ça aujourd hui mardi lundi mercredi jeudi
        vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre
        octobre novembre décembre selon où également ayant""".split()
    ),
    "en": frozenset(
        """the a an of to in on at for from by with about as into over after before between
        and or but nor so yet if then than that this these those there here which who whom whose
        what when where why how is are was were be been being has have had having do does did
        will would shall should can could may might must it its he she they them his her their
        we our you your i me my not no also only just more most very said says told according
        up out down off again further once all any both each few other some such own same too
        monday tuesday wednesday thursday friday saturday sunday january february march april
        june july august september october november december while during against""".split()
    ),
    "es": frozenset(
        """el la los las un una unos unas de del al y o pero que quien quienes cual cuales cuyo
        donde cuando como en con por para sin sobre entre hasta desde hacia según contra es son
        era eran fue fueron ser estar está están estaba ha han había hay se su sus le les lo
        nos mi mis tu tus nuestro nuestra este esta estos estas ese esa esos esas muy más
        también ya no sí porque pues tras durante lunes martes miércoles jueves viernes enero
        febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
        dijo afirmó""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einer eines einem einen und oder aber doch sondern
        dass daß wer was wo wann wie warum ist sind war waren sein gewesen hat haben hatte
        hatten wird werden wurde wurden kann können muss müssen soll sollen nicht kein keine
        auch nur noch schon sehr mehr mit von zu zum zur bei nach aus für über unter vor auf
        an im am ins vom durch gegen ohne um bis seit während er sie es wir ihr ich sich ihm
        ihn ihre ihren seine seiner dieser diese dieses jener man als wenn sagte""".split()
    ),
    "it": frozenset(
        """il lo la i gli le un uno una di del dello della dei degli delle da dal dalla dai a al
        allo alla ai agli alle in nel nello nella nei negli nelle su sul sulla con per tra fra
        e ed o ma che chi cui dove quando come perché è sono era erano stato stata essere ha
        hanno aveva avevano si non più anche già molto questo questa questi queste quello
        quella suo sua suoi sue loro noi voi io lui lei ci ne secondo ha detto dopo""".split()
    ),
    "pt": frozenset(
        """o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas
        para com sem sobre entre até desde e ou mas que quem qual quais onde quando como porque
        é são era eram foi foram ser estar está estão estava tem têm tinha há se seu sua seus
        suas lhe lhes não sim também já muito mais este esta estes estas esse essa isso isto
        ao aos à às disse após segundo""".split()
    ),
    "nl": frozenset(
        """de het een en of maar dat die dit deze wie wat waar wanneer hoe waarom is zijn was
        waren geweest heeft hebben had hadden wordt worden werd werden kan kunnen moet moeten
        niet geen ook nog al zeer meer met van voor naar bij uit op aan in over onder tegen
        zonder tot sinds tijdens hij zij ze het wij we jullie ik zich hem haar hun zijn als
        volgens zei""".split()
    ),
}

# Letters that are strong hints for a language (bonus per occurrence, capped).
_CHAR_HINTS: dict[str, str] = {
    "fr": "éèêëàâçîïôûùœ",
    "es": "ñáíóúü¿¡",
    "de": "äöüß",
    "it": "àèéìòù",
    "pt": "ãõçáâêôàé",
    "nl": "ĳ",
    "en": "",
}

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_SUPPORTED = tuple(STOPWORDS)
_LANG_INDEX = {lang: i for i, lang in enumerate(_SUPPORTED)}
# word -> indices of the languages listing it as a stop-word (one dict lookup per word)
_WORD_LANGS: dict[str, tuple[int, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _WORD_LANGS[_w] = _WORD_LANGS.get(_w, ()) + (_LANG_INDEX[_lang],)


def language_scores(text: str, max_words: int = 400) -> dict[str, float]:
    """Per-language score: stop-word hits (+ small character bonus)."""
    if not text:
        return {}
    words = _WORD_RE.findall(text[:6000].lower())[:max_words]
    if not words:
        return {}
    acc = [0.0] * len(_SUPPORTED)
    get = _WORD_LANGS.get
    for w in words:
        hit = get(w)
        if hit:
            for i in hit:
                acc[i] += 1.0
    sample = text[:2000].lower()
    if not sample.isascii():
        for lang, chars in _CHAR_HINTS.items():
            if chars:
                bonus = sum(sample.count(c) for c in chars)
                acc[_LANG_INDEX[lang]] += min(bonus, 20) * 0.15
    return dict(zip(_SUPPORTED, acc))


def detect_language_with_confidence(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code or "und", confidence in [0, 1])."""
    scores = language_scores(text)
    if not scores:
        return "und", 0.0
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, s1), (_, s2) = ranked[0], ranked[1]
    n_words = max(1, len(_WORD_RE.findall(text[:6000])))
    if s1 < 1.5:
        return "und", 0.0
    margin = (s1 - s2) / s1
    coverage = min(1.0, s1 / max(3.0, 0.25 * min(n_words, 400)))
    conf = round(margin * coverage, 3)
    if margin < 0.15:
        return "und", conf
    return best, conf


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und"."""
    return detect_language_with_confidence(text)[0]


def stopword_density(words: list[str], lang: str) -> float:
    """Share of `words` (lower-cased) that are stop-words of `lang` (fr+en when unknown)."""
    if not words:
        return 0.0
    if lang in STOPWORDS:
        sw = STOPWORDS[lang]
    else:
        sw = STOPWORDS["fr"] | STOPWORDS["en"]
    return sum(1 for w in words if w in sw) / len(words)
