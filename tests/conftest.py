"""Fixtures shared by the test modules: a PostgreSQL server for the session, and store
locations on either backend (``backend_location`` runs a test once per backend).

The server is ``ACCORD_TEST_POSTGRES_URL`` when set, else a throwaway one started here
(``tests/pg_server.py``). Without one a PostgreSQL test is skipped on a laptop and fails in
CI (``CI`` set), so a CI run cannot pass by skipping it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pg_server import bin_dir, throwaway_postgres

BACKENDS = ("sqlite", "postgresql")
TUNE_NEWS = Path(__file__).resolve().parent / "corpus_news" / "tune"
_database_numbers = itertools.count(1)


def no_postgres(reason: str) -> None:
    """Skip on a laptop; fail in CI, where PostgreSQL must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for the whole session (its ``postgres`` database)."""
    if not os.environ.get("ACCORD_TEST_POSTGRES_URL") and bin_dir() is None:
        no_postgres("no PostgreSQL server: run scripts/ensure_postgres.sh")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        no_postgres("psycopg is not installed")
    with throwaway_postgres() as url:
        yield url


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server; returns its URL."""
    import psycopg

    name = f"accord_test_{os.getpid()}_{next(_database_numbers)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """An empty PostgreSQL database of its own for one test."""
    return fresh_database(postgres_server)


@pytest.fixture(params=BACKENDS)
def backend_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a new store goes: a SQLite file, then an empty PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "accord.db"
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(scope="session")
def tune_docs() -> list:
    """The first twelve tune news articles parsed once: what a same-output speed-up is
    checked against, reading by the old form and the new on real text."""
    from accord.nlp import load_nlp

    nlp = load_nlp()
    paths = sorted(TUNE_NEWS.glob("*.txt"))[:12]
    return [nlp(path.read_text(encoding="utf-8")) for path in paths]
