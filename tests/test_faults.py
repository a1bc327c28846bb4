"""Faults during ingest: a real ``accord ingest`` process killed (SIGKILL) or interrupted
(SIGINT, Ctrl-C) at chosen and at random points, while saving articles and while tracking.

After every fault the store must pass ``PRAGMA integrity_check``, hold no half-written article
(each stored article has exactly the events and quotes an uninterrupted run gives it), and a
plain rerun must give exactly the store of an uninterrupted run: articles, events, quotes,
actors, canonical events and proposals.

Chosen points are set inside the child process by this file's launcher (it wraps one store or
tracking function before running the CLI), so the production code carries no test hooks.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store_state import snapshot

CORPUS = Path(__file__).parent / "corpus_tracking"
ARTICLES = sorted(str(path) for path in CORPUS.glob("*.txt"))
EXIT_INTERRUPTED = 130

# Runs the CLI after wrapping the function named by ACCORD_FAULT_AT ("module:Class.attr" or
# "module:function") so that its Nth call (ACCORD_FAULT_CALL, 1-based) first sends the signal
# ACCORD_FAULT_SIGNAL to this process. A Ctrl-C at a terminal reaches a process whose SIGINT is
# Python's default handler; a runner started in the background (CI, `cmd &` in a script) hands
# its children SIGINT ignored, so the launcher restores the terminal's case first.
LAUNCHER = """
import importlib, os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
target, call = os.environ["ACCORD_FAULT_AT"], int(os.environ["ACCORD_FAULT_CALL"])
sig = getattr(signal, os.environ["ACCORD_FAULT_SIGNAL"])
module_name, _, path = target.partition(":")
owner = importlib.import_module(module_name)
*parents, name = path.split(".")
for parent in parents:
    owner = getattr(owner, parent)
original, calls = getattr(owner, name), [0]
def faulty(*args, **kwargs):
    calls[0] += 1
    if calls[0] == call:
        os.kill(os.getpid(), sig)
    return original(*args, **kwargs)
