"""Records to table rows and back: the one place that knows how a record is flattened.

Nested records become prefixed columns (``Event.date.start`` -> ``date_start``), tuples of
strings become JSON arrays, and actor lists get their own table. Reading a row back gives a
record equal to the one written.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, TypeVar, get_type_hints

from accord.models import (
    Actor,
    ActorRef,
    Article,
    Counts,
    DateValue,
    Event,
    Evidence,
    Place,
    Quote,
)

Record = TypeVar("Record")
SPEAKER_RENAMES = {"text": "mention"}  # the column speaker_text holds Quote.speaker_text


@cache
def field_types(cls: type) -> dict[str, Any]:
    """The resolved type hints of a record class (annotations are strings here)."""
    return get_type_hints(cls)


def column_names(cls: type, prefix: str = "", renames: Mapping[str, str] | None = None) -> dict:
    """Map each field of ``cls`` to its column name (worked out once per class, prefix and
    renames: every row written or read asks, some 20,000 times per 100 articles). The map is
    shared: read it, do not change it."""
    return _column_names(cls, prefix, tuple((renames or {}).items()))


@cache
def _column_names(cls: type, prefix: str, renames: tuple[tuple[str, str], ...]) -> dict:
    renamed = dict(renames)
    return {f.name: prefix + renamed.get(f.name, f.name) for f in dataclasses.fields(cls)}


def flatten(
    record: Any, cls: type, prefix: str = "", renames: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Columns for a nested record; all NULL when the record is absent."""
    columns = column_names(cls, prefix, renames)
    if record is None:
        return dict.fromkeys(columns.values())
    return {column: getattr(record, name) for name, column in columns.items()}


def unflatten(
    row: sqlite3.Row,
    cls: type[Record],
    prefix: str = "",
    renames: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Record:
    """Rebuild a nested record from its columns (booleans come back from 0/1).

    ``overrides`` gives the fields that are not stored as plain columns (JSON lists).
    """
    types = field_types(cls)
    values = dict(overrides or {})
    for name, column in column_names(cls, prefix, renames).items():
        if name not in values:
            value = row[column]
            values[name] = bool(value) if types[name] is bool and value is not None else value
    return cls(**values)


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def from_json_list(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def article_row(article: Article) -> dict[str, Any]:
    return flatten(article, Article)


def article_from_row(row: sqlite3.Row) -> Article:
    return unflatten(row, Article)


def actor_row(actor: Actor) -> dict[str, Any]:
    return {**flatten(actor, Actor), "aliases": json_list(actor.aliases)}


def actor_from_row(row: sqlite3.Row) -> Actor:
    return unflatten(row, Actor, overrides={"aliases": from_json_list(row["aliases"])})


def event_row(event: Event) -> dict[str, Any]:
    """The ``events`` row of an event (its actors go to ``event_actors``)."""
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "trigger": event.trigger,
        "contexts": json_list(event.contexts),
        "attributed_to": event.attributed_to,
        **flatten(event.date, DateValue, "date_"),
        **flatten(event.place, Place, "place_"),
        **flatten(event.counts, Counts),
        **flatten(event.evidence, Evidence),
        "mentions": json.dumps([dataclasses.asdict(m) for m in event.mentions], ensure_ascii=False),
    }


def event_actor_rows(event: Event) -> list[dict[str, Any]]:
    """One ``event_actors`` row per source and target, keeping their order."""
    rows = []
    for side, refs in (("source", event.sources), ("target", event.targets)):
        for position, ref in enumerate(refs):
            rows.append(
                {"event_id": event.id, "side": side, "position": position, **flatten(ref, ActorRef)}
            )
    return rows


def event_from_row(row: sqlite3.Row, actor_rows: Iterable[sqlite3.Row]) -> Event:
    """Rebuild an event from its ``events`` row and its ``event_actors`` rows."""
    sides: dict[str, list[tuple[int, ActorRef]]] = {"source": [], "target": []}
    for actor in actor_rows:
        sides[actor["side"]].append((actor["position"], unflatten(actor, ActorRef)))
    return Event(
        id=row["id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        modality=row["modality"],
        trigger=row["trigger"],
        evidence=unflatten(row, Evidence),
        sources=tuple(ref for _, ref in sorted(sides["source"], key=lambda item: item[0])),
        targets=tuple(ref for _, ref in sorted(sides["target"], key=lambda item: item[0])),
        contexts=from_json_list(row["contexts"]),
        date=unflatten(row, DateValue, "date_") if row["date_text"] is not None else None,
        place=unflatten(row, Place, "place_") if row["place_text"] is not None else None,
        counts=unflatten(row, Counts),
        attributed_to=row["attributed_to"],
        mentions=tuple(Evidence(**mention) for mention in json.loads(row["mentions"])),
    )


def quote_row(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker_text": quote.speaker_text,
        **flatten(quote.speaker, ActorRef, "speaker_", SPEAKER_RENAMES),
        **flatten(quote.evidence, Evidence),
    }


def quote_from_row(row: sqlite3.Row) -> Quote:
    has_speaker = row["speaker_actor_id"] is not None
    return Quote(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        kind=row["kind"],
        cue=row["cue"],
        evidence=unflatten(row, Evidence),
        speaker=unflatten(row, ActorRef, "speaker_", SPEAKER_RENAMES) if has_speaker else None,
        speaker_text=row["speaker_text"],
    )
