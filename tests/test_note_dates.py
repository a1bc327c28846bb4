"""Dates and places of the event notes monitors write, read by the real pipeline from real
tune notes (``tests/event_notes/tune.jsonl``): the rules of stop 34 (nts23), stop 36 (nts26)
and stop 37 (nts29)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from accord.evaluate_notes import load_notes, note_article
from accord.extract.dates import names_a_day_told_from_the_report
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


def labelled_day(note_id: str, kind: str) -> str:
    return next(e["date"] for e in _tune_notes()[note_id].events if e["type"] == kind)


@pytest.mark.parametrize(
    ("note_id", "kind"),
    [
        ("n158", "ASSAULT"),  # "... in Kulgam district (J&K) on 6 July 2024; ... killed."
        ("n166", "ASSAULT"),  # "clashed around Lashio, Shan State, from 3 July 2024"
        ("n311", "ASSAULT"),  # "M23 vs Wazalendo, Sake (Masisi, North Kivu), 2025-02-26: ..."
        ("n337", "PROTEST"),  # "on Saturday night to disperse protesters who had blocked"
    ],
)
def test_a_short_note_that_states_one_day_tells_its_acts_on_that_day(note_id, kind):
    (event, *_) = note_events(note_id, kind)
    assert event.date is not None and event.date.start == labelled_day(note_id, kind)
    assert event.date.start != _tune_notes()[note_id].published
    assert "dispatch-one-day" in event.evidence.why


@pytest.mark.parametrize(
    ("note_id", "kind", "words"),
    [
        ("n355", "ASSAULT", "Between 2 and 4 May"),  # untagged: fell back to the publication day
        ("n359", "ASSAULT", "12 June"),  # "In the early hours of 12 June": only "the early hours"
        ("n362", "PROTEST", "27/06/2024"),  # "27/06/2024 - Protesters blocked the ... highway"
    ],
)
def test_a_day_written_as_monitors_write_it_is_a_date_though_the_tagger_missed_it(
    note_id, kind, words
):
    (event, *_) = note_events(note_id, kind)
    assert event.date is not None and event.date.start == labelled_day(note_id, kind)
    assert event.date.text == words


@pytest.mark.parametrize(
    ("note_id", "kind"),
    [
        ("n376", "COERCE"),  # "09/07/2024 - Residents of Tataouine blocked roads ..." (9 July)
        ("n389", "ASSAULT"),  # "04.03.2024: Insurgents detonated a roadside bomb ..." (4 March)
    ],
)
def test_a_numeric_date_is_read_as_the_day_the_note_was_published_or_before(note_id, kind):
    (event, *_) = note_events(note_id, kind)
    published = _tune_notes()[note_id].published
    # month first would be 7 September and 3 April, both after the note was published
    assert event.date.start == labelled_day(note_id, kind) == published
    assert event.date.text in {"09/07/2024", "04.03.2024"}


@pytest.mark.parametrize(
    ("note_id", "kind", "town"),
    [
        # a-road-is-where-its-point-is-named
        ("n362", "PROTEST", "Naivasha"),  # "blocked the Nairobi-Nakuru highway at Naivasha"
        ("n301", "PROTEST", "Mlolongo"),  # "blocked the Nairobi-Mombasa highway at Mlolongo"
        ("n302", "ASSAULT", "Tsafe"),  # "travelling on the Funtua-Gusau road near Tsafe"
        ("n352", "ASSAULT", "Kherson"),  # a road named alone: "on the Kherson-Mykolaiv road"
        # a-town-written-with-its-area-is-a-place
        ("n343", "RETREAT", "Sudzha"),  # "Russian forces retook Sudzha (Kursk oblast) after ..."
        ("n332", "ASSAULT", "Ann"),  # "Arakan Army vs Tatmadaw, Ann (Rakhine), 2024-12-20 ..."
        ("n311", "ASSAULT", "Sake"),  # "M23 vs Wazalendo, Sake (Masisi, North Kivu), 2025-02-26"
    ],
)
def test_a_note_is_placed_at_the_town_its_words_put_the_act_in(note_id, kind, town):
    (event, *_) = note_events(note_id, kind)
    assert event.place is not None and event.place.name == town


@pytest.mark.parametrize(
    ("note_id", "kind", "words"),
    [
        # "captured Indaw town ... on 2 May; junta jets bombed the town the following day"
        ("n469", "ASSAULT", "the following day"),
        # "took control of Mrauk U ... on 16 February; junta troops had pulled back towards
        # Sittwe the day before": the tagger took "the day" only
        ("n445", "RETREAT", "the day before"),
        # "abducted 8 pupils and a teacher in Kumbo ... on 5 November; all nine were released
        # two days later"
        ("n416", "RETREAT", "two days later"),
    ],
)
def test_a_day_counted_from_a_told_day_is_that_day_moved(note_id, kind, words):
    """Rules "a-counted-day-the-tagger-missed" and "a-counted-day-on-the-act's-clause"."""
    events = [e for e in note_events(note_id, kind) if e.date is not None]
    labelled = [e["date"] for e in _tune_notes()[note_id].events if e["type"] == kind][-1]
    assert any(e.date.text == words and e.date.start == labelled for e in events)
    told = _tune_notes()[note_id].events[0]["date"]
    assert labelled != told  # the told day itself would be wrong


@pytest.mark.parametrize(
    ("note_id", "words"),
    [
        ("n332", "2024-12-20 to 2024-12-23"),  # "Arakan Army vs Tatmadaw, Ann (Rakhine), ..."
        ("n448", "2024-09-22 to 2024-09-23"),  # "Fano - Government of Ethiopia, Dabat ..."
        ("n497", "2024-05-02 to 2024-05-03"),  # "al-Shabaab - Government of Somalia, ..."
    ],
)
def test_a_span_of_two_iso_days_is_dated_to_its_first_day(note_id, words):
    """Rule "a-spell-of-iso-days" (UCDP's date_start to date_end)."""
    (event, *_) = note_events(note_id, "ASSAULT")
    assert event.date is not None and event.date.text == words
    assert event.date.start == labelled_day(note_id, "ASSAULT") == words[:10]


@pytest.mark.parametrize(
    ("note_id", "town"),
    [
        ("n328", "Tyre"),  # "Israeli drone strike on a car on the Tyre-Naqoura road, 1 killed."
        ("n491", "Nabatiye et Tahta"),  # "... on the Nabatieh-Kfar Roummane road this afternoon"
        ("n505", "Tera"),  # "ambushed an army convoy on the Téra-Dori road on 21/03/2024"
    ],
)
def test_a_road_tagged_with_its_article_is_placed_at_its_first_town(note_id, town):
    """Rule "a-road's-towns-without-the-article": the model tagged "the Tyre-Naqoura"."""
    (event, *_) = note_events(note_id, "ASSAULT")
    assert event.place is not None and event.place.name == town


@pytest.mark.parametrize(
    ("note_id", "words"),
    [
        ("n461", "this morning"),  # "Junta air strike on Pekon market this morning: at least 9"
        ("n491", "this afternoon"),  # "Israeli drone strike on a car ... this afternoon, 2 ..."
        ("n602", "early this morning"),  # "gunfight between two armed groups ... early this"
    ],
)
def test_a_part_of_today_is_the_one_day_a_live_post_states(note_id, words):
    """Rule "a-part-of-today-names-a-day" (with "dispatch-one-day"): each of these gave no day
    (only the publication bound, "reported-by") before the rule."""
    (event, *_) = note_events(note_id, "ASSAULT")
    assert event.date is not None and event.date.text == words
    assert event.date.start == labelled_day(note_id, "ASSAULT") == _tune_notes()[note_id].published
    assert "a-part-of-today-names-a-day" in event.evidence.why


@pytest.mark.parametrize(
    ("words", "names_a_day"),
    [
        ("early this morning", True),
        ("at noon today", True),
        ("last night", True),
        ("earlier this week", False),  # n616's words: a week, no day
        ("in mid-March 2025", False),  # n604's words: a month, no day
        ("this month", False),
    ],
)
def test_only_the_day_of_the_report_or_the_day_before_is_named(words, names_a_day):
    assert names_a_day_told_from_the_report(words) is names_a_day
