"""Choose the learned path's threshold on the TUNE fold (news articles and event notes): for each
candidate threshold, event recall and strict precision on the news tune fold and any-event /
right-type on the notes tune fold, the rules alone first. Articles are parsed once.

    .venv/bin/python scripts/tune_learned_path.py [--thresholds 0.5 0.6 0.7 0.8] [--per-clause]
        [--by-type] [--type-threshold THREATEN=0.6 ...]
    .venv/bin/python scripts/tune_learned_path.py --review 0.7 0.8 0.9 [--weak-lemmas end meet ...]
        [--weak-rules noun-trigger] [--changes]
    .venv/bin/python scripts/tune_learned_path.py --weak-tally

``--per-clause`` lets the model read the main clauses no rule candidate sits in also in
sentences with rule events; ``--by-type`` prints, per threshold, the model's own events by type
as right (a record of an expected event of that type) or wrong, with their probabilities, the
figures per-type thresholds are chosen from; ``--type-threshold`` sets such a threshold for
every setting. The chosen values go in src/accord/data/models/learned_path.json with these figures.

``--review`` keeps the shipped settings of the proposing path and sweeps the threshold at which
the model overrules weak rule readings (``weak_readings`` in the settings; ``--weak-lemmas`` and
``--weak-rules`` try other lists); ``--changes`` prints, per setting, each news tune record the
review changed, as a right record lost or won and a wrong record dropped or made (tune only).

``--weak-tally`` counts, with the review off, each trigger lemma's rule readings right and wrong
on both tune folds and the sources (articles, notes) of the wrong ones, and prints the lemmas
that meet the criterion for ``weak_readings`` (right at most ``WEAK_SHARE`` of the time, at least
``WEAK_WRONG`` wrong from as many sources), the shipped ones marked, with the shipped ones' counts.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from accord import evaluate, evaluate_coverage, evaluate_notes
from accord.extract.events.coder import Coder
from accord.extract.events.lexicon import Lexicon, lemma_of, load_lexicon
from accord.learn.model import EventTypeModel
from accord.learn.path import LearnedPath, WeakReadings, default_learned_path
from accord.nlp import parse_many
from accord.pipeline import process
from accord.resolve.actors import load_dictionary
from accord.resolve.places import load_gazetteer

NEWS = Path("tests/corpus_news/tune")
NOTES = Path("tests/event_notes/tune.jsonl")
WEAK_SHARE = 0.6  # a weak reading is right at most this share of the time
WEAK_WRONG = 3  # and wrong at least this often, from at least as many sources


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
    parser.add_argument(
        "--weak-tally", action="store_true", help="rule readings right/wrong per trigger lemma"
    )
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
    if args.weak_tally:
        args.review = [1.01]
        coder = Coder(*base, model=review_settings(model, args)[0][1])
        tally = WeakTally()
        for reading, document, path in zip(readings, news_docs, files, strict=True):
            tally.add_article(reading, process(document, coder), document, path.name, base[0])
        for index, (note, document) in enumerate(zip(notes, notes_docs, strict=True)):
            tally.add_note(note, process(document, coder), document, f"note {index}", base[0])
        tally.print(default_learned_path())
        return 0
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


class WeakTally:
    """Per trigger lemma: rule readings right and wrong, and the sources of the wrong ones."""

    def __init__(self) -> None:
        self.right: dict[str, int] = defaultdict(int)
        self.wrong: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (source, type)

    def add_article(self, reading: dict, extraction, document, source: str, lexicon) -> None:
        """An article's rule readings, right when matched to an expected event."""
        pairs = evaluate_coverage.one_to_one(reading.get("events", []), extraction.events)
        used = {event.id for _, event in pairs if event is not None}
        for event in rule_events(extraction):
            self._count(_trigger_lemma(document, event, lexicon), event.id in used, source, event)

    def add_note(self, note, extraction, document, source: str, lexicon) -> None:
        """A note's rule readings, right when the note expects an event of that type."""
        for event in rule_events(extraction):
            right = any(expected["type"] == event.type for expected in note.events)
            self._count(_trigger_lemma(document, event, lexicon), right, source, event)

    def _count(self, lemma: str, right: bool, source: str, event) -> None:
        if right:
            self.right[lemma] += 1
        else:
            self.wrong[lemma].append((source, event.type))

    def weak(self, lemma: str) -> bool:
        """Right at most WEAK_SHARE of the time, wrong WEAK_WRONG times from as many sources."""
        right, wrong = self.right[lemma], self.wrong[lemma]
        sources = {source for source, _ in wrong}
        share = right / (right + len(wrong)) if right + len(wrong) else 1.0
        return share <= WEAK_SHARE and len(wrong) >= WEAK_WRONG and len(sources) >= WEAK_WRONG

    def print(self, shipped: LearnedPath | None) -> None:
        listed = shipped.weak.lemmas if shipped is not None else frozenset()
        print(f"{'lemma':<14} {'right':>5} {'wrong':>5} {'sources':>7}  wrong types")
        for lemma in sorted(self.wrong, key=lambda k: -len(self.wrong[k])):
            if self.weak(lemma):
                wrong = self.wrong[lemma]
                types = sorted({kind for _, kind in wrong})
                mark = " (shipped)" if lemma in listed else ""
                print(
                    f"{lemma:<14} {self.right[lemma]:>5} {len(wrong):>5} "
                    f"{len({s for s, _ in wrong}):>7}  {' '.join(types)}{mark}"
                )
        for lemma in sorted(listed):
            print(f"shipped {lemma}: {self.right[lemma]} right / {len(self.wrong[lemma])} wrong")


def _trigger_lemma(document, event, lexicon: Lexicon) -> str:
    """The lemma of the word an event was found by."""
    span = document.doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return lemma_of(span.root, lexicon) if span is not None else event.trigger.lower()


def rule_events(extraction):
    """The events the rules found (not the learned path's own)."""
    return [e for e in extraction.events if "model:" not in e.evidence.why]


def model_events(extraction):
    """The events the learned path found (its name leads the rules in the evidence)."""
    return [e for e in extraction.events if "model:" in e.evidence.why]


if __name__ == "__main__":
    raise SystemExit(main())
