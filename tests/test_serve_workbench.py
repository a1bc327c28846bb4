"""The workbench API (issue 12) against a real ``accord serve`` over the tracking corpus: real
events, each reported by several outlets, so a total that adds reports instead of real events
is caught."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx
import pyarrow.parquet as pq
import pytest

import accord
from accord import track
from accord.display import date_display
from conftest import BACKENDS, fresh_database
from serving import running_server

CORPUS = Path(__file__).parent / "corpus_tracking"


@pytest.fixture(scope="module", params=BACKENDS)
def db_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tracking corpus in a SQLite file, then in a PostgreSQL database."""
    if request.param == "postgresql":
        path = fresh_database(request.getfixturevalue("postgres_server"))
    else:
        path = tmp_path_factory.mktemp("workbench") / "tracking.db"
    with accord.open(path) as db:
        report = db.ingest(sorted(str(path) for path in CORPUS.glob("*.txt")))
        assert report.ok, report
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[httpx.Client]:
    with running_server(db_path) as url, httpx.Client(base_url=url, timeout=60) as opened:
        yield opened


def all_pages(client: httpx.Client, path: str, **params: object) -> list[dict]:
    """Every item of a paged list, following ``next_cursor`` (small pages, to page often)."""
    items: list[dict] = []
    cursor = None
    while True:
        extra = {"cursor": cursor} if cursor else {}
        response = client.get(path, params={"limit": 7, **params, **extra})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def best(item: dict, kind: str = "killed") -> int:
    return item["counts"].get(kind, {}).get("best", 0)


# -- canonical events ---------------------------------------------------------------------------


def test_clusters_page_through_every_canonical_event_once(client: httpx.Client, db_path: Path):
    clusters = all_pages(client, "/api/clusters")
    with accord.open(db_path) as db:
        stored = db.connection.execute("SELECT count(*) FROM canonical_events").fetchone()[0]
        events = db.totals().events
    assert len({item["id"] for item in clusters}) == len(clusters) == stored
    assert client.get("/api/clusters", params={"limit": 1}).json()["total"] == stored
    assert sum(item["events"] for item in clusters) == events
    assert stored < events, "the corpus reports the same events in several articles"


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_undated_canonical_events_come_last(client: httpx.Client, sort: str):
    clusters = all_pages(client, "/api/clusters", sort=sort)
    starts = [item["date"]["start"] for item in clusters]
    dated = [start for start in starts if start]
    assert dated and None in starts
    assert starts == dated + [None] * (len(starts) - len(dated))
    assert dated == sorted(dated, reverse=sort.startswith("-"))
    for item in clusters:
        shown = item["date"]
        assert shown["display"] == date_display(
            shown["start"], shown["end"], shown["precision"], shown["by"]
        )


def test_the_strike_four_outlets_report_counts_once_with_its_range(client: httpx.Client):
    """The Kharkiv strike: outlets give 12 and 14 killed; the canonical event counts it once,
    best figure beside the range, as the tracking summary decides it."""
    ranked = client.get("/api/clusters", params={"sort": "reports", "type": "ASSAULT"}).json()
    strike = ranked["items"][0]
    assert strike["place"]["name"] == "Kharkiv" and strike["outlets"] >= 4
    killed = strike["counts"]["killed"]
    assert killed["low"] < killed["high"] and "killed" in strike["conflicts"]
    assert strike["figures"].startswith(f"{killed['low']}-{killed['high']} killed")
    assert f"{strike['reports']} reports, {strike['outlets']} outlets" in strike["figures"]
    detail = client.get(f"/api/clusters/{strike['id']}").json()
    assert len(detail["members"]) == strike["events"]
    assert len({member["outlet"] for member in detail["members"]}) == strike["outlets"]
    figures = {member["counts"]["killed"] for member in detail["members"] if member["counts"]}
    assert {killed["low"], killed["high"]} <= figures
    assert detail["claims"]["killed"]["best"] == killed["best"]
    assert detail["why"], "every merged report says why"
    member = detail["members"][0]
    assert (
        client.get(f"/api/events/{member['event_id']}").json()["article_id"]
        == (member["article_id"])
    )
    by_member = client.get(f"/api/clusters/{member['event_id']}").json()
    assert by_member["id"] == strike["id"]


