"""Actors named by common nouns, headings and datelines (sentences written for these tests, not
taken from any gold file): each test names the rule it checks and asserts on the real pipeline's
output."""

from __future__ import annotations

from accord.ingest import make_article
from accord.models import ActorRef, Event
from accord.nlp import parse
from accord.pipeline import extract_article
from accord.resolve.actors import SCENE_WHY, resolve_mentions


def _mentions(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    """Mention text -> (country, sector, why)."""
    document = parse(make_article(text, published="2024-05-10"))
    return {m.text: (m.actor.country, m.actor.sector, m.why) for m in resolve_mentions(document)}


def _events(text: str) -> list[Event]:
    return list(extract_article(make_article(text, published="2024-05-10")).events)


def _codes(refs: tuple[ActorRef, ...]) -> list[str]:
    return [f"{ref.country}:{ref.sector}" for ref in refs]


# --- rule "scene country" -----------------------------------------------------------------------


def test_unidentified_gunmen_take_the_country_of_the_place_they_act_in():
    (event,) = _events("Unidentified gunmen shot dead two farmers in Maiduguri on Tuesday.")
    assert _codes(event.sources) == ["NGA:UAF"]
    assert _codes(event.targets) == ["NGA:CVL"]


def test_victims_take_the_country_of_the_place_not_of_the_attacker():
    mentions = _mentions("A Russian missile strike on a Ukrainian city killed 12 civilians.")
    assert mentions["12 civilians"] == ("UKR", "CVL", SCENE_WHY)


def test_the_scene_is_the_sentence_place_not_the_first_place_of_the_story():
    text = (
        "Ministers from Kenya and Uganda met in Geneva on Monday.\n"
        "In Nairobi, hundreds of protesters burned tyres outside parliament on Tuesday."
    )
    assert _mentions(text)["protesters"] == ("KEN", "CVL", SCENE_WHY)


def test_a_sentence_without_a_place_takes_the_place_named_just_before():
    text = "Fighting broke out in Goma on Sunday. Residents said the shelling lasted all night."
    assert _mentions(text)["Residents"][:2] == ("COD", "CVL")


def test_an_unnamed_army_stays_with_the_country_of_the_story_when_it_acts_abroad():
    text = "France said on Monday it would send 500 troops to a peacekeeping force in Liberia."
    assert _mentions(text)["500 troops"][:2] == ("FRA", "MIL")


# --- rule "heading" -----------------------------------------------------------------------------


def test_a_heading_place_sets_the_scene_and_is_no_actor():
    text = "Mali: unknown gunmen killed five herders near Mopti on Sunday."
    (event,) = _events(text)
    assert _codes(event.sources) == ["MLI:UAF"]
    assert "Mali" not in _mentions(text)


def test_a_heading_with_a_region_is_split_from_the_report_after_it():
    document = parse(make_article("Kayes region, Mali: armed men abducted a mayor on Friday."))
    assert next(s.text for s in document.doc.sents) == "Kayes region, Mali:"
    assert "Mali" not in _mentions("Kayes region, Mali: armed men abducted a mayor on Friday.")


def test_a_dateline_and_its_agency_are_no_actors():
    text = "BAMAKO (Reuters) - Soldiers arrested two opposition leaders on Thursday."
    mentions = _mentions(text)
    assert "BAMAKO" not in mentions and "Reuters" not in mentions
    (event,) = _events(text)
    assert _codes(event.sources) == ["MLI:MIL"]


def test_an_actor_or_an_act_before_a_colon_is_no_heading():
    assert "Hamas" in _mentions("Hamas: we will not attend the talks in Cairo.")
    document = parse(make_article("Army raid in Gao: two men were arrested on Monday."))
    assert len(list(document.doc.sents)) == 1
