"""Small builders for the WHERE clauses of the store's reads: user text in, safe SQL out."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from functools import cache
from importlib.resources import files

DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?", re.ASCII)
FTS_OPERATORS = {"OR", "AND", "NOT"}
COUNTRY_TABLE = "data/countries.json"


def quote_identifier(name: str) -> str:
    """Quote a column name (``end`` is an SQL keyword)."""
    return '"' + name.replace('"', '""') + '"'


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own ``%``/``_`` taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_terms(text: str) -> list[tuple[str, bool] | str]:
    """Search words as terms: ``(word, is_prefix)`` for each word (``word*`` a prefix), and
    ``OR``/``AND``/``NOT`` between two words kept as operators."""
    words = text.split()
    terms: list[tuple[str, bool] | str] = []
    for position, word in enumerate(words):
        between_words = 0 < position < len(words) - 1
        if word in FTS_OPERATORS and between_words and terms and isinstance(terms[-1], tuple):
            terms.append(word)
            continue
        prefix = word.endswith("*") and len(word) > 1
        terms.append((word[:-1] if prefix else word, prefix))
    return terms


def fts_query(text: str) -> str:
    """Turn search words into an FTS5 query: every word required, ``word*`` a prefix.

    Words are quoted so punctuation ("1,000", "U.S.", "Kharkiv-based") cannot break the
    query syntax; ``OR``/``AND``/``NOT`` between two words stay operators.
    """
    return " ".join(
        term
        if isinstance(term, str)
        else '"' + term[0].replace('"', '""') + '"' + ("*" if term[1] else "")
        for term in search_terms(text)
    )


def date_bound(value: str | date | None, name: str) -> str | None:
    """Check a ``since``/``until`` bound: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real date."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if not DATE_BOUND.fullmatch(value):
        raise ValueError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    try:
        first_day(value)
    except ValueError:
        raise ValueError(f"{name} is not a date on the calendar: {value!r}") from None
    return value


def first_day(bound: str) -> date:
    """The first day a ``YYYY[-MM[-DD]]`` bound covers."""
    year, month, day = (int(part) for part in [*bound.split("-"), "1", "1"][:3])
    return date(year, month, day)


def last_day(bound: str) -> date:
    """The last day a ``YYYY[-MM[-DD]]`` bound covers (``until 2025-02`` keeps 28 February)."""
    parts = [int(part) for part in bound.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return date(year, month, calendar.monthrange(year, month)[1])


def date_range(since: str | date | None, until: str | date | None) -> tuple[str | None, str | None]:
    """Both bounds checked, and refused when ``since`` begins after ``until`` ends: a reversed
    range is a mistake to report, not a question whose answer is "nothing"."""
    since, until = date_bound(since, "since"), date_bound(until, "until")
    if since and until and first_day(since) > last_day(until):
        raise ValueError(f"since ({since}) is after until ({until})")
    return since, until


def text_filter(value: str | None, name: str) -> str | None:
    """A filter compared with user text; NUL is refused (SQLite reads it as the end of a
    LIKE pattern, so it would match everything, and as a broken FTS query)."""
    if value is not None and "\x00" in value:
        raise ValueError(f"{name} must not contain a NUL character")
    return value


def country_code(value: str | None) -> str | None:
    """An ISO alpha-3 code for a country filter: codes pass through, names are looked up.

    Stored countries are alpha-3 codes; "ukr", "Ukraine" and "Turkey" give "UKR" and "TUR"
    through the names and aliases of the bundled country table.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if len(value) == 3 and value.isalpha():
        return value.upper()
    return country_codes_by_name().get(value.casefold(), value.upper())


@cache
def country_codes_by_name() -> dict[str, str]:
    """Case-folded country names and aliases -> alpha-3, from ``data/countries.json``."""
    rows = json.loads(files("accord").joinpath(COUNTRY_TABLE).read_text(encoding="utf-8"))
    codes: dict[str, str] = {}
    for row in rows:
        for name in (row["name"], *row.get("aliases", ())):
            codes.setdefault(name.casefold(), row["code"])
    return codes


def is_known_country(value: str) -> bool:
    """Whether a country filter names a country of the bundled table (code, name or alias)."""
    code = country_code(value)
    return code is None or code in country_codes()


@cache
def country_codes() -> frozenset[str]:
    return frozenset(country_codes_by_name().values())
