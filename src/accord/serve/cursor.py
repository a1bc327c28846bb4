"""Opaque page cursors: what a client passes back to get the next page, and nothing more.

A cursor is URL-safe base64 of a small JSON object holding the position (a keyset key or an
offset) and a fingerprint of the query it came from, followed by an HMAC of that text under
the server's key. The signature means a client cannot forge a position (an offset past
SQLite's integers, a key of the wrong shape); the fingerprint means a cursor reused with
other filters or another sort is refused rather than silently giving a wrong page.

The key comes from ``ACCORD_CURSOR_KEY`` (so several server processes, or a restarted one,
accept each other's cursors) or is drawn at random when the server starts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import os
import secrets
from typing import Any

CURSOR_KEY_ENV = "ACCORD_CURSOR_KEY"
MIN_KEY_LENGTH = 16
SIGNATURE_BYTES = 16
SQLITE_INTEGERS = range(-(2**63), 2**63)
NOT_VALID = "cursor is not valid: pass back a next_cursor unchanged"


class BadCursor(ValueError):
    """A cursor that was not made by this server for this query."""


def cursor_key(configured: str | None = None) -> bytes:
    """The signing key: ``configured``, else ``ACCORD_CURSOR_KEY``, else random bytes."""
    value = configured if configured is not None else os.environ.get(CURSOR_KEY_ENV)
    if not value:
        return secrets.token_bytes(32)
    if len(value) < MIN_KEY_LENGTH:
        raise ValueError(f"{CURSOR_KEY_ENV} must be at least {MIN_KEY_LENGTH} characters long")
    return value.encode("utf-8")


def fingerprint(query: dict[str, Any]) -> str:
    """A short digest of the filters and sort a cursor belongs to."""
    canonical = json.dumps(
        {key: value for key, value in query.items() if value not in (None, "")}, sort_keys=True
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))


class Cursors:
    """Makes and reads the cursors of one server (one key)."""

    def __init__(self, key: bytes) -> None:
        self.secret = key

    def sign(self, payload: str) -> str:
        digest = hmac.new(self.secret, payload.encode("ascii"), hashlib.sha256).digest()
        return b64encode(digest[:SIGNATURE_BYTES])

    def encode(self, position: Any, query: dict[str, Any]) -> str:
        payload = b64encode(
            json.dumps({"p": position, "q": fingerprint(query)}, separators=(",", ":")).encode()
        )
        return f"{payload}.{self.sign(payload)}"

    def decode(self, cursor: str, query: dict[str, Any]) -> Any:
        """The position stored in ``cursor``; ``BadCursor`` when it is malformed, not signed
        by this server's key, or made for another query."""
        payload, _, signature = cursor.partition(".")
        try:
            authentic = hmac.compare_digest(self.sign(payload), signature)
        except (TypeError, UnicodeError) as error:  # non-ASCII text is no cursor of ours
            raise BadCursor(NOT_VALID) from error
        if not authentic:
            raise BadCursor(
                "cursor was not issued by this server (or the server has restarted): "
                "start again from the first page"
            )
        try:
            content = json.loads(b64decode(payload))
            position, owner = content["p"], content["q"]
        except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error) as error:
            raise BadCursor(NOT_VALID) from error
        if owner != fingerprint(query):
            raise BadCursor("cursor belongs to other filters or another sort: start again")
        return position

    def offset(self, cursor: str | None, query: dict[str, Any]) -> int:
        """The offset of an offset cursor (0 without one)."""
        if not cursor:
            return 0
        position = self.decode(cursor, query)
        if not is_sqlite_integer(position) or position < 0:
            raise BadCursor(NOT_VALID)
        return position

    def key(self, cursor: str | None, query: dict[str, Any]) -> list[Any] | None:
        """The keyset key of a key cursor (None without one)."""
        if not cursor:
            return None
        position = self.decode(cursor, query)
        if not isinstance(position, list) or not all(map(is_key_part, position)):
            raise BadCursor(NOT_VALID)
        return position


def is_sqlite_integer(value: Any) -> bool:
    """An int SQLite can bind (bool is an int in Python, not in a cursor)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in SQLITE_INTEGERS


def is_key_part(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, float):
        return math.isfinite(value)
    return is_sqlite_integer(value)
