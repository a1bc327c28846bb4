"""Ingest rate by store: one process into SQLite, one into PostgreSQL, and N concurrent
``accord ingest`` processes into one PostgreSQL store (each writer a share of the articles).

Prints a table of articles per second and the ratio to one SQLite process. The PostgreSQL
server is a throwaway one on 127.0.0.1 (tests/pg_server.py) unless ACCORD_TEST_POSTGRES_URL
is set. Run on a quiet machine:

    .venv/bin/python benchmarks/bench_writers.py --writers 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import fresh_database  # noqa: E402
from pg_server import throwaway_postgres  # noqa: E402

CORPORA = ("corpus", "corpus_tracking", "corpus_news")


def articles(limit: int) -> list[str]:
    found = []
    for name in CORPORA:
        found.extend(str(path) for path in sorted((ROOT / "tests" / name).rglob("*.txt")))
    return found[:limit]


def ingest_processes(location: str, shares: list[list[str]]) -> float:
    """Seconds for ``accord ingest`` processes, one per share, run at once, to finish."""
    environment = {**os.environ, "ACCORD_DB": location}
    start = time.perf_counter()
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "accord.cli", "ingest", *share],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for share in shares
    ]
    codes = [writer.wait() for writer in writers]
    if any(codes):
        raise SystemExit(f"a writer failed: exit codes {codes}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--writers", type=int, default=2)
    options = parser.parse_args()
    paths = articles(options.articles)
    shares = [paths[index :: options.writers] for index in range(options.writers)]
    rows = []
    with tempfile.TemporaryDirectory() as folder, throwaway_postgres() as server:
        seconds = ingest_processes(str(Path(folder) / "bench.db"), [paths])
        rows.append(("SQLite, 1 process", seconds))
        rows.append(("PostgreSQL, 1 process", ingest_processes(fresh_database(server), [paths])))
        rows.append(
            (
                f"PostgreSQL, {options.writers} processes",
                ingest_processes(fresh_database(server), shares),
            )
        )
    base = len(paths) / rows[0][1]
    print(f"{len(paths)} articles (each process loads the model: included)")
    print(f"{'store':<28}{'seconds':>9}{'articles/s':>12}{'x SQLite':>10}")
    for name, seconds in rows:
        rate = len(paths) / seconds
        print(f"{name:<28}{seconds:>9.1f}{rate:>12.2f}{rate / base:>10.2f}")


if __name__ == "__main__":
    main()
