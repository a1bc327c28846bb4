"""What clustering compares of each event, read straight from the events table (no NLP).

An event's date becomes a window of day numbers: a day-precise date is one day, a week its
seven; an event with no day (only the bound "by <publication date>", or no date at all) gets
the two days before that bound up to the bound (news reports what just happened). Month- or
year-precise dates are too vague to merge automatically (``day_lo`` is None): a person can
still merge them by hand.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from accord.track.proposals import find_subject

MAX_WINDOW_DAYS = 7  # wider date windows are not merged automatically
UNDATED_LOOKBACK_DAYS = 2  # an undated event happened at most this long before publication
FACT_MODALITIES = ("asserted", "agreed")
TOPIC_TYPES = ("AGREE", "REJECT", "REQUEST", "RETREAT", "CONSULT", "SANCTION", "CONCEDE")
STOPWORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "among",
        "and",
        "any",
        "are",
        "around",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "during",
        "each",
        "either",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "into",
        "its",
        "itself",
        "just",
        "last",
        "later",
        "least",
        "like",
        "more",
        "most",
        "much",
        "near",
        "new",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "out",
        "over",
        "own",
        "said",
        "same",
        "says",
        "she",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "told",
        "too",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "would",
        "year",
        "years",
        "you",
        "your",
        "day",
        "days",
        "week",
        "weeks",
        "people",
        "according",
        "officials",
        "official",
    ]
)
WORD = re.compile(r"[a-z][a-z'-]+")

ActorKey = tuple[str, str | None, str | None]  # (actor id, country, sector)


@dataclass(frozen=True)
class Features:
    """One event as clustering sees it."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    modality_class: str
    day_lo: int | None
    day_hi: int | None
    date_inferred: bool
    sources: tuple[ActorKey, ...]
    targets: tuple[ActorKey, ...]
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    place_precision: str | None
    tokens: frozenset[str]
    topic: str | None = None  # proposal subject named nearest the trigger (ceasefire, ...)

    @property
    def mergeable(self) -> bool:
        return self.day_lo is not None and self.day_hi is not None

    @cached_property
    def source_keys(self) -> SideKeys:
        return side_keys(self.sources)

    @cached_property
    def target_keys(self) -> SideKeys:
        return side_keys(self.targets)


@dataclass(frozen=True)
class SideKeys:
    """One side's actors as sets, computed once per event (compared many times)."""

    ids: frozenset[str]
    country_sectors: frozenset[tuple[str, str | None]]
    countries: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.ids)


def side_keys(keys: tuple[ActorKey, ...]) -> SideKeys:
    return SideKeys(
        ids=frozenset(key[0] for key in keys),
        country_sectors=frozenset((key[1], key[2]) for key in keys if key[1]),
        countries=frozenset(key[1] for key in keys if key[1]),
    )


