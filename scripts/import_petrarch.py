"""Import PETRARCH2's CAMEO verb dictionary (MIT) as English PLOVER patterns.

    python scripts/import_petrarch.py CAMEO.2.0.txt [--out pipeline/data/patterns/en.petrarch.yaml]

Source: github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT
licence, copied beside the output as PETRARCH2_LICENSE.txt). Each verb of a synonym block takes
its own CAMEO code, else the block's; statements (01x) and uncoded blocks are skipped; codes map to
PLOVER types with the PLOVER codebook's CAMEO crosswalk (root codes, with the sub-codes PLOVER
files elsewhere: 057 sign agreement -> AGREE, 055/056 apologise/forgive -> CONCEDE, 087x
de-escalate -> RETREAT). Multi-word verbs ("ASK_FOR") become [head, particle] patterns.

Every imported entry carries ``need_recipient``: a dictionary verb is kept only when the parse
gives it a patient, which keeps the broad CAMEO synonym sets from coding every "press" or "back".
The hand-written ``en.yaml`` wins over any imported entry (lexicon.load_lexicon).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT_TO_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
SUBCODE = {"057": ("AGREE", "treaty"), "055": ("CONCEDE", "apologize"), "056": ("CONCEDE", None),
           "087": ("RETREAT", None), "041": ("CONSULT", "phone"), "042": ("CONSULT", "visit"),
           "043": ("CONSULT", "host"), "046": ("CONSULT", "meet"), "064": ("COOPERATE", "intelligence"),
           "063": ("COOPERATE", "judicial"), "09": ("ACCUSE", "investigate"), "173": ("COERCE", "arrest"),
           "174": ("COERCE", "deport"), "181": ("ASSAULT", "abduct"), "183": ("ASSAULT", "explosives"),
           "195": ("ASSAULT", "aerial"), "084": ("CONCEDE", "release")}
# Frequent verbs whose CAMEO sense is a minor one ("according to" lemmatises to "accord", "held
# talks" is not COERCE, "called it baseless" is not ACCUSE); the hand-written en.yaml codes the
# senses that matter through argument rules or multi-word patterns.
EXCLUDE = set("""accord affect bring call carry come expand get give go hand head hold keep lead leave look
make mediate move open pay put raise run say see set show stand summon take tell turn use work face join
play push pull press claim consider find hope know like need plan seek try want wish feel think believe
reach offer fine drive draw drop fall let pass place point post return serve share start stop treat visit
express describe mention note hear watch cover deal end exercise extend follow form gain grow handle
host include involve issue mark name order range remain report represent rule speak talk tie view""".split())
# Synonym-block members whose usual news sense is no event of the block's type: mental states and
# feelings ("ponder", "sadden"), generic change or quantity ("increase", "boost", "improve"), study
# and search ("examine", "study"), delay ("postpone": a stopping verb, not an accusation), being or
# winning ("reside", "best", "master"), and vague moves ("engage", "introduce", "organize"). With a
# recipient they would still code "introduced sanctions against X" as CONSULT or "engaged with X"
# as ASSAULT.
NEUTRAL = set("""acquaint aim analyse agonise agonize annoy apply argue arouse ascertain assemble associate
audit augment aver avow bargain barter best bide bind blaspheme blend boost bother brave buy campaign
certify chain check circle clear cluster coalesce comb combine command compensate compete compound
concert confess confide conflate conflict conform congregate conglomerate conjoin connect constellate
constitute contain contemplate contend contrast control converge correlate corrupt counter
counterbalance countermine crusade cry debase decide decree deepen defer defile degrade delay depart
desire despair detach determine dictate die differ dig direct disappoint disarray disconcert
disconnect discomfit discourage disentangle dishearten dismay disorder disquiet disturb divulge
dominate egress elicit embark empower enable endeavor endeavour engage enhance enkindle enlarge
enliven ensure establish examine excogitate exaggerate expect expediate explore expose exuberate fill
flock forestall found fuse galvanize garner gather gear govern grieve groom guard haggle slap conduct hamper harmonise
harmonize heighten hint hinder humble impact impair import improve increase influence infest inhabit
inhibit innovate insert inspect institute integrate intend intensify intermediate introduce
invigorate irk irritate lament learn legislate link magnify manage mar master match mean meditate
merge mine mitigate moderate monitor mourn mull muse necessitate obstruct orchestrate organise
organize outfit overcome override overrule overshadow overtake parade persuade pluck ponder postpone
prefer prepare prescribe procrastinate profess purchase rake ready reason reassert reconsider
redouble reexamine regulate relate remit render research reside resign resurrect resuscitate retard
retire reveal revive revolutionise revolutionize ring rouse ruminate sadden satify scan search
segregate shelve signal simplify skim speculate spoil spur stabilise stabilize stall steer stock
strive struggle study stymie subvert supervise supervize surmount swear sweep synchronise synchronize
table task tease tempt tend tender tarnish trade train triumph undo unearth unify unionise unionize
unite unveil upset usurp value verify vex vitiate wail ward weep weigh whine wrangle""".split())
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]{2,4})?\]")
WORD = re.compile(r"^[A-Z][A-Z_]*$")


def plover(code: str) -> tuple[str, str | None] | None:
    for k in (code[:3], code[:2]):
        if k in SUBCODE:
            return SUBCODE[k]
    t = ROOT_TO_PLOVER.get(code[:2])
    return (t, None) if t else None


def parse(text: str) -> list[dict]:
    out: dict[tuple, dict] = {}
    block_code = None
    in_verbs = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        h = HEADER.match(line)
        if h:
            in_verbs = True
            block_code = h.group(2) if re.fullmatch(r"[0-9]{2,4}", h.group(2)) else None
            continue
        if not in_verbs or not line.strip() or line[0] in "-&~<" or line[0].isspace():
            continue
        word = line.split()[0].lstrip("+")
        if not WORD.match(word):
            continue
        m = CODE.search(line)
        code = m.group(1) if m else block_code
        if not code or code.startswith("01") or code.startswith("00"):
            continue
        pm = plover(code)
        if pm is None:
            continue
        parts = word.lower().split("_")
        if parts[0] in EXCLUDE or parts[0] in NEUTRAL:
            continue
        if len(parts) > 2 or not all(parts):
            continue
        entry = {"lemma": parts[0] if len(parts) == 1 else parts, "pos": "verb" if len(parts) == 1 else "multi",
                 "type": pm[0]}
        if pm[1]:
            entry["mode"] = pm[1]
        entry["cameo"] = code
        entry["need_recipient"] = True
        out.setdefault((entry["pos"], word.lower()), entry)
    return sorted(out.values(), key=lambda e: (e["type"], str(e["lemma"])))


def dump(entries: list[dict]) -> str:
    lines = ["# English PLOVER patterns imported by scripts/import_petrarch.py from PETRARCH2's",
             "# CAMEO.2.0.txt (MIT licence: PETRARCH2_LICENSE.txt). Regenerate, do not edit by hand;",
             "# en.yaml (hand-written) wins over any entry here.",
             "language: en", "source: petrarch2 CAMEO.2.0", "patterns:"]
    for e in entries:
        lines.append("  - {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in e.items()) + "}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dictionary", type=Path)
    ap.add_argument("--out", type=Path, default=Path("pipeline/data/patterns/en.petrarch.yaml"))
    a = ap.parse_args(argv)
    entries = parse(a.dictionary.read_text(encoding="utf-8", errors="replace"))
    a.out.write_text(dump(entries), encoding="utf-8")
    print(f"{len(entries)} patterns -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
