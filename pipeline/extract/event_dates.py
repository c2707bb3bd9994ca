"""Event dates: which date mention of its sentence an event takes, and the discourse dates
("le lendemain", "the same day", an undated event continuing the story) it falls back on.

`choose_date` (``date_clauses``) links a trigger to the date mention of its own clause; `DiscourseDater` follows
the article sentence by sentence, keeping the event date the discourse last set, and gives each
event its date, precision, text and whether the text states it (machine-readable notes:
``date_from_discourse_anchor``, ``date_from_discourse``, ``date_from_announcement``, ``date_from_publication``,
``date_from_inferred_reference``, ``date_as_of_writing``, ``date_from_framing_event``, ``date_from_retold_act``, ``no_date``, ``no_date_anterior``, ``no_date_habitual``).
"""
from __future__ import annotations

from datetime import date, timedelta

from pipeline.extract.article_dates import _metadata, date_heading
from pipeline.extract.clause_dating import (
    _AT_THAT_TIME,
    _FRAMING,
    _LIVE_ENTRY,
    _anaphoric_noun,
    _announced_weekday,
    _anterior,
    _as_of_now,
    _background_date,
    _decided_act,
    _habitual,
    _later_conjunct,
    _main_clause_date,
    _main_clause_day,
    _main_past_clause,
    _participle_date,
    _pluperfect,
    _pluperfect_anchor,
    _predicate_of_clause,
    _present,
    _present_date,
    _span_root,
    _within,
    duration_anchor,
    main_clause_anchor,
    reached_day,
    reported_content_date,
)
from pipeline.extract.date_clauses import (
    STORY_WINDOW_DAYS,
    _clause_verb,
    _date_in_clause,
    _date_value,
    _own_clause,
    choose_date,
    postposed_report_date,
)
from pipeline.extract.date_parse import _same_stem, _start_of_state, _stem, appointed_day, date_span, preceding_date
from pipeline.extract.retold_dates import RetoldActs
from pipeline.text.temporal import discourse_anchors

DISCOURSE_DATE_DEFAULT = True