def test_totals_are_the_sum_of_each_real_events_best_figure(client: httpx.Client, db_path: Path):
    """Stats, the map and a place's page add up canonical events' best figures, not reports;
    the figures match the Python tracking API's."""
    with accord.open(db_path) as db:
        canonical = track.canonical_events(db)
    expected = sum(c.best for event in canonical for c in event.counts if c.kind == "killed")
    clusters = all_pages(client, "/api/clusters")
    assert sum(best(item) for item in clusters) == expected
    stats = client.get("/api/stats").json()
    assert stats["counts"]["killed"]["best"] == expected
    reports = client.get("/api/stats", params={"unit": "events"}).json()
    assert reports["counts"]["killed"]["best"] > expected, "reports count the strike repeatedly"
    points = client.get("/api/map").json()["points"]
    placed = [item for item in clusters if item["place"] and item["place"]["lat"] is not None]
    assert sum(point["killed"]["best"] for point in points) == sum(best(c) for c in placed)
    kharkiv = next(point for point in points if point["name"] == "Kharkiv")
    page = client.get(f"/api/places/{quote(kharkiv['key'])}").json()
    listed = all_pages(client, f"/api/places/{quote(kharkiv['key'])}/clusters")
    assert page["counts"]["killed"]["best"] == kharkiv["killed"]["best"]
    assert kharkiv["killed"]["best"] == sum(best(item) for item in listed) > 0
    assert page["clusters"] == kharkiv["clusters"] == len(listed)


@pytest.mark.parametrize("granularity", ["day", "week", "month"])
def test_stats_timeline_buckets_and_undated_add_up(client: httpx.Client, granularity: str):
    stats = client.get("/api/stats", params={"granularity": granularity}).json()
    placed = sum(bucket["count"] for bucket in stats["timeline"])
    assert placed + stats["undated"] + stats["imprecise"] == stats["clusters"]
    assert sum(stats["by_type"].values()) == stats["clusters"]
    assert set(stats["totals"]) == {"articles", "events", "clusters", "quotes", "actors"}
    for bucket in stats["timeline"]:
        if granularity == "week":
            assert date.fromisoformat(bucket["bucket"]).weekday() == 0
        if granularity == "month":
            assert len(bucket["bucket"]) == 7


def test_stats_filters_agree_with_the_cluster_list(client: httpx.Client):
    params = {"type": "ASSAULT", "country": "UKR"}
    stats = client.get("/api/stats", params=params).json()
    listed = all_pages(client, "/api/clusters", **params)
    assert stats["clusters"] == len(listed) > 0
    assert stats["counts"]["killed"]["best"] == sum(best(item) for item in listed)


# -- actors, places, quotes ---------------------------------------------------------------------


def test_exact_actor_id_beside_name_search(client: httpx.Client):
    exact = all_pages(client, "/api/events", actor_id="ukr")
    named = all_pages(client, "/api/events", actor="ukr")
    assert exact and {event["id"] for event in exact} <= {event["id"] for event in named}
    for event in exact:
        assert "ukr" in {ref["actor_id"] for ref in (*event["sources"], *event["targets"])}
    actor = client.get("/api/actors/ukr").json()
    assert actor["name"] == "Ukraine" and actor["counts"]["events"] == len(exact)
    paged = all_pages(client, "/api/actors/ukr/events")
    assert [event["id"] for event in paged] == [event["id"] for event in exact]
    quotes = all_pages(client, "/api/actors/ukr/quotes")
    assert len(quotes) == actor["counts"]["quotes"]
    assert all(quote["speaker"]["actor_id"] == "ukr" for quote in quotes)
    assert all_pages(client, "/api/quotes", speaker_id="ukr") == quotes


