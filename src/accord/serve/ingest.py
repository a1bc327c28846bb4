"""``POST /api/articles``: articles as JSON in, the real pipeline run on them, a report out.

Off unless the server has an ingest token; then a request needs ``Authorization: Bearer``.
The order of the checks is the point: the token is checked from the headers before a byte of
the body is read, the body is read as a stream and refused past ``MAX_BODY_BYTES`` without
being buffered, and only then is it parsed and validated. So an unauthenticated client gets
a 401 (never the request schema in a 422) and cannot make the server hold a large body.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from accord.errors import IngestError
from accord.ingest import (
    MAX_ARTICLE_BYTES,
    article_from_html,
    check_language,
    make_article,
    normalise_published,
)
from accord.models import Article

MAX_ARTICLES_PER_REQUEST = 50
MAX_BODY_BYTES = 16 * 1024 * 1024  # one article at its largest, JSON-escaped, fits
MIN_TOKEN_LENGTH = 16
INGEST_OFF = (
    "ingest over HTTP is off: start the server with --ingest-token TOKEN "
    "(or ACCORD_INGEST_TOKEN) and send Authorization: Bearer TOKEN"
)
# One ingest at a time: the NLP model is shared and SQLite has one writer anyway.
INGEST_LOCK = threading.Lock()
log = logging.getLogger("accord.serve")


class Tracker:
    """Brings tracking (canonical events, proposals) up to date after POSTed articles are
    saved, off the request: a request answers once its articles are committed, and one
    background pass tracks every article saved meanwhile, so the cost of a POST does not grow
    with the store. Until the pass commits, readers see the tracking as it was (one
    transaction) and the store's pending mark says it is behind; a server stopped before
    the pass leaves the mark, and the next ingest or ``accord track update`` finishes it."""

    def __init__(self, databases: Any) -> None:
        self.databases = databases
        self.wanted = threading.Event()
        self.state = threading.Lock()
        self.thread: threading.Thread | None = None

    def request(self) -> None:
        """Ask for a pass (several requests before it starts make one pass)."""
        with self.state:
            self.wanted.set()
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="accord-tracker", daemon=True)
                self.thread.start()

    def run(self) -> None:
        from accord import track

        while True:
            self.wanted.wait()
            self.wanted.clear()
            try:
                with INGEST_LOCK:
                    track.update_if_pending(self.databases.current())
            except Exception:  # the pending mark stays: the next pass or ingest finishes it
                log.exception("tracking after POSTed articles failed; it stays pending")


class ArticleIn(BaseModel):
    """One article to ingest: its ``text`` or its page's ``html``, and what is known about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["html"]}]},
    )

    text: str | None = Field(None, max_length=MAX_ARTICLE_BYTES)
    html: str | None = Field(None, max_length=MAX_ARTICLE_BYTES)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None,
        max_length=100,
        description="ISO 8601 date or datetime (RFC 2822 and '16 May 2025' are read too).",
    )
    language: str = Field("en", max_length=20)

    @field_validator("published")
    @classmethod
    def readable_date(cls, value: str | None) -> str | None:
        """Relative dates in the text are resolved against it: a date that cannot be read
        is refused here rather than stored as unknown without a word."""
        if value is not None and value.strip() and normalise_published(value) is None:
            raise ValueError(f"not a date: {value!r}; give an ISO 8601 date such as 2025-06-03")
        return value

    @model_validator(mode="after")
    def text_or_html(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


def request_body_schema() -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of the route, which reads its body itself."""
    article = ArticleIn.model_json_schema()
    batch = {"type": "array", "items": article, "maxItems": MAX_ARTICLES_PER_REQUEST}
    return {
        "required": True,
        "description": (
            f"One article or a list of up to {MAX_ARTICLES_PER_REQUEST}, as JSON of at most "
            f"{MAX_BODY_BYTES} bytes (413 past that). The token is checked first: without it "
            "the body is not read."
        ),
        "content": {"application/json": {"schema": {"anyOf": [article, batch]}}},
    }


def check_ingest_token(token: str | None) -> str | None:
    """The configured token, or None for ingest off; a short one is refused."""
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(
            f"the ingest token must be at least {MIN_TOKEN_LENGTH} characters long "
            f"(this one has {len(token)}); make one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(24))'"
        )
    return token


def require_token(request: Request, token: str | None) -> None:
    """403 when ingest is off, 401 without the right bearer token.

    The header is compared as bytes: a header with any bytes at all is a wrong token, not
    an error.
    """
    if token is None:
        raise HTTPException(403, INGEST_OFF)
    raw = request.headers.get("authorization", "").encode("latin-1")
    scheme, _, given = raw.partition(b" ")
    if scheme.lower() != b"bearer" or not hmac.compare_digest(given.strip(), token.encode()):
        raise HTTPException(
            401,
            "a valid Authorization: Bearer token is needed to ingest",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, read as it arrives; a 413 as soon as it passes ``limit`` bytes
    (at once when ``Content-Length`` says so), so no more than ``limit`` is ever held."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise body_too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise body_too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def body_too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"the request body is larger than {limit} bytes")


def parse_articles(body: bytes) -> list[ArticleIn]:
    """The body as articles; a 422 naming each problem as ``body[index].field``."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
        raise invalid_body([{"loc": ("body",), "msg": f"not valid JSON ({error})"}]) from error
    if isinstance(data, dict):
        return [validate_article(data, ("body",))]
    if not isinstance(data, list):
        raise invalid_body([{"loc": ("body",), "msg": "give an article object or a list"}])
    if len(data) > MAX_ARTICLES_PER_REQUEST:
        raise HTTPException(413, f"at most {MAX_ARTICLES_PER_REQUEST} articles per request")
    articles, problems = [], []
    for index, item in enumerate(data):
        try:
            articles.append(validate_article(item, ("body", index)))
        except RequestValidationError as error:
            problems += error.errors()
    if problems:
        raise invalid_body(problems)
    return articles


def validate_article(data: Any, where: tuple[str | int, ...]) -> ArticleIn:
    try:
        return ArticleIn.model_validate(data)
    except ValidationError as error:
        raise invalid_body(
            [
                {"loc": (*where, *problem["loc"]), "msg": problem["msg"]}
                for problem in error.errors(include_url=False, include_context=False)
            ]
        ) from error


def invalid_body(problems: list[dict[str, Any]]) -> RequestValidationError:
    return RequestValidationError(problems)


def to_articles(items: list[ArticleIn]) -> list[Article]:
    """Build every article first, so one bad item rejects the request before any NLP runs."""
    articles = []
    for index, item in enumerate(items):
        source = item.url or f"http-request[{index}]"
        metadata: dict[str, Any] = {
            "title": item.title,
            "url": item.url,
            "outlet": item.outlet,
            "published": item.published,
            "language": item.language,
            "source": source,
        }
        try:
            if item.html is not None:
                article = article_from_html(item.html, **metadata)
            else:
                article = make_article(item.text or "", **metadata)
            check_language(article)
        except IngestError as error:
            raise HTTPException(400, f"article {index}: {error.reason}") from error
        articles.append(article)
    return articles
