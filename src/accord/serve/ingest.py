"""``POST /api/articles``: articles as JSON in, the real pipeline run on them, a report out.

Off unless the server has an ingest token; then a request needs ``Authorization: Bearer``.
"""

from __future__ import annotations

import hmac
import threading
from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from accord.errors import IngestError
from accord.ingest import MAX_ARTICLE_BYTES, article_from_html, make_article
from accord.models import Article

MAX_ARTICLES_PER_REQUEST = 50
INGEST_OFF = (
    "ingest over HTTP is off: start the server with --ingest-token TOKEN "
    "(or ACCORD_INGEST_TOKEN) and send Authorization: Bearer TOKEN"
)
# One ingest at a time: the NLP model is shared and SQLite has one writer anyway.
INGEST_LOCK = threading.Lock()


class ArticleIn(BaseModel):
    """One article to ingest: its ``text`` or its page's ``html``, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=MAX_ARTICLE_BYTES)
    html: str | None = Field(None, max_length=MAX_ARTICLE_BYTES)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=100, description="ISO 8601 date or datetime")
    language: str = Field("en", max_length=20)

    @model_validator(mode="after")
    def text_or_html(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


def require_token(request: Request, token: str | None) -> None:
    """403 when ingest is off, 401 without the right bearer token."""
    if token is None:
        raise HTTPException(403, INGEST_OFF)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
        raise HTTPException(
            401,
            "a valid Authorization: Bearer token is needed to ingest",
            headers={"WWW-Authenticate": "Bearer"},
        )


def to_articles(items: list[ArticleIn]) -> list[Article]:
    """Build every article first, so one bad item rejects the request before any NLP runs."""
    if len(items) > MAX_ARTICLES_PER_REQUEST:
        raise HTTPException(413, f"at most {MAX_ARTICLES_PER_REQUEST} articles per request")
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
                articles.append(article_from_html(item.html, **metadata))
            else:
                articles.append(make_article(item.text or "", **metadata))
        except IngestError as error:
            raise HTTPException(400, f"article {index}: {error.reason}") from error
    return articles
