"""CPU seconds of what a one-job ingest does beyond spaCy: extract, save and track the bench
corpus on docs parsed once before the clock. Steadier than timing the whole ingest on a loaded
machine, where the model's own time (two thirds of it) swamps a change to the rest.

    .venv/bin/python benchmarks/bench_beyond_nlp.py [--articles 100] [--repeat 3] [--steps]
        [--track-only]

Makes the corpus ``bench_pipeline.py`` makes, parses it (titles too) once, then ``--repeat``
times: fresh ``Document``s over the same docs, their kept tables cleared (``Doc.user_data``),
and a fresh store; prints the extract-and-save and the tracking CPU seconds of each repeat and
the least total. To compare two versions of the code, run it in each, alternating.

``--track-only`` extracts and saves once, then ``--repeat`` times tracks a copy of that store
(the tracking update alone, steadier for a change to tracking: the extract's spread is gone).

``--steps`` also prints, for each repeat, the CPU seconds of each step of ``pipeline.process``
(actors, places, quotes, the coder's sentence and event rules, figures), of the save and of
the tracking update's parts, and those of accord's spaCy components over the same texts
(where the model's own time goes, and what accord's components add).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import accord.api
from accord import track
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import Document, parse_headlines, parse_many
from accord.pipeline import process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import warm_up, write_corpus

# (module[:class], attribute, step): what ``--steps`` times, where its callers look it up; a
# step inside another counts in both (``extract_events`` holds the coder's steps); "a|b": the
# first of the two the owner has (an older checkout, run by ``PYTHONPATH``, may have only b)
STEPS = (
    ("accord.pipeline", "resolve_mentions", "actors"),
    ("accord.pipeline", "place_context", "places (context)"),
    ("accord.pipeline", "places_in", "places (sentences)"),
    ("accord.pipeline", "extract_quotes", "quotes"),
    ("accord.extract.events.coder:Coder", "candidates", "sentence rules and model"),
    (
        "accord.extract.events.coder:Coder",
        "code_candidate_placeless|code_candidate",
        "event rules and review",
    ),
    ("accord.pipeline", "_counted", "figures"),
    ("accord.pipeline", "extract_events", "extract_events (all)"),
    ("accord.store.database:Store", "save_extraction", "save"),
    ("accord.track.proposals", "keep_new_readings", "track: proposal readings"),
    ("accord.track.clustering", "new_links", "track: link new pairs"),
    ("accord.track.clustering", "regroup_new", "track: regroup"),
    ("accord.track", "update_proposals", "track: proposals"),
    ("accord.track", "refresh_cluster_summaries", "track: summaries"),
)


@contextmanager
def timed_steps(seconds: Counter[str]) -> Iterator[None]:
    """Add the CPU seconds spent in each of ``STEPS`` to ``seconds`` while inside (the
    functions are wrapped, looked up where their callers find them, and put back after)."""
    import importlib

    saved: list[tuple[Any, str, Any]] = []
    for where, name, step in STEPS:
        module, _, cls = where.partition(":")
        owner = importlib.import_module(module)
        owner = getattr(owner, cls) if cls else owner
        name = next(n for n in name.split("|") if hasattr(owner, n))
        original = getattr(owner, name)
        saved.append((owner, name, original))
        setattr(owner, name, _timer(original, step, seconds))
    try:
        yield
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)


def _timer(function: Callable[..., Any], step: str, seconds: Counter[str]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[step] += time.process_time() - started

    return timed


def component_seconds(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each of accord's spaCy components over ``texts`` (batches of 16)."""
    from accord.nlp import load_nlp

    nlp = load_nlp()
    docs = [nlp.make_doc(text) for text in texts]
    seconds = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=16))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    return seconds


