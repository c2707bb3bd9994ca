"""Build the held-out plain-text cleaning set from `source.txt`.

`source.txt` holds hand-written documents, each opened by `@@@ <doc> <lang> [YYYY-MM-DD]`;
every following line is one segment of the raw dump:

    = text   title (dump line, first line of the gold body)
    + text   body paragraph
    - text   boilerplate (dump only)
    ~ text   body paragraph glued to the previous dump line with a lost newline " n"
    -x text  boilerplate glued to the previous dump line with " n"

A `|` right after the marker (`+|`, `-|`) joins the line to the previous one with a single
newline instead of a blank line.  A date opens the dump as ` date YYYY-MM-DD ` glued to the
first segment.  Output: dumps/<doc>.txt, bodies/<doc>.txt, articles.jsonl.

    python tests/data/clean_set/build.py [tests/data/clean_dev]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def build(folder: Path) -> int:
    docs: list[tuple[str, str, str | None, list[str]]] = []
    for line in (folder / "source.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("@@@"):
            parts = line.split()
            docs.append((parts[1], parts[2], parts[3] if len(parts) > 3 else None, []))
        elif line.strip() and not line.startswith("#"):
            docs[-1][3].append(line)
    (folder / "dumps").mkdir(exist_ok=True)
    (folder / "bodies").mkdir(exist_ok=True)
    rows = []
    for doc, lang, published, segs in docs:
        dump: list[str] = []  # dump lines, each with its separator before it
        gold: list[str] = []
        title = None
        for seg in segs:
            mark, _, text = seg.partition(" ")
            tight = mark.endswith("|")
            mark = mark.rstrip("|")
            text = text.strip()
            if mark in ("~", "-x"):
                dump[-1] += " n" + text
            else:
                dump.append(("\n" if tight else "\n\n") + text if dump else text)
            if mark == "=":
                title = text
            if mark in ("=", "+", "~"):
                gold.append(text)
        raw = "".join(dump) + "\n"
        if published:
            raw = f" date {published} " + raw
        (folder / "dumps" / f"{doc}.txt").write_text(raw, encoding="utf-8")
        (folder / "bodies" / f"{doc}.txt").write_text("\n\n".join(gold) + "\n", encoding="utf-8")
        rows.append({"doc": doc, "title": title, "published": published, "language": lang,
                     "paragraphs": len(gold) - (1 if title else 0)})
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    print(build(target), "documents")
