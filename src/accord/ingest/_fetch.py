"""Fetching pages and feeds over HTTP(S), carefully: only public addresses (SSRF protection, on
by default), a size cap, timeouts, a pause between requests to the same host, conditional
requests (ETag / Last-Modified) for feeds that are polled.

The address check is made on the socket actually connected (after DNS, for every redirect), so
a name that resolves to a private address, or is rebound to one, is refused. Tests that serve
pages on 127.0.0.1 turn the check off with ``allow_private=True``
(``ACCORD_ALLOW_PRIVATE_HOSTS=1`` for the CLI); nothing else should.
"""

from __future__ import annotations

import ipaddress
import os
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from accord.errors import IngestError

USER_AGENT = "accord (+https://github.com/accord-events/accord) news event coder"
MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "ACCORD_ALLOW_PRIVATE_HOSTS"


def private_hosts_allowed() -> bool:
    """Whether the environment turns the SSRF check off (tests on loopback only)."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes"}


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    ip = getattr(ip, "ipv4_mapped", None) or ip
    return ip.is_global


class _VettedHTTPConnection(HTTPConnection):
    def _new_conn(self):  # type: ignore[no-untyped-def]
        return _vetted(self, super()._new_conn())


class _VettedHTTPSConnection(HTTPSConnection):
    def _new_conn(self):  # type: ignore[no-untyped-def]
        return _vetted(self, super()._new_conn())


def _vetted(connection, sock):  # type: ignore[no-untyped-def]
    """The connected socket, or an error when its peer is not a public address."""
    peer = sock.getpeername()[0]
    if not _is_public(peer):
        sock.close()
        raise urllib3.exceptions.NewConnectionError(
            connection, f"refused: {peer} is not a public address (SSRF protection)"
        )
    return sock


class _VettedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _VettedHTTPConnection


class _VettedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _VettedHTTPSConnection


@dataclass(frozen=True)
class Fetched:
    """A response: its final URL (after redirects), status, body and the validators."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """One client for a run: pooled connections, a per-host pause, the SSRF check."""

    allow_private: bool = field(default_factory=private_hosts_allowed)
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    pause: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        self._pool = urllib3.PoolManager(
            num_pools=20, timeout=urllib3.Timeout(total=self.timeout), retries=False
        )
        if not self.allow_private:
            self._pool.pool_classes_by_scheme = {"http": _VettedHTTPPool, "https": _VettedHTTPSPool}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET ``url`` (following redirects); ``IngestError`` naming the URL on any failure,
        a 304 ``Fetched`` when the validators say nothing changed."""
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_scheme(current, url)
            self._wait_for_host(current)
            response = self._request(current, headers, url)
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                response.release_conn()
                current = urljoin(current, response.headers["location"])
                continue
            return self._read(current, response, url)
        raise IngestError(url, f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str], source: str):  # type: ignore[no-untyped-def]
        try:
            return self._pool.request(
                "GET", url, headers=headers, redirect=False, preload_content=False
            )
        except urllib3.exceptions.HTTPError as error:
            raise IngestError(source, f"cannot fetch {url}: {describe(error)}") from error

    def _read(self, url: str, response, source: str) -> Fetched:  # type: ignore[no-untyped-def]
        try:
            if response.status == 304:
                return Fetched(url, 304, b"", etag=response.headers.get("etag"))
            if response.status >= 400:
                raise IngestError(source, f"HTTP {response.status} from {url}")
            body = bytearray()
            for chunk in response.stream(65536, decode_content=True):
                body += chunk
                if len(body) > self.max_bytes:
                    raise IngestError(source, f"{url} is larger than {self.max_bytes:,} bytes")
            return Fetched(
                url,
                response.status,
                bytes(body),
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
        except urllib3.exceptions.HTTPError as error:
            raise IngestError(source, f"cannot read {url}: {describe(error)}") from error
        finally:
            response.release_conn()

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.pause:
                time.sleep(self.pause - (now - last))
            self._last_request[host] = time.monotonic()


def check_scheme(url: str, source: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in {"http", "https"}:
        raise IngestError(source, f"only http and https URLs are fetched, not {scheme or url!r}")


def describe(error: Exception) -> str:
    """The innermost reason of a urllib3 failure (the SSRF refusal among them)."""
    reason = getattr(error, "reason", None)
    while getattr(reason, "reason", None) is not None:
        reason = reason.reason
    text = str(reason or error)
    if "SSRF protection" in text:
        return text[text.index("refused") :] if "refused" in text else "refused (SSRF protection)"
    return text


def is_url(source: object) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))
