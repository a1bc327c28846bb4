"""PostgreSQL as the store: the tracking corpus ingested there gives the SQLite store's rows,
``accord copy`` moves a store between the backends losslessly, and several writer processes
(plain ``accord ingest`` or Dask workers) fill one PostgreSQL store as one process fills SQLite.

All run through the real pipeline on tests/corpus_tracking (twelve articles on one story) and
a real PostgreSQL server (tests/pg_server.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import accord
from accord import track
from accord.cli import main
from conftest import fresh_database
from store_state import store_snapshot

CORPUS = Path(__file__).parent / "corpus_tracking"


def corpus() -> list[str]:
    return [str(path) for path in sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The corpus ingested by one process into SQLite: every table's rows."""
    path = tmp_path_factory.mktemp("reference") / "accord.db"
    with accord.open(path) as db:
        report = db.ingest(corpus())
        assert report.ok and report.added == 12
        state = store_snapshot(db)
    return {"path": path, "state": state}


def readings(db: accord.api.Accord) -> dict:
    """What a user reads: events, quotes, actors, canonical events, proposals, searches."""
    return {
        "events": db.events(),
        "quotes": db.quotes(),
        "actors": db.actors(),
        "canonical": [
            (item.id, [member.event.id for member in item.members])
            for item in track.canonical_events(db)
        ],
        "proposals": track.proposals(db),
        "search": [
            [event.id for event in db.events(q=words)]
            for words in ("prisoners", "exchange*", "ceasefire OR truce", "Kharkiv missile")
        ],
        "quote_search": [quote.id for quote in db.quotes(q="ceasefire")],
        "page": db.event_page(order="date", limit=5),
    }


def test_the_corpus_ingested_into_postgresql_gives_the_sqlite_store(
    reference: dict, postgres_url: str
):
    with accord.open(postgres_url) as db:
        report = db.ingest(corpus())
        assert report.ok and report.added == 12
        assert store_snapshot(db) == reference["state"]
        with accord.open(reference["path"]) as sqlite:
            ours, theirs = readings(db), readings(sqlite)
    assert ours == theirs
    assert ours["events"] and ours["canonical"] and ours["proposals"]
    assert all(ours["search"]), "every search finds events on both backends"


def test_copy_moves_a_store_to_postgresql_and_back_losslessly(
    reference: dict, postgres_url: str, tmp_path: Path
):
    source, back = tmp_path / "source.db", tmp_path / "back.db"
    shutil.copy(reference["path"], source)
    with accord.open(source) as db:
        track.merge(db, *first_two_clusters(db), note="kept together by hand")
        before = store_snapshot(db)
        decisions = decision_rows(db)
    runner = CliRunner()
    there = runner.invoke(main, ["copy", str(source), postgres_url])
    assert there.exit_code == 0, there.output
    assert "12 articles" in there.output
    home = runner.invoke(main, ["copy", postgres_url, str(back)])
    assert home.exit_code == 0, home.output
    with accord.open(postgres_url) as on_postgres, accord.open(back) as on_sqlite:
        assert store_snapshot(on_postgres) == before == store_snapshot(on_sqlite)
        assert decision_rows(on_postgres) == decisions == decision_rows(on_sqlite)
        with accord.open(source) as original:
            assert readings(on_postgres) == readings(original) == readings(on_sqlite)
        # what is added after a copy gets new ids past the copied ones
        track.split(on_postgres, *a_member_to_split(on_postgres))
        assert len(decision_rows(on_postgres)) > len(decisions)


def test_copy_refuses_a_destination_that_holds_articles(reference: dict):
    result = CliRunner().invoke(main, ["copy", str(reference["path"]), str(reference["path"])])
    assert result.exit_code != 0
    assert "destination already holds articles" in result.output


def first_two_clusters(db: accord.api.Accord) -> tuple[str, str]:
    found = [item.id for item in track.canonical_events(db)]
    return found[0], found[1]


def a_member_to_split(db: accord.api.Accord) -> tuple[str, str]:
    for item in track.canonical_events(db, min_articles=2):
        return item.id, item.members[-1].event.id
    raise AssertionError("no canonical event with two members")


