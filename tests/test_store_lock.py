"""Another process holding the database's write lock: the store waits, then one clear error.

The other writer is a real second process with an open ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import accord
from accord.cli import main
from accord.errors import StoreLockedError
from records import talks_extraction

TIMEOUT = 0.5
HOLD_THE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
connection.execute("ROLLBACK")
"""
ARTICLES = {
    "a-talks.txt": "Russia and Ukraine held direct talks in Istanbul on Friday, officials said.",
    "b-sanctions.txt": "The European Union imposed new sanctions on Iran on Monday, the bloc said.",
}


@contextmanager
def another_writer(db_path: Path) -> Iterator[None]:
    """A second process holding the write lock on ``db_path`` until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "locked\n"
        yield
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return sorted(folder.iterdir())


def test_a_write_waits_for_the_timeout_then_fails_with_store_locked_error(tmp_path: Path):
    db_path = tmp_path / "accord.db"
    with accord.open(db_path, timeout=TIMEOUT) as db:
        with another_writer(db_path):
            started = time.monotonic()
            with pytest.raises(StoreLockedError) as raised:
                db.save_extraction(talks_extraction())
            waited = time.monotonic() - started
        assert TIMEOUT * 0.8 <= waited < TIMEOUT + 10
        assert str(raised.value).startswith(f"{db_path} is locked by another process")
        assert "waited 0.5 s" in str(raised.value)
        assert isinstance(raised.value, accord.StoreError)
        db.save_extraction(talks_extraction())  # the lock is gone: the same write succeeds
        assert db.totals().articles == 1


def test_ingest_stops_at_the_lock_and_keeps_the_articles_already_committed(tmp_path: Path):
    db_path = tmp_path / "accord.db"
    first, second = write_articles(tmp_path / "news")
    with accord.open(db_path, timeout=TIMEOUT) as db, ExitStack() as lock:

        def lock_after_the_first_save(done: int, total: int) -> None:
            if done == 1:
                lock.enter_context(another_writer(db_path))

        with pytest.raises(StoreLockedError):
            db.ingest([first, second], progress=lock_after_the_first_save)
        assert [article.source for article in db.articles()] == [str(first)]
        lock.close()
        report = db.ingest([first, second])
        assert (report.added, report.unchanged, report.failed) == (1, 1, ())
        assert sorted(article.source for article in db.articles()) == [str(first), str(second)]


def test_cli_prints_one_line_and_exits_non_zero_when_the_store_stays_locked(tmp_path: Path):
    db_path = tmp_path / "accord.db"
    first, second = write_articles(tmp_path / "news")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db_path), "ingest", str(first)]).exit_code == 0
    with another_writer(db_path):
        result = runner.invoke(
            main, ["--db", str(db_path), "--lock-timeout", "0.3", "ingest", str(second)]
        )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {db_path} is locked by another process writing to it: waited 0.3 s; "
        "what was saved before is kept, run again once it is done\n"
    )
    with accord.open(db_path) as db:
        assert [article.source for article in db.articles()] == [str(first)]


def test_tracking_commands_take_the_lock_timeout_too(tmp_path: Path):
    db_path = tmp_path / "accord.db"
    with accord.open(db_path) as db:
        db.save_extraction(talks_extraction())
    with another_writer(db_path):
        result = CliRunner().invoke(
            main, ["--db", str(db_path), "--lock-timeout", "0.2", "track", "rebuild"]
        )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db_path} is locked by another process")
    assert "waited 0.2 s" in result.stderr


def test_a_post_while_another_process_writes_is_a_503_to_retry(tmp_path: Path) -> None:
    import httpx

    from serving import running_server

    db_path = tmp_path / "served.db"
    accord.open(db_path).close()
    token = "a-token-of-sufficient-length"
    with running_server(db_path, ingest_token=token, lock_timeout=TIMEOUT) as url:
        article = {"text": ARTICLES["a-talks.txt"], "published": "2025-05-16"}
        headers = {"Authorization": f"Bearer {token}"}
        with another_writer(db_path):
            locked = httpx.post(f"{url}/api/articles", json=article, headers=headers, timeout=60)
        assert locked.status_code == 503, locked.text
        assert locked.headers["retry-after"] == "5"
        assert "locked by another process" in locked.json()["detail"]
        retried = httpx.post(f"{url}/api/articles", json=article, headers=headers, timeout=60)
        assert retried.status_code == 201, retried.text


def test_an_ingest_stopped_by_the_lock_prints_what_it_saved(tmp_path: Path) -> None:
    db_path = tmp_path / "stopped.db"
    accord.open(db_path).close()
    paths = write_articles(tmp_path / "in")
    with another_writer(db_path):
        result = CliRunner().invoke(
            main, ["--db", str(db_path), "--lock-timeout", str(TIMEOUT), "ingest", *map(str, paths)]
        )
    assert result.exit_code == 1
    assert result.stdout.startswith("added 0, unchanged 0"), result.stdout
    assert "locked by another process" in result.stderr
