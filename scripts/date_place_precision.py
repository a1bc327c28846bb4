"""Dates and places of the events accord finds: right, wrong or none, tune and check side by side.

    .venv/bin/python scripts/date_place_precision.py [--misses]

``accord eval`` scores a date or place as one figure (right over labelled), which mixes three
things: the event was not found (or found with another type), it was found without a date or
place, or it was found with a wrong one. A wrong date or place is worse than none (a record
that says the wrong day misleads; one that says nothing does not), so this script counts them
apart, on the news articles (events paired as ``accord eval`` pairs them,
``evaluate.paired_events``: one record to one expected event of its sentence and type) and on
the event notes (paired as ``accord eval`` pairs them). ``--misses`` lists the tune fold's
wrong and missing dates and places; the check folds give totals only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from accord.evaluate import _event_field, extract_corpus, paired_events
from accord.evaluate_notes import _paired, load_notes, note_article, place_right
from accord.models import Event
from accord.pipeline import extract_many

ROOT = Path(__file__).resolve().parent.parent
FOLDS = ("tune", "check")
OUTCOMES = ("right", "wrong", "none", "unmatched")
Miss = tuple[str, str, str, object, object, str]  # record, field, outcome, expected, got, text


def outcome(ok: bool, got: object) -> str:
    return "right" if ok else ("none" if got is None else "wrong")


def news_outcomes(fold: str) -> Iterator[tuple[str, str, Miss | None]]:
    """(field, outcome, the miss if any) for each labelled date and place of a news fold."""
    readings, extractions = extract_corpus([ROOT / "tests" / "corpus_news" / fold])
    for reading, extraction in zip(readings, extractions, strict=True):
        expected_events = reading.get("events", [])
        pairs = zip(expected_events, paired_events(expected_events, extraction.events), strict=True)
        for expected, event in pairs:
            for name in ("date", "place"):
                if name not in expected:
                    continue
                if event is None:
                    yield name, "unmatched", None
                    continue
                ok, got = _event_field(name, expected, event)
                found = outcome(ok, got)
                record = f"{reading.get('article')} {expected['id']}"
                miss = (record, name, found, expected[name], got, expected["sentence"][:140])
                yield name, found, None if ok else miss


def _note_place(expected: dict, event: Event) -> tuple[bool, object]:
    got = event.place and (event.place.name, event.place.country, event.place.precision)
    return place_right(expected, event), got


def _note_date(expected: dict, event: Event) -> tuple[bool, object]:
    got = event.date.start if event.date else None
    return got == expected["date"], got


def notes_outcomes(fold: str) -> Iterator[tuple[str, str, Miss | None]]:
    """(field, outcome, the miss if any) for each labelled place and date of a notes fold."""
    notes = list(load_notes(ROOT / "tests" / "event_notes" / f"{fold}.jsonl"))
    extractions = extract_many(note_article(note) for note in notes)
    for note, extraction in zip(notes, extractions, strict=True):
        taken: set[str] = set()
        for expected in note.events:
            event = _paired(expected, [e for e in extraction.events if e.id not in taken])
            if event is not None:
                taken.add(event.id)
            for name, read in (("place", _note_place), ("date", _note_date)):
                if not expected.get(name):
                    continue
                if event is None:
                    yield name, "unmatched", None
                    continue
                ok, got = read(expected, event)
                miss = (note.id, name, outcome(ok, got), expected[name], got, note.text[:140])
                yield name, outcome(ok, got), None if ok else miss


def tally(outcomes: Iterator[tuple[str, str, Miss | None]]) -> tuple[Counter, list[Miss]]:
    counts: Counter = Counter()
    misses = []
    for name, found, miss in outcomes:
        counts[name, found] += 1
        if miss is not None:
            misses.append(miss)
    return counts, misses


def shown(counts: Counter, name: str) -> str:
    return " / ".join(str(counts[name, found]) for found in OUTCOMES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tune fold's misses")
    args = parser.parse_args()
    print(f"{'measure (right / wrong / none / not matched)':52} {'tune':24} check (totals only)")
    tune_misses: list[Miss] = []
    for label, read in (("news", news_outcomes), ("notes", notes_outcomes)):
        tune, misses = tally(read("tune"))
        check, _ = tally(read("check"))  # totals only: its misses are never shown
        tune_misses += misses
        for name in ("date", "place"):
            print(f"{label + ': ' + name:52} {shown(tune, name):24} {shown(check, name)}")
    if args.misses:
        for miss in tune_misses:
            print(" | ".join(map(str, miss)))


if __name__ == "__main__":
    main()
