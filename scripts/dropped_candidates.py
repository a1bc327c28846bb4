"""Missed events whose candidate a rule dropped: how many, by the dropping rule.

    .venv/bin/python scripts/dropped_candidates.py FOLD [FOLD ...] [--sentences]

A FOLD is a folder of ``*.expected.json`` news readings (``tests/corpus_news/tune``), or a
notes file (``tests/event_notes/tune.jsonl``: a note's events are told anywhere in its text). The
pipeline runs with a coder that keeps its drops (``Coder(drops=...)``: each candidate a sentence
or event rule took out, with the type it had and the rule's name). An expected event the
evaluator pairs with no record (``evaluate.paired_events``) counts under each rule that dropped
a candidate of its type in its sentences; "no event" says how many of them had no record of any
type there. A dropped candidate leaves no event, so nothing else tells what took it.
``--sentences`` lists them with their trigger and article; it is refused on a check fold, which
is read as totals only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from accord.evaluate import (
    articles_beside,
    expected_files,
    is_check_fold,
    load_expected,
    paired_events,
    sentences_of,
    told_in,
)
from accord.evaluate_notes import load_notes, note_article
from accord.extract.events.coder import Coder, Drop
from accord.extract.events.lexicon import load_lexicon
from accord.learn.path import default_learned_path
from accord.models import Extraction
from accord.pipeline import extract_many
from accord.resolve.actors import load_dictionary
from accord.resolve.places import load_gazetteer


@dataclass(frozen=True)
class DroppedMiss:
    """An expected event no record reports, and the drops of its type in its sentences."""

    article: str
    type: str
    sentence: str
    drops: tuple[Drop, ...]
    no_event: bool  # its sentences gave no record of any type

    def rules(self) -> list[str]:
        return sorted({drop.rule for drop in self.drops})


def extractions_with_drops(folds: Sequence[str]) -> Iterator[tuple[dict, Extraction, list[Drop]]]:
    """Each reading, its extraction and the drops made while extracting it."""
    drops: list[Drop] = []
    lexicon, dictionary, gazetteer = load_lexicon(), load_dictionary(), load_gazetteer()
    coder = Coder(lexicon, dictionary, gazetteer, model=default_learned_path(), drops=drops)
    news = [fold for fold in folds if not fold.endswith(".jsonl")]
    files = expected_files(news) if news else []
    readings = [load_expected(path) for path in files]
    articles = articles_beside(files, readings)
    for path in (fold for fold in folds if fold.endswith(".jsonl")):
        notes = load_notes(path)
        readings += [note_reading(note.id, note.text, note.events) for note in notes]
        articles += [note_article(note) for note in notes]
    extractions = extract_many(articles, coder=coder)
    for reading, extraction in zip(readings, extractions, strict=True):
        yield reading, extraction, list(drops)  # extract_many codes one article per step
        drops.clear()


def note_reading(note_id: str, text: str, events: Sequence[dict]) -> dict:
    """A note as a reading: its events name no sentence, so each is told anywhere in the note
    (an empty sentence is inside every sentence) and the note's text stands for the sentence.
    Only type and sides are kept: a note's place is written as a gazetteer point, which the
    news pairing does not compare."""
    kept = [{k: e[k] for k in ("type", "sources", "targets") if k in e} for e in events]
    return {"article": note_id, "text": text, "events": [{**e, "sentence": ""} for e in kept]}


def dropped_misses(reading: dict, extraction: Extraction, drops: list[Drop]) -> list[DroppedMiss]:
    """The reading's missed events that a rule dropped a candidate of their type for."""
    expected_events = reading.get("events", [])
    pairs = paired_events(expected_events, extraction.events)
    found = []
    for expected, paired in zip(expected_events, pairs, strict=True):
        if paired is not None:
            continue
        sentences = sentences_of(expected)
        own = tuple(
            drop
            for drop in drops
            if drop.type == expected["type"] and any(s in drop.sentence for s in sentences)
        )
        if own:
            no_event = not any(told_in(expected, event) for event in extraction.events)
            article, wanted = reading.get("article", ""), expected["type"]
            sentence = expected["sentence"] or reading.get("text", "")
            found.append(DroppedMiss(article, wanted, sentence, own, no_event))
    return found


def totals(misses: Sequence[DroppedMiss], missed: int) -> list[str]:
    """Counts by dropping rule, then by type, as lines."""
    by_rule = Counter(rule for miss in misses for rule in miss.rules())
    no_event = Counter(rule for miss in misses if miss.no_event for rule in miss.rules())
    lines = [
        f"missed events with a dropped candidate of their type: {len(misses)} of {missed} missed "
        f"({sum(m.no_event for m in misses)} with no record in their sentences)",
        f"{'rule':<44} {'missed':>6} {'no event':>8}",
    ]
    lines += [f"{rule:<44} {n:>6} {no_event[rule]:>8}" for rule, n in by_rule.most_common()]
    by_type = Counter((miss.type, rule) for miss in misses for rule in miss.rules())
    lines.append(
        "by type: " + ", ".join(f"{t} {rule} {n}" for (t, rule), n in by_type.most_common())
    )
    return lines


def sentence_lines(misses: Sequence[DroppedMiss]) -> list[str]:
    """Each miss with its dropped triggers and rules, grouped by rule."""
    lines = []
    for miss in sorted(misses, key=lambda m: (m.rules(), m.type, m.article)):
        dropped = ", ".join(sorted({f"{d.trigger!r} by {d.rule}" for d in miss.drops}))
        none = " (no event)" if miss.no_event else ""
        lines.append(f"{miss.type}{none} | {dropped} | {miss.article}\n    {miss.sentence[:300]}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folds", nargs="+")
    parser.add_argument("--sentences", action="store_true", help="list them (tune folds only)")
    args = parser.parse_args(argv)
    if args.sentences and any(map(is_check_fold, args.folds)):
        raise SystemExit("check folds are read as totals only: no --sentences")
    misses: list[DroppedMiss] = []
    missed = 0
    for reading, extraction, drops in extractions_with_drops(args.folds):
        expected_events = reading.get("events", [])
        missed += sum(p is None for p in paired_events(expected_events, extraction.events))
        misses += dropped_misses(reading, extraction, drops)
    print("\n".join(totals(misses, missed)))
    if args.sentences:
        print("\n".join(sentence_lines(misses)))


if __name__ == "__main__":
    main()
