"""The coder's rules one by one, on sentences written for these tests, through the real pipeline
(parse, actors, coder, dates, places, counts): each asserts what the rule makes of them."""

from __future__ import annotations

import re
from pathlib import Path

import accord
from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process

RULE_NAMES = re.compile(r"; rules: ([^;]+)$")


def events_of(text: str, published: str = "2025-06-02") -> tuple[Event, ...]:
    return process(parse(make_article(text, published=published))).events


def rules_named(event: Event) -> list[str]:
    found = RULE_NAMES.search(event.evidence.why)
    assert found, f"no rule named in {event.evidence.why!r}"
    return found.group(1).split(", ")


def kinds(events: tuple[Event, ...]) -> list[str]:
    return [event.type for event in events]


# --- article rules: restatement-is-one-event ----------------------------------------------------


def test_an_act_told_in_the_lead_and_again_in_the_body_is_one_event():
    [event] = events_of(
        "Russia freed 40 Ukrainian soldiers on Sunday. "
        "Officials in Kyiv thanked the mediators. "
        "The 40 soldiers were freed by Russia near Sumy on Sunday, the army said."
    )
    assert (event.type, event.mode) == ("RETREAT", "release")
    assert [m.sentence_index for m in event.all_evidence()] == [2, 0]  # the fullest first
    assert event.place is not None and event.place.name == "Sumy"
    assert "restatement-is-one-event" in rules_named(event)
    assert "restated in sentence(s) 0" in event.evidence.why


def test_two_acts_on_two_days_stay_two_events():
    events = events_of(
        "Russia freed 40 Ukrainian soldiers on Sunday. Russia freed 25 more on Monday."
    )
    assert kinds(events) == ["RETREAT", "RETREAT"]
    assert all(not event.mentions for event in events)


def test_a_speaker_saying_two_things_to_one_listener_is_two_acts():
    events = events_of(
        "France condemned Iran on Monday over the seizure of a tanker. "
        "The talks in Geneva went on. "
        "France also criticised Iran for its missile tests."
    )
    assert kinds(events).count("ACCUSE") == 2


def test_restating_mentions_are_stored_and_read_back(tmp_path: Path):
    text = (
        "Russia freed 40 Ukrainian soldiers on Sunday. "
        "The 40 soldiers were freed by Russia near Sumy on Sunday, the army said."
    )
    with accord.open(tmp_path / "store.db") as db:
        db.ingest_article(make_article(text, published="2025-06-02"))
        [event] = db.events(type="RETREAT")
    assert [m.sentence_index for m in event.mentions] == [0]
    assert event.mentions[0].sentence.startswith("Russia freed 40")
