"""How many of the team's police-report sentences the coder reads right, per category.

    .venv/bin/python scripts/eval_police_sentences.py tests/police_sentences/*.txt [--misses]
    .venv/bin/python scripts/eval_police_sentences.py tests/diplomacy_sentences/*.txt --by-type

A sentence is right when the expected PLOVER type is found with a positive modality (not
negated or denied), or, for an expected ``-``, when no event is found at all.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from accord.ingest import make_article
from accord.pipeline import extract_article

PUBLISHED = "2024-05-20"
NOT_DONE = {"negated", "denied"}


def read_rows(paths: list[Path]) -> list[tuple[str, str, str]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                category, expected, text = line.split("|", 2)
                rows.append((category, expected, text))
    return rows


def types_done(text: str) -> set[str]:
    """The PLOVER types the coder finds in one sentence as done or to be done (not denied)."""
    events = extract_article(make_article(text, published=PUBLISHED)).events
    return {event.type for event in events if event.modality not in NOT_DONE}


def is_right(expected: str, found: set[str]) -> bool:
    return not found if expected == "-" else expected in found


def print_found_and_precision(rows: list[tuple[str, set[str]]]) -> None:
    """Per type, as issue #10's held-out figures are given: how many sentences that expect the
    type find it, and of the sentences where the coder finds it, how many expected it."""
    for kind in sorted({expected for expected, _ in rows} - {"-"}):
        expected_it = sum(expected == kind for expected, _ in rows)
        found_right = sum(expected == kind and kind in found for expected, found in rows)
        found_any = sum(kind in found for _, found in rows)
        print(f"found {kind:8s} {found_right}/{expected_it}, precision {found_right}/{found_any}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list the sentences read wrong")
    parser.add_argument("--by-type", action="store_true", help="also total by expected type")
    parser.add_argument(
        "--precision", action="store_true", help="also found and precision per expected type"
    )
    args = parser.parse_args()
    right, total = Counter(), Counter()
    type_right, type_total = Counter(), Counter()
    seen: list[tuple[str, set[str]]] = []
    for category, expected, text in read_rows(args.files):
        found = types_done(text)
        seen.append((expected, found))
        good = is_right(expected, found)
        total[category] += 1
        right[category] += good
        type_total[expected] += 1
        type_right[expected] += good
        if args.misses and not good:
            print(f"MISS {category}|{expected}|{text} -> {','.join(sorted(found)) or '-'}")
    for category in total:
        print(f"{category:12s} {right[category]}/{total[category]}")
    if args.by_type:
        for expected in sorted(type_total):
            print(f"type {expected:7s} {type_right[expected]}/{type_total[expected]}")
    if args.precision:
        print_found_and_precision(seen)
    print(f"{'all':12s} {sum(right.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main()