setattr(owner, name, faulty)
from accord.cli import main
sys.argv = ["accord", *sys.argv[1:]]
main()
"""


def run_accord(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    command = [sys.executable, "-c", LAUNCHER] if env else [sys.executable, "-m", "accord.cli"]
    return subprocess.Popen(
        [*command, "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def ingest(db: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    process = run_accord(db, "ingest", *ARTICLES, env=env)
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, float]:
    """The store of one uninterrupted run, and how long that run took."""
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    started = time.monotonic()
    code, out, err = ingest(db)
    elapsed = time.monotonic() - started
    assert code == 0, err
    assert out.startswith(f"added {len(ARTICLES)},"), out
    state = snapshot(db)
    assert (
        state["canonical_events"]
        and state["proposals"]
        and state["track_state"] == [{"pending": 0}]
    )
    return state, elapsed


def assert_no_half_article(db: Path, reference_state: dict) -> None:
    """Each stored article has all of its events and quotes, and nothing else is stored."""
    state = snapshot(db)
    stored = {row["id"] for row in state["articles"]}
    for table in ("events", "quotes"):
        expected = [row for row in reference_state[table] if row["article_id"] in stored]
        assert state[table] == expected, f"{table} of a stored article differ after the fault"


def assert_rerun_completes(db: Path, reference_state: dict) -> None:
    code, _, err = ingest(db)
    assert code == 0, err
    assert "Traceback" not in err, err
    assert snapshot(db) == reference_state


def fault_env(target: str, call: int = 1, sig: str = "SIGKILL") -> dict[str, str]:
    return {"ACCORD_FAULT_AT": target, "ACCORD_FAULT_CALL": str(call), "ACCORD_FAULT_SIGNAL": sig}


# Where a kill lands: inside an article's transaction, inside tracking's one transaction
# (clusters written, proposals not yet), at its very end. Between the last article and tracking:
# ``test_a_rerun_after_an_untracked_kill_finishes_tracking``.
KILL_POINTS = {
    # an article's rows go in table by table (events, their actors, quotes: three calls each)
    "saving an article's event actors, its events written": (
        "accord.store.database:Store._insert_many",
        2,
    ),
    "saving the 7th article's event actors": ("accord.store.database:Store._insert_many", 20),
    "tracking: clusters written, proposals not": ("accord.track.proposals:save_proposal", 1),
    "tracking: proposals written, not committed": (
        "accord.store.database:Store.mark_tracking_done",
        1,
    ),
    # each migration commits on its own: killed during the 8th, the store has the first 7
    "opening a new store: between two migrations": ("accord.store.schema:apply_migration", 8),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_kill_at_a_chosen_point_loses_nothing_and_a_rerun_finishes(
    tmp_path: Path, reference: tuple[dict, float], point: str
) -> None:
    reference_state, _ = reference
    db = tmp_path / "killed.db"
    target, call = KILL_POINTS[point]
    code, _, _ = ingest(db, fault_env(target, call))
    assert code == -signal.SIGKILL
    assert integrity(db) == "ok"
    assert_no_half_article(db, reference_state)
    assert_rerun_completes(db, reference_state)


def test_kills_at_random_times_lose_nothing(tmp_path: Path, reference: tuple[dict, float]) -> None:
    reference_state, elapsed = reference
    chooser = random.Random(20261204)
    for trial in range(3):
        db = tmp_path / f"random-{trial}.db"
        process = run_accord(db, "ingest", *ARTICLES)
        time.sleep(chooser.uniform(0.2, elapsed))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        if not db.exists():
            continue  # killed before the store was created: nothing to check
        assert integrity(db) == "ok", trial
        assert_no_half_article(db, reference_state)
        assert_rerun_completes(db, reference_state)


def test_ctrl_c_while_tracking_says_what_was_saved_and_the_next_run_finishes(
    tmp_path: Path, reference: tuple[dict, float]
) -> None:
    reference_state, _ = reference
    db = tmp_path / "interrupted.db"
    code, out, err = ingest(db, fault_env("accord.track.proposals:save_proposal", 1, "SIGINT"))
    assert code == EXIT_INTERRUPTED
    assert out.startswith(f"added {len(ARTICLES)},"), out
    assert "interrupted while tracking" in err and "accord track update" in err, err
    assert "Aborted" not in err and "Traceback" not in err, err
    state = snapshot(db)
    assert state["track_state"] == [{"pending": 1}] and not state["canonical_events"]
    update = run_accord(db, "track", "update")
    out, err = update.communicate(timeout=120)
    assert update.returncode == 0, err
    assert snapshot(db) == reference_state


def test_ctrl_c_while_extracting_says_what_was_saved(
    tmp_path: Path, reference: tuple[dict, float]
) -> None:
    reference_state, _ = reference
    db = tmp_path / "interrupted.db"
    code, out, err = ingest(db, fault_env("accord.store.database:Store._insert_many", 14, "SIGINT"))
    assert code == EXIT_INTERRUPTED
    assert out.startswith("added "), out
    added = int(out.split(",")[0].removeprefix("added "))
    assert 0 < added < len(ARTICLES)
    assert "interrupted:" in err and "run the same command" in err, err
    assert "Aborted" not in err and "Traceback" not in err, err
    assert len(snapshot(db)["articles"]) == added
    assert_no_half_article(db, reference_state)
    assert_rerun_completes(db, reference_state)


def test_a_rerun_after_an_untracked_kill_finishes_tracking(
    tmp_path: Path, reference: tuple[dict, float]
) -> None:
    """The case that used to stay broken: everything stored, tracking never ran, and a rerun
    that adds nothing must still build the canonical events and proposals."""
    reference_state, _ = reference
    db = tmp_path / "untracked.db"
    ingest(db, fault_env("accord.track:update_if_pending", 1))
    before = snapshot(db)
    assert len(before["articles"]) == len(ARTICLES)
    assert not before["canonical_events"] and not before["proposals"]
    assert before["track_state"] == [{"pending": 1}]
    code, out, err = ingest(db)
    assert code == 0, err
    assert out.startswith(f"added 0, unchanged {len(ARTICLES)},"), out
    assert snapshot(db) == reference_state


def test_ctrl_c_before_any_article_says_nothing_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "early.db"
    code, out, err = ingest(db, fault_env("accord.api:open", 1, "SIGINT"))
    assert code == EXIT_INTERRUPTED
    assert out == ""
    assert "interrupted: nothing was stored" in err, err
    assert "Aborted" not in err and "Traceback" not in err, err
