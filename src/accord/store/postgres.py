"""The PostgreSQL side of the store (the ``postgres`` extra): a connection that takes the
store's SQL as written for SQLite.

The store writes one dialect: ``?`` and ``:name`` parameters, ``LIKE`` (case-insensitive in
SQLite, so ``ILIKE`` here) and statements both engines read the same way (``ON CONFLICT``,
``RETURNING``, ``coalesce``, row values). ``PostgresConnection`` turns placeholders into
psycopg's, answers rows that read by position and by name like ``sqlite3.Row``, and runs in
autocommit mode so transactions are the store's explicit ``BEGIN``/``COMMIT``, as on SQLite.
What no rewrite can cover (full-text search, the unbounded LIMIT, NOCASE) is chosen by the
store from its ``dialect``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

URL_SCHEMES = ("postgresql://", "postgres://")
# Keys of the advisory locks: one for writers (articles, tracking), one for migrations.
WRITE_LOCK = zlib.crc32(b"accord write")
MIGRATE_LOCK = zlib.crc32(b"accord migrate")
# An SQL token the rewrite must see whole: a quoted string or identifier, a ``::`` cast, a
# parameter, a bare ``LIKE``, a ``%``.
SQL_TOKEN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|::|\?|:(?P<name>[A-Za-z_]\w*)|\bLIKE\b|%""",
    re.IGNORECASE,
)


def is_postgres_url(location: object) -> bool:
    """Whether a store location names a PostgreSQL server rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite-style SQL to psycopg's: ``?`` -> ``%s``, ``:name`` -> ``%(name)s``, literal
    ``%`` doubled, ``LIKE`` -> ``ILIKE`` (SQLite's LIKE ignores ASCII case)."""

    def rewrite(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if match.group("name"):
            return f"%({match.group('name')})s"
        if token == "%":
            return "%%"
        if token.upper() == "LIKE":
            return "ILIKE"
        return token.replace("%", "%%") if token[0] in "'\"" else token

    return SQL_TOKEN.sub(rewrite, sql)


class Row(Sequence[Any]):
    """A result row read as ``row[0]`` or ``row["name"]``, and ``dict(row)``, like
    ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=True))!r})"


def row_factory(cursor: Any) -> Any:
    """psycopg row factory making ``Row``s (the column index is built once per result)."""
    description = cursor.description or ()
    index: dict[str, int] = {}
    for position, column in enumerate(description):
        index.setdefault(column.name, position)

    def make(values: Sequence[Any]) -> Row:
        return Row(index, values)

    return make


class Cursor:
    """The part of ``sqlite3.Cursor`` the store uses, over a psycopg cursor."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Row | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Row]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int) -> list[Row]:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class PostgresConnection:
    """A psycopg connection in autocommit mode, taking the store's SQLite-style SQL."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.raw = psycopg.connect(url, autocommit=True, row_factory=row_factory)

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Any = None) -> Cursor:
        cursor = self.raw.cursor()
        cursor.execute(translate(sql), _parameters(params))
        return Cursor(cursor)

    def executemany(self, sql: str, rows: Iterable[Any]) -> Cursor:
        cursor = self.raw.cursor()
        batch = [_parameters(row) for row in rows]
        if batch:
            cursor.executemany(translate(sql), batch)
        return Cursor(cursor)

    def execute_script(self, script: str) -> None:
        """Several statements in one round trip (no parameters: migrations)."""
        self.raw.execute(script)

    def close(self) -> None:
        self.raw.close()


def _parameters(params: Any) -> Any:
    """Parameters as psycopg takes them; booleans as 0/1, as SQLite stores them (flags are
    integer columns on both backends, so a copy between them is exact)."""
    if params is None:
        return None
    if isinstance(params, dict):
        return {name: _value(value) for name, value in params.items()}
    return tuple(_value(value) for value in params)


def _value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def error_classes() -> tuple[type[BaseException], type[BaseException], type[BaseException]]:
    """(any database error, an integrity error, a lock wait that timed out)."""
    import psycopg
    from psycopg import errors

    return psycopg.Error, psycopg.IntegrityError, errors.LockNotAvailable


def text_search(words: Sequence[tuple[str, bool] | str], column: str) -> tuple[str, dict]:
    """A tsquery condition on ``column`` for the terms of ``queries.search_terms``: a word
    (quoted in FTS5) is a phrase of its tokens, ``word*`` a prefix, ``OR``/``AND``/``NOT``
    operators; the ``accord_english`` configuration stems like FTS5's porter tokenizer."""
    parts, params, operator = [], {}, "&&"
    for index, term in enumerate(words):
        if isinstance(term, str):
            operator = {"OR": "||", "AND": "&&", "NOT": "&& !!"}[term]
            continue
        word, prefix = term
        name = f"fts{index}"
        if prefix:
            lexeme = re.sub(r"\W+", " ", word).split()
            params[name] = " <-> ".join(lexeme) + ":*" if lexeme else ""
            query = f"to_tsquery('accord_english', :{name})"
        else:
            params[name] = word
            query = f"phraseto_tsquery('accord_english', :{name})"
        parts.append(query if not parts else f"{operator} {query}")
        operator = "&&"
    if not parts:
        return "FALSE", {}
    vector = f"to_tsvector('accord_english', {column})"
    return f"{vector} @@ ({' '.join(parts)})", params
