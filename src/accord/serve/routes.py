"""The JSON routes: each a few lines over ``accord.api`` (reads) and ``aggregate`` (views).

Every parameter is checked before the store is asked: an unknown value, an impossible or
reversed date range, a NUL character or a parameter given twice is a 400 naming the
parameter, never an empty answer that looks like "no such events".
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from accord import api
from accord.display import highlight_spans
from accord.export import actor_row
from accord.models import MODALITIES, SECTORS, Article, Event, to_dict
from accord.serve import aggregate
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
    place: Annotated[str | None, Query(description="Part of a place name.")] = None,
    modality: Annotated[str | None, Query(description="asserted, proposed, ...")] = None,
    q: Annotated[str | None, Query(description="Words in the evidence sentence.")] = None,
    article: Annotated[str | None, Query(description="Article id.")] = None,
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
        "place": place,
        "modality": modality,
        "q": q,
        "article": article,
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


def event_summary(event: Event) -> dict[str, Any]:
    return {**to_dict(event), "quad": aggregate.quad(event.type)}


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
    return page([event_summary(event) for event in events], next_cursor, sort=sort)


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
        **event_summary(event),
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
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    query = {"speaker": speaker, "q": q, "article": article}
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
        "events": [event_summary(event) for event in store.events(article=article_id)],
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
async def post_articles(request: Request) -> JSONResponse:
    """Run one article (or a list) through the pipeline and store it. Off unless the server
    was started with an ingest token; then send ``Authorization: Bearer TOKEN``.

    The token is checked before the body is read, and the body is read as a stream up to
    the cap, so neither a client without the token nor a huge body costs memory."""
    require_token(request, request.app.state.ingest_token)
    body = await read_body(request)
    return await run_in_threadpool(ingest_body, request, body)


def ingest_body(request: Request, body: bytes) -> JSONResponse:
    """Parse, validate and ingest (in a worker thread: parsing a large body and the NLP
    would block the event loop)."""
    articles = to_articles(parse_articles(body))
    store = db(request)
    reports = []
    with INGEST_LOCK:
        for article in articles:
            reports.append(store.ingest_article(article))
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
    }
    return JSONResponse(result, status_code=201 if result["added"] else 200)


# -- views ---------------------------------------------------------------------------------------


@router.get("/stats", summary="Totals, and event counts by type, modality and day")
def stats(request: Request, filters: EventFilters) -> dict[str, Any]:
    """Store totals, and for the events matching the filters the counts the timeline draws."""
    store = db(request)
    with store.snapshot():
        return {
            "totals": asdict(store.totals()),
            **aggregate.timeline(store.iter_events(**filters)),
        }


@router.get("/network", summary="Actor network: nodes and weighted edges")
def network(
    request: Request,
    filters: EventFilters,
    max_nodes: Annotated[int, Query(ge=1, le=500, description="Most active actors kept.")] = 60,
) -> dict[str, Any]:
    """Actors linked by the events matching the filters; weight = number of events, and each
    edge counts cooperation and conflict events (PLOVER quad)."""
    store = db(request)
    with store.snapshot():
        return aggregate.network(store.iter_events(**filters), max_nodes=max_nodes)


@router.get("/map", summary="Geocoded events grouped by place")
def map_points(request: Request, filters: EventFilters) -> dict[str, Any]:
    store = db(request)
    with store.snapshot():
        return aggregate.map_points(store.iter_events(**filters))


@router.get("/types", summary="PLOVER event types with their quad, and the modalities")
def types() -> dict[str, Any]:
    return {"types": aggregate.type_table(), "modalities": list(MODALITIES)}


@router.get("/proposals", summary="Proposals and agreements with their status history")
def proposals(
    request: Request,
    status: Annotated[str | None, Query(description="Current status, e.g. agreed")] = None,
    actor: Annotated[str | None, Query(description="Participant code or part of a name")] = None,
) -> dict[str, Any]:
    """Each proposal once across articles: subject, terms, proposer and every dated step with
    the events that report it."""
    from accord import track
    from accord.track.proposals import STATUS_ORDER

    if status and status.strip():
        status = status.strip().lower()
        if status not in STATUS_ORDER:
            raise bad_parameter("status", f"unknown status; one of {', '.join(STATUS_ORDER)}")
    found = track.proposals(db(request), status=status or None, actor=actor)
    return {"items": [proposal_json(item) for item in found]}


@router.get("/proposals/{proposal_id}", summary="One proposal with its status history")
def proposal(request: Request, proposal_id: str) -> dict[str, Any]:
    from accord import track

    return proposal_json(track.proposal(db(request), proposal_id))


def proposal_json(proposal: Any) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "title": proposal.title,
        "subject": proposal.subject,
        "terms": proposal.terms,
        "proposer": list(proposal.proposer),
        "participants": list(proposal.participants),
        "status": proposal.status,
        "steps": [
            {
                "date": step.date,
                "status": step.status,
                "label": step.label(),
                "actors": list(step.actors),
                "event_ids": list(step.event_ids),
                "date_inferred": step.date_inferred,
                "detail": step.detail,
            }
            for step in proposal.steps
        ],
    }
