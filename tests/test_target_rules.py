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


# --- lexicon: "individual" names a person, as "person" does (actor_nouns.json) -------------------


def test_an_individual_arrested_is_one_of_the_scenes_people():
    event = _told("a-wn-gdansk-mayor-stabbed", "COERCE", "An individual has been arrested")
    assert _codes(event) == ["POL:CVL"]
    assert [f"{ref.country}:{ref.sector}" for ref in event.sources] == ["POL:GOV"]


def test_individuals_sanctioned_with_their_nationality_are_of_that_country():
    event = _told("a-voa-us-sanctions-russia-cyberattacks", "SANCTION", "19 Russian individuals")
    assert _codes(event) == ["RUS:CVL"]  # people, not the Russian state
