"""The HTTP API against a real ``accord serve`` process over a database of the test corpus."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import accord
from accord.ingest import make_article
from accord.models import MODALITIES
from conftest import BACKENDS, fresh_database
from serving import HOSTILE_TEXT, build_corpus_db, hostile_article, running_server

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module", params=BACKENDS)
def db_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus in a SQLite file, then in a PostgreSQL database: every test runs on both."""
    if request.param == "postgresql":
        return build_corpus_db(fresh_database(request.getfixturevalue("postgres_server")))
    return build_corpus_db(tmp_path_factory.mktemp("serve-api") / "corpus.db")


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    with running_server(db_path, ingest_token=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as opened:
        yield opened


def all_pages(client: httpx.Client, path: str, **params: object) -> list[dict]:
    """Every item of a paged list, following ``next_cursor``; no page may repeat an item."""
    items: list[dict] = []
    cursor = None
    while True:
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


# -- documents and headers ----------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client: httpx.Client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/quotes",
        "/api/actors",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/network",
        "/api/map",
    ):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    parameters = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "country", "since", "until", "cursor", "limit", "sort"} <= parameters


def test_docs_page_is_served_locally(client: httpx.Client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "/static/docs.js" in response.text
    assert "cdn" not in response.text.lower()
    assert client.get("/static/docs.js").status_code == 200


def test_pages_and_api_send_a_strict_content_security_policy(client: httpx.Client):
    for path in ("/", "/api/events", "/static/app.js", "/api/events/nope"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_ui_assets_are_in_the_package(client: httpx.Client):
    page = client.get("/").text
    for asset in ("/static/app.js", "/static/app.css"):
        assert asset in page
        assert client.get(asset).status_code == 200
    world = client.get("/static/world.json").json()
    assert len(world["features"]) > 150


# -- events -------------------------------------------------------------------------------------


def test_events_match_the_python_api(client: httpx.Client, db_path: Path):
    with accord.open(db_path) as db:
        expected = [event.id for event in db.events(type="ASSAULT")]
    assert ids(all_pages(client, "/api/events", type="assault")) == expected


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "PROTEST"}, lambda e: e["type"] == "PROTEST"),
        ({"modality": "agreed"}, lambda e: e["modality"] == "agreed"),
        ({"since": "2025-06", "until": "2025-06-30"}, lambda e: e["date"]["start"] >= "2025-06"),
        ({"until": "2024"}, lambda e: e["date"]["start"] <= "2024-12-31"),
        ({"place": "Tbilisi"}, lambda e: e["place"]["name"] == "Tbilisi"),
        ({"q": "ceasefire"}, lambda e: "ceasefire" in e["evidence"]["sentence"].lower()),
        (
            {"country": "SDN"},
            lambda e: (
                (e["place"] or {}).get("country") == "SDN"
                or any(ref["country"] == "SDN" for ref in e["sources"] + e["targets"])
            ),
        ),
        (
            {"actor": "zelensk"},
            lambda e: any(
                "zelensk" in (ref["name"] + ref["text"]).lower()
                for ref in e["sources"] + e["targets"]
            ),
        ),
    ],
)
def test_event_filters(client: httpx.Client, params: dict, check):
    found = all_pages(client, "/api/events", **params)
    assert found, params
    assert all(check(event) for event in found), params


def test_article_filter_keeps_one_article(client: httpx.Client):
    article_id = client.get("/api/articles").json()["items"][0]["id"]
    found = all_pages(client, "/api/events", article=article_id)
    assert found and {event["article_id"] for event in found} == {article_id}


@pytest.mark.parametrize("sort", ["date", "-date", "id", "-id"])
def test_pages_cover_every_event_once_in_order(client: httpx.Client, sort: str):
    whole = client.get("/api/events", params={"sort": sort, "limit": 500}).json()
    assert whole["next_cursor"] is None
    paged = all_pages(client, "/api/events", sort=sort, limit=7)
    assert ids(paged) == ids(whole["items"])
    assert len(set(ids(paged))) == len(paged)
    if sort.endswith("id"):
        assert ids(paged) == sorted(ids(paged), reverse=sort.startswith("-"))


