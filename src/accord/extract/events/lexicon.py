"""The trigger lexicon: which words make which PLOVER events (``data/triggers.json``).

A ``Lexicon`` is plain data. ``load_lexicon`` reads and validates the package's own file (once
per process: the package default); ``lexicon_from_data`` builds one from any mapping of the same
shape, so a test or a user can code with another lexicon (``Coder(lexicon=...)``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Token

from accord.errors import DataFileError
from accord.models import MODALITIES
from accord.nlp import children_of

DATA_FILE = "data/triggers.json"

PLOVER_TYPES = (
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


Reading = tuple[str, str | None, frozenset[str]]  # (type, mode, objects that call for it)


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: the PLOVER coding a word brings."""

    type: str | None
    mode: str | None = None
    governs: bool = False
    modality: str | None = None
    context: str | None = None
    objects: frozenset[str] = frozenset()  # the verb fires only with one of these objects
    unless_objects: frozenset[str] = frozenset()  # ... and never with one of these
    # governing verb lemma (with its particle, "call off") -> replacing type
    if_governed_by: tuple[tuple[str, str], ...] = ()
    subject_is_target: bool = False  # "they will bear the consequences": the speaker threatens
    subject_is_held: bool = False  # "prisoners returned home": fires only for the held, freed
    alts: tuple[Reading, ...] = ()  # other readings: (type, mode, objects that call for it)
    verbs_only: frozenset[str] = frozenset()  # a noun that happens only with these verbs

    def is_governed_by(self, verb: Token) -> bool:
        """Whether ``verb`` is one of the governing verbs that give this noun a type."""
        return any(_governing_verb_is(verb, key) for key, _ in self.if_governed_by)

    def type_under(self, verb: Token | None) -> str | None:
        """The type this noun takes under a governing verb ("prepare an offensive": MOBILIZE)."""
        if verb is not None:
            for lemma, kind in self.if_governed_by:
                if _governing_verb_is(verb, lemma):
                    return kind
        return self.type


def _governing_verb_is(verb: Token, key: str) -> bool:
    """Whether ``verb`` is the governing verb ``key`` names: a lemma and its particle, if any
    ("call off" a strike ends it; "call" a strike, with no particle, starts it)."""
    lemma, _, particle = key.partition(" ")
    if verb.lemma_.lower() != lemma or any(c.dep_ == "oprd" for c in children_of(verb)):
        return False  # "called the strike a success" names it
    particles = {c.lower_ for c in children_of(verb) if c.dep_ == "prt"}
    return particle in particles if particle else not particles


