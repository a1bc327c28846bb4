"""Clustering cost as the store grows: generated event records inserted straight into SQLite.

    .venv/bin/python benchmarks/bench_tracking.py [--sizes 1000 10000 100000]

News volume per day is held constant (``EVENTS_PER_DAY``), so a bigger store covers more days,
as a real archive does; blocking by (type, day) should then keep the cost near-linear. Prints a
markdown table: full rebuild seconds, records/s, links, clusters, and the time to track 1% more.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import accord
from accord.track.clustering import rebuild_clusters, update_clusters

EVENTS_PER_DAY = 300
EVENTS_PER_ARTICLE = 5
TYPES = ("ASSAULT", "CONSULT", "AGREE", "REQUEST", "ACCUSE", "PROTEST", "COERCE", "SUPPORT")
COUNTRIES = ("RUS", "UKR", "ISR", "PSE", "SDN", "SYR", "IRN", "USA", "CHN", "TUR", "YEM", "MMR")
SECTORS = ("GOV", "MIL", "CVL", "REB")
WORDS = [
    "missile",
    "drone",
    "strike",
    "talks",
    "delegation",
    "agreed",
    "ceasefire",
    "border",
    "city",
    "village",
    "shelling",
    "convoy",
    "aid",
    "minister",
    "president",
    "army",
    "rebels",
    "protest",
    "capital",
    "port",
    "region",
    "officials",
]
START = date(2024, 1, 1)


def fill(path: Path, size: int, seed: int = 7, first: int = 0) -> None:
    """Insert ``size`` generated events (and their articles and actors) into the store."""
    rng = random.Random(seed + first)
    connection = sqlite3.connect(path)
    connection.execute("BEGIN")
    for number in range(first, first + size, EVENTS_PER_ARTICLE):
        day = START + timedelta(days=number // EVENTS_PER_DAY)
        article_id = hashlib.sha1(f"a{number}".encode()).hexdigest()[:16]
        connection.execute(
            "INSERT INTO articles (id, content_hash, url, outlet, published, language, text)"
            " VALUES (?, ?, ?, ?, ?, 'en', '')",
            (
                article_id,
                article_id,
                f"https://example.org/{number}",
                f"outlet{rng.randrange(30)}",
                day.isoformat(),
            ),
        )
        for offset in range(EVENTS_PER_ARTICLE):
            insert_event(connection, rng, article_id, f"{article_id}-e{offset}", day)
    connection.execute("COMMIT")
    connection.close()


def insert_event(
    connection: sqlite3.Connection, rng: random.Random, article_id: str, event_id: str, day: date
) -> None:
    when = day - timedelta(days=rng.choice((0, 0, 0, 1)))
    place = rng.randrange(150)
    sentence = " ".join(rng.sample(WORDS, 8)) + "."
    connection.execute(
        "INSERT INTO events (id, article_id, type, mode, modality, trigger, date_text,"
        " date_start, date_end, date_precision, place_text, place_name, place_country,"
        ' place_lat, place_lon, place_precision, killed, sentence_index, start, "end",'
        " sentence, why, confidence, sentence_start) VALUES (?, ?, ?, NULL, 'asserted', 'x',"
        " 'on day', ?, ?, 'day', ?, ?, ?, ?, ?, 'city', ?, 0, 0, 1, ?, 'bench', 1.0, 0)",
        (
            event_id,
            article_id,
            rng.choice(TYPES),
            when.isoformat(),
            when.isoformat(),
            f"city{place}",
            f"city{place}",
            COUNTRIES[place % len(COUNTRIES)],
            30 + place % 25,
            20 + place // 6,
            rng.choice((None, 3, 5, 12)),
            sentence,
        ),
    )
    for side in ("source", "target"):
        country = rng.choice(COUNTRIES)
        connection.execute(
            "INSERT INTO event_actors (event_id, side, position, actor_id, name, text, country,"
            " sector) VALUES (?, ?, 0, ?, ?, ?, ?, ?)",
            (event_id, side, country, country, country, country, rng.choice(SECTORS)),
        )


def measure(size: int) -> tuple[float, int, int, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        accord.open(path).close()
        fill(path, size)
        with accord.open(path) as db:
            started = time.perf_counter()
            report = rebuild_clusters(db)
            rebuild_seconds = time.perf_counter() - started
        extra = max(EVENTS_PER_ARTICLE, size // 100)
        fill(path, extra, first=size)
        with accord.open(path) as db:
            started = time.perf_counter()
            update_clusters(db)
            update_seconds = time.perf_counter() - started
        return rebuild_seconds, report.links, report.clusters, update_seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1_000, 10_000, 100_000])
    sizes = parser.parse_args(argv).sizes
    print("| events | rebuild s | records/s | links | clusters | +1% update s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        seconds, links, clusters, update = measure(size)
        print(
            f"| {size:,} | {seconds:.2f} | {size / seconds:,.0f} | {links:,} | {clusters:,} "
            f"| {update:.2f} |"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
