"""Labelled release mentions of the coverage tune fold that no event reads.

    .venv/bin/python scripts/release_mentions.py [--fold tests/corpus_coverage/tune]

Each RETREAT or CONCEDE member of a cluster whose name tells a release, an exchange, a pardon or
clemency (``RELEASE_NAMES``) is read as a release when an event of a release type has the member's
phrase in one of its evidence sentences; the types read there are listed beside it (a member
read only as another type, "imprisoned" read COERCE, is a miss). The
articles of those clusters are ingested alone, into a throwaway store. Used to count the shapes
releases are told in (round rls36); it refuses a check fold, which is read as totals only.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

import accord

RELEASE_NAMES = re.compile(r"releas|free|swap|exchang|clemency|pardon", re.IGNORECASE)
RELEASE_TYPES = ("RETREAT", "CONCEDE")
PHRASE_CHARS = 40  # a member's phrase is matched on its first characters


def release_members(fold: Path) -> list[tuple[str, str, str, str]]:
    """(cluster name, article, phrase, type) of each labelled release member of the fold."""
    gold = json.loads((fold / "expected_clusters.json").read_text(encoding="utf-8"))
    return [
        (cluster["name"], article, phrase, kind)
        for cluster in gold["clusters"]
        if RELEASE_NAMES.search(cluster["name"])
        for article, phrase, kind in cluster["members"]
        if kind in RELEASE_TYPES
    ]


def types_reading(phrase: str, events: list[accord.Event]) -> list[str]:
    """The types of the events one of whose evidence sentences holds the phrase."""
    start = phrase[:PHRASE_CHARS]
    return [
        event.type
        for event in events
        if any(start in evidence.sentence for evidence in event.all_evidence())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fold", default="tests/corpus_coverage/tune", type=Path)
    fold = parser.parse_args().fold
    if fold.name == "check":
        parser.error("a check fold is read as totals only")
    members = release_members(fold)
    articles = sorted({article for _, article, _, _ in members})
    with tempfile.TemporaryDirectory() as folder, accord.open(Path(folder) / "a.db") as db:
        db.ingest([str(fold / article) for article in articles])
        events = list(db.events())
    missed = 0
    for name, article, phrase, _ in members:
        types = types_reading(phrase, events)
        read = any(kind in RELEASE_TYPES for kind in types)
        missed += not read
        print(f"{'read' if read else 'MISS'}  {article} | {phrase} | {types} | {name[:60]}")
    print(f"{len(members) - missed} of {len(members)} labelled release members read as one")


if __name__ == "__main__":
    main()