@dataclass
class Lexicon:
    """Trigger words and the word lists that refine them, by section of ``data/triggers.json``."""

    verbs: dict[str, TriggerEntry] = field(default_factory=dict)
    phrasal: dict[str, TriggerEntry] = field(default_factory=dict)
    nouns: dict[str, TriggerEntry] = field(default_factory=dict)
    noun_modifiers: dict[str, tuple[str | None, str | None, frozenset[str]]] = field(
        default_factory=dict
    )
    not_event_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    person_nouns: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()  # "the international community", "both organizations"
    naming_verbs: frozenset[str] = frozenset()  # "called it a crime", "described it as ..."
    ending_nouns: frozenset[str] = frozenset()  # "an end to the truce", "the collapse of"
    negotiation_nouns: frozenset[str] = frozenset()  # "after lengthy negotiations": talks held
    effort_nouns: frozenset[str] = frozenset()  # "their efforts to oust the government": an aim
    operation_nouns: frozenset[str] = frozenset()  # "an operation against the Taliban"
    operation_aims: frozenset[str] = frozenset()  # "launched an operation to remove ..."
    crossing_forces: frozenset[str] = frozenset()  # "Thai soldiers crossed the border"
    crossing_verbs: frozenset[str] = frozenset()
    crossed_grounds: frozenset[str] = frozenset()  # border, territory, waters, airspace
    flying_verbs: frozenset[str] = frozenset()  # "helicopters flew over the village"
    readiness_words: frozenset[str] = frozenset()  # "is ready to use force": a threat
    weighing_verbs: frozenset[str] = frozenset()  # "readiness to consider sanctions"
    only_with_force: frozenset[str] = frozenset()  # "ready to respond" alone threatens no one
    force_means: frozenset[str] = frozenset()  # "will use force", "by force": a threat ahead
    force_prepositions: frozenset[str] = frozenset()  # "by force", "with force"
    force_owner_modes: dict[str, str] = field(default_factory=dict)  # "force of the law": arrest
    measure_nouns: frozenset[str] = frozenset()  # "announced measures against Russia"
    punitive_modifiers: frozenset[str] = frozenset()  # "restrictive measures"
    measure_aims: frozenset[str] = frozenset()  # "imposed measures to isolate Qatar"
    preventing_verbs: frozenset[str] = frozenset()  # "blocked protesters from marching"
    wish_verbs: frozenset[str] = frozenset()  # "hopes to win the release": no act
    likelihood_adjectives: frozenset[str] = frozenset()  # "was likely to discuss": no act
    modal_nouns: frozenset[str] = frozenset()  # "the need to collaborate": no act
    episode_nouns: frozenset[str] = frozenset()  # "killed in the unrest": a toll of a spell
    provision_verbs: frozenset[str] = frozenset()  # "the deal provides for ...": its terms
    evaluations: dict[str, str] = field(default_factory=dict)  # word -> ACCUSE or SUPPORT
    civilian_sites: frozenset[str] = frozenset()  # "villages", "homes": where people live
    civilian_objects: frozenset[str] = frozenset()  # "homes", "a passenger train": hit, the people
    relief_goods: frozenset[str] = frozenset()  # "food", "relief supplies": given, the people's
    natural_causes: frozenset[str] = frozenset()  # "a fire", "a bus crash": nobody's act
    money_nouns: frozenset[str] = frozenset()  # "these funds supported": a grant told before
    press_audiences: frozenset[str] = frozenset()  # "spoke to reporters"
    press_contents: frozenset[str] = frozenset()  # "a request for comment", "asked not to be named"
    complement_modes: dict[str, str] = field(default_factory=dict)
    threat_modes: dict[str, str] = field(default_factory=dict)
    weapon_modes: dict[str, str] = field(default_factory=dict)
    lemma_quirks: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, TriggerEntry] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    reporting_verbs: set[str] = field(default_factory=set)
    mutual_types: frozenset[str] = frozenset()  # acts done together: "talks between X and Y"
    joint_preps: frozenset[str] = frozenset()  # "between", "among"
    third_party_acts: frozenset[str] = frozenset()  # "mediated between X and Y": X, Y targets
    partner_verbs: frozenset[str] = frozenset()  # "met X", "joined X for dinner": X a party
    deeds_by_doer: frozenset[str] = frozenset()  # types whose noun names its doer: "attack by X"
    deeds_between: frozenset[str] = frozenset()  # and its parties: "fighting between X and Y"
    consequence_verbs: frozenset[str] = frozenset()  # "killing 49 soldiers": the harm done
    consequence_complements: frozenset[str] = frozenset()  # "left 3 soldiers dead"
    tally_stems: frozenset[str] = frozenset()  # "were injured", "the death toll": a toll told
    wrongdoing: frozenset[str] = frozenset()  # "wrongfully", "circumvent", "irregularities"
    breaches: dict[str, frozenset[str]] = field(default_factory=dict)  # "in violation of"
    admissions: frozenset[str] = frozenset()  # "regrets this mistake": no accusation
    blame: dict[str, frozenset[str]] = field(default_factory=dict)  # "was responsible for"
    found_wrongs: dict[str, frozenset[str]] = field(default_factory=dict)  # "uncovered a plot"
    mediation: dict[str, frozenset[str]] = field(default_factory=dict)  # "Qatar-brokered"
    held_people: dict[str, frozenset[str]] = field(default_factory=dict)  # "soldiers held in X"
    people_stand_ins: dict[str, frozenset[str]] = field(default_factory=dict)  # "both were"
    refusal_verbs: frozenset[str] = frozenset()  # "will not allow X to ...": a warning
    response_verbs: frozenset[str] = frozenset()  # "will forcefully respond": a warning
    response_manners: frozenset[str] = frozenset()  # "forcefully", "firmly"
    saying_verbs: dict[str, frozenset[str]] = field(default_factory=dict)  # "..., Algeria said"
    rule_words: dict[str, frozenset[str]] = field(default_factory=dict)  # one list per rule

    def words(self, name: str) -> frozenset[str]:
        """One of the named word lists a rule reads (``rule_words`` in triggers.json, each
        documented there with the rule that reads it); none in a lexicon without the section
        (a small test lexicon). A name that is no list is an error, not an empty list."""
        if name not in RULE_WORD_LISTS:
            raise KeyError(f"no rule word list {name!r}")
        return self.rule_words.get(name, frozenset())

    def saying(self, name: str) -> frozenset[str]:
        """One of the named saying-verb lists (``saying_verbs`` in triggers.json), each read by
        its own rule; none in a lexicon without the section (a small test lexicon)."""
        return self.saying_verbs.get(name, frozenset())

    @cached_property
    def lemma_quirk_ids(self) -> dict[int, str]:
        """``lemma_quirks`` by the hash of each form (what ``Token.lower`` holds), made once
        per lexicon (the quirks are read from triggers.json before the lexicon is used)."""
        return {get_string_id(form): key for form, key in self.lemma_quirks.items()}