def test_unknown_actor_and_place_are_404(client: httpx.Client):
    for path in ("/api/actors/no-such-actor", "/api/places/Atlantis%7CXXX", "/api/clusters/c0"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["detail"]


def test_place_filter_is_exact(client: httpx.Client):
    kharkiv = all_pages(client, "/api/events", place="Kharkiv|UKR")
    assert kharkiv and all(event["place"]["name"] == "Kharkiv" for event in kharkiv)
    assert all_pages(client, "/api/events", place="kharkiv") == kharkiv
    assert all_pages(client, "/api/events", place="Khark") == []


# -- proposals ----------------------------------------------------------------------------------


def test_proposal_steps_carry_dates_and_evidence(client: httpx.Client):
    proposals = client.get("/api/proposals").json()["items"]
    assert proposals
    for proposal in proposals:
        for step in proposal["steps"]:
            assert step["evidence"]["sentence"] and step["evidence"]["url"].startswith("https://")
            assert step["evidence"]["outlet"]
            shown = step["date"]
            assert shown["display"] == date_display(
                shown["start"], shown["end"], shown["precision"]
            )


def test_proposals_by_the_dates_of_their_steps(client: httpx.Client):
    proposals = client.get("/api/proposals").json()["items"]
    days = sorted({step["date"]["start"] for item in proposals for step in item["steps"]} - {None})
    first_day = days[0]
    on_first = client.get("/api/proposals", params={"since": first_day, "until": first_day})
    kept = on_first.json()["items"]
    assert kept and all(
        any(step["date"]["start"] == first_day for step in item["steps"]) for item in kept
    )
    later = client.get("/api/proposals", params={"since": days[-1]}).json()["items"]
    assert len(later) < len(proposals) or len(days) == 1
    refused = client.get("/api/proposals", params={"since": "2025-06-31"})
    assert refused.status_code == 400 and "since" in refused.json()["detail"]


# -- export -------------------------------------------------------------------------------------


def download(client: httpx.Client, **params: str) -> httpx.Response:
    response = client.get("/api/export", params=params)
    assert response.status_code == 200, response.text
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and params.get("format", "csv") in disposition
    return response


def test_export_is_what_the_cluster_list_shows(client: httpx.Client):
    params = {"type": "ASSAULT", "sort": "reports"}
    listed = all_pages(client, "/api/clusters", **params)
    rows = list(csv.DictReader(io.StringIO(download(client, format="csv", **params).text)))
    assert [row["id"] for row in rows] == [item["id"] for item in listed]
    for row, item in zip(rows, listed, strict=True):
        assert row["sentence"] == item["summary"] and row["article_url"] == item["url"]
        assert row["outlet"] == item["outlet"] and row["killed_best"] == str(best(item) or "")
    lines = download(client, format="jsonl", **params).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [item["id"] for item in listed]
    whole = download(client, format="json", **params).json()
    assert [row["outlet_names"] for row in whole] == [item["outlet_names"] for item in listed]
    table = pq.read_table(io.BytesIO(download(client, format="parquet", **params).content))
    assert table.column("id").to_pylist() == [item["id"] for item in listed]


def test_event_export_has_outlet_url_and_sentence(client: httpx.Client):
    listed = all_pages(client, "/api/events", sort="-date", country="UKR")
    response = download(client, format="csv", unit="events", sort="-date", country="UKR")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == [event["id"] for event in listed]
    assert all(row["outlet"] and row["article_url"] and row["sentence"] for row in rows)


def test_export_refuses_a_sort_its_unit_lacks(client: httpx.Client):
    response = client.get("/api/export", params={"unit": "events", "sort": "reports"})
    assert response.status_code == 400 and response.json()["detail"].startswith("sort")


# -- contract -----------------------------------------------------------------------------------


def test_openapi_documents_the_workbench_endpoints(client: httpx.Client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, wanted in {
        "/api/clusters": {"sort", "limit", "cursor", "actor_id", "place", "type", "since"},
        "/api/clusters/{cluster_id}": set(),
        "/api/stats": {"unit", "granularity", "actor_id", "place", "country"},
        "/api/map": {"unit", "actor_id"},
        "/api/network": {"limit", "actor_id"},
        "/api/export": {"format", "unit", "sort", "actor_id", "place"},
        "/api/actors/{actor_key}": set(),
        "/api/actors/{actor_key}/events": {"cursor", "limit"},
        "/api/actors/{actor_key}/quotes": {"cursor", "limit"},
        "/api/places/{key}": {"unit"},
        "/api/places/{key}/clusters": {"cursor", "sort"},
        "/api/quotes": {"speaker_id"},
    }.items():
        assert path in paths, path
        names = {parameter["name"] for parameter in paths[path]["get"].get("parameters", [])}
        assert wanted <= names, (path, wanted - names)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"unit": "reports"}, "unit"),
        ({"granularity": "hour"}, "granularity"),
        ({"since": "2025-02-30"}, "since"),
        ({"sector": "PIRATES"}, "sector"),
    ],
)
def test_bad_workbench_parameters_name_the_parameter(client: httpx.Client, params: dict, name: str):
    response = client.get("/api/stats", params=params)
    assert 400 <= response.status_code < 500
    assert name in response.json()["detail"]


