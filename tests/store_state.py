"""The whole content of a store as plain rows, to compare two stores (an interrupted and rerun
ingest against an uninterrupted one, a Dask ingest against a single-process one)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# What is compared between stores: every table's rows, minus what differs between equal runs
# (ingest time, row ids used only as join keys), in a stable order.
SNAPSHOT_QUERIES = {
    "articles": "SELECT id, url, outlet, title, published, language, text, content_hash, source"
    " FROM articles ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "event_actors": "SELECT * FROM event_actors ORDER BY event_id, side, position",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY id",
    "article_actors": "SELECT * FROM article_actors ORDER BY article_id, actor_id",
    "track_features": "SELECT * FROM track_features ORDER BY event_id",
    "proposal_candidates": "SELECT * FROM proposal_candidates ORDER BY event_id",
    "track_links": "SELECT * FROM track_links ORDER BY event_a, event_b",
    "canonical_events": "SELECT * FROM canonical_events ORDER BY id",
    "canonical_members": "SELECT * FROM canonical_members ORDER BY event_id",
    "proposals": "SELECT * FROM proposals ORDER BY id",
    "proposal_steps": "SELECT proposal_id, position, date, date_inferred, status, actors, detail"
    " FROM proposal_steps ORDER BY proposal_id, position",
    "proposal_evidence": "SELECT s.proposal_id, s.position, pe.event_id FROM proposal_evidence pe"
    " JOIN proposal_steps s ON s.id = pe.step_id ORDER BY 1, 2, 3",
    "track_state": "SELECT pending FROM track_state",
}
DROPPED_COLUMNS = {"seq", "ingested_at"}


def store_snapshot(store) -> dict[str, list[dict]]:
    """Every table's rows of an open store, on either backend (SQLite, PostgreSQL)."""
    return {
        table: [
            {
                key: value
                for key, value in zip(row.keys(), row, strict=True)
                if key not in DROPPED_COLUMNS
            }
            for row in store.connection.execute(query)
        ]
        for table, query in SNAPSHOT_QUERIES.items()
    }


def snapshot(db: Path) -> dict[str, list[dict]]:
    """Every table's rows; a store killed before its schema was made has none, and one killed
    between two migrations (each its own transaction) has no rows in the tables of the later
    ones (the next open applies them)."""
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        return {
            table: [
                {
                    key: value
                    for key, value in zip(row.keys(), row, strict=True)
                    if key not in DROPPED_COLUMNS
                }
                for row in connection.execute(query)
            ]
            if table in tables
            else []
            for table, query in SNAPSHOT_QUERIES.items()
        }
    finally:
        connection.close()
