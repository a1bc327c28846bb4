"""CPU seconds of what a one-job ingest does beyond spaCy: extract, save and track the bench
corpus on docs parsed once before the clock. Steadier than timing the whole ingest on a loaded
machine, where the model's own time (two thirds of it) swamps a change to the rest.

    .venv/bin/python benchmarks/bench_beyond_nlp.py [--articles 100] [--repeat 3]

Makes the corpus ``bench_pipeline.py`` makes, parses it (titles too) once, then ``--repeat``
times: fresh ``Document``s over the same docs, their kept tables cleared (``Doc.user_data``),
and a fresh store; prints the extract-and-save and the tracking CPU seconds of each repeat and
the least total. To compare two versions of the code, run it in each, alternating.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import accord.api
from accord import track
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import Document, parse_headlines, parse_many
from accord.pipeline import process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import warm_up, write_corpus


def beyond_nlp_seconds(folder: Path, repeat: int) -> list[tuple[float, float]]:
    """(extract and save, track) CPU seconds of each repeat over the corpus in ``folder``."""
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
        with accord.api.open(folder / f"run{run}.db") as store:
            started = time.process_time()
            for document in documents:
                store.save_extraction(process(document))
            extracted = time.process_time()
            track.update_if_pending(store)
            timings.append((extracted - started, time.process_time() - extracted))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_corpus(folder, args.articles)
        timings = beyond_nlp_seconds(folder, args.repeat)
    extract = " ".join(f"{first:.2f}" for first, _ in timings)
    tracking = " ".join(f"{second:.2f}" for _, second in timings)
    best = min(first + second for first, second in timings)
    print(f"extract and save {extract} s CPU; track {tracking} s CPU; least total {best:.2f} s")


if __name__ == "__main__":
    main()
