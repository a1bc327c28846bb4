"""Workbench API speed on a real ``accord serve``: each view alone, then clients in parallel.

Builds a store of about ``--events`` events from real extractions: the test corpora go through
the pipeline once, then their articles, events, actors and canonical events are copied with
new ids, dates shifted a day per copy and casualty figures nudged, until the store is big
enough (tracking is not run again: the copies keep their originals' clusters, and the cluster
summaries are written by the real ``refresh_cluster_summaries``). Or serves ``--db``.

Prints two markdown tables, first with every view computed (``ACCORD_VIEW_CACHE=0``), then with
the server keeping stats, map and network until the store changes (the default): per endpoint,
one client, p50/p95 over ``--repeat`` requests; then for each client count, the web UI's
request mix for ``--seconds``: requests/s, failures, p50/p95/max. Loopback only; every loop
stops by itself. Run:

    .venv/bin/python benchmarks/bench_serve.py --events 100000 --clients 1 4 16 --seconds 10
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import accord
from accord import track

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "tests" / "corpus", ROOT / "tests" / "corpus_tracking")
# One client alone: each view the landing page and the panels ask for.
ENDPOINTS = (
    ("/api/stats", {}),
    ("/api/stats", {"unit": "events", "granularity": "week"}),
    ("/api/map", {}),
    ("/api/network", {}),
    ("/api/clusters", {"limit": 50}),
    ("/api/clusters", {"sort": "reports", "type": "ASSAULT", "limit": 50}),
    ("/api/events", {"country": "UKR", "limit": 50}),
    ("/api/events", {"type": "ASSAULT", "since": "2025-06-01", "until": "2025-08-31"}),
    ("/api/events", {"actor_id": "rus", "limit": 50}),
    ("/api/stats", {"country": "UKR"}),
    ("/api/map", {"type": "ASSAULT", "country": "UKR"}),
)
# What the UI asks on a load and on a filter change (the 16-client mix).
UI_MIX = (
    ("/api/stats", {}),
    ("/api/map", {}),
    ("/api/network", {}),
    ("/api/clusters", {"limit": 50}),
    ("/api/stats", {"country": "UKR"}),
    ("/api/map", {"country": "UKR"}),
    ("/api/network", {"country": "UKR"}),
    ("/api/clusters", {"country": "UKR", "limit": 50}),
    ("/api/events", {"type": "ASSAULT", "limit": 50, "sort": "-date"}),
    ("/api/places/Kharkiv%7CUKR/clusters", {"limit": 50}),
    ("/api/actors/rus/events", {"limit": 50}),
)


@dataclass
class Tally:
    """Latencies (seconds) of successful requests and the count of failures, per run."""

    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, latency: float | None) -> None:
        with self.lock:
            if latency is None:
                self.failures += 1
            else:
                self.latencies.append(latency)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- the store ------------------------------------------------------------------------------------


def build_store(path: Path, events: int, spacing: int = 1) -> None:
    """The corpora through the pipeline, then copied until about ``events`` events, each copy
    ``spacing`` days after the one before (1: each copy's reports link to the next copy's, a
    worst case for tracking; 3 and more: each copy is news of its own)."""
    with accord.open(path) as db:
        for corpus in CORPORA:
            report = db.ingest(sorted(str(file) for file in corpus.glob("*.txt")))
            if not report.ok:
                raise SystemExit(f"ingest of {corpus} failed: {report}")
        real = db.totals().events
        copies = max(0, -(-events // real) - 1)
        started = time.perf_counter()
        with db.transaction():
            keep_originals(db.connection)
            for copy in range(1, copies + 1):
                copy_extractions(db.connection, copy, spacing)
            db.mark_tracking_done()
        copied = time.perf_counter() - started
        started = time.perf_counter()
        track.refresh_cluster_summaries(db)
        summarised = time.perf_counter() - started
        total = db.totals().events
    print(
        f"store: {real} real events copied {copies} times = {total} events"
        f" (copy {copied:.1f} s, cluster summaries {summarised:.1f} s)\n"
    )


ORIGINALS = {  # table -> the temporary copy of its real rows that every copy reads
    "articles": "o_articles",
    "events": "o_events",
    "event_actors": "o_event_actors",
    "canonical_events": "o_canonical_events",
    "canonical_members": "o_canonical_members",
}


def keep_originals(connection: sqlite3.Connection) -> None:
    """The real rows in temporary tables, so each copy reads them and not the growing store."""
    for table, original in ORIGINALS.items():
        connection.execute(f"CREATE TEMP TABLE {original} AS SELECT * FROM {table}")


def copy_extractions(connection: sqlite3.Connection, copy: int, spacing: int = 1) -> None:
    """One copy of the original articles, events, actors and clusters (ids suffixed)."""
    suffix, shift = f"~{copy}", f"+{copy * spacing} days"
    connection.execute(
        "INSERT INTO articles (id, content_hash, url, outlet, title, published, language, text,"
        " source, ingested_at) SELECT id || :s, content_hash || :s, url || '#' || :s, outlet,"
        " title, date(published, :shift), language, text, source, ingested_at FROM o_articles",
        {"s": suffix, "shift": shift},
    )
    connection.execute(
        "INSERT INTO events (id, article_id, type, mode, modality, trigger, contexts,"
        " attributed_to, date_text, date_start, date_end, date_precision, date_char_start,"
        " date_char_end, date_by, place_text, place_name, place_country, place_lat, place_lon,"
        " place_precision, place_char_start, place_char_end, killed, injured, detained,"
        ' prisoners, displaced, sentence_index, start, "end", sentence, why, confidence,'
        " sentence_start) SELECT id || :s, article_id || :s, type, mode, modality, trigger,"
        " contexts, attributed_to, date_text, date(date_start, :shift), date(date_end, :shift),"
        " date_precision, date_char_start, date_char_end, date(date_by, :shift), place_text,"
        " place_name, place_country, place_lat, place_lon, place_precision, place_char_start,"
        " place_char_end, killed + :nudge, injured + :nudge, detained, prisoners, displaced,"
        ' sentence_index, start, "end", sentence, why, confidence, sentence_start FROM o_events',
        {"s": suffix, "shift": shift, "nudge": copy % 4},
    )
    connection.execute(
        "INSERT INTO event_actors (event_id, side, position, actor_id, name, text, country,"
        " sector, role, inferred) SELECT event_id || :s, side, position, actor_id, name, text,"
        " country, sector, role, inferred FROM o_event_actors",
        {"s": suffix},
    )
    connection.execute(
        "INSERT INTO canonical_events (id, size) SELECT id || :s, size FROM o_canonical_events",
        {"s": suffix},
    )
    connection.execute(
        "INSERT INTO canonical_members (event_id, cluster_id, linked_to, score, reasons)"
        " SELECT event_id || :s, cluster_id || :s, linked_to || :s, score, reasons"
        " FROM o_canonical_members",
        {"s": suffix},
    )


# -- the server and its clients -------------------------------------------------------------------


def start_server(db_path: Path, port: int, view_cache: bool = True) -> subprocess.Popen:
    """``accord serve`` on loopback; without ``view_cache`` every view is computed."""
    command = [sys.executable, "-m", "accord.cli", "serve", str(db_path), "--port", str(port)]
    env = {**os.environ, "ACCORD_VIEW_CACHE": "256" if view_cache else "0"}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited at start-up")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/types", timeout=2).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not answer in 60 s")


def timed_get(client: httpx.Client, path: str, params: dict) -> float | None:
    """Seconds for one successful request, None for a failure."""
    started = time.perf_counter()
    try:
        ok = client.get(path, params=params).status_code == 200
    except httpx.HTTPError:
        ok = False
    return time.perf_counter() - started if ok else None


def client_loop(base_url: str, stop_at: float, offset: int, tally: Tally) -> None:
    """One client: the UI's requests in turn, back to back, until ``stop_at``."""
    requests = itertools.islice(itertools.cycle(UI_MIX), offset, None)
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for path, params in requests:
            if time.monotonic() >= stop_at:
                return
            tally.add(timed_get(client, path, params))


