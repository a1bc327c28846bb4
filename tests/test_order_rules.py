"""Orders (ord28, issue #10): an order read as the act ordered keeps that act's mode, on real
sentences of the tune sets (tests/corpus_news/tune read in their whole article, the tune notes
of tests/event_notes and the diplomacy sentences)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accord.ingest import make_article
from accord.models import Event
from accord.pipeline import extract_article
from records import coverage_article_events, told_in, tune_article_events

TESTS = Path(__file__).parent
RULE_NAMES = re.compile(r"; rules: ([^;]+)$")


def rules_named(event: Event) -> list[str]:
    found = RULE_NAMES.search(event.evidence.why)
    assert found, f"no rule named in {event.evidence.why!r}"
    return found.group(1).split(", ")


def tune_note_text(note_id: str) -> tuple[str, str]:
    """The text and publication day of a tune note of tests/event_notes."""
    for line in (TESTS / "event_notes" / "tune.jsonl").read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        if note["id"] == note_id:
            return note["text"], note["published"]
    raise KeyError(note_id)


def diplomacy_sentence(file: str, opening: str) -> str:
    """The sentence of a diplomacy set file (``label|TYPE|sentence`` lines) that begins so."""
    for line in (TESTS / "diplomacy_sentences" / file).read_text(encoding="utf-8").splitlines():
        sentence = line.split("|")[-1]
        if sentence.startswith(opening):
            return sentence
    raise KeyError(opening)


# --- an-ordered-act-keeps-its-mode ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "words", "kind", "mode"),
    [
        # VOA, Burkina Faso 2014: the army chief's curfew
        ("b-burkina-compaore-refuses", "He also ordered a curfew", "COERCE", "curfew"),
        # Wikinews, Ukraine 2020: Zelensky has the leak investigated
        (
            "a-wn-zelensky-rejects-honcharuk-resignation",
            "He also instructed security agencies to investigate",
            "ACCUSE",
            "investigate",
        ),
    ],
)
def test_an_ordered_act_in_a_tune_article_keeps_its_mode(slug, words, kind, mode):
    """Rule an-ordered-act-keeps-its-mode: the act ordered gives the mode, not the order."""
    [event] = [e for e in told_in(tune_article_events(slug), words) if e.type == kind]
    assert event.mode == mode
    assert "an-ordered-act-keeps-its-mode" in rules_named(event)


def test_an_ordered_suspension_of_talks_is_a_discontinued_exchange():
    """Tune note n239 (crisiswatch): "ordered the suspension of talks with the ELN" is the
    suspension, SANCTION discontinue, by the president."""
    text, published = tune_note_text("n239")
    events = extract_article(make_article(text, published=published)).events
    [event] = [e for e in events if e.type == "SANCTION"]
    assert (event.mode, [ref.country for ref in event.sources]) == ("discontinue", ["COL"])


def test_an_ordered_arrest_is_an_arrest():
    """Diplomacy set 3 (unnamed actors): "The attorney general ordered the arrest of ..." is
    COERCE arrest."""
    sentence = diplomacy_sentence("set3-unnamed-actors.txt", "The attorney general ordered")
    events = extract_article(make_article(sentence, published="2025-06-02")).events
    assert [(e.type, e.mode) for e in events] == [("COERCE", "arrest")]


# --- an-order-to-ones-own-is-no-request, and ordered-act's order to another party ---------------


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        # VOA, Somalia 2007: the government's order to its own troops (the RETREAT is the lead's)
        (
            "b-voa-ethiopian-troops-begin-pulling-out-mogadishu",
            "the Ethiopian government has ordered the troops",
        ),
        # VOA, Colombia 2008: two states order their own troops to their borders
        ("a-voa-ecuador-venezuela-troops-colombia-border", "have ordered troops to their borders"),
    ],
)
def test_an_order_to_ones_own_troops_is_no_request(slug, words):
    """Rule an-order-to-ones-own-is-no-request: no REQUEST from a government to its own army."""
    told = told_in(tune_article_events(slug), words)
    assert [e.type for e in told if e.type == "REQUEST"] == []


def test_an_order_to_ones_own_agencies_is_the_act_ordered():
    """ordered-act (Wikinews, Ukraine 2020): the president's own security agencies are told to
    investigate; the investigation is his, ACCUSE investigate, not a REQUEST to them."""
    told = told_in(
        tune_article_events("a-wn-zelensky-rejects-honcharuk-resignation"),
        "He also instructed security agencies",
    )
    assert [(e.type, e.mode) for e in told] == [("ACCUSE", "investigate")]


@pytest.mark.parametrize(
    ("text", "ordered"),
    [
        ("The UN Security Council ordered Israel to halt its offensive.", "ISR"),
        ("The army ordered the rebels to lay down their arms.", None),
    ],
)
def test_an_order_to_another_party_stays_a_demand(text, ordered):
    """ordered-act (written sentences: no tune sentence orders another party to an act the rule
    reads): a state named whole, or rebels, are not the orderer's own; the order is a REQUEST
    to them, not the act done by the orderer."""
    events = extract_article(make_article(text, published="2025-06-02")).events
    [event] = events
    assert event.type == "REQUEST"
    assert "ordered-act" not in rules_named(event)
    if ordered:
        assert ordered in [ref.country for ref in event.targets]


# --- an-order-sending-ones-forces-deploys-them ----------------------------------------------------


def test_troops_ordered_to_their_borders_are_deployed():
    """VOA, Colombia 2008: "Ecuador and Venezuela have ordered troops to their borders" is
    the two states' MOBILIZE troops, the troops no target."""
    told = told_in(
        tune_article_events("a-voa-ecuador-venezuela-troops-colombia-border"),
        "have ordered troops to their borders",
    )
    [event] = [e for e in told if e.type == "MOBILIZE"]
    assert event.mode == "troops"
    assert sorted(ref.country for ref in event.sources) == ["ECU", "VEN"]
    assert "MIL" not in [ref.sector for ref in event.targets]
    assert "an-order-sending-ones-forces-deploys-them" in rules_named(event)


def test_troops_ordered_into_the_regions_are_deployed():
    """Coverage tune sanctions-feb22-01 (harbour wire): Putin "ordered Russian troops into the
    regions" is Russia's MOBILIZE troops, not a REQUEST to its own army."""
    told = told_in(
        coverage_article_events("sanctions-feb22-01-harbour-wire"),
        "ordered Russian troops into the regions",
    )
    assert [(e.type, e.mode) for e in told if e.type in {"MOBILIZE", "REQUEST"}] == [
        ("MOBILIZE", "troops")
    ]
