"""Articles from the web: a page URL gives its article, a feed URL (RSS or Atom) the articles
of its entries, a ``.urls`` file one URL per line. Metadata from a feed entry (title,
publication date) wins over what the page says; pages already stored (by URL) are not
fetched again.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser

from accord.errors import IngestError
from accord.ingest._decode import declared_html_charset, decode_bytes
from accord.ingest._fetch import Fetched, Fetcher, check_scheme
from accord.ingest._html import article_from_html
from accord.models import Article

logger = logging.getLogger("accord.ingest")

Result = Article | IngestError
KnownUrl = Callable[[str], bool]
FEED_TYPES = ("rss", "atom", "xml")


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: str | None  # ISO date and time (UTC) when the feed gives one


@dataclass
class Feed:
    url: str
    not_modified: bool = False
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


def looks_like_feed(fetched: Fetched) -> bool:
    kind = fetched.content_type.lower()
    if any(name in kind for name in FEED_TYPES):
        return True
    start = fetched.body[:500].lstrip().lower()
    return start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed"))


def parse_feed(fetched: Fetched, source: str) -> Feed:
    """The entries of an RSS or Atom document; ``IngestError`` when it is neither."""
    parsed = feedparser.parse(fetched.body)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no entries"
        raise IngestError(source, f"not an RSS or Atom feed: {problem}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        entries.append(FeedEntry(link, entry.get("title") or None, entry_date(entry)))
    return Feed(
        url=fetched.url,
        title=parsed.feed.get("title"),
        entries=entries,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
    )


def entry_date(entry) -> str | None:  # type: ignore[no-untyped-def]
    """The entry's publication (else update) time, in UTC, ISO format."""
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    stamp = datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)
    return stamp.isoformat(timespec="seconds")


def fetch_feed(
    fetcher: Fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None
) -> Feed:
    fetched = fetcher.get(url, etag=etag, last_modified=last_modified)
    if fetched.not_modified:
        return Feed(url=url, not_modified=True, etag=etag, last_modified=last_modified)
    return parse_feed(fetched, url)


def page_article(fetched: Fetched, source: str, **metadata: str | None) -> Article:
    """The article of a fetched page (trafilatura's main text and metadata; ``metadata``,
    e.g. a feed entry's title and date, wins)."""
    html = decode_bytes(fetched.body, source, declared=declared_html_charset(fetched.body))
    given = {key: value for key, value in metadata.items() if value}
    return article_from_html(html, source=source, url=fetched.url, **given)


def entry_articles(feed: Feed, fetcher: Fetcher, known: KnownUrl) -> Iterator[Result]:
    """The articles of a feed's entries not stored yet; a failing entry costs itself."""
    for entry in feed.entries:
        if known(entry.url):
            continue
        try:
            fetched = fetcher.get(entry.url)
            yield page_article(fetched, entry.url, title=entry.title, published=entry.published)
        except IngestError as error:
            yield error


def read_url(url: str, fetcher: Fetcher, known: KnownUrl) -> Iterator[Result]:
    """A page's article, or a feed's entries' articles (those ``known`` says are stored are
    skipped); errors as values."""
    try:
        check_scheme(url, url)
        fetched = fetcher.get(url)  # named by the user: fetched again (a new version replaces)
        if looks_like_feed(fetched):
            yield from entry_articles(parse_feed(fetched, url), fetcher, known)
        else:
            yield page_article(fetched, url)
    except IngestError as error:
        yield error


def urls_in(text: str) -> list[str]:
    """The URLs of a ``.urls`` list: one per line, blank lines and ``#`` comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
