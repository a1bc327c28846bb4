"""Ingest cost per article as the store grows: one POSTed article, and batches of 20.

    .venv/bin/python benchmarks/bench_ingest.py [--sizes 0 10000 100000] [--repeat 3]
        [--published DAY] [--chain] [--spacing DAYS] [--keep FOLDER]

For each size a store is built as ``bench_serve.py`` builds it (the test corpora through the
pipeline, then copied until about that many events), and tracking is rebuilt so it is up to
date, as a store in use is. By default the store looks like an archive: each copy is a story
of its own, its countries recast to a group of the gazetteer's countries no copy near it in
time has (places keep their names; actors their words), the copies ``--spacing`` days apart.
``--chain`` keeps the countries, so that the copies, a few days apart, chain into stories of
years (a ceasefire of 14,516 reports from 2025 to 2031 at 100,000 events): the worst case,
where an exact update must rewrite what grows with the store. ``--keep FOLDER`` keeps each
built store there and uses it again on the next run with the same arguments (the 100,000-event
build takes minutes); each measure works on a copy. Then new articles (a corpus article with a
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
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

import accord
from accord import track
from accord.api import extract_one
from accord.ingest import make_article
from accord.track.proposals import LINK_DAYS, RUNNING_DAYS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import CORPORA, build_store, copy_extractions, keep_originals

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


def gazetteer_countries() -> list[str]:
    """The countries and territories of the gazetteer, by code: what copies are recast to."""
    listed = json.loads(files("accord").joinpath("data/countries.json").read_text("utf-8"))
    return sorted(row["code"] for row in listed)


def build_archive(path: Path, events: int, spacing: int) -> None:
    """The corpora through the pipeline, then copies until about ``events`` events, each a
    story of its own: copy ``k`` is ``k * spacing`` days after the originals and its countries
    are recast (actors' and places') to group ``k`` modulo the number of disjoint groups of
    gazetteer countries, so that copies with the same countries lie far enough apart in time
    that neither a proposal (``RUNNING_DAYS``) nor a cluster can join them."""
    with accord.open(path) as db:
        for corpus in CORPORA:
            report = db.ingest(sorted(str(file) for file in corpus.glob("*.txt")))
            if not report.ok:
                raise SystemExit(f"ingest of {corpus} failed: {report}")
        connection = db.connection
        real = db.totals().events
        own = original_countries(connection)
        others = [code for code in gazetteer_countries() if code not in own]
        groups = len(others) // len(own)
        first, last = candidate_span(connection)
        apart = last - first + RUNNING_DAYS + LINK_DAYS + 1
        spacing = max(spacing, -(-apart // groups))
        copies = max(0, -(-events // real) - 1)
        started = time.perf_counter()
        with db.transaction():
            keep_originals(connection)
            originals = Recast(connection)
            for copy in range(1, copies + 1):
                group = others[(copy % groups) * len(own) :][: len(own)]
                originals.to(dict(zip(own, group, strict=True)))
                copy_extractions(connection, copy, spacing)
            db.mark_tracking_done()
        copied = time.perf_counter() - started
        track.refresh_cluster_summaries(db)
        total = db.totals().events
    print(
        f"archive: {real} real events ({len(own)} countries, proposal steps over"
        f" {last - first} days) copied"
        f" {copies} times = {total} events, {groups} groups of countries, copies {spacing}"
        f" days apart (same countries every {groups * spacing} days; copy {copied:.1f} s)\n"
    )


def candidate_span(connection: sqlite3.Connection) -> tuple[int, int]:
    """The first and last day (ordinal) of the originals' proposal candidates, by the day
    they tell or their publication: what a copy's proposals may span."""
    days = [
        day
        for (text,) in connection.execute(
            "SELECT candidate FROM proposal_candidates WHERE candidate IS NOT NULL"
        )
        for day in (json.loads(text)["day"], json.loads(text)["published"])
    ]
    return min(days), max(days)


def original_countries(connection: sqlite3.Connection) -> list[str]:
    """Every country code the real events name (actors and places), sorted."""
    rows = connection.execute(
        "SELECT country FROM event_actors WHERE country IS NOT NULL"
        " UNION SELECT place_country FROM events WHERE place_country IS NOT NULL"
    ).fetchall()
    return sorted(row[0] for row in rows)


