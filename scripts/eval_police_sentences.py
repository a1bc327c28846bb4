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


def is_right(expected: str, text: str) -> bool:
    events = extract_article(make_article(text, published=PUBLISHED)).events
    done = [event for event in events if event.modality not in NOT_DONE]
    return not done if expected == "-" else any(event.type == expected for event in done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list the sentences read wrong")
    parser.add_argument("--by-type", action="store_true", help="also total by expected type")
    args = parser.parse_args()
    right, total = Counter(), Counter()
    type_right, type_total = Counter(), Counter()
    for category, expected, text in read_rows(args.files):
        good = is_right(expected, text)
        total[category] += 1
        right[category] += good
        type_total[expected] += 1
        type_right[expected] += good
        if args.misses and not good:
            print(f"MISS {category}|{expected}|{text}")
    for category in total:
        print(f"{category:12s} {right[category]}/{total[category]}")
    if args.by_type:
        for expected in sorted(type_total):
            print(f"type {expected:7s} {type_right[expected]}/{type_total[expected]}")
    print(f"{'all':12s} {sum(right.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main()
