"""The FastAPI app: JSON routes under ``/api``, the web UI at ``/``, docs at ``/docs``.

Everything works offline: FastAPI's own ``/docs`` loads Swagger UI from a CDN, so it is off
and ``/docs`` is a small page of ours that lists the endpoints from ``/openapi.json``.
Every response carries a strict Content-Security-Policy (no inline script, nothing from
other origins), and errors are JSON ``{"detail": message}`` without tracebacks.
"""

from __future__ import annotations

import logging
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord import api
from accord.errors import AccordError, NotFoundError, StoreLockedError
from accord.serve.cache import ViewCache, configured_size
from accord.serve.cursor import Cursors, cursor_key
from accord.serve.database import ThreadDatabases
from accord.serve.ingest import Tracker, check_ingest_token
from accord.serve.routes import router

logger = logging.getLogger("accord.serve")

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response (plain ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class InternalErrors:
    """Turns an unexpected exception into a JSON 500 inside the app, so the response still
    carries the security headers and the client's connection stays open (Starlette's outer
    error middleware re-raises, and the server then drops the connection)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracking_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracking_start)
        except Exception:
            logger.exception("error serving %s", scope.get("path"))
            if started:
                raise  # too late for a clean answer: the status line has gone out
            response = error(500, "internal error: see the server log")
            await response(scope, receive, send)


def static_folder() -> Path:
    """The UI's files inside the installed package (a real folder: accord is not zipped)."""
    with as_file(files("accord.serve").joinpath("static")) as folder:
        return Path(folder)


def create_app(
    db_path: str | Path,
    *,
    ingest_token: str | None = None,
    cursor_secret: str | None = None,
    lock_timeout: float = api.DEFAULT_LOCK_TIMEOUT,
) -> FastAPI:
    """The app serving the accord database at ``db_path``.

    ``ingest_token`` (at least 16 characters) turns on ``POST /api/articles`` for requests
    bearing it; without one the route answers 403. ``cursor_secret`` (else
    ``ACCORD_CURSOR_KEY``, else a random key) signs page cursors. The database is opened
    (and migrated) here, so a bad path fails at start-up rather than on the first request;
    a short token or key is a ``ValueError``. A write waits ``lock_timeout`` seconds for
    another writer, then the request is a 503.
    """
    token = check_ingest_token(ingest_token)
    cursors = Cursors(cursor_key(cursor_secret))
    summarise_clusters(db_path)
    app = FastAPI(
        title="accord",
        summary="A sourced record of diplomacy and conflict events extracted from news.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.databases = ThreadDatabases(db_path, lock_timeout)
    app.state.tracker = Tracker(app.state.databases)
    app.state.ingest_token = token
    app.state.cursors = cursors
    app.state.views = ViewCache(configured_size())
    app.include_router(router)
    add_error_handlers(app)
    add_pages(app, static_folder())
    app.add_middleware(InternalErrors)
    app.add_middleware(SecurityHeaders)
    return app


def summarise_clusters(db_path: str | Path) -> None:
    """Open (and migrate) the store, and write the summaries of clusters that lack one, so
    every view counts every canonical event: a store tracked before migration 007 has none.
    Another writer holding the store only delays them to the next tracking run."""
    from accord import track

    with api.open(db_path) as store:
        if not store.clusters_without_summary():
            return
        try:
            with store.transaction():
                written = track.refresh_cluster_summaries(store)
        except StoreLockedError:
            logger.warning("store busy: cluster summaries wait for the next tracking run")
            return
        logger.info("wrote the summaries of %d canonical events", written)


def add_pages(app: FastAPI, static: Path) -> None:
    """The UI page, the offline docs page and the static assets."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html")

    app.mount("/static", StaticFiles(directory=static), name="static")


def error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"detail": message, **extra}, status_code=status)


def add_error_handlers(app: FastAPI) -> None:
    """Bad input is a 4xx with a message (anything else: ``InternalErrors``)."""

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [describe_problem(problem) for problem in exc.errors()]
        return error(422, "; ".join(problems) or "invalid request", errors=problems)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return error(404, str(exc))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return error(400, str(exc))

    @app.exception_handler(StoreLockedError)
    async def store_locked(request: Request, exc: StoreLockedError) -> JSONResponse:
        response = error(503, str(exc))
        response.headers["retry-after"] = "5"
        return response

    @app.exception_handler(AccordError)
    async def accord_error(request: Request, exc: AccordError) -> JSONResponse:
        return error(400, str(exc))


def describe_problem(problem: dict[str, Any]) -> str:
    """``query.limit: Input should be less than or equal to 500``, ``body[2].published: ...``."""
    where = ""
    for part in problem.get("loc", ()):
        if isinstance(part, int):
            where += f"[{part}]"
        elif "[" not in str(part):  # union and validator steps ("function-after[...]")
            where += f".{part}" if where else str(part)
    message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