def run(base_url: str, clients: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    started = time.monotonic()
    threads = [
        threading.Thread(target=client_loop, args=(base_url, started + seconds, index, tally))
        for index in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def ms(value: float) -> str:
    return f"{value * 1000:.0f}"


def endpoint_table(base_url: str, repeat: int) -> None:
    print(f"One client, {repeat} requests each (first one as warm-up, not counted)\n")
    print("| request | failed | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for path, params in ENDPOINTS:
            timed_get(client, path, params)
            tally = Tally()
            for _ in range(repeat):
                tally.add(timed_get(client, path, params))
            done = tally.latencies
            query = "&".join(f"{key}={value}" for key, value in params.items())
            print(
                f"| `{path}{'?' + query if query else ''}` | {tally.failures} "
                f"| {ms(percentile(done, 0.5))} | {ms(percentile(done, 0.95))} "
                f"| {ms(max(done, default=float('nan')))} |"
            )
    print()


def mix_table(base_url: str, client_counts: list[int], seconds: float) -> None:
    print(f"The UI's request mix ({len(UI_MIX)} requests in turn), {seconds:g} s per row\n")
    print("| clients | requests | failed | requests/s | p50 ms | p95 ms | max ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for clients in client_counts:
        tally, elapsed = run(base_url, clients, seconds)
        done = tally.latencies
        print(
            f"| {clients} | {len(done)} | {tally.failures} | {len(done) / elapsed:.1f} "
            f"| {ms(percentile(done, 0.50))} | {ms(percentile(done, 0.95))} "
            f"| {ms(max(done, default=float('nan')))} |"
        )


def landing_table(base_url: str, loads: int) -> None:
    """The web UI's landing page in Debian's Chromium (headless): seconds from navigation to
    the page marking itself ready with nothing left loading (the first load warms up)."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("(landing page: no /usr/bin/chromium, run scripts/ensure_chromium.sh)\n")
        return
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for load in range(loads + 1):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base_url + "/")
            page.wait_for_selector("body[data-ready]", timeout=60_000)
            page.wait_for_selector("body:not([data-busy])", timeout=60_000)
            if load:
                times.append(time.perf_counter() - started)
            context.close()
        browser.close()
    print("Landing page in Chromium, 1440x900, until ready and idle\n")
    print("| loads | p50 ms | max ms |")
    print("|---:|---:|---:|")
    print(f"| {len(times)} | {ms(percentile(times, 0.50))} | {ms(max(times))} |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="Serve this database (built there and kept if it does not exist)."
    )
    parser.add_argument("--events", type=int, default=100_000, help="Size of the built store.")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--landing", type=int, default=5, help="Loads of the web UI in Chromium (0: none)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = args.db or Path(folder) / "bench.db"
        if not db_path.exists():
            build_store(db_path, args.events)
        with accord.open(db_path) as db:
            totals = db.totals()
            clusters = db.connection.execute("SELECT count(*) FROM cluster_summaries").fetchone()
        print(f"{totals.events} events, {clusters[0]} canonical events, 127.0.0.1\n")
        for view_cache in (False, True):
            port = free_port()
            server = start_server(db_path, port, view_cache)
            base_url = f"http://127.0.0.1:{port}"
            print(f"## views {'kept until the store changes' if view_cache else 'computed'}\n")
            try:
                endpoint_table(base_url, args.repeat)
                mix_table(base_url, args.clients, args.seconds)
                if args.landing:
                    landing_table(base_url, args.landing)
            finally:
                server.terminate()
                server.wait(timeout=10)
            print()


if __name__ == "__main__":
    main()
