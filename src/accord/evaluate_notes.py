"""Scoring terse event notes ("Armed men killed 3 civilians in <town>.") against their readings.

A notes file is JSON Lines, one note per line: ``id``, ``text``, ``published`` and ``events``,
each expected event with ``type`` and, where the note states them, ``date``, ``place`` (name,
country, lat, lon) and ``counts``; the format is in ``tests/event_notes/README.md``. Every
note is run through the pipeline as a one-paragraph article published on its date.

Per expected event, the extracted event of the same type is compared (of those not yet taken
by another expected event, the first of the same mode, else the first); the figures are shares
of all expected events, so an event not found counts as wrong on every field: a note yields any
event, the type is right, the place is within ``PLACE_KM`` of the expected point, the date is
the expected day, the deaths are the stated number.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accord.evaluate_coverage import Ratio
from accord.models import Article, Event, Extraction
from accord.resolve.actors import fold

PLACE_KM = 50.0
EARTH_KM = 6371.0


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    published: str | None
    events: tuple[dict, ...]


@dataclass
class NotesReport:
    notes: int = 0
    any_event: Ratio = field(default_factory=Ratio)  # per note
    type: Ratio = field(default_factory=Ratio)  # per expected event, below too
    place: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    deaths: Ratio = field(default_factory=Ratio)  # expected events that state deaths
    extracted: int = 0
    extra: int = 0  # extracted events matching no expected event
    by_type: dict[str, Ratio] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "notes": self.notes,
            "any_event": self.any_event.value(),
            "type": self.type.value(),
            "place_within_50km": self.place.value(),
            "date": self.date.value(),
            "deaths": self.deaths.value(),
            "events_expected": self.type.checked,
            "events_extracted": self.extracted,
            "extra_events": self.extra,
            "type_by_expected_type": {
                key: [ratio.right, ratio.checked] for key, ratio in sorted(self.by_type.items())
            },
        }


def is_notes_file(path: str | Path) -> bool:
    """A JSONL file whose first record has ``text`` and ``events`` (PLOVER gold rows have
    ``event``)."""
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                first = json.loads(line)
                return isinstance(first, dict) and "text" in first and "events" in first
    return False


def load_notes(path: str | Path) -> list[Note]:
    notes = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            try:
                notes.append(
                    Note(row["id"], row["text"], row.get("published"), tuple(row["events"]))
                )
            except (KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a note ({error})") from error
    return notes


def note_article(note: Note) -> Article:
    from accord.ingest import make_article

    return make_article(note.text, published=note.published, source=f"note:{note.id}")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def place_right(expected: dict, event: Event) -> bool:
    """Within ``PLACE_KM`` of the expected point; a region or country given without a point
    must be named (its name, or a name the gazetteer knows for the same place: the notes
    write ISO 3166-2 names, "Amara" for Amhara, "Kurskaya oblast'" for the Kursk region), in
    the same country."""
    want, got = expected["place"], event.place
    if got is None:
        return False
    if want.get("lat") is None or want.get("lon") is None:
        same_name = fold(want.get("name") or "") in {fold(got.name), fold(got.text)}
        return (same_name or _same_area(want, got)) and want.get("country") in (None, got.country)
    if got.lat is None or got.lon is None:
        return False
    return distance_km(want["lat"], want["lon"], got.lat, got.lon) <= PLACE_KM


def _same_area(want: dict, got) -> bool:
    """Whether the gazetteer reads the expected region's name as the place extracted."""
    from accord.resolve.places import geocode

    if not want.get("name") or not want.get("country"):
        return False
    known = geocode(want["name"], [want["country"]])
    return known is not None and (known.name, known.precision) == (got.name, got.precision)


def score_note(report: NotesReport, note: Note, extraction: Extraction) -> None:
    report.notes += 1
    report.extracted += len(extraction.events)
    report.any_event.add(bool(extraction.events))
    taken: set[str] = set()
    for expected in note.events:
        event = _paired(expected, [e for e in extraction.events if e.id not in taken])
        report.type.add(event is not None)
        report.by_type.setdefault(expected["type"], Ratio()).add(event is not None)
        if event is not None:
            taken.add(event.id)
        else:
            got = ", ".join(e.type for e in extraction.events) or "nothing"
            report.misses.append(f"{note.id} {expected['type']} (got {got}): {note.text[:110]}")
        if expected.get("place"):
            report.place.add(event is not None and place_right(expected, event))
        if expected.get("date"):
            # a bound ("by <publication date>", precision "reported") has no start: no day
            got_date = event.date.start if event and event.date else None
            report.date.add(got_date == expected["date"])
        killed = (expected.get("counts") or {}).get("killed")
        if killed is not None:
            report.deaths.add(event is not None and event.counts.killed == killed)
    report.extra += len(extraction.events) - len(taken)


def _paired(expected: dict, events: Sequence[Event]) -> Event | None:
    """The extracted event an expected one is scored against: of its type, the one of its
    mode first ("destroyed homes and killed 3" is two ASSAULTs, destroy and the killing)."""
    typed = [e for e in events if e.type == expected["type"]]
    return next((e for e in typed if e.mode == expected.get("mode")), typed[0] if typed else None)


def score_notes(paths: Sequence[str | Path]) -> NotesReport:
    from accord.pipeline import extract_many

    notes = [note for path in paths for note in load_notes(path)]
    report = NotesReport()
    extractions = extract_many(note_article(note) for note in notes)
    for note, extraction in zip(notes, extractions, strict=True):
        score_note(report, note, extraction)
    return report


def format_notes_report(report: NotesReport, *, misses: bool = False) -> str:
    def show(ratio: Ratio) -> str:
        value = ratio.value()
        shown = "-" if value is None else f"{value:.2f}"
        return f"{shown} ({ratio.right}/{ratio.checked})"

    lines = [
        f"event notes: {report.notes}, expected events {report.type.checked}, "
        f"extracted {report.extracted} ({report.extra} matching no expected event)",
        f"note yields any event  {show(report.any_event)}",
        f"right type             {show(report.type)}",
        f"place within 50 km     {show(report.place)}",
        f"date                   {show(report.date)}",
        f"deaths                 {show(report.deaths)}",
        "type by expected type: "
        + ", ".join(f"{t} {r.right}/{r.checked}" for t, r in sorted(report.by_type.items())),
    ]
    if misses:
        lines += ["", "missed:", *(f"  {line}" for line in report.misses)]
    return "\n".join(lines)
