"""Consistency of the PLOVER ontology data and the trigger lexicon built on it."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest

from accord.models import MODALITIES

TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
QUADS = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
EXPECTED_MODALITIES = (
    "asserted",
    "agreed",
    "proposed",
    "considered",
    "rejected",
    "denied",
    "conditional",
    "hypothetical",
    "future",
    "negated",
)
# Mode names are the manual's own: lowercase with hyphens, except the manual's "sideAB".
MODE_NAME = re.compile(r"[a-z]+(-[a-z]+)*|sideAB")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"duplicate JSON keys: {duplicates}"
    return dict(pairs)


def _load(name: str) -> dict[str, Any]:
    text = resources.files("accord").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_no_duplicate_keys)


@pytest.fixture(scope="module")
def plover() -> dict[str, Any]:
    return _load("plover.json")


@pytest.fixture(scope="module")
def triggers() -> dict[str, Any]:
    return _load("triggers.json")


def _modes(plover: dict[str, Any], type_: str) -> set[str]:
    return set(plover["types"][type_]["modes"])


def _check_reading(plover: dict[str, Any], where: str, entry: dict[str, Any]) -> None:
    """A (type, mode) reading: the type is PLOVER's and the mode belongs to that type."""
    type_, mode = entry["type"], entry.get("mode")
    assert type_ in TYPES, f"{where}: unknown type {type_!r}"
    assert mode is None or mode in _modes(plover, type_), f"{where}: {mode!r} is not a {type_} mode"


def _check_entry(plover: dict[str, Any], where: str, entry: dict[str, Any]) -> None:
    """A verb, phrasal or noun trigger entry."""
    if entry["type"] is None:
        # Only governing verbs (type from the complement) and light verbs may leave it open.
        assert entry.get("governs") or entry.get("light"), f"{where}: type null needs governs/light"
        assert entry.get("mode") is None, f"{where}: a mode needs a type"
    else:
        _check_reading(plover, where, entry)
    modality = entry.get("modality")
    assert modality is None or modality in EXPECTED_MODALITIES, f"{where}: modality {modality!r}"
    context = entry.get("context")
    assert context is None or context in plover["contexts"], f"{where}: context {context!r}"
    alts = entry.get("alt", [])
    for alt in [alts] if isinstance(alts, dict) else alts:  # one reading or a list of them
        _check_reading(plover, f"{where} (alt)", alt)
        assert alt.get("when"), f"{where}: alt needs a 'when' condition"
    assert all(isinstance(obj, str) and obj for obj in entry.get("unless_objects", [])), where
    assert all(isinstance(verb, str) and verb for verb in entry.get("verbs", [])), where
    for verb, type_ in entry.get("if_governed_by", {}).items():
        assert type_ in TYPES, f"{where}: if_governed_by[{verb!r}] = {type_!r}"
    objects = entry.get("objects", [])
    assert isinstance(objects, list)
    assert all(isinstance(obj, str) and obj for obj in objects), where


# ------------------------------------------------------------------ plover.json


def test_plover_parses_with_attribution(plover: dict[str, Any]) -> None:
    assert plover["source"] == "openeventdata/PLOVER PLOVER_MANUAL (CC BY-SA 4.0)"
    assert "CC BY-SA 4.0" in plover["licence"]
    for key in ("types", "contexts", "auxiliary_modes", "cameo_to_plover", "acled"):
        assert plover[key], key


def test_exactly_the_sixteen_types(plover: dict[str, Any]) -> None:
    assert tuple(plover["types"]) == TYPES


@pytest.mark.parametrize("type_", TYPES)
def test_type_record(plover: dict[str, Any], type_: str) -> None:
    record = plover["types"][type_]
    assert 40 <= len(record["definition"]) <= 450, "one or two paraphrased sentences"
    assert record["quad"] in QUADS
    assert record["cameo_roots"]
    assert all(re.fullmatch(r"\d\d", root) for root in record["cameo_roots"])
    assert isinstance(record["modes"], dict)
    for mode, text in record["modes"].items():
        assert MODE_NAME.fullmatch(mode), f"{type_}: mode name {mode!r}"
        assert text.strip(), f"{type_}: mode {mode!r} needs a definition"