def test_the_same_cursor_gives_the_same_page(client: httpx.Client):
    first = client.get("/api/events", params={"limit": 5}).json()
    again = [client.get("/api/events", params={"limit": 5, "cursor": first["next_cursor"]})]
    again.append(client.get("/api/events", params={"limit": 5, "cursor": first["next_cursor"]}))
    assert again[0].json() == again[1].json()
    assert not set(ids(first["items"])) & set(ids(again[0].json()["items"]))


def test_a_cursor_keeps_its_place_when_articles_arrive(client: httpx.Client, db_path: Path):
    first = client.get("/api/events", params={"sort": "id", "limit": 10}).json()
    before = ids(all_pages(client, "/api/events", sort="id"))
    extra = "Turkey hosted talks between Armenia and Azerbaijan in Ankara on 3 June 2025."
    with accord.open(db_path) as db:
        assert db.ingest_article(make_article(extra, published="2025-06-04")).added == 1
    rest = all_pages(client, "/api/events", sort="id", limit=10, cursor=first["next_cursor"])
    last_seen = first["items"][-1]["id"]
    assert all(event["id"] > last_seen for event in rest)
    assert [i for i in before if i > last_seen] == [i for i in ids(rest) if i in set(before)]


def test_event_detail_has_its_evidence_and_article(client: httpx.Client):
    listed = client.get("/api/events", params={"type": "ASSAULT", "place": "Kupiansk"}).json()
    event = client.get(f"/api/events/{listed['items'][0]['id']}").json()
    sentence = event["evidence"]["sentence"]
    spans = {span["kind"]: sentence[span["start"] : span["end"]] for span in event["highlights"]}
    assert spans["trigger"] == event["trigger"]
    assert spans["place"] == event["place"]["text"]
    assert event["evidence"]["start"] >= event["evidence"]["sentence_start"]
    article = event["article"]
    assert article["id"] == event["article_id"]
    assert article["title"] and "text" not in article
    assert event["quad"] == "material conflict"


# -- quotes, actors, articles -------------------------------------------------------------------


def test_quotes_page_and_filter_by_speaker(client: httpx.Client, db_path: Path):
    with accord.open(db_path) as db:
        expected = [quote.id for quote in db.quotes()]
        speaker = next(quote.speaker.actor_id for quote in db.quotes() if quote.speaker)
    assert ids(all_pages(client, "/api/quotes", limit=9)) == expected
    by_speaker = all_pages(client, "/api/quotes", speaker=speaker)
    assert by_speaker and all(quote["speaker"]["actor_id"] == speaker for quote in by_speaker)


def test_actors_have_counts(client: httpx.Client):
    actors = all_pages(client, "/api/actors", limit=20)
    russia = next(actor for actor in actors if actor["id"] == "rus")
    assert russia["events"] > 0 and russia["country"] == "RUS"
    assert all(
        actor["country"] == "UKR" for actor in all_pages(client, "/api/actors", country="Ukraine")
    )


def test_articles_list_and_detail(client: httpx.Client):
    articles = all_pages(client, "/api/articles", limit=2)
    assert len(articles) >= 5 and all("text" not in article for article in articles)
    detail = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert detail["text"] and detail["events"] is not None and detail["quotes"] is not None


# -- views --------------------------------------------------------------------------------------


def test_stats_count_events_by_type_and_day(client: httpx.Client, db_path: Path):
    with accord.open(db_path) as db:
        totals = db.totals()
        assaults = len(db.events(type="ASSAULT"))
    stats = client.get("/api/stats", params={"unit": "events"}).json()
    assert stats["totals"]["events"] == totals.events == stats["events"]
    assert sum(stats["by_type"].values()) == totals.events
    on_days = sum(row["count"] for row in stats["timeline"])
    assert on_days + stats["imprecise"] + stats["undated"] == totals.events
    by_events = client.get("/api/stats", params={"type": "ASSAULT", "unit": "events"}).json()
    assert by_events["events"] == assaults


