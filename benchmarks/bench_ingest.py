"""Ingest cost per article as the store grows: one POSTed article, and batches of 20.

    .venv/bin/python benchmarks/bench_ingest.py [--sizes 0 10000 100000] [--repeat 3]
        [--published DAY]

For each size a store is built as ``bench_serve.py`` builds it (the test corpora through the
pipeline, then copied ``--spacing`` days apart until about that many events), and tracking is
rebuilt so it is up to date, as a store in use is. Then new articles (a corpus article with a
marker sentence, so its hash is new, published inside the store's span of dates) are ingested
with ``ingest_article`` (what ``POST /api/articles`` does) and in batches of ``--batch``.
Also what ``POST /api/articles`` waits for (``ingest_article(track=False)``: extraction and
save; the server tracks after the answer) and the one background pass that then tracks those
articles. Prints a markdown table: seconds per article (the median of ``--repeat`` single
articles, and the slowest of them: an article with a proposal step may link a long story's
proposals again), the tracking share, and the ratio to the empty store's figure (issue #11
asks for flat, within 20%).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import accord
from accord import track
from accord.api import extract_one
from accord.ingest import make_article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import build_store

ROOT = Path(__file__).resolve().parent.parent
SOURCE = sorted((ROOT / "tests" / "corpus_tracking").glob("*.txt"))


def new_articles(count: int, first: int, published: date) -> list[accord.Article]:
    """Articles the store has not seen: corpus texts with a marker line, one day apart."""
    articles = []
    for number in range(first, first + count):
        text = SOURCE[number % len(SOURCE)].read_text(encoding="utf-8")
        articles.append(
            make_article(
                f"{text}\n\nThis is benchmark copy {number}.",
                title=f"benchmark {number}",
                published=published + timedelta(days=number % 30),
            )
        )
    return articles


def write_jsonl(path: Path, articles: list[accord.Article]) -> None:
    """The articles as a JSONL file, so the batch goes through ``ingest`` as a user's would."""
    lines = [
        json.dumps({"text": a.text, "title": a.title, "published": a.published}) for a in articles
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed_single(db: accord.api.Accord, article: accord.Article) -> tuple[float, float]:
    """Seconds for one ``ingest_article``, and the tracking part of them."""
    tracked = [0.0]
    original = track.update_if_pending

    def timed_update(store: accord.api.Accord) -> object:
        started = time.perf_counter()
        try:
            return original(store)
        finally:
            tracked[0] += time.perf_counter() - started

    track.update_if_pending = timed_update  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        db.ingest_article(article)
        return time.perf_counter() - started, tracked[0]
    finally:
        track.update_if_pending = original  # type: ignore[assignment]


def measure(
    size: int, repeat: int, batch: int, spacing: int, published: date = date(2025, 6, 1)
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        if size:
            build_store(path, size, spacing)
            with accord.open(path) as db:
                started = time.perf_counter()
                track.rebuild(db)
                rebuilt = time.perf_counter() - started
        else:
            rebuilt = 0.0
        with accord.open(path) as db:
            events = db.totals().events
            extract_one(new_articles(1, 999, published)[0])  # load the model and data once
            singles = [timed_single(db, a) for a in new_articles(repeat, 1000, published)]
            posted = []  # what POST /api/articles waits for: saved, tracking after the answer
            for article in new_articles(repeat, 3000, published):
                started = time.perf_counter()
                db.ingest_article(article, track=False)
                posted.append(time.perf_counter() - started)
            started = time.perf_counter()
            track.update_if_pending(db)
            catch_up = time.perf_counter() - started
            batch_file = Path(folder) / "batch.jsonl"
            write_jsonl(batch_file, new_articles(batch, 2000, published))
            started = time.perf_counter()
            report = db.ingest(batch_file)
            per_article_batch = (time.perf_counter() - started) / batch
            assert report.added == batch, report
        return {
            "events": events,
            "rebuild": rebuilt,
            "single": statistics.median(s for s, _ in singles),
            "single_tracking": statistics.median(t for _, t in singles),
            "single_worst": max(s for s, _ in singles),
            "posted": statistics.median(posted),
            "catch_up": catch_up,
            "batch": per_article_batch,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument(
        "--published",
        type=date.fromisoformat,
        default=date(2025, 6, 1),
        help="first day of the new articles (2025-06-01: at the head of the store's chains,"
        " which run from May 2025 to September 2031 at 100,000 events)",
    )
    parser.add_argument(
        "--spacing",
        type=int,
        default=1,
        help="days between copies of the corpus (1: every copy links to the next, the worst"
        " case for tracking; 3: each copy is news of its own)",
    )
    args = parser.parse_args()
    rows = [
        measure(size, args.repeat, args.batch, args.spacing, args.published) for size in args.sizes
    ]
    base = rows[0]
    print(
        "| events in store | tracking rebuild s | one article, tracked s | of it tracking s "
        "| vs first | slowest article s | vs first | POST answer s | vs first "
        "| background pass s | batch s/article | vs first |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['events']:,} | {row['rebuild']:.1f} | {row['single']:.2f} "
            f"| {row['single_tracking']:.2f} | {row['single'] / base['single']:.2f}x "
            f"| {row['single_worst']:.2f} | {row['single_worst'] / base['single_worst']:.2f}x "
            f"| {row['posted']:.2f} | {row['posted'] / base['posted']:.2f}x "
            f"| {row['catch_up']:.2f} "
            f"| {row['batch']:.2f} | {row['batch'] / base['batch']:.2f}x |"
        )


if __name__ == "__main__":
    main()
