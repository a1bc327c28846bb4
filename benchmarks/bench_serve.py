"""HTTP load benchmark: concurrent clients query ``/api/events`` on a real ``accord serve``.

Builds a database from the test corpus (or serves ``--db``), starts the server on 127.0.0.1
with a free port, runs each client count for a bounded time, and prints a markdown table of
requests per second and latency percentiles. Loopback only; every loop stops by itself. Run:

    .venv/bin/python benchmarks/bench_serve.py --clients 1 4 16 --seconds 5
"""

from __future__ import annotations

import argparse
import itertools
import socket
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

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
QUERIES = (  # a mix of what the web UI asks for
    {"limit": 50},
    {"limit": 50, "sort": "-date"},
    {"type": "ASSAULT"},
    {"country": "UKR", "limit": 20},
    {"since": "2025-05-15", "until": "2025-06-30"},
    {"q": "ceasefire"},
    {"actor": "rus", "limit": 10},
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


def start_server(db_path: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "accord.cli", "serve", str(db_path), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def client_loop(base_url: str, stop_at: float, offset: int, tally: Tally) -> None:
    """One client: queries in turn, back to back, until ``stop_at``."""
    queries = itertools.islice(itertools.cycle(QUERIES), offset, None)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        for params in queries:
            if time.monotonic() >= stop_at:
                return
            started = time.perf_counter()
            try:
                ok = client.get("/api/events", params=params).status_code == 200
            except httpx.HTTPError:
                ok = False
            tally.add(time.perf_counter() - started if ok else None)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="Serve this database (default: the corpus).")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = args.db
        if db_path is None:
            db_path = Path(folder) / "corpus.db"
            with accord.open(db_path) as db:
                db.ingest(sorted(CORPUS.glob("*.txt")))
        with accord.open(db_path) as db:
            events = db.totals().events
        port = free_port()
        server = start_server(db_path, port)
        try:
            print(f"`/api/events` on 127.0.0.1, {events} events, {args.seconds:g} s per row\n")
            print("| clients | requests | failed | requests/s | p50 ms | p95 ms | max ms |")
            print("|---:|---:|---:|---:|---:|---:|---:|")
            for clients in args.clients:
                tally, elapsed = run(f"http://127.0.0.1:{port}", clients, args.seconds)
                done = tally.latencies
                print(
                    f"| {clients} | {len(done)} | {tally.failures} | {len(done) / elapsed:.0f} "
                    f"| {percentile(done, 0.50) * 1000:.1f} | {percentile(done, 0.95) * 1000:.1f} "
                    f"| {max(done, default=float('nan')) * 1000:.1f} |"
                )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
