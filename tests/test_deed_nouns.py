"""Acts told by their nouns alone, on real tune articles of tests/corpus_news (and one sentence
of a tune coverage article): each rule's events, and what it must leave alone."""

from __future__ import annotations

import re

from accord.models import Event
from records import coverage_article_events, told_in, tune_article_events

RULE_NAMES = re.compile(r"; rules: ([^;]+)$")


def rules_of(event: Event) -> list[str]:
    found = RULE_NAMES.search(event.evidence.why)
    return found.group(1).split(", ") if found else []


def by_rule(events: list[Event], rule: str) -> list[Event]:
    return [event for event in events if rule in rules_of(event)]


# --- a-deed-noun-names-its-doer ----------------------------------------------------------------

DEED_NOUN = "a-deed-noun-names-its-doer"


def test_an_attack_named_with_its_doer_is_the_doers_attack():
    events = tune_article_events("b-voa-chad-accuses-sudan-backing-rebels")
    (attack,) = by_rule(told_in(events, "missile attack by the rebels"), DEED_NOUN)
    assert attack.type == "ASSAULT"
    assert attack.modality == "asserted"
    assert [actor.country for actor in attack.sources] == ["TCD"]
    assert [actor.country for actor in attack.targets] == ["FRA"]


def test_a_refusal_named_with_its_doer_is_a_rejection():
    events = tune_article_events("b-voa-yemen-accuses-houthis-hodeida-ports")
    (refusal,) = by_rule(told_in(events, "refusal by the Houthis"), DEED_NOUN)
    assert refusal.type == "REJECT"
    assert [actor.actor_id for actor in refusal.sources] == ["houthis"]


def test_fighting_between_two_sides_is_an_assault():
    events = tune_article_events("b-voa-drc-red-cross-hostages-freed")
    (fighting,) = by_rule(told_in(events, "fighting between his group"), DEED_NOUN)
    assert fighting.type == "ASSAULT"
    assert fighting.trigger == "fighting"


def test_an_expected_visit_by_its_visitor_is_a_future_meeting():
    events = tune_article_events("b-voa-rice-islamabad-sharif-talks")
    (visit,) = by_rule(told_in(events, "visit to Washington by Sharif"), DEED_NOUN)
    assert (visit.type, visit.mode, visit.modality) == ("CONSULT", "visit", "future")


def test_a_meeting_noun_that_renames_a_hypothetical_meeting_is_no_act():
    """ "in what would be the first meeting between a sitting U.S. president and a North
    Korean leader": the noun is the predicate of 'would be', not a meeting told as held."""
    events = coverage_article_events("singapore-summit-01-larkspur-daily")
    assert told_in(events, "the first meeting between")  # the acceptance is still there
    assert not by_rule(events, DEED_NOUN)


# --- travel-for-talks: joining another for a meeting --------------------------------------------


def test_joining_another_for_a_dinner_is_meeting_that_one():
    events = tune_article_events("b-voa-obama-hu-vow-cooperation")
    (dinner,) = told_in(events, "for a private dinner")
    assert (dinner.type, dinner.trigger) == ("CONSULT", "dinner")
    # the one who joins, and the one joined (the-one-met-is-a-party: both are its parties)
    assert [actor.text for actor in dinner.sources] == ["Hu", "President Obama"]
    assert [actor.name for actor in dinner.targets] == ["Barack Obama"]