def test_quads_follow_the_manual(plover: dict[str, Any]) -> None:
    quads = defaultdict(set)
    for name, record in plover["types"].items():
        quads[record["quad"]].add(name)
    assert quads["verbal cooperation"] == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}
    assert quads["material cooperation"] == {"COOPERATE", "AID", "RETREAT"}
    assert quads["verbal conflict"] == {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert quads["material conflict"] == {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_request_and_reject_share_modes(plover: dict[str, Any]) -> None:
    assert (
        _modes(plover, "REQUEST")
        == _modes(plover, "REJECT")
        == {"assist", "change", "yield", "meet"}
    )


def test_contexts_and_auxiliary_modes(plover: dict[str, Any]) -> None:
    for name, text in plover["contexts"].items():
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", name), name
        assert text.strip(), name
    names = {aux["name"] for aux in plover["auxiliary_modes"]}
    assert {"future", "hypothetical", "negation", "historical"} <= names
    for aux in plover["auxiliary_modes"]:
        assert aux["modality"] is None or aux["modality"] in EXPECTED_MODALITIES
        assert aux["note"].strip()


def test_cameo_crosswalk(plover: dict[str, Any]) -> None:
    crosswalk = plover["cameo_to_plover"]
    notes = plover["cameo_notes"]
    for code, (type_, mode) in crosswalk.items():
        assert re.fullmatch(r"\d\d\d?", code), code
        _check_reading(plover, f"cameo {code}", {"type": type_, "mode": mode})
        if code[:2] not in plover["types"][type_]["cameo_roots"]:
            assert code in notes, f"cameo {code} leaves its root category without a note"
    roots = {code for code in crosswalk if len(code) == 2}
    assert roots == {f"{n:02d}" for n in range(3, 21)}
    assert set(plover["cameo_dropped"]) == {"01", "02"}
    assert not roots & set(plover["cameo_dropped"])
    for name, record in plover["types"].items():
        for root in record["cameo_roots"]:
            assert root in crosswalk, f"{name}: root {root} missing from the crosswalk"
    assert crosswalk["042"] == ["CONSULT", "visit"]
    assert crosswalk["145"] == ["PROTEST", "riot"]
    assert crosswalk["173"] == ["COERCE", "arrest"]


def test_acled(plover: dict[str, Any]) -> None:
    assert plover["acled"]["ASSAULT"] == [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
    ]
    assert plover["acled"]["PROTEST"] == ["Protests", "Riots"]
    assert set(plover["acled"]) <= set(TYPES)
    for sub_event, (type_, mode) in plover["acled_sub_events"].items():
        _check_reading(plover, f"acled {sub_event}", {"type": type_, "mode": mode})


# ------------------------------------------------------------------ triggers.json


def test_triggers_parse_and_sizes(triggers: dict[str, Any]) -> None:
    assert "CC BY-SA 4.0" in triggers["source"]
    assert len(triggers["verbs"]) >= 200
    assert len(triggers["nouns"]) >= 100
    assert triggers["phrasal"]


def test_modalities_match_the_models() -> None:
    assert tuple(MODALITIES) == EXPECTED_MODALITIES


@pytest.mark.parametrize("section", ["verbs", "verbs_with_objects", "phrasal", "nouns"])
def test_trigger_entries(plover: dict[str, Any], triggers: dict[str, Any], section: str) -> None:
    for lemma, entry in triggers[section].items():
        assert lemma == lemma.lower() and lemma.strip() == lemma, f"{section}: {lemma!r}"
        if section != "nouns":
            assert isinstance(entry["governs"], bool) or entry.get("light"), f"{lemma}: governs"
            assert "modality" in entry, f"{lemma}: modality key"
        _check_entry(plover, f"{section}[{lemma!r}]", entry)
        if section == "verbs_with_objects":
            assert entry["objects"], f"{lemma!r}: verbs_with_objects needs objects"


def test_object_verbs_are_not_plain_verbs(triggers: dict[str, Any]) -> None:
    assert not set(triggers["verbs"]) & set(triggers["verbs_with_objects"])


def test_noun_modifiers(plover: dict[str, Any], triggers: dict[str, Any]) -> None:
    for word, entry in triggers["noun_modifiers"].items():
        if entry.get("not_event"):  # "press release", "bird strike": no event at all
            assert entry.get("heads") and "type" not in entry, word
        else:
            _check_reading(plover, f"noun_modifiers[{word!r}]", entry)
        assert all(isinstance(head, str) for head in entry.get("heads", [])), word


def test_complement_modes(plover: dict[str, Any], triggers: dict[str, Any]) -> None:
    shared = _modes(plover, "REQUEST") & _modes(plover, "REJECT")
    assert set(triggers["complement_modes"]) == shared
    assert set(triggers["threat_complement_modes"]) <= _modes(plover, "THREATEN")
    for table in ("complement_modes", "threat_complement_modes"):
        seen: dict[str, str] = {}
        for mode, words in triggers[table].items():
            for word in words:
                assert seen.setdefault(word, mode) == mode, f"{table}: {word!r} in two modes"


def test_verb_lists(triggers: dict[str, Any]) -> None:
    for name in ("light_verbs", "reporting_verbs"):
        words = triggers[name]
        assert len(words) == len(set(words)), f"{name} has duplicates"
    for word in triggers["reporting_verbs"]:
        assert word not in triggers["verbs"], f"reporting verb {word!r} is also an event verb"
    known = set(triggers["verbs"]) | set(triggers["nouns"]) | set(triggers["light_verbs"])
    known |= set(triggers["wish_verbs"])  # read by lemma too ("hopes" is "hop" to the model)
    for form, key in triggers["lemma_quirks"].items():
        assert key in known, f"lemma_quirks[{form!r}] -> unknown {key!r}"


def test_no_lemma_with_two_types_unless_noted(triggers: dict[str, Any]) -> None:
    readings: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for section in ("verbs", "verbs_with_objects", "phrasal", "nouns"):
        for lemma, entry in triggers[section].items():
            if entry["type"] is not None:
                readings[lemma].append((section, entry))
    for lemma, entries in readings.items():
        if len({entry["type"] for _, entry in entries}) > 1:
            unnoted = [section for section, entry in entries if not entry.get("note")]
            assert not unnoted, f"{lemma!r} has several types without a note in {unnoted}"
    for lemma, entry in triggers["verbs"].items():
        if "alt" in entry:
            assert entry.get("note"), f"{lemma!r}: an alternative reading needs a note"


@pytest.mark.parametrize(
    ("lemma", "type_", "modality"),
    [
        ("agree", "AGREE", "agreed"),
        ("accept", "AGREE", "agreed"),
        ("offer", "AGREE", "proposed"),
        ("propose", "REQUEST", "proposed"),
        ("consider", None, "considered"),
        ("deny", None, "denied"),
        ("reject", "REJECT", "rejected"),
        ("urge", "REQUEST", None),
        ("threaten", "THREATEN", None),
        ("accuse", "ACCUSE", None),
    ],
)
def test_governing_verbs(
    triggers: dict[str, Any], lemma: str, type_: str | None, modality: str | None
) -> None:
    entry = triggers["verbs"][lemma]
    assert entry["governs"] is True
    assert (entry["type"], entry["modality"]) == (type_, modality)


def test_known_ambiguities_are_handled(triggers: dict[str, Any]) -> None:
    verbs, nouns = triggers["verbs"], triggers["nouns"]
    assert verbs["strike"]["type"] == "ASSAULT"
    assert verbs["strike"]["alt"]["type"] == "PROTEST"
    assert nouns["offensive"]["if_governed_by"]["prepare"] == "MOBILIZE"
    assert nouns["ceasefire"]["if_governed_by"]["declare"] == "CONCEDE"
    assert triggers["noun_modifiers"]["hunger"] == {
        "type": "PROTEST",
        "mode": "hunger",
        "heads": ["strike"],
    }
    assert triggers["phrasal"]["call for"]["type"] == "REQUEST"
    assert triggers["phrasal"]["carry out"]["light"] is True
    for lemma in ("meet", "talk", "negotiate"):
        assert verbs[lemma]["type"] == "CONSULT"
