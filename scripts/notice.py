"""Write NOTICE: the third-party texts shipped in this repository, with the licence and the
credit line each one's licence asks for (read from the corpora's ``*.meta.json`` files).

    python3 scripts/notice.py          # rewrite NOTICE
    python3 scripts/notice.py --check  # exit 1 if NOTICE is out of date (the tests run this)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (
    "tests/corpus_news",
    "tests/corpus_coverage",
    "tests/corpus_quotes",
    "tests/corpus_proposals",
    "tests/corpus_joins",
)
HEADER = """\
accord
Copyright the accord developers. Licensed under the Apache License, Version 2.0.

This repository also contains material by others, under their own licences:

- src/accord/data/plover.json is derived from the PLOVER manual and ontology (Open Event Data
  Alliance, https://github.com/openeventdata/PLOVER), CC BY-SA 4.0; it is distributed under the
  same licence.
- The web UI's world outline (src/accord/serve/static/world.json) is derived from Natural
  Earth (public domain).
- src/accord/data/cameo_patterns.json is accord's own selection of verb patterns, written in
  accord's format from the event classes of the CAMEO codebook (Philip A. Schrodt, CAMEO:
  Conflict and Mediation Event Observations, Event and Actor Codebook, version 1.1b3, 2012);
  the PETRARCH-2 verb dictionary (Open Event Data Alliance,
  https://github.com/openeventdata/petrarch2, data/dictionaries/CAMEO.2.0.txt, MIT licence) was
  read as a reference for which verbs and objects express which code. No entry is copied from it.

News texts used as development and test data, each with the credit its licence requires
(texts written for the project, marked so in their .meta.json, are not listed):
"""


def third_party_texts(root: Path = ROOT) -> list[tuple[str, dict]]:
    found = []
    for corpus in CORPORA:
        for meta_path in sorted((root / corpus).glob("**/*.meta.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if is_team_written(meta):
                continue
            found.append((str(meta_path.relative_to(root)).removesuffix(".meta.json"), meta))
    return found


def is_team_written(meta: dict) -> bool:
    """Written for the project (its licence is the project's, or its note says so)."""
    licence, note = (meta.get("licence") or "").lower(), (meta.get("note") or "").lower()
    return "team-written" in note or "team-written" in licence or "accord project" in licence


def notice_text(root: Path = ROOT) -> str:
    lines = [HEADER]
    for name, meta in third_party_texts(root):
        missing = [key for key in ("licence", "credit", "url") if not meta.get(key)]
        if missing:
            raise SystemExit(f"{name}.meta.json lacks {', '.join(missing)}")
        lines.append(f"- {name}.txt: {meta['credit']}. Licence: {meta['licence']}. {meta['url']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = notice_text()
    path = ROOT / "NOTICE"
    if "--check" in argv:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print("NOTICE is out of date: run python3 scripts/notice.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
