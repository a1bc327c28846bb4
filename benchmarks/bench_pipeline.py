"""Pipeline benchmark: ingest N generated articles and print speed, memory and time per stage.

Articles are made by varying the test corpus (shuffled paragraphs, changed figures and a serial
number), so every one has its own content hash and is really processed. Run:

    .venv/bin/python benchmarks/bench_pipeline.py --articles 200 --jobs 1 2
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import accord.api
from accord.ingest import read_sources
from accord.models import Article
from accord.nlp import MODEL_NAME, load_nlp, one_blas_thread, parse_many
from accord.pipeline import process
from accord.store.database import Store

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def corpus_articles() -> list[Article]:
    """The test corpus articles (text with their metadata)."""
    found = read_sources(sorted(CORPUS.glob("*.txt")))
    return [item for item in found if isinstance(item, Article)]


def vary(text: str, serial: int, rng: random.Random) -> str:
    """A new article from an old one: paragraphs shuffled after the lead, numbers nudged."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = paragraphs[1:]
    rng.shuffle(body)
    varied = "\n".join([paragraphs[0], *body])
    for number in ("14", "31", "1,000", "four"):
        if number in varied and rng.random() < 0.5:
            varied = varied.replace(number, str(rng.randint(2, 90)), 1)
    return f"{varied}\nReport {serial}."