def _entry(row: dict, where: str) -> TriggerEntry:
    """One validated entry; ``where`` names it in errors ("data/triggers.json verbs.accuse")."""
    kind = row.get("type")
    if kind is not None and kind not in PLOVER_TYPES:
        raise DataFileError(f"{where}: unknown PLOVER type {kind!r}")
    modality = row.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise DataFileError(f"{where}: unknown modality {modality!r}")
    governed = row.get("if_governed_by") or {}
    for replacement in governed.values():
        if replacement not in PLOVER_TYPES:
            raise DataFileError(f"{where}: unknown type {replacement!r}")
    return TriggerEntry(
        type=kind,
        mode=row.get("mode"),
        governs=bool(row.get("governs")),
        modality=modality,
        context=row.get("context"),
        objects=frozenset(word.lower() for word in row.get("objects") or ()),
        unless_objects=frozenset(word.lower() for word in row.get("unless_objects") or ()),
        subject_is_target=row.get("subject_role") == "target",
        subject_is_held=row.get("subject_role") == "held",
        if_governed_by=tuple((verb.lower(), kind) for verb, kind in governed.items()),
        alts=_alternatives(row.get("alt"), where),
        verbs_only=frozenset(word.lower() for word in row.get("verbs") or ()),
    )


def _alternatives(alt: dict | list | None, where: str) -> tuple[Reading, ...]:
    """The other readings of an entry (one or a list), each with the objects that call for it;
    a reading that names no objects is documentation only."""
    readings = []
    for row in [alt] if isinstance(alt, dict) else alt or []:
        if not row.get("objects"):
            continue
        if row.get("type") not in PLOVER_TYPES:
            raise DataFileError(f"{where}.alt: unknown type {row.get('type')!r}")
        objects = frozenset(w.lower() for w in row["objects"])
        readings.append((row["type"], row.get("mode"), objects))
    return tuple(readings)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's lexicon (``data/triggers.json``), read and validated once per process."""
    path = resources.files("accord") / "data" / "triggers.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read {DATA_FILE}: {error}") from error
    return lexicon_from_data(data, DATA_FILE)


def _word_sets(data: Mapping[str, Any], name: str) -> dict[str, frozenset[str]]:
    """A section of named word lists ("blame", "mediation", "held_people"), each lower-cased,
    its "doc" left out."""
    return {
        key: frozenset(w.lower() for w in words)
        for key, words in (data.get(name) or {}).items()
        if key != "doc"
    }


SAYING_LISTS = ("speaker", "report_dates", "restated")  # who reads each: triggers.json's doc


def _saying_verbs(data: Mapping[str, Any], source: str) -> dict[str, frozenset[str]]:
    """The named saying-verb lists; a ``saying_verbs`` section must hold every one of them
    (each rule reads its own list, and a missing one would silently read none)."""
    lists = _word_sets(data, "saying_verbs")
    missing = [name for name in SAYING_LISTS if name not in lists] if lists else []
    if missing:
        raise DataFileError(f"{source} saying_verbs: no list {', '.join(missing)}")
    return lists


