"""A bounded concurrent load on loopback: the UI's reads from several threads while articles
arrive over HTTP and from an ``accord ingest`` process writing the same database file.

Nothing may fail: no 5xx, no dropped connection, every response well-formed, and at the end
every article posted or ingested is stored.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import accord
from serving import CORPUS, build_corpus_db, running_server

TOKEN = "load-test-token-0123456789"
READERS = 4
TRACKING = Path(__file__).parent / "corpus_tracking"
CITIES = ("Kharkiv", "Odesa", "Sumy", "Dnipro", "Zaporizhzhia", "Kherson")
MIN_POSTED, MAX_POSTED = 6, 400  # the cap only stops a runaway loop
DEADLINE_SECONDS = 300


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_db(tmp_path_factory.mktemp("serve-load") / "corpus.db")


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    with running_server(db_path, ingest_token=TOKEN) as url:
        yield url


# -- what a well-formed answer looks like -------------------------------------------------------


def check_page(body: dict[str, Any]) -> None:
    assert isinstance(body["items"], list)
    assert body["next_cursor"] is None or isinstance(body["next_cursor"], str)
    assert all(isinstance(item["id"], str) and item["id"] for item in body["items"])


def check_stats(body: dict[str, Any]) -> None:
    assert sum(body["by_type"].values()) == body["clusters"] <= body["totals"]["clusters"]
    assert body["events"] <= body["totals"]["events"]
    assert all(isinstance(count, int) for count in body["totals"].values())


def check_network(body: dict[str, Any]) -> None:
    nodes = {node["id"] for node in body["nodes"]}
    assert all({edge["source"], edge["target"]} <= nodes for edge in body["edges"])


def check_map(body: dict[str, Any]) -> None:
    assert all(
        -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180 for point in body["points"]
    )


def check_types(body: dict[str, Any]) -> None:
    assert len(body["types"]) == 16


def check_proposals(body: dict[str, Any]) -> None:
    assert all(proposal["steps"] for proposal in body["items"])


READ_MIX: list[tuple[str, dict[str, Any], Callable[[dict[str, Any]], None]]] = [
    ("/api/stats", {}, check_stats),
    ("/api/stats", {"type": "ASSAULT"}, check_stats),
    ("/api/events", {"limit": 50}, check_page),
    ("/api/network", {"max_nodes": 60}, check_network),
    ("/api/map", {}, check_map),
    ("/api/events", {"actor": "rus", "limit": 100}, check_page),
    ("/api/quotes", {"speaker": "zelensk", "limit": 100}, check_page),
    ("/api/events", {"place": "Kharkiv", "limit": 100}, check_page),
    ("/api/actors", {"limit": 50}, check_page),
    ("/api/articles", {"limit": 20}, check_page),
    ("/api/proposals", {}, check_proposals),
    ("/api/types", {}, check_types),
]


class Tally:
    """Requests made and problems seen, shared by the threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.problems: list[str] = []

    def get(self, client: httpx.Client, path: str, params: dict[str, Any]) -> dict | None:
        """GET and parse; a transport error, a non-200 or a non-JSON body is a problem."""
        try:
            response = client.get(path, params=params)
            body = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError) as error:
            self.problem(f"{path} {params}: {type(error).__name__}: {error}")
            return None
        finally:
            with self.lock:
                self.requests += 1
        if body is None:
            self.problem(f"{path} {params}: {response.status_code} {response.text[:200]}")
        return body

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


def read_like_the_ui(base_url: str, offset: int, tally: Tally, stop: threading.Event) -> None:
    """Cycle through the UI's requests; on an event page, also open the next page, the first
    event with its evidence and its article (what a click does)."""
    with httpx.Client(base_url=base_url, timeout=120) as client:
        step = offset
        while not stop.is_set():
            path, params, check = READ_MIX[step % len(READ_MIX)]
            step += 1
            body = tally.get(client, path, params)
            if body is None:
                continue
            try:
                check(body)
                if path == "/api/events" and body["items"]:
                    open_an_event(client, body, params, tally)
            except (AssertionError, KeyError, TypeError) as error:
                tally.problem(f"{path} {params}: malformed: {error!r}")


def open_an_event(client: httpx.Client, page: dict, params: dict, tally: Tally) -> None:
    event = page["items"][0]
    detail = tally.get(client, f"/api/events/{event['id']}", {})
    if detail is not None:
        assert detail["id"] == event["id"] and detail["article"]["id"] == event["article_id"]
        assert isinstance(detail["highlights"], list)
        article = tally.get(client, f"/api/articles/{event['article_id']}", {})
        assert article is None or article["text"]
    if page["next_cursor"]:
        after = tally.get(client, "/api/events", {**params, "cursor": page["next_cursor"]})
        if after is not None:
            check_page(after)


def tracking_texts() -> list[str]:
    return [str(path) for path in sorted(TRACKING.glob("*.txt"))]


def post_articles(base_url: str, tally: Tally, ingest: subprocess.Popen) -> list[str]:
    """Post one article per request over HTTP until the ``accord ingest`` process is done
    (at least ``MIN_POSTED``, at most ``MAX_POSTED``), so the two writers overlap; their ids."""
    posted: list[str] = []
    with httpx.Client(base_url=base_url, timeout=300) as client:
        for number in range(MAX_POSTED):
            if number >= MIN_POSTED and ingest.poll() is not None:
                break
            city = CITIES[number % len(CITIES)]
            article = {
                "text": f"Russian forces shelled {city} on Monday, killing {number + 2} civilians, "
                f"officials said.\n\nUkraine accused Russia of attacking {city} again.",
                "title": f"{city} shelled",
                "published": f"2025-07-{number % 28 + 1:02d}",
            }
            response = client.post(
                "/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"}
            )
            if response.status_code != 201 or response.json()["added"] != 1:
                tally.problem(f"POST {number}: {response.status_code} {response.text[:300]}")
                continue
            posted += response.json()["articles"]
    return posted


def test_readers_and_two_writers_at_once_see_no_error(base_url: str, db_path: Path):
    tally, stop = Tally(), threading.Event()
    readers = [
        threading.Thread(target=read_like_the_ui, args=(base_url, offset * 3, tally, stop))
        for offset in range(READERS)
    ]
    for reader in readers:
        reader.start()
    started = time.monotonic()
    ingest = subprocess.Popen(
        [sys.executable, "-m", "accord.cli", "--db", str(db_path), "ingest", *tracking_texts()],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        posted = post_articles(base_url, tally, ingest)
        output, _ = ingest.communicate(timeout=DEADLINE_SECONDS)
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=DEADLINE_SECONDS)
        if ingest.poll() is None:
            ingest.kill()
    elapsed = time.monotonic() - started
    print(
        f"load: {tally.requests} reads in {elapsed:.1f}s from {READERS} threads, while "
        f"{len(posted)} articles were posted and `accord ingest` stored {TRACKING.name}"
    )

    assert not tally.problems, tally.problems[:10]
    assert ingest.returncode == 0, output
    assert "failed 0" in output, output
    assert MIN_POSTED <= len(posted) < MAX_POSTED, "the posts did not outlast the ingest"
    assert tally.requests >= 5 * READERS
    expected = len(list(CORPUS.glob("*.txt"))) + len(posted) + len(tracking_texts())
    with accord.open(db_path) as db:
        assert db.totals().articles == expected
        assert all(db.article(article_id) for article_id in posted)
    stats = httpx.get(f"{base_url}/api/stats", timeout=60).json()
    assert stats["totals"]["articles"] == expected
