"""Article metadata from JSON objects (records and sidecars), under their common field names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Field names seen in the wild for each Article field, in order of preference.
METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site"),
    "published": ("published", "date", "published_at", "publishedAt", "pubDate"),
    "language": ("language", "lang"),
}


def _as_text(value: Any) -> str | None:
    """A field value as a string: numbers are written out; ``{"name": ...}`` gives the name."""
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    return None


def first_field(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` that holds a usable string."""
    for name in names:
        value = _as_text(record.get(name))
        if value is not None:
            return value
    return None


def metadata_from(record: Mapping[str, Any]) -> dict[str, str]:
    """Keyword arguments for ``make_article``: only the fields the record has."""
    found = {key: first_field(record, names) for key, names in METADATA_FIELDS.items()}
    return {key: value for key, value in found.items() if value is not None}