def beyond_nlp_seconds(
    folder: Path, repeat: int, steps: list[Counter[str]] | None = None
) -> list[tuple[float, float]]:
    """(extract and save, track) CPU seconds of each repeat over the corpus in ``folder``;
    with ``steps``, each repeat's seconds by step (``STEPS``) are appended to it."""
    warm_up(1)
    articles = [a for a in read_sources([folder / "bench.jsonl"]) if isinstance(a, Article)]
    headlines = parse_headlines(articles)
    docs = [document.doc for document in parse_many(articles)]
    timings = []
    for run in range(repeat):
        for doc in (*docs, *headlines.values()):
            doc.user_data.clear()  # as parsed: no table a rule kept on it
        documents = [
            Document(article=article, doc=doc, headline=headlines.get(article.title or ""))
            for article, doc in zip(articles, docs, strict=True)
        ]
        seconds: Counter[str] = Counter()
        with accord.api.open(folder / f"run{run}.db") as store, _steps_of(steps, seconds):
            started = time.process_time()
            for document in documents:
                store.save_extraction(process(document))
            extracted = time.process_time()
            track.update_if_pending(store)
            timings.append((extracted - started, time.process_time() - extracted))
        if steps is not None:
            steps.append(seconds)
    return timings


def tracking_seconds(
    folder: Path, repeat: int, steps: list[Counter[str]] | None = None
) -> list[float]:
    """CPU seconds of the tracking update of each repeat, each over a copy of one store the
    corpus in ``folder`` was extracted and saved into (untracked) before the clock."""
    warm_up(1)
    articles = [a for a in read_sources([folder / "bench.jsonl"]) if isinstance(a, Article)]
    headlines = parse_headlines(articles)
    docs = [document.doc for document in parse_many(articles)]
    with accord.api.open(folder / "untracked.db") as store:
        for article, doc in zip(articles, docs, strict=True):
            headline = headlines.get(article.title or "")
            store.save_extraction(process(Document(article=article, doc=doc, headline=headline)))
    timings = []
    for run in range(repeat):
        shutil.copy(folder / "untracked.db", folder / f"tracked{run}.db")
        seconds: Counter[str] = Counter()
        with accord.api.open(folder / f"tracked{run}.db") as store, _steps_of(steps, seconds):
            started = time.process_time()
            track.update_if_pending(store)
            timings.append(time.process_time() - started)
        if steps is not None:
            steps.append(seconds)
    return timings


def _steps_of(steps: list[Counter[str]] | None, seconds: Counter[str]) -> Any:
    """``timed_steps`` when steps are asked for, else nothing."""
    from contextlib import nullcontext

    return nullcontext() if steps is None else timed_steps(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--steps",
        action="store_true",
        help="also CPU seconds by step of the extract, save and tracking, and by spaCy component",
    )
    parser.add_argument(
        "--track-only",
        action="store_true",
        help="extract and save once, then time only the tracking update of each repeat",
    )
    args = parser.parse_args()
    steps: list[Counter[str]] | None = [] if args.steps else None
    if args.track_only:
        with tempfile.TemporaryDirectory() as name:
            write_corpus(Path(name), args.articles)
            tracked = tracking_seconds(Path(name), args.repeat, steps)
        print(f"track {' '.join(f'{s:.2f}' for s in tracked)} s CPU; least {min(tracked):.2f} s")
        if steps is not None:
            print_steps(steps, [step for _, _, step in STEPS if step.startswith("track")])
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_corpus(folder, args.articles)
        timings = beyond_nlp_seconds(folder, args.repeat, steps)
        if steps is not None:
            texts = [
                a.text for a in read_sources([folder / "bench.jsonl"]) if isinstance(a, Article)
            ]
            components = component_seconds(texts)
    extract = " ".join(f"{first:.2f}" for first, _ in timings)
    tracking = " ".join(f"{second:.2f}" for _, second in timings)
    best = min(first + second for first, second in timings)
    print(f"extract and save {extract} s CPU; track {tracking} s CPU; least total {best:.2f} s")
    if steps is not None:
        print_steps(steps, [step for _, _, step in STEPS])
        print("\n| spaCy component (accord's pipeline) | CPU seconds |\n|---|---:|")
        for component, seconds in components.items():
            print(f"| {component} | {seconds:.2f} |")
        print(f"| all | {sum(components.values()):.2f} |")


def print_steps(steps: list[Counter[str]], names: list[str]) -> None:
    """A markdown table of each step's CPU seconds in each repeat."""
    print(
        "\n| step (CPU seconds, each repeat) | "
        + " | ".join(f"{r + 1}" for r in range(len(steps)))
        + " |"
    )
    print("|---|" + "---:|" * len(steps))
    for step in names:
        print(f"| {step} | " + " | ".join(f"{seconds[step]:.2f}" for seconds in steps) + " |")


if __name__ == "__main__":
    main()
