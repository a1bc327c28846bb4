"""``accord copy SRC DEST``: move a store between backends (SQLite <-> PostgreSQL), row for row.

Every table is copied as stored, ids and sequence numbers included, so records, clusters,
proposals, a person's decisions and feed state read back the same; the full-text indexes
follow (SQLite's triggers, PostgreSQL's expression indexes). Both stores have the same schema
version (each is migrated on open, and the migrations of both backends share versions). The
destination must hold no articles: a copy never merges two stores. It runs in one transaction
on the destination: an interrupted copy leaves it empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from accord.errors import StoreError
from accord.store.database import Store
from accord.store.queries import quote_identifier
from accord.store.tracking import settle_queues

# Parents before children (foreign keys), with each table's key for a stable order.
TABLES: tuple[tuple[str, str], ...] = (
    ("articles", "id"),
    ("actors", "id"),
    ("article_actors", "article_id, actor_id"),
    ("events", "seq"),
    ("event_actors", "event_id, side, position"),
    ("quotes", "seq"),
    ("track_features", "event_id"),
    ("proposal_candidates", "event_id"),
    ("track_links", "event_a, event_b"),
    ("canonical_events", "id"),
    ("canonical_members", "event_id"),
    ("track_lost", "cluster_id"),
    ("track_decisions", "id"),
    ("proposals", "id"),
    ("proposal_steps", "id"),
    ("proposal_evidence", "step_id, event_id"),
    ("feeds", "url"),
)
# Identity columns whose sequences PostgreSQL must move past the copied values.
IDENTITIES = (
    ("events", "seq"),
    ("quotes", "seq"),
    ("track_decisions", "id"),
    ("proposal_steps", "id"),
)
CHUNK = 1000  # rows per executemany


@dataclass(frozen=True)
class CopyReport:
    """Rows copied, per table."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_store(source: Store, destination: Store) -> CopyReport:
    """Copy every stored row of ``source`` into the empty ``destination``."""
    if source.schema_version != destination.schema_version:
        raise StoreError(
            f"the stores have different schema versions ({source.schema_version} and "
            f"{destination.schema_version}): upgrade accord and open both again"
        )
    if destination.totals().articles:
        raise StoreError("the destination already holds articles: copy into an empty store")
    counts: dict[str, int] = {}
    with source.snapshot(), destination.transaction() as target:
        for table, key in TABLES:
            counts[table] = copy_table(source, target, table, key)
        copy_track_state(source, target)
        settle_queues(target)  # the copied events noted as new have their features already
        if destination.dialect == "postgresql":
            move_identities_past_copied_rows(target)
    return CopyReport(counts)


def copy_table(source: Store, target: Any, table: str, key: str) -> int:
    copied = 0
    for chunk in table_chunks(source, table, key):
        columns = list(chunk[0].keys())
        names = ", ".join(quote_identifier(column) for column in columns)
        marks = ", ".join("?" for _ in columns)
        target.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})", [tuple(row) for row in chunk]
        )
        copied += len(chunk)
    return copied


def table_chunks(source: Store, table: str, key: str) -> Iterator[list[Any]]:
    cursor = source.connection.execute(f"SELECT * FROM {table} ORDER BY {key}")
    while chunk := cursor.fetchmany(CHUNK):
        yield chunk


def copy_track_state(source: Store, target: Any) -> None:
    """The one-row tracking state: whether tracking is behind the events, as in the source."""
    row = source.connection.execute("SELECT pending, changed_at FROM track_state WHERE id = 1")
    found = row.fetchone()
    if found is not None:
        target.execute(
            "UPDATE track_state SET pending = ?, changed_at = ? WHERE id = 1",
            (found[0], found[1]),
        )


def move_identities_past_copied_rows(target: Any) -> None:
    """Rows copied with their ids leave PostgreSQL's sequences behind: move them on."""
    for table, column in IDENTITIES:
        target.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
            f" coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)"
        )
