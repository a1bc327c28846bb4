"""Ids of tracking's records, derived from what they are so that a rebuild gives the same ids."""

from __future__ import annotations

import hashlib

# 64 bits: with 40, two of the ~890k clusters of a million-event store shared an id about one
# time in three and the rebuild stopped on the duplicate
ID_HEX_DIGITS = 16


def hashed_id(prefix: str, key: str) -> str:
    """``prefix`` and the first ``ID_HEX_DIGITS`` hex digits of the SHA-1 of ``key``."""
    return prefix + hashlib.sha1(key.encode()).hexdigest()[:ID_HEX_DIGITS]
