"""Choose the learned path's threshold on the TUNE fold (news articles and event notes): for each
candidate threshold, event recall and strict precision on the news tune fold and any-event /
right-type on the notes tune fold, the rules alone first. Articles are parsed once.

    .venv/bin/python scripts/tune_learned_path.py [--thresholds 0.5 0.6 0.7 0.8] [--per-clause]
        [--by-type] [--type-threshold THREATEN=0.6 ...]
    .venv/bin/python scripts/tune_learned_path.py --review 0.7 0.8 0.9 [--weak-lemmas end meet ...]
        [--weak-rules noun-trigger] [--changes]

``--per-clause`` lets the model read the main clauses no rule candidate sits in also in
sentences with rule events; ``--by-type`` prints, per threshold, the model's own events by type
as right (a record of an expected event of that type) or wrong, with their probabilities, the
figures per-type thresholds are chosen from; ``--type-threshold`` sets such a threshold for
every setting. The chosen values go in src/accord/data/models/learned_path.json with these figures.

``--review`` keeps the shipped settings of the proposing path and sweeps the threshold at which
the model overrules weak rule readings (``weak_readings`` in the settings; ``--weak-lemmas`` and
``--weak-rules`` try other lists); ``--changes`` prints, per setting, each news tune record the
review changed, as a right record lost or won and a wrong record dropped or made (tune only).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from accord import evaluate, evaluate_coverage, evaluate_notes
from accord.extract.events.coder import Coder
from accord.extract.events.lexicon import load_lexicon
from accord.learn.model import EventTypeModel
from accord.learn.path import LearnedPath, WeakReadings, default_learned_path
from accord.nlp import parse_many
from accord.pipeline import process
from accord.resolve.actors import load_dictionary
from accord.resolve.places import load_gazetteer

NEWS = Path("tests/corpus_news/tune")
NOTES = Path("tests/event_notes/tune.jsonl")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8])
    parser.add_argument("--model", type=Path, help="a model folder (default: the shipped one)")
    parser.add_argument("--per-clause", action="store_true", help="read clauses, not sentences")
    parser.add_argument("--by-type", action="store_true", help="the model's events by type")
    parser.add_argument(
        "--type-threshold", nargs="*", default=[], metavar="TYPE=P", help="per-type thresholds"
    )
    parser.add_argument("--review", type=float, nargs="+", help="review thresholds to sweep")
    parser.add_argument("--weak-lemmas", nargs="*", help="weak trigger lemmas (default: shipped)")
    parser.add_argument("--weak-rules", nargs="*", help="weak finding rules (default: shipped)")
    parser.add_argument("--changes", action="store_true", help="news tune records the review moved")
    args = parser.parse_args()
    files = evaluate.expected_files([NEWS])
    readings = [evaluate.load_expected(path) for path in files]
    news_docs = list(parse_many(evaluate.articles_beside(files, readings)))
    notes = evaluate_notes.load_notes(NOTES)
    notes_docs = list(parse_many(evaluate_notes.note_article(note) for note in notes))
    model = EventTypeModel.load(args.model) if args.model else EventTypeModel.default()
    base = (load_lexicon(), load_dictionary(), load_gazetteer())
    settings: list[tuple[str, LearnedPath | None]] = [("rules only", None)]
    by_type = {k: float(v) for k, v in (item.split("=", 1) for item in args.type_threshold)}
    if args.review:
        settings = review_settings(model, args)
    else:
        settings += [
            (
                f"model >= {t}",
                LearnedPath(model, threshold=t, thresholds=by_type, per_clause=args.per_clause),
            )
            for t in args.thresholds
        ]
    baseline: list[set[tuple]] | None = None
    print(
        f"{'setting':<14} {'recall':>7} {'strict P':>9} {'found':>6} {'extracted':>9} "
        f"{'any event':>10} {'type':>6} {'notes extra':>12}"
    )
    for label, path in settings:
        coder = Coder(*base, model=path)
        extractions = [process(document, coder) for document in news_docs]
        coverage = evaluate_coverage.corpus_coverage(readings, extractions)
        marked = [marked_records(r, x) for r, x in zip(readings, extractions, strict=True)]
        if args.changes and baseline is not None:
            print_changes(baseline, marked)
        baseline = baseline if baseline is not None else marked
        report = evaluate_notes.NotesReport()
        tally: dict[str, list[str]] = defaultdict(list)
        for reading, extraction in zip(readings, extractions, strict=True):
            expected = reading.get("events", [])
            for event in model_events(extraction):
                right = any(evaluate_coverage.reports(e, event) for e in expected)
                tally[event.type].append(f"{'+' if right else '-'}{event.evidence.confidence:.2f}")
        for note, document in zip(notes, notes_docs, strict=True):
            extraction = process(document, coder)
            evaluate_notes.score_note(report, note, extraction)
            for event in model_events(extraction):
                right = any(e["type"] == event.type for e in note.events)
                tally[event.type].append(f"{'+' if right else '-'}n{event.evidence.confidence:.2f}")
        print(
            f"{label:<14} {coverage.recall:>7.3f} {coverage.precision:>9.3f} {coverage.found:>6} "
            f"{coverage.extracted:>9} {report.any_event.value():>10.3f} {report.type.value():>6.3f}"
            f" {report.extra:>12}"
        )
        if args.by_type and path is not None:
            for kind, marks in sorted(tally.items()):
                print(f"    {kind:<10} {' '.join(sorted(marks))}")
    return 0


def review_settings(model: EventTypeModel, args) -> list[tuple[str, LearnedPath | None]]:
    """The shipped path without review, then with review at each threshold of ``--review``."""
    shipped = default_learned_path()
    assert shipped is not None, "the learned path is turned off in its settings"
    weak = shipped.weak
    lemmas = frozenset(args.weak_lemmas) if args.weak_lemmas is not None else weak.lemmas
    rules = frozenset(args.weak_rules) if args.weak_rules is not None else weak.rules

    def path(threshold: float) -> LearnedPath:
        return LearnedPath(
            model,
            threshold=shipped.threshold,
            thresholds=shipped.thresholds,
            per_clause=shipped.per_clause,
            weak=WeakReadings(lemmas, rules, threshold),
        )

    return [("no review", path(1.01)), *((f"review >= {t}", path(t)) for t in args.review)]


def marked_records(reading: dict, extraction) -> set[tuple]:
    """Each record of an article as (right?, type, trigger, sentence), right when it is the
    record matched to an expected event (``evaluate_coverage.one_to_one``)."""
    pairs = evaluate_coverage.one_to_one(reading.get("events", []), extraction.events)
    used = {event.id for _, event in pairs if event is not None}
    return {(e.id in used, e.type, e.trigger, e.evidence.sentence[:90]) for e in extraction.events}


def print_changes(baseline: list[set[tuple]], marked: list[set[tuple]]) -> None:
    """The records a setting lost and made against the first setting (news tune only)."""
    for before, after in zip(baseline, marked, strict=True):
        for right, kind, trigger, sentence in sorted(before - after):
            print(f"    lost {'RIGHT' if right else 'wrong'} {kind} {trigger!r}: {sentence}")
        for right, kind, trigger, sentence in sorted(after - before):
            print(f"    made {'RIGHT' if right else 'wrong'} {kind} {trigger!r}: {sentence}")


def model_events(extraction):
    """The events the learned path found (its name leads the rules in the evidence)."""
    return [e for e in extraction.events if "model:" in e.evidence.why]


if __name__ == "__main__":
    raise SystemExit(main())
