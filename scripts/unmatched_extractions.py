"""List a tune fold's extracted events that match no expected event, by the evaluator's reason.

Strict precision counts each such record as an error; ``accord eval --misses`` lists them one
line each without their article, actors or the found event a duplicate restates. This prints,
per reason, each record with its article, type, trigger, sources, targets, date, place, maker
rule and sentence, and for a duplicate the expected event it restates, so the records can be
grouped by cause. On a check fold (or with ``--totals``) it prints the counts only.

    .venv/bin/python scripts/unmatched_extractions.py tests/corpus_news/tune [--reason duplicate]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from accord.evaluate import extract_corpus, is_check_fold, paired_events, reports
from accord.evaluate_coverage import extra_reason, maker_rule
from accord.models import ActorRef, Event


def side(refs: tuple[ActorRef, ...]) -> str:
    """An event side as its actors' names and codes."""
    return "; ".join(f"{r.name} [{r.country or '-'}:{r.sector or '-'}]" for r in refs) or "-"


def describe(event: Event) -> str:
    """One record on a few lines: what, who, when, where, which rule, which sentence."""
    when = event.date.shown() if event.date else "-"
    where = event.place.name if event.place else "-"
    lines = [
        f"{event.type}/{event.mode or '-'} {event.modality} trigger={event.trigger!r} "
        f"rule={maker_rule(event)}",
        f"    src: {side(event.sources)} | tgt: {side(event.targets)} | date: {when} "
        f"| place: {where}",
    ]
    lines += [f"    > {e.sentence[:300]}" for e in event.all_evidence()]
    return "\n".join(lines)


def unmatched(readings: list[dict], extractions: list) -> dict[str, list[str]]:
    """Every unmatched record's description, grouped by the evaluator's reason."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for reading, extraction in zip(readings, extractions, strict=True):
        expected = reading.get("events", [])
        pairs = paired_events(expected, extraction.events)
        used = {event.id for event in pairs if event is not None}
        found = [e for e, event in zip(expected, pairs, strict=True) if event is not None]
        missed = [e for e, event in zip(expected, pairs, strict=True) if event is None]
        for event in extraction.events:
            if event.id in used:
                continue
            reason = extra_reason(event, found, missed)
            text = f"[{reading.get('article', '?')}] {describe(event)}"
            restated = [e for e in found if reports(e, event)]
            text += "".join(f"\n    restates: {e['type']} {e['sentence'][:160]}" for e in restated)
            by_reason[reason].append(text)
    return by_reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--reason", help="only this reason (duplicate, misread, beside, ...)")
    parser.add_argument("--totals", action="store_true", help="counts only (a check fold)")
    args = parser.parse_args()
    on_check = any(map(is_check_fold, args.paths))
    readings, extractions = extract_corpus(args.paths)
    for reason, records in unmatched(readings, extractions).items():
        if args.reason and reason != args.reason:
            continue
        print(f"== {reason}: {len(records)}")
        if not (args.totals or on_check):  # a check fold is read as totals only
            print("\n".join(records))


if __name__ == "__main__":
    main()
