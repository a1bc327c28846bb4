"""Pages, feeds and URL lists from a real HTTP server on 127.0.0.1: `accord ingest URL` and
`accord watch FEED`, conditional requests, re-seen URLs, per-entry errors, SSRF protection."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import accord
from accord.ingest import Fetcher

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="2025-01-01"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>
<footer>Copyright Example Wire</footer></body></html>"""
ARTICLES = {
    "/news/truce.html": (
        "Sudan truce agreed",
        "<p>Sudan's army and the Rapid Support Forces agreed on Saturday to a seven-day "
        "ceasefire in Khartoum, the mediators said.</p><p>Both sides accused each other of "
        "violating earlier truces.</p>",
    ),
    "/news/strike.html": (
        "Drone strike on Kharkiv",
        "<p>A Russian drone strike on Kharkiv killed two civilians and injured nine on Friday, "
        "the regional governor said.</p>",
    ),
    "/news/talks.html": (
        "Talks in Doha",
        "<p>Qatar hosted talks between Hamas and Israeli negotiators in Doha on Sunday, "
        "officials said.</p>",
    ),
}
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>{base}/</link>
<description>World news</description>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
DATES = {
    "/news/truce.html": "Sat, 07 Jun 2025 09:00:00 GMT",
    "/news/strike.html": "Fri, 13 Jun 2025 06:30:00 GMT",
    "/news/talks.html": "Sun, 15 Jun 2025 18:00:00 GMT",
    "/news/missing.html": "Mon, 16 Jun 2025 08:00:00 GMT",
}


@dataclass
class Site:
    """What the test server serves, and what it was asked."""

    base: str = ""
    feed_paths: list[str] = field(default_factory=lambda: list(ARTICLES)[:2])
    hits: Counter = field(default_factory=Counter)
    not_modified: Counter = field(default_factory=Counter)

    def feed(self) -> bytes:
        items = "".join(
            ITEM.format(
                title=ARTICLES.get(path, ("Missing",))[0],
                base=self.base,
                path=path,
                date=DATES[path],
            )
            for path in self.feed_paths
        )
        return FEED.format(base=self.base, items=items).encode()


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.hits[self.path] += 1
            if self.path == "/feed.xml":
                body = site.feed()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    site.not_modified[self.path] += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.reply(200, "application/rss+xml", body, etag=etag)
            elif self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/news/talks.html")
                self.end_headers()
            elif self.path in ARTICLES:
                title, body = ARTICLES[self.path]
                page = PAGE.format(title=title, body=body).encode()
                self.reply(200, "text/html; charset=utf-8", page)
            else:
                self.reply(404, "text/plain", b"not found")

        def reply(self, status: int, kind: str, body: bytes, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", formatdate(usegmt=True))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(served))
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def loopback_fetcher() -> Fetcher:
    return Fetcher(allow_private=True, pause=0)


def test_a_page_url_is_fetched_extracted_and_stored(tmp_path: Path, site: Site) -> None:
    with accord.open(tmp_path / "web.db") as db:
        report = db.ingest([f"{site.base}/news/strike.html"], fetcher=loopback_fetcher())
        assert report.ok and report.added == 1, report
        [article] = db.articles()
        assert article.url == f"{site.base}/news/strike.html"
        assert article.title == "Drone strike on Kharkiv"
        assert "Copyright" not in article.text and "Home | World" not in article.text
        [event] = db.events(article=article.id)
        assert event.type == "ASSAULT" and event.counts.killed == 2


def test_a_redirect_is_followed_and_the_final_url_kept(tmp_path: Path, site: Site) -> None:
    with accord.open(tmp_path / "web.db") as db:
        assert db.ingest([f"{site.base}/moved"], fetcher=loopback_fetcher()).added == 1
        assert db.articles()[0].url == f"{site.base}/news/talks.html"


def test_loopback_is_refused_unless_allowed(tmp_path: Path, site: Site) -> None:
    with accord.open(tmp_path / "web.db") as db:
        report = db.ingest([f"{site.base}/news/strike.html"], fetcher=Fetcher(pause=0))
        [(source, reason)] = report.failed
        assert source == f"{site.base}/news/strike.html"
        assert "not a public address" in reason and "SSRF" in reason
        assert db.totals().articles == 0
    assert site.hits["/news/strike.html"] == 0  # refused before a request was sent


def test_a_feed_url_stores_its_entries_with_the_feeds_dates(tmp_path: Path, site: Site) -> None:
    with accord.open(tmp_path / "web.db") as db:
        report = db.ingest([f"{site.base}/feed.xml"], fetcher=loopback_fetcher())
        assert report.ok and report.added == 2
        published = {article.url.rsplit("/", 1)[1]: article.published for article in db.articles()}
        assert published == {
            "truce.html": "2025-06-07T09:00:00+00:00",
            "strike.html": "2025-06-13T06:30:00+00:00",
        }


def test_watch_asks_conditionally_and_fetches_only_new_entries(tmp_path: Path, site: Site):
    fetcher = loopback_fetcher()
    feed = f"{site.base}/feed.xml"
    with accord.open(tmp_path / "watch.db") as db:
        [first] = db.poll([feed], fetcher=fetcher)
        assert (first.status, first.report.added) == ("ok", 2)
        [second] = db.poll([feed], fetcher=fetcher)
        assert second.status == "not modified" and site.not_modified["/feed.xml"] == 1
        site.feed_paths = [*site.feed_paths, "/news/talks.html", "/news/missing.html"]
        [third] = db.poll([feed], fetcher=fetcher)
        assert third.status == "ok" and third.report.added == 1
        assert third.report.failed == (
            (f"{site.base}/news/missing.html", f"HTTP 404 from {site.base}/news/missing.html"),
        )
        assert site.hits["/news/truce.html"] == site.hits["/news/strike.html"] == 1
        assert db.totals().articles == 3
        state = db.feed_state(feed)
        assert state["articles"] == 3 and state["status"] == "ok" and state["etag"]
        assert state["title"] == "Example Wire"


def test_a_feed_that_cannot_be_read_is_reported_and_the_others_polled(tmp_path: Path, site):
    with accord.open(tmp_path / "watch.db") as db:
        broken, good = f"{site.base}/news/strike.html", f"{site.base}/feed.xml"
        reports = db.poll([f"{site.base}/nowhere.xml", broken, good], fetcher=loopback_fetcher())
        assert [poll.status.split(":")[0] for poll in reports] == ["error", "error", "ok"]
        assert "HTTP 404" in reports[0].status and "not an RSS or Atom feed" in reports[1].status
        assert reports[2].report.added == 2


def test_a_urls_file_is_a_list_of_pages(tmp_path: Path, site: Site) -> None:
    listing = tmp_path / "reading.urls"
    listing.write_text(
        f"# today\n{site.base}/news/truce.html\n\n{site.base}/news/talks.html  # Doha\n",
        encoding="utf-8",
    )
    with accord.open(tmp_path / "web.db") as db:
        assert db.ingest([listing], fetcher=loopback_fetcher()).added == 2


def test_accord_watch_polls_until_its_rounds_are_done(tmp_path: Path, site: Site) -> None:
    env = {**os.environ, "ACCORD_ALLOW_PRIVATE_HOSTS": "1"}
    command = [
        sys.executable,
        "-m",
        "accord.cli",
        "--db",
        str(tmp_path / "cli.db"),
        "watch",
        f"{site.base}/feed.xml",
        "--every",
        "1s",
        "--rounds",
        "2",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"poll 1: {site.base}/feed.xml: added 2,"), lines
    assert lines[1] == f"poll 2: {site.base}/feed.xml: not modified"
