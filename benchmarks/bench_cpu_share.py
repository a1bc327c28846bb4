"""One job's share of the bare ``nlp.pipe`` rate, in CPU seconds: steadier than wall clock on a
machine other work loads (each process's CPU time counts only what it ran).

    .venv/bin/python benchmarks/bench_cpu_share.py [--articles 100] [--repeat 2]

Makes the corpus ``bench_pipeline.py`` makes, times ``nlp.pipe`` of the shipped small English
model over its texts and a one-job ``Accord.ingest`` of it (tracking included, the pipeline
warmed up first, as ``bench_pipeline.py`` does), each the best of ``--repeat`` runs, and prints
the bare model's CPU seconds over the ingest's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import accord.api
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import MODEL_NAME

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import warm_up, write_corpus


def bare_seconds(texts: list[str], repeat: int) -> float:
    """The least CPU seconds of ``nlp.pipe`` over the texts, the model loaded before."""
    import spacy

    bare = spacy.load(MODEL_NAME)
    timings = []
    for _ in range(repeat):
        started = time.process_time()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        timings.append(time.process_time() - started)
    return min(timings)


def ingest_seconds(folder: Path, repeat: int) -> list[float]:
    """CPU seconds of each one-job ingest of the corpus into a new store, warm."""
    warm_up(1)
    timings = []
    for run in range(repeat):
        with accord.api.open(folder / f"run{run}.db") as db:
            started = time.process_time()
            db.ingest([folder / "bench.jsonl"], jobs=1)
            timings.append(time.process_time() - started)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_corpus(folder, args.articles)
        read = read_sources([folder / "bench.jsonl"])
        texts = [item.text for item in read if isinstance(item, Article)]
        bare = bare_seconds(texts, args.repeat)
        timings = ingest_seconds(folder, args.repeat)
    best = min(timings)
    runs = ", ".join(f"{seconds:.2f}" for seconds in timings)
    print(f"bare nlp.pipe {bare:.2f} s CPU; one-job ingest {best:.2f} s CPU ({runs})")
    print(f"share of the bare rate: {bare / best:.0%}")


if __name__ == "__main__":
    main()
