"""The store: one transaction per article in, records (equal to what was written) out.

SQLite (a file path) is the default backend; a ``postgresql://`` URL opens PostgreSQL (the
``postgres`` extra). Both take the same SQL (``accord.store.postgres`` adapts placeholders);
what differs (full-text search, the unbounded LIMIT, the write lock) is chosen by ``dialect``.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

from accord.errors import NotFoundError, StoreError, StoreLockedError
from accord.models import Actor, Article, Event, Extraction, Quote
from accord.store import aggregates, rows
from accord.store.aggregates import place_condition
from accord.store.postgres import WRITE_LOCK, PostgresConnection, is_postgres_url, text_search
from accord.store.queries import (
    country_code,
    date_range,
    fts_query,
    like_pattern,
    quote_identifier,
    search_terms,
    text_filter,
)
from accord.store.schema import migrate

BATCH = 500  # ids per IN (...) list when reading event actors
# Seconds to wait for another process's write transaction before giving up on ours.
DEFAULT_LOCK_TIMEOUT = 30.0
_LOCK_ERROR_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
# Keyset orders for ``event_page``: every key ends in the unique id, so the order is total.
# ``date`` is the order of ``events`` (undated last: "~" sorts after every ISO date).
# The date order's first key -> the index that holds that order (migration 009), and how many
# matching events make walking it cheaper than sorting the matches.
PAGE_ORDER_INDEXES = {
    "coalesce(e.date_start, '')": "events_page_newest",
    "coalesce(e.date_start, '~')": "events_page_oldest",
}
MANY_MATCHES = 2000
EVENT_PAGE_ORDERS = {
    "date": (
        "coalesce(e.date_start, '~')",
        "coalesce(e.published, '')",  # the article's, kept on the event (migration 009)
        "e.article_id",
        "e.sentence_index",
        "e.start",
        "e.id",
    ),
    "id": ("e.id",),
}


class SaveOutcome(StrEnum):
    """What saving an article did to the store."""

    ADDED = "added"
    UNCHANGED = "unchanged"  # the same content hash was already stored
    REPLACED = "replaced"  # a new version of an article already stored at the same URL


@dataclass(frozen=True)
class ActorSummary:
    """A canonical actor with how often the store has it."""

    actor: Actor
    events: int
    quotes: int
    articles: int


@dataclass(frozen=True)
class Totals:
    """How many records of each kind the store holds."""

    articles: int
    events: int
    quotes: int
    actors: int


def connect(path: str | Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> sqlite3.Connection:
    """Open SQLite in autocommit mode (transactions are explicit), WAL, foreign keys on;
    a write waits up to ``timeout`` seconds for another writer to finish."""
    try:
        connection = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open {path} as an accord database: {error}") from error
    return connection


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect_postgres(url: str) -> PostgresConnection:
    """Open a PostgreSQL store's connection (autocommit: transactions are explicit)."""
    try:
        return PostgresConnection(url)
    except ImportError as error:
        raise StoreError(
            "a postgresql:// store needs the 'postgres' extra: pip install accord[postgres]"
        ) from error
    except Exception as error:  # psycopg.OperationalError: no server, bad password, ...
        raise StoreError(f"cannot connect to {safe_location(url)}: {error}") from error


def safe_location(location: str | Path) -> str:
    """How messages name a store: a file path, or a server URL without its password."""
    if not is_postgres_url(location):
        return str(location)
    parts = urlsplit(str(location))
    if parts.password is None:
        return str(location)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