# -- dates as they are known --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (("2023-01-01", "2023-12-31", "year", None), "2023"),
        (("2025-05-01", "2025-05-31", "month", None), "May 2025"),
        (("2025-05-16", "2025-05-16", "day", None), "16 May 2025"),
        ((None, None, "reported", "2025-05-16"), "by 16 May 2025"),
        ((None, None, None, None), ""),
    ],
)
def test_dates_show_at_their_precision(value: tuple, shown: str):
    assert date_display(*value) == shown


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_event_rows_carry_outlet_url_cluster_and_undated_last(client: httpx.Client, sort: str):
    events = all_pages(client, "/api/events", sort=sort)
    starts = [(event["date"] or {}).get("start") for event in events]
    dated = [start for start in starts if start]
    assert None in starts and starts == dated + [None] * (len(starts) - len(dated))
    clusters = {item["id"] for item in all_pages(client, "/api/clusters")}
    for event in events:
        assert event["outlet"] and event["url"].startswith("https://")
        assert event["cluster_id"] in clusters
        assert event["date_display"] == ((event["date"] or {}).get("display") or "")


@pytest.mark.parametrize("params", [{"country": "UKR"}, {"actor_id": "rus"}, {"q": "prisoners"}])
def test_a_cluster_matches_when_one_of_its_reports_does(client: httpx.Client, params: dict):
    events = all_pages(client, "/api/events", **params)
    clusters = all_pages(client, "/api/clusters", **params)
    assert events and {event["cluster_id"] for event in events} == {c["id"] for c in clusters}


def test_network_counts_real_events_between_main_actors(client: httpx.Client):
    clusters = all_pages(client, "/api/clusters")
    network = client.get("/api/network", params={"limit": 500}).json()
    pairs = [
        (item["source"]["id"], item["target"]["id"])
        for item in clusters
        if item["source"] and item["target"] and item["source"]["id"] != item["target"]["id"]
    ]
    assert sum(edge["weight"] for edge in network["edges"]) == len(pairs) > 0
    reports = client.get("/api/network", params={"limit": 500, "unit": "events"}).json()
    weights = {(edge["source"], edge["target"]): edge["weight"] for edge in reports["edges"]}
    assert max(weights.values()) > max(edge["weight"] for edge in network["edges"])


def test_views_follow_the_store_when_another_process_writes(tmp_path: Path):
    """Stats, map and network are kept between requests only while the store is unchanged:
    an article stored by another process shows at once, tracked."""
    first, later = sorted(CORPUS.glob("a0[1-4]*.txt")), sorted(CORPUS.glob("a0[5-7]*.txt"))
    path = tmp_path / "growing.db"
    with accord.open(path) as db:
        db.ingest([str(file) for file in first])
    with running_server(path) as url, httpx.Client(base_url=url, timeout=60) as client:
        views = ("/api/stats", "/api/map", "/api/network")
        before = [client.get(view).json() for view in views]
        assert [client.get(view).json() for view in views] == before
        with accord.open(path) as db:
            db.ingest([str(file) for file in later])
            clusters = db.connection.execute("SELECT count(*) FROM canonical_events").fetchone()
        stats, points, network = (client.get(view).json() for view in views)
        assert stats["totals"]["clusters"] == stats["clusters"] == clusters[0]
        assert stats["clusters"] > before[0]["clusters"]
        assert "Kharkiv" in {point["name"] for point in points["points"]} - {
            point["name"] for point in before[1]["points"]
        }
        assert network != before[2]


def test_a_store_tracked_before_the_summaries_gets_them_at_start(tmp_path: Path):
    """A store whose clusters have no summary rows (tracked before migration 007) is
    summarised when the server starts, so its totals count every canonical event."""
    path = tmp_path / "older.db"
    with accord.open(path) as db:
        db.ingest([str(file) for file in sorted(CORPUS.glob("a0[5-8]*.txt"))])
        clusters = db.connection.execute("SELECT count(*) FROM canonical_events").fetchone()[0]
        with db.transaction():
            db.connection.execute("DELETE FROM cluster_summaries")
    with running_server(path) as url:
        stats = httpx.get(f"{url}/api/stats", timeout=60).json()
    assert stats["clusters"] == stats["totals"]["clusters"] == clusters > 0