def write_corpus(folder: Path, count: int, seed: int = 7, spacing: int = 0) -> int:
    """Write ``count`` varied articles as JSONL; returns the number of words written.

    With ``spacing`` 0 every copy of a corpus article is published the day the original was,
    so the copies report the same events (a crowded story: each new event meets every copy
    in its blocks); with ``spacing`` N each round of copies is published N days after the
    last, so their weekday-dated events fall on other days, as separate stories do."""
    import json
    from datetime import date, timedelta

    rng = random.Random(seed)
    bases = corpus_articles()
    words = 0
    with (folder / "bench.jsonl").open("w", encoding="utf-8") as out:
        for serial in range(count):
            base = bases[serial % len(bases)]
            text = vary(base.text, serial, rng)
            words += len(text.split())
            published = base.published
            if spacing and published:
                shift = timedelta(days=spacing * (serial // len(bases)))
                published = (date.fromisoformat(published[:10]) + shift).isoformat()
            record = {"text": text, "title": base.title, "published": published}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its (finished) worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def time_stages(folder: Path) -> dict[str, float]:
    """Seconds per stage for one process: read, parse (spaCy), extract, store."""
    seconds = dict.fromkeys(("read", "parse", "extract", "store"), 0.0)
    load_nlp()
    started = time.perf_counter()
    articles = [a for a in read_sources([folder / "bench.jsonl"]) if isinstance(a, Article)]
    seconds["read"] = time.perf_counter() - started
    store = Store(folder / "stages.db")
    documents = parse_many(articles)
    while True:
        started = time.perf_counter()
        document = next(documents, None)
        seconds["parse"] += time.perf_counter() - started
        if document is None:
            break
        started = time.perf_counter()
        extraction = process(document)
        seconds["extract"] += time.perf_counter() - started
        started = time.perf_counter()
        store.save_extraction(extraction)
        seconds["store"] += time.perf_counter() - started
    store.close()
    return seconds


def time_bare_nlp(folder: Path) -> tuple[float, float, float]:
    """Wall seconds of ``nlp.pipe`` over the same texts: the small English model as shipped
    (``MODEL_NAME``), the same with numpy's BLAS on one thread, and accord's own pipeline of it
    (its components added) as accord parses (BLAS on one thread, ``nlp.one_blas_thread``),
    each loaded before the clock."""
    import spacy

    texts = [a.text for a in read_sources([folder / "bench.jsonl"]) if isinstance(a, Article)]
    bare = spacy.load(MODEL_NAME)
    started = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    bare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with one_blas_thread():
        for _ in bare.pipe(texts, batch_size=16):
            pass
    one_thread_seconds = time.perf_counter() - started
    ours = load_nlp()
    started = time.perf_counter()
    with one_blas_thread():
        for _ in ours.pipe(texts, batch_size=16):
            pass
    return bare_seconds, one_thread_seconds, time.perf_counter() - started


def time_gazetteer_load() -> float:
    """Wall seconds to build the gazetteer from the shipped city lists (caches cleared): every
    process that places events pays this once (about 0.25 s on an idle core)."""
    from accord.resolve import places

    places.load_gazetteer.cache_clear()
    places._candidates.cache_clear()
    started = time.perf_counter()
    places.load_gazetteer()
    return time.perf_counter() - started


def warm_up(jobs: int) -> float:
    """Load the model, the coder and the tables built on first use (``pipeline.warm_up``) in
    this process and in the ``jobs - 1`` kept workers before the clock, as the bare ``nlp.pipe``
    figure loads its model before the clock (a server or a ``watch`` loop pays this once);
    returns the seconds it took."""
    from concurrent.futures import wait

    from accord.pipeline import warm_up as load_pipeline

    started = time.perf_counter()
    load_pipeline()
    if jobs > 1:
        pool = accord.api.worker_pool(jobs - 1)
        wait([pool.submit(os.getpid) for _ in range(jobs - 1)])
    return time.perf_counter() - started


def time_end_to_end(folder: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds for ``Accord.ingest`` over the corpus with ``jobs`` processes, warm."""
    db = folder / f"jobs{jobs}.db"
    warm_up(jobs)
    with accord.api.open(db) as store:
        started = time.perf_counter()
        report = store.ingest([folder / "bench.jsonl"], jobs=jobs)
        elapsed = time.perf_counter() - started
    accord.api.stop_workers()  # kept workers end here, so their peak memory is counted
    return elapsed, report.added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--spacing",
        type=int,
        default=0,
        help="days between rounds of copies (0: all copies tell the same events)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_corpus(folder, args.articles, spacing=args.spacing)
        print(
            f"corpus: {args.articles} articles, {words} words, {os.cpu_count()} cores, "
            f"copies {args.spacing} days apart\n"
        )
        bare, bare_one_thread, ours = time_bare_nlp(folder)
        print("| one process | seconds | words/s | share of bare nlp.pipe rate |")
        print("|---|---:|---:|---:|")
        print(f"| bare nlp.pipe ({MODEL_NAME}) | {bare:.1f} | {words / bare:,.0f} | 100% |")
        print(
            f"| bare nlp.pipe, BLAS on one thread | {bare_one_thread:.1f} "
            f"| {words / bare_one_thread:,.0f} | {bare / bare_one_thread:.0%} |"
        )
        print(f"| accord's nlp.pipe | {ours:.1f} | {words / ours:,.0f} | {bare / ours:.0%} |")
        print(f"\ngazetteer built from the city lists: {time_gazetteer_load():.2f} s\n")
        print(
            "| jobs | seconds | articles/s | words/s | words/s per core "
            "| share of bare nlp.pipe rate | speed-up over 1 job |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|")
        first = None
        for jobs in args.jobs:
            elapsed, added = time_end_to_end(folder, jobs)
            if added != args.articles:
                print(f"warning: {added} of {args.articles} articles stored", file=sys.stderr)
            first = first or (jobs, elapsed)
            rate, word_rate = args.articles / elapsed, words / elapsed
            speedup = first[1] / elapsed if first[0] == 1 else float("nan")
            print(
                f"| {jobs} | {elapsed:.1f} | {rate:.1f} | {word_rate:,.0f} "
                f"| {word_rate / jobs:,.0f} | {bare / elapsed:.0%} | {speedup:.2f}x |"
            )
        stages = time_stages(folder)
        total = sum(stages.values())
        print("\n| stage (1 process) | seconds | share |")
        print("|---|---:|---:|")
        for stage, seconds in stages.items():
            print(f"| {stage} | {seconds:.1f} | {seconds / total:.0%} |")
        own, children = peak_memory_mb()
        print(f"\npeak memory: {own:.0f} MB (main process), {children:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
