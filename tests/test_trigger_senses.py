"""Trigger words read in a sense that is no act between those parties (issue #10, strict
precision, prc27): a raid with a stand-off weapon, an order sending one's own forces; each
checked on real sentences of the tune folds (tests/corpus_news/tune, tests/corpus_coverage/tune)
read in their whole article, and on written controls."""

from __future__ import annotations

import pytest

from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process
from records import coverage_article_events, told_in, tune_article_events


def events_of(text: str) -> tuple[Event, ...]:
    return process(parse(make_article(text, published="2025-06-02"))).events


# --- a-weapon-keeps-an-attack, in raid-by-whom --------------------------------------------------


def test_a_raid_by_warplanes_is_an_attack_not_a_search():
    events = tune_article_events("b-voa-turkish-warplanes-kurdish-rebels-iraq")
    [event] = told_in(events, "carrying out frequent bombing raids on PKK camps")
    assert (event.type, event.mode) == ("ASSAULT", "aerial")
    assert {ref.name for ref in event.targets} == {"PKK"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Israeli warplanes carried out air raids on Gaza on Monday.", "ASSAULT"),
        ("Police raided a house in Kano.", "COERCE"),  # a search by the state's police
    ],
)
def test_a_raid_is_an_attack_only_with_a_standoff_weapon_when_the_state_raids(sentence, kind):
    assert [event.type for event in events_of(sentence)] == [kind]


# --- an-order-sending-ones-forces-deploys-them (round ord28's rule; prc27 wrote the same) ---------


@pytest.mark.parametrize(
    ("events", "words", "senders"),
    [
        (  # VOA, Ecuador and Venezuela: troops ordered to the borders
            lambda: tune_article_events("a-voa-ecuador-venezuela-troops-colombia-border"),
            "have ordered troops to their borders with Colombia",
            {"Ecuador", "Venezuela"},
        ),
        (  # coverage tune, February 2022 sanctions: troops ordered into the regions
            lambda: coverage_article_events("sanctions-feb22-01-harbour-wire"),
            "ordered Russian troops into the regions",
            {"Vladimir Putin"},
        ),
        (  # the same story from another outlet
            lambda: coverage_article_events("sanctions-feb22-02-larkspur-daily"),
            "Russia ordered troops into two breakaway regions",
            {"Russia"},
        ),
    ],
)
def test_an_order_sending_ones_forces_is_a_deployment(events, words, senders):
    told = [e for e in told_in(events(), words) if e.trigger == "ordered"]
    assert [(e.type, e.mode) for e in told] == [("MOBILIZE", "troops")]
    assert {ref.name for ref in told[0].sources} == senders
    assert not [ref for ref in told[0].targets if ref.sector == "MIL"]  # its own forces


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Ukraine ordered Russian troops out of Kherson.", "REQUEST"),  # another's forces
        ("The UN ordered Russian troops to withdraw.", "REQUEST"),  # an order to another party
    ],
)
def test_an_order_to_anothers_forces_or_to_act_is_no_deployment(sentence, kind):
    assert [event.type for event in events_of(sentence)] == [kind]
