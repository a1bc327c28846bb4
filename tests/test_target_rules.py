"""Targets of events in real tune articles of tests/corpus_news (issue #10, targets and target
country): each test names the rule it checks and asserts on the real pipeline's output."""

from __future__ import annotations

from functools import cache

from accord.models import Event
from records import tune_article_events


@cache
def _events(slug: str) -> tuple[Event, ...]:
    return tuple(tune_article_events(slug))


def _told(slug: str, kind: str, words: str, trigger: str = "") -> Event:
    """The one event of a type (and trigger) whose evidence sentence holds ``words``."""
    (event,) = [
        e
        for e in _events(slug)
        if e.type == kind and words in e.evidence.sentence and trigger in e.evidence.why
    ]
    return event


def _codes(event: Event) -> list[str]:
    return [f"{ref.country}:{ref.sector}" for ref in event.targets]


# --- rule "a-nested-act's-object-is-no-target" ---------------------------------------------------


def test_what_a_charged_deed_is_done_to_is_no_target_of_the_accusation():
    event = _told(
        "b-voa-sudan-south-sudan-oil-buffer-deal", "ACCUSE", "accused the South of arming rebels"
    )
    assert "SDN:REB" not in _codes(event)  # the rebels were armed, not accused


def test_what_an_offered_act_is_done_to_is_no_target_of_the_refusal():
    event = _told("b-voa-drc-red-cross-hostages-freed", "REJECT", "rejected an offer to join")
    assert "COD:MIL" not in _codes(event)  # the army was to be joined, it did not offer


def test_a_participle_or_an_as_clause_on_the_object_still_names_the_target():
    attack = _told(
        "a-wn-iran-admits-downing-ukrainian-jet",
        "ASSAULT",
        "launched missiles targeting US",
        "verb 'launch'",
    )
    assert "USA:MIL" in _codes(attack)
    sanctions = _told(
        "b-voa-us-sanctions-iran-petrochemicals", "SANCTION", "identified as working with Iran"
    )
    assert any(code.startswith("IRN:") for code in _codes(sanctions))


def test_a_deals_terms_still_name_its_other_party():
    deal = _told("a-wn-eastmed-mitsotakis", "AGREE", "letter of intent on selling")
    assert [ref.name for ref in deal.targets] == ["DEPA"]


# --- lexicon: "individual" names a person, as "person" does (actor_nouns.json) -------------------


def test_an_individual_arrested_is_one_of_the_scenes_people():
    event = _told("a-wn-gdansk-mayor-stabbed", "COERCE", "An individual has been arrested")
    assert _codes(event) == ["POL:CVL"]
    assert [f"{ref.country}:{ref.sector}" for ref in event.sources] == ["POL:GOV"]


def test_individuals_sanctioned_with_their_nationality_are_of_that_country():
    event = _told("a-voa-us-sanctions-russia-cyberattacks", "SANCTION", "19 Russian individuals")
    assert [ref.country for ref in event.targets] == ["RUS"]
