"""Hostile and malformed requests against a real ``accord serve``: each is a clean 4xx naming
what is wrong, never a 500 or a dropped connection, and a large body costs the server nothing
before its token is checked."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from accord.serve import create_app
from accord.serve.ingest import MAX_BODY_BYTES
from serving import (
    SERVER_ENV,
    build_corpus_db,
    free_port,
    resident_megabytes,
    running_server,
    server_process,
)

TOKEN = "hostile-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MEGABYTE = 1 << 20


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_db(tmp_path_factory.mktemp("serve-hostile") / "corpus.db")


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    with running_server(db_path, ingest_token=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as opened:
        yield opened


def on_one_connection(
    base_url: str, requests: list[tuple[str, str, dict[str, bytes | str], bytes | None]]
) -> list[tuple[int, str]]:
    """Send requests in turn over one kept-alive connection: (status, body) of each.

    Raises if the server drops the connection (as it did after every 500), and checks that
    no request needed a new one.
    """
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    answers, sockets = [], set()
    try:
        for method, target, headers, body in requests:
            connection.putrequest(method, target)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body or b"")))
            connection.endheaders(body)
            response = connection.getresponse()
            answers.append((response.status, response.read().decode("utf-8", "replace")))
            sockets.add(id(connection.sock))
    finally:
        connection.close()
    assert len(sockets) == 1, "the server closed the connection"
    return answers


def then_types(*first: tuple[str, str, dict, bytes | None]) -> list:
    """The requests, then a plain ``GET /api/types`` that must still be answered."""
    return [*first, ("GET", "/api/types", {}, None)]


def unsigned_cursor(position: object, query: dict) -> str:
    """A cursor as the server made them before they were signed: base64 JSON with an unkeyed
    hash of the query, so anyone could write one."""
    canonical = json.dumps({k: v for k, v in query.items() if v not in (None, "")}, sort_keys=True)
    owner = hashlib.sha256(canonical.encode()).hexdigest()[:12]
    payload = json.dumps({"p": position, "q": owner}).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


# -- no 500s, no dropped connections -----------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "/api/events?q=a%00b",
        "/api/quotes?q=a%00b",
        "/api/stats?q=%00",
        "/api/network?q=a%00",
        "/api/map?q=%00b",
        "/api/actors?q=a%00b",
    ],
)
def test_a_nul_in_a_search_is_a_400_and_the_connection_stays_open(base_url: str, target: str):
    (status, body), (after, _) = on_one_connection(base_url, then_types(("GET", target, {}, None)))
    assert status == 400, body
    assert json.loads(body)["detail"].startswith("q:")
    assert after == 200


def test_a_non_ascii_bearer_token_is_a_401_and_the_connection_stays_open(base_url: str):
    headers = {"Authorization": "Bearer café".encode(), "Content-Type": "application/json"}
    body = json.dumps({"text": "Russia attacked Ukraine."}).encode()
    (status, detail), (after, _) = on_one_connection(
        base_url, then_types(("POST", "/api/articles", headers, body))
    )
    assert status == 401, detail
    assert after == 200


@pytest.mark.parametrize(
    "target",
    [
        f"/api/articles?cursor={unsigned_cursor(2**63, {})}",
        f"/api/quotes?cursor={unsigned_cursor(2**63, {})}",
        f"/api/actors?cursor={unsigned_cursor(2**64, {})}",
        "/api/events?cursor="
        + unsigned_cursor(["2025-06-01", "2025-06-01", "a", 0, 2**63, "a-e1"], {"sort": "date"}),
    ],
)
def test_a_forged_cursor_is_a_400_naming_the_cursor(base_url: str, target: str):
    (status, body), (after, _) = on_one_connection(base_url, then_types(("GET", target, {}, None)))
    assert status == 400, body
    assert json.loads(body)["detail"].startswith("cursor ")
    assert after == 200


def test_a_cursor_with_its_position_changed_is_refused(client: httpx.Client):
    cursor = client.get("/api/articles", params={"limit": 1}).json()["next_cursor"]
    payload, signature = cursor.split(".")
    position = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    position["p"] = 2**63
    forged = base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")
    for bad in (f"{forged}.{signature}", f"{payload}.{signature[:-2]}", payload):
        response = client.get("/api/articles", params={"limit": 1, "cursor": bad})
        assert response.status_code == 400, response.text
        assert response.json()["detail"].startswith("cursor ")
    again = client.get("/api/articles", params={"limit": 1, "cursor": cursor})
    assert again.status_code == 200


def test_cursors_are_signed_with_the_servers_key(db_path: Path):
    """A shared ACCORD_CURSOR_KEY lets another server continue a page; another key does not."""
    key = "shared-cursor-key-0123456789"
    with running_server(db_path, cursor_key=key) as first:
        first_page = httpx.get(f"{first}/api/events", params={"limit": 3}).json()
    cursor = first_page["next_cursor"]
    with running_server(db_path, cursor_key=key) as second:
        shared = httpx.get(f"{second}/api/events", params={"limit": 3, "cursor": cursor})
    with running_server(db_path) as stranger:
        refused = httpx.get(f"{stranger}/api/events", params={"limit": 3, "cursor": cursor})
    assert shared.status_code == 200, shared.text
    first_ids = {event["id"] for event in first_page["items"]}
    assert shared.json()["items"] and not first_ids & {e["id"] for e in shared.json()["items"]}
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith("cursor ")


# -- bad values are a 400 naming the parameter --------------------------------------------------


@pytest.mark.parametrize(
    ("target", "parameter"),
    [
        ("/api/events?since=2025-02-30", "since"),
        ("/api/events?until=2025-13", "until"),
        ("/api/stats?since=0000", "since"),
        ("/api/events?since=2025-06-01&until=2025-01-01", "since"),
        ("/api/map?since=2025-07&until=2025-06-30", "since"),
        ("/api/events?country=Atlantis", "country"),
        ("/api/network?country=XYZ", "country"),
        ("/api/actors?country=Atlantis", "country"),
        ("/api/actors?sector=XYZ", "sector"),
        ("/api/proposals?status=bogus", "status"),
        ("/api/events?actor=%00", "actor"),
        ("/api/events?place=Kyiv%00", "place"),
        ("/api/quotes?speaker=%00", "speaker"),
        ("/api/events?sort=id&sort=-id", "sort"),
        ("/api/stats?country=UKR&country=RUS", "country"),
        ("/api/actors?limit=5&limit=6", "limit"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(
    client: httpx.Client, target: str, parameter: str
):
    response = client.get(target)
    assert response.status_code == 400, response.text
    assert parameter in response.json()["detail"]


def test_good_values_of_the_same_parameters_are_answered(client: httpx.Client):
    for target in (
        "/api/events?since=2024-02-29&until=2025-06",
        "/api/events?since=2025-06&until=2025-06",
        "/api/events?country=Ukraine",
        "/api/actors?country=ukr&sector=gov",
    ):
        response = client.get(target)
        assert response.status_code == 200, (target, response.text)
        assert response.json()["items"], target
    status = client.get("/api/proposals").json()["items"][0]["steps"][-1]["status"]
    found = client.get("/api/proposals", params={"status": f" {status.title()}"}).json()
    assert found["items"] and {item["steps"][-1]["status"] for item in found["items"]} == {status}


def test_several_types_mean_events_of_any_of_them(client: httpx.Client):
    def event_ids(query: str) -> set[str]:
        response = client.get(f"/api/events?limit=500&{query}")
        assert response.status_code == 200, response.text
        return {event["id"] for event in response.json()["items"]}

    assaults, protests = event_ids("type=ASSAULT"), event_ids("type=PROTEST")
    assert assaults and protests
    assert event_ids("type=ASSAULT&type=PROTEST") == assaults | protests
    stats = client.get("/api/stats?type=ASSAULT&type=PROTEST&unit=events").json()
    assert stats["by_type"] == {"ASSAULT": len(assaults), "PROTEST": len(protests)}
    assert client.get("/api/events?type=ASSAULT&type=BOMBING").status_code == 400
    spec = client.get("/openapi.json").json()
    described = next(
        p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "type"
    )
    assert described["schema"]["anyOf"][0]["type"] == "array"
    assert "any of them" in described["description"]


# -- POST /api/articles: token first, body capped, fields named ---------------------------------


def article_count(client: httpx.Client) -> int:
    return client.get("/api/stats").json()["totals"]["articles"]


def test_an_unreadable_published_date_is_refused_naming_item_and_field(client: httpx.Client):
    before = article_count(client)
    batch = [
        {"text": "Turkey hosted talks between Armenia and Azerbaijan in Ankara."},
        {"text": "Russia shelled Kharkiv on Monday, officials said.", "published": "someday"},
    ]
    response = client.post("/api/articles", json=batch, headers=AUTH)
    assert response.status_code == 422, response.text
    assert "body[1].published" in response.json()["detail"]
    assert "someday" in response.json()["detail"]
    single = client.post("/api/articles", json=batch[1], headers=AUTH)
    assert single.status_code == 422 and "body.published" in single.json()["detail"]
    assert article_count(client) == before


def test_a_post_in_another_language_is_refused_naming_the_item(client: httpx.Client):
    before = article_count(client)
    russian = (
        "Российские войска обстреляли Харьков в понедельник, погибли три мирных жителя, "
        "сообщили местные власти."
    )
    batch = [{"text": "Turkey hosted talks in Ankara on Monday."}, {"text": russian}]
    response = client.post("/api/articles", json=batch, headers=AUTH)
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("article 1: language not supported")
    assert article_count(client) == before


def test_a_post_dated_in_the_future_is_stored_with_a_warning(client: httpx.Client):
    article = {"text": "Kenya hosted envoys from Sudan and Chad.", "published": "2099-01-01"}
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 201, response.text
    [warning] = response.json()["warnings"]
    assert "'published' is 2099-01-01" in warning["message"]


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"{not json", {}),
        (json.dumps({"nonsense": 1}).encode(), {}),
        (json.dumps({"text": "x" * 6_000_000}).encode(), {}),
        (json.dumps({"text": "Russia attacked."}).encode(), {"Authorization": "Bearer wrong"}),
        (json.dumps({"text": "Russia attacked."}).encode(), {"Authorization": f"Basic {TOKEN}"}),
    ],
)
def test_without_the_token_a_post_is_a_401_whatever_its_body(
    client: httpx.Client, body: bytes, headers: dict
):
    response = client.post(
        "/api/articles", content=body, headers={"Content-Type": "application/json", **headers}
    )
    assert response.status_code == 401, response.text
    assert set(response.json()) == {"detail"}
    assert "body" not in response.json()["detail"]


def test_with_ingest_off_a_post_is_a_403_before_its_body_is_read(db_path: Path):
    with running_server(db_path) as url:
        response = httpx.post(
            f"{url}/api/articles",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 403


def streamed(megabytes: int, prefix: bytes = b'{"text": "') -> Iterator[bytes]:
    """A JSON-looking body of about ``megabytes`` MB, sent in 1 MB chunks (no length known)."""
    yield prefix
    chunk = b"a" * MEGABYTE
    for _ in range(megabytes):
        yield chunk


def peak_megabytes_during(pid: int, action) -> tuple[object, float]:
    """Run ``action`` while sampling the process's RSS: (its result, the highest RSS seen)."""
    peak, done = [resident_megabytes(pid)], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak.append(resident_megabytes(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result = action()
    finally:
        done.set()
        sampler.join()
    return result, max(peak)


def test_a_large_body_without_the_token_is_refused_without_being_held(db_path: Path):
    """100 MB without a token: a 401 in seconds, and the server's memory does not grow."""
    with server_process(db_path, ingest_token=TOKEN) as (url, process):
        before = resident_megabytes(process.pid)
        started = time.monotonic()
        response, peak = peak_megabytes_during(
            process.pid,
            lambda: httpx.post(
                f"{url}/api/articles",
                content=streamed(100),
                headers={"Content-Type": "application/json"},
                timeout=120,
            ),
        )
        elapsed = time.monotonic() - started
        after = resident_megabytes(process.pid)
    print(f"100 MB POST without token: {elapsed:.1f}s, RSS {before:.0f} -> {peak:.0f} (peak) MB")
    assert response.status_code == 401, response.text
    assert elapsed < 30
    assert peak - before < 40 and after - before < 40


def test_a_body_over_the_cap_is_a_413_even_with_the_token(client: httpx.Client):
    over = MAX_BODY_BYTES // MEGABYTE + 1
    chunked = client.post(
        "/api/articles",
        content=streamed(over),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert chunked.status_code == 413, chunked.text
    length = sum(len(chunk) for chunk in streamed(over))
    declared = client.post(
        "/api/articles",
        content=streamed(over),
        headers={**AUTH, "Content-Type": "application/json", "Content-Length": str(length)},
    )
    assert declared.status_code == 413, declared.text
    assert str(MAX_BODY_BYTES) in declared.json()["detail"]
    assert client.get("/api/types").status_code == 200


def test_the_openapi_request_body_describes_what_the_route_reads(client: httpx.Client):
    operation = client.get("/openapi.json").json()["paths"]["/api/articles"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    article, batch = schema["anyOf"]
    assert {"text", "html", "published", "url"} <= set(article["properties"])
    assert article["additionalProperties"] is False
    assert batch["type"] == "array" and batch["maxItems"] == 50
    assert str(MAX_BODY_BYTES) in operation["requestBody"]["description"]
    assert {"401", "403", "413", "422"} <= set(operation["responses"])


# -- the ingest token ---------------------------------------------------------------------------


def serve_exit(db_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``accord serve`` expecting it to refuse to start: (exit code, stderr)."""
    command = [sys.executable, "-m", "accord.cli", "serve", str(db_path), "--port"]
    finished = subprocess.run(
        [*command, str(free_port()), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**{k: v for k, v in os.environ.items() if k not in SERVER_ENV}, **(env or {})},
    )
    return finished.returncode, finished.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--ingest-token", "x"), None), ((), {"ACCORD_INGEST_TOKEN": "short-token"})],
)
def test_a_short_ingest_token_is_refused_at_start(db_path: Path, args: tuple, env: dict | None):
    code, stderr = serve_exit(db_path, *args, env=env)
    assert code == 2, stderr
    assert "--ingest-token" in stderr and "at least 16 characters" in stderr
    with pytest.raises(ValueError, match="at least 16"):
        create_app(db_path, ingest_token="x")


def test_a_short_cursor_key_is_refused_at_start(db_path: Path):
    code, stderr = serve_exit(db_path, env={"ACCORD_CURSOR_KEY": "short"})
    assert code == 1, stderr
    assert "ACCORD_CURSOR_KEY must be at least 16 characters" in stderr


def test_an_unexpected_error_is_a_json_500_with_headers_on_an_open_connection(
    tmp_path: Path,
) -> None:
    """A store damaged under a running server (here: overwritten with junk) is a failure the
    server cannot foresee: the answer is still JSON, still carries the security headers, and
    the connection stays usable."""
    db = build_corpus_db(tmp_path / "damaged.db")
    with running_server(db) as url:
        assert httpx.get(f"{url}/api/events?limit=1", timeout=60).status_code == 200
        with db.open("r+b") as damaged:
            damaged.seek(4096)
            damaged.write(b"\xff" * (db.stat().st_size - 4096))
        Path(f"{db}-wal").write_bytes(b"")
        (status, body), (after, _) = on_one_connection(
            url, then_types(("GET", "/api/events?limit=200&q=kharkiv", {}, None))
        )
        assert status == 500
        assert json.loads(body) == {"detail": "internal error: see the server log"}
        assert after == 200
        headers = httpx.get(f"{url}/api/events?limit=200&q=kharkiv", timeout=60).headers
        assert "default-src 'self'" in headers["content-security-policy"]