class Store:
    """An accord database, a SQLite file or a PostgreSQL database: migrated on open, written
    one article per transaction."""

    def __init__(
        self, path: str | Path = "accord.db", *, timeout: float = DEFAULT_LOCK_TIMEOUT
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.dialect = "postgresql" if is_postgres_url(path) else "sqlite"
        if self.dialect == "postgresql":
            from accord.store.postgres import error_classes

            self.connection: Any = connect_postgres(str(path))
            self._errors, self._integrity_errors, self._lock_errors = error_classes()
        else:
            self.connection = connect(path, timeout)
            self._errors, self._integrity_errors = sqlite3.Error, sqlite3.IntegrityError
            self._lock_errors = ()
        try:
            self.schema_version = migrate(self.connection)
        except self._errors as error:
            self.connection.close()
            raise StoreError(
                f"cannot prepare {safe_location(path)} as an accord database: {error}"
            ) from error
        except BaseException:
            self.connection.close()
            raise

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {safe_location(self.path)} schema={self.schema_version}>"

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commit when the block ends, roll back on any exception or interrupt.

        Inside another transaction it is a savepoint of that one, so steps that are atomic on
        their own (clusters, proposals) can be made atomic together. Raises
        ``StoreLockedError`` when another process holds the write lock for longer than
        ``timeout`` seconds.
        """
        if self.connection.in_transaction:
            with self._savepoint():
                yield self.connection
            return
        self._begin_write()
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _begin_write(self) -> None:
        """Start a write transaction holding the store's write lock: SQLite's ``BEGIN
        IMMEDIATE``, on PostgreSQL an advisory lock held until commit (writers take turns
        as on SQLite: an article's check for its hash and its insert see one state, and one
        tracking update runs at a time)."""
        if self.dialect == "sqlite":
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode in _LOCK_ERROR_CODES:
                    raise StoreLockedError(self._locked_message()) from error
                raise
            return
        self.connection.execute("BEGIN")
        try:
            self.connection.execute(f"SET LOCAL lock_timeout = {int(self.timeout * 1000)}")
            self.connection.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        except self._lock_errors as error:
            self.connection.execute("ROLLBACK")
            raise StoreLockedError(self._locked_message()) from error
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside the block see one state of the store, even while another process
        commits articles (a read transaction: WAL keeps its snapshot until the block ends)."""
        if self.connection.in_transaction:
            yield
            return
        if self.dialect == "sqlite":
            self.connection.execute("BEGIN")
        else:
            self.connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self.connection.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self.connection.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK TO nested")
            self.connection.execute("RELEASE nested")
            raise
        self.connection.execute("RELEASE nested")

    # -- tracking state ---------------------------------------------------------------------------

    def tracking_pending(self) -> bool:
        """Whether events were stored or removed since tracking last ran (a run killed before
        tracking finished leaves this set, so the next one completes it)."""
        row = self.connection.execute("SELECT pending FROM track_state WHERE id = 1").fetchone()
        return bool(row and row[0])

    def _mark_tracking_pending(self) -> None:
        """Called inside the transaction that changes events, so the mark commits with them."""
        self.connection.execute(
            "UPDATE track_state SET pending = 1, changed_at = ?, generation = generation + 1"
            " WHERE id = 1",
            (utc_now(),),
        )

    def mark_tracking_done(self) -> None:
        """Called inside the transaction that brings tracking up to date."""
        self.connection.execute("UPDATE track_state SET pending = 0 WHERE id = 1")

    def _locked_message(self) -> str:
        return (
            f"{safe_location(self.path)} is locked by another process writing to it: "
            f"waited {self.timeout:g} s; "
            "what was saved before is kept, run again once it is done"
        )

    # -- writes -------------------------------------------------------------------------------

    def has_content_hash(self, content_hash: str) -> bool:
        """Whether an article with this text is stored (checked before the costly NLP step)."""
        row = self.connection.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def has_url(self, url: str) -> bool:
        """Whether an article from this URL is stored (a feed's entries are fetched once)."""
        row = self.connection.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone()
        return row is not None

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last poll of a feed left: its validators, status and article count."""
        row = self.connection.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def save_feed_state(
        self,
        url: str,
        *,
        status: str,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        added: int = 0,
    ) -> None:
        """Record a poll: validators are kept from before when the answer had none."""
        with self.transaction():
            self.connection.execute(
                "INSERT INTO feeds (url, title, etag, last_modified, checked_at, status, articles)"
                " VALUES (:url, :title, :etag, :last_modified, :now, :status, :added)"
                " ON CONFLICT (url) DO UPDATE SET title = coalesce(:title, title),"
                " etag = coalesce(:etag, etag), last_modified = coalesce(:last_modified,"
                " last_modified), checked_at = :now, status = :status,"
                " articles = articles + :added",
                {
                    "url": url,
                    "title": title,
                    "etag": etag,
                    "last_modified": last_modified,
                    "now": utc_now(),
                    "status": status,
                    "added": added,
                },
            )

    def save_extraction(self, extraction: Extraction) -> SaveOutcome:
        """Store one article with its actors, events and quotes in a single transaction.

        The same text again changes nothing; new text at a stored URL replaces the old
        version and everything extracted from it. Records that cannot be stored (an event of
        another article, a duplicate id) raise ``StoreError`` and leave the store as it was.
        """
        article = extraction.article
        check_belongs_to_article(extraction)
        try:
            with self.transaction():
                if self.has_content_hash(article.content_hash):
                    return SaveOutcome.UNCHANGED
                replaced = self._delete_article_at_url(article.url)
                self._mark_tracking_pending()
                self._insert("articles", rows.article_row(stamp_ingested_at(article)))
                self._save_actors(article.id, extraction.actors)
                self._save_events(extraction.events, article.published)
                self._insert_many("quotes", [rows.quote_row(quote) for quote in extraction.quotes])
        except self._integrity_errors as error:
            raise StoreError(f"cannot store article {article.id}: {error}") from error
        return SaveOutcome.REPLACED if replaced else SaveOutcome.ADDED

    def _delete_article_at_url(self, url: str | None) -> bool:
        """Remove the stored version at ``url``; cascades take its events, actors and quotes."""
        if url is None:
            return False
        cursor = self.connection.execute("DELETE FROM articles WHERE url = ?", (url,))
        return cursor.rowcount > 0

    def _save_actors(self, article_id: str, actors: Sequence[Actor]) -> None:
        """Upsert canonical actors by id (the latest article's view wins) and link them.

        In id order, so concurrent writers lock shared actor rows in one order."""
        for actor in sorted(actors, key=lambda actor: actor.id):
            self._insert("actors", rows.actor_row(actor), upsert_on="id")
            self.connection.execute(
                "INSERT INTO article_actors (article_id, actor_id) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING",
                (article_id, actor.id),
            )

    def _save_events(self, events: Sequence[Event], published: str | None) -> None:
        """The events in their order, then their actors in the same order (each table's rows
        go in in the order one event after another would give them)."""
        self._insert_many("events", [{**rows.event_row(e), "published": published} for e in events])
        self._insert_many("event_actors", [row for e in events for row in rows.event_actor_rows(e)])

    def _insert(self, table: str, row: dict[str, Any], upsert_on: str = "") -> None:
        self.connection.execute(insert_sql(table, tuple(row), upsert_on), row)

    def _insert_many(self, table: str, records: Sequence[dict[str, Any]]) -> None:
        """Rows in order, one ``executemany`` per run of rows with the same columns (a
        statement per row cost the per-call overhead some 120 times per article)."""
        for columns, run in groupby(records, key=tuple):
            self.connection.executemany(insert_sql(table, columns), list(run))

    # -- reads --------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        row = self.connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        if found is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return rows.article_from_row(found)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, newest publication first."""
        cursor = self.connection.execute(
            "SELECT * FROM articles ORDER BY published IS NULL, published DESC, id "
            "LIMIT ? OFFSET ?",
            (limit_value(limit, self.dialect), offset),
        )
        return [rows.article_from_row(row) for row in cursor]

    def _page_order_index(self, keys: tuple[str, ...], where: str, params: dict[str, Any]) -> str:
        """On SQLite, walk the index that holds the page's order (migration 009) when many
        events match, so a page filtered by a common country or actor reads its rows in order
        and stops at the page's end instead of sorting every match; a rare filter's few
        matches are found through their own index and sorted. PostgreSQL's planner weighs
        this itself from its statistics."""
        if self.dialect != "sqlite" or keys[0] not in PAGE_ORDER_INDEXES:
            return ""
        probe = self.connection.execute(
            "SELECT count(*) FROM (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE {where} LIMIT {MANY_MATCHES})",
            params,
        ).fetchone()[0]
        return f"INDEXED BY {PAGE_ORDER_INDEXES[keys[0]]} " if probe >= MANY_MATCHES else ""

    def event(self, event_id: str) -> Event:
        found = list(self._events_where("e.id = :id", {"id": event_id}))
        if not found:
            raise NotFoundError(f"no event with id {event_id!r}")
        return found[0]

    def events(
        self,
        *,
        type: str | Sequence[str] | None = None,
        actor: str | None = None,
        country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        place: str | None = None,
        modality: str | None = None,
        q: str | None = None,
        article: str | None = None,
        actor_id: str | None = None,
        place_key: str | None = None,
        sector: str | None = None,
        mode: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events matching every filter given, by event date (undated last).

        ``type`` is one PLOVER type or several (events of any of them); ``actor`` matches an
        actor id, or part of a name or of the words naming it, on either side; ``country``
        either side's actor country or the place country (code or name); ``since``/``until``
        bound the event's start date (``ValueError`` when reversed); ``q`` searches sentence
        text; ``actor_id`` is one canonical actor exactly; ``place_key`` a place exactly
        (``name|country`` as the map gives it, or a name).
        """
        with self.snapshot():
            return self._event_list(
                type=type,
                actor=actor,
                country=country,
                since=since,
                until=until,
                place=place,
                modality=modality,
                q=q,
                article=article,
                actor_id=actor_id,
                place_key=place_key,
                sector=sector,
                mode=mode,
                limit=limit,
                offset=offset,
            )

    def _event_list(self, **filters: Any) -> list[Event]:
        return list(self.iter_events(**filters))

    def iter_events(
        self, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Iterator[Event]:
        """Like ``events`` but streamed, for exports of the whole store."""
        where, params = event_conditions(**filters, dialect=self.dialect)
        return self._events_where(where, params, limit, offset)

    def event_page(
        self,
        *,
        order: str = "date",
        descending: bool = False,
        after: Sequence[Any] | None = None,
        limit: int = 50,
        **filters: Any,
    ) -> tuple[list[Event], list[Any] | None]:
        """One page of events strictly after the key ``after``, for stable paging.

        Unlike an offset, a key keeps its place when articles are added or removed while a
        client pages. Returns the events and the key to pass as ``after`` for the next page
        (None on the last page). ``order`` is ``date`` (the order of ``events``; undated last
        either way) or ``id``.
        """
        if order not in EVENT_PAGE_ORDERS:
            raise ValueError(f"order must be one of {sorted(EVENT_PAGE_ORDERS)}, not {order!r}")
        keys = EVENT_PAGE_ORDERS[order]
        if order == "date" and descending:
            # newest first, undated still last: '' sorts before every ISO date
            keys = ("coalesce(e.date_start, '')", *keys[1:])
        with self.snapshot():
            return self._event_page(keys, descending, after, limit, filters)

    def _event_page(
        self,
        keys: tuple[str, ...],
        descending: bool,
        after: Sequence[Any] | None,
        limit: int,
        filters: dict[str, Any],
    ) -> tuple[list[Event], list[Any] | None]:
        where, params = event_conditions(**filters, dialect=self.dialect)
        if after is not None:
            if len(after) != len(keys):
                raise ValueError(f"a key for this order has {len(keys)} parts")
            placeholders = ", ".join(f":after{index}" for index in range(len(keys)))
            where += f" AND ({', '.join(keys)}) {'<' if descending else '>'} ({placeholders})"
            params.update({f"after{index}": value for index, value in enumerate(after)})
        direction = " DESC" if descending else ""
        selected = ", ".join(f"{key} AS page_key{index}" for index, key in enumerate(keys))
        hint = self._page_order_index(keys, where, params)
        cursor = self.connection.execute(
            f"SELECT e.*, {selected} FROM events e {hint}JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} ORDER BY {', '.join(key + direction for key in keys)} LIMIT :limit",
            {**params, "limit": limit + 1},
        )
        found = cursor.fetchall()
        page = found[:limit]
        actors = self._event_actor_rows([row["id"] for row in page]) if page else {}
        events = [rows.event_from_row(row, actors[row["id"]]) for row in page]
        if len(found) <= limit or not page:
            return events, None
        return events, [page[-1][f"page_key{index}"] for index in range(len(keys))]

    def _events_where(
        self, where: str, params: dict[str, Any], limit: int | None = None, offset: int = 0
    ) -> Iterator[Event]:
        cursor = self.connection.execute(
            "SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} "
            "ORDER BY e.date_start IS NULL, e.date_start, e.published NULLS FIRST, e.article_id, "
            "e.sentence_index, e.start, e.id LIMIT :limit OFFSET :offset",
            {**params, "limit": limit_value(limit, self.dialect), "offset": offset},
        )
        while batch := cursor.fetchmany(BATCH):
            actors = self._event_actor_rows([row["id"] for row in batch])
            for row in batch:
                yield rows.event_from_row(row, actors[row["id"]])

    def _event_actor_rows(self, event_ids: list[str]) -> dict[str, list[sqlite3.Row]]:
        placeholders = ", ".join("?" for _ in event_ids)
        cursor = self.connection.execute(
            f"SELECT * FROM event_actors WHERE event_id IN ({placeholders})", event_ids
        )
        grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for row in cursor:
            grouped[row["event_id"]].append(row)
        return grouped

    def quotes(
        self,
        *,
        speaker: str | None = None,
        q: str | None = None,
        article: str | None = None,
        speaker_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Quote]:
        """Quotes in article order; ``speaker`` matches an actor id or part of a speaker's name,
        ``speaker_id`` one canonical actor exactly."""
        conditions, params = ["TRUE"], {}
        speaker, q = text_filter(speaker, "speaker"), text_filter(q, "q")
        if speaker:
            conditions.append(
                "(qu.speaker_actor_id = :speaker OR qu.speaker_name LIKE :speaker_like ESCAPE '\\'"
                " OR qu.speaker_mention LIKE :speaker_like ESCAPE '\\'"
                " OR qu.speaker_text LIKE :speaker_like ESCAPE '\\')"
            )
            params.update(speaker=speaker, speaker_like=like_pattern(speaker))
        if q and q.strip():
            condition, search = full_text_condition(q, "quotes", "qu", self.dialect)
            conditions.append(condition)
            params.update(search)
        if article:
            conditions.append("qu.article_id = :article")
            params["article"] = article
        if speaker_id:
            conditions.append("qu.speaker_actor_id = :speaker_id")
            params["speaker_id"] = speaker_id
        cursor = self.connection.execute(
            "SELECT qu.* FROM quotes qu JOIN articles a ON a.id = qu.article_id "
            f"WHERE {' AND '.join(conditions)} "
            "ORDER BY a.published NULLS FIRST, qu.article_id, qu.start, qu.id"
            " LIMIT :limit OFFSET :offset",
            {**params, "limit": limit_value(limit, self.dialect), "offset": offset},
        )
        return [rows.quote_from_row(row) for row in cursor]

    def actors(
        self,
        *,
        country: str | None = None,
        sector: str | None = None,
        q: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ActorSummary]:
        """Canonical actors with their event, quote and article counts, most active first.

        ``q`` matches an id, or part of a name, alias or role; ``article`` keeps the actors
        that article mentions.
        """
        conditions, params = ["TRUE"], {}
        q = text_filter(q, "q")
        if country:
            conditions.append("ac.country = :country")
            params["country"] = country_code(country)
        if sector:
            conditions.append("ac.sector = :sector")
            params["sector"] = sector.strip().upper()
        if q:
            conditions.append(
                "(ac.id = :q OR ac.name LIKE :q_like ESCAPE '\\'"
                " OR ac.aliases LIKE :q_like ESCAPE '\\' OR ac.role LIKE :q_like ESCAPE '\\')"
            )
            params.update(q=q, q_like=like_pattern(q))
        if article:
            conditions.append(
                "ac.id IN (SELECT actor_id FROM article_actors WHERE article_id = :article)"
            )
            params["article"] = article
        cursor = self.connection.execute(
            "SELECT ac.*,"
            " (SELECT count(DISTINCT event_id) FROM event_actors ea WHERE ea.actor_id = ac.id)"
            " AS event_count,"
            " (SELECT count(*) FROM quotes qu WHERE qu.speaker_actor_id = ac.id) AS quote_count,"
            " (SELECT count(*) FROM article_actors aa WHERE aa.actor_id = ac.id) AS article_count"
            f" FROM actors ac WHERE {' AND '.join(conditions)}"
            " ORDER BY event_count DESC, quote_count DESC,"
            f" {nocase('ac.name', self.dialect)}, ac.id"
            " LIMIT :limit OFFSET :offset",
            {**params, "limit": limit_value(limit, self.dialect), "offset": offset},
        )
        return [
            ActorSummary(
                actor=rows.actor_from_row(row),
                events=row["event_count"],
                quotes=row["quote_count"],
                articles=row["article_count"],
            )
            for row in cursor
        ]

    # -- canonical events and the workbench's sums (SQL in ``aggregates``) ----------------------

    def clusters_without_summary(self) -> list[str]:
        """Canonical events whose summary row is missing (new, or regrouped since)."""
        return aggregates.clusters_without_summary(self.connection)

    def forget_summary_queue(self) -> None:
        """Called once every canonical event ``clusters_without_summary`` gave has its row."""
        with self.transaction():
            aggregates.clear_summary_queue(self.connection)

    def cluster_member_rows(self, cluster_ids: Sequence[str]) -> list[sqlite3.Row]:
        """Members of these clusters with why they were merged and their article's outlet."""
        return aggregates.cluster_members(self.connection, cluster_ids)

    def save_cluster_summaries(self, rows: Sequence[dict[str, Any]]) -> None:
        """Store summary rows (called by tracking, inside its transaction)."""
        with self.transaction():
            aggregates.save_cluster_summaries(self.connection, rows)
            self.connection.execute(
                "UPDATE track_state SET generation = generation + 1 WHERE id = 1"
            )

    def generation(self) -> int:
        """A number that changes whenever what the views read changes (see migration 007):
        a view computed at one generation holds until the next."""
        row = self.connection.execute("SELECT generation FROM track_state WHERE id = 1").fetchone()
        return row[0] if row else 0

    def events_by_id(self, event_ids: Sequence[str]) -> dict[str, Event]:
        """Several events at once (ids not stored are left out)."""
        found: dict[str, Event] = {}
        ids = list(event_ids)
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            names = {f"id{index}": value for index, value in enumerate(batch)}
            where = f"e.id IN ({', '.join(':' + name for name in names)})"
            for event in self._events_where(where, names):
                found[event.id] = event
        return found

    def event_sources(self, events: Sequence[Event]) -> dict[str, dict[str, Any]]:
        """For each event id: its article's outlet, URL, title and publication, and its
        canonical event (what an event table shows beside each row)."""
        if not events:
            return {}
        article_ids = sorted({event.article_id for event in events})
        event_ids = [event.id for event in events]
        with self.snapshot():
            articles = aggregates.article_sources(self.connection, article_ids)
            clusters = aggregates.clusters_of(self.connection, event_ids)
        return {
            event.id: {**articles.get(event.article_id, {}), "cluster_id": clusters.get(event.id)}
            for event in events
        }

    def cluster_page(
        self, filters: dict[str, Any], *, sort: str = "date", limit: int = 50, offset: int = 0
    ) -> tuple[list[sqlite3.Row], int]:
        """Summary rows of canonical events matching the event filters (``limit + 1`` rows,
        to tell whether more follow), and how many match in all."""
        with self.snapshot():
            return aggregates.cluster_page(self.connection, filters, sort, limit, offset)

    def iter_cluster_rows(self, filters: dict[str, Any], *, sort: str = "date") -> Iterator[Any]:
        """Every matching canonical event's summary row, streamed."""
        return aggregates.iter_clusters(self.connection, filters, sort)

    def cluster_summary(self, cluster_id: str) -> sqlite3.Row:
        """One canonical event's summary row; a member event's id finds its cluster too."""
        row = aggregates.cluster_row(self.connection, cluster_id)
        if row is None:
            owner = self.connection.execute(
                "SELECT cluster_id FROM canonical_members WHERE event_id = ?", (cluster_id,)
            ).fetchone()
            row = aggregates.cluster_row(self.connection, owner[0]) if owner else None
        if row is None:
            raise NotFoundError(f"no canonical event with id {cluster_id!r}")
        return row

    def stats(
        self, filters: dict[str, Any], *, unit: str = "clusters", granularity: str = "day"
    ) -> dict[str, Any]:
        """Store totals and, for what matches the filters, sums by type, mode, modality and
        date bucket; in the cluster unit each canonical event counts once, with its best
        figures (and the low/high sums beside)."""
        check_unit(unit)
        if granularity not in aggregates.GRANULARITIES:
            raise ValueError(f"granularity must be one of {', '.join(aggregates.GRANULARITIES)}")
        with self.snapshot():
            groups, dates = aggregates.stat_rows(self.connection, filters, unit)
            answer = aggregates.fold_stats(groups, dates, unit, granularity)
            answer["totals"] = aggregates.store_totals(self.connection)
            if unit == "events":
                answer["clusters"] = aggregates.matching_clusters_of_events(
                    self.connection, filters
                )
            return answer

    def place_rows(
        self, filters: dict[str, Any], *, unit: str = "clusters"
    ) -> tuple[list[sqlite3.Row], list[sqlite3.Row], int]:
        """Places with counts and figure sums, their types, and how many have no place."""
        check_unit(unit)
        with self.snapshot():
            return (
                aggregates.map_rows(self.connection, filters, unit),
                aggregates.map_type_rows(self.connection, filters, unit),
                aggregates.unplaced_count(self.connection, filters, unit),
            )

    def network_rows(
        self, filters: dict[str, Any], *, limit: int = 60, unit: str = "clusters"
    ) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
        """The most active actors of what matches and the edges among them: in the cluster
        unit each real event once, between its main source and target."""
        check_unit(unit)
        with self.snapshot():
            nodes = aggregates.network_nodes(self.connection, filters, limit, unit)
            ids = [row["id"] for row in nodes]
            return nodes, aggregates.network_edges(self.connection, filters, ids, unit)

    def actor_record(self, actor_id: str) -> tuple[Actor | None, dict[str, Any], dict[str, int]]:
        """An actor by exact id: the canonical record (None for an actor only events name),
        what the events call it, and its counts; ``NotFoundError`` when nothing names it."""
        with self.snapshot():
            row = self.connection.execute(
                "SELECT * FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()
            ref = aggregates.actor_ref_row(self.connection, actor_id)
            if row is None and ref is None:
                raise NotFoundError(f"no actor with id {actor_id!r}")
            actor = rows.actor_from_row(row) if row is not None else None
            counts = aggregates.actor_counts(self.connection, actor_id)
            return actor, dict(ref) if ref is not None else {}, counts

    def totals(self) -> Totals:
        def count(table: str) -> int:
            return self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

        return Totals(
            articles=count("articles"),
            events=count("events"),
            quotes=count("quotes"),
            actors=count("actors"),
        )


def event_conditions(
    type: str | Sequence[str] | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    place: str | None = None,
    modality: str | None = None,
    q: str | None = None,
    article: str | None = None,
    dialect: str = "sqlite",
    actor_id: str | None = None,
    place_key: str | None = None,
    sector: str | None = None,
    mode: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and parameters for the event filters (all must hold)."""
    conditions, params = ["TRUE"], {}
    actor, place, q = text_filter(actor, "actor"), text_filter(place, "place"), text_filter(q, "q")
    since, until = date_range(since, until)
    if types := event_types(type):
        names = [f"type{index}" for index in range(len(types))]
        conditions.append(f"e.type IN ({', '.join(':' + name for name in names)})")
        params.update(zip(names, types, strict=True))
    if actor:
        conditions.append(
            "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND"
            " (ea.actor_id = :actor OR ea.name LIKE :actor_like ESCAPE '\\'"
            " OR ea.text LIKE :actor_like ESCAPE '\\'))"
        )
        params.update(actor=actor, actor_like=like_pattern(actor))
    if actor_id:
        # exact canonical id, through the (actor_id, event_id) index
        conditions.append(
            "e.id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id = :actor_id)"
        )
        params["actor_id"] = actor_id
    if country:
        # the actors' side through the (country, event_id) index, not a lookup per event
        conditions.append(
            "(e.place_country = :country OR e.id IN (SELECT ea.event_id FROM event_actors ea"
            " WHERE ea.country = :country))"
        )
        params["country"] = country_code(country)
    if sector:
        conditions.append(
            "e.id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.sector = :sector)"
        )
        params["sector"] = sector.strip().upper()
    if mode:
        conditions.append("e.mode = :mode")
        params["mode"] = mode.strip()
    if place_key:
        conditions.append(place_condition("e.", text_filter(place_key, "place") or "", params))
    if since:
        conditions.append("e.date_start >= :since")
        params["since"] = since
    if until:
        # Compare as many characters as the bound has: until 2025-05 keeps 2025-05-31.
        conditions.append("substr(e.date_start, 1, :until_length) <= :until")
        params.update(until=until, until_length=len(until))
    if place:
        conditions.append(
            "(e.place_name LIKE :place ESCAPE '\\' OR e.place_text LIKE :place ESCAPE '\\')"
        )
        params["place"] = like_pattern(place)
    if modality:
        conditions.append("e.modality = :modality")
        params["modality"] = modality.strip().lower()
    if q and q.strip():
        condition, search = full_text_condition(q, "events", "e", dialect)
        conditions.append(condition)
        params.update(search)
    if article:
        conditions.append("e.article_id = :article")
        params["article"] = article
    return " AND ".join(conditions), params


def check_unit(unit: str) -> None:
    if unit not in aggregates.UNITS:
        raise ValueError(f"unit must be one of {', '.join(aggregates.UNITS)}, not {unit!r}")


def event_types(type: str | Sequence[str] | None) -> list[str]:
    """One type or several, upper-cased, blanks dropped."""
    given = [type] if isinstance(type, str) else list(type or ())
    return [name.strip().upper() for name in given if name and name.strip()]


def limit_value(limit: int | None, dialect: str = "sqlite") -> int | None:
    """No limit: SQLite reads a negative LIMIT as none, PostgreSQL a NULL one."""
    if limit is None:
        return -1 if dialect == "sqlite" else None
    return limit


# The column each table's full-text index covers.
FULL_TEXT_COLUMNS = {"events": "sentence", "quotes": "text"}


def full_text_condition(q: str, table: str, alias: str, dialect: str) -> tuple[str, dict]:
    """A condition keeping the rows whose text matches the search words, with each engine's
    own index: FTS5 on SQLite, the tsvector GIN index on PostgreSQL."""
    if dialect == "sqlite":
        return (
            f"{alias}.seq IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q)",
            {"q": fts_query(q)},
        )
    return text_search(search_terms(q), f"{alias}.{FULL_TEXT_COLUMNS[table]}")


def nocase(column: str, dialect: str) -> str:
    """An ORDER BY key ignoring ASCII case (SQLite's NOCASE; ``lower`` in the C collation)."""
    return f"{column} COLLATE NOCASE" if dialect == "sqlite" else f'lower({column}) COLLATE "C"'


def stamp_ingested_at(article: Article) -> Article:
    """The store records when it received an article, unless the article says so already."""
    if article.ingested_at is not None:
        return article
    return dataclasses.replace(article, ingested_at=utc_now())


@lru_cache(maxsize=64)
def insert_sql(table: str, columns: tuple[str, ...], upsert_on: str = "") -> str:
    """The INSERT (or upsert on ``upsert_on``) of a row with these columns into ``table``:
    built once per table and set of columns, not for each of the ~80 rows an article has."""
    names = ", ".join(quote_identifier(column) for column in columns)
    values = ", ".join(f":{column}" for column in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({values})"
    if upsert_on:
        updates = ", ".join(
            f"{quote_identifier(column)} = excluded.{quote_identifier(column)}"
            for column in columns
            if column != upsert_on
        )
        sql += f" ON CONFLICT ({upsert_on}) DO UPDATE SET {updates}"
    return sql


def check_belongs_to_article(extraction: Extraction) -> None:
    """Refuse events or quotes that name another article: they would be stored under it."""
    article_id = extraction.article.id
    for record in (*extraction.events, *extraction.quotes):
        if record.article_id != article_id:
            raise StoreError(
                f"{type(record).__name__} {record.id} belongs to article {record.article_id}, "
                f"not to {article_id}"
            )
