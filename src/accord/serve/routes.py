"""The JSON routes: each a few lines over ``accord.api`` (reads) and ``aggregate`` (views).

Every parameter is checked before the store is asked: an unknown value, an impossible or
reversed date range, a NUL character or a parameter given twice is a 400 naming the
parameter, never an empty answer that looks like "no such events".
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from accord import api
from accord import export as exports
from accord.display import date_json, event_date_json, highlight_spans
from accord.export import actor_row
from accord.models import MODALITIES, SECTORS, Article, Event, to_dict
from accord.serve import aggregate
from accord.serve.cache import query_key
from accord.serve.cursor import Cursors
from accord.serve.ingest import (
    INGEST_LOCK,
    parse_articles,
    read_body,
    request_body_schema,
    require_token,
    to_articles,
)
from accord.store.queries import date_range, is_known_country

MULTI_VALUED = {"type"}  # the only parameter that may be repeated (?type=A&type=B: either)


def bad_parameter(name: str, message: str) -> HTTPException:
    return HTTPException(400, f"{name}: {message}")


async def check_query_string(request: Request) -> None:
    """Refuse a repeated parameter (only the last would count) and NUL characters (SQLite
    reads NUL as the end of a pattern) in any parameter, before a route runs."""
    seen: set[str] = set()
    for name, value in request.query_params.multi_items():
        if name in seen and name not in MULTI_VALUED:
            raise bad_parameter(name, "given more than once; give it once")
        seen.add(name)
        if "\x00" in value:
            raise bad_parameter(name, "must not contain a NUL character")


router = APIRouter(prefix="/api", dependencies=[Depends(check_query_string)])

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[
    str | None,
    Query(
        description="`next_cursor` of the previous page, unchanged (signed by the server: "
        "an altered or foreign cursor is a 400)."
    ),
]
EventSort = Literal["date", "-date", "id", "-id"]


def db(request: Request) -> api.Accord:
    """This thread's database (see ``ThreadDatabases``); called inside a route, not as a
    dependency, so it runs in the route's own thread."""
    return request.app.state.databases.current()


def cursors(request: Request) -> Cursors:
    return request.app.state.cursors


