"""The CAMEO verb-pattern table (data/cameo_patterns.json) and its one rule, cameo-verb-pattern.

Every sentence here was written for these tests in the way wire copy tells such acts; none comes
from the dev folds."""

from __future__ import annotations

import copy
import json
import re
from importlib import resources

import pytest

from accord.errors import DataFileError
from accord.extract.events import RULES
from accord.extract.events.patterns import load_patterns, patterns_from_data
from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process

RULE = "cameo-verb-pattern"
RULE_NAMES = re.compile(r"; rules: ([^;]+)$")


def events_of(text: str) -> tuple[Event, ...]:
    return process(parse(make_article(text, published="2025-06-02"))).events


def found_by_the_table(text: str) -> list[Event]:
    return [
        e for e in events_of(text) if RULE_NAMES.search(e.evidence.why).group(1).startswith(RULE)
    ]


def only_pattern_event(text: str) -> Event:
    events = events_of(text)
    assert len(events) == 1, [(e.type, e.trigger, e.evidence.why) for e in events]
    assert RULE_NAMES.search(events[0].evidence.why).group(1).split(", ")[0] == RULE
    return events[0]


def actor_ids(refs) -> list[str]:
    return [ref.actor_id for ref in refs]


# --- the table ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plover() -> dict:
    return json.loads((resources.files("accord") / "data" / "plover.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def table_data() -> dict:
    path = resources.files("accord") / "data" / "cameo_patterns.json"
    return json.loads(path.read_text("utf-8"))


def test_every_family_codes_what_its_cameo_code_crosswalks_to(table_data, plover):
    crosswalk = plover["cameo_to_plover"]
    for name, family in table_data["families"].items():
        assert family["cameo"][:2] not in {"01", "02"}, name  # statements PLOVER does not code
        kind = crosswalk[family["cameo"]][0]
        assert family["type"] == kind or family.get("differs_from_crosswalk"), name
        assert family["patterns"], name
    assert len(load_patterns()) == sum(len(f["patterns"]) for f in table_data["families"].values())


def test_a_statement_code_is_refused(table_data, plover):
    data = copy.deepcopy(table_data)
    data["families"]["praise"]["cameo"] = "018"  # "make empathetic comment": PLOVER drops 01
    with pytest.raises(DataFileError, match="not coded by PLOVER"):
        patterns_from_data(data, plover)


def test_a_type_against_the_crosswalk_needs_a_reason(table_data, plover):
    data = copy.deepcopy(table_data)
    data["families"]["praise"]["type"] = "AGREE"
    with pytest.raises(DataFileError, match="crosswalks to SUPPORT"):
        patterns_from_data(data, plover)
    data["families"]["praise"]["type"] = "SUPPORT"
    data["families"]["praise"]["patterns"][0]["mode"] = "phone"
    with pytest.raises(DataFileError, match="no mode 'phone'"):
        patterns_from_data(data, plover)


def test_the_rule_is_the_last_sentence_rule():
    sentence_rules = [rule.name for rule in RULES if rule.scope == "sentence"]
    assert sentence_rules[-1] == RULE


# --- families, each on fresh wire sentences --------------------------------------------------


def test_forces_flown_in_are_mobilised():
    event = only_pattern_event("Chad flew 200 gendarmes to the border town of Adre on Monday.")
    assert (event.type, event.mode) == ("MOBILIZE", "police")
    assert actor_ids(event.sources) == ["tcd"]
    assert "CAMEO pattern 'fly gendarme' (send-forces, CAMEO 152)" in event.evidence.why


def test_scrambled_jets_are_mobilised():
    event = only_pattern_event(
        "Japan scrambled fighter jets on Tuesday as Russian bombers flew near its northern islands."
    )
    assert (event.type, event.mode) == ("MOBILIZE", "weapons")
    assert actor_ids(event.sources) == ["jpn"]


def test_walking_away_from_talks_withdraws_from_them():
    event = only_pattern_event("Sudan's army walked away from the talks in Jeddah on Thursday.")
    assert (event.type, event.mode) == ("SANCTION", "withdraw")
    assert "walk away from talk" in event.evidence.why


def test_troops_recalled_withdraw():
    event = only_pattern_event("Poland recalled its troops from the Sahel mission last month.")
    assert (event.type, event.mode) == ("RETREAT", "withdraw")
    assert actor_ids(event.sources) == ["pol"]


def test_an_area_cordoned_off_is_restricted():
    event = only_pattern_event("Police cordoned off the square outside the cathedral in Lahore.")
    assert (event.type, event.mode) == ("COERCE", "restrict")
    assert event.place is not None and event.place.country == "PAK"


def test_crowds_filling_the_streets_protest():
    event = only_pattern_event("Tens of thousands of people thronged the streets of Belgrade.")
    assert (event.type, event.mode) == ("PROTEST", "demo")
    assert event.place is not None and event.place.country == "SRB"


def test_firms_designated_are_sanctioned():
    event = only_pattern_event("The U.S. Treasury designated six shipping companies on Tuesday.")
    assert (event.type, event.mode) == ("SANCTION", "discontinue")


def test_differences_ironed_out_are_agreed():
    event = only_pattern_event("Kenya and Somalia ironed out their differences over the border.")
    assert event.type == "AGREE"
    assert sorted(actor_ids(event.sources)) == ["ken", "som"]


def test_reserving_the_right_to_respond_threatens():
    event = only_pattern_event("Iran reserves the right to respond to any aggression.")
    assert event.type == "THREATEN"
    assert actor_ids(event.sources) == ["irn"]


def test_stones_thrown_at_police_are_an_attack():
    event = only_pattern_event("Youths threw stones at police in the Kibera area of Nairobi.")
    assert (event.type, event.mode) == ("ASSAULT", "primitive")


def test_a_state_taken_to_court_is_accused():
    event = only_pattern_event("Gambia took Myanmar to the International Court of Justice.")
    assert (event.type, event.mode) == ("ACCUSE", "allege")
    assert actor_ids(event.sources) == ["gmb"]
    assert "mmr" in actor_ids(event.targets)


def test_a_town_wrested_from_the_army_is_taken_by_force():
    event = only_pattern_event("M23 rebels wrested control of Bunagana from the Congolese army.")
    assert event.type == "ASSAULT"


def test_airspace_violated_is_a_show_of_force():
    event = only_pattern_event("Two Russian fighter jets violated Estonian airspace on Friday.")
    assert event.type == "MOBILIZE"


# --- where the rule stays silent ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Poland did not recall its troops from the Sahel mission.",  # negated
        "Poland could recall its troops from the Sahel mission.",  # a possibility
        "If the talks fail, Poland will recall its troops from the mission.",  # a condition
        "Warsaw wants to recall its troops from the mission.",  # an aim, not an act
        "The ministry said whether it would recall its troops was not decided.",  # a question
    ],
)
def test_no_pattern_event_outside_an_asserted_clause(text):
    assert found_by_the_table(text) == []


def test_a_lexicon_trigger_in_the_clause_leaves_the_table_silent():
    events = events_of("Police arrested five protesters and cordoned off the square in Harare.")
    assert [e.type for e in events if e.type == "COERCE"] == ["COERCE"]  # one act, not two
    assert all(RULE not in e.evidence.why for e in events)


def test_the_table_never_recodes_a_lexicon_verb():
    events = events_of("Russia expelled two Estonian diplomats on Monday.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "expel")]
    assert RULE not in events[0].evidence.why
