"""The story's memory of acts it retells (used by ``event_dates.DiscourseDater``): the day the article
gives elsewhere to an act a clause names or retells, a live blog's new entry, and a retelling
paragraph's day ("a day after a gunboat fired on a patrol ... The gunboat opened fire on Wednesday.
The patrol withdrew": the paragraph goes on telling that earlier day)."""
from __future__ import annotations

import re
from datetime import date

from pipeline.extract.article_dates import _metadata
from pipeline.extract.clause_dating import _LIVE_ENTRY, anterior_acts, lead_acts
from pipeline.extract.date_clauses import _SPEECH
from pipeline.extract.date_parse import _same_stem, _stem, date_span
from pipeline.extract.lexicon import shared_set

_ON_THAT_DATE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, shared_set("on_that_date")), key=len, reverse=True))
                           + r")(?!\w)", re.I)


class RetoldActs:
    def _named_event_date(self, head, pos: int, s: int, e: int) -> date | None:
        """The date of the event a relational anchor's complement names: the nearest word of the
        same stem dated elsewhere in the article (another sentence)."""
        stem = _stem(head.lemma_)
        found = [(abs(p - pos), d) for st_, p, d in self._dated_words if _same_stem(st_, stem) and not s <= p < e]
        return min(found)[1] if found else None

    def _retold_day(self, doc, s: int, e: int, tok, dm) -> date | None:
        """The day the article gives elsewhere to an act the sentence dates only by another clause's
        date or not at all: one of an "after" clause under the main clause's date ("lodged a protest on
        Monday after a ship rammed a fishing boat ... The boat was rammed on Sunday": an earlier day), or
        an undated one of a lead before the story has a day ("Burundi has closed its border after a
        rebel attack that killed 19 people ... The rebels attacked Gatumba on Monday night"): the day a
        later sentence gives a word of the same stem."""
        if dm is not None:
            span = date_span(doc, s, dm)
            acts = anterior_acts(tok, span.root) if span is not None and dm.precision == "day" else []
        else:
            acts = lead_acts(tok)
        if not acts:
            return None
        self._index_words()
        for v in acts:
            stem = _stem(v.lemma_)
            found = sorted((abs(p - s - v.idx), d) for st_, p, d in self._dated_words
                           if _same_stem(st_, stem) and (p >= e or (dm is not None and p < s)))
            if found and self._in_story(found[0][1]) and (dm is None or found[0][1] < dm.value):
                return found[0][1]
        return None

    def _retold_earlier(self, day: date | None, etype: str | None = None) -> bool:
        """A day before the story's that a relational anchor gave an event of the story ("severed
        relations on Tuesday, two days after drones struck the airport. The RSF launched the attack
        on Sunday"): the clause retells that earlier event, the story stays on its day (not an event
        of another type: "a day after Ankara closed its airspace ... Fidan travelled to Cairo on
        Wednesday" tells a new event of that day, the story goes there)."""
        return day is not None and self.disc_date is not None and day < self.disc_date and \
            day in self._related_days and (etype is None or etype in self._related_days[day])

    def _live_entry(self, s: int) -> None:
        line = self.body.rfind("\n", 0, s) + 1
        if line == self._line:
            return
        self._line = line
        if _LIVE_ENTRY.match(self.body, line):
            self.disc_date = self.told = self.told_future = self.flash_date = self.told_flashback = None
            self.disc_period = None
            self._told_relational = None
            self.disc_present = False

    _sentences: tuple = ((), {}, ())  # (sentences, docs by index, date mentions) of the article

    def next_attribution_day(self, doc, s: int, e: int, tok) -> date | None:
        """The day of the attribution the next sentence of the paragraph gives a bare act told alone,
        undated, in a sentence of one clause ("Baghdad denied the incursion. A spokesman said yesterday
        that the vessel had been in Iraqi waters": the denial is what the spokesman said, on his day).
        The next sentence's main verb is a speech verb with a day of the story of its own and a clause
        it reports."""
        sentences, docs, mentions = self._sentences
        if tok.dep_ != "ROOT" or "Past" not in tok.morph.get("Tense") or \
                any(t.pos_ == "VERB" and t.i != tok.i for t in doc) or any(s <= a[0] < e for a in self.anchors):
            return None
        nxt = [(i, ns, ne) for i, (ns, ne) in enumerate(sentences) if ns >= e]
        if not nxt or "\n" in self.body[e:nxt[0][1]] or docs.get(nxt[0][0]) is None:
            return None
        i, ns, ne = nxt[0]
        ndoc = docs[i]
        roots = [t for t in ndoc if t.dep_ == "ROOT"]
        if len(roots) != 1 or roots[0].lemma_.lower() not in _SPEECH or \
                not any(c.dep_ in ("ccomp", "parataxis") for c in roots[0].children):
            return None
        root = roots[0]
        for dm in mentions:
            if ns <= dm.start and dm.end <= ne and self._sets_story(dm):
                span = date_span(ndoc, ns, dm)
                head = span.root.head if span is not None else None
                if head is not None and head.dep_ == "prep":
                    head = head.head  # ("said on Wednesday")
                if head is not None and head.i == root.i and span.root.i != root.i and \
                        not any(c.dep_ in ("ccomp", "parataxis") and c.i < span.root.i for c in root.children):
                    return dm.value
        return None

    def on_that_date(self, s: int, e: int) -> tuple[date, str] | None:
        """(day, text) of "on that date" / "à cette date" in the sentence: the last day date the text
        gave before it, one to come included ("reopen the checkpoints with effect from 21 September. The
        Kazakh side undertook to lift the controls on that date")."""
        m = _ON_THAT_DATE.search(self.body, s, e)
        if m is None:
            return None
        mentions = self._sentences[2]
        before = [dm for dm in mentions if dm.end <= m.start() and dm.precision == "day" and dm.value is not None
                  and not _metadata(dm)]
        return (before[-1].value, m.group(0)) if before else None

    _retelling: tuple[int, date, set] | None = None  # (the line, the day, the nouns) of an earlier act retold

    def mark_retelling(self, doc, s: int, day: date) -> None:
        """A simple-past clause retells, on its own earlier day, an act the story has already placed
        before its day ("Guyana asked the court on Thursday, a day after a gunboat fired on its
        soldiers. The gunboat opened fire on Wednesday on a patrol")."""
        nouns = {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN")}
        self._retelling = (self.body.rfind("\n", 0, s), day, nouns)

    def retelling_day(self, s: int, verb) -> date | None:
        """The retold day, for an undated act of the same paragraph, while the story has not moved
        since, whose subject is a party the retelling named ("... opened fire on Wednesday on a
        patrol. The patrol withdrew without returning fire"; not "the council accused Abu Dhabi")."""
        if self._retelling is None or self._retelling[1] != self.flash_date or \
                self.body.rfind("\n", 0, s) != self._retelling[0]:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        return self._retelling[1] if any(c.lemma_.lower() in self._retelling[2] for c in subjects) else None

    # the story's day, the line of the sentence that set it, and the latest day the story has reached
    _disc_date: date | None = None
    _disc_line = -1
    _story_high: date | None = None

    @property
    def disc_date(self) -> date | None:
        return self._disc_date

    @disc_date.setter
    def disc_date(self, day: date | None) -> None:
        self._disc_date = day
        self._disc_line = getattr(self, "_line", -1)
        if day is None:
            self._story_high = None
        elif self._story_high is None or day > self._story_high:
            self._story_high = day

    def returned_day(self) -> date | None:
        """The latest day the story reached, when a paragraph of background has since taken it back
        to a day at least two days earlier (not "yesterday": the same news) and the sentence read is of
        a later paragraph ("The foreign ministers held a
        call on Tuesday and agreed to set up a commission. [...] A spokesperson for the Commission
        urged both sides to settle it through dialogue": the news day, not the background's)."""
        if self._story_high is None or self._disc_date is None or (self._story_high - self._disc_date).days < 2 or \
                self.flash_date is not None:  # (not in a flashback told since: "La veille, ... s'étaient rassemblés")
            return None
        return self._story_high if getattr(self, "_line", -1) != self._disc_line else None
