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
from accord.extract.events import RULES, Coder, load_lexicon
from accord.extract.events.patterns import load_patterns, patterns_from_data
from accord.ingest import make_article
from accord.models import Event
from accord.nlp import parse
from accord.pipeline import process
from accord.resolve.actors import load_dictionary

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
    data["families"]["send-forces"]["cameo"] = "018"  # "make empathetic comment": PLOVER drops 01
    with pytest.raises(DataFileError, match="not coded by PLOVER"):
        patterns_from_data(data, plover)


def test_a_type_against_the_crosswalk_needs_a_reason(table_data, plover):
    data = copy.deepcopy(table_data)
    data["families"]["send-forces"]["type"] = "COERCE"
    with pytest.raises(DataFileError, match="crosswalks to MOBILIZE"):
        patterns_from_data(data, plover)
    data["families"]["send-forces"]["type"] = "MOBILIZE"
    data["families"]["send-forces"]["patterns"][0]["mode"] = "phone"
    with pytest.raises(DataFileError, match="no mode 'phone'"):
        patterns_from_data(data, plover)


def test_a_coder_reads_the_table_it_is_given():
    text = "Chad flew 200 gendarmes to the border town of Adre on Monday."
    without = Coder(
        load_lexicon(), load_dictionary(), patterns=load_patterns().without({"send-forces"})
    )
    assert process(parse(make_article(text, published="2025-06-02")), without).events == ()
    assert len(events_of(text)) == 1  # the package's table reads it


def test_the_rule_is_the_last_sentence_rule():
    sentence_rules = [rule.name for rule in RULES if rule.scope == "sentence"]
    assert sentence_rules[-1] == RULE


# --- the families kept, each on fresh wire sentences ------------------------------------------


def test_forces_flown_in_are_mobilised():
    event = only_pattern_event("Chad flew 200 gendarmes to the border town of Adre on Monday.")
    assert (event.type, event.mode) == ("MOBILIZE", "police")
    assert actor_ids(event.sources) == ["tcd"]
    assert "CAMEO pattern 'fly gendarme' (send-forces, CAMEO 152)" in event.evidence.why


def test_troops_flown_to_a_town_are_mobilised():
    event = only_pattern_event("Niger flew 300 soldiers to Tillaberi on Sunday.")
    assert (event.type, event.mode) == ("MOBILIZE", "troops")
    assert actor_ids(event.sources) == ["ner"]
    assert event.place is not None and event.place.country == "NER"


def test_reinforcements_brought_in_are_mobilised():
    event = only_pattern_event("Burkina Faso brought in reinforcements after the attack on Djibo.")
    assert (event.type, event.mode) == ("MOBILIZE", "troops")
    assert "bring in reinforcement" in event.evidence.why


def test_state_troopers_sent_are_police_mobilised():
    event = only_pattern_event(
        "The Texas governor sent state troopers to the border town of Eagle Pass."
    )
    assert (event.type, event.mode) == ("MOBILIZE", "police")


# --- where the rule stays silent ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chad did not fly gendarmes to Adre.",  # negated
        "Chad could fly 200 gendarmes to Adre.",  # a possibility
        "If the attacks go on, Chad will fly 200 gendarmes to Adre.",  # a condition
        "N'Djamena wants to fly 200 gendarmes to Adre.",  # an aim, not an act
        "Chad would not say whether it had flown gendarmes to Adre.",  # a question
    ],
)
def test_no_pattern_event_outside_an_asserted_clause(text):
    assert found_by_the_table(text) == []


def test_the_table_never_recodes_a_lexicon_verb():
    events = events_of("Kenya sent 400 police officers to Haiti on Tuesday.")
    assert [(e.type, e.trigger) for e in events] == [("MOBILIZE", "sent")]
    assert RULE not in events[0].evidence.why  # the lexicon's send reads it first
