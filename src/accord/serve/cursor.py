"""Opaque page cursors: what a client passes back to get the next page, and nothing more.

A cursor is URL-safe base64 of a small JSON object holding the position (a keyset key or an
offset) and a fingerprint of the query it came from, so a cursor reused with other filters or
another sort is refused rather than silently giving a wrong page.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any


class BadCursor(ValueError):
    """A cursor that was not made by this server for this query."""


def fingerprint(query: dict[str, Any]) -> str:
    """A short digest of the filters and sort a cursor belongs to."""
    canonical = json.dumps(
        {key: value for key, value in query.items() if value not in (None, "")}, sort_keys=True
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def encode_cursor(position: Any, query: dict[str, Any]) -> str:
    payload = json.dumps({"p": position, "q": fingerprint(query)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, query: dict[str, Any]) -> Any:
    """The position stored in ``cursor``; ``BadCursor`` when it is malformed or foreign."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        position, owner = payload["p"], payload["q"]
    except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error) as error:
        raise BadCursor("cursor is not valid: pass back a next_cursor unchanged") from error
    if owner != fingerprint(query):
        raise BadCursor("cursor belongs to other filters or another sort: start again")
    return position


def decode_offset(cursor: str | None, query: dict[str, Any]) -> int:
    """The offset of an offset cursor (0 without one)."""
    if not cursor:
        return 0
    position = decode_cursor(cursor, query)
    if not isinstance(position, int) or position < 0:
        raise BadCursor("cursor is not valid: pass back a next_cursor unchanged")
    return position


def decode_key(cursor: str | None, query: dict[str, Any]) -> list[Any] | None:
    """The keyset key of a key cursor (None without one)."""
    if not cursor:
        return None
    position = decode_cursor(cursor, query)
    if not isinstance(position, list) or not all(
        isinstance(part, str | int | float) for part in position
    ):
        raise BadCursor("cursor is not valid: pass back a next_cursor unchanged")
    return position