def decision_rows(db: accord.api.Accord) -> list[tuple]:
    rows = db.connection.execute(
        "SELECT id, kind, event_a, event_b, created_at, note FROM track_decisions ORDER BY id"
    )
    return [tuple(row) for row in rows]


def test_concurrent_writer_processes_fill_one_store_as_one_process_does(
    reference: dict, postgres_url: str
):
    """Three ``accord ingest`` processes at once, on overlapping thirds of the corpus: no
    article twice, none lost, tracking up to date once all are done."""
    paths = corpus()
    shares = [paths[0:6], paths[3:9], paths[6:12] + paths[0:2]]
    environment = {**os.environ, "ACCORD_DB": postgres_url}
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "accord.cli", "ingest", *share],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for share in shares
    ]
    seen: list[dict[str, int]] = []
    with accord.open(postgres_url) as reader:
        while any(writer.poll() is None for writer in writers):
            seen.append(events_by_article(reader))
            time.sleep(0.05)
    outputs = [writer.communicate(timeout=600) for writer in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, out + err
    with accord.open(postgres_url) as db:
        assert not db.tracking_pending()
        assert store_snapshot(db) == reference["state"]
        final = events_by_article(db)
    # a reader saw each article whole or not at all
    assert any(seen), "the reader looked while articles were being stored"
    for look in seen:
        assert all(final[article] == count for article, count in look.items())


def events_by_article(db: accord.api.Accord) -> dict[str, int]:
    """Events per stored article (an article without events counts 0)."""
    rows = db.connection.execute(
        "SELECT a.id, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id"
        " GROUP BY a.id"
    )
    return {row[0]: row[1] for row in rows}


def test_dask_workers_write_each_article_to_postgresql(reference: dict, postgres_url: str):
    pytest.importorskip("distributed")
    with accord.open(postgres_url) as db:
        report = db.ingest(corpus(), engine="dask", jobs=2)
        assert report.ok and report.added == 12 and report.events > 0
        assert store_snapshot(db) == reference["state"]
        again = db.ingest(corpus(), engine="dask", jobs=2)
        assert again.added == 0 and again.unchanged == 12
        assert store_snapshot(db) == reference["state"]


def test_a_retried_worker_task_adds_nothing(postgres_url: str):
    """A task Dask runs again (its worker was lost after saving) finds its articles stored."""
    from accord.engines import extract_and_save_chunk
    from accord.ingest import read_sources

    articles = [item for item in read_sources(corpus()[:2])]
    first = extract_and_save_chunk(articles, postgres_url, 30.0)
    assert [result.outcome for result in first] == ["added", "added"]
    with accord.open(postgres_url) as db:
        before = store_snapshot(db)
    again = extract_and_save_chunk(articles, postgres_url, 30.0)
    assert [result.outcome for result in again] == ["unchanged", "unchanged"]
    with accord.open(postgres_url) as db:
        assert store_snapshot(db) == before
        assert db.tracking_pending(), "tracking is the driver's job, after the map"


def test_a_second_store_on_the_same_server_is_its_own(postgres_server: str):
    first, second = fresh_database(postgres_server), fresh_database(postgres_server)
    with accord.open(first) as db:
        db.ingest(corpus()[:2])
    with accord.open(second) as other:
        assert other.totals().articles == 0


def test_a_writer_that_waits_too_long_stops_with_a_clear_error(postgres_url: str):
    """Another process holding the write lock past the timeout: StoreLockedError, nothing
    half-written, and the same save goes through once the lock is free."""
    import psycopg

    from accord.errors import StoreLockedError
    from accord.store.postgres import WRITE_LOCK
    from records import talks_extraction

    with accord.open(postgres_url, timeout=0.5) as db:
        holder = psycopg.connect(postgres_url, autocommit=True)
        try:
            holder.execute("BEGIN")
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            with pytest.raises(StoreLockedError, match="locked by another process"):
                db.save_extraction(talks_extraction())
            assert db.totals().articles == 0
            holder.execute("ROLLBACK")
        finally:
            holder.close()
        assert db.save_extraction(talks_extraction()).value == "added"