# The word lists of ``rule_words`` in triggers.json, by the name rules read them with.
RULE_WORD_LISTS = frozenset(
    {
        "accepting_words",
        "accusing_participles",
        "agent_participles",
        "aiming_participles",
        "announcing_verbs",
        "armed_modifiers",
        "armed_nouns",
        "blame_words",
        "breadth_adverbs",
        "capture_verbs",
        "casualty_participles",
        "casualty_verbs",
        "charge_words",
        "charging_verbs",
        "claiming_verbs",
        "class_words",
        "coming_about_verbs",
        "consequence_words",
        "container_nouns",
        "copulas",
        "crowd_control_modifiers",
        "crowd_nouns",
        "deal_verbs",
        "declaring_verbs",
        "demanding_verbs",
        "describing_verbs",
        "document_nouns",
        "dyad_toll_words",
        "dying_verbs",
        "envoy_leaving_verbs",
        "envoy_nouns",
        "equipping_verbs",
        "exercise_nouns",
        "expecting_verbs",
        "failure_verbs",
        "finding_verbs",
        "fire_nouns",
        "forces_leaving_verbs",
        "frequency_adverbs",
        "future_adjectives",
        "gathering_verbs",
        "grouping_nouns",
        "happening_verbs",
        "held_place_nouns",
        "helping_verbs",
        "hypothetical_adjectives",
        "impact_verbs",
        "instrument_verbs",
        "into_force_verbs",
        "joining_verbs",
        "light_head_nouns",
        "long_spans",
        "measure_nouns",
        "meeting_light_verbs",
        "multitude_words",
        "multitudes",
        "munitions",
        "order_verbs",
        "participation_verbs",
        "phase_verbs",
        "plan_nouns",
        "protest_words",
        "protester_nouns",
        "quoting_verbs",
        "reaction_verbs",
        "readiness_adjectives",
        "readiness_nouns",
        "relative_subjects",
        "reluctance_verbs",
        "removing_verbs",
        "restriction_nouns",
        "round_nouns",
        "setting_nouns",
        "signing_verbs",
        "singling_out_verbs",
        "start_verbs",
        "statement_nouns",
        "stative_participles",
        "timing_verbs",
        "toll_nouns",
        "toll_verbs",
        "toll_words",
        "traded_words",
        "travel_verbs",
        "ultimatum_verbs",
        "under_sanction_nouns",
        "violation_verbs",
        "visit_verbs",
        "warning_verbs",
        "warrant_nouns",
        "wishing_for_verbs",
    }
)


def _rule_words(data: Mapping[str, Any], source: str) -> dict[str, frozenset[str]]:
    """The named word lists rules read (``rule_words``: each a ``words`` list with its ``doc``);
    a ``rule_words`` section holds every list of ``RULE_WORD_LISTS`` and no other."""
    section = {k: v for k, v in (data.get("rule_words") or {}).items() if k != "doc"}
    if not section:
        return {}
    unknown = sorted(set(section) - RULE_WORD_LISTS)
    if unknown:
        raise DataFileError(f"{source} rule_words: no rule reads {', '.join(unknown)}")
    missing = sorted(RULE_WORD_LISTS - set(section))
    if missing:
        raise DataFileError(f"{source} rule_words: no list {', '.join(missing)}")
    lists = {}
    for name, row in section.items():
        if not isinstance(row, dict) or not isinstance(row.get("words"), list):
            raise DataFileError(f"{source} rule_words.{name} must be an object with words")
        lists[name] = _lowered(row, "words")
    return lists


def _lowered(table: Mapping[str, Any], key: str) -> frozenset[str]:
    """A word list of the lexicon data, folded to lower case (an absent list is empty)."""
    return frozenset(w.lower() for w in table.get(key) or ())