class DiscourseDater(RetoldActs):
    """The dates of an article's events, in reading order."""

    def __init__(self, body: str, reference: date | None, reference_inferred: bool = False):
        self.body = body
        self.reference = reference
        self.reference_inferred = reference_inferred
        self.anchors = [a for a in discourse_anchors(body) if not duration_anchor(body, a)]
        self.disc_date: date | None = None  # the event date the discourse last set (explicit day dates)
        self._anchor_dates: dict[int, date] = {}  # anchor start -> the date it was resolved to
        self._complements: dict = {}
        self.flash_date: date | None = None  # the date of the flashback (pluperfect) being told
        # the day of the last dated past event told, flashbacks included, and of the last dated
        # announced one: what "le même jour", "la veille" refer to (in a clause of the same status)
        self._told_n = 0  # how many times `told` was set: whether the story has told anything since
        self.told: date | None = None
        self.told_flashback: date | None = None  # ... of the last dated pluperfect one
        self.told_future: date | None = None
        self._dated_words: list[tuple[str, int, date]] = []  # (stem, position, date), see prepare
        self._index_args = None  # what `_index_words` reads, until it has
        self._pending: list = []  # day dates of the sentence being read
        self._pending_at: list[int] = []  # ... and their positions
        self._pending_present = False  # ... the last of them dates a clause in the present (a chronicle)
        self._pending_anchor: int | None = None  # ... else the day offset of the anchor it opens with
        self._pending_anchor_at: int | None = None
        self._anchor_used = False
        self._dated_in_sentence = False  # an event of the sentence being read has been dated
        # (date of the event a relational anchor dated, the `told` count it was read after): what "the
        # same day" just after it refers to ("came a day after X demanded...; Y rejected the demand the same day")
        self._told_relational: tuple[date, date | None] | None = None
        self._set_in_sentence = False
        self._taken_at = -1  # the position of the last date of the sentence an event took
        # (position, day) of the story-setting dates of the sentence's main clauses, told as done
        self._main_days: list[tuple[int, date]] = []
        # the days of the events a relational anchor placed before or after the story's ("two days
        # after drones struck the airport"): a clause dated to one of them later retells that event
        self._related_days: dict[date, set] = {}  # (... and their event types)
        self.disc_present = False  # the story's day was set by a clause in the present (a chronicle)
        # (date, precision) of a week the story has gone back to since its last day, in a main clause
        # ("Last week, farmers blocked the highway. Police detained 14 of the organisers")
        self.disc_period: tuple[date, str] | None = None
        self._period_line = -1  # ... and the line (paragraph) that went back to it
        # (position, day) of the past day dates read so far, "depuis mercredi" included: what "ce
        # jour-là" refers to when the story has dated no event yet
        self._days_read: list[tuple[int, date]] = []
        self._dates_read: list[tuple[int, object]] = []  # (position, date mention) of the past dates read
        self._sent_dates: list = []  # the date mentions of the sentence
        self._sent_days: list[tuple[int, date]] = []  # the story-setting day dates of the sentence
        self._sent_all_days: list[tuple[int, date]] = []
        self._sent_future: list[tuple[int, date]] = []  # the days to come of the sentence
        self._line = -1  # start of the line of the sentence being read
        self._prev_start = self._cur_start = None  # starts of the sentences read last and now
        self._flash_told = None  # (sentence start, line) of the last dated pluperfect main clause
        self._pending_flash: date | None = None  # the day of the sentence's pluperfect clause, if no event takes it

    @property
    def told(self) -> date | None:
        return self._told

    @told.setter
    def told(self, day: date | None) -> None:
        self._told = day
        self._told_n += 1

    def prepare(self, sentences, docs_by_idx, date_mentions) -> None:
        """Index the words the article dates explicitly ("a réuni jeudi"), by stem, so that a
        relational anchor can find the event its complement names ("la veille de la réunion"),
        before or after it in the text."""
        self._index_args = self._sentences = (sentences, docs_by_idx, date_mentions)
        if any(a[3] for a in self.anchors):
            self._index_words()

    def _index_words(self) -> None:
        if self._index_args is None:
            return
        sentences, docs_by_idx, date_mentions = self._index_args
        self._index_args = None
        for si, (s, e) in enumerate(sentences):
            doc = docs_by_idx.get(si)
            sent_dates = [dm for dm in date_mentions if s <= dm.start and dm.end <= e and self._sets_story(dm)]
            if doc is None or not sent_dates:
                continue
            for t in doc:
                if t.pos_ not in ("NOUN", "PROPN", "VERB"):
                    continue
                dm = choose_date(doc, s, t, sent_dates, "asserted")
                if dm is not None and not dm.start <= s + t.idx < dm.end:
                    self._dated_words.append((_stem(t.lemma_), s + t.idx, dm.value))

    def begin_sentence(self, sent_dates, s: int | None = None, e: int | None = None, doc=None) -> None:
        """Start a sentence. A sentence that dated no event still moves the story on: its last
        past day date ("Hier, des enseignants ont manifesté") is what "le même jour" and the
        undated events after it refer to (not a weekday announced: "une rencontre est prévue
        vendredi"). A live blog's new entry ("14h30 – ...") starts again from the day of writing."""
        if not self._set_in_sentence and self._pending and (
                not self._retold_earlier(self._pending[-1]) or not self._dated_in_sentence):
            # (a sentence of no event retelling the earlier act a relational anchor named, "Sunday's
            # march drew 6,000 people", takes the story back to its day)
            self.disc_date = self.told = self._pending[-1]
            self.disc_period = None
            self.disc_present = self._pending_present  # "Le 2 février, ils se retrouvent à Oyo. Ils signent..."
        elif self._set_in_sentence and (later := [d for p, d in self._main_days if 0 <= self._taken_at < p]):
            # "walked out on Tuesday, and this morning they are blocking the terminals": a main clause
            # (or one coordinated with it) after every date the sentence's events took, with a date of
            # its own, moves the story
            self.disc_date = self.told = later[-1]
            self.disc_period = None
            self.disc_present = False
        elif self._pending_anchor is not None and (not self._dated_in_sentence or not self._anchor_used) and \
                self._anchor_base("asserted"):
            # "Le lendemain, le ministre a annoncé la fermeture des postes frontaliers": a sentence
            # with no event still moves the story by the anchor it opens with
            moved = self._anchor_base("asserted") + timedelta(days=self._pending_anchor)
            if self._in_story(moved):
                self.disc_date = self.told = moved
                self.disc_period = None
        if not self._set_in_sentence and self._pending_flash is not None:
            # "Lundi, les rebelles avaient pris la ville": a pluperfect main clause's day no event took is a flashback's
            self.flash_date, self._flash_told = self._pending_flash, (self._cur_start, self._line)
        self._set_in_sentence = False
        self._taken_at = -1
        self._prev_start, self._cur_start = self._cur_start, s
        if s is not None:
            self._live_entry(s)
        story = [dm for dm in sent_dates if self._sets_story(dm) and not (doc is not None and s is not None and (
            _announced_weekday(doc, s, dm) or _participle_date(doc, s, dm) or appointed_day(doc, s, dm) or
            preceding_date(doc, s, dm)))]
        flash = [dm for dm in story if doc is not None and s is not None and (root := _span_root(doc, s, dm)) is not None
                 and _pluperfect(root) and any(not t.is_punct for t in _clause_verb(root).subtree if t.i > root.i)]  # (not ending it)
        story = [dm for dm in story if dm not in flash]
        main = [dm for dm in flash if _clause_verb(_span_root(doc, s, dm)).dep_ == "ROOT"]
        self._pending_flash = main[-1].value if main and not story else None  # (a main clause's: "Lundi, X avait ...")
        if not story and s is not None:
            story = [dm for dm in sent_dates if self._reached_by(doc, s, e, dm)]
        self._pending = [dm.value for dm in story]
        self._pending_at = [dm.start for dm in story]
        self._pending_present = bool(story) and s is not None and (
            date_heading(self.body, story[-1], s, e) or (doc is not None and _present_date(doc, s, story[-1])))
        self._sent_days = [(dm.start, dm.value) for dm in story]
        self._sent_dates = list(sent_dates)
        self._main_days = [(dm.start, dm.value) for dm in story if doc is not None and s is not None and
                           _main_clause_day(doc, s, dm)]
        # every past day date of the sentence, a participle's included (see `_before_colon`)
        self._sent_all_days = [(dm.start, dm.value) for dm in sent_dates if self._sets_story(dm)]
        self._sent_future = [(dm.start, dm.value) for dm in sent_dates if dm.precision == "day" and dm.value and
                             self.reference is not None and dm.value > self.reference and not _metadata(dm)]
        self._dates_read.extend((dm.start, dm) for dm in sent_dates if dm.value is not None and not _metadata(dm) and
                                not set(dm.notes) & {"future", "by"} and (self.reference is None or dm.value <= self.reference))
        self._days_read.extend((dm.start, dm.value) for dm in sent_dates if dm.value is not None and
                               dm.precision == "day" and not set(dm.notes) & {"future", "by"} and
                               not _metadata(dm) and self._in_story(dm.value))
        self._pending_anchor = None
        self._anchor_used = False  # a trigger took the pending anchor (else it still moves the story)
        self._dated_in_sentence = False
        if not self._pending and s is not None:
            # an anchor opening the sentence, or dating its main clause ("The response came the following day")
            day = [a for a in self.anchors if s <= a[0] < (e if e is not None else s + 4) and not a[3] and
                   a[4] == "day" and (a[0] <= s + 3 or main_clause_anchor(self.body, doc, s, e, a))]
            self._pending_anchor = day[0][2] if day else None
            self._pending_anchor_at = day[0][0] if day else None
            self._anchor_used = False
        if s is not None and self._before_named_event(s, e):
            self._pending, self._pending_at = [], []  # "a quitté la zone mardi, à la veille de la visite": a flashback

    def _reached_by(self, doc, s: int, e: int | None, dm) -> bool:
        """A past day the sentence's main clause reached (`reached_day`): the day the story has come to."""
        return bool(set(dm.notes) & {"by", "from"}) and dm.precision == "day" and dm.value is not None and \
            not _metadata(dm) and self._in_story(dm.value) and reached_day(self.body, doc, s, e, dm)

    def _at_that_time(self, doc, s: int, e: int, tok):
        """(date, precision, text) of "at the time" / "à l'époque" in the trigger's clause: the last
        date the text gave before it, whatever its precision."""
        for m in _AT_THAT_TIME.finditer(self.body, s, e):
            root = _span_root(doc, s, start=m.start(), end=m.end())
            if root is None or not _date_in_clause(root, tok):
                continue
            before = [dm for p, dm in self._dates_read if p < m.start()]
            if before:
                value, precision = _date_value(before[-1])
                return value, precision, m.group(0)
        return None

    def _before_named_event(self, s: int, e: int) -> bool:
        return any(a[3] and a[2] < 0 and s <= a[0] < e for a in self.anchors)

    def _sets_story(self, dm) -> bool:
        if dm.value is None or dm.precision != "day" or set(dm.notes) & {"future", "since", "by"} or _metadata(dm):
            return False
        return self._in_story(dm.value)

    def _in_story(self, d: date) -> bool:
        """A day the story can continue from: not after the reference, nor a flashback older
        than STORY_WINDOW_DAYS ("ils avaient signé un accord le 3 mars 2020")."""
        ref = self.reference
        return ref is None or timedelta(0) <= ref - d <= timedelta(days=STORY_WINDOW_DAYS)

    def _complement(self, doc, s: int, a):
        """(anchor token indices, complement token indices) of a relational anchor: the other
        event it dates the clause against ("au lendemain de [violents combats]", "a day after
        [they met]"), or None when the parse shows none."""
        key = (id(doc), a[0])
        if key not in self._complements:
            span = doc.char_span(a[0] - s, a[1] - s, alignment_mode="expand")
            res = None
            if span is not None and len(span):
                inside = {t.i for t in span}
                heads = [c for t in span for c in t.children if c.i not in inside and c.i >= span.end]
                if not heads:
                    heads = [t.head for t in span if t.head.i not in inside and t.head.i >= span.end]
                if heads:
                    head = min(heads, key=lambda t: t.i)
                    res = inside, {t.i for t in head.subtree} - inside, head
            self._complements[key] = res
        return self._complements[key]

    def _future_day_before(self, s: int, tok) -> date | None:
        days = [d for p, d in self._sent_future if p < s + tok.idx]
        return days[-1] if days else None

    def _before_colon(self, s: int, tok) -> date | None:
        """The last day date before a colon that comes before the trigger in its sentence."""
        colon = self.body.rfind(":", s, s + tok.idx)
        days = [d for p, d in self._sent_all_days if p < colon]
        return days[-1] if colon >= 0 and days else None

    def _framing_event(self, doc, s: int, e: int, tok) -> date | None:
        """The day of an event the story told before, named with a demonstrative in a phrase framing
        the trigger's clause ("At those talks, the two countries agreed", "lors de cette rencontre, les
        deux ministres ont signé"): the nearest earlier word of its stem dated elsewhere."""
        v = _clause_verb(tok)
        for m in _FRAMING.finditer(self.body, s, e):
            noun = _span_root(doc, s, start=m.end("det") + 1, end=m.end())
            if noun is None or noun.pos_ != "NOUN" or _clause_verb(noun).i != v.i or noun.i == tok.i:
                continue
            self._index_words()
            stem, pos = _stem(noun.lemma_), m.start()
            found = [(pos - p, d) for st_, p, d in self._dated_words if _same_stem(st_, stem) and p < s]
            if found:
                return min(found)[1]
        return None

    def _relational(self, doc, s: int, e: int, tok, dm):
        """The date of an event named in the complement of a relational anchor ("intervient au
        lendemain de violents combats": the fighting is the day before the clause's date, the
        clause's own date or else the story's), or None when the trigger is in none."""
        for a in self.anchors:
            if not (a[3] and s <= a[0] < e and a[1] <= s + tok.idx):
                continue
            parts = self._complement(doc, s, a)
            if parts is None or tok.i not in parts[1]:
                continue
            if dm is not None and dm.value is not None:
                span = doc.char_span(dm.start - s, dm.end - s, alignment_mode="expand")
                if span is not None and span.root.i in parts[1]:
                    return None  # the complement states its own date
                base = dm.value if dm.precision == "day" else None
            else:
                base = None
            base = base or self.disc_date or self.reference
            if base is None:
                return None
            return base - timedelta(days=a[2]), self.body[a[0]:a[1]], a[4]
        return None

    def _same_day_base(self, status: str, flashback: bool, pos: int | None = None) -> date | None:
        """The day "le même jour" / "the same day" refers to: the event a relational anchor dated
        just before (when the story has told nothing since), else as any anchor."""
        tr = self._told_relational
        if status == "asserted" and self.flash_date is not None and self._flash_told is not None and \
                self._flash_told[0] == self._prev_start:
            # "Les garde-côtes avaient arraisonné lundi la drague. La chancellerie a adressé le soir même une
            # note": the day of the dated flashback the sentence just before told
            return self.flash_date
        if status == "asserted" and not flashback and tr is not None and tr[1] == self._told_n:
            return tr[0]
        return self._anchor_base(status, flashback, pos)

    def _anchor_base(self, status: str, flashback: bool = False, pos: int | None = None) -> date | None:
        """The day an anchor ("le même jour", "the next day") counts from: the last dated event told
        in the clause's tense (an announced one for an announced act, a pluperfect one for a
        pluperfect clause: "Jeudi, X a accusé Y. La veille, Y avait décrété... Z a démenti le même
        jour": Thursday), else the story's."""
        if status == "future" and self.told_future is not None:
            return self.told_future
        if flashback and self.told_flashback is not None:
            return self.told_flashback
        if pos is not None and status == "asserted" and not flashback:
            # "a proposé jeudi sa médiation ... et s'est entretenu le même jour avec": a day date of
            # the anchor's own sentence, before it
            inside = [d for p, d in self._sent_days if p < pos]
            if inside:
                return inside[-1]
        if self.told is not None or self.disc_date is not None:
            return self.told if self.told is not None else self.disc_date
        if self.reference is not None and _LIVE_ENTRY.match(self.body, self._line):
            return self.reference  # a live blog's entry that has dated nothing: "10h05 - La veille, ..." (the day before writing)
        # "La ville vit depuis mercredi au rythme des convois. Ce jour-là, ...": the last day read
        read = [d for p, d in self._days_read if pos is None or p < pos]
        return read[-1] if read else None

    def _goes_on_flashback(self) -> bool:
        """The sentence just before, of the same paragraph, dated a pluperfect main clause ("Mardi, Mme X
        s'était entretenue avec son homologue. Les deux ministres sont convenus de..."): an undated
        simple past right after it goes on telling that day."""
        return self.flash_date is not None and self._flash_told is not None and \
            self._flash_told == (self._prev_start, self._line)

    def _anchor(self, doc, s: int, e: int, tok):
        """The discourse anchor of the trigger's clause nearest the trigger, if any."""
        best = None
        for a in self.anchors:
            if not s <= a[0] < e:
                continue
            span = doc.char_span(a[0] - s, a[1] - s, alignment_mode="expand")
            if span is not None and len(span) and (not _date_in_clause(span.root, tok) or
                                                   _later_conjunct(span.root, tok)):
                continue
            if not a[3] and tok.pos_ == "NOUN" and not _predicate_of_clause(tok) and not tok.dep_.startswith("nsubj") \
                    and not _decided_act(tok):
                continue  # "le lendemain, la police a dispersé le rassemblement": the gathering is older
            if best is None or abs(a[0] - (s + tok.idx)) < abs(best[0] - (s + tok.idx)):
                best = a
        return best

    def resolve(self, doc, s: int, e: int, tok, dm, status: str, notes: list[str], etype: str | None = None):
        """(date, precision, date text, explicit) of the event of trigger `tok` in the sentence
        body[s:e] whose chosen date mention is `dm` (or None); appends notes."""
        body = self.body
        disc_date = self.disc_date
        self._dated_in_sentence = True
        if dm is not None and "called_act" in dm.notes:
            status = "future"  # "has called a strike from next Monday": the strike, to come, tells the story nothing
        rel = self._relational(doc, s, e, tok, dm)
        if rel is not None:
            # an earlier/later event named as the reference of the clause's date: it does not
            # move the story on, but is the day "the same day" next refers to
            notes.append("date_from_relational_anchor")
            if status == "asserted" and rel[2] == "day" and not _pluperfect(tok):
                self._told_relational = (rel[0], self._told_n)
                self._related_days.setdefault(rel[0], set()).add(etype)
            return rel[0], rel[2], rel[1], True
        if dm is not None and status == "asserted" and (before := self._retold_day(doc, s, e, tok, dm)) is not None:
            notes.append("date_from_retold_act")
            self._related_days.setdefault(before, set()).add(etype)  # (its retelling keeps the story's day)
            return before, "day", None, True
        if dm is None and (that := self.on_that_date(s, e)) is not None:
            notes.append("date_from_that_date")
            return that[0], "day", that[1], True
        if dm is None and status == "asserted" and not self._sent_dates and \
                (told_by := self.next_attribution_day(doc, s, e, tok)) is not None:
            notes.append("date_from_next_attribution")
            return told_by, "day", None, True
        if dm is None and disc_date is None and status in ("asserted", "future"):
            dm = postposed_report_date(doc, s, tok, self._sent_dates, self.reference, announced=status == "future")
            if dm is not None:
                notes.append("date_from_report")
        if dm is not None and (own := self._anchor(doc, s, e, tok)) is not None and not own[3] and own[1] <= dm.start and \
                (span := date_span(doc, s, dm)) is not None and _later_conjunct(span.root, tok):
            dm = None  # "a été décrété le soir même, puis levé ce mercredi": the anchor of its own clause, not the next one's day
        ev_date = dm and _date_value(dm)[0]
        anchor = None
        if dm is None or ev_date is None:
            anchor = self._anchor(doc, s, e, tok)
        other = None
        if anchor is not None and anchor[3] and self._complement(doc, s, anchor) is not None:
            other = self._named_event_date(self._complement(doc, s, anchor)[2], anchor[1], s, e)
            if other is None and disc_date is None:
                anchor = None
        elif anchor is not None and self._anchor_base(status, pos=anchor[0]) is None:
            anchor = None
        if dm is not None and ev_date is not None:
            date_prec = _date_value(dm)[1]
            date_text = dm.text
            if _within(dm, disc_date, status):
                # "the third meeting between the two leaders this year", "cette semaine": the
                # story's day lies in that period and says more
                ev_date, date_prec = disc_date, "day"
                notes.append("date_refined_by_discourse")
            notes.extend(n for n in dm.notes if n.startswith("weekday_mismatch"))
            if "weekday_future" in dm.notes and not _main_clause_day(doc, s, dm):
                # (a weekday an event took as the coming one, under the main clause: no day the story reaches)
                kept = [(p, d) for p, d in zip(self._pending_at, self._pending) if p != dm.start]
                self._pending_at, self._pending = [p for p, _ in kept], [d for _, d in kept]
            self._taken_at = max(self._taken_at, dm.start)
            explicit = True
            # the sentence's date has been read: a pluperfect (flashback), future or "à la veille de"
            # event keeps the story where it was
            flashback = _pluperfect(tok) and not _main_clause_date(doc, s, dm, tok)
            bound = _start_of_state(dm)  # "dénoncent depuis dimanche": a state's start, not a day the story reaches
            if (status == "asserted" or (status != "future" and _own_clause(doc, s, dm, tok))) and not (
                    status == "asserted" and (bound or flashback)):
                # (not "a annoncé mercredi qu'elle imposerait", nor "imposerait à partir du 1er février":
                # mercredi is the story's; nor a flashback's or a state's start: "The police said on Tuesday that
                # 61 people had been taken into custody since Friday" moves the story to Tuesday)
                self._set_in_sentence = True
            if status == "asserted" and flashback:  # (the flashback's day is no day the story reaches)
                kept = [(p, d) for p, d in zip(self._pending_at, self._pending) if p != dm.start]
                self._pending_at, self._pending = [p for p, _ in kept], [d for _, d in kept]
            if date_prec == "day" and status == "asserted" and self._in_story(ev_date) and not _metadata(dm) and \
                    not bound:
                if flashback or self._retold_earlier(ev_date, etype) or (disc_date is not None and ev_date < disc_date and (
                        (self.flash_date is not None and ev_date <= self.flash_date) or reported_content_date(doc, s, dm, self._sent_dates))):
                    # undated pluperfect events after it share it; a simple past going back further
                    # still tells the flashback ("X had accused Moscow on Wednesday. Officers arrested
                    # three men on Tuesday"), the story stays where it was
                    self.flash_date = ev_date
                    if flashback:
                        self._flash_told = (s, self._line)
                    if not flashback and self._retold_earlier(ev_date, etype):
                        self.mark_retelling(doc, s, ev_date)
                elif not self._before_named_event(s, e) and not _background_date(doc, s, dm, tok) and \
                        not preceding_date(doc, s, dm):
                    self.disc_date = disc_date = ev_date
                    self.disc_period = None
                    self.flash_date = None
                    self.disc_present = _present(tok)
            if status == "asserted" and not _metadata(dm) and _main_past_clause(tok):
                # the story goes back to last week ("Last week, farmers blocked the highway"), or
                # leaves it for another date ("In mid-June, the minister accused...")
                self.disc_period = (ev_date, date_prec) if date_prec == "week" and self._in_story(ev_date) and (
                    disc_date is None or ev_date < disc_date) and not self._before_named_event(s, e) else None
                self._period_line = self._line  # (a later paragraph is back at the story's day)
            if date_prec == "day" and not _metadata(dm) and not bound:
                if status == "asserted" and flashback:
                    self.told_flashback = ev_date  # "le 3 mars 2020, ils avaient signé... Le lendemain, ils avaient"
                elif status == "asserted":
                    self.told = ev_date  # "le 14 février 2025, X a attaqué Y. Le même jour, Z a condamné"
                elif status == "future" and self.reference is not None and ev_date > self.reference:
                    self.told_future = ev_date  # "se rendra à Paris le 20 mars. Le même jour, il rencontrera"
        elif anchor is not None and anchor[3] and self._complement(doc, s, anchor) is not None:
            # "la veille de la réunion", "au lendemain de violents combats": relative to the event
            # the complement names when the article dates it, else the clause continues the story
            explicit = True
            if other is not None:
                ev_date, date_prec, date_text = other + timedelta(days=anchor[2]), anchor[4], body[anchor[0]:anchor[1]]
                notes.append("date_from_relational_anchor")
                if status == "asserted" and date_prec == "day" and not _pluperfect(tok) and self._in_story(ev_date):
                    # "on the eve of the retreat, X accused...; Y dismissed it the same day": the day
                    # the clause is dated to is the one the next anchors refer to
                    self.disc_date = self.told = disc_date = ev_date
                    self.disc_period = None
                    self._set_in_sentence = True
            else:
                ev_date, date_prec, date_text = disc_date, "day", None
                notes.append("date_from_discourse")
        elif anchor is not None:
            # "le même jour", "la veille", "the next day": relative to the last event date (an
            # anchor read for a first trigger keeps its date for the next ones of its clause)
            flashback = _pluperfect(tok) or _pluperfect_anchor(doc, s, anchor)
            base = self._same_day_base(status, flashback, anchor[0]) if anchor[2] == 0 else \
                self._anchor_base(status, flashback, anchor[0])
            ev_date = self._anchor_dates.setdefault(anchor[0], base + timedelta(days=anchor[2]))
            self._anchor_used = self._anchor_used or anchor[0] == self._pending_anchor_at
            self._taken_at = max(self._taken_at, anchor[0])
            date_prec, date_text = anchor[4], body[anchor[0]:anchor[1]]
            explicit = True
            notes.append("date_from_discourse_anchor")
            if status == "asserted" and date_prec == "day":
                if flashback:
                    self.told_flashback = ev_date
                else:
                    self.told = ev_date
            if status == "asserted" and not flashback and date_prec == "day" and self._in_story(ev_date):
                self.disc_date = disc_date = ev_date
                self.disc_period = None
                self._set_in_sentence = True
                self.disc_present = False
        elif (then := self._at_that_time(doc, s, e, tok)) is not None:
            ev_date, date_prec, date_text = then
            explicit = True
            notes.append("date_from_at_that_time")
        else:
            explicit = False
            date_text = None
            if _anterior(tok):
                # "après avoir échangé des invectives": earlier than the main event, date unknown
                ev_date, date_prec = None, None
                notes.append("no_date_anterior")
            elif _habitual(tok):
                # "accuse régulièrement", "a accusé à plusieurs reprises", "repeatedly": a
                # recurring background event has no single date
                ev_date, date_prec = None, None
                notes.append("no_date_habitual")
            elif self.reference is not None and status == "asserted" and _as_of_now(self.body, doc, s, e, tok):
                # "Kinshasa a refusé pour l'instant de les remettre", "has so far refused": the state at
                # the time of writing
                ev_date, date_prec = self.reference, "day"
                notes.append("date_as_of_writing")
            elif status == "asserted" and (told := self._before_colon(s, tok)) is not None:
                # "une opération de contrôle menée vendredi : 140 personnes ont été interpellées": the
                # clause after the colon tells what the dated phrase before it names
                ev_date, date_prec = told, "day"
                notes.append("date_from_discourse")
            elif status == "asserted" and (framed := self._framing_event(doc, s, e, tok)) is not None:
                # "At those talks, the two countries agreed to resume patrols": the talks' day
                ev_date, date_prec = framed, "day"
                notes.append("date_from_framing_event")
            elif (disc_date is not None or self._goes_on_flashback()) and DISCOURSE_DATE_DEFAULT and status == "asserted" and \
                    (_predicate_of_clause(tok) or _anaphoric_noun(tok)) and (not _present(tok) or self.disc_present):
                # an undated past event continues the story at the date the discourse last set (a
                # pluperfect one, the flashback's; a present one in a story told in the present:
                # "Le 5 mai, le ministre rencontre son homologue. Les deux ministres conviennent...")
                # (a pluperfect with no flashback told yet goes back to the earlier event a relational anchor
                # dated: "intervient une semaine après la frappe ... Riyad avait alors reproché"; right after a dated
                # flashback, also before the story has a day of its own)
                back = self.flash_date or (self._told_relational[0] if self._told_relational and
                                           self._told_relational[0] < disc_date else None)
                ev_date, date_prec = (back if back and (_pluperfect(tok) or self._goes_on_flashback()) else disc_date), "day"
                if not _pluperfect(tok) and not _present(tok) and (retold := self.retelling_day(s, _clause_verb(tok))) is not None:
                    ev_date = retold  # "opened fire on Wednesday. The patrol withdrew": the day retold
                if self.disc_period is not None and self._period_line == self._line and not _pluperfect(tok):
                    ev_date, date_prec = self.disc_period
                elif not _pluperfect(tok) and ev_date == disc_date and (high := self.returned_day()) is not None:
                    ev_date = high  # a later paragraph after a background one: the news day
                notes.append("date_from_discourse")
            elif status == "future" and self.told_future is not None and _anaphoric_noun(tok):
                # "se retrouver le 12 février à Lima. Le Pérou, qui accueillera la rencontre": the
                # announced event the story has dated
                ev_date, date_prec = self.told_future, "day"
                notes.append("date_from_announced_event")
            elif status == "future" and (ahead := self._future_day_before(s, tok)) is not None:
                # "is due to meet in Damascus on 2 March, and officials say they will ask Syria to...":
                # the day to come the sentence has just given
                ev_date, date_prec = ahead, "day"
                notes.append("date_from_announced_event")
            elif disc_date is not None and status == "future" and any(
                    a.pos_ in ("VERB", "AUX") for a in _clause_verb(tok).ancestors):
                # an undated act announced or decided in the story ("les deux dirigeants ont décidé
                # d'organiser des patrouilles", "said it would drop the levy"): the announcement's date
                ev_date, date_prec = disc_date, "day"
                notes.append("date_from_announcement")
            elif status == "asserted" and disc_date is None and not _LIVE_ENTRY.match(body, self._line) and \
                    (later := self._retold_day(doc, s, e, tok, None)):
                ev_date, date_prec = later, "day"  # an undated act of the lead the body dates
                notes.append("date_from_retold_act")
            elif self.reference is not None:
                ev_date, date_prec = self.reference, "day"
                notes.append("date_from_publication" if not self.reference_inferred else "date_from_inferred_reference")
            else:
                ev_date, date_prec = None, None
                notes.append("no_date")
        return ev_date, date_prec, date_text, explicit
