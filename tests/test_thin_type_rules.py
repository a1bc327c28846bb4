"""Rules for the thin diplomatic types (SANCTION, REJECT, THREATEN, ACCUSE, MOBILIZE; issue
#10), each on real sentences of the tune folds (tests/corpus_news/tune,
tests/corpus_coverage/tune), read in their whole article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process
from records import coverage_article_events, tune_article_events

TESTS = Path(__file__).parent
RULE_NAMES = re.compile(r"; rules: ([^;]+)$")


def told_in(events: list[Event], kind: str, words: str) -> Event:
    """The first event of ``kind`` whose evidence sentence holds ``words``."""
    told = [e for e in events if e.type == kind and words in e.evidence.sentence]
    assert told, f"no {kind} told in {words!r}"
    return told[0]


def rules_named(event: Event) -> list[str]:
    found = RULE_NAMES.search(event.evidence.why)
    assert found, f"no rule named in {event.evidence.why!r}"
    return found.group(1).split(", ")


def names(refs) -> set[str]:
    return {ref.name for ref in refs}


# --- punitive-measures-are-sanctions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "words", "imposers"),
    [
        (  # VOA, Gulf states and Qatar: measures imposed to isolate a party
            lambda: tune_article_events("b-voa-gulf-states-list-of-demands-qatar"),
            "imposed measures to isolate Qatar",
            {"Saudi Arabia", "Bahrain", "Egypt", "United Arab Emirates"},
        ),
        (  # Wikinews, Minsk: the EU's "restrictive measures"
            lambda: tune_article_events("a-wn-minsk-protests-dispersed-arrests"),
            "take restrictive measures against those responsible",
            {"European Union"},
        ),
        (  # coverage tune, February 2022 sanctions: measures "against" a party
            lambda: coverage_article_events("sanctions-feb22-04-eastbridge-times"),
            "announced their own measures against Russia",
            {"Japan", "Australia"},
        ),
    ],
)
def test_punitive_measures_are_sanctions(events, words, imposers):
    """Rule punitive-measures-are-sanctions: measures that punish a party are its SANCTION,
    imposed by the states that take them."""
    event = told_in(events(), "SANCTION", words)
    assert "punitive-measures-are-sanctions" in rules_named(event)
    assert imposers <= names(event.sources)


def test_measures_against_no_party_are_no_sanction():
    """Measures against a virus or to curb prices name no party: no SANCTION."""
    for text in (
        "The government announced new measures against the coronavirus on Monday.",
        "The central bank took measures to curb inflation last week.",
    ):
        events = process(parse(make_article(text, published="2025-06-02"))).events
        assert "SANCTION" not in [e.type for e in events]


def test_measures_taken_to_isolate_a_party_fall_on_it():
    """VOA, Gulf states and Qatar (tune): "imposed measures to isolate Qatar": the party the
    measures isolate is the SANCTION's target."""
    events = tune_article_events("b-voa-gulf-states-list-of-demands-qatar")
    event = told_in(events, "SANCTION", "imposed measures to isolate Qatar")
    assert "Qatar" in names(event.targets)


# --- forces-crossing-onto-anothers-ground-mobilise ----------------------------------------------


@pytest.mark.parametrize(
    ("slug", "words", "country"),
    [
        (  # VOA, Georgia: military craft flying over a village
            "a-voa-georgia-abkhaz-separatists-fire-checkpoint",
            "Russian helicopters also flew over the village",
            "RUS",
        ),
        (  # VOA, Thailand and Cambodia: soldiers crossing a border
            "b-thai-cambodia-temple",
            "Thai soldiers crossed the border",
            "THA",
        ),
        (  # VOA, Japan and China: ships entering a territory
            "b-voa-japan-summons-china-envoy-senkaku",
            "the four ships entered the Japan-controlled territory",
            None,
        ),
    ],
)
def test_forces_crossing_onto_anothers_ground_mobilise(slug, words, country):
    """Rule forces-crossing-onto-anothers-ground-mobilise, on three tune articles: forces or
    military craft crossing onto ground or flying over it are a MOBILIZE by their side."""
    event = told_in(tune_article_events(slug), "MOBILIZE", words)
    assert "forces-crossing-onto-anothers-ground-mobilise" in rules_named(event)
    if country is not None:
        assert country in [ref.country for ref in event.sources]


def test_a_denied_crossing_and_people_crossing_are_no_mobilisation():
    """Kashmir (tune): "have denied their troops crossed the border" is read by the denial,
    not as a crossing; refugees crossing a border show no force."""
    events = tune_article_events("b-kashmir-loc-infiltration")
    assert not [e for e in events if e.type == "MOBILIZE" and "denied" in e.evidence.sentence]
    text = "Thousands of refugees crossed the border into Turkey on Monday."
    assert "MOBILIZE" not in [e.type for e in process(parse(make_article(text))).events]
