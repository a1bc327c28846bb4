"""Helpers for the serve tests: a corpus database and a real ``accord serve`` process.

The server runs as a subprocess on 127.0.0.1 with a free port, as a user would start it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

import accord
from accord.ingest import make_article
from accord.models import Article

CORPUS = Path(__file__).parent / "corpus"
STARTUP_SECONDS = 60
SERVER_ENV = ("ACCORD_INGEST_TOKEN", "ACCORD_CURSOR_KEY")  # set only as a test asks
HOSTILE_TEXT = (
    "Russian forces shelled Kharkiv on Monday <script>alert(1)</script>, killing three "
    "civilians, officials said.\n\n"
    "Ukraine accused Russia of attacking the city <img src=x onerror=alert(1)> again."
)


def hostile_article() -> Article:
    """An article whose text, title, outlet and URL carry markup and script."""
    return make_article(
        HOSTILE_TEXT,
        title="<script>alert(1)</script> Kharkiv shelled",
        url="javascript:alert(1)",
        outlet="<b>Hostile</b> Wire",
        published="2025-06-03",
    )


def build_corpus_db(path: Path | str) -> Path | str:
    """The test corpus through the real pipeline into a new database at ``path`` (a file, or
    an empty PostgreSQL database's URL)."""
    with accord.open(path) as db:
        report = db.ingest(sorted(CORPUS.glob("*.txt")))
        assert report.ok and report.added == len(list(CORPUS.glob("*.txt"))), report
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(
    db_path: Path | str,
    ingest_token: str | None = None,
    cursor_key: str | None = None,
    lock_timeout: float | None = None,
) -> Iterator[str]:
    """Start ``accord serve`` on loopback, wait until it answers, yield its base URL."""
    with server_process(db_path, ingest_token, cursor_key, lock_timeout) as (base_url, _):
        yield base_url


@contextmanager
def server_process(
    db_path: Path | str,
    ingest_token: str | None = None,
    cursor_key: str | None = None,
    lock_timeout: float | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like ``running_server``, also yielding the process (to read its memory use)."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in SERVER_ENV}
    if cursor_key:
        env["ACCORD_CURSOR_KEY"] = cursor_key
    command = [sys.executable, "-m", "accord.cli"]
    if lock_timeout is not None:
        command += ["--lock-timeout", str(lock_timeout)]
    command += ["serve", str(db_path), "--port", str(port)]
    if ingest_token:
        command += ["--ingest-token", ingest_token]
    folder = db_path.parent if isinstance(db_path, Path) else Path(tempfile.gettempdir())
    log = folder / f"server-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url, process, log)
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def resident_megabytes(pid: int) -> float:
    """A process's resident memory (VmRSS) from /proc, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def wait_until_ready(base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base_url}/api/types", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in {STARTUP_SECONDS}s")
