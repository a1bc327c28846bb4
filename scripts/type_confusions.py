"""Type confusions of one labelled set: expected events that no record of their type reports,
by the types the pipeline made from their sentences instead.

    .venv/bin/python scripts/type_confusions.py FOLD [FOLD ...] [--sentences]

A FOLD is a folder of ``*.expected.json`` news readings (``tests/corpus_news/tune``), an event
notes file (``tests/event_notes/tune.jsonl``) or a PLOVER gold file
(``../shared/eval/plover-gsr-dev.jsonl``). The table counts, per expected type, each other type
told in the sentences of a missed event (an event made of two types counts in both columns) and
"none" when its sentences gave no record at all. News pairing is the evaluator's own
(``evaluate.paired_events``); a note or gold sentence is missed when no record has its type.
``--sentences`` lists the confused sentences with the rules that made the records instead; it is
refused on a check fold, which is read as totals only.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.evaluate import extract_corpus, is_check_fold, paired_events, told_in
from accord.evaluate_coverage import maker_rule
from accord.evaluate_notes import is_notes_file, load_notes, note_article
from accord.models import Event
from accord.plover_gold import load_gsr

NONE = "none"
CORNER = "missed \\ made"


@dataclass(frozen=True)
class Confusion:
    """One expected event no record of its type reports, and what its sentences gave."""

    where: str  # article or record id
    wanted: str
    got: tuple[tuple[str, str], ...]  # (type, maker rule) of the records told in its sentences
    sentence: str

    def types(self) -> list[str]:
        return sorted({event_type for event_type, _ in self.got}) or [NONE]


def _made(events: Sequence[Event], wanted: str) -> tuple[tuple[str, str], ...]:
    return tuple((e.type, maker_rule(e)) for e in events if e.type != wanted)


def news_confusions(folder: str) -> Iterator[Confusion]:
    """Missed events of news readings under the evaluator's one-to-one pairing."""
    readings, extractions = extract_corpus([folder])
    for reading, extraction in zip(readings, extractions, strict=True):
        expected_events = reading.get("events", [])
        pairs = zip(expected_events, paired_events(expected_events, extraction.events), strict=True)
        for expected, paired in pairs:
            if paired is None:
                told = [e for e in extraction.events if told_in(expected, e)]
                yield Confusion(
                    reading.get("article", ""),
                    expected["type"],
                    _made(told, expected["type"]),
                    expected["sentence"],
                )


def one_sentence_confusions(path: str) -> Iterator[Confusion]:
    """Missed events of one-sentence records (event notes, PLOVER gold): no record of the type."""
    from accord.ingest import make_article
    from accord.pipeline import extract_many

    if is_notes_file(path):
        notes = load_notes(path)
        items = [(n.id, n.text, [e["type"] for e in n.events]) for n in notes]
        articles = [note_article(note) for note in notes]
    else:
        records = load_gsr(path)
        items = [(r.id, r.text, [r.event]) for r in records]
        articles = [make_article(r.text, source=f"gold:{r.id}") for r in records]
    for (where, text, wanted_types), extraction in zip(items, extract_many(articles), strict=True):
        made = {e.type for e in extraction.events}
        for wanted in wanted_types:
            if wanted not in made:
                yield Confusion(where, wanted, _made(extraction.events, wanted), text)


def confusions_of(path: str) -> list[Confusion]:
    return list(news_confusions(path) if Path(path).is_dir() else one_sentence_confusions(path))


def confusion_table(confusions: Sequence[Confusion]) -> list[str]:
    """Expected type (rows) by type made instead (columns), largest rows first."""
    cells = Counter((c.wanted, got) for c in confusions for got in c.types())
    rows = Counter(c.wanted for c in confusions)
    columns = [*sorted({got for _, got in cells} - {NONE}), NONE]
    lines = [f"{CORNER:<14} {'all':>4} " + " ".join(f"{c[:4]:>4}" for c in columns)]
    for wanted, total in rows.most_common():
        row = " ".join(f"{cells[(wanted, c)] or '.':>4}" for c in columns)
        lines.append(f"{wanted:<14} {total:>4} {row}")
    pairs = Counter({k: v for k, v in cells.items() if k[1] != NONE})
    lines.append("largest: " + ", ".join(f"{a}->{b} {n}" for (a, b), n in pairs.most_common(12)))
    return lines


def sentence_lines(confusions: Sequence[Confusion]) -> list[str]:
    """The confused sentences grouped by (expected, made) type, with the rules that made them."""
    lines = []
    for c in sorted(confusions, key=lambda c: (c.wanted, c.types(), c.where)):
        if c.got:
            made = ", ".join(f"{t} ({rule})" for t, rule in c.got)
            lines.append(f"{c.wanted} -> {made} | {c.where}\n    {c.sentence[:300]}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folds", nargs="+")
    parser.add_argument("--sentences", action="store_true", help="list them (tune folds only)")
    parser.add_argument("--json", help="also write the (expected, made) counts here")
    args = parser.parse_args(argv)
    if args.sentences and any(map(is_check_fold, args.folds)):
        raise SystemExit("check folds are read as totals only: no --sentences")
    everything: list[Confusion] = []
    for fold in args.folds:
        confusions = confusions_of(fold)
        everything += confusions
        print(f"== {fold}: {len(confusions)} expected events with no record of their type")
        print("\n".join(confusion_table(confusions)))
        if args.sentences:
            print("\n".join(sentence_lines(confusions)))
        print()
    if args.json:
        counts = Counter(f"{c.wanted}->{got}" for c in everything for got in c.types())
        Path(args.json).write_text(json.dumps(dict(counts.most_common()), indent=1) + "\n")


if __name__ == "__main__":
    main()
