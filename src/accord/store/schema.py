"""Versioned schema migrations: numbered SQL files applied in order, recorded in the database.

A migration is ``migrations/<dialect>/NNN_name.sql``, one folder per backend (``sqlite``,
``postgresql``) with the same version numbers, so a store's version means the same tables on
either. Each one runs in its own transaction together with
the row that records it in ``schema_migrations``, so a failed migration leaves the previous
version in place. A database migrated by newer code is refused with a ``StoreError`` rather than
read with a schema this code does not know.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

from accord.errors import StoreError

MIGRATION_FILE = re.compile(r"^(\d+)_(\w+)\.sql$")
CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    sql: str


def bundled_migrations(dialect: str = "sqlite") -> list[Migration]:
    """The migrations shipped with this version of accord for a backend, in version order."""
    folder = files("accord.store").joinpath("migrations", dialect)
    migrations = []
    for entry in folder.iterdir():
        match = MIGRATION_FILE.match(entry.name)
        if match:
            version, name = int(match.group(1)), match.group(2)
            migrations.append(Migration(version, name, entry.read_text(encoding="utf-8")))
    migrations.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in migrations]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a version number: {versions}")
    return migrations


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (triggers keep their inner semicolons).

    ``executescript`` would commit on its own; running statement by statement keeps each
    migration inside the transaction that records it.
    """
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if strip_comments(pending).strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


def strip_comments(sql: str) -> str:
    """Drop ``--`` line comments, to tell a real statement from a trailing comment."""
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def applied_versions(connection: Any) -> set[int]:
    """Versions recorded in ``schema_migrations`` (empty for a new database)."""
    rows = connection.execute("SELECT version FROM schema_migrations").fetchall()
    return {row[0] for row in rows}


def migrate(connection: Any, migrations: list[Migration] | None = None) -> int:
    """Bring the schema up to date and return its version.

    The connection must be in autocommit mode (``isolation_level=None``): transactions are
    explicit here. ``BEGIN IMMEDIATE`` (on PostgreSQL an advisory lock) plus a re-check lets
    two processes open a new database at once without applying a migration twice.
    """
    dialect = dialect_of(connection)
    migrations = bundled_migrations(dialect) if migrations is None else migrations
    if dialect == "postgresql":
        create_migrations_table_locked(connection)
    else:
        connection.execute(CREATE_MIGRATIONS_TABLE)
    refuse_newer_schema(connection, migrations)
    for migration in migrations:
        if migration.version not in applied_versions(connection):
            apply_migration(connection, migration)
    return max(applied_versions(connection), default=0)


def dialect_of(connection: Any) -> str:
    """``sqlite`` for a ``sqlite3`` connection, else the connection's own ``dialect``."""
    return getattr(connection, "dialect", "sqlite")


def begin_migration(connection: Any) -> None:
    """Open the transaction a migration runs in, holding off every other migrating process."""
    if dialect_of(connection) == "postgresql":
        from accord.store.postgres import MIGRATE_LOCK

        connection.execute("BEGIN")
        connection.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATE_LOCK,))
    else:
        connection.execute("BEGIN IMMEDIATE")


def create_migrations_table_locked(connection: Any) -> None:
    """Two servers' first opens may race: ``CREATE TABLE IF NOT EXISTS`` is not atomic on
    PostgreSQL, so it runs under the migration lock."""
    begin_migration(connection)
    try:
        connection.execute(CREATE_MIGRATIONS_TABLE.replace("TEXT", 'TEXT COLLATE "C"'))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def refuse_newer_schema(connection: Any, migrations: list[Migration]) -> None:
    """Raise when the database was migrated past what this code knows."""
    known = max((migration.version for migration in migrations), default=0)
    found = max(applied_versions(connection), default=0)
    if found > known:
        raise StoreError(
            f"the database has schema version {found}, newer than this version of accord "
            f"supports ({known}); upgrade accord to open it"
        )


def apply_migration(connection: Any, migration: Migration) -> None:
    """Run one migration and record it, all or nothing."""
    begin_migration(connection)
    try:
        if migration.version not in applied_versions(connection):
            if dialect_of(connection) == "postgresql":
                connection.execute_script(migration.sql)  # DDL is transactional there
            else:
                for statement in split_statements(migration.sql):
                    connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
        connection.execute("COMMIT")
    except BaseException as error:
        connection.execute("ROLLBACK")
        if isinstance(error, database_errors(connection)):
            raise StoreError(
                f"migration {migration.version:03d}_{migration.name} failed: {error}"
            ) from error
        raise


def database_errors(connection: Any) -> type[BaseException] | tuple[type[BaseException], ...]:
    """The base class of the backend's errors (to report a failed migration by name)."""
    if dialect_of(connection) == "postgresql":
        from accord.store.postgres import error_classes

        return error_classes()[0]
    return sqlite3.Error
