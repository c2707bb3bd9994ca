"""Light article-level coreference for event parties.

A discourse memory records every resolved party (with gender, number, whether it is
a person and whether it was a grammatical subject) in reading order.  It resolves:

- third-person pronouns (il/elle/ils/lui/le/la/son/sa/leur..., he/she/they/him/his...)
  to the most recent compatible entity, subjects first;
- first-person pronouns inside quotes (je/me/nous, I/me/we) to the current speaker
  (the subject of the speech verb of the sentence, else the last subject);
- short names of people absent from the actor dictionary ("Mensah" after "le
  ministre ghanéen Kwame Mensah") to the earlier full mention;
- plural definite descriptions "les deux dirigeants/pays/hommes", "both leaders" to
  the last two parties of different countries.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.actors import Resolution, fold
from pipeline.extract.lexicon import shared_set

PRON_3SG_M = {"fr": {"il", "lui", "le", "l'", "son", "sa", "ses", "celui-ci", "ce dernier", "se", "s'"},
              "en": {"he", "him", "his", "himself"}}
PRON_3SG_F = {"fr": {"elle", "la", "l'", "son", "sa", "ses", "celle-ci", "cette dernière", "lui", "se", "s'"},
              "en": {"she", "her", "hers", "herself"}}
PRON_3PL = {"fr": {"ils", "elles", "eux", "leur", "leurs", "les", "se", "s'"}, "en": {"they", "them", "their", "themselves"}}
PRON_1 = {"fr": {"je", "j'", "me", "m'", "moi", "nous", "mon", "ma", "mes", "notre", "nos"},
          "en": {"i", "me", "my", "we", "us", "our"}}
PRON_IT = {"en": {"it", "its"}, "fr": set()}
PAIR_WORDS = {"deux", "both", "two"}
# resolutions a party's own words decided (a name, a title, a nationality), not its place or context
OWN_WORDS_HOWS = frozenset(("dictionary", "title_demonym", "demonym", "country", "capital"))


# determiners that make "deux"/"two" a definite reference to a known pair
PAIR_DETS = shared_set("pair_determiners")
# quantifiers that are a known pair by themselves ("both leaders", "both of them")
PAIR_QUANTIFIERS = shared_set("pair_quantifiers")
# the signatories of a communiqué or treaty named by a capitalised plural ("The Parties", "les Parties")
TREATY_PARTY_NOUNS = shared_set("treaty_party_nouns")
_FOLDED_WORDS_KEY = "_newsevents_folded_words"


def definite_pair(t, pair_words=PAIR_WORDS):
    """Does the noun phrase headed by `t` refer to a known pair ("les deux pays", "both leaders",
    "des deux pays" under another noun: the two parties the discourse last set), rather than count new
    parties ("deux officiers de l'armée rwandaise")? The token carrying the number, else None."""
    if fold(t.lemma_) in TREATY_PARTY_NOUNS and t.text[:1].isupper() and t.i > 0 and t.tag_ in ("NNS", "NNPS") and \
            [c.lower_ for c in t.children if c.dep_ not in ("punct", "cc", "conj", "relcl", "acl")] in (["the"], ["les"]):
        return t  # "The Parties agreed": a communiqué's capitalised plural names its two signatories
    words_here = t.doc.user_data.get(_FOLDED_WORDS_KEY)
    if words_here is None:  # the sentence's folded words, memoised on the Doc: most sentences have no pair word
        words_here = t.doc.user_data[_FOLDED_WORDS_KEY] = frozenset(fold(x.lower_) for x in t.doc)
    if words_here.isdisjoint(pair_words) and words_here.isdisjoint(PAIR_QUANTIFIERS):
        return None
    todo, seen = [(t, 0)], set()
    while todo:
        x, depth = todo.pop()
        if x.i in seen:
            continue
        seen.add(x.i)
        words = [c for c in x.children if c.dep_ in ("nummod", "det", "predet", "case", "poss", "nmod:poss")]
        if any(fold(c.lower_) in pair_words for c in words) and (
                any(fold(c.lower_) in PAIR_DETS for c in words) or x.lower_ in PAIR_QUANTIFIERS):
            return x
        if any(c.lower_ in PAIR_QUANTIFIERS and c.dep_ in ("det", "predet", "preconj") for c in x.children):
            return x
        if depth < 3:
            todo.extend((c, depth + 1) for c in x.children if c.dep_ in ("nmod", "poss", "nmod:poss", "prep", "pobj"))
    return None


@dataclass
class MemEntry:
    res: Resolution
    gender: str = "m"
    plural: bool = False
    person: bool = True
    pos: int = 0  # char offset in the body
    subject: bool = False


@dataclass
class Memory:
    entries: list[MemEntry] = field(default_factory=list)
    surnames: dict[str, Resolution] = field(default_factory=dict)

    def add(self, res: Resolution, pos: int, subject: bool = False, gender: str | None = None,
            plural: bool = False, person: bool | None = None) -> None:
        ent = res.entity
        if person is None:
            person = (ent is not None and ent.is_person) or (ent is None and res.how.startswith("title") and not plural)
        if gender is None:
            gender = (ent.gender if ent is not None and ent.gender else None) or gender_of(res.ref.text)
        self.entries.append(MemEntry(res, gender, plural, person, pos, subject))
        # unknown named persons: remember the last capitalised word as a short name
        if ent is None:
            words = _name_words(res.ref.text, capitalised=True)
            if words:
                last = fold(words[-1])
                if len(last) > 2:
                    self.surnames.setdefault(last, res)
        elif ent.is_person:
            # a known person named in full: later "Wong", "Anwar" (surname, or the given name some
            # naming customs use) within the article are the same person
            words = _name_words(ent.name)
            for w in {words[0], words[-1]} if len(words) > 1 else ():
                if len(w) > 2 and w[:1].isupper():
                    self.surnames.setdefault(fold(w), res)

    def _before(self, pos: int):
        return [e for e in self.entries if e.pos < pos]

    def pronoun(self, word: str, lang: str, pos: int, prefer_subject: bool = True) -> Resolution | None:
        w = word.lower()
        cands = self._before(pos)
        if not cands:
            return None
        if w in PRON_3PL.get(lang, ()) and w not in PRON_3SG_M.get(lang, ()):
            if w in ("elles",):
                return None
            pair = self.pair(pos, persons=True, window=350)
            if pair:
                return pair[0]
            pl = [e for e in cands if e.plural]
            return pl[-1].res if pl else None
        want_f = w in PRON_3SG_F.get(lang, ()) and w not in PRON_3SG_M.get(lang, ())
        want_m = w in PRON_3SG_M.get(lang, ()) and w not in PRON_3SG_F.get(lang, ())
        pool = [e for e in cands if e.person and not e.plural]
        if want_f:
            pool = [e for e in pool if e.gender == "f"]
        elif want_m:
            pool = [e for e in pool if e.gender != "f"]
        if w in PRON_IT.get(lang, ()):
            pool = [e for e in cands if not e.person and not e.plural]  # ("it" is never "Malian soldiers")
        if not pool:
            return None
        if prefer_subject:
            # the most recent subject within the last ~400 characters, else the most recent mention
            recent_subj = [e for e in pool if e.subject and pos - e.pos < 400]
            if recent_subj:
                return recent_subj[-1].res
        return pool[-1].res

    def speaker(self, pos: int) -> Resolution | None:
        subj = [e for e in self._before(pos) if e.subject and e.person]
        if subj:
            return subj[-1].res
        pool = [e for e in self._before(pos) if e.person]
        return pool[-1].res if pool else None

    def same_head(self, words: set, pos: int) -> Resolution | None:
        """The latest party before `pos` whose own words gave it a country and whose head noun is one of
        `words` ("four Serbian lorry drivers" for a later "the four drivers")."""
        for e in reversed(self._before(pos)):
            heads = e.res.ref.text.split()[-1:]
            if e.res.ref.country and e.res.how in OWN_WORDS_HOWS and heads and fold(heads[0].lower()) in words:
                return e.res
        return None

    def same_people(self, words: set, pos: int) -> Resolution | None:
        """The latest civil party before `pos` with a country and one of `words` among its own words
        ("des pêcheurs bahreïnis" for a later "six pêcheurs")."""
        for e in reversed(self._before(pos)):
            ref = e.res.ref
            if ref.country and ref.sector == "CVL" and words & {fold(w) for w in ref.text.replace("'", " ").split()}:
                return e.res
        return None

    def same_sector(self, sector: str, pos: int, subject: bool = False, skip_words: frozenset = frozenset()) \
            -> Resolution | None:
        """The latest party of that sector before `pos` (with `subject`: the latest that was a
        clause subject, the owner "his government" most likely refers to), not one whose words
        include `skip_words`."""
        for e in reversed(self._before(pos)):
            if skip_words and skip_words & {fold(w) for w in e.res.ref.text.replace("'", " ").lower().split()}:
                continue
            if e.res.ref.sector == sector and e.res.ref.country and (e.subject or not subject):
                return e.res
        return None

    def pair(self, pos: int, persons: bool = True, window: int | None = None) -> list[Resolution] | None:
        """The last two parties (different countries) before `pos`."""
        out: list[Resolution] = []
        seen: set = set()
        for e in reversed(self._before(pos)):
            if persons and not e.person:
                continue
            if window is not None and pos - e.pos > window:
                break
            c = e.res.ref.country
            if c and c not in seen:
                seen.add(c)
                out.append(e.res)
                if len(out) == 2:
                    return list(reversed(out))
        return None

    def salient_pair(self, pos: int, persons: bool = True) -> list[Resolution] | None:
        """"Les deux dirigeants", "both leaders": the two most salient parties of different countries
        so far (mentions counted, subjects double, the last 600 characters double), in order of
        first mention; falls back to the last two parties."""
        from collections import defaultdict

        score: dict[str, float] = defaultdict(float)
        latest: dict[str, MemEntry] = {}
        first: dict[str, int] = {}
        for e in self._before(pos):
            c = e.res.ref.country
            if not c or (persons and not e.person):
                continue
            w = (2.0 if e.subject else 1.0) * (2.0 if pos - e.pos < 600 else 1.0)
            score[c] += w
            latest[c] = e
            first.setdefault(c, e.pos)
        if len(score) < 2:
            return self.pair(pos, persons=persons)
        top = sorted(score, key=lambda c: (-score[c], -latest[c].pos))[:2]
        top.sort(key=lambda c: first[c])
        return [latest[c].res for c in top]

    def short_name(self, word: str) -> Resolution | None:
        return self.surnames.get(fold(word))


# generational suffixes are no surname ("Ferdinand Marcos Jr." is later "Marcos")
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _name_words(text: str, capitalised: bool = False) -> list[str]:
    # (an acronym in brackets is a short name too: "la Fédération nationale paysanne (FNC" -> "FNC")
    words = [w.strip("()[]") for w in text.replace("'", " ").split() if w.lower().strip(",") not in _NAME_SUFFIXES]
    return [w for w in words if w[:1].isupper()] if capitalised else words


_FEM_TITLES = {"presidente", "ministre_f", "chanceliere", "ambassadrice", "reine", "mme", "madame", "dirigeante",
               "she", "queen", "mrs", "ms", "premiere", "secretaire_f"}


def gender_of(text: str) -> str:
    words = {fold(w).strip(".,") for w in text.split()}
    if words & _FEM_TITLES or "la premiere ministre" in fold(text) or "la ministre" in fold(text):
        return "f"
    return "m"


__all__ = ["Memory", "MemEntry", "PRON_1", "PRON_3SG_M", "PRON_3SG_F", "PRON_3PL", "PAIR_WORDS", "definite_pair", "gender_of"]