def content_tokens(sentence: str) -> frozenset[str]:
    """Lower-cased content words, crude plural folding ('missiles' = 'missile')."""
    words = set()
    for word in WORD.findall(sentence.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def modality_class(modality: str) -> str:
    """Asserted and agreed both report that something happened; the rest stay apart."""
    return "fact" if modality in FACT_MODALITIES else modality


def day_number(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def date_window(
    start: str | None,
    end: str | None,
    precision: str | None,
    published: str | None,
    by: str | None = None,
) -> tuple[int | None, int | None, bool]:
    """(first day, last day, inferred from publication) for an event.

    An event with no day gets the few days up to its bound ``by`` (the date the pipeline
    stores for an event its text does not date, precision "reported"), or up to the
    article's publication date for events stored without one.
    """
    first = day_number(start)
    if first is not None and precision in ("day", "week"):
        last = day_number(end) or first
        if last - first <= MAX_WINDOW_DAYS:
            return first, max(first, last), False
        return None, None, False
    if first is not None:  # month, year, or unresolved precision: too vague
        return None, None, False
    reported = day_number(by) or day_number(published)
    if reported is None:
        return None, None, True
    return reported - UNDATED_LOOKBACK_DAYS, reported, True


def features_from_row(row: sqlite3.Row, actors: dict[str, list[ActorKey]]) -> Features:
    day_lo, day_hi, inferred = date_window(
        row["date_start"], row["date_end"], row["date_precision"], row["published"], row["date_by"]
    )
    return Features(
        event_id=row["id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        modality_class=modality_class(row["modality"]),
        day_lo=day_lo,
        day_hi=day_hi,
        date_inferred=inferred,
        sources=tuple(actors.get(f"source:{row['id']}", ())),
        targets=tuple(actors.get(f"target:{row['id']}", ())),
        place_name=row["place_name"],
        place_country=row["place_country"],
        place_lat=row["place_lat"],
        place_lon=row["place_lon"],
        place_precision=row["place_precision"],
        tokens=content_tokens(row["sentence"]),
        topic=topic_of(row),
    )


def topic_of(row: sqlite3.Row) -> str | None:
    """The proposal subject of an event that can be a step of one (an assault has none)."""
    if row["type"] not in TOPIC_TYPES:
        return None
    trigger_at = max(0, row["start"] - row["sentence_start"])
    return find_subject(row["sentence"], trigger_at, (row["type"], row["mode"]))


EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.modality, e.date_start, e.date_end, e.date_precision, "
    "e.date_by, e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_precision, "
    "e.sentence, e.start, e.sentence_start, a.published"
)


def untracked_event_features(connection: sqlite3.Connection) -> Iterator[Features]:
    """Features of the events that have none stored yet (new since the last update)."""
    cursor = connection.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE NOT EXISTS (SELECT 1 FROM track_features f WHERE f.event_id = e.id) ORDER BY e.id"
    )
    yield from features_in_batches(connection, cursor)


def all_event_features(connection: sqlite3.Connection) -> Iterator[Features]:
    cursor = connection.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"
    )
    yield from features_in_batches(connection, cursor)


def features_in_batches(
    connection: sqlite3.Connection, cursor: sqlite3.Cursor, batch: int = 500
) -> Iterator[Features]:
    while rows := cursor.fetchmany(batch):
        actors = actor_keys(connection, [row["id"] for row in rows])
        for row in rows:
            yield features_from_row(row, actors)


def actor_keys(connection: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[ActorKey]]:
    """'side:event id' -> the actors on that side, in order."""
    placeholders = ", ".join("?" for _ in event_ids)
    cursor = connection.execute(
        "SELECT event_id, side, actor_id, country, sector FROM event_actors "
        f"WHERE event_id IN ({placeholders}) AND NOT inferred "  # only actors the text names
        "ORDER BY event_id, side, position",
        event_ids,
    )
    keys: dict[str, list[ActorKey]] = defaultdict(list)
    for row in cursor:
        keys[f"{row['side']}:{row['event_id']}"].append(
            (row["actor_id"], row["country"], row["sector"])
        )
    return keys


def save_features(connection: sqlite3.Connection, features: Iterable[Features]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO track_features (event_id, article_id, type, mode, modality_class,"
        " day_lo, day_hi, date_inferred, sources, targets, place_name, place_country, place_lat,"
        " place_lon, place_precision, tokens, topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?)",
        (
            (
                f.event_id,
                f.article_id,
                f.type,
                f.mode,
                f.modality_class,
                f.day_lo,
                f.day_hi,
                int(f.date_inferred),
                json.dumps(f.sources),
                json.dumps(f.targets),
                f.place_name,
                f.place_country,
                f.place_lat,
                f.place_lon,
                f.place_precision,
                " ".join(sorted(f.tokens)),
                f.topic,
            )
            for f in features
        ),
    )


def stored_features(row: sqlite3.Row) -> Features:
    return Features(
        event_id=row["event_id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        modality_class=row["modality_class"],
        day_lo=row["day_lo"],
        day_hi=row["day_hi"],
        date_inferred=bool(row["date_inferred"]),
        sources=tuple(tuple(key) for key in json.loads(row["sources"])),
        targets=tuple(tuple(key) for key in json.loads(row["targets"])),
        place_name=row["place_name"],
        place_country=row["place_country"],
        place_lat=row["place_lat"],
        place_lon=row["place_lon"],
        place_precision=row["place_precision"],
        tokens=frozenset(row["tokens"].split()),
        topic=row["topic"],
    )