def test_network_edges_carry_weights_and_kinds(client: httpx.Client):
    network = client.get("/api/network").json()
    nodes = {node["id"] for node in network["nodes"]}
    assert {"rus", "ukr"} <= nodes
    for edge in network["edges"]:
        assert {edge["source"], edge["target"]} <= nodes
        assert edge["weight"] == edge["cooperation"] + edge["conflict"] >= 1
        assert edge["kind"] in ("cooperation", "conflict")
    assaults = client.get("/api/network", params={"type": "ASSAULT"}).json()["edges"]
    assert assaults and all(edge["kind"] == "conflict" for edge in assaults)


def test_map_groups_geocoded_events_by_place(client: httpx.Client):
    points = client.get("/api/map", params={"unit": "events"}).json()["points"]
    tbilisi = next(point for point in points if point["name"] == "Tbilisi")
    assert tbilisi["country"] == "GEO" and 41 < tbilisi["lat"] < 42 and 44 < tbilisi["lon"] < 45
    listed = client.get("/api/events", params={"place": tbilisi["key"], "limit": 500}).json()
    assert tbilisi["events"] == len(listed["items"]) >= 1
    assert all(point["lat"] is not None and point["lon"] is not None for point in points)


def test_proposals_carry_dated_steps_backed_by_stored_events(client: httpx.Client):
    response = client.get("/api/proposals")
    assert response.status_code == 200
    proposals = response.json()["items"]
    assert proposals, "the corpus reports proposals (a prisoner exchange, a ceasefire)"
    exchange = [p for p in proposals if "prisoner" in p["subject"]]
    assert exchange and exchange[0]["steps"][0]["status"] == "agreed"
    for proposal in proposals:
        assert proposal["status"] == proposal["steps"][-1]["label"]
        one = client.get(f"/api/proposals/{proposal['id']}").json()
        assert one == proposal
        for event_id in {e for step in proposal["steps"] for e in step["event_ids"]}:
            assert client.get(f"/api/events/{event_id}").status_code == 200


def test_unknown_proposal_is_a_404(client: httpx.Client):
    response = client.get("/api/proposals/p-none")
    assert response.status_code == 404
    assert "p-none" in response.json()["detail"]


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/events", {"type": "BOMBING"}, 400),
        ("/api/events", {"modality": "maybe"}, 400),
        ("/api/events", {"since": "yesterday"}, 400),
        ("/api/events", {"until": "2025-13-45-1"}, 400),
        ("/api/events", {"cursor": "not-a-cursor"}, 400),
        ("/api/events", {"cursor": "eyJwIjogMX0"}, 400),  # valid base64 JSON, wrong shape
        ("/api/events", {"limit": "0"}, 422),
        ("/api/events", {"limit": "100000"}, 422),
        ("/api/events", {"limit": "ten"}, 422),
        ("/api/events", {"sort": "random"}, 422),
        ("/api/events/no-such-event", {}, 404),
        ("/api/articles/no-such-article", {}, 404),
        ("/api/quotes", {"cursor": "%%%"}, 400),
        ("/api/network", {"max_nodes": "-1"}, 422),
        ("/api/map", {"since": "2025/05/01"}, 400),
        ("/api/stats", {"type": "<script>"}, 400),
        ("/api/nothing-here", {}, 404),
    ],
)
def test_bad_requests_get_a_4xx_with_a_message(
    client: httpx.Client, path: str, params: dict, status: int
):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.text


def test_a_cursor_from_other_filters_is_refused(client: httpx.Client):
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    response = client.get("/api/events", params={"limit": 2, "cursor": cursor, "type": "AGREE"})
    assert response.status_code == 400
    assert "other filters" in response.json()["detail"]


# -- ingest over HTTP ---------------------------------------------------------------------------