def cached_view(
    request: Request,
    route: str,
    query: dict[str, Any],
    generation: int,
    compute: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """The view from the server's cache when the store has not changed since it was made."""
    return request.app.state.views.get(query_key(route, query), generation, compute)


def event_filters(
    type: Annotated[
        list[str] | None,
        Query(
            description="PLOVER event type, e.g. ASSAULT. Repeat it for several "
            "(type=ASSAULT&type=COERCE): events of any of them."
        ),
    ] = None,
    actor: Annotated[str | None, Query(description="Actor id, or part of a name.")] = None,
    country: Annotated[
        str | None, Query(description="Actor or place country: ISO alpha-3 code or name.")
    ] = None,
    since: Annotated[str | None, Query(description="On or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[
        str | None, Query(description="On or before YYYY[-MM[-DD]]; not before since.")
    ] = None,
    place: Annotated[
        str | None,
        Query(
            description="A place exactly: its key as /api/map gives it ('Kharkiv|UKR') or "
            "its name (any case)."
        ),
    ] = None,
    modality: Annotated[str | None, Query(description="asserted, proposed, ...")] = None,
    q: Annotated[str | None, Query(description="Words in the evidence sentence.")] = None,
    article: Annotated[str | None, Query(description="Article id.")] = None,
    actor_id: Annotated[
        str | None, Query(description="One canonical actor id exactly (beside actor=).")
    ] = None,
    sector: Annotated[
        str | None, Query(description=f"An actor's sector on either side: {', '.join(SECTORS)}.")
    ] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode exactly, e.g. air.")] = None,
) -> dict[str, Any]:
    """The filters of ``Accord.events``, checked so a typo is a 400, not an empty answer."""
    types = [name.strip().upper() for name in type or () if name.strip()]
    for name in types:
        if name not in aggregate.plover_types():
            raise bad_parameter("type", f"unknown event type {name!r}; see /api/types")
    if modality and modality.strip().lower() not in MODALITIES:
        raise bad_parameter(
            "modality", f"unknown modality {modality!r}; one of {', '.join(MODALITIES)}"
        )
    check_country(country)
    check_sector(sector)
    try:
        date_range(since, until)
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
    filters = {
        "type": types,
        "actor": actor,
        "country": country,
        "since": since,
        "until": until,
        "place_key": place,
        "modality": modality,
        "q": q,
        "article": article,
        "actor_id": actor_id,
        "sector": sector,
        "mode": mode,
    }
    return {key: value for key, value in filters.items() if value not in (None, "", [])}


def check_country(country: str | None) -> None:
    if country and not is_known_country(country):
        raise bad_parameter("country", f"unknown country {country!r}; give an ISO alpha-3 code")


def check_sector(sector: str | None) -> None:
    if sector and sector.strip() and sector.strip().upper() not in SECTORS:
        raise bad_parameter("sector", f"unknown sector {sector!r}; one of {', '.join(SECTORS)}")


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]


def page(items: list[Any], next_cursor: str | None, **extra: Any) -> dict[str, Any]:
    return {"items": items, "next_cursor": next_cursor, **extra}


def offset_page(
    request: Request, items: list[Any], offset: int, limit: int, query: dict[str, Any]
) -> dict:
    """A page of an offset-paged list (fetched with ``limit + 1`` to know if more follow)."""
    more = len(items) > limit
    next_cursor = cursors(request).encode(offset + limit, query) if more else None
    return page(items[:limit], next_cursor)


def article_summary(article: Article) -> dict[str, Any]:
    """An article without its text, for lists and event evidence."""
    fields = to_dict(article)
    fields.pop("text")
    fields["chars"] = len(article.text)
    return fields


def event_summary(event: Event, source: dict[str, Any] | None = None) -> dict[str, Any]:
    """An event as lists show it; ``source`` adds its outlet, URL and canonical event."""
    fields = {**to_dict(event), "quad": aggregate.quad(event.type)}
    if fields["date"] is not None:
        fields["date"]["display"] = event_date_json(event.date)["display"]
    fields["date_display"] = event_date_json(event.date)["display"]
    return {**fields, **(source or {})}


def event_summaries(store: api.Accord, events: list[Event]) -> list[dict[str, Any]]:
    sources = store.event_sources(events)
    return [event_summary(event, sources.get(event.id)) for event in events]


# -- events -------------------------------------------------------------------------------------


@router.get("/events", summary="Events, filtered, in pages")
def list_events(
    request: Request,
    filters: EventFilters,
    limit: Limit = 50,
    cursor: Cursor = None,
    sort: Annotated[EventSort, Query(description="date or id; '-' for descending.")] = "date",
) -> dict[str, Any]:
    """Events matching every filter. Pages are keyset-paged: a ``next_cursor`` keeps its
    place even when articles are added while a client pages."""
    query = {**filters, "sort": sort}
    after = cursors(request).key(cursor, query)
    order, descending = sort.lstrip("-"), sort.startswith("-")
    events, key = db(request).event_page(
        order=order, descending=descending, after=after, limit=limit, **filters
    )
    next_cursor = cursors(request).encode(key, query) if key is not None else None
    return page(event_summaries(db(request), events), next_cursor, sort=sort)


@router.get("/events/{event_id}", summary="One event with its evidence")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """The event, its source sentence with the spans to highlight (offsets into the
    sentence), and the article it comes from."""
    store = db(request)
    event = store.event(event_id)
    highlights = [
        {"start": start, "end": end, "kind": kind}
        for start, end, kind in sorted(highlight_spans(event))
    ]
    return {
        **event_summary(event, store.event_sources([event]).get(event.id)),
        "highlights": highlights,
        "article": article_summary(store.article(event.article_id)),
    }


# -- quotes, actors, articles -------------------------------------------------------------------


@router.get("/quotes", summary="Quotes, filtered, in pages")
def list_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="Actor id or part of a name.")] = None,
    q: Annotated[str | None, Query(description="Words in the quote.")] = None,
    article: Annotated[str | None, Query(description="Article id.")] = None,
    speaker_id: Annotated[
        str | None, Query(description="One canonical speaker id exactly.")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    query = {"speaker": speaker, "q": q, "article": article, "speaker_id": speaker_id}
    offset = cursors(request).offset(cursor, query)
    found = db(request).quotes(**query, limit=limit + 1, offset=offset)
    return offset_page(request, [to_dict(quote) for quote in found], offset, limit, query)


@router.get("/actors", summary="Canonical actors with their counts, in pages")
def list_actors(
    request: Request,
    country: Annotated[str | None, Query(description="ISO alpha-3 or name.")] = None,
    sector: Annotated[str | None, Query(description=f"One of {', '.join(SECTORS)}.")] = None,
    q: Annotated[str | None, Query(description="Id, or part of a name, alias or role.")] = None,
    article: Annotated[str | None, Query(description="Actors this article mentions.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    check_country(country)
    check_sector(sector)
    query = {"country": country, "sector": sector, "q": q, "article": article}
    offset = cursors(request).offset(cursor, query)
    found = db(request).actors(**query, limit=limit + 1, offset=offset)
    return offset_page(request, [actor_row(summary) for summary in found], offset, limit, query)


@router.get("/articles", summary="Articles (without text), newest first, in pages")
def list_articles(request: Request, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    offset = cursors(request).offset(cursor, {})
    found = db(request).articles(limit=limit + 1, offset=offset)
    return offset_page(request, [article_summary(a) for a in found], offset, limit, {})


@router.get("/articles/{article_id}", summary="One article with its text, events and quotes")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    store = db(request)
    article = store.article(article_id)
    return {
        **to_dict(article),
        "events": event_summaries(store, store.events(article=article_id)),
        "quotes": [to_dict(quote) for quote in store.quotes(article=article_id)],
    }


@router.post(
    "/articles",
    summary="Ingest articles (needs the server's ingest token)",
    openapi_extra={"requestBody": request_body_schema()},
    responses={
        400: {"description": "an article is empty, unreadable or not in English"},
        401: {"description": "no or wrong token (the body is not read)"},
        403: {"description": "ingest off (the body is not read)"},
        413: {"description": "body over the size cap, or too many articles"},
        422: {"description": "not JSON, or not articles: each problem as body[index].field"},
        503: {"description": "the store is locked by another writer: retry later"},
    },
)
async def post_articles(
    request: Request,
    wait: bool = Query(
        False,
        description="Answer once tracking (canonical events, proposals) has taken the articles"
        " in; by default it runs after the answer, in the background (`tracking: pending`).",
    ),
) -> JSONResponse:
    """Run one article (or a list) through the pipeline and store it. Off unless the server
    was started with an ingest token; then send ``Authorization: Bearer TOKEN``.

    The token is checked before the body is read, and the body is read as a stream up to
    the cap, so neither a client without the token nor a huge body costs memory."""
    require_token(request, request.app.state.ingest_token)
    body = await read_body(request)
    return await run_in_threadpool(ingest_body, request, body, wait)


def ingest_body(request: Request, body: bytes, wait: bool = False) -> JSONResponse:
    """Parse, validate and ingest (in a worker thread: parsing a large body and the NLP
    would block the event loop)."""
    articles = to_articles(parse_articles(body))
    store = db(request)
    reports = []
    with INGEST_LOCK:
        for article in articles:
            reports.append(store.ingest_article(article, track=wait))
    if not wait:
        request.app.state.tracker.request()
    failed = [
        {"source": source, "reason": reason}
        for report in reports
        for source, reason in report.failed
    ]
    warnings = [
        {"source": source, "message": message}
        for report in reports
        for source, message in report.warnings
    ]
    result = {
        "articles": [article.id for article in articles],
        **{
            key: sum(getattr(report, key) for report in reports)
            for key in ("added", "unchanged", "replaced", "events", "quotes")
        },
        "failed": failed,
        "warnings": warnings,
        "tracking": "done" if wait else "pending",
    }
    return JSONResponse(result, status_code=201 if result["added"] else 200)


# -- views ---------------------------------------------------------------------------------------

Unit = Annotated[
    Literal["clusters", "events"],
    Query(
        description="clusters: each real event once (a canonical event of its reports), with "
        "its best figures; events: each report."
    ),
]
Granularity = Annotated[
    Literal["day", "week", "month"], Query(description="Timeline buckets: day, week or month.")
]
ClusterSort = Literal["date", "-date", "reports"]


@router.get("/stats", summary="Totals, and counts by type, mode, modality and date bucket")
def stats(
    request: Request,
    filters: EventFilters,
    unit: Unit = "clusters",
    granularity: Granularity = "day",
) -> dict[str, Any]:
    """Store totals (articles, events, clusters, quotes, actors) and, for what matches the
    filters, one answer per page load: counts by type, mode and modality, figure sums with
    their ranges (``counts.killed = {low, best, high}``: in the cluster unit each real event
    counts once with its best figure), the timeline ``[{bucket, count, killed_best}]`` at the
    granularity, and apart from it the ``undated`` and ``imprecise`` (month or year only)."""
    store = db(request)
    query = {**filters, "unit": unit, "granularity": granularity}
    with store.snapshot():
        return cached_view(
            request,
            "stats",
            query,
            store.generation(),
            lambda: store.stats(filters, unit=unit, granularity=granularity),
        )


@router.get("/network", summary="Actor network: nodes and weighted edges")
def network(
    request: Request,
    filters: EventFilters,
    limit: Annotated[
        int | None, Query(ge=1, le=500, description="Most active actors kept (default 60).")
    ] = None,
    max_nodes: Annotated[int | None, Query(ge=1, le=500, description="Old name of limit.")] = None,
    unit: Unit = "clusters",
) -> dict[str, Any]:
    """Actors linked by what matches the filters; weight = number of events (clusters: real
    events, each between its main source and target; events: every source with every
    target of each report), and each edge counts cooperation and conflict (PLOVER quad)."""
    store = db(request)
    kept = limit or max_nodes or 60
    query = {**filters, "limit": kept, "unit": unit}

    def compute() -> dict[str, Any]:
        nodes, edges = store.network_rows(filters, limit=kept, unit=unit)
        return aggregate.network_json(nodes, edges)

    with store.snapshot():
        return cached_view(request, "network", query, store.generation(), compute)


@router.get("/map", summary="Places with their canonical events, reports and figures")
def map_points(request: Request, filters: EventFilters, unit: Unit = "clusters") -> dict[str, Any]:
    """Points ``{key, name, country, lat, lon, precision, clusters, events, killed: {low, best,
    high}, ...}``; in the cluster unit a real event counts once, at the place most of its
    reports give. ``key`` is what ``place=`` and ``/api/places/{key}`` take."""
    store = db(request)

    def compute() -> dict[str, Any]:
        return aggregate.map_json(*store.place_rows(filters, unit=unit))

    with store.snapshot():
        query = {**filters, "unit": unit}
        return cached_view(request, "map", query, store.generation(), compute)


@router.get("/types", summary="PLOVER event types with their quad, and the modalities")
def types() -> dict[str, Any]:
    return {"types": aggregate.type_table(), "modalities": list(MODALITIES)}


# -- canonical events (clusters) ----------------------------------------------------------------


@router.get("/clusters", summary="Canonical events (one per real event), filtered, in pages")
def list_clusters(
    request: Request,
    filters: EventFilters,
    sort: Annotated[
        ClusterSort, Query(description="date (undated last), -date (undated last), reports.")
    ] = "date",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Real events as tracking grouped their reports: a cluster is listed when one of its
    reports matches the filters (type, dates, place and modality are the cluster's own).
    Figures are ``{low, best, high}`` across sources."""
    query = {**filters, "sort": sort}
    offset = cursors(request).offset(cursor, query)
    rows, total = db(request).cluster_page(filters, sort=sort, limit=limit, offset=offset)
    items = [aggregate.cluster_json(row) for row in rows]
    return {**offset_page(request, items, offset, limit, query), "total": total, "sort": sort}


@router.get("/clusters/{cluster_id}", summary="One canonical event with every report")
def get_cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    """The cluster (a member event's id finds it too), its reports with their own figures and
    articles, each count's claims by source, and why each report was merged."""
    from accord.track import canonical_event

    store = db(request)
    with store.snapshot():
        row = store.cluster_summary(cluster_id)
        canonical = canonical_event(store, row["cluster_id"])
        article_ids = {member.event.article_id for member in canonical.members}
        found = {article_id: store.article(article_id) for article_id in article_ids}
    return {
        **aggregate.cluster_json(row),
        "members": [
            aggregate.member_json(member, found[member.event.article_id])
            for member in canonical.members
        ],
        "claims": aggregate.claims_json(canonical),
        "why": aggregate.why_merged(canonical.members),
    }


# -- actors and places ---------------------------------------------------------------------------


@router.get("/actors/{actor_key}", summary="One actor with its counts")
def get_actor(request: Request, actor_key: str) -> dict[str, Any]:
    """The canonical actor (or, for an actor only events name, what they call it) and how
    many events, canonical events, quotes and articles it has."""
    actor, named, counts = db(request).actor_record(actor_key)
    record = to_dict(actor) if actor is not None else {**named, "kind": None, "aliases": []}
    return {**record, "counts": counts}


@router.get("/actors/{actor_key}/events", summary="One actor's events, in pages")
def actor_events(
    request: Request,
    actor_key: str,
    filters: EventFilters,
    limit: Limit = 50,
    cursor: Cursor = None,
    sort: Annotated[EventSort, Query(description="date or id; '-' for descending.")] = "date",
) -> dict[str, Any]:
    db(request).actor_record(actor_key)  # 404 for an unknown actor
    return list_events(request, {**filters, "actor_id": actor_key}, limit, cursor, sort)


@router.get("/actors/{actor_key}/quotes", summary="What one actor said, in pages")
def actor_quotes(
    request: Request, actor_key: str, limit: Limit = 50, cursor: Cursor = None
) -> dict[str, Any]:
    db(request).actor_record(actor_key)
    return list_quotes(request, None, None, None, speaker_id=actor_key, limit=limit, cursor=cursor)


@router.get("/places/{key}", summary="One place with its canonical events and figures")
def get_place(
    request: Request, key: str, filters: EventFilters, unit: Unit = "clusters"
) -> dict[str, Any]:
    """A place by the key /api/map gives ('Kharkiv|UKR') or its name; its totals count each
    real event once with its best figures (the unit ``events`` sums reports instead)."""
    rows, type_rows, _ = db(request).place_rows({**filters, "place_key": key}, unit=unit)
    if not rows:
        raise HTTPException(404, f"no place {key!r} with events matching the filters")
    return aggregate.place_page_json(rows[0], type_rows)


@router.get("/places/{key}/clusters", summary="A place's canonical events, in pages")
def place_clusters(
    request: Request,
    key: str,
    filters: EventFilters,
    sort: Annotated[ClusterSort, Query(description="date, -date or reports.")] = "date",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return list_clusters(request, {**filters, "place_key": key}, sort, limit, cursor)


# -- proposals -------------------------------------------------------------------------------------


@router.get("/proposals", summary="Proposals and agreements with their status history")
def proposals(
    request: Request,
    status: Annotated[str | None, Query(description="Current status, e.g. agreed")] = None,
    actor: Annotated[str | None, Query(description="Participant code or part of a name")] = None,
    since: Annotated[str | None, Query(description="A step on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[
        str | None, Query(description="A step on or before YYYY[-MM[-DD]]; not before since.")
    ] = None,
) -> dict[str, Any]:
    """Each proposal once across articles: subject, terms, proposer and every dated step with
    the evidence that reports it (sentence, article, outlet, URL). ``since``/``until`` keep
    proposals with a dated step in the range."""
    from accord import track
    from accord.track.proposals import STATUS_ORDER

    if status and status.strip():
        status = status.strip().lower()
        if status not in STATUS_ORDER:
            raise bad_parameter("status", f"unknown status; one of {', '.join(STATUS_ORDER)}")
    store = db(request)
    with store.snapshot():
        found = track.proposals(store, status=status or None, actor=actor)
        found = [item for item in found if has_step_between(item, since, until)]
        evidence = step_evidence(store, found)
    return {"items": [proposal_json(item, evidence) for item in found]}


@router.get("/proposals/{proposal_id}", summary="One proposal with its status history")
def proposal(request: Request, proposal_id: str) -> dict[str, Any]:
    from accord import track

    store = db(request)
    with store.snapshot():
        found = track.proposal(store, proposal_id)
        evidence = step_evidence(store, [found])
    return proposal_json(found, evidence)


def has_step_between(proposal: Any, since: str | None, until: str | None) -> bool:
    """Whether a dated step falls in the range (a month-dated step counts by its month)."""
    try:
        since, until = date_range(since, until)
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
    if not since and not until:
        return True
    for step in proposal.steps:
        if not step.date:
            continue
        if since and step.date[: len(since)] < since:
            continue
        if until and step.date[: len(until)] > until:
            continue
        return True
    return False


def step_evidence(store: api.Accord, found: list[Any]) -> dict[str, dict[str, Any]]:
    """Evidence of each event a proposal step cites: sentence, article, outlet and URL."""
    event_ids = [event_id for item in found for step in item.steps for event_id in step.event_ids]
    events = store.events_by_id(event_ids)
    articles: dict[str, Article] = {}
    evidence = {}
    for event_id, event in events.items():
        if event.article_id not in articles:
            articles[event.article_id] = store.article(event.article_id)
        article = articles[event.article_id]
        evidence[event_id] = {
            "event_id": event_id,
            "sentence": event.evidence.sentence,
            "article_id": event.article_id,
            "outlet": article.outlet,
            "url": article.url,
            "published": article.published,
        }
    return evidence


def proposal_json(proposal: Any, evidence: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "title": proposal.title,
        "subject": proposal.subject,
        "terms": proposal.terms,
        "proposer": list(proposal.proposer),
        "participants": list(proposal.participants),
        "status": proposal.status,
        "steps": [step_json(step, evidence) for step in proposal.steps],
    }


def step_json(step: Any, evidence: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A status step: its date at its precision (month-only dates stay months), who, and the
    reports that give it (the first as ``evidence``)."""
    precision = "month" if step.date and len(step.date) == 7 else "day" if step.date else None
    cited = [evidence[event_id] for event_id in step.event_ids if event_id in evidence]
    return {
        "date": {
            **date_json(step.date, step.date, precision),
            "inferred": step.date_inferred,
        },
        "status": step.status,
        "label": step.label(),
        "actor": ", ".join(step.actors) or None,
        "actors": list(step.actors),
        "event_ids": list(step.event_ids),
        "date_inferred": step.date_inferred,
        "detail": step.detail,
        "evidence": cited[0] if cited else None,
        "reports": cited,
    }


# -- export ----------------------------------------------------------------------------------------

EXPORT_MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
EXPORT_BATCH = 1000


@router.get(
    "/export",
    summary="Download what a view shows: CSV, JSON, JSON Lines or Parquet",
    response_class=FileResponse,
    responses={200: {"content": {media: {} for media in EXPORT_MEDIA_TYPES.values()}}},
)
def export_view(
    request: Request,
    filters: EventFilters,
    format: Annotated[
        Literal["csv", "json", "jsonl", "parquet"], Query(description="File format.")
    ] = "csv",
    unit: Unit = "clusters",
    sort: Annotated[
        Literal["date", "-date", "reports", "id", "-id"],
        Query(description="Row order: date, -date, reports (clusters), id, -id (events)."),
    ] = "date",
) -> FileResponse:
    """Every row the view with these filters and sort lists (not only the page shown), with
    the outlet, URL and evidence sentence of each row. The file is written to disk as it is
    read, so a large export never sits in memory, then sent and deleted."""
    if unit == "clusters" and sort not in ("date", "-date", "reports"):
        raise bad_parameter("sort", "clusters sort by date, -date or reports")
    if unit == "events" and sort == "reports":
        raise bad_parameter("sort", "events sort by date, -date, id or -id")
    store = db(request)
    handle, name = tempfile.mkstemp(prefix="accord-export-", suffix=f".{format}")
    os.close(handle)
    path = Path(name)
    try:
        with store.snapshot():
            if unit == "clusters":
                rows = (
                    aggregate.cluster_export_row(row)
                    for row in store.iter_cluster_rows(filters, sort=sort)
                )
                exports.write_rows(rows, path, format, exports.CLUSTER_COLUMNS)
            else:
                exports.write_rows(
                    event_export_rows(store, filters, sort), path, format, exports.EVENT_COLUMNS
                )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    download = f"accord-{unit}-{date.today().isoformat()}.{format}"
    return FileResponse(
        path,
        media_type=EXPORT_MEDIA_TYPES[format],
        filename=download,
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


def event_export_rows(
    store: api.Accord, filters: dict[str, Any], sort: str
) -> Iterator[dict[str, Any]]:
    """Event rows in the table's order, read a keyset page at a time."""
    order, descending = sort.lstrip("-"), sort.startswith("-")
    articles: dict[str, Article] = {}
    after = None
    while True:
        events, after = store.event_page(
            order=order, descending=descending, after=after, limit=EXPORT_BATCH, **filters
        )
        for event in events:
            if event.article_id not in articles:
                if len(articles) > 10_000:
                    articles.clear()
                articles[event.article_id] = store.article(event.article_id)
            yield exports.event_row(event, articles[event.article_id])
        if after is None:
            return
