"""Choose the learned path's threshold on the TUNE fold (news articles and event notes): for each
candidate threshold, event recall and strict precision on the news tune fold and any-event /
right-type on the notes tune fold, the rules alone first. Articles are parsed once.

    .venv/bin/python scripts/tune_learned_path.py [--thresholds 0.5 0.6 0.7 0.8]

The chosen values go in src/accord/data/models/learned_path.json with these figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from accord import evaluate, evaluate_coverage, evaluate_notes
from accord.extract.events.coder import Coder
from accord.extract.events.lexicon import load_lexicon
from accord.learn.model import EventTypeModel
from accord.learn.path import LearnedPath
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
    args = parser.parse_args()
    files = evaluate.expected_files([NEWS])
    readings = [evaluate.load_expected(path) for path in files]
    news_docs = list(parse_many(evaluate.articles_beside(files, readings)))
    notes = evaluate_notes.load_notes(NOTES)
    notes_docs = list(parse_many(evaluate_notes.note_article(note) for note in notes))
    model = EventTypeModel.load(args.model) if args.model else EventTypeModel.default()
    base = (load_lexicon(), load_dictionary(), load_gazetteer())
    settings: list[tuple[str, LearnedPath | None]] = [("rules only", None)]
    settings += [(f"model >= {t}", LearnedPath(model, threshold=t)) for t in args.thresholds]
    print(
        f"{'setting':<14} {'recall':>7} {'strict P':>9} {'found':>6} {'extracted':>9} "
        f"{'any event':>10} {'type':>6} {'notes extra':>12}"
    )
    for label, path in settings:
        coder = Coder(*base, model=path)
        extractions = [process(document, coder) for document in news_docs]
        coverage = evaluate_coverage.corpus_coverage(readings, extractions)
        report = evaluate_notes.NotesReport()
        for note, document in zip(notes, notes_docs, strict=True):
            evaluate_notes.score_note(report, note, process(document, coder))
        print(
            f"{label:<14} {coverage.recall:>7.3f} {coverage.precision:>9.3f} {coverage.found:>6} "
            f"{coverage.extracted:>9} {report.any_event.value():>10.3f} {report.type.value():>6.3f}"
            f" {report.extra:>12}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
