"""How records are shown to people: evidence with its words highlighted, dates as precise as
they are known. Shared by the CLI and the HTTP API (neither imports the other)."""

from __future__ import annotations

from datetime import date
from typing import Any

from accord.models import MONTH_NAMES, DateValue, Event


def highlight_spans(event: Event) -> list[tuple[int, int, str]]:
    """Where the trigger, actors, date and place sit in the sentence (sentence offsets).

    Stored offsets are into the article; they are used when they point at the right words,
    otherwise the words are looked up in the sentence (actor refs carry no offsets).
    """
    evidence = event.evidence
    wanted: list[tuple[str, str, int, int]] = [
        ("trigger", event.trigger, evidence.start, evidence.end)
    ]
    wanted += [("source", ref.text, -1, -1) for ref in event.sources]
    wanted += [("target", ref.text, -1, -1) for ref in event.targets]
    if event.date:
        wanted.append(("date", event.date.text, event.date.char_start, event.date.char_end))
    if event.place:
        wanted.append(("place", event.place.text, event.place.char_start, event.place.char_end))
    spans = []
    for kind, words, start, end in wanted:
        span = locate(evidence.sentence, evidence.sentence_start, words, start, end)
        if span:
            spans.append((*span, kind))
    return spans


def locate(
    sentence: str, sentence_start: int, words: str, start: int, end: int
) -> tuple[int, int] | None:
    """The sentence span of ``words``: searched first within the given article offsets (when
    known), then in the whole sentence."""
    if not words:
        return None
    found = -1
    if start >= 0:
        found = sentence.find(words, max(start - sentence_start, 0), end - sentence_start)
    if found < 0:
        found = sentence.find(words)
    return (found, found + len(words)) if found >= 0 else None


def day_words(iso: str) -> str:
    """'2025-05-16' -> '16 May 2025'; a shorter or unreadable value is returned as it is."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_display(
    start: str | None, end: str | None, precision: str | None, by: str | None = None
) -> str:
    """A date as precise as it is known: '2023', 'May 2025', '16 May 2025', 'week of
    12 May 2025', 'by 16 May 2025' (only a reported bound), '' when undated.

    A year-only date must not read as its first day ('2023-01-01'), nor a month as its 1st.
    """
    if precision == "reported":
        return f"by {day_words(by)}" if by else ""
    if not start:
        return ""
    if precision == "year":
        return start[:4]
    if precision == "month" and len(start) >= 7 and start[5:7].isdigit():
        return f"{MONTH_NAMES[int(start[5:7]) - 1]} {start[:4]}"
    if precision == "week":
        return f"week of {day_words(start)}"
    if end and end[:10] != start[:10] and precision not in ("day", None):
        return f"{day_words(start)} to {day_words(end)}"
    return day_words(start)


def date_json(
    start: str | None, end: str | None, precision: str | None, by: str | None = None
) -> dict[str, Any]:
    """The API's date object: ``{start, end, precision, by, display}``."""
    return {
        "start": start,
        "end": end,
        "precision": precision,
        "by": by,
        "display": date_display(start, end, precision, by),
    }


def event_date_json(value: DateValue | None) -> dict[str, Any]:
    """The API's date object of an event's date (all None and display '' when undated)."""
    if value is None:
        return date_json(None, None, None)
    return date_json(value.start, value.end, value.precision, value.by)
