"""Exports: one row per event, as JSON Lines, JSON, CSV or Parquet.

JSON keeps the actor lists as lists; CSV and Parquet are flat (lists joined by "; ") with a
fixed column order and explicit column types, so spreadsheets and dataframes read them alike.
Files are written beside the target and moved into place, so an interrupted export never
leaves a half-written file under the asked-for name.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from accord.models import ActorRef, Article, Event, Quote

if TYPE_CHECKING:
    from accord.store import ActorSummary

FORMATS = ("jsonl", "json", "csv", "parquet")
LIST_SEPARATOR = "; "
PARQUET_BATCH = 10_000

# Column name -> type: "string", "int" or "float" ("list" columns are strings once flat).
EVENT_COLUMNS: dict[str, str] = {
    "id": "string",
    "article_id": "string",
    "article_title": "string",
    "article_url": "string",
    "outlet": "string",
    "published": "string",
    "type": "string",
    "mode": "string",
    "modality": "string",
    "sources": "list",
    "source_countries": "list",
    "source_sectors": "list",
    "targets": "list",
    "target_countries": "list",
    "target_sectors": "list",
    "date": "string",
    "date_precision": "string",
    "date_by": "string",
    "place": "string",
    "place_country": "string",
    "lat": "float",
    "lon": "float",
    "place_precision": "string",
    "killed": "int",
    "injured": "int",
    "detained": "int",
    "prisoners": "int",
    "displaced": "int",
    "attributed_to": "string",
    "trigger": "string",
    "sentence": "string",
}
# A canonical event (cluster): one real event as its reports tell it, best figures beside the
# range; the summary sentence, outlet and URL are the first report's.
CLUSTER_COLUMNS: dict[str, str] = {
    "id": "string",
    "type": "string",
    "mode": "string",
    "modality": "string",
    "date": "string",
    "date_end": "string",
    "date_precision": "string",
    "date_by": "string",
    "date_display": "string",
    "place": "string",
    "place_country": "string",
    "lat": "float",
    "lon": "float",
    "place_precision": "string",
    "source": "string",
    "source_country": "string",
    "target": "string",
    "target_country": "string",
    "reports": "int",
    "events": "int",
    "outlets": "int",
    "outlet_names": "list",
    "first_report": "string",
    "last_report": "string",
    **{
        f"{kind}_{bound}": "int"
        for kind in ("killed", "injured", "detained", "prisoners")
        for bound in ("low", "best", "high")
    },
    "outlet": "string",
    "article_url": "string",
    "sentence": "string",
}
QUOTE_COLUMNS = (
    "id",
    "article_id",
    "speaker",
    "speaker_id",
    "speaker_country",
    "kind",
    "cue",
    "text",
    "sentence",
)
ACTOR_COLUMNS = (
    "id",
    "name",
    "kind",
    "country",
    "sector",
    "role",
    "aliases",
    "wikidata",
    "events",
    "quotes",
    "articles",
)


def format_for(path: str | Path, format: str | None = None) -> str:
    """The export format: the one asked for, else the file extension's."""
    chosen = (format or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ValueError(
            f"cannot tell the export format of {str(path)!r}: "
            f"use one of {', '.join(FORMATS)} (as extension or format)"
        )
    return chosen


def event_row(event: Event, article: Article) -> dict[str, Any]:
    """The export row of one event; actor columns are lists, countries and sectors distinct."""
    date, place, counts = event.date, event.place, event.counts
    return {
        "id": event.id,
        "article_id": event.article_id,
        "article_title": article.title,
        "article_url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "sources": [ref.name for ref in event.sources],
        "source_countries": distinct(ref.country for ref in event.sources),
        "source_sectors": distinct(ref.sector for ref in event.sources),
        "targets": [ref.name for ref in event.targets],
        "target_countries": distinct(ref.country for ref in event.targets),
        "target_sectors": distinct(ref.sector for ref in event.targets),
        "date": date.start if date else None,
        "date_precision": date.precision if date else None,
        "date_by": date.by if date else None,
        "place": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        "killed": counts.killed,
        "injured": counts.injured,
        "detained": counts.detained,
        "prisoners": counts.prisoners,
        "displaced": counts.displaced,
        "attributed_to": event.attributed_to,
        "trigger": event.trigger,
        "sentence": event.evidence.sentence,
    }


def distinct(values: Iterable[str | None]) -> list[str]:
    """Known values once each, in order of appearance."""
    return list(dict.fromkeys(value for value in values if value))


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its lists joined, for CSV and Parquet."""
    return {
        key: LIST_SEPARATOR.join(value) if isinstance(value, list) else value
        for key, value in row.items()
    }


def speaker_name(quote: Quote) -> str | None:
    """The speaker as resolved, else as the article names them."""
    return quote.speaker.name if quote.speaker else quote.speaker_text


def quote_row(quote: Quote) -> dict[str, Any]:
    """A flat row for one quote (CLI tables and CSV)."""
    speaker: ActorRef | None = quote.speaker
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "speaker": speaker_name(quote),
        "speaker_id": speaker.actor_id if speaker else None,
        "speaker_country": speaker.country if speaker else None,
        "kind": quote.kind,
        "cue": quote.cue,
        "text": quote.text,
        "sentence": quote.evidence.sentence,
    }


def actor_row(summary: ActorSummary) -> dict[str, Any]:
    """A row for one canonical actor with its counts (aliases as a list)."""
    actor = summary.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata,
        "events": summary.events,
        "quotes": summary.quotes,
        "articles": summary.articles,
    }


def write_events(
    rows: Iterable[dict[str, Any]], path: str | Path, format: str | None = None
) -> int:
    """Write event rows to ``path`` in the given (or extension's) format; return the count."""
    return write_rows(rows, path, format, EVENT_COLUMNS)


def write_rows(
    rows: Iterable[dict[str, Any]],
    path: str | Path,
    format: str | None,
    columns: dict[str, str],
) -> int:
    """Write rows with these columns (name -> type) to ``path``; return the count."""
    chosen = format_for(path, format)
    with replaced_on_success(Path(path)) as partial:
        if chosen == "parquet":
            return write_parquet(rows, partial, columns)
        with partial.open("w", encoding="utf-8", newline="") as stream:
            if chosen == "jsonl":
                return write_jsonl(rows, stream)
            if chosen == "json":
                return write_json(rows, stream)
            return write_csv((flat(row) for row in rows), stream, list(columns))


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Path]:
    """Give a temporary path beside ``path`` and move it there only if the block succeeds."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_jsonl(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """A JSON array, written row by row (the whole export never sits in memory)."""
    count = 0
    stream.write("[")
    for row in rows:
        stream.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "]\n")
    return count


def write_csv(rows: Iterable[dict[str, Any]], stream: IO[str], columns: list[str]) -> int:
    """CSV with a header; empty cells for missing values."""
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def parquet_schema(columns: dict[str, str] = EVENT_COLUMNS) -> Any:
    """The Parquet schema of an export: strings, 64-bit integers and doubles."""
    import pyarrow as pa

    arrow_types = {
        "string": pa.string(),
        "list": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
    }
    return pa.schema([(name, arrow_types[kind]) for name, kind in columns.items()])


def write_parquet(
    rows: Iterable[dict[str, Any]], path: Path, columns: dict[str, str] = EVENT_COLUMNS
) -> int:
    """Parquet in row groups of ``PARQUET_BATCH`` rows, with the explicit schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batched((flat(row) for row in rows), PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def batched(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