def lexicon_from_data(data: Mapping[str, Any], source: str = "lexicon") -> Lexicon:
    """Build and validate a lexicon from a mapping shaped like ``data/triggers.json``.

    Sections that are left out are empty; ``source`` names the data in error messages.
    """
    lexicon = Lexicon()
    for section, table in (
        ("verbs", lexicon.verbs),
        ("verbs_with_objects", lexicon.verbs),
        ("phrasal", lexicon.phrasal),
        ("nouns", lexicon.nouns),
        ("adjectives", lexicon.adjectives),
    ):
        for word, row in (data.get(section) or {}).items():
            if not isinstance(row, dict):
                raise DataFileError(f"{source} {section}.{word} must be an object")
            if row.get("light"):
                continue
            table[word.lower()] = _entry(row, f"{source} {section}.{word}")
    for word, row in (data.get("noun_modifiers") or {}).items():
        if not isinstance(row, dict):
            continue
        heads = frozenset(h.lower() for h in row.get("heads") or ())
        if row.get("not_event"):  # "bird strike", "press release"
            lexicon.not_event_modifiers[word.lower()] = heads
        elif row.get("mode") or (row.get("type") and heads):
            if row.get("type") is not None and row["type"] not in PLOVER_TYPES:
                raise DataFileError(f"{source} noun_modifiers.{word}: unknown type {row['type']!r}")
            lexicon.noun_modifiers[word.lower()] = (row.get("type"), row.get("mode"), heads)
    lexicon.person_nouns = _lowered(data, "person_nouns")
    lexicon.bodies = _lowered(data, "bodies")
    lexicon.naming_verbs = _lowered(data, "naming_verbs")
    lexicon.ending_nouns = _lowered(data, "ending_nouns")
    lexicon.negotiation_nouns = _lowered(data, "negotiation_nouns")
    lexicon.effort_nouns = _lowered(data, "effort_nouns")
    operations = data.get("hostile_operations") or {}
    lexicon.operation_nouns = _lowered(operations, "nouns")
    lexicon.operation_aims = _lowered(operations, "aims")
    crossing = data.get("forces_crossing") or {}
    lexicon.crossing_forces = _lowered(crossing, "forces")
    lexicon.crossing_verbs = _lowered(crossing, "crossing_verbs")
    lexicon.crossed_grounds = _lowered(crossing, "grounds")
    lexicon.flying_verbs = _lowered(crossing, "flying_verbs")
    readiness = data.get("readiness_for_force") or {}
    lexicon.readiness_words = _lowered(readiness, "words")
    lexicon.weighing_verbs = _lowered(readiness, "weighing_verbs")
    lexicon.only_with_force = _lowered(readiness, "only_with_force")
    ahead = data.get("force_told_ahead") or {}
    lexicon.force_means = _lowered(ahead, "means")
    lexicon.force_prepositions = _lowered(ahead, "prepositions")
    lexicon.force_owner_modes = {
        word.lower(): mode for word, mode in (ahead.get("owner_modes") or {}).items()
    }
    for word, mode in lexicon.force_owner_modes.items():
        if mode not in (data.get("threat_complement_modes") or {}):
            where = f"{source} force_told_ahead.owner_modes.{word}"
            raise DataFileError(f"{where}: unknown mode {mode!r}")
    measures = data.get("punitive_measures") or {}
    lexicon.measure_nouns = _lowered(measures, "nouns")
    lexicon.punitive_modifiers = _lowered(measures, "modifiers")
    lexicon.measure_aims = _lowered(measures, "aims")
    lexicon.preventing_verbs = _lowered(data, "preventing_verbs")
    lexicon.wish_verbs = _lowered(data, "wish_verbs")
    lexicon.likelihood_adjectives = _lowered(data, "likelihood_adjectives")
    lexicon.modal_nouns = _lowered(data, "modal_nouns")
    lexicon.episode_nouns = _lowered(data, "episode_nouns")
    lexicon.provision_verbs = _lowered(data, "provision_verbs")
    for kind, words in (data.get("evaluations") or {}).items():
        if kind not in PLOVER_TYPES:
            raise DataFileError(f"{source} evaluations: unknown type {kind!r}")
        for word in words:
            lexicon.evaluations.setdefault(word.lower(), kind)
    lexicon.civilian_sites = _lowered(data, "civilian_sites")
    lexicon.civilian_objects = _lowered(data, "civilian_objects")
    lexicon.relief_goods = _lowered(data, "relief_goods")
    lexicon.natural_causes = _lowered(data, "natural_causes")
    lexicon.money_nouns = _lowered(data, "money_nouns")
    press = data.get("press_boilerplate") or {}
    lexicon.press_audiences = _lowered(press, "audiences")
    lexicon.press_contents = _lowered(press, "contents")
    for section, table in (
        ("complement_modes", lexicon.complement_modes),
        ("threat_complement_modes", lexicon.threat_modes),
        ("weapon_modes", lexicon.weapon_modes),
    ):
        for mode, words in (data.get(section) or {}).items():
            for word in words:
                table.setdefault(word.lower(), mode)
    lexicon.lemma_quirks = {
        k.lower(): v.lower() for k, v in (data.get("lemma_quirks") or {}).items()
    }
    lexicon.light_verbs = {w.lower() for w in data.get("light_verbs") or ()}
    lexicon.reporting_verbs = {w.lower() for w in data.get("reporting_verbs") or ()}
    mutual = data.get("mutual_acts") or {}
    for kind in mutual.get("types") or ():
        if kind not in PLOVER_TYPES:
            raise DataFileError(f"{source} mutual_acts: unknown type {kind!r}")
    lexicon.mutual_types = frozenset(mutual.get("types") or ())
    lexicon.joint_preps = _lowered(mutual, "preps")
    lexicon.third_party_acts = _lowered(mutual, "third_party")
    lexicon.partner_verbs = _lowered(mutual, "partner_verbs")
    deeds = data.get("deeds_naming_their_doers") or {}
    for kind in [*(deeds.get("by") or ()), *(deeds.get("between") or ())]:
        if kind not in PLOVER_TYPES:
            raise DataFileError(f"{source} deeds_naming_their_doers: unknown type {kind!r}")
    lexicon.deeds_by_doer = frozenset(deeds.get("by") or ())
    lexicon.deeds_between = frozenset(deeds.get("between") or ())
    harm = data.get("consequences") or {}
    lexicon.consequence_verbs = _lowered(harm, "verbs")
    lexicon.consequence_complements = _lowered(harm, "complements")
    lexicon.tally_stems = _lowered(harm, "tally_stems")
    lexicon.wrongdoing = _lowered(data.get("wrongdoing") or {}, "words")
    lexicon.admissions = frozenset(
        w.lower() for w in (data.get("wrongdoing") or {}).get("admissions") or ()
    )
    lexicon.breaches = {
        key: frozenset(w.lower() for w in (data.get("wrongdoing") or {}).get(key) or ())
        for key in ("breaches", "compliance", "discord")
    }
    lexicon.blame = _word_sets(data, "blame")
    lexicon.found_wrongs = _word_sets(data, "found_wrongs")
    lexicon.mediation = _word_sets(data, "mediation")
    lexicon.held_people = _word_sets(data, "held_people")
    lexicon.people_stand_ins = _word_sets(data, "people_stand_ins")
    lexicon.saying_verbs = _saying_verbs(data, source)
    lexicon.rule_words = _rule_words(data, source)
    warnings = data.get("warnings") or {}
    lexicon.refusal_verbs = _lowered(warnings, "refusals")
    lexicon.response_verbs = _lowered(warnings, "responses")
    lexicon.response_manners = _lowered(warnings, "response_manners")
    return lexicon


# Every lemma's lexicon key (lower-cased) by the lemma's hash (``Token.lemma``), for the
# process: ``lemma_of`` is asked about every word many times (424,000 asks per 100 bench
# articles). Emptied when it grows past ``LEMMA_KEYS_KEPT`` (a long run meets new words).
_LEMMA_KEYS: dict[int, str] = {}
LEMMA_KEYS_KEPT = 262_144


def lemma_of(token: Token, lexicon: Lexicon) -> str:
    """The lexicon key of a word: the lemma, corrected where the small model gets it wrong.

    Read by the hashes spaCy keeps on the token (its lower-cased form's, its lemma's), not by
    the strings, which spaCy makes anew at each read; the same key as
    ``lemma_quirks.get(token.lower_) or token.lemma_.lower()``."""
    quirk = lexicon.lemma_quirk_ids.get(token.lower)
    if quirk:
        return quirk
    key = _LEMMA_KEYS.get(token.lemma)
    if key is None:
        if len(_LEMMA_KEYS) >= LEMMA_KEYS_KEPT:
            _LEMMA_KEYS.clear()
        key = _LEMMA_KEYS[token.lemma] = token.lemma_.lower()
    return key
