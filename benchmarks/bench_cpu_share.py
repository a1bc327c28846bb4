"""One job's share of the bare ``nlp.pipe`` rate, in CPU seconds: steadier than wall clock on a
machine other work loads (each process's CPU time counts only what it ran).

    .venv/bin/python benchmarks/bench_cpu_share.py [--articles 100] [--repeat 2]

Makes the corpus ``bench_pipeline.py`` makes, times ``nlp.pipe`` of the shipped small English
model over its texts and a one-job ``Accord.ingest`` of it (tracking included, the pipeline
warmed up first, as ``bench_pipeline.py`` does), each the best of ``--repeat`` runs, and prints
the bare model's CPU seconds over the ingest's. The bare model is timed twice: as a user runs
it (numpy's BLAS on its default threads) and with BLAS on one thread, as accord parses
(``nlp.one_blas_thread``), so the share is given against both.
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
from accord.nlp import MODEL_NAME, one_blas_thread

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import warm_up, write_corpus


def bare_seconds(texts: list[str], repeat: int) -> tuple[float, float]:
    """The least CPU seconds of ``nlp.pipe`` over the texts, the model loaded before: BLAS on
    its default threads, then on one thread."""
    import spacy

    bare = spacy.load(MODEL_NAME)
    timings: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeat):
        for one_thread in (False, True):
            started = time.process_time()
            if one_thread:
                with one_blas_thread():
                    for _ in bare.pipe(texts, batch_size=16):
                        pass
            else:
                for _ in bare.pipe(texts, batch_size=16):
                    pass
            timings[one_thread].append(time.process_time() - started)
    return min(timings[False]), min(timings[True])


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
        bare, bare_one_thread = bare_seconds(texts, args.repeat)
        timings = ingest_seconds(folder, args.repeat)
    best = min(timings)
    runs = ", ".join(f"{seconds:.2f}" for seconds in timings)
    print(
        f"bare nlp.pipe {bare:.2f} s CPU ({bare_one_thread:.2f} with BLAS on one thread);"
        f" one-job ingest {best:.2f} s CPU ({runs})"
    )
    print(
        f"share of the bare rate: {bare / best:.0%}"
        f" ({bare_one_thread / best:.0%} of the bare rate with BLAS on one thread)"
    )


if __name__ == "__main__":
    main()
