"""Events of the event notes monitors write, read by the real pipeline from real tune notes
(``tests/event_notes/tune.jsonl``): the protest beside the force that met it (stop 35, nts25)."""

from __future__ import annotations

import pytest

from accord.models import Event
from test_note_dates import labelled_day, note_events


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
    assert protest.date.start == labelled_day(note_id, "PROTEST")


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


def test_a_march_banned_is_no_protest_met_by_force():
    # n424: "Senegal: the interior ministry on 9 February banned a march called by the
    # opposition in Dakar ...": a gathering is a protest of its own only where force was used
    # to disperse it; a banned march never took place
    assert not note_events("n424", "PROTEST")
    [ban] = note_events("n424", "COERCE")
    assert ban.trigger == "banned"