class Recast:
    """The originals' countries, kept, to write into the temporary originals
    (``keep_originals``) before each copy, recast to the copy's group."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.actors = connection.execute(
            "SELECT rowid, country, actor_id FROM o_event_actors"
        ).fetchall()
        self.places = connection.execute("SELECT rowid, place_country FROM o_events").fetchall()

    def to(self, countries: dict[str, str]) -> None:
        """Actors' countries (and the ids of countries as actors) and places' countries."""
        ids = {old.lower(): new.lower() for old, new in countries.items()}
        self.connection.executemany(
            "UPDATE o_event_actors SET country = ?, actor_id = ? WHERE rowid = ?",
            [
                (countries.get(country, country), ids.get(actor_id, actor_id), rowid)
                for rowid, country, actor_id in self.actors
            ],
        )
        self.connection.executemany(
            "UPDATE o_events SET place_country = ? WHERE rowid = ?",
            [(countries.get(country, country), rowid) for rowid, country in self.places],
        )


def write_jsonl(path: Path, articles: list[accord.Article]) -> None:
    """The articles as a JSONL file, so the batch goes through ``ingest`` as a user's would."""
    lines = [
        json.dumps({"text": a.text, "title": a.title, "published": a.published}) for a in articles
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed_single(db: accord.api.Accord, article: accord.Article) -> tuple[float, float]:
    """CPU seconds for one ``ingest_article``, and the tracking part of them."""
    tracked = [0.0]
    original = track.update_if_pending

    def timed_update(store: accord.api.Accord) -> object:
        started = time.process_time()
        try:
            return original(store)
        finally:
            tracked[0] += time.process_time() - started

    track.update_if_pending = timed_update  # type: ignore[assignment]
    try:
        started = time.process_time()
        db.ingest_article(article)
        return time.process_time() - started, tracked[0]
    finally:
        track.update_if_pending = original  # type: ignore[assignment]


def built_store(path: Path, size: int, spacing: int, chain: bool, keep: Path | None) -> float:
    """A store of about ``size`` events at ``path``, tracking rebuilt: an archive of separate
    stories, or with ``chain`` copies that chain; taken from ``keep`` when built there before.
    Returns the CPU seconds of the tracking rebuild (as measured when it was built)."""
    name = f"{'chain' if chain else 'archive'}-{size}-{spacing}.db"
    if keep is not None and (keep / name).exists():
        shutil.copyfile(keep / name, path)
        return float((keep / f"{name}.rebuild").read_text())
    if chain:
        build_store(path, size, spacing)
    else:
        build_archive(path, size, spacing)
    with accord.open(path) as db:
        started = time.process_time()
        track.rebuild(db)
        rebuilt = time.process_time() - started
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, keep / name)
        (keep / f"{name}.rebuild").write_text(f"{rebuilt}")
    return rebuilt


def measure(
    size: int,
    repeat: int,
    batch: int,
    spacing: int,
    published: date = date(2025, 6, 1),
    chain: bool = False,
    keep: Path | None = None,
) -> dict[str, float]:
    """CPU seconds (``time.process_time``: other work on the machine does not count)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        rebuilt = built_store(path, size, spacing, chain, keep) if size else 0.0
        with accord.open(path) as db:
            events = db.totals().events
            extract_one(new_articles(1, 999, published)[0])  # load the model and data once
            singles = [timed_single(db, a) for a in new_articles(repeat, 1000, published)]
            posted = []  # what POST /api/articles waits for: saved, tracking after the answer
            for article in new_articles(repeat, 3000, published):
                started = time.process_time()
                db.ingest_article(article, track=False)
                posted.append(time.process_time() - started)
            started = time.process_time()
            track.update_if_pending(db)
            catch_up = time.process_time() - started
            batch_file = Path(folder) / "batch.jsonl"
            write_jsonl(batch_file, new_articles(batch, 2000, published))
            started = time.process_time()
            report = db.ingest(batch_file)
            per_article_batch = (time.process_time() - started) / batch
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
        help="first day of the new articles (2025-06-01: the originals' days; with --chain"
        " the head of the store's chains, which run from May 2025 to September 2031 at"
        " 100,000 events)",
    )
    parser.add_argument(
        "--chain",
        action="store_true",
        help="copies keep their countries and chain into stories of years (the worst case)",
    )
    parser.add_argument(
        "--spacing",
        type=int,
        default=None,
        help="days between copies (with --chain, default 3: each copy is news of its own, yet"
        " proposals chain; 1: every copy's reports also cluster with the next copy's; for"
        " the archive, the least spacing: it is widened until copies with the same countries"
        " are too far apart to link, default 7)",
    )
    parser.add_argument("--keep", type=Path, help="a folder to keep built stores in and reuse")
    args = parser.parse_args()
    spacing = args.spacing if args.spacing is not None else (3 if args.chain else 7)
    rows = [
        measure(size, args.repeat, args.batch, spacing, args.published, args.chain, args.keep)
        for size in args.sizes
    ]
    base = rows[0]
    print("CPU seconds (time.process_time)\n")
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
