"""Events of the event notes monitors write, read by the real pipeline from real tune notes
(``tests/event_notes/tune.jsonl``): the protest beside the force that met it (stop 35, nts25)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from accord.evaluate_notes import load_notes, note_article
from accord.models import Event
from accord.pipeline import extract_article

TUNE = Path(__file__).parent / "event_notes" / "tune.jsonl"


@cache
def _tune_notes() -> dict:
    return {note.id: note for note in load_notes(TUNE)}


def note_events(note_id: str, kind: str) -> list[Event]:
    """The events of one type the pipeline reads in a tune note."""
    events = extract_article(note_article(_tune_notes()[note_id])).events
    return [event for event in events if event.type == kind]


def rules_of(event: Event) -> str:
    return event.evidence.why


@pytest.mark.parametrize(
    ("note_id", "crowd"),
    [
        ("n353", "rally"),  # "Police fired tear gas to disperse a rally of opposition supporters"
        ("n434", "protesters"),  # "fired tear gas to disperse protesters denouncing Israel's war"
    ],
)
def test_a_crowd_force_was_used_to_disperse_was_protesting(note_id: str, crowd: str):
    [protest] = note_events(note_id, "PROTEST")
    assert protest.trigger == crowd
    assert "protest-met-by-force" in rules_of(protest)
    assert note_events(note_id, "ASSAULT")  # the force itself stays an assault
    assert protest.date is not None
    assert protest.date.start == _labelled_day(note_id, "PROTEST")


def test_the_protest_force_fell_during_took_place():
    # n415: "Two protesters were killed in police firing during an opposition rally in
    # Gopalganj on 16 July 2024."
    [protest] = note_events("n415", "PROTEST")
    assert protest.trigger == "rally"
    assert "a-protest-force-fell-during" in rules_of(protest)
    assert protest.date is not None and protest.date.start == "2024-07-16"
    assert [source.sector for source in protest.sources] == ["OPP"]
    [killing] = note_events("n415", "ASSAULT")
    assert killing.counts.killed == 2  # the deaths stay with the killing
    assert protest.counts.killed is None


def _labelled_day(note_id: str, kind: str) -> str:
    return next(e["date"] for e in _tune_notes()[note_id].events if e["type"] == kind)
