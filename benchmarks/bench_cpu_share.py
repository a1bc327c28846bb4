"""One job's share of the bare ``nlp.pipe`` rate, in CPU seconds: steadier than wall clock on a
machine other work loads (each process's CPU time counts only what it ran).

    .venv/bin/python benchmarks/bench_cpu_share.py [--articles 100] [--repeat 2]

Makes the corpus ``bench_pipeline.py`` makes, times ``nlp.pipe`` of the shipped small English
model over its texts and a one-job ``Accord.ingest`` of it (tracking included, the pipeline
warmed up first, as ``bench_pipeline.py`` does), each the best of ``--repeat`` runs, and prints
the bare model's CPU seconds over the ingest's. The bare model is timed three ways: as a user
runs it, with numpy's BLAS on one thread (``nlp.one_blas_thread``), and loaded as accord loads
it (``nlp.load_model``) on one thread, so the share is given against each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import accord.api
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import MODEL_NAME, load_model, one_blas_thread

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import warm_up, write_corpus

BARE_KINDS = ("as shipped", "BLAS on one thread", "accord's BLAS, one thread")


def bare_seconds(texts: list[str], repeat: int) -> dict[str, float]:
    """The least CPU seconds of ``nlp.pipe`` over the texts, the model loaded before: as a user
    runs it (thinc's BLIS, numpy's BLAS on its default threads), with numpy's BLAS on one
    thread, and as accord loads it (``nlp.load_model``: its products by numpy's BLAS) on one
    thread, without accord's own components."""
    import spacy

    models = {"as shipped": spacy.load(MODEL_NAME), "accord's BLAS, one thread": load_model()}
    models["BLAS on one thread"] = models["as shipped"]
    timings: dict[str, list[float]] = {kind: [] for kind in BARE_KINDS}
    for _ in range(repeat):
        for kind in BARE_KINDS:
            limit = nullcontext() if kind == "as shipped" else one_blas_thread()
            started = time.process_time()
            with limit:
                for _ in models[kind].pipe(texts, batch_size=16):
                    pass
            timings[kind].append(time.process_time() - started)
    return {kind: min(seconds) for kind, seconds in timings.items()}


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
    print(f"one-job ingest {best:.2f} s CPU ({runs})")
    for kind, seconds in bare.items():
        print(
            f"bare nlp.pipe, {kind}: {seconds:.2f} s CPU;"
            f" one job at {seconds / best:.0%} of its rate"
        )


if __name__ == "__main__":
    main()