def test_ingest_is_off_without_a_token(db_path: Path):
    with running_server(db_path) as url:
        response = httpx.post(f"{url}/api/articles", json={"text": "Russia attacked Ukraine."})
    assert response.status_code == 403
    assert "--ingest-token" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_ingest_needs_the_right_bearer_token(client: httpx.Client, header: str | None):
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/articles", json={"text": "Russia attacked."}, headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": "x", "html": "<p>x</p>"}, 422),
        ({"title": "no text"}, 422),
        ({"text": "   "}, 400),
        ({"text": "fine", "unknown": 1}, 422),
        ([{"text": "fine"}] * 51, 413),
    ],
)
def test_bad_ingest_bodies_are_refused(client: httpx.Client, body: object, status: int):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/articles", json=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_malformed_json_is_a_4xx(client: httpx.Client):
    response = client.post(
        "/api/articles",
        content=b"{not json",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.fixture(scope="module")
def hostile_post(client: httpx.Client) -> tuple[dict, httpx.Response]:
    """The hostile article posted once over HTTP: (the body sent, the response)."""
    hostile = hostile_article()
    body = {
        "text": HOSTILE_TEXT,
        "title": hostile.title,
        "url": "https://example.org/hostile",
        "outlet": hostile.outlet,
        "published": "2025-06-03",
    }
    response = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    return body, response


def test_ingest_with_the_token_runs_the_pipeline(client: httpx.Client, hostile_post):
    body, response = hostile_post
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["added"] == 1 and report["events"] >= 1 and not report["failed"]
    article_id = report["articles"][0]
    events = all_pages(client, "/api/events", article=article_id)
    assert len(events) == report["events"]
    assert any(event["type"] == "ASSAULT" for event in events)
    again = client.post("/api/articles", json=[body], headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["unchanged"] == 1


def test_a_post_answers_before_tracking_which_follows_in_the_background(client: httpx.Client):
    """A POST answers once its articles are committed (tracking pending); tracking then takes
    them in, in the background; ``wait=true`` answers after tracking, for scripts that read
    canonical events next."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    text = "Russian drones struck the port of Izmail on Tuesday, killing two dock workers."
    before = client.get("/api/stats").json()["totals"]["clusters"]
    posted = client.post(
        "/api/articles", json={"text": text, "published": "2025-07-01"}, headers=headers
    )
    assert posted.status_code == 201 and posted.json()["tracking"] == "pending"
    deadline = time.monotonic() + 60
    while client.get("/api/stats").json()["totals"]["clusters"] == before:
        assert time.monotonic() < deadline, "tracking never took the posted article in"
        time.sleep(0.2)
    text = "Ukrainian drones hit an oil depot in Novorossiysk on Wednesday, officials said."
    waited = client.post(
        "/api/articles",
        params={"wait": "true"},
        json={"text": text, "published": "2025-07-02"},
        headers=headers,
    )
    assert waited.status_code == 201 and waited.json()["tracking"] == "done"
    after = client.get("/api/stats").json()["totals"]["clusters"]
    posted_events = sum(
        len(all_pages(client, "/api/events", article=article))
        for article in (posted.json()["articles"][0], waited.json()["articles"][0])
    )
    assert before < after <= before + posted_events


def test_markup_in_articles_comes_back_as_text(client: httpx.Client, hostile_post):
    article_id = hostile_post[1].json()["articles"][0]
    events = all_pages(client, "/api/events", article=article_id, q="Kharkiv officials")
    hostile = next(e for e in events if "<script>" in e["evidence"]["sentence"])
    assert "<script>alert(1)</script>" in hostile["evidence"]["sentence"]
    article = client.get(f"/api/articles/{hostile['article_id']}").json()
    assert "<script>alert(1)</script>" in article["text"]
    assert "<img src=x onerror=alert(1)>" in article["text"]
    assert article["title"] == "<script>alert(1)</script> Kharkiv shelled"
    response = client.get(f"/api/articles/{hostile['article_id']}")
    assert response.headers["content-type"].startswith("application/json")


def test_html_ingest_drops_page_scripts(client: httpx.Client):
    page = (
        "<html><head><title>Talks</title><script>alert('page')</script></head><body>"
        "<article><p>Turkish officials said on Tuesday that Ukraine and Russia agreed to "
        "exchange 500 prisoners after talks in Istanbul.</p></article></body></html>"
    )
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post(
        "/api/articles", json={"html": page, "published": "2025-06-10"}, headers=headers
    )
    assert response.status_code == 201, response.text
    article = client.get(f"/api/articles/{response.json()['articles'][0]}").json()
    assert "alert" not in article["text"] and "prisoners" in article["text"]


def test_modalities_listed_for_clients(client: httpx.Client):
    types = client.get("/api/types").json()
    assert len(types["types"]) == 16
    assert types["modalities"] == list(MODALITIES)
