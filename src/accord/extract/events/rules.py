"""The coder's rules: one ordered table of named, documented rules (``RULES``).

Like PETRARCH2's TRANSFORMATIONS table, a reader sees every rule in the order it runs, in one
place. The table has three scopes, run in this order:

* ``sentence`` rules find the candidate events of a sentence (``SentenceDraft``): triggers
  (verbs, adjectives, nouns), then the rules that merge or replace candidates;
* ``event`` rules work out one candidate (``EventDraft``): its type, its actors, its modality
  and mode, the rewrites that recode it (a vow of force is a THREATEN, a refused acceptance a
  REJECT, ...), then the targets and sources inferred from what the sentence names;
* ``article`` rules see the article's finished events (``ArticleDraft``, with dates, places and
  counts): an act restated in the lead and the body is one event.

Each rule is ``Rule(name, description, apply)``. ``apply(draft, coder)`` changes the draft and
returns True when the rule fired; its collaborators (the lexicon, the actor dictionary, the
gazetteer) come from the coder, never from a process-wide cache. A candidate is named after
the sentence rule that found it, and each event rule that fires adds its name, so the event's
evidence names every rule that made it (``... ; rules: verb-trigger, vow-of-force-is-threat``).
The steps every event goes through (``trigger-type``, ``clause-actors``, ``modality``,
``mode-and-context``) write what they found into the evidence text and return False.

To add a rule, write a small function and put it in the table where it must run; a test or a
user can also build a ``Coder`` with another table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from accord.extract.counts import counts_victims
from accord.extract.dates import WEEKDAYS
from accord.extract.events.lexicon import Lexicon, Reading, TriggerEntry, lemma_of
from accord.extract.events.modality import (
    is_a_likely_act,
    is_a_needed_or_possible_act,
    is_a_wished_act,
    modality_of,
)
from accord.extract.events.modes import content_mode, mode_and_context, threat_mode
from accord.extract.events.participants import (
    BROKER_STEMS,
    OWN_FORCES_TYPES,
    SETTLEMENT_NOUNS,
    STATE_SECTORS,
    MentionIndex,
    actor_clause,
    agents_of_noun,
    broker_mentions,
    casualty_victims,
    condition_subjects,
    consequence_objects,
    consequence_victims,
    core_mentions,
    core_mentions_modifiers,
    dyad_sides,
    event_actors,
    event_objects,
    imposes_restriction,
    is_broker_verb,
    is_crowd,
    joint_participants,
    meeting_partners,
    nested_targets,
    object_place_targets,
    own_forces,
    parties_between,
    partners_met,
    people_of_city,
    perpetrators_in,
    reporter_mentions,
    reporting_subject,
    ultimatum_teller,
    unique_mentions,
)
from accord.extract.events.patterns import pattern_triggers
from accord.extract.events.restatements import (
    RestatementWords,
    merge_restatements,
    rules_of,
    why_with_rule,
)
from accord.extract.events.syntax import (
    SUBJECT_DEPS,
    agent_of,
    conjuncts,
    is_conditional_clause,
    is_headline_participle,
    is_indirect_question,
    is_nounlike,
    is_passive_read_as_complement,
    is_perfect,
    is_to_infinitive,
    object_it_stands_for,
    objects_of_preposition,
    read_as_participle,
    reciprocal_object,
    subject_of,
)
from accord.extract.events.triggers import (
    DEFINITE_DETERMINERS,
    DYAD_DASHES,
    DYAD_WORDS,
    FORCE_MIGHT,
    FORCE_TOLD_AHEAD,
    RAID_AS_ATTACK_RULE,
    REACTION_TYPES,
    REPORTED_WRONG,
    SPOKEN_IN_A_MEETING,
    Candidate,
    accusers_denied_charge,
    adjective_triggers,
    alternative_reading,
    are_punitive_measures,
    armed_with,
    arrest_cause_triggers,
    blame_triggers,
    blamed_doer,
    casualty_means_triggers,
    dash_dyad_line_triggers,
    deed_denied,
    deed_noun_triggers,
    deed_of_accusation,
    denied_charge,
    dyad_line_triggers,
    evaluation_triggers,
    expectation_triggers,
    force_ahead_triggers,
    forces_crossing_triggers,
    forces_leaving_triggers,
    found_wrong_triggers,
    goes_into_force,
    headline_noun_triggers,
    held_subjects,
    hyphened_keys,
    in_absence,
    in_condition,
    in_ongoing_background,
    in_since_phrase,
    is_a_deals_content,
    is_a_deontic_passive,
    is_a_habit,
    is_a_prevented_act,
    is_a_provision,
    is_a_term_of_a_deal,
    is_a_toll_of_an_episode,
    is_long_running,
    is_operation_against_a_foe,
    is_over,
    is_person,
    is_press_boilerplate,
    is_running_total,
    is_sports_score,
    is_tally_since,
    joint_commitments,
    mediation_triggers,
    meeting_in_passing_triggers,
    merge_same_clause,
    misread_verb_triggers,
    munition,
    munition_landing_triggers,
    named_claim_triggers,
    names_an_attack,
    noun_entry,
    noun_triggers,
    protests_force_fell_during,
    protests_met_by_force,
    raids_told_with_their_killing,
    readiness_threat_triggers,
    refers_back,
    sanctions_in_force,
    start_told_in_its_clause,
    toll_attack_triggers,
    type_of_complement,
    ultimatum_triggers,
    verb_entry,
    verb_triggers,
    warning_triggers,
    with_deontic_demands,
    with_wished_demands,
)
from accord.models import Actor, ActorMention, ActorRef, Event, Place
from accord.nlp import SENTENCE_END_MARKS, children_of, sentence_of, span_tokens
from accord.resolve.actors import SEIZURES_OF_POWER, fold, inferred_ref, story_sides

if TYPE_CHECKING:
    from accord.extract.events.coder import Coder

SCOPES = ("sentence", "event", "article")
OWN_ACTION_TYPES = {"SANCTION", "AID", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"}
SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}
INTENT_TYPES = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT"}
THREAT_TYPES = {"ASSAULT", "SANCTION", "COERCE", "PROTEST", "REJECT", "MOBILIZE"}
FUTURE_THREAT_TYPES = {"ASSAULT", "COERCE"}
ORDERED_ACTION_TYPES = {"MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "SANCTION", "ACCUSE"}
SENDING_PREPS = {"to", "into"}  # "ordered troops to the border", "into the regions"
ACTORLESS_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}
COUNTED_TYPES = {"ASSAULT", "COERCE", "RETREAT"}  # killed, arrested, released
PARTICLE_HAPPEN_VERBS = {("break", "out"), ("flare", "up"), ("kick", "off"), ("get", "underway")}
PLACE_TARGET_TYPES = {
    "ASSAULT",
    "COERCE",
    "MOBILIZE",
    "RETREAT",
    "SANCTION",
    "AID",
    "CONCEDE",
    "THREATEN",
    "PROTEST",
}
UNCLAIMED_ATTACK_MODES = {"explosives", "assassinate"}
DETENTION_MODES = {"arrest"}  # arrests, detentions, jailings: what only a state does lawfully
HOME_FORCE_SECTORS = {"GOV", "COP", "MIL"}
FIRST_PERSON = {"we", "i"}  # "“We have withdrawn our troops,” the spokesman said"
MOBILISED_SECTORS = {"MIL", "COP", "REB", "UAF"}  # who is deployed
# Who downs tools rather than weapons: a strike by these is labour action (CAMEO 143, PLOVER
# PROTEST strike), never an attack.
CIVIL_SECTORS = {"CVL", "BUS", "LAB", "EDU", "HLH", "MED", "NGO", "OPP", "REL"}
SETTLEMENT_TYPES = {"AGREE", "RETREAT", "CONCEDE"}


@dataclass(frozen=True)
class Rule:
    """A named, documented coding rule; ``apply(draft, coder)`` returns True when it fired."""

    name: str
    description: str
    apply: Callable[[Any, Coder], bool]
    scope: str = "event"  # "sentence": finds candidates; "event": works out one candidate


@dataclass
class SentenceDraft:
    """The candidates of one sentence while the sentence rules find them."""

    sentence: Span
    index: MentionIndex
    candidates: list[Candidate] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # tokens a governing verb has taken
    closed: bool = False  # set by a rule that rules the sentence out (no events at all)


@dataclass
class EventDraft:
    """One candidate event while the event rules work it out.

    The evidence text is ``candidate.why``, then ``actor_why``, ``modality_why`` and
    ``inference_why``, in that order; ``rules`` names the rules that fired, the finder first.
    ``inferred_sources``/``inferred_targets`` hold actors the text does not name (marked
    ``inferred``); they count only when no named actor is found on that side.
    """

    candidate: Candidate
    index: MentionIndex
    named_place: Place | None = None  # the sentence's own place: rules read it as ``place``
    kind: str | None = None
    content_type: str | None = None  # the type of what a governing verb takes
    content_entry: TriggerEntry | None = None
    alternative: Reading | None = None
    sources: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    inferred_sources: tuple[ActorRef, ...] = ()
    inferred_targets: tuple[ActorRef, ...] = ()
    modality: str = "asserted"
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    actor_why: list[str] = field(default_factory=list)
    modality_why: list[str] = field(default_factory=list)
    inference_why: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    dropped: bool = False  # set by a rule that finds the candidate is no codable event
    _objects: list[Token] | None = field(default=None, init=False, repr=False)
    place_read: bool = field(default=False, init=False)  # did a rule read ``place``?

    @property
    def place(self) -> Place | None:
        """The place the sentence names. Reading it is noted (``place_read``): a coding that no
        rule read it for comes out the same at any other place, so the pipeline need not code
        the event again at the event's own place."""
        self.place_read = True
        return self.named_place

    def make_sources(self, mentions: list[ActorMention], why: str) -> bool:
        """Make ``mentions`` the sources (and no longer targets), saying why; True (fired)."""
        ids = {m.actor.id for m in mentions}
        self.sources = mentions
        self.targets = [m for m in self.targets if m.actor.id not in ids]
        self.actor_why = [*self.actor_why, why]
        return True

    def objects(self, coder: Coder) -> list[Token]:
        """The event's objects and participant phrases (worked out once)."""
        if self._objects is None:
            self._objects = event_objects(self.candidate, coder.lexicon)
        return self._objects

    def imposes_restriction(self, coder: Coder) -> bool:
        """Is the content a restriction on a place's people (curfew, lockdown)?"""
        return imposes_restriction(self.candidate, self.objects(coder), coder.lexicon)

    def target_ids(self) -> set[str]:
        return {m.actor.id for m in self.targets}

    def source_ids(self) -> set[str]:
        return {m.actor.id for m in self.sources}


@dataclass
class ArticleDraft:
    """The finished events of one article (dates, places and counts added) while the article
    rules look at them together."""

    events: list[Event]


# --- sentence rules -----------------------------------------------------------------------------


def _running_total(found: SentenceDraft, coder: Coder) -> bool:
    if is_running_total(found.sentence, coder.lexicon):
        found.closed = True
    return found.closed


def _warnings(found: SentenceDraft, coder: Coder) -> bool:
    new = warning_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _expectations(found: SentenceDraft, coder: Coder) -> bool:
    new = expectation_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _munitions_landing(found: SentenceDraft, coder: Coder) -> bool:
    new = munition_landing_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _blame(found: SentenceDraft, coder: Coder) -> bool:
    new = blame_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _mediation(found: SentenceDraft, coder: Coder) -> bool:
    new = mediation_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _forces_crossing(found: SentenceDraft, coder: Coder) -> bool:
    new = forces_crossing_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _forces_leaving(found: SentenceDraft, coder: Coder) -> bool:
    new = forces_leaving_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _verb_triggers(found: SentenceDraft, coder: Coder) -> bool:
    new = verb_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _adjective_triggers(found: SentenceDraft, coder: Coder) -> bool:
    new = adjective_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _noun_triggers(found: SentenceDraft, coder: Coder) -> bool:
    new = noun_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _denied_named_charges(found: SentenceDraft, coder: Coder) -> bool:
    changed = False
    for index, candidate in enumerate(found.candidates):
        accusation = accusers_denied_charge(candidate, coder.lexicon)
        if accusation is not None:
            found.candidates[index] = accusation
            changed = True
    return changed


def _named_claims(found: SentenceDraft, coder: Coder) -> bool:
    denied = [denied_charge(c, coder.lexicon) for c in found.candidates]  # "denied the charge"
    taken = [*(c.token for c in found.candidates), *(t for t in denied if t is not None)]
    coded = frozenset(t.i for t in taken)
    new = named_claim_triggers(found.sentence, coder.lexicon, coded)
    found.candidates.extend(new)
    return bool(new)


def _found_wrongs(found: SentenceDraft, coder: Coder) -> bool:
    coded = frozenset(c.token.i for c in found.candidates)
    new = found_wrong_triggers(found.sentence, coder.lexicon, coded)
    findings = {c.predicate.i for c in new}  # "uncovered a plot": the finding, not a judgement
    found.candidates[:] = [
        c for c in found.candidates if c.token.i not in findings or c.entry.type != "ACCUSE"
    ]
    found.candidates.extend(new)
    return bool(new)


def _deed_nouns(found: SentenceDraft, coder: Coder) -> bool:
    made = {candidate.token.i for candidate in found.candidates}
    new = deed_noun_triggers(found.sentence, coder.lexicon, found.consumed, made)
    found.candidates.extend(new)
    return bool(new)


def _sanctions_in_force(found: SentenceDraft, coder: Coder) -> bool:
    new = sanctions_in_force(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _misread_verbs(found: SentenceDraft, coder: Coder) -> bool:
    new = misread_verb_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _headline_noun(found: SentenceDraft, coder: Coder) -> bool:
    new = headline_noun_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _dyad_line(found: SentenceDraft, coder: Coder) -> bool:
    new = dyad_line_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _dash_dyad_line(found: SentenceDraft, coder: Coder) -> bool:
    new = dash_dyad_line_triggers(found.sentence, coder.lexicon, found.index, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _arrest_cause(found: SentenceDraft, coder: Coder) -> bool:
    new = arrest_cause_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _casualty_means(found: SentenceDraft, coder: Coder) -> bool:
    new = casualty_means_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _toll_attack(found: SentenceDraft, coder: Coder) -> bool:
    new = toll_attack_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _meeting_in_passing(found: SentenceDraft, coder: Coder) -> bool:
    coded = frozenset(c.token.i for c in found.candidates)
    new = meeting_in_passing_triggers(
        found.sentence, coder.lexicon, found.consumed, found.index, coded
    )
    found.candidates.extend(new)
    return bool(new)


def _evaluations(found: SentenceDraft, coder: Coder) -> bool:
    new = evaluation_triggers(found.sentence, coder.lexicon, found.consumed)
    found.candidates.extend(new)
    return bool(new)


def _protest_demands(found: SentenceDraft, coder: Coder) -> bool:
    protests = {c.token.i for c in found.candidates if c.entry.type == "PROTEST"}
    return _drop(
        found,
        lambda c: (
            c.entry.type == "REQUEST"
            and c.token.dep_ in {"advcl", "xcomp", "conj"}
            and c.token.head.i in protests
        ),
    )


def _drop(found: SentenceDraft, unwanted: Callable[[Candidate], bool]) -> bool:
    """Drop the candidates ``unwanted`` says are no events; True when any was dropped."""
    kept = [c for c in found.candidates if not unwanted(c)]
    fired = len(kept) != len(found.candidates)
    found.candidates = kept
    return fired


# The state's civil arms: an office, its police, its courts single out whom they pursue
# ("are being targeted by police"); its armed forces, rebels and gunmen target by force.
SINGLING_OUT_SECTORS = {"GOV", "COP", "JUD"}


def _equipped(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(
        found,
        lambda c: (
            lemma_of(c.token, coder.lexicon) in coder.lexicon.words("equipping_verbs")
            and _tells_equipment(c.token)
        ),
    )


def _tells_equipment(verb: Token) -> bool:
    """A participle of equipping that names no one who equips and takes no object ("gunmen
    armed with machetes", "They are armed with guns") says what someone carries, not that
    anyone armed them; "Iran has armed the Houthis", "were armed by Iran" tell the act."""
    if verb.tag_ != "VBN" or is_perfect(verb):
        return False
    return not any(c.dep_ in {"agent", "dobj"} for c in children_of(verb))


GIVING_TYPES = {"AID", "SUPPORT"}  # "This assistance is supporting", "These funds supported"


def _aid_at_work(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(
        found,
        lambda c: (
            c.entry.type in GIVING_TYPES
            and (c.predicate is not c.token or not is_nounlike(c.token, coder.lexicon))
            and _known_aid_does_it(c.predicate, coder.lexicon)
        ),
    )


def _known_aid_does_it(verb: Token, lexicon: Lexicon) -> bool:
    """Is the verb's subject aid or money told as known ("This additional assistance in Chad is
    supporting USAID partners", "These funds also supported the UN Humanitarian Air Service",
    "The $17 million ... is supporting"; or the verb of an aid noun: "This newest funding will
    help provide critical aid")? Money is no actor: the sentence says what a grant told before
    pays for, not that anyone gave anew."""
    subject = subject_of(verb, lexicon)
    if subject is None or not any(_definite_determiner(c) for c in children_of(subject)):
        return False
    if subject.ent_type_ == "MONEY" or lemma_of(subject, lexicon) in lexicon.money_nouns:
        return True
    entry = noun_entry(subject, lexicon)
    return entry is not None and entry.type == "AID"


def _sports_score(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(
        found,
        lambda c: c.entry.type == "ASSAULT" and c.token.pos_ == "VERB" and is_sports_score(c.token),
    )


def _absence(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: in_absence(c.token))


def _press_boilerplate(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_press_boilerplate(c, coder.lexicon))


def _condition(found: SentenceDraft, coder: Coder) -> bool:
    if all(in_condition(c.token) for c in found.candidates):
        return False  # a condition alone in its sentence is still worth its modality
    return _drop(found, lambda c: in_condition(c.token))


def _ongoing_background(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: in_ongoing_background(c.token))


def _indirect_question(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_indirect_question(c.predicate))


def _tally_since(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: c.token.pos_ == "VERB" and is_tally_since(c.predicate))


def _since_phrase(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: in_since_phrase(c.token))


def _terms_of_a_deal(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_term_of_a_deal(c, coder.lexicon))


def _deals_content(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_deals_content(c, coder.lexicon))


def _provisions(found: SentenceDraft, coder: Coder) -> bool:
    read = frozenset(c.token.i for c in found.candidates)
    return _drop(found, lambda c: is_a_provision(c, coder.lexicon, read))


def _deontic_passives(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_deontic_passive(c, coder.lexicon))


def _prevented_acts(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_prevented_act(c, coder.lexicon))


def _wished_acts(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_wished_act(c, coder.lexicon))


def _likely_acts(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_likely_act(c, coder.lexicon))


def _needed_or_possible_acts(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_needed_or_possible_act(c, coder.lexicon))


def _long_running(found: SentenceDraft, coder: Coder) -> bool:
    # sanctions in force "since 2011" are a state whose start the phrase dates, not a history
    return _drop(
        found, lambda c: is_long_running(c, coder.lexicon) and c.rules[:1] != ["sanctions-in-force"]
    )


def _habit(found: SentenceDraft, coder: Coder) -> bool:
    return _drop(found, lambda c: is_a_habit(c, coder.lexicon))


def _alleged_deed(found: SentenceDraft, coder: Coder) -> bool:
    alleged: set[int] = set()
    for candidate in found.candidates:
        if candidate.entry.type == "ACCUSE" and is_nounlike(candidate.token, coder.lexicon):
            alleged.update(t.i for t in deed_of_accusation(candidate.token))
    return _drop(found, lambda c: c.token.i in alleged)


def _rewrite_with(
    found: SentenceDraft,
    coder: Coder,
    reader: Callable[[Span, list[Candidate], Lexicon], list[Candidate] | None],
) -> bool:
    """A sentence rule whose reader rewrites the candidates: take the rewritten list, or
    report no change when the reader found nothing in the sentence (None)."""
    changed = reader(found.sentence, found.candidates, coder.lexicon)
    if changed is None:
        return False
    found.candidates = changed
    return True


def _ultimatums(found: SentenceDraft, coder: Coder) -> bool:
    return _rewrite_with(found, coder, ultimatum_triggers)


def _readiness_for_force(found: SentenceDraft, coder: Coder) -> bool:
    return _rewrite_with(found, coder, readiness_threat_triggers)


def _force_told_ahead(found: SentenceDraft, coder: Coder) -> bool:
    return _rewrite_with(found, coder, force_ahead_triggers)


def _raid_told_with_its_killing(found: SentenceDraft, coder: Coder) -> bool:
    return raids_told_with_their_killing(found.candidates, coder.lexicon)


def _one_event_per_clause(found: SentenceDraft, coder: Coder) -> bool:
    before = len(found.candidates)
    found.candidates = merge_same_clause(found.candidates, coder.lexicon)
    return len(found.candidates) != before


def _deeds_of_a_class_are_no_acts(found: SentenceDraft, coder: Coder) -> bool:
    if not found.candidates:
        return False  # nothing to drop: no need to walk the sentence
    deeds = {
        t.i
        for word in span_tokens(found.sentence)
        if _is_a_class_by_its_deeds(word, coder.lexicon)
        for clause in children_of(word)
        if clause.dep_ in {"relcl", "acl"} and clause.tag_ not in PAST_TAGS
        for t in clause.subtree
    }
    return _drop(found, lambda c: c.token.i in deeds or c.predicate.i in deeds)


# "Those who attacked the convoy": a deed told in the past happened, whoever did it.
PAST_TAGS = {"VBD", "VBN"}


def _aims_are_no_acts(found: SentenceDraft, coder: Coder) -> bool:
    acts = {c.predicate.i for c in found.candidates} | {c.token.i for c in found.candidates}
    return _drop(found, lambda c: _aim_of_an_act(c.predicate, acts))


def _aim_of_an_act(verb: Token, acts: set[int]) -> bool:
    """A to-infinitive hanging on another event's word as its aim ("talks to ease tensions",
    "assistance to support Colombia's efforts"), not what a verb governs ("agreed to halt")."""
    if not is_to_infinitive(verb) or verb.dep_ not in {"advcl", "acl"}:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in children_of(verb)):
        return False
    return verb.head.i in acts  # not "defended the decision to release": a decision's content


def _protests_met_by_force(found: SentenceDraft, coder: Coder) -> bool:
    new = protests_met_by_force(found.sentence, found.candidates, coder.lexicon)
    found.candidates.extend(new)
    return bool(new)


def _protests_force_fell_during(found: SentenceDraft, coder: Coder) -> bool:
    new = protests_force_fell_during(found.sentence, found.candidates, coder.lexicon)
    found.candidates.extend(new)
    return bool(new)


def _deontic_demands(found: SentenceDraft, coder: Coder) -> bool:
    before = [id(c) for c in found.candidates]
    found.candidates = with_deontic_demands(found.candidates, found.sentence, coder.lexicon)
    return [id(c) for c in found.candidates] != before


def _wished_demands(found: SentenceDraft, coder: Coder) -> bool:
    before = [id(c) for c in found.candidates]
    found.candidates = with_wished_demands(found.candidates, found.sentence, coder.lexicon)
    return [id(c) for c in found.candidates] != before


def _joint_undertakings(found: SentenceDraft, coder: Coder) -> bool:
    new = joint_commitments(found.sentence, found.index)
    found.candidates.extend(new)
    return bool(new)


def _cameo_patterns(found: SentenceDraft, coder: Coder) -> bool:
    new = pattern_triggers(
        found.sentence, coder.patterns, coder.lexicon, found.consumed, found.candidates
    )
    found.candidates.extend(new)
    return bool(new)


# --- event rules: type --------------------------------------------------------------------------


def _trigger_type(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    draft.kind = candidate.entry.type
    draft.content_type = type_of_complement(candidate, coder.lexicon)
    content = candidate.complement
    draft.content_entry = noun_entry(content, coder.lexicon) if content is not None else None
    return False


def _denied_charge_is_the_deed(draft: EventDraft, coder: Coder) -> bool:
    charge = denied_charge(draft.candidate, coder.lexicon)
    deed = deed_denied(charge, coder.lexicon) if charge is not None else None
    if deed is None:
        return False
    draft.kind = draft.content_type = deed
    draft.content_entry = None
    draft.candidate.entry = replace(draft.candidate.entry, type=deed, mode=None, modality="denied")
    draft.candidate.speaker_is_source = False
    return True


def _content_type(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind is not None:
        return False
    draft.kind = draft.content_type
    draft.dropped = draft.kind is None
    return not draft.dropped


def _governed_content_type(draft: EventDraft, coder: Coder) -> bool:
    content_entry = draft.content_entry
    if not draft.candidate.entry.governs or content_entry is None:
        return False
    governed = content_entry.type_under(draft.candidate.token)
    if governed == content_entry.type:
        return False
    draft.kind = governed
    return True


def _vow_of_force(draft: EventDraft, coder: Coder) -> bool:
    governs = draft.candidate.entry.governs
    if draft.kind != "AGREE" or not governs:
        return False
    forceful = draft.content_type in {"ASSAULT", "COERCE"} or _vows_retaliation(draft, coder)
    if not forceful:
        return False
    draft.kind = "THREATEN"
    return True


VOWED_RESPONSES = {"violence", "restrict"}  # threat complement modes a vow threatens with


def _vows_retaliation(draft: EventDraft, coder: Coder) -> bool:
    """ "vowed to respond with overwhelming force", "pledged to retaliate", "vowed revenge",
    "vowed countermeasures": the content is a response of violence or of restriction (a
    violence or restrict word of the threat complements), not a promise to end one."""
    complement = draft.candidate.complement
    if complement is None:
        return False
    # the act vowed itself ("to retaliate") or what a response is made with ("with force"),
    # never what it ends ("pledged to end the war")
    words = [complement, *objects_of_preposition(complement, "with")]
    lemmas = {lemma_of(w, coder.lexicon) for w in words} - {"respond", "response"}
    return any(coder.lexicon.threat_modes.get(lemma) in VOWED_RESPONSES for lemma in lemmas)


COERCIVE_CONTENT = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "REJECT"}
SPEAKER_PRONOUNS = {"it", "we", "they", "he", "she", "i"}


def _prediction(draft: EventDraft, coder: Coder) -> bool:
    """Rule "a-prediction-is-no-threat": "the UN warned that millions face famine", "warned
    that talks could fail", "warned that the law is incompatible with its bid": a warning
    of what will happen, with no act of the warner's own in it, no one warned and no
    consequence named, threatens no one (the lexicon: only coercive warnings are threats)."""
    candidate = draft.candidate
    if draft.kind != "THREATEN" or lemma_of(
        candidate.token, coder.lexicon
    ) not in coder.lexicon.words("warning_verbs"):
        return False
    content = candidate.complement
    if content is None or content.dep_ != "ccomp" or draft.content_type in COERCIVE_CONTENT:
        return False
    if any(c.dep_ in {"dobj", "dative"} for c in children_of(candidate.token)):
        return False  # "warned Finland that ...": someone is warned
    subjects = [c for c in children_of(content) if c.dep_ in SUBJECT_DEPS]
    if any(s.lower_ in SPEAKER_PRONOUNS or draft.index.at(s) for s in subjects):
        return False  # "warned it would retaliate", "warned that Washington would impose"
    if any(t.lemma_.lower() in coder.lexicon.words("consequence_words") for t in content.subtree):
        return False
    draft.dropped = True
    return True


def _ordered_act(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    ordered = lemma_of(candidate.token, coder.lexicon) in coder.lexicon.words("order_verbs")
    if not ordered or draft.content_type not in ORDERED_ACTION_TYPES:
        return False
    if candidate.complement and _order_names_its_doers(candidate.complement, draft.index):
        return False
    if _an_order_to_another_party(candidate.token, draft.index, coder.lexicon):
        return False  # "ordered Israel to halt its offensive" demands it of Israel
    draft.kind = draft.content_type
    return True


def _order_to_ones_own(draft: EventDraft, coder: Coder) -> bool:
    ordered = _ordered_own(draft, coder)
    if not ordered or _sends_forces(draft.candidate.token, ordered):
        return False  # none, or a deployment (an-order-sending-ones-forces-deploys-them)
    draft.dropped = True
    return True


def _order_sending_own_forces(draft: EventDraft, coder: Coder) -> bool:
    ordered = _ordered_own(draft, coder)
    if not ordered or not _sends_forces(draft.candidate.token, ordered):
        return False
    draft.kind, draft.mode = "MOBILIZE", "troops"
    return True


def _ordered_own(draft: EventDraft, coder: Coder) -> list[ActorMention]:
    """Whom a REQUEST told by an order verb is given to, when all of them are the orderer's own
    bodies (``_given_to_own``); none otherwise. The two order rules on one's own ask it alike."""
    verb = draft.candidate.token
    if draft.kind != "REQUEST" or lemma_of(verb, coder.lexicon) not in coder.lexicon.words(
        "order_verbs"
    ):
        return []
    ordered = _ordered_party(verb, draft.index)
    orderers = _ordering_side(verb, draft.index, coder.lexicon)
    return ordered if _given_to_own(ordered, orderers) else []


def _sends_forces(verb: Token, ordered: list[ActorMention]) -> bool:
    """Does an order given to one's own bodies (``_given_to_own``) send forces somewhere,
    naming no act ("have ordered troops to their borders", "ordered Russian troops into the
    regions")?"""
    if any(c.dep_ in {"xcomp", "ccomp"} for c in children_of(verb)):
        return False  # "ordered the troops to leave Somalia" names the act
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    heads = [verb, *objects]
    sent = any(
        p.dep_ == "prep"
        and p.lower_ in SENDING_PREPS
        and any(g.dep_ == "pobj" for g in children_of(p))
        for head in heads
        for p in children_of(head)
    )
    return sent and all(m.actor.sector == "MIL" for m in ordered)


def _given_to_own(ordered: list[ActorMention], orderers: list[ActorMention]) -> bool:
    """Is an order (whom it is given to, who gives it) given to the orderer's own bodies
    only (``_own_organ``)? An order naming no one ordered, or no one who orders, is not."""
    return bool(ordered and orderers) and all(_own_organ(m, orderers) for m in ordered)


def _ordered_party(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Whom an order is given to: the actors its object names ("ordered the troops to leave",
    "ordered Israel to halt"); in "ordered the release of 50 protesters" the object is the act
    ordered, and those released are no one the order is given to."""
    return unique_mentions(m for c in children_of(verb) if c.dep_ == "dobj" for m in index.at(c))


def _ordering_side(verb: Token, index: MentionIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Who gives an order: its subject's actors, the subject found through conjuncts ("signed
    decrees ... and ordered Russian troops into the regions"); a passive order names none."""
    if any(c.dep_ == "nsubjpass" for c in children_of(verb)):
        return []
    subject = subject_of(verb, lexicon)
    return unique_mentions(core_mentions(subject, index)) if subject is not None else []


def _own_organ(ordered: ActorMention, orderers: list[ActorMention]) -> bool:
    """Is the one ordered a body of the orderer's own side, its forces, police, courts or
    officials ("the Ethiopian government has ordered the troops", "ordered police")? A state
    named whole, or another country's body, is another party."""
    actor = ordered.actor
    if actor.sector not in STATE_SECTORS or actor.kind == "state":
        return False
    if actor.country is None:
        return True  # "ordered the army to withdraw": an army of no country named is its own
    return any(o.actor.country == actor.country for o in orderers)


def _an_order_to_another_party(verb: Token, index: MentionIndex, lexicon: Lexicon) -> bool:
    """Does an order name another party as the one it is given to ("ordered the rebels to lay
    down their arms", "ordered Israel to halt")? An order with no subject decides nothing."""
    ordered, orderers = _ordered_party(verb, index), _ordering_side(verb, index, lexicon)
    return bool(ordered and orderers) and not _given_to_own(ordered, orderers)


def _order_names_its_doers(complement: Token, index: MentionIndex) -> bool:
    """Whether an order names whom it is given to ("ordered the army to withdraw", "ordered
    the army's withdrawal"); in "ordered the release of 50 protesters" those named are what
    the ordered act is done to, and the one who orders does it."""
    if complement.pos_ in {"NOUN", "PROPN"}:
        return any(
            index.at(child)
            for child in children_of(complement)
            if child.dep_ in {"poss", "compound"}
        )
    return bool(core_mentions(complement, index))


def _proposed_own_action(draft: EventDraft, coder: Coder) -> bool:
    proposed = draft.candidate.entry.modality == "proposed"
    if not proposed or draft.content_type not in OWN_ACTION_TYPES:
        return False
    draft.kind = draft.content_type
    return True


def _operation_against_a_foe(draft: EventDraft, coder: Coder) -> bool:
    token = draft.candidate.token  # read so by the noun's lookup (noun_entry)
    return draft.kind == "ASSAULT" and is_operation_against_a_foe(token, coder.lexicon)


def _punitive_measures(draft: EventDraft, coder: Coder) -> bool:
    token = draft.candidate.token  # read so by the noun's lookup (noun_entry)
    return draft.kind == "SANCTION" and are_punitive_measures(token, coder.lexicon)


def _alternative_reading(draft: EventDraft, coder: Coder) -> bool:
    draft.alternative = alternative_reading(draft.candidate, coder.lexicon)
    if draft.alternative is None:
        draft.alternative = _leaving_an_organisation(draft)
    if draft.alternative is None:
        return False
    draft.kind = draft.alternative[0]
    entry = draft.candidate.entry
    if entry.modality is not None and entry.type != draft.kind:  # "committed $23.5 million"
        draft.candidate.entry = replace(entry, modality=None)  # is given, not promised
    return True


def _leaving_an_organisation(draft: EventDraft) -> Reading | None:
    """Rule leaving-an-organisation: quitting or withdrawing from a body the actor dictionary
    names as an intergovernmental organisation ("quit ECOWAS", "withdrew from the World Health
    Organization") takes the entry's reading for leaving a treaty or organisation (SANCTION
    withdraw), as its own word ("organisation", "bloc") would."""
    readings = [r for r in draft.candidate.entry.alts if "organisation" in r[2]]
    if not readings:
        return None
    verb = draft.candidate.token
    left = [c for c in children_of(verb) if c.dep_ == "dobj"]
    left += objects_of_preposition(verb, "from")
    left += [
        o
        for out in children_of(verb)
        if out.lower_ == "out"
        for o in objects_of_preposition(out, "of")
    ]
    named = [m for word in left for m in draft.index.at(word)]
    return readings[0] if any(m.actor.sector == "IGO" for m in named) else None


# --- event rules: actors ------------------------------------------------------------------------


def _clause_actors(draft: EventDraft, coder: Coder) -> bool:
    clause = actor_clause(draft.candidate)
    draft.sources, draft.targets, draft.actor_why = event_actors(clause, draft.index, coder.lexicon)
    return False


def _first_person_is_the_speaker(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources:
        return False
    candidate = draft.candidate
    subject = _own_subject(candidate.predicate)
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    speaker = reporter_mentions(candidate, draft.index, coder.lexicon)
    if not speaker:
        return False
    return _speakers_side(draft, speaker, subject)


def _own_subject(predicate: Token) -> Token | None:
    """The predicate's own subject, not one climbed to: "we will not allow them to attack" is
    not "we attack"."""
    return next((c for c in children_of(predicate) if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _speakers_side(draft: EventDraft, speaker: list[ActorMention], subject: Token) -> bool:
    """The speaker's side as the doer of an act said with "we" or "I", or as the one it was
    done to when said in the passive ("we were attacked")."""
    if subject.dep_ == "nsubjpass" and agent_of(draft.candidate.predicate) is None:
        if draft.targets:
            return False
        draft.targets = list(speaker)
        draft.actor_why = [*draft.actor_why, f"'{subject.text}' (acted on) is the speaker's side"]
        return True
    return draft.make_sources(speaker, f"'{subject.text}' is the speaker's side")


def _reporting_speaker_is_source(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if not candidate.speaker_is_source and not candidate.entry.subject_is_target:
        return False
    speaker = reporter_mentions(candidate, draft.index, coder.lexicon)
    speaker_ids = {m.actor.id for m in speaker}
    everyone = unique_mentions([*draft.sources, *draft.targets])
    draft.targets = [m for m in everyone if m.actor.id not in speaker_ids]
    draft.sources = speaker
    draft.actor_why = [*draft.actor_why, "the reporting speaker is the source"]
    return True


def _speakers_state(mention: ActorMention, speaker: list[ActorMention]) -> bool:
    """Is the actor the state the speaker serves ("the envoy warned that Washington would
    impose sanctions": Washington threatens with him, it is not threatened)?"""
    actor = mention.actor
    return actor.sector in HOME_FORCE_SECTORS and any(
        m.actor.country == actor.country and m.actor.sector in HOME_FORCE_SECTORS for m in speaker
    )


def _claimed_violation(draft: EventDraft, coder: Coder) -> bool:
    """An accusation read from "violated the agreement" names the violator as its subject: the
    accuser is whoever reports it ("Israel said Hamas had violated the deal"), the violator is
    the target. Told by the writer alone, a violation is a defiance of the deal (REJECT)."""
    candidate = draft.candidate
    violation = lemma_of(candidate.predicate, coder.lexicon) in coder.lexicon.words(
        "violation_verbs"
    )
    if draft.kind != "ACCUSE" or not violation or candidate.token is candidate.predicate:
        return False
    speaker = reporter_mentions(candidate, draft.index, coder.lexicon)
    violators = unique_mentions([*draft.sources])
    if not speaker:
        draft.kind = "REJECT"
        draft.actor_why = [*draft.actor_why, "a violation told as fact defies the deal"]
        return True
    speaker_ids = {m.actor.id for m in speaker}
    draft.sources = speaker
    draft.targets = [m for m in violators if m.actor.id not in speaker_ids] or draft.targets
    draft.actor_why = [*draft.actor_why, "the reporter of a violation accuses the violator"]
    return True


def _own_duty(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    deontic = candidate.speaker_is_source and candidate.entry.type == "REQUEST"
    if not deontic or not draft.sources or not draft.targets:
        return False
    own = {(m.actor.country, m.actor.sector) for m in draft.sources if m.actor.country}
    if not all((m.actor.country, m.actor.sector) in own for m in draft.targets):
        return False  # rebels saying the president must agree do make a demand
    draft.dropped = True  # "Britain must leave by that date," Johnson said
    return True


def _speaker_performs_speech_act(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.kind not in SPEECH_ACT_TYPES:
        return False
    speaker = reporter_mentions(draft.candidate, draft.index, coder.lexicon)
    if not speaker:
        return False
    draft.sources = speaker
    draft.actor_why = [*draft.actor_why, "the reporting speaker performs it"]
    return True


def _quoted_voice(draft: EventDraft, coder: Coder) -> bool:
    """Rule "quoted-words-are-the-speakers": an act said inside a direct quote whose speaker is
    named outside its sentence ("“So,” he continued, “... you will pay a price for that.”",
    the second sentence of a long quote) is the speaker's when its subject is "we" or "I", or
    when it is a speech act (a demand, a threat, an accusation) told to "you"."""
    if draft.sources:
        return False
    candidate = draft.candidate
    subject = _own_subject(candidate.predicate)
    if subject is None:
        return False
    addressed = subject.lower_ == "you" and draft.kind in SPEECH_ACT_TYPES
    if subject.lower_ not in FIRST_PERSON and not addressed:
        return False
    speaker = draft.index.voice_at(candidate.token)
    if speaker is None:
        return False
    if addressed:
        return draft.make_sources([speaker], "the speaker of the quote it is said in")
    return _speakers_side(draft, [speaker], subject)


def _speaker_joins_meeting(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "CONSULT" or not draft.targets or draft.sources:
        return False
    reporter = reporter_mentions(draft.candidate, draft.index, coder.lexicon)
    if not reporter:
        return False
    draft.sources = reporter
    draft.actor_why = [*draft.actor_why, "speaker takes part in the meeting"]
    return True


def _noun_agent(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources:
        return False
    candidate, lexicon = draft.candidate, coder.lexicon
    if is_nounlike(candidate.token, lexicon):
        agents = agents_of_noun(candidate.token, draft.index, lexicon)
        own = noun_entry(candidate.token, lexicon)
        if own is not None and own.type != candidate.entry.type:
            if draft.targets or not agents:  # "violated a ban by X": the defiance is aimed at X
                return False
            draft.targets = agents
            draft.actor_why = [*draft.actor_why, "the agent of what is defied"]
            return True
    else:
        agents = _instrument_agents(candidate.token, draft, coder)
    if not agents:
        return False
    # "a pledge made by the government of Japan": Japan pledged
    return draft.make_sources(agents, "the agent of the event noun")


def _instrument_agents(verb: Token, draft: EventDraft, coder: Coder) -> list[ActorMention]:
    """ "Killed in an Israeli strike", "killed in police firing", "were killed when a Russian
    missile hit": who wielded the means; "injured in clashes between police and opposition
    supporters": every party to the fighting (as a clash has no target, PLOVER)."""
    found: list[ActorMention] = []
    # "killed when a Russian missile destroyed the cafe", also when the clause hangs on the
    # toll's second verb ("were killed and 11 wounded when a missile hit")
    clauses = [c for holder in (verb, *verb.conjuncts) for c in children_of(holder)]
    for clause in clauses:
        if (
            clause.dep_ == "advcl"
            and _at_the_time(clause)
            and (verb_entry(clause, coder.lexicon) or _no_entry).type == draft.kind
        ):
            for subject in (c for c in children_of(clause) if c.dep_ == "nsubj"):
                found.extend(core_mentions(subject, draft.index))
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "by", "during", "from"}:
            continue
        for noun in (p for p in children_of(prep) if p.dep_ == "pobj"):
            entry = noun_entry(noun, coder.lexicon)
            if entry is not None and entry.type == draft.kind:
                found.extend(agents_of_noun(noun, draft.index, coder.lexicon))
                if lemma_of(noun, coder.lexicon) in CLASH_WORDS:  # "in clashes between X and Y"
                    found.extend(joint_participants(noun, draft.index, coder.lexicon))
            elif any(
                c.dep_ == "acl" and (verb_entry(c, coder.lexicon) or _no_entry).type == draft.kind
                for c in children_of(noun)
            ):  # "police firing", parsed as police with a participle
                found.extend(draft.index.at(noun))
    return unique_mentions(found)


_no_entry = TriggerEntry(type=None)
INSTANT_MARKERS = {"when", "as", "while"}  # "killed when a missile hit"; not "after they stormed"


def _at_the_time(clause: Token) -> bool:
    """Whether a clause tells what happened at the time of the act ("when a missile hit"),
    not what came before or after it ("after protesters stormed parliament")."""
    return any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in INSTANT_MARKERS for c in children_of(clause)
    )


def _casualty_victims(draft: EventDraft, coder: Coder) -> bool:
    if draft.targets or draft.kind != "ASSAULT":
        return False
    victims = casualty_victims(draft.candidate, draft.index, coder.lexicon)
    source_ids = draft.source_ids()
    draft.targets = [m for m in victims if m.actor.id not in source_ids]
    if not draft.targets:
        return False
    draft.actor_why = [*draft.actor_why, "those who died are its targets"]
    return True


def _ousted_by_a_coup(draft: EventDraft, coder: Coder) -> bool:
    """Rule "the-ousted-are-the-coups-targets": "A military coup removed Prime Minister X",
    "the coup that toppled X": whom a coup is told to have removed is its target."""
    token = draft.candidate.token
    if draft.targets or token.lemma_.lower() not in SEIZURES_OF_POWER:
        return False
    verbs = [token.head] if token.dep_ in SUBJECT_DEPS else []
    # "the coup that toppled X", and a headline's "A military coup removed X" parsed as "coup"
    # with a participle
    verbs += [c for c in children_of(token) if c.dep_ in {"relcl", "acl"}]
    ousted = [
        mention
        for verb in verbs
        if verb.lemma_.lower() in coder.lexicon.words("removing_verbs")
        for obj in children_of(verb)
        if obj.dep_ == "dobj"
        for mention in core_mentions(obj, draft.index)
    ]
    if not ousted:
        return False
    draft.targets = unique_mentions(ousted)
    draft.actor_why = [*draft.actor_why, "whom a coup removed is its target"]
    return True


def _consequence_victims(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "ASSAULT":
        return False
    victims = consequence_victims(draft.candidate, draft.index, coder.lexicon)
    known = draft.source_ids() | {m.actor.id for m in draft.targets}
    added = [m for m in victims if m.actor.id not in known]
    if not added:
        return False
    draft.targets = [*draft.targets, *added]
    draft.actor_why = [*draft.actor_why, "whom it killed or wounded are its targets"]
    return True


def _dyad_sides_are_sources(draft: EventDraft, coder: Coder) -> bool:
    if draft.candidate.token.lower_ not in DYAD_WORDS | DYAD_DASHES:
        return False
    sides = dyad_sides(draft.candidate, draft.index)
    if len(sides) < 2:
        return False
    return draft.make_sources(sides, "the two sides of a dyad line are its sources")


def _parties_between(draft: EventDraft, coder: Coder) -> bool:
    lexicon, candidate = coder.lexicon, draft.candidate
    if draft.kind not in lexicon.mutual_types:
        return False
    words = [candidate.token, *(c for c in children_of(candidate.token) if c.dep_ == "compound")]
    if any(lemma_of(word, lexicon) in lexicon.third_party_acts for word in words):
        return False  # "Qatar mediated between X and Y", "a mediation mission": a third party's
    parties = parties_between(candidate, draft.index, lexicon)
    party_ids = {m.actor.id for m in parties}
    if len(parties) < 2 or party_ids == draft.source_ids():
        return False
    return draft.make_sources(parties, "the parties it is between are its sources")


def _the_one_met_is_a_party(draft: EventDraft, coder: Coder) -> bool:
    """ "Rice met with Sharif", "held talks with Aziz", "joined Obama for a private dinner": a
    meeting is done together, so the one met joins its sources and stays its target (the one
    met); a visit, a journey for talks, hosting, mediation, briefing or invitation keeps its
    target apart (PLOVER CONSULT: "A visitor is the source and the host the recipient;
    otherwise all participants are sources")."""
    lexicon, candidate = coder.lexicon, draft.candidate
    if draft.kind != "CONSULT" or not draft.sources or not draft.targets:
        return False
    words = [candidate.token, candidate.predicate]
    words += [c for w in words for c in children_of(w) if c.dep_ == "compound"]
    if any(lemma_of(word, lexicon) in lexicon.third_party_acts for word in words):
        return False
    if lemma_of(candidate.predicate, lexicon) in lexicon.words("travel_verbs"):
        return False  # "travelled to Riyadh for talks with the crown prince": a visit
    partner_ids = {m.actor.id for m in partners_met(candidate, draft.index, lexicon)}
    source_ids = draft.source_ids()
    met = [m for m in draft.targets if m.actor.id in partner_ids - source_ids]
    if not met:
        return False
    draft.sources = [*draft.sources, *met]
    draft.actor_why = [*draft.actor_why, "the one met is a party too"]
    return True


def _reciprocal_targets(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if len(draft.source_ids()) < 2:
        return False
    reciprocal = reciprocal_object(candidate.predicate, coder.lexicon) or reciprocal_object(
        candidate.token, coder.lexicon
    )
    if reciprocal is None:
        return False
    draft.targets = list(draft.sources)
    draft.actor_why = [*draft.actor_why, f"'{reciprocal.text}': each side is the other's target"]
    return True


def _definite_mention(draft: EventDraft, coder: Coder) -> bool:
    token = draft.candidate.token
    if not is_nounlike(token, coder.lexicon):
        known = _known_doers(draft, coder) or _known_patients(draft, coder)
        return known or _known_act_as_subject(draft, coder)
    return _told_as_known(draft, token)


def _known_act_as_subject(draft: EventDraft, coder: Coder) -> bool:
    """ "The new funding includes $8 million for Chad", "the attack killed three soldiers": an
    act whose subject is a noun of the same kind of act told with a definite determiner is that
    act told again (rule the-known-act-does-it)."""
    subject = next((c for c in children_of(draft.candidate.predicate) if c.dep_ == "nsubj"), None)
    entry = noun_entry(subject, coder.lexicon) if subject is not None else None
    if entry is None or entry.type != draft.kind:
        return False
    return _told_as_known(draft, subject)


def _known_patients(draft: EventDraft, coder: Coder) -> bool:
    """ "The hostages were freed Wednesday", "the detainees were released": an act whose
    passive subject is the people it fell on, named by what they are with a definite
    determiner, retells an act told before (rule the-known-people-it-fell-on)."""
    patient = next(
        (c for c in children_of(draft.candidate.predicate) if c.dep_ == "nsubjpass"), None
    )
    if patient is None or patient.lemma_.lower() not in coder.lexicon.person_nouns:
        return False
    return _told_as_known(draft, patient)


def _told_as_known(draft: EventDraft, word: Token) -> bool:
    """Is ``word`` told with a definite determiner ("the strike", "the attackers") or the day
    it fell on ("Wednesday's blast", "Sunday's talks": rule a-day-named-act-is-known)? Then the
    draft is marked as an act the reader already knows."""
    determiners = [c for c in children_of(word) if c.i < word.i and _definite_determiner(c)]
    if not determiners:
        return False
    draft.inference_why.append(f"told as known ('{determiners[0].text} {word.text}')")
    return True


def _definite_determiner(word: Token) -> bool:
    """ "the", "this", "those"; or a weekday in the possessive ("Monday's attack")."""
    if word.dep_ == "det":
        return word.lower_ in DEFINITE_DETERMINERS
    return word.dep_ == "poss" and word.lower_ in WEEKDAYS


def _known_doers(draft: EventDraft, coder: Coder) -> bool:
    """ "The attackers, who arrived on motorcycles, overran the post", "the bombers struck at a
    market": an attack whose doers are named as the ones already known retells the attack."""
    if draft.kind != "ASSAULT":
        return False
    subject = subject_of(draft.candidate.predicate, coder.lexicon)
    doers = coder.lexicon.blame.get("doers", frozenset())
    if subject is None or subject.lemma_.lower() not in doers:
        return False
    return _told_as_known(draft, subject)


def _ultimatum_teller(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "THREATEN" or draft.sources or not draft.candidate.entry.subject_is_target:
        return False
    teller = ultimatum_teller(draft.candidate, draft.index, coder.lexicon)
    target_ids = {m.actor.id for m in draft.targets}
    teller = [m for m in teller if m.actor.id not in target_ids]
    if not teller:
        return False
    draft.sources = teller
    draft.actor_why = [*draft.actor_why, "whoever sets the ultimatum threatens"]
    return True


def _announced_between_parties(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if not is_nounlike(candidate.token, coder.lexicon) or draft.kind not in SETTLEMENT_TYPES:
        return False
    if lemma_of(candidate.predicate, coder.lexicon) not in coder.lexicon.words("announcing_verbs"):
        return False
    parties = joint_participants(candidate.token, draft.index, coder.lexicon)
    source_ids = draft.source_ids()
    if len(parties) < 2 or any(m.actor.id in source_ids for m in parties):
        return False
    draft.sources, draft.targets = parties, []
    draft.kind = "AGREE"
    draft.actor_why = [*draft.actor_why, "the parties it is between, not who announced it"]
    return True


def _economic_weapon(draft: EventDraft, coder: Coder) -> bool:
    candidate, lexicon = draft.candidate, coder.lexicon
    if draft.kind != "ASSAULT" or is_nounlike(candidate.token, lexicon):
        return False
    verb = candidate.token
    words = [c for c in children_of(verb) if c.dep_ in {"dobj", "nsubjpass"}]
    words += objects_of_preposition(verb, "with")
    if not any((noun_entry(w, lexicon) or _no_entry).type == "SANCTION" for w in words):
        return False
    draft.kind, draft.mode = "SANCTION", None
    return True


def _fire_over_a_matter(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    verb = candidate.token
    if draft.kind != "ASSAULT" or not candidate.entry.subject_is_target:
        return False
    under_fire = any(
        c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ == "fire" for g in children_of(c))
        for c in children_of(verb)
    )
    # the matter may hang on the verb, on "fire" or on those it came from ("from its allies
    # over the death toll")
    holders = [verb, *(g for c in children_of(verb) if c.dep_ == "prep" for g in children_of(c))]
    topics = [t for h in holders for p in ("over", "for") for t in objects_of_preposition(h, p)]
    if not under_fire or not topics:
        return False
    draft.kind, draft.mode = "ACCUSE", "disapprove"
    return True


def _crowd_violence(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind not in {"ASSAULT", "COERCE"} or not is_crowd(draft.candidate, coder.lexicon):
        return False
    draft.kind, draft.mode = "PROTEST", "riot"
    return True


def _labour_strike(draft: EventDraft, coder: Coder) -> bool:
    token = draft.candidate.token
    if draft.kind != "ASSAULT" or draft.mode or lemma_of(token, coder.lexicon) != "strike":
        return False
    if not draft.sources or any(m.actor.sector not in CIVIL_SECTORS for m in draft.sources):
        return False
    if not is_nounlike(token, coder.lexicon) and any(c.dep_ == "dobj" for c in children_of(token)):
        return False  # "protesters struck a policeman" is a blow
    draft.kind, draft.mode = "PROTEST", "strike"
    return True


# Modes of force a police search does not use: a raid told with one is an attack whoever
# carries it out (rule a-weapon-keeps-an-attack).
STANDOFF_WEAPON_MODES = {"aerial", "drone", "heavy-weapons", "explosives"}


def _raid_with_a_standoff_weapon(draft: EventDraft, coder: Coder) -> bool:
    """ "Turkish warplanes have been carrying out frequent bombing raids on PKK camps", "air
    raids on Gaza": a raid whose modifier or doer names aircraft, drones, heavy weapons or
    bombs is an attack (rule a-weapon-keeps-an-attack), not a search."""
    if draft.kind != "ASSAULT":
        return False
    mode, _ = mode_and_context(draft.candidate, "ASSAULT", coder.lexicon)
    return mode in STANDOFF_WEAPON_MODES


def _raid_by_raider(draft: EventDraft, coder: Coder) -> bool:
    if lemma_of(draft.candidate.token, coder.lexicon) != "raid" or not draft.sources:
        return False
    if RAID_AS_ATTACK_RULE in draft.candidate.rules:
        return False  # a raid told with its killing is an attack, whoever raided
    if draft.kind == "COERCE" and draft.candidate.entry.mode == "confiscate":
        return False  # "raided Bosso, looting shops and livestock": told as the taking
    if _raid_with_a_standoff_weapon(draft, coder):
        return False  # "warplanes have been carrying out frequent bombing raids", "air raids"
    state = all(m.actor.sector in STATE_SECTORS for m in draft.sources)
    kind = "COERCE" if state else "ASSAULT"
    if kind == draft.kind:
        return False
    draft.kind, draft.mode = kind, None
    return True


def _order_to_leave(draft: EventDraft, coder: Coder) -> bool:
    verb = draft.candidate.token
    if lemma_of(verb, coder.lexicon) not in coder.lexicon.words("order_verbs") | {"tell"}:
        return False
    envoys = [
        c
        for c in children_of(verb)
        if c.dep_ == "dobj" and c.lemma_.lower() in coder.lexicon.words("envoy_nouns")
    ]
    leaving = any(
        (
            c.dep_ in {"xcomp", "ccomp"}
            and c.lemma_.lower() in coder.lexicon.words("envoy_leaving_verbs")
        )
        or (c.dep_ in {"prep", "prt", "advmod"} and c.lower_ == "out")
        for c in [*children_of(verb), *(g for e in envoys for g in children_of(e))]
    )
    if not envoys or not leaving:
        return False
    draft.kind, draft.mode = "SANCTION", "expel"
    return True


def _state_protest(draft: EventDraft, coder: Coder) -> bool:
    verb = lemma_of(draft.candidate.token, coder.lexicon)
    token = draft.candidate.token
    if draft.kind != "PROTEST" or verb != "protest" or token.pos_ != "VERB" or not draft.sources:
        return False
    if not all(m.actor.kind == "state" or m.actor.sector == "GOV" for m in draft.sources):
        return False
    draft.kind, draft.mode = "ACCUSE", "disapprove"  # "Russia protested the expulsions"
    return True


def _joint_exercise(draft: EventDraft, coder: Coder) -> bool:
    lemma = lemma_of(draft.candidate.token, coder.lexicon)
    if draft.kind != "MOBILIZE" or lemma not in coder.lexicon.words("exercise_nouns"):
        return False
    countries = {m.actor.country for m in (*draft.sources, *draft.targets) if m.actor.country}
    if len(countries) < 2:
        return False
    draft.kind, draft.mode = "COOPERATE", None
    draft.sources = unique_mentions([*draft.sources, *draft.targets])
    draft.targets = []
    return True


def _visit_needs_a_host(draft: EventDraft, coder: Coder) -> bool:
    verb = lemma_of(draft.candidate.token, coder.lexicon)
    if draft.kind != "CONSULT" or verb not in coder.lexicon.words("visit_verbs") or draft.targets:
        return False
    if draft.inferred_targets:
        return False
    if _hosted_by_the_place(draft, coder):
        return True
    draft.dropped = True  # "visited the hospital": a place, nobody hosts
    return True


def _hosted_by_the_place(draft: EventDraft, coder: Coder) -> bool:
    """ "Modi arrived in Moscow for a two-day visit": a journey's visit is hosted by the country
    of the place travelled to, when that is not the traveller's own."""
    if lemma_of(draft.candidate.predicate, coder.lexicon) not in coder.lexicon.words(
        "travel_verbs"
    ):
        return False
    place = draft.place  # read only for a journey (a coding that never reads it is placeless)
    if place is None or not place.country:
        return False
    if place.country in {m.actor.country for m in draft.sources}:
        return False
    draft.inferred_targets = (inferred_ref(coder.dictionary.state(place.country), place.text),)
    draft.inference_why.append(f"host inferred from the place {place.name}")
    return True


BLAME_RULE = "naming-the-doer-is-accusation"


def _named_doer_is_target(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if candidate.rules[:1] != [BLAME_RULE]:
        return False
    doer = blamed_doer(candidate.predicate, coder.lexicon)
    named = core_mentions(doer, draft.index) if doer is not None else []
    source_ids = draft.source_ids()
    draft.targets = unique_mentions(m for m in named if m.actor.id not in source_ids)
    draft.inferred_targets = ()
    if not draft.targets:
        draft.dropped = True
        return True
    draft.actor_why = [*draft.actor_why, "the one named as doer is the target"]
    return True


def _judgement_needs_a_target(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    judged = candidate.rules[:1] == ["evaluation-is-stance"] and candidate.speaker_is_source
    if not judged or draft.targets or draft.inferred_targets:
        return False
    subjects = [c for c in children_of(candidate.predicate) if c.dep_ in {"nsubj", "nsubjpass"}]
    parties = [  # "said the agreement between Turkey and Libya is null and void"
        m
        for noun in subjects
        if noun_entry(noun, coder.lexicon) is not None
        for m in (
            *joint_participants(noun, draft.index, coder.lexicon),
            *agents_of_noun(noun, draft.index, coder.lexicon),
        )
    ]
    source_ids = draft.source_ids()
    draft.targets = unique_mentions(m for m in parties if m.actor.id not in source_ids)
    if draft.targets:
        draft.actor_why = [*draft.actor_why, "the parties to what is judged"]
        return True
    if any(_a_judged_act_told_before(noun, coder.lexicon) for noun in subjects):
        draft.actor_why = [*draft.actor_why, JUDGED_BEFORE_WHY]
        return True  # its doers are those of the act told before (a-judged-act-falls-on-its-doers)
    draft.dropped = True
    return True


def _singling_out(draft: EventDraft, coder: Coder) -> bool:
    verb, lexicon = draft.candidate.token, coder.lexicon
    if draft.kind != "ASSAULT" or lemma_of(verb, lexicon) not in lexicon.words(
        "singling_out_verbs"
    ):
        return False
    if is_nounlike(verb, lexicon) or armed_with(verb, lexicon) or not draft.sources:
        return False
    if any(m.actor.sector not in SINGLING_OUT_SECTORS for m in draft.sources):
        return False  # armed forces, rebels and gunmen target by force
    offices = all(m.actor.kind != "state" for m in draft.sources)
    if not offices and not _tells_of_sanctions(sentence_of(draft.candidate.predicate), lexicon):
        return False
    draft.dropped = True
    return True


def _tells_of_sanctions(sentence: Span, lexicon: Lexicon) -> bool:
    """Does the sentence name sanctions ("will continue to enforce its sanctions")?"""
    return any(
        (noun_entry(w, lexicon) or _no_entry).type == "SANCTION"
        for w in span_tokens(sentence)
        if w.pos_ == "NOUN"
    )


JUDGED_BEFORE_WHY = "judges an act told before"


def _a_judged_act_told_before(noun: Token, lexicon: Lexicon) -> bool:
    """Rule "a-judged-act-told-before-keeps-its-judgement": "Russia said the strikes were a
    gross violation of international law", "the Taliban says the release is not in line with
    the agreement": a judgement whose subject is an act the article has told ("the" and an
    event noun, or "the move", "the decision"), with no actor named, is still a judgement; it
    falls on that act's doers, not on no one."""
    act = noun_entry(noun, lexicon) is not None or noun.lower_ in ACT_NOUNS
    return refers_back(noun) and act


def _natural_cause(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources:
        return False
    lexicon = coder.lexicon
    subject = subject_of(draft.candidate.predicate, lexicon)
    if subject is not None and subject.dep_ == "nsubjpass" and draft.kind == "ASSAULT":
        subject = None  # "a passenger train was bombed": a passive attack's subject was hit
    causes = [draft.candidate.token, subject] if subject is not None else [draft.candidate.token]
    if not any(_natural(w, lexicon) for w in causes if w.pos_ in {"NOUN", "PROPN"}):
        return False
    draft.dropped = True  # "a bus crash kills 12", "lightning struck a school": nobody's act
    return True


def _natural(word: Token, lexicon: Lexicon) -> bool:
    """Is a word a natural or accidental cause ("fire", "bus crash"), and not a weapon's ("sniper
    fire", "enemy fire")?"""
    if any(key in lexicon.nouns for key in hyphened_keys(word, lexicon)):
        return False  # "cease-fire": the whole word is the lexicon's
    if any(lemma_of(act, lexicon) in lexicon.nouns for act in objects_of_preposition(word, "of")):
        return False  # "a wave of arrests": the arrests are the act, the wave their number
    modifiers = [c for c in children_of(word) if c.dep_ in {"compound", "amod", "nmod"}]
    armed = any(
        m.lower_ in lexicon.noun_modifiers
        or m.lower_ in lexicon.weapon_modes
        or m.lower_ in lexicon.words("armed_modifiers")
        for m in modifiers
    )
    named = word.lemma_.lower() in lexicon.natural_causes or any(
        m.dep_ == "compound" and m.lemma_.lower() in lexicon.natural_causes for m in modifiers
    )
    return named and not armed


BODY_RULE = "a-body-named-by-what-it-is-acts"


def _body_named_by_what_it_is(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.targets or draft.kind not in BODY_ACT_TYPES:
        return False
    doers = _body_doers(draft.candidate.predicate, coder.lexicon)
    if not doers:
        return False
    draft.actor_why = [*draft.actor_why, f"done by a body named by what it is ('{doers[0].text}')"]
    return True


PASSIVE_CHARGE_RULE = "a-charge-told-in-the-passive-stands"


def _a_charge_in_the_passive(candidate: Candidate, lexicon: Lexicon) -> bool:
    """An accusing verb told in a finite passive that names, by what they are, whom it falls
    on ("a former navy chief who is accused of leading a 2008 coup attempt") or who made it
    ("The election was called illegitimate by leaders across North and South America", "a
    closed door trial ..., which was widely decried as a sham"); not one that names neither
    ("The plan was condemned"), an adjective ("a much-criticized election", "his alleged
    role"), a bare participle ("two men accused of spying") or "it was alleged"; nor a step of
    the law ("A man has been charged with murder", "was indicted": the lexicon's legal
    context, a police matter) or an inquiry ("is being investigated")."""
    verb = candidate.predicate
    if candidate.token.i != verb.i or verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    if candidate.entry.context == "legal" or candidate.entry.mode == "investigate":
        return False
    if any(c.dep_ == "auxpass" for c in children_of(verb)):
        subjects = [c for c in children_of(verb) if c.dep_ == "nsubjpass"]
    elif verb.dep_ == "acomp" and verb.head.lemma_ == "be":  # "which was widely decried as"
        subjects = [c for c in children_of(verb.head) if c.dep_ == "nsubj"]
    else:
        return False
    subjects = [
        c
        for c in subjects
        if c.pos_ in {"NOUN", "PROPN"} or c.lower_ in lexicon.words("relative_subjects")
    ]
    accused = any(c.lower_ == "who" or is_person(c, lexicon) for c in subjects)
    makers = any(
        c.dep_ == "agent" or (c.dep_ == "advmod" and c.lower_ in lexicon.words("breadth_adverbs"))
        for c in children_of(verb)
    )
    return bool(subjects) and (accused or makers)


def _kept_with_no_actor(
    draft: EventDraft,
    coder: Coder,
    kind: str,
    told_so: Callable[[Candidate, Lexicon], bool],
    note: str,
) -> bool:
    """A draft of ``kind`` that names no one and is told in a form that stands without its
    doer (``told_so``) keeps its reading; the note says why it names no one."""
    if draft.sources or draft.targets or draft.kind != kind:
        return False
    if not told_so(draft.candidate, coder.lexicon):
        return False
    draft.actor_why = [*draft.actor_why, note]
    return True


def _charge_told_in_the_passive(draft: EventDraft, coder: Coder) -> bool:
    """Rule "a-charge-told-in-the-passive-stands": see ``_a_charge_in_the_passive``."""
    note = "a charge told in the passive, its makers unnamed"
    return _kept_with_no_actor(draft, coder, "ACCUSE", _a_charge_in_the_passive, note)


ROUND_RULE = "a-round-of-talks-is-held"
ROUND_SIDES_RULE = "a-round-of-talks-is-between-the-sides-told"


def _a_counted_round(noun: Token, lexicon: Lexicon) -> bool:
    """Is a meeting noun counted by a round or a span of time ("a second round of talks",
    "their first round of talks", "a fourth round of peace talks")?"""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in lexicon.words("measure_nouns")
    )


def _round_of_talks(draft: EventDraft, coder: Coder) -> bool:
    """Rule "a-round-of-talks-is-held": talks counted by their round name no one in their own
    words; rule a-round-of-talks-is-between-the-sides-told gives them the parties told
    around them."""
    token = draft.candidate.token
    if draft.kind != "CONSULT" or draft.sources or draft.targets:
        return False
    if not is_nounlike(token, coder.lexicon) or not _a_counted_round(token, coder.lexicon):
        return False
    draft.inference_why = [*draft.inference_why, f"a '{token.head.head.text}' of talks is held"]
    return True


OBJECT_HIT_RULE = "an-object-hit-in-the-passive-stands"


def _an_object_hit_in_the_passive(candidate: Candidate, lexicon: Lexicon) -> bool:
    """A finite passive attack verb with no agent whose subject is a place people live, pray,
    trade or travel in ("a passenger train was bombed", "several houses were set on fire",
    "a shop and two vehicles were set alight"): the attack was done though no doer is named."""
    predicate = candidate.predicate
    if predicate.pos_ != "VERB" or is_nounlike(candidate.token, lexicon):
        return False
    children = children_of(predicate)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return False
    return any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in lexicon.civilian_objects for c in children
    )


def _object_hit_in_the_passive(draft: EventDraft, coder: Coder) -> bool:
    """Rule "an-object-hit-in-the-passive-stands": see ``_an_object_hit_in_the_passive``."""
    note = "an attack on a civilian object told in the passive, its doer unnamed"
    return _kept_with_no_actor(draft, coder, "ASSAULT", _an_object_hit_in_the_passive, note)


def _needs_an_actor(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.targets or _stands_alone(draft.candidate, draft.kind, coder):
        return False
    draft.dropped = True
    return True


def _stands_alone(candidate: Candidate, kind: str | None, coder: Coder) -> bool:
    """An event with no named actor is kept only when a noun names it ("a drone strike")."""
    lexicon = coder.lexicon
    acted_on = candidate.entry.subject_is_target  # "a suspect is in custody"
    if kind in COUNTED_TYPES and _counted_people(candidate.token, lexicon, acted_on):
        return True  # "14 people were killed", "gunmen abducted 20 residents": a toll
    if kind == "COERCE" and _detains_someone_unnamed(candidate, lexicon):
        return True  # "He was arrested last week", "officers detained her at the airport"
    if kind == "ASSAULT" and _counted_victims(candidate.token):
        return True  # "blast kills 13": the count words' own reading of a toll
    if kind == "PROTEST" and _people_act(candidate.predicate, lexicon):
        return True  # "Hundreds protested in Wamena", "villagers boycotted the vote"
    if kind == "PROTEST" and _protest_that_acts(candidate.token, lexicon):
        return True  # "Mass protests forced the prime minister to resign"
    if kind == "ASSAULT" and _weapon_strikes(candidate.predicate, lexicon):
        return True  # "Drones hit a fuel depot", "a roadside IED struck a patrol"
    if kind == "ASSAULT" and _gerund_that_goes_on(candidate.token, lexicon):
        return True  # "Fighting continued in Khartoum", "heavy shelling resumed"
    talks = kind == "CONSULT" and is_nounlike(candidate.token, lexicon)
    if talks and _a_counted_round(candidate.token, lexicon):
        return True  # "A second round of talks is slated": rule a-round-of-talks-is-held
    if kind in BODY_ACT_TYPES and _body_doers(candidate.predicate, lexicon):
        return True  # "The move was widely condemned by the international community"
    if kind == "ACCUSE" and _a_charge_in_the_passive(candidate, lexicon):
        return True  # "who is accused of leading a coup attempt": a-charge-told-in-the-passive
    if kind == "ASSAULT" and _an_object_hit_in_the_passive(candidate, lexicon):
        return True  # "a passenger train was bombed": rule an-object-hit-in-the-passive-stands
    if kind not in ACTORLESS_TYPES or not is_nounlike(candidate.token, lexicon):
        return False
    predicate = lemma_of(candidate.predicate, lexicon)
    if predicate in lexicon.reporting_verbs:
        return False
    # "a drone strike killed ...", "the truce took effect": the noun's own happening
    happens = _happens(candidate.predicate, lexicon)
    if start_told_in_its_clause(candidate.token, lexicon) is not None:
        return True  # "The truce, which began on April 2, ...": rule a-truce-that-began-happened
    return kind == "ASSAULT" or happens or predicate in lexicon.light_verbs


def _protest_that_acts(noun: Token, lexicon: Lexicon) -> bool:
    """A protest noun that is the subject of an act ("Mass protests forced the prime minister
    to resign", "Demonstrations paralysed the capital"): the protests took place; a copula
    only describes one ("the protests were peaceful")."""
    return (
        is_nounlike(noun, lexicon)
        and noun.dep_ == "nsubj"
        and noun.head.pos_ == "VERB"
        and noun.head.lemma_.lower() not in lexicon.words("describing_verbs")
    )


def _gerund_that_goes_on(token: Token, lexicon: Lexicon) -> bool:
    """A gerund subject (tagged as a verb) of a verb of happening or going on: "Fighting
    continued in Khartoum", "shelling resumed overnight" tell the act as a noun would."""
    if token.tag_ != "VBG" or token.dep_ not in {"nsubj", "csubj"}:
        return False
    verb = token.head
    return _happens(verb, lexicon) or lemma_of(verb, lexicon) in lexicon.light_verbs


def _happens(verb: Token, lexicon: Lexicon) -> bool:
    """A verb that tells an act taking place, breaking out or growing ("took place", "erupted",
    "broke out", "swept the capital", "came into effect")."""
    lemma = lemma_of(verb, lexicon)
    if lemma in lexicon.words("happening_verbs"):
        return True
    if is_over(verb):
        return True  # "the truce was over"
    particles = {c.lower_ for c in children_of(verb) if c.dep_ in {"prt", "advmod"}}
    if any(lemma == word and particle in particles for word, particle in PARTICLE_HAPPEN_VERBS):
        return True
    return goes_into_force(verb, lexicon)


# What a body of people or states does by word or by staying away (rule
# a-body-named-by-what-it-is-acts): stances taken in statements and protests. Acts with a
# partner (a meeting, a deal, aid) need their parties named; acts of force have their own
# actorless readings above.
BODY_ACT_TYPES = {"ACCUSE", "PROTEST", "REJECT", "REQUEST", "SUPPORT", "THREATEN"}
PERSON_RELATIVE = "who"  # "observers, who have alleged": "which" and "that" stand for things


def _body_doers(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Rule "a-body-named-by-what-it-is-acts": reporting names the doer of a statement or a
    protest by what it is, not by name ("was widely condemned by the international
    community", "Both organizations have threatened sanctions", "international observers, who
    have alleged some amount of fraud", "was boycotted by both Kurdish and Sunni Members of
    Parliament"): the act was done though the dictionary knows no actor for its doer. The doers
    are the subject, the agent of a passive, or the noun a relative "who" stands for."""
    return [doer for doer in _doer_nouns(verb) if _names_a_body(doer, lexicon)]


def _names_a_body(noun: Token, lexicon: Lexicon) -> bool:
    """A noun for a body or its members ("observers", "the community", "Members of
    Parliament"), not for people at large ("officials", "a lawyer"): those speak for whoever
    the actor rules find, or for no one."""
    words = {lemma_of(noun, lexicon), noun.lower_, noun.lower_.removesuffix("s")}
    return bool(words & lexicon.bodies)  # "Members": capitalised plurals keep their "s"


def _doer_nouns(verb: Token) -> list[Token]:
    """The common nouns that name who does a verb's act: its subject (and the subject's
    conjuncts), the object of a passive's "by", the antecedent of a relative pronoun subject."""
    doers = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    doers += [
        g
        for c in children_of(verb)
        if c.dep_ == "agent"
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]
    if verb.dep_ == "relcl" and any(d.lower_ == PERSON_RELATIVE for d in doers):
        doers.append(verb.head)
    doers += [c for d in list(doers) for c in d.conjuncts]
    return [d for d in doers if d.pos_ in {"NOUN", "PROPN"}]


def _counted_victims(verb: Token) -> bool:
    """An attack whose victims are counted: a passive subject ("14 people were killed"), or
    people its verb, or the verb going on with it, counts as killed or injured ("blast kills
    13", "gunmen killed 3 farmers", "militia attacks village, kills 5")."""
    if any(
        child.dep_ == "nsubjpass" and any(c.dep_ == "nummod" or c.like_num for c in child.subtree)
        for child in children_of(verb)
    ):
        return True
    verbs = [verb, *(c for c in children_of(verb) if c.dep_ in {"conj", "advcl"})]
    return any(counts_victims(one) for one in verbs)


def _people_act(verb: Token, lexicon: Lexicon) -> bool:
    """The subject is people, counted or named by what they are ("Hundreds protested",
    "truck drivers blocked the highway")."""
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    return any(_is_counted(s, lexicon) or is_person(s, lexicon) for s in subjects)


def _weapon_strikes(verb: Token, lexicon: Lexicon) -> bool:
    """The subject is a weapon ("drones hit", "a roadside bomb struck"), or the agent of a
    passive ("a convoy was hit by an airstrike"): an attack, whoever fired it."""
    agents = [
        g
        for c in children_of(verb)
        if c.dep_ == "agent"
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]
    # also when a time phrase split the participle from its auxiliary ("a car bomb was on
    # Monday rammed into a base", parsed with the bomb the subject of "was")
    holders = [verb, *([verb.head] if _split_from_its_auxiliary(verb) else [])]
    strikers = [c for h in holders for c in children_of(h) if c.dep_ == "nsubj"]
    strikers += agents
    if any(names_an_attack(agent, lexicon) for agent in agents):
        return True  # "hit by a drone strike", "killed in an ambush by"
    return any(
        lemma_of(c, lexicon) in lexicon.weapon_modes or munition(c, lexicon) is not None
        for c in strikers
    )


def _split_from_its_auxiliary(verb: Token) -> bool:
    """ "A car bomb was on Monday rammed into a base": the parser makes "was" the root and the
    participle a clause of it; the subject of "was" is the participle's."""
    head = verb.head
    return (
        verb.dep_ in {"advcl", "conj", "dep"}
        and verb.tag_ in {"VBD", "VBN"}
        and head.lemma_ == "be"
        and head.i < verb.i
        and not any(c.dep_ in {"attr", "acomp"} for c in children_of(head))
    )


def _counted_people(verb: Token, lexicon: Lexicon, subject_acted_on: bool = False) -> bool:
    """People counted as those the act fell on: "14 people were killed", "abducted at least 20
    residents", "kills 5", the note style "11 detained" (a counted subject, no object); or
    named by what they are ("a mayoral candidate was shot dead"), also as the subject of a
    headline's passive ("Man arrested over stabbing") or of an act the entry says falls on its
    subject ("a suspect is in custody"), or as the noun a passive participle describes
    ("Three arrested in Karachi raid")."""
    if _described_by_participle(verb, lexicon):
        return True
    if is_passive_read_as_complement(verb):  # "He was handcuffed", "Protesters were tear-gassed"
        subjects = [c for c in children_of(verb.head) if c.dep_ == "nsubj"]
        return any(
            _is_counted(s, lexicon) or is_person(s, lexicon) or s.lower_ in PERSON_PRONOUNS
            for s in subjects
        )
    subject_acted_on = subject_acted_on or is_headline_participle(verb)
    misread = verb.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "nsubj" for c in children_of(verb))
    said_as_a_state = subject_acted_on and verb.pos_ == "AUX"  # "is in custody"
    if verb.pos_ != "VERB" and not misread and not said_as_a_state:
        return False  # "two loud explosions" counts the blasts, not people
    children = list(children_of(verb))
    if any(
        _counted_people(c, lexicon)
        for c in children
        if c.dep_ in {"conj", "advcl"} and c.pos_ == "VERB"
    ):
        return True  # "attacks village, kills 5", "attacked Mangu, killing 9 people"
    has_object = any(c.dep_ == "dobj" for c in children)
    if any(c.dep_ == "nummod" or (c.dep_ == "npadvmod" and c.like_num) for c in children):
        return True  # "kills 7", "detained 8", with the number parsed as the verb's own
    for child in children:  # "Drone strike on a market, 6 dead"
        toll = child.dep_ in {"advcl", "conj", "ccomp"} and child.lemma_.lower() in lexicon.words(
            "toll_words"
        )
        if toll and any(
            c.dep_ in {"nsubj", "nsubjpass"} and _is_counted(c, lexicon) for c in children_of(child)
        ):
            return True
    for child in children:
        patient = child.dep_ in {"nsubjpass", "dobj"} or (
            child.dep_ == "nsubj" and not has_object and verb.tag_ in {"VBD", "VBN"}
        )
        patient = patient or (child.dep_ == "nsubj" and subject_acted_on)
        named = (child.dep_ != "nsubj" or subject_acted_on) and is_person(child, lexicon)
        if patient and (_is_counted(child, lexicon) or named):
            return True
    return False


PERSON_PRONOUNS = {"he", "she", "him", "her", "they", "them"}


def _detains_someone_unnamed(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Rule "a-detained-person-stands-alone": police reports tell an arrest of someone they
    do not name ("He was arrested last week", "officers detained her"): detaining a person is
    an act even when the sentence names no actor (the state's, when a place tells which)."""
    if candidate.entry.mode not in DETENTION_MODES:
        return False
    verb = candidate.predicate
    return any(
        c.dep_ in {"nsubjpass", "dobj"} and c.lower_ in PERSON_PRONOUNS for c in children_of(verb)
    )


def _described_by_participle(verb: Token, lexicon: Lexicon) -> bool:
    """ "Three arrested in Karachi raid", "Two journalists detained in Minsk": a passive
    participle describing people counted or named by what they are tells what befell them."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or read_as_participle(verb):
        return False
    return _is_counted(verb.head, lexicon) or is_person(verb.head, lexicon)


def _is_counted(noun: Token, lexicon: Lexicon) -> bool:
    """ "14 people", "at least 20 residents", "hundreds": people given by number."""
    return noun.lower_ in lexicon.words("multitude_words") or any(
        t.dep_ == "nummod" or t.like_num for t in noun.subtree
    )


# --- event rules: modality and mode -------------------------------------------------------------


def _modality(draft: EventDraft, coder: Coder) -> bool:
    draft.modality, draft.modality_why = modality_of(draft.candidate, coder.lexicon)
    return False


def _warning_is_said(draft: EventDraft, coder: Coder) -> bool:
    if WARNING_RULE not in draft.candidate.rules or draft.modality == "asserted":
        return False
    if draft.modality != "negated":
        return False  # "if ..., we will not allow it": conditional stays so
    draft.modality, draft.modality_why = "asserted", ["a warning is made when it is said"]
    return True


def _threat_on_a_condition(draft: EventDraft, coder: Coder) -> bool:
    """Rule a-threat-on-a-condition-is-conditional: "threatened to cut gas supplies unless
    Chisinau paid its debts", "threatened to take military action if they did not surrender":
    the "if"/"unless" clause hangs on the act threatened, not on "threatened", and makes the
    threat conditional as one on the verb does ("threatened retaliation if Finland joined";
    the labels' convention: a threat with an "if" clause is conditional)."""
    content = draft.candidate.complement
    if draft.kind != "THREATEN" or content is None or draft.modality not in MADE_THREAT_MODALITIES:
        return False
    if not any(
        clause.dep_ in {"advcl", "ccomp"} and is_conditional_clause(clause)
        for clause in children_of(content)
    ):
        return False
    draft.modality = "conditional"
    draft.modality_why = [*draft.modality_why, "the act threatened is conditional"]
    return True


# What a threat told as made may carry before its condition is read: a vow's "agreed" is the
# modality of the vowing verb's first (AGREE) reading.
MADE_THREAT_MODALITIES = {"asserted", "agreed"}


def _threat_vowed_is_made(draft: EventDraft, coder: Coder) -> bool:
    """Rule a-threat-vowed-is-made: "Iran vowed revenge against Israel", "the junta vowed to
    crush the rebellion": a vow of force is a threat made (asserted), as "threatened" is;
    `agreed` is AGREE's modality (a commitment made), and no threat is agreed."""
    if draft.kind != "THREATEN" or draft.modality != "agreed":
        return False
    draft.modality = "asserted"
    draft.modality_why = [*draft.modality_why, "a threat vowed is made"]
    return True


def _threat_held_ready(draft: EventDraft, coder: Coder) -> bool:
    """Rule a-threat-held-ready-is-conditional: "Serbia is ready to use force to prevent
    ...", "a body's readiness to sanction violators": force held ready is a response to a
    move of the other side, told as a threat made on a condition (the labels' convention:
    THREATEN conditional), not as a promised future act."""
    if draft.kind != "THREATEN" or draft.modality_why != ["readiness"]:
        return False
    draft.modality = "conditional"
    draft.modality_why = [*draft.modality_why, "force held ready is a conditional threat"]
    return True


def _wrong_told_with_not_is_said(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if not candidate.why or not candidate.why[0].startswith(REPORTED_WRONG):
        return False
    if draft.modality_why != ["negation"]:
        return False
    draft.modality, draft.modality_why = "asserted", ["the 'not' is the wrong's"]
    return True


def _preparation_is_the_event(draft: EventDraft, coder: Coder) -> bool:
    entry_type = draft.candidate.entry.type
    if entry_type is not None or draft.kind != "MOBILIZE" or draft.modality != "future":
        return False  # preparing an offensive mobilises; preparing an exchange is no exchange
    draft.modality, draft.modality_why = "asserted", ["preparation is itself the event"]
    return True


def _mode_and_context(draft: EventDraft, coder: Coder) -> bool:
    draft.mode, draft.contexts = mode_and_context(draft.candidate, draft.kind, coder.lexicon)
    return False


def _ordered_acts_mode(draft: EventDraft, coder: Coder) -> bool:
    if "ordered-act" not in draft.rules or draft.mode is not None or draft.kind is None:
        return False
    draft.mode = content_mode(draft.candidate, draft.kind, coder.lexicon)
    return draft.mode is not None


def _retyped_mode(draft: EventDraft, coder: Coder) -> bool:
    entry = draft.candidate.entry
    fired = False
    if entry.type and draft.kind != entry.type and draft.mode == entry.mode:
        draft.mode, fired = None, True
    if draft.alternative is not None:
        draft.mode, fired = draft.alternative[1], True
    return fired


# --- event rules: recoding ----------------------------------------------------------------------


def _refused_acceptance(draft: EventDraft, coder: Coder) -> bool:
    accepting = lemma_of(draft.candidate.token, coder.lexicon) in coder.lexicon.words(
        "accepting_words"
    )
    if draft.kind != "AGREE" or draft.modality != "negated" or not accepting:
        return False
    draft.kind, draft.modality = "REJECT", "asserted"
    draft.modality_why = [*draft.modality_why, "a refused acceptance is a rejection"]
    return True


def _as_threat(draft: EventDraft, coder: Coder, why: str) -> bool:
    """Recode a hostile act as the threat of it, with the threat mode its verb or type gives."""
    verb = lemma_of(draft.candidate.token, coder.lexicon)
    draft.mode = coder.lexicon.threat_modes.get(verb) or threat_mode(draft.kind)
    draft.kind, draft.modality_why = "THREATEN", [*draft.modality_why, why]
    return True


def _conditional_hostile_act(draft: EventDraft, coder: Coder) -> bool:
    if draft.modality != "conditional" or draft.kind not in THREAT_TYPES:
        return False
    return _as_threat(draft, coder, "a conditional hostile act is a threat")


def _announced_hostile_act(draft: EventDraft, coder: Coder) -> bool:
    if draft.modality != "future" or draft.kind not in FUTURE_THREAT_TYPES:
        return False
    if not reporting_subject(draft.candidate, coder.lexicon):
        return False
    reporters = reporter_mentions(draft.candidate, draft.index, coder.lexicon)
    if not _announced_by_its_side(draft, reporters):
        return False
    return _as_threat(draft, coder, ANNOUNCED_THREAT)


ANNOUNCED_THREAT = "an announced hostile act is a threat"
AHEAD_MODALITIES = {"future", "hypothetical"}  # "will use force", "might use force"


def _announced_by_its_side(draft: EventDraft, reporters: list[ActorMention]) -> bool:
    """Part of rule "announced-hostile-act-is-threat": an act of force is announced as a
    threat by the side that would do it ("the army said it would strike"), not by the side it
    would fall on ("opposition leaders said they feared they would also be arrested") nor by
    another side telling of a third's plan ("the Syrian leader says Israel had long been
    planning to fight Hezbollah"): those forecast or charge, they threaten no one. Sides as
    ``_side_of`` reads them; a reporter or doer with no side leaves the reading as it was."""
    said_by = {_side_of(m.actor) for m in reporters} - {None}
    if not said_by:
        return True
    if said_by & {_side_of(m.actor) for m in draft.targets}:
        return False
    doers = {_side_of(m.actor) for m in draft.sources} - {None}
    return not doers or bool(doers & said_by)


def _a_threat_announced_is_made(draft: EventDraft, coder: Coder) -> bool:
    """Rule "a-threat-announced-is-made": "the army said it would strike": the act is to
    come, the threat is made when it is said (asserted), as "threatened to strike" is (the
    tune labels of hostile acts announced ahead code the threat asserted: "Chinese authorities
    will continue to combat illegal activities", "President Biden will act to protect American
    and coalition personnel", "We will use the full force of the law"). A threat on a
    condition stays conditional (its own rule); a forceful response announced ("Treasury will
    forcefully respond") is another rule's and stays future. Force told ahead (rule
    force-told-ahead-is-a-threat: "we will use the full force of the law") is a threat made as
    well; force that only might be used ("might use force") is not announced and keeps the
    modality its words give."""
    if draft.kind != "THREATEN" or draft.modality not in AHEAD_MODALITIES:
        return False
    announced = ANNOUNCED_THREAT in draft.modality_why and draft.modality == "future"
    told_ahead = (
        FORCE_TOLD_AHEAD in draft.candidate.rules and FORCE_MIGHT not in draft.candidate.why
    )
    if not (announced or told_ahead):
        return False
    draft.modality = "asserted"
    draft.modality_why = [*draft.modality_why, "a threat announced is made when it is said"]
    return True


# A class of actors defined by what they may do: "those who obstruct the peace", "anyone who
# breaks the truce" (class_words in triggers.json). Punishment promised to such a class falls
# on no one yet: it is a warning.
PUNISHMENT_TYPES = {"SANCTION", "COERCE", "ASSAULT"}
AIMING_PREPS = {"against", "on", "upon", "for"}


def _punishment_for_a_class(draft: EventDraft, coder: Coder) -> bool:
    if draft.modality != "future" or draft.kind not in PUNISHMENT_TYPES:
        return False
    if not any(
        _is_a_class_by_its_deeds(word, coder.lexicon) for word in _aimed_at(draft.candidate)
    ):
        return False
    return _as_threat(draft, coder, "punishment promised to whoever does a deed is a warning")


def _aimed_at(candidate: Candidate) -> list[Token]:
    """The words a punitive act is aimed at: its direct object and the objects of "against",
    "on" hanging on its trigger or on its verb ("enforce its sanctions against those who")."""
    heads = dict.fromkeys([candidate.token, candidate.predicate])
    aimed = [c for h in heads for c in children_of(h) if c.dep_ in {"dobj", "nsubjpass"}]
    aimed += [
        pobj
        for word in [*heads, *aimed]
        for prep in children_of(word)
        if prep.dep_ == "prep" and prep.lower_ in AIMING_PREPS
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
    ]
    return aimed


def _is_a_class_by_its_deeds(word: Token, lexicon: Lexicon) -> bool:
    """ "those who facilitate this trade", "anyone who breaks the truce", "any party that
    violates": a class word (or "any" before a noun) with a relative clause."""
    classed = word.lower_ in lexicon.words("class_words") or any(
        c.dep_ == "det" and c.lower_ == "any" for c in children_of(word)
    )
    return classed and any(c.dep_ in {"relcl", "acl"} for c in children_of(word))


def _promised_act(draft: EventDraft, coder: Coder) -> bool:
    candidate, kind = draft.candidate, draft.kind
    signing = kind == "SUPPORT" and lemma_of(candidate.token, coder.lexicon) in coder.lexicon.words(
        "signing_verbs"
    )
    if draft.modality not in {"future", "conditional"} or (
        kind not in INTENT_TYPES and not signing
    ):
        return False
    first_reading = draft.alternative[0] if draft.alternative else candidate.entry.type
    if first_reading != kind:
        return False
    if draft.modality_why == ["forecast"]:
        return False  # "Israel is expected to free 600 prisoners": told of it, not promised
    ready = draft.modality_why == ["readiness"]
    if kind == "CONSULT" and is_nounlike(candidate.token, coder.lexicon) and not ready:
        return False  # "X will visit Y" promises a meeting; "a summit would take place" plans one
    draft.kind, draft.mode = "AGREE", None
    draft.modality_why = [*draft.modality_why, "a promised or offered cooperative act is an AGREE"]
    return True


def _commitment_made_is_agreed(draft: EventDraft, coder: Coder) -> bool:
    """An AGREE told as made, by a verb or a noun ("reached a deal", "a pledge made by
    Japan"), is coded `agreed` as "agreed to" is: the labels' convention for AGREE."""
    if draft.kind != "AGREE" or draft.modality != "asserted":
        return False
    draft.modality = "agreed"
    draft.modality_why = [*draft.modality_why, "a commitment made is agreed"]
    return True


# --- event rules: targets -----------------------------------------------------------------------


def _condition_subject_is_target(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "THREATEN" or draft.targets:
        return False
    draft.targets = condition_subjects(draft.candidate, draft.index, draft.source_ids())
    if not draft.targets:
        return False
    draft.actor_why = [*draft.actor_why, "subject of the condition is the target"]
    return True


def _own_forces_not_target(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind not in OWN_FORCES_TYPES or not draft.sources:
        return False
    kept = [t for t in draft.targets if not own_forces(t, draft.sources)]
    if draft.kind == "THREATEN":  # "the envoy warned that Washington would impose sanctions"
        kept = [t for t in kept if not _speakers_state(t, draft.sources)]
    if draft.kind == "MOBILIZE":  # "Kenya deployed 400 police officers to Haiti": Kenya's
        kept = [t for t in kept if not _forces_sent(t, draft.candidate.predicate)]
    fired = len(kept) != len(draft.targets)
    draft.targets = kept
    return fired


SENT_SECTORS = {"MIL", "COP"}


def _forces_sent(target: ActorMention, predicate: Token) -> bool:
    """Unnamed forces a state sends or deploys ("deployed 400 police officers to Haiti") are
    its own, whatever country the scene gave them."""
    actor = target.actor
    if actor.sector not in SENT_SECTORS or actor.kind != "group":
        return False
    return any(
        c.dep_ == "dobj" and target.start <= c.idx < target.end for c in children_of(predicate)
    )


def _deployed_forces_mobilise(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "MOBILIZE" or draft.sources:
        return False
    predicate = draft.candidate.predicate
    deployed = [
        m
        for m in draft.targets
        if m.actor.sector in MOBILISED_SECTORS
        and any(c.dep_ == "nsubjpass" and m.start <= c.idx < m.end for c in children_of(predicate))
    ]
    if not deployed:
        return False
    return draft.make_sources(deployed, "the forces deployed are the ones mobilised")


HEADLINE_MAX_TOKENS = 12


def _headline_subject(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.kind not in ACTORLESS_TYPES:
        return False
    token = draft.candidate.token
    sentence = sentence_of(token)
    headline = len(sentence) <= HEADLINE_MAX_TOKENS and sentence[-1].text not in SENTENCE_END_MARKS
    opening = sentence[0]
    if not headline or opening.i >= token.i or opening.pos_ not in {"NOUN", "PROPN"}:
        return False
    named = [m for m in draft.index.at(opening) if m.actor.id not in draft.target_ids()]
    if not named:
        return False
    return draft.make_sources(named, f"the headline opens with its doer '{opening.text}'")


def _reaction_from_reactors(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    verb = candidate.predicate
    reaction = candidate.token is not verb and lemma_of(verb, coder.lexicon) in coder.lexicon.words(
        "reaction_verbs"
    )
    if draft.kind not in REACTION_TYPES or not reaction:
        return False
    phrases = objects_of_preposition(verb, "from") + objects_of_preposition(candidate.token, "from")
    # "drew criticism from the United Nations and Egypt": whom "from" names reacts, though the
    # phrase hangs on the verb as a place would (core_mentions passes over a place)
    named = [m for p in phrases for c in conjuncts(p) for m in draft.index.at(c)]
    reactors = unique_mentions(named or [m for p in phrases for m in core_mentions(p, draft.index)])
    subjects = [c for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    # "the killing of three aid workers by Israeli forces drew condemnation": its doers
    doers = perpetrators_in(subjects, draft.index, set()) if draft.kind == "ACCUSE" else []
    drawn = doers or unique_mentions(m for s in subjects for m in core_mentions(s, draft.index))
    draft.targets = drawn
    return draft.make_sources(reactors, "the reaction comes from whom 'from' names")


def _received_from_the_caller(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    verb = candidate.predicate
    if draft.kind != "CONSULT" or lemma_of(verb, coder.lexicon) != "receive":
        return False
    phrases = objects_of_preposition(verb, "from") + objects_of_preposition(candidate.token, "from")
    callers = unique_mentions(m for p in phrases for m in core_mentions(p, draft.index))
    if not callers:
        return False
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    draft.targets = unique_mentions(m for s in subjects for m in core_mentions(s, draft.index))
    return draft.make_sources(callers, "a call received comes from whom 'from' names")


def _subject_acted_on(draft: EventDraft, kind: str) -> list[ActorMention]:
    """The subject of an act of ``kind`` the lexicon says falls on its subject ("Turkey is
    under EU sanctions", "two activists are in police custody"), or none."""
    candidate = draft.candidate
    if draft.kind != kind or not candidate.entry.subject_is_target:
        return []
    subjects = [c for c in children_of(candidate.predicate) if c.dep_ == "nsubj"]
    return unique_mentions(m for s in subjects for m in core_mentions(s, draft.index))


def _sanctioned_subject_is_target(draft: EventDraft, coder: Coder) -> bool:
    sanctioned = _subject_acted_on(draft, "SANCTION")
    if not sanctioned:
        return False
    ids = {m.actor.id for m in sanctioned}
    draft.sources = [m for m in draft.sources if m.actor.id not in ids]
    draft.targets = sanctioned
    return True


def _detained_subject_is_target(draft: EventDraft, coder: Coder) -> bool:
    detained = _subject_acted_on(draft, "COERCE")
    ids = {m.actor.id for m in detained}
    if not ids & draft.source_ids():
        return False
    draft.sources = [m for m in draft.sources if m.actor.id not in ids]
    draft.targets = unique_mentions([*draft.targets, *detained])
    return True


def _the_freed_who_came_home(draft: EventDraft, coder: Coder) -> bool:
    """The held who came home ("soldiers held in Armenia returned home") were freed: they are
    the release's targets, and whoever held them ("in Armenia", "from Russian captivity") its
    source; no one else named in the sentence freed them."""
    candidate = draft.candidate
    if draft.kind != "RETREAT" or not candidate.entry.subject_is_held:
        return False
    held = held_subjects(candidate.predicate, coder.lexicon)
    freed = unique_mentions(m for s in held for m in core_mentions(s, draft.index))
    holders = [
        mention
        for subject in held
        for participle in children_of(subject)
        if participle.dep_ == "acl"
        for place in objects_of_preposition(participle, "in")
        for mention in draft.index.at(place)
    ]
    holders += [
        mention
        for prison in objects_of_preposition(candidate.predicate, "from")
        for mention in core_mentions_modifiers(prison, draft.index)
    ]
    draft.targets = freed
    draft.sources = unique_mentions(holders)
    draft.actor_why = [*draft.actor_why, "the held who came home were freed"]
    return True


def _met_with_its_partners(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    if SPOKEN_IN_A_MEETING not in candidate.why:
        return False
    partners = meeting_partners(candidate.token, draft.index, coder.lexicon)
    source_ids = draft.source_ids()
    draft.targets = [m for m in partners if m.actor.id not in source_ids]
    return True


def _taken_from_its_holder(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    verb = candidate.predicate
    if draft.targets or draft.kind not in {"ASSAULT", "COERCE"}:
        return False
    if lemma_of(verb, coder.lexicon) not in coder.lexicon.words("capture_verbs"):
        return False
    holders = unique_mentions(  # not core_mentions: "from" reads as a place after a verb
        m
        for p in objects_of_preposition(verb, "from")
        for word in conjuncts(p)
        for m in draft.index.at(word)
    )
    source_ids = draft.source_ids()
    holders = [m for m in holders if m.actor.id not in source_ids]
    if not holders:
        return False
    draft.targets = holders
    draft.actor_why = [*draft.actor_why, "taken from whom 'from' names"]
    return True


def _accused_are_perpetrators(draft: EventDraft, coder: Coder) -> bool:
    if (
        draft.kind != "ACCUSE"
        or reciprocal_object(draft.candidate.predicate, coder.lexicon) is not None
    ):
        return False  # "accused each other of violating a truce signed by X": named as targets
    heads = [draft.candidate.token, *draft.objects(coder)]
    perpetrators = perpetrators_in(heads, draft.index, draft.source_ids())
    if not perpetrators:
        return False
    draft.targets = perpetrators
    return True


def _restriction_falls_on_people(draft: EventDraft, coder: Coder) -> bool:
    if not draft.imposes_restriction(coder):
        return False
    people = [people_of_city(m, coder.dictionary) for m in draft.targets]
    fired = any(new is not old for new, old in zip(people, draft.targets, strict=True))
    draft.targets = people
    return fired


def _aid_goes_to_whom_it_helps(draft: EventDraft, coder: Coder) -> bool:
    """Rule "aid-goes-to-whom-it-helps": aid given "to support Sudan and neighboring
    countries", "to support Colombia's efforts", "to help those affected by the conflict in
    Syria" goes to whom its purpose clause helps: the object of the helping verb, else who
    that object's phrase names."""
    if draft.kind != "AID" or draft.targets:
        return False
    candidate = draft.candidate
    helped = [
        obj
        for word in dict.fromkeys((candidate.predicate, candidate.token))
        for clause in children_of(word)
        if clause.dep_ == "advcl"
        and is_to_infinitive(clause)
        and lemma_of(clause, coder.lexicon) in coder.lexicon.words("helping_verbs")
        for obj in children_of(clause)
        if obj.dep_ == "dobj"
    ]
    source_ids = draft.source_ids()
    found = [m for obj in helped for m in core_mentions(obj, draft.index)]
    if not found:
        found = [m for obj in helped for t in obj.subtree for m in draft.index.at(t)]
    found = [m for m in unique_mentions(found) if m.actor.id not in source_ids]
    if not found:
        return False
    draft.targets = found
    draft.actor_why = [*draft.actor_why, "aid goes to whom it is to help"]
    return True


def _it_is_the_object_before(draft: EventDraft, coder: Coder) -> bool:
    if draft.targets:
        return False
    stand_ins = [found for o in draft.objects(coder) if (found := object_it_stands_for(o))]
    source_ids = draft.source_ids()
    named = [  # "the Turkish-Libyan agreement": the parties it is between
        m
        for word in stand_ins
        for m in (
            *core_mentions(word, draft.index),
            *joint_participants(word, draft.index, coder.lexicon),
        )
    ]
    targets = unique_mentions(m for m in named if m.actor.id not in source_ids)
    if not targets:
        return False
    draft.targets = targets
    draft.actor_why = [*draft.actor_why, "'it' stands for the object before"]
    return True


def _actor_inside_object(draft: EventDraft, coder: Coder) -> bool:
    if draft.targets:
        return False
    targets = nested_targets(
        draft.candidate, draft.objects(coder), draft.index, draft.source_ids(), coder.lexicon
    )
    if draft.kind in OWN_FORCES_TYPES:
        targets = [t for t in targets if not own_forces(t, draft.sources)]
    draft.targets = targets
    if not targets:
        return False
    draft.actor_why = [*draft.actor_why, "actor named inside the object"]
    return True


def _the_broker_is_no_party(draft: EventDraft, coder: Coder) -> bool:
    """Rule "the-broker-is-no-party": who brokered a deal is not a party to it; the act it
    brokers has no target in it, and the brokering itself is by it."""
    if not draft.targets:
        return False
    sentence = sentence_of(draft.candidate.token)
    spans = [(m.start, m.end) for m in broker_mentions(sentence, draft.index)]
    brokers = [t for t in draft.targets if (t.start, t.end) in spans]
    if not brokers:
        return False
    if is_broker_verb(draft.candidate.token) and not draft.sources:
        return draft.make_sources(brokers, "who brokered it is its source")
    draft.targets = [t for t in draft.targets if t not in brokers]
    draft.actor_why = [*draft.actor_why, "who brokered it is no party"]
    return True


def _place_in_object_is_target(draft: EventDraft, coder: Coder) -> bool:
    if any(m.actor.country for m in draft.targets) or draft.kind in {"CONSULT"}:
        return False  # a target of no known country ("the Esfahan facility") keeps its place
    draft.inferred_targets = object_place_targets(
        draft.candidate,
        draft.objects(coder),
        draft.sources,
        draft.imposes_restriction(coder),
        coder.dictionary,
        coder.gazetteer,
        coder.lexicon.civilian_sites if draft.kind in {"ASSAULT", "THREATEN"} else frozenset(),
        scene=lambda: draft.place,
    )
    if not draft.inferred_targets:
        return False
    place = draft.inferred_targets[0].text
    draft.actor_why = [*draft.actor_why, f"target inferred from the place {place}"]
    return True


def _place_is_target(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind not in PLACE_TARGET_TYPES or draft.targets or draft.inferred_targets:
        return False
    token = draft.candidate.token
    if lemma_of(token, coder.lexicon) in CLASH_WORDS or token.lower_ in DYAD_WORDS | DYAD_DASHES:
        # fought between sides, not on the place: "Indian and Chinese troops clashed" (every
        # party a source, PLOVER), "Fighting continued in Khartoum" (no side named), "Arakan
        # Army vs Tatmadaw, Ann (Rakhine): 35 deaths" (a dyad line's place is where they fought)
        return False
    place = draft.place
    if place is None or not place.country:
        return False
    if _weapons_brought_down(draft, coder):
        return False  # "shot down 20 drones over Kharkiv": the drones were hit, not the city
    target = coder.dictionary.state(place.country)
    source_ids = draft.source_ids() | {ref.actor_id for ref in draft.inferred_sources}
    own_forces = any(
        m.actor.country == place.country and m.actor.sector in HOME_FORCE_SECTORS
        for m in draft.sources
    )
    if own_forces and draft.kind == "RETREAT":
        return False  # "Ukrainian troops pulled out of Avdiivka": a retreat at home, on no one
    if target.id in source_ids or own_forces or _civilians_hit(draft, coder):
        # a state, its police or its army acting on its own soil ("lifted the state of
        # emergency in Darfur", "police fired tear gas in Kampala") acts on its people, not on
        # itself; so does any act whose victims are civilians named by what they are
        target = coder.dictionary.group(place.country, "CVL")
    draft.inferred_targets = (inferred_ref(target, place.text),)
    draft.inference_why.append(f"target inferred from the place {place.name}")
    return True


def _relief_for_the_people(draft: EventDraft, coder: Coder) -> bool:
    """Rule "relief-in-a-place-is-for-its-people": aid whose target a place rule gave as the
    place's state, and whose goods are relief ("dropping food and supplies into isolated parts
    of Aceh province", "providing vital humanitarian relief supplies ... in Cabo Delgado", "an
    airlift of 31 tons of relief supplies in Syria"; data: relief_goods), goes to the people
    (CVL) of that place: they eat and shelter by it, the state is not its recipient (PLOVER
    AID's target is the recipient). Money, loans and arms keep the state."""
    if draft.kind != "AID" or draft.targets or not draft.inferred_targets:
        return False
    states = [ref for ref in draft.inferred_targets if ref.sector == "GOV" and ref.country]
    if len(states) != len(draft.inferred_targets):
        return False
    goods = _goods_words(draft.candidate)
    lemmas = {lemma_of(word, coder.lexicon) for word in goods} | {w.lower_ for w in goods}
    if not lemmas & coder.lexicon.relief_goods or lemmas & coder.dictionary.nouns.weapons:
        return False
    people = [coder.dictionary.group(ref.country, "CVL") for ref in states]
    draft.inferred_targets = tuple(
        inferred_ref(group, ref.text) for group, ref in zip(people, states, strict=True)
    )
    draft.inference_why.append(f"relief given in a place: {people[0].name}")
    return True


def _goods_words(candidate: Candidate) -> list[Token]:
    """The nouns naming what an act gives: the trigger noun's own words ("relief supplies",
    "an airlift of 31 tons of relief supplies"), else its verb's object ("dropping food and
    supplies")."""
    trigger, predicate = candidate.token, candidate.predicate
    heads = [trigger] if trigger.pos_ == "NOUN" else []
    heads += [c for c in children_of(predicate) if c.dep_ == "dobj"]
    return [t for head in heads for t in head.subtree if t.pos_ in {"NOUN", "ADJ"}]


def _homes_hit(draft: EventDraft, coder: Coder) -> bool:
    """Rule "the-homes-hit-are-the-peoples": an attack whose only victims the sentence names
    are what people live, pray, trade or travel in ("Ethnic Albanians have set Serb homes and
    churches on fire", "a passenger train was bombed in Baluchistan province", "suspected Boko
    Haram fighters attacked Cameroonian villages") hit the people (CVL) of the place where it
    happened, else of the country the words themselves name, not its state; marked inferred."""
    if draft.kind != "ASSAULT" or draft.targets or draft.inferred_targets:
        return False
    victims = _victim_words(draft.candidate, coder.lexicon)
    objects = coder.lexicon.civilian_objects
    if not victims or not all(lemma_of(v, coder.lexicon) in objects for v in victims):
        return False
    place = draft.place
    if place is not None and place.country:
        country, text = place.country, place.text
    else:  # "Cameroonian villages": the country their nationality names
        demonyms = coder.dictionary.country_by_demonym
        named = {
            (demonyms[fold(m.text)], m.text)
            for victim in victims
            for m in children_of(victim)
            if m.dep_ in {"amod", "compound"} and m.i < victim.i and fold(m.text) in demonyms
        }
        if len({code for code, _ in named}) != 1:
            return False
        country, text = min(named)
    people = coder.dictionary.group(country, "CVL")
    draft.inferred_targets = (inferred_ref(people, text),)
    words = " and ".join(v.text for v in victims)
    draft.inference_why.append(f"'{words}' hit: {people.name}")
    return True


def _civilians_hit(draft: EventDraft, coder: Coder) -> bool:
    """Rule "the-people-hit-are-the-places-people": an attack, arrest or release whose
    victims the sentence names only by what they are, and that is civilians ("two men and
    three women were killed in a night raid in Gardez", "released more than a hundred
    hostages", "the arrests of several demonstrators in Aungban"), fell on the place's
    people, not on its state; soldiers, police or officials so named are no civilians."""
    if draft.kind not in {"ASSAULT", "COERCE", "RETREAT"}:
        return False
    nouns = coder.dictionary.nouns
    victims = _victim_words(draft.candidate, coder.lexicon)
    return bool(victims) and all(
        nouns.sector_of(nouns.nationality, victim) == "CVL" for victim in victims
    )


def _victim_words(candidate: Candidate, lexicon: Lexicon) -> list[Token]:
    """The words naming whom an act fell on: the object or passive subject of its verb, the
    "of" phrase of its noun ("the arrests of several demonstrators"), whom its consequence
    clause harmed ("a drone attack that killed three civilians"), with their conjuncts ("two
    men and three women")."""
    trigger, predicate = candidate.token, candidate.predicate
    heads = [c for c in children_of(predicate) if c.dep_ in {"dobj", "nsubjpass"}]
    if trigger.pos_ == "NOUN":
        heads = objects_of_preposition(trigger, "of")
    heads = [*heads, *consequence_objects(candidate, lexicon)]
    return [word for head in heads for word in (head, *head.conjuncts)]


def _weapons_brought_down(draft: EventDraft, coder: Coder) -> bool:
    """The act's object is a weapon or an aircraft ("shot down 20 drones", "intercepted
    missiles", "30 of the 40 missiles"): air defence over a place hits what flies over it,
    not the place's people."""
    lexicon = coder.lexicon
    objects = [c for c in children_of(draft.candidate.predicate) if c.dep_ == "dobj"]
    counted = [  # "shot down 30 of the 40 missiles"
        pobj
        for obj in objects
        if obj.pos_ == "NUM" or obj.lower_ in {"most", "all", "some", "many", "several"}
        for prep in children_of(obj)
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
    ]
    return any(lemma_of(c, lexicon) in lexicon.weapon_modes for c in (*objects, *counted))


CLASH_WORDS = {"clash", "fight", "fighting", "battle", "skirmish", "exchange"}


def _unidentified_attacker(draft: EventDraft, coder: Coder) -> bool:
    unclaimed = draft.kind == "ASSAULT" and draft.mode in UNCLAIMED_ATTACK_MODES
    if not unclaimed or draft.sources or draft.inferred_sources:
        return False
    place = draft.place
    if place is not None and place.country:
        country, text, name = place.country, place.text, place.name
    elif _target_country(draft):
        # "an attempt to kill the deputy governor of the Tyumen region": no place is named but
        # the target's, and it names the country
        country, text = _target_country(draft)
        name = text
    else:
        return False
    attacker = coder.dictionary.group(country, "UAF")
    draft.inferred_sources = (inferred_ref(attacker, text),)
    draft.inference_why.append(f"unclaimed attack: source is an unidentified armed force in {name}")
    return True


WAR_WORDS = CLASH_WORDS | {"war", "conflict", "hostility", "combat"}  # fighting with no doer


def _clash_of_the_storys_sides(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "ASSAULT" or draft.sources or draft.inferred_sources:
        return False
    clash = _sideless_clash(draft, coder)
    if clash is None:
        return False
    sides = story_sides(draft.index.mentions, coder.dictionary)
    if len(sides) != 2:
        return False
    draft.inferred_sources = tuple(inferred_ref(side, clash.text) for side in sides)
    draft.inference_why.append(f"'{clash.text}' names no side: the story's two sides")
    return True


def _sideless_clash(draft: EventDraft, coder: Coder) -> Token | None:
    """The word of fighting that tells the act with no one named on it: the trigger itself
    ("Fighting continued Thursday", "a fresh exchange of artillery fire"), when no target is
    named either, or the subject of what it did ("A six-week war in 2020 killed more than
    6,600 people": its victims are targets)."""
    token = draft.candidate.token
    if lemma_of(token, coder.lexicon) in WAR_WORDS:
        return None if draft.targets else token
    subject = next((c for c in children_of(token) if c.dep_ == "nsubj"), None)
    if subject is not None and lemma_of(subject, coder.lexicon) in WAR_WORDS:
        return subject
    return None


def _unnamed_protesters(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "PROTEST" or draft.sources or draft.inferred_sources:
        return False
    place = draft.place
    if place is None or not place.country:
        return False
    crowd = coder.dictionary.group(place.country, "CVL")
    draft.inferred_sources = (inferred_ref(crowd, place.text),)
    draft.inference_why.append(f"protesters unnamed: the people of {place.name}")
    return True


def _detention_by_the_state(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "COERCE" or draft.mode not in DETENTION_MODES:
        return False
    if draft.sources or draft.inferred_sources:
        return False
    place = draft.place
    if place is not None and place.country:
        country, text = place.country, place.text
    elif _target_country(draft):
        country, text = _target_country(draft)
    else:
        return False
    state = coder.dictionary.state(country)
    draft.inferred_sources = (inferred_ref(state, text),)
    draft.inference_why.append(f"detained by no one named: {state.name} detains")
    return True


def _target_country(draft: EventDraft) -> tuple[str, str] | None:
    """The one country of an event's targets (named or inferred), with the words naming it."""
    named = [(m.actor.country, m.text) for m in draft.targets if m.actor.country]
    inferred = [(ref.country, ref.text) for ref in draft.inferred_targets if ref.country]
    found = named or inferred
    if not found or len({country for country, _ in found}) != 1:
        return None
    return found[0]


# --- article rules ------------------------------------------------------------------------------


def _restatement(found: ArticleDraft, coder: Coder) -> bool:
    before = len(found.events)
    words = RestatementWords(
        tally_stems=coder.lexicon.tally_stems,
        saying=coder.lexicon.saying("restated"),
        referring_rule=DEFINITE_MENTION_RULE,
        offices=coder.dictionary.offices,
    )
    found.events = merge_restatements(found.events, RESTATEMENT_RULE, words)
    _lone_tolls_of_unrest(found)
    return len(found.events) != before


TOLL_OF_UNREST_RULE = "a-toll-of-unrest-sums-many-acts"


def _toll_of_unrest(draft: EventDraft, coder: Coder) -> bool:
    return draft.kind == "ASSAULT" and is_a_toll_of_an_episode(
        draft.candidate.predicate, coder.lexicon
    )


def _lone_tolls_of_unrest(found: ArticleDraft) -> None:
    """Rule a-lone-toll-of-unrest-is-no-act, run by restatement-is-one-event once it has merged:
    a toll of a spell of unrest that restates no act told before (it has no other mention) sums
    up acts the report does not tell one by one."""
    found.events = [e for e in found.events if e.mentions or TOLL_OF_UNREST_RULE not in rules_of(e)]


JUDGED_ACT_RULE = "a-judged-act-falls-on-its-doers"
STANCE_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}
ACT_NOUNS = {"move", "decision", "step", "action", "proclamation", "announcement", "conversion"}
VIOLENCE_NOUNS = {  # "condemned the attack", "called the strike a war crime": an attack told before
    "attack", "attacks", "strike", "strikes", "bombing", "bombings", "shelling", "raid", "raids",
    "assault", "offensive", "invasion", "incursion", "massacre", "killing", "killings",
    "operation", "shooting", "stabbing",
}  # fmt: skip
MEETING_NOUNS = {"meeting", "talks", "summit", "visit", "negotiations"}  # "welcomed the meeting"
PROPOSAL_NOUNS = {"demand", "demands", "proposal", "offer", "request", "plan", "ultimatum"}
PROPOSAL_TYPES = {"REQUEST", "AGREE", "THREATEN"}  # "rejected the demand": whoever made it
_JUDGED = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,3}?("
    + "|".join(
        sorted(SETTLEMENT_NOUNS | ACT_NOUNS | VIOLENCE_NOUNS | MEETING_NOUNS | PROPOSAL_NOUNS)
    )
    + r")\b",
    re.IGNORECASE,
)
# "The operation was condemned by the EU": the act judged is the passive's subject, right before
_JUDGED_PASSIVE = re.compile(
    _JUDGED.pattern + r"\s+(?:was|were|has been|have been|had been)\s+(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)


# "said the release is not in line with the deal": the act judged is the subject, right before
_JUDGED_SUBJECT = re.compile(
    rf"\b(?:{'|'.join(sorted(DEFINITE_DETERMINERS))})\s+(?:[\w.-]+\s+){{0,3}}?([\w-]+)\s*$",
    re.I,
)
JUDGED_CLASSES = SETTLEMENT_NOUNS | ACT_NOUNS | VIOLENCE_NOUNS | MEETING_NOUNS | PROPOSAL_NOUNS


def _judged_act(found: ArticleDraft, coder: Coder) -> bool:
    """Rule "a-judged-act-falls-on-its-doers": "Mitsotakis denounced the border agreement",
    "USCIRF also criticized the move", "Iraq characterized the attack as a violation of its
    sovereignty": a stance on an act the article told before, with no target of its own, falls
    on those who did that act (the parties to the agreement, the attackers, the maker of the
    move), marked inferred."""
    changed = False
    events = found.events
    for position, event in enumerate(events):
        if event.type not in STANCE_TYPES or event.targets or not event.sources:
            continue
        judged = _judged_noun(event)
        if judged is None:
            continue
        judged, modifiers = judged
        doers = _doers_of_judged_act(events, event, judged, modifiers)
        if not doers:
            continue
        note = f"target: who did the {judged} told before"
        why = why_with_rule(event.evidence.why, note, JUDGED_ACT_RULE)
        events[position] = replace(event, targets=doers, evidence=replace(event.evidence, why=why))
        changed = True
    return changed


JUDGED_LEAD = 1  # the first line (a headline, or the lead) and the sentence after it


def _first_told(event: Event) -> int:
    return min(m.sentence_index for m in event.all_evidence())


def _told_in_the_lead(event: Event) -> bool:
    return _first_told(event) <= JUDGED_LEAD


def _judged_noun(event: Event) -> tuple[str, list[str]] | None:
    """The act noun a stance's sentence names after its trigger ("denounced the border
    agreement"), or as the subject of its passive ("the operation was condemned by the EU"),
    with the words that describe it ("border"), if any."""
    evidence = event.evidence
    after = evidence.sentence[max(0, evidence.end - evidence.sentence_start) :]
    before = evidence.sentence[: max(0, evidence.start - evidence.sentence_start)]
    match = _JUDGED.search(after[:80]) or _JUDGED_PASSIVE.search(before)
    if match is None and JUDGED_BEFORE_WHY in evidence.why:
        match = _JUDGED_SUBJECT.search(before)  # "said the release is not in line with ..."
    if match is None:
        return None
    words = match.group(0)[: match.end(1) - match.start(0)].lower().split()[1:-1]
    return match.group(1).lower(), [w for w in words if len(w) > 3]


def _doers_of_judged_act(
    events: list[Event], stance: Event, noun: str, modifiers: list[str]
) -> tuple[ActorRef, ...]:
    """The sources of the event the noun names: the nearest agreement before it (else the first
    after it, the background a lead leaves for later) for a deal noun, the latest attack told
    before it for "the attack" or "the strike" (one told by that same noun first), the latest
    meeting of parties for "the talks", the latest demand or offer for "the demand", the
    latest act by others told before it for "the move"."""
    own = {ref.actor_id for ref in stance.sources}
    start = stance.evidence.start
    before = [e for e in events if e is not stance and e.evidence.start < start]
    after = [e for e in events if e is not stance and e.evidence.start > start]
    # a deal may be explained after the lead that judges it; a "move" is one told before
    candidates = [*reversed(before), *(after if noun in SETTLEMENT_NOUNS else [])]
    # "condemned the strike": the act told by that noun first, before any other attack; then
    # the story's own act, the one its lead tells ("condemned the killings" after a lead on
    # a massacre and a later line on the army killing some attackers)
    named = [e for e in candidates if e.trigger.lower().rstrip("s") == noun.rstrip("s")]
    if noun not in JUDGED_CLASSES:  # "the release": only an act told by that word ("releasing")
        named = candidates = [e for e in candidates if _same_word(e.trigger, noun)]
    lead = sorted((e for e in candidates if _told_in_the_lead(e)), key=_first_told)
    for event in [*named, *lead, *candidates]:
        if noun in SETTLEMENT_NOUNS and event.type not in {"AGREE", "SUPPORT"}:
            continue
        if noun in VIOLENCE_NOUNS and event.type != "ASSAULT":
            continue
        if noun in MEETING_NOUNS and not _a_meeting_of_parties(event):
            continue
        if noun in PROPOSAL_NOUNS and event.type not in PROPOSAL_TYPES:
            continue
        told = event.evidence.sentence.lower()
        if modifiers and not any(word in told for word in modifiers):
            continue  # "the border agreement" is not the pipeline deal told before it
        doers = tuple(
            replace(ref, inferred=True) for ref in event.sources if ref.actor_id not in own
        )
        if doers:
            return doers
    return ()


def _same_word(trigger: str, noun: str) -> bool:
    """Do a trigger and a noun name the act by one word ("releasing", "the release";
    "strikes", "the strike")?"""
    return _word_stem(trigger) == _word_stem(noun)


def _word_stem(word: str) -> str:
    """A word without its plural, then its -ing, -ed or -e ("killings", "killing" -> "kill")."""
    word = word.lower()
    if word.endswith("s") and len(word) > 4:
        word = word[:-1]
    for ending in ("ing", "ed", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


MEDIATION_RULE = "a-mediation-is-between-the-parties"
SETTLING_TYPES = {"AGREE", "SUPPORT", "CONSULT"}  # a deal agreed or signed, talks held
MEDIATED_DEAL_SENTENCES = 3  # how far back a deal a mediation names no party of may be told


def _is_mediation(event: Event) -> bool:
    return event.type == "CONSULT" and (
        event.mode == "third-party" or event.trigger.lower().startswith(BROKER_STEMS)
    )


def _mediations_between_parties(found: ArticleDraft, coder: Coder) -> bool:
    """Rule "a-mediation-is-between-the-parties": "signed at talks in Addis Ababa, with the
    help of mediators from IGAD", "the UN is attempting to mediate the conflict, with Congo's
    president accusing Rwanda": a mediation that names no party is between the sides of the
    acts its own sentence tells (else of the deal told just before it), marked inferred; the
    mediator is never one of them."""
    changed = False
    events = found.events
    for position, event in enumerate(events):
        if not _is_mediation(event) or event.targets or not event.sources:
            continue
        parties = _parties_mediated(events, event)
        if not parties:
            continue
        note = "target: the parties of what is mediated"
        why = why_with_rule(event.evidence.why, note, MEDIATION_RULE)
        evidence = replace(event.evidence, why=why)
        events[position] = replace(event, targets=parties, evidence=evidence)
        changed = True
    return changed


def _parties_mediated(events: list[Event], mediation: Event) -> tuple[ActorRef, ...]:
    """The sides named by the other acts of the mediation's sentence, else the sources of the
    nearest deal or talks told in the few sentences before it; never the mediator."""
    mediators = {ref.actor_id for ref in mediation.sources}
    sentence = mediation.evidence.sentence_index
    beside = [
        e
        for e in events
        if e is not mediation
        and not _is_mediation(e)
        and any(m.sentence_index == sentence for m in e.all_evidence())
    ]
    sides = [
        ref
        for e in beside
        for ref in (*e.sources, *e.targets)
        if not ref.inferred and ref.actor_id not in mediators
    ]
    before = [
        e
        for e in events
        if e.type in SETTLING_TYPES
        and not _is_mediation(e)
        and sentence - MEDIATED_DEAL_SENTENCES <= e.evidence.sentence_index < sentence
    ]
    for deal in reversed(before):
        if sides:
            break
        sides = [ref for ref in deal.sources if not ref.inferred and ref.actor_id not in mediators]
    return _named_once_as_inferred(sides)


ROUND_SENTENCES = 3  # how far back the talks a round belongs to may be told


def _rounds_of_talks(found: ArticleDraft, coder: Coder) -> bool:
    """Rule "a-round-of-talks-is-between-the-sides-told": a round of talks that names no party ("A
    second round of talks is slated for December", "He says their first round of talks hit an
    impasse", "wrapped up a fourth round of peace talks ..., agreeing to hold further
    negotiations") is between the sides of the other acts of its sentence, else of the
    talks told in the few sentences before it, else of the act told in the sentence just
    before it, marked inferred; one with no such sides is dropped (a meeting needs its
    parties)."""
    changed = False
    events = found.events
    for event in list(events):
        if event.sources or event.targets or ROUND_RULE not in event.evidence.why:
            continue
        sides = _sides_of_the_round(events, event)
        position = events.index(event)
        changed = True
        if sides is None:
            del events[position]
            continue
        sources, targets = sides
        note = "parties: the sides told around it"
        why = why_with_rule(event.evidence.why, note, ROUND_SIDES_RULE)
        events[position] = replace(
            event, sources=sources, targets=targets, evidence=replace(event.evidence, why=why)
        )
    return changed


def _sides_of_the_round(
    events: list[Event], talks: Event
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]] | None:
    """The sources and targets a round of talks takes from the acts told around it."""
    sentence = talks.evidence.sentence_index
    inferred = _named_once_as_inferred
    beside = [e for e in events if e is not talks and e.evidence.sentence_index == sentence]
    own = inferred([ref for e in beside for ref in e.sources])
    if own:
        return own, ()
    before = [
        e
        for e in events
        if _a_meeting_of_parties(e)
        and not _is_mediation(e)
        and sentence - ROUND_SENTENCES <= e.evidence.sentence_index < sentence
    ]
    if before:
        return inferred(before[-1].sources), inferred(before[-1].targets)
    just_before = [
        e for e in events if e.evidence.sentence_index == sentence - 1 and e.sources and e.targets
    ]
    if just_before:
        return inferred(just_before[-1].sources), inferred(just_before[-1].targets)
    return None


def _named_once_as_inferred(refs: Sequence[ActorRef]) -> tuple[ActorRef, ...]:
    """The actors ``refs`` name (not those inferred), each once, marked inferred: the parties
    an act takes from the acts told around it."""
    unique = {ref.actor_id: ref for ref in refs if not ref.inferred}
    return tuple(replace(ref, inferred=True) for ref in unique.values())


def _a_meeting_of_parties(event: Event) -> bool:
    """A meeting record that names who met (two sides, or one and whom it met), not only the
    host of a meeting told again ("The meeting, hosted by the UAE")."""
    return event.type == "CONSULT" and (len(event.sources) >= 2 or bool(event.targets))


OTHER_SIDE_RULE = "an-act-on-no-one-named-is-on-the-other-side"
# acts one side does to another; a lone actor's acts of these types are aimed at someone
DIRECTED_TYPES = {
    "ACCUSE",
    "THREATEN",
    "REQUEST",
    "REJECT",
    "CONCEDE",
    "CONSULT",
    "MOBILIZE",
    "SANCTION",
    "PROTEST",
}
ATTACK_OTHER_SIDE_RULE = "an-attack-on-no-one-named-is-on-the-other-side"


def _the_other_side(found: ArticleDraft, coder: Coder) -> bool:
    """Rule "an-act-on-no-one-named-is-on-the-other-side": a story names the adversary once
    and then tells acts aimed at it without naming it again ("In the latest allegations of
    ceasefire violations, the Indian army said", "Beijing has sent regular air and sea patrols
    near the islands"); an act aimed at someone that names no one is aimed at the side the
    article's other acts most often set against its doer's side, marked inferred."""
    return _aim_at_the_other_side(found, coder, DIRECTED_TYPES, OTHER_SIDE_RULE)


def _an_attack_on_the_other_side(found: ArticleDraft, coder: Coder) -> bool:
    """Rule "an-attack-on-no-one-named-is-on-the-other-side": an attack whose sentence names
    no one hit and no place whose state or people it could fall on ("security forces lobbed a
    grenade into an area where doctors were treating some of the wounded", "Thailand called the
    allegations 'groundless'" after Cambodia's charge of shelling) fell on the side the
    article's other acts set against the attacker's, as the acts the first rule reads do."""
    return _aim_at_the_other_side(found, coder, {"ASSAULT"}, ATTACK_OTHER_SIDE_RULE)


def _aim_at_the_other_side(found: ArticleDraft, coder: Coder, types: set[str], rule: str) -> bool:
    """Give each event of ``types`` with sources and no target the side the article's acts
    most often set against its doer's side (``_counterpart``), marked inferred, under ``rule``."""
    changed = False
    events = found.events
    named = [_named_sides(event) for event in events]  # inferred targets below add none
    for position, event in enumerate(events):
        if event.type not in types or event.targets or not event.sources:
            continue
        other = _counterpart(named, {_side_of(ref) for ref in event.sources})
        if other is None:
            continue
        actor = coder.dictionary.group(*other)
        note = f"target: the other side of the story, {actor.name}"
        why = why_with_rule(event.evidence.why, note, rule)
        evidence = replace(event.evidence, why=why)
        target = inferred_ref(actor, actor.name)
        events[position] = replace(event, targets=(target,), evidence=evidence)
        changed = True
    return changed


def _side_of(ref: ActorRef | Actor) -> tuple[str, str] | None:
    """The side an actor is on: its country's state for a state, its officials and forces;
    else its country and sector ("Colombian officials" and "Colombia" are one side)."""
    if not ref.country or ref.sector in NO_SIDE_SECTORS:
        return None
    if ref.sector in STATE_SIDE_SECTORS or ref.sector is None:
        return (ref.country, "GOV")
    return (ref.country, ref.sector)


STATE_SIDE_SECTORS = {"GOV", "MIL", "COP", "JUD"}
NO_SIDE_SECTORS = {"MED", "NGO"}  # reporters and relief groups take no side


def _named_sides(event: Event) -> set[tuple[str, str] | None]:
    """The sides an event's named (not inferred) sources and targets are on."""
    return {_side_of(ref) for ref in (*event.sources, *event.targets) if not ref.inferred}


def _counterpart(
    named: list[set[tuple[str, str] | None]], sides: set[tuple[str, str] | None]
) -> tuple[str, str] | None:
    """The side the article's acts (the sides each names, ``_named_sides``) most often set
    against ``sides``, when one side leads and ``sides`` is one side."""
    if len(sides) != 1 or None in sides:
        return None
    counted: Counter[tuple[str, str]] = Counter()
    for event_sides in named:
        if event_sides & sides:
            counted.update(side for side in event_sides if side is not None and side not in sides)
    ranked = counted.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


RESTATEMENT_RULE = "restatement-is-one-event"
WARNING_RULE = "refusal-to-permit-is-threat"
DEFINITE_MENTION_RULE = "definite-noun-is-told-before"
CAMEO_PATTERN_RULE = "cameo-verb-pattern"


def _sentence_rule(name: str, description: str, apply: Callable[..., bool]) -> Rule:
    return Rule(name, description, apply, scope="sentence")


def _article_rule(name: str, description: str, apply: Callable[..., bool]) -> Rule:
    return Rule(name, description, apply, scope="article")


RULES: tuple[Rule, ...] = (
    # -- sentence: finding candidates
    _sentence_rule(
        "running-total",
        '"12,000 civilians have been killed since the invasion began": a toll, not an event; '
        "the sentence codes nothing.",
        _running_total,
    ),
    _sentence_rule(
        WARNING_RULE,
        '"We will not allow this ceasefire to be used by rebels to attack our positions", "will '
        'not tolerate", "Treasury will forcefully respond to the atrocities": a refusal to '
        "permit another's act, or a response announced with force, is a THREATEN (the words "
        "are data: warnings in triggers.json); the act warned against is no event.",
        _warnings,
    ),
    _sentence_rule(
        "expectation-is-a-demand",
        '"We expect Moscow to release our citizens", "I count on Turkey to act with restraint": '
        "what an actor expects of another is a REQUEST to it, and the act expected is its "
        'content, not an event; a passive ("talks are expected to resume") is a forecast.',
        _expectations,
    ),
    _sentence_rule(
        "mediation-in-a-phrase",
        '"The Qatar-brokered truce", "with the help of mediators from IGAD", "the efforts by '
        'Egypt in helping to mediate this agreement": mediation told without a mediating verb '
        "and its subject is a CONSULT third-party by the mediator (CAMEO 045 mediate); the "
        "words are data (mediation in triggers.json).",
        _mediation,
    ),
    _sentence_rule(
        "forces-leaving-withdraw",
        '"Israeli forces left Khan Younis", "Wagner fighters left Bakhmut": armed forces leaving '
        'a place withdraw from it (RETREAT), as "pulled out of" is; a person leaving a city is '
        "a journey.",
        _forces_leaving,
    ),
    _sentence_rule(
        "forces-crossing-onto-anothers-ground-mobilise",
        '"Thai soldiers crossed the border", "the four ships entered the Japan-controlled '
        'territory", "Russian helicopters also flew over the village": armed forces or military '
        "craft crossing onto ground or flying over it show force (MOBILIZE, CAMEO 15); people "
        "crossing a border are no event (the words are data: forces_crossing in triggers.json).",
        _forces_crossing,
    ),
    _sentence_rule(
        BLAME_RULE,
        "A speaker who says who did a harm accuses them without an accusing verb (PLOVER "
        'ACCUSE, mode allege): "police said al-Shabaab was responsible for the bombing", "said '
        'the rebels were to blame", "said the crash was Iran\'s doing", "said the suspects were '
        'linked to the JAD network" (the words are data: blame in triggers.json). The one '
        'named is the target; the speaker\'s own claim ("we are responsible") is none. What a '
        'speaker claims a named actor does ("Washington claims Iran sends drones to Russia") is '
        "an allegation against it, and the deed stays the doer's act "
        "(a-claim-about-another-is-an-allegation).",
        _blame,
    ),
    _sentence_rule(
        "munitions-landing-is-an-attack",
        "A shell, rocket, missile or bomb that lands, falls or rains on a place was fired at it "
        '("Mortar rounds landed near the presidential palace", "a bomb fell on a market"): an '
        "ASSAULT with the weapon's mode, whoever fired it.",
        _munitions_landing,
    ),
    _sentence_rule(
        "verb-trigger",
        "A verb of the lexicon is an event; a governing verb (agree, reject, urge) takes the "
        "content it governs, whose words are no events of their own.",
        _verb_triggers,
    ),
    _sentence_rule(
        "adjective-trigger",
        'A predicative adjective of the lexicon: "Israel is opposed to French mediation".',
        _adjective_triggers,
    ),
    _sentence_rule(
        "noun-trigger",
        'An event noun of the lexicon with the verb that makes it happen: "held talks", "the '
        'truce took effect" (not a noun that sets the scene, "at the Istanbul talks").',
        _noun_triggers,
    ),
    _sentence_rule(
        "a-denied-named-charge-is-the-accusers",
        "A charge a denial verb takes that names its accuser and no deed the denial could "
        'stand for ("Rwanda denied Congo\'s accusation that it backs the M23") is the '
        "accuser's ACCUSE (allege) of the denier, not a denied ACCUSE by the denier.",
        _denied_named_charges,
    ),
    _sentence_rule(
        "a-named-claim-is-an-accusation",
        "A claim or allegation noun that names its accuser and what it charges is an ACCUSE "
        "(allege) by the accuser, wherever the noun stands: \"rejected the military's claims of "
        'widespread fraud", "rejected a claim by a reporter that international forces tried to '
        'cover up the killings", "In the latest allegations of ceasefire violations, the Indian '
        'army said" (the words are data: blame.claim_nouns in triggers.json).',
        _named_claims,
    ),
    _sentence_rule(
        "sanctions-in-force",
        '"Turkey is under EU sanctions", "Mahan has been the subject of US sanctions since '
        '2011": sanctions someone is under are a SANCTION by whoever imposed them on that '
        "subject.",
        _sanctions_in_force,
    ),
    _sentence_rule(
        "misread-headline-verb",
        'Headline and note verbs the tagger reads as nouns ("Police arrest 30 after protest": '
        'a noun with a subject) and event nouns it reads as verbs ("SAF airstrikes on the '
        'market"): each is an event with its own subject and objects.',
        _misread_verbs,
    ),
    _sentence_rule(
        "headline-noun",
        "An event noun heading a sentence that has no verb, as notes and headlines are written: "
        '"Airstrike on Idlib countryside, 4 dead", "Curfew imposed in Kasese after unrest".',
        _headline_noun,
    ),
    _sentence_rule(
        "dyad-line",
        "A conflict line that opens with its two sides and tells a toll, as "
        'UCDP-style lines are written: "M23 vs Wazalendo, Sake (Masisi, North Kivu), 2025-02-26: '
        '11 deaths" is a clash (ASSAULT) between them.',
        _dyad_line,
    ),
    _sentence_rule(
        "dash-dyad-line",
        "A conflict line whose two sides, each an actor the resolver knows, stand either side of "
        'a free dash at its head, as UCDP lines are written: "Government of Mali - JNIM, Niono '
        '(Segou), 1-2 Feb 2024: 22 deaths" is a clash (ASSAULT) between them. Never a hyphenated '
        'word, a range or a dated lead ("27/06/2024 - Protesters ...").',
        _dash_dyad_line,
    ),
    _sentence_rule(
        "casualty-means",
        '"Four civilians died in an air strike": the attack a dying verb names as its cause is '
        "the event.",
        _casualty_means,
    ),
    _sentence_rule(
        "arrest-follows-an-attack",
        '"Police arrested 4 gunmen after a shootout", "detained 9 youths after a grenade '
        'attack on a checkpoint", "arrested 12 people after clashes": the attack an arrest '
        'follows took place and is an event of its own; one told before ("after the '
        'attack") is left to that telling.',
        _arrest_cause,
    ),
    _sentence_rule(
        "toll-names-its-attack",
        '"The death toll from Saturday\'s missile strike rose to 40", "the number of people '
        "killed in Friday's strike on Odesa has risen to 21\": the attack a toll counts is the "
        "event the sentence reports, with the toll as its count.",
        _toll_attack,
    ),
    _sentence_rule(
        "meeting-in-passing",
        'A meeting told in passing is still a meeting when it names whom it was with: "said in '
        'a meeting with Honcharuk", "announced the funding during her trip to Chad"; talks not '
        'told before that time another act took place ("won after lengthy negotiations", '
        '"released the hostages during all-night negotiations", "unveiled the plan after 13 '
        'hours of talks": talks-in-passing-took-place); '
        '"their" meeting framing a demand or warning to a named actor was held by the speaker '
        'and that actor ("Biden warned Xi ... during their summit": their-meeting-is-a-meeting).',
        _meeting_in_passing,
    ),
    _sentence_rule(
        "a-deed-noun-names-its-doer",
        "An act's noun that names its doer or, for a mutual act, its parties is the act told as "
        'done, with no verb to make it happen: "a failed missile attack by the rebels on a '
        'French plane is proof ...", "the refusal by the Houthis to withdraw", "caught up in '
        'fighting between his group and the army" (the types are data: deeds_naming_their_doers '
        "in triggers.json).",
        _deed_nouns,
    ),
    _sentence_rule(
        "evaluation-is-stance",
        'A judgement said without "condemn" or "praise": naming an act with an evaluating word '
        '("called the agreement \'null and void\'", "described the pledge as generous") or '
        'saying it is so ("said rich nations were being stingy"); a negative word is an ACCUSE, '
        "a positive one a SUPPORT (the words are data: evaluations in triggers.json). A deed "
        'reported as a wrong ("claimed he was wrongfully imprisoned", "insists that Indian '
        "troops resorted to unprovoked firing\") is the speaker's accusation of the doer "
        "(wrongdoing in triggers.json); a wrong the speaker admits or regrets accuses no one.",
        _evaluations,
    ),
    _sentence_rule(
        "a-wrong-found-out-is-an-allegation",
        "A wrong told as found out is an ACCUSE (allege) by whoever found or reports it: "
        '"cited overwhelming evidence of Russian involvement", "said they had uncovered '
        'evidence of a plot to destabilize Ivory Coast", "said intelligence sources uncovered '
        'an escape plan for the two opposition leaders"; "found no evidence" accuses no one. '
        'It takes the place of a judgement read from the finding verb ("uncovered a plot by '
        'al-Shabaab" accuses al-Shabaab; the words are data: found_wrongs in triggers.json).',
        _found_wrongs,
    ),
    _sentence_rule(
        "equipped-is-no-act",
        '"At least eight attackers armed with rocket launchers and Kalashnikovs stopped the '
        'vehicle", "They are armed with guns and teargas": a participle of equipping with no one '
        "named who equips and no object says what someone carries; it is no AID (arming another "
        'actor needs the one who arms: "Iran has armed the Houthis", "armed by Iran").',
        _equipped,
    ),
    _sentence_rule(
        "known-aid-at-work-is-no-new-act",
        '"This additional assistance in Chad is supporting USAID partners", "These funds also '
        'supported the UN Humanitarian Air Service", "The $17 million in additional assistance '
        'for Chad is supporting U.S. government partners": aid or money told as known (a '
        "definite determiner) as the subject of a giving verb, or of the verb of an aid noun "
        '("This newest funding from the United States will help provide critical aid"), is a '
        "grant told before at work, not a new act of aid or support (money is no actor).",
        _aid_at_work,
    ),
    _sentence_rule(
        "score-is-no-attack",
        '"Nigeria beat Ghana 2-1": an attack verb with a score beside it reports a match.',
        _sports_score,
    ),
    _sentence_rule(
        "absence-is-no-event",
        '"Accused Ukraine without offering any evidence", "passed without a veto": what is '
        'said not to have happened under "without" is no event.',
        _absence,
    ),
    _sentence_rule(
        "press-boilerplate-is-no-event",
        '"Not authorized to speak to reporters", "did not respond to a request for comment", '
        '"declined to comment", "asked not to be named": how a report names its sources.',
        _press_boilerplate,
    ),
    _sentence_rule(
        "condition-is-no-event",
        '"Russia would sign if Ukraine withdraws its troops": the act inside an "if" or '
        '"unless" clause is the condition of the other act, not an event of its own.',
        _condition,
    ),
    _sentence_rule(
        "ongoing-background-is-no-event",
        '"Iran gained influence as the US slowly withdraws from the region": a present-tense '
        '"as"/"while" clause under a past main clause tells a process, not an act.',
        _ongoing_background,
    ),
    _sentence_rule(
        "long-running-is-background",
        '"Rebel groups have been fighting since 1989", "has targeted ethnic groups for '
        'decades": a perfect tense over a span of years sums up a history, not an act.',
        _long_running,
    ),
    _sentence_rule(
        "a-habit-is-no-act",
        '"India and Pakistan regularly exchanged heavy fire", "previous ceasefires have been '
        'repeatedly violated": an act told with how often it recurs sums up many acts.',
        _habit,
    ),
    _sentence_rule(
        "an-indirect-question-is-no-act",
        '"did not announce whom they would support", "would not say whether it would '
        'retaliate": what a question asks about has not been told to happen.',
        _indirect_question,
    ),
    _sentence_rule(
        "a-tally-since-is-no-act",
        '"... during which more than 230 people have been killed and 2,000 arrested since the '
        'coup": a perfect passive counted from a starting point is a running total, wherever it '
        "stands in the sentence.",
        _tally_since,
    ),
    _sentence_rule(
        "since-phrase-is-background",
        '"The deadliest attack since Russia\'s full-scale invasion began", "the first ship '
        'since the invasion", "no strikes recorded since the truce began": an act named by a noun '
        'in a "since" phrase starts the span another statement covers; it is no event of its '
        'own ("since Kiir and Machar signed the agreement", a clause with its actors, is).',
        _since_phrase,
    ),
    _sentence_rule(
        "a-deals-terms-are-the-deal",
        '"Under the cease-fire deal, Israel is pausing its attacks", "Under the ceasefire '
        'agreement, Israeli troops are to withdraw", "Under the emerging truce Palestinians '
        'would halt rocket attacks": what a clause opened by "under" and a deal told before (an '
        'agreement or truce with "the") binds its parties to do is the deal\'s terms, not acts of '
        'their own; an act under it told in the past ("Under the deal, Hamas released 24 '
        'hostages") happened.',
        _terms_of_a_deal,
    ),
    _sentence_rule(
        "a-deals-content-is-no-act",
        '"Comply with the agreement to withdraw", "the agreement on sending Turkish soldiers to '
        'Libya", "an agreement has been reached ... for the Syrian Army to enter and deploy": '
        "what a deal (an agreement or a truce) says shall be done is agreed, not done; the deal "
        "is the event, its content no act of its own.",
        _deals_content,
    ),
    _sentence_rule(
        "what-a-text-provides-for-is-no-act",
        '"The first calls for both sides to immediately cease all military operations", "Its '
        "first, six-week phase provides for the release of 33 hostages ... and for Israeli "
        'forces to pull back": what a text (a deal, its phase, a plan) provides or calls for '
        "is its term, not an act done (provision_verbs in triggers.json); an actor's call read "
        'as an event of its own ("Ban Ki-moon has called for a cease-fire") keeps its reading.',
        _provisions,
    ),
    _sentence_rule(
        "a-prevented-act-is-no-act",
        '"Police blocked protesters from marching to the city center", "to keep the '
        'peacekeepers from dismantling the roadblocks": the act a preventing verb keeps its '
        "object from did not happen (preventing_verbs in triggers.json); the preventing is "
        "read by its own verb.",
        _prevented_acts,
    ),
    _sentence_rule(
        "a-wished-act-is-no-act",
        '"Israel hopes to win the release of a captive soldier", "Terrorists seek to divide us '
        'and to destroy our way of life", "the Taliban seeks to retake control": what one '
        "wants, hopes or seeks to do has not happened, and the wish is no act toward anyone.",
        _wished_acts,
    ),
    _sentence_rule(
        "a-likely-act-is-no-act",
        '"Rice was likely to discuss Pakistan\'s role", "Israel was reluctant to accept the '
        'truce", "unlikely to change the result": an act told by how likely or willing someone '
        "is to do it has not happened, and the likelihood is no act (the adjectives are data: "
        "likelihood_adjectives in triggers.json).",
        _likely_acts,
    ),
    _sentence_rule(
        "a-needed-or-possible-act-is-no-act",
        '"Obama also spoke of the need to collaborate on curbing the spread of the Zika virus", '
        '"with the authority to dismiss Prime Minister Laisenia Qarase": an act in the '
        "to-infinitive of a noun of need, ability, authority or possibility, or hanging on it, "
        "is said to be needed or possible, not done (the nouns are data: modal_nouns in "
        "triggers.json).",
        _needed_or_possible_acts,
    ),
    _sentence_rule(
        "alleged-deed-is-no-event",
        '"Faced charges of blocking a road and disobeying orders", "allegations of torture": '
        "the deed an accusation names is alleged, not reported as an event of its own.",
        _alleged_deed,
    ),
    _sentence_rule(
        "protest-carries-its-demand",
        '"Hundreds marched in Ouagadougou demanding that Compaore step down": a demand voiced by '
        "a demonstration is the protest's (PLOVER), not a REQUEST of its own.",
        _protest_demands,
    ),
    _sentence_rule(
        "an-aim-is-no-act",
        '"Held talks to ease tensions", "announced $9 million in assistance to support '
        "Colombia's efforts\": an infinitive that states another act's aim is not an act of its "
        "own.",
        _aims_are_no_acts,
    ),
    _sentence_rule(
        "a-class-deed-is-no-act",
        '"Sanctions on anyone who obstructs the peace process", "will arrest anyone who joins '
        'the rally": what the relative clause of a class of actors ("those who", "anyone who", '
        '"any party that") says they may do is no act: it defines whom a warning or an offer '
        'is for. A deed told in the past ("those who attacked the convoy") happened.',
        _deeds_of_a_class_are_no_acts,
    ),
    _sentence_rule(
        RAID_AS_ATTACK_RULE,
        '"Armed youth raided cattle camps near Tonj, killing 14 people and taking about 2,000 '
        'cattle": a raid told with the killing or wounding it did is an ASSAULT, read so '
        "before one-event-per-clause (raid-by-whom comes too late: the merge keeps the killing "
        "apart from a raid still read COERCE, and folds the taking into it): the killing joins "
        "the raid, the taking stays a confiscation (PLOVER COERCE, CAMEO 1711).",
        _raid_told_with_its_killing,
    ),
    _sentence_rule(
        "one-event-per-clause",
        '"A strike killed X and injured Y" is one ASSAULT, not three; an event noun absorbs '
        "its verb and lends it its mode.",
        _one_event_per_clause,
    ),
    _sentence_rule(
        "protest-met-by-force",
        '"Police arrested 54 protesters", "riot police dispersed protesters", "arrested 31 '
        'people protesting fuel prices", "fired tear gas to disperse a rally": a crowd '
        "authorities arrest, disperse or block in the main clause, or that their force was used "
        "to disperse (dispersal-is-crowd-control), is protesting then and there: the protest is "
        'an event of its own (ACLED\'s "protest with intervention"), done by the crowd, unless '
        "the sentence tells it itself.",
        _protests_met_by_force,
    ),
    _sentence_rule(
        "a-protest-force-fell-during",
        '"Two protesters were killed in police firing during an opposition rally", "arrested 31 '
        'suspects after hoodlums looted shops during a protest over fuel prices": the protest '
        "that force (an assault or coercion of the main clause) fell during took place then and "
        "there: an event of its own, unless the sentence tells it itself.",
        _protests_force_fell_during,
    ),
    _sentence_rule(
        "a-deontic-passive-is-no-deed",
        '"General Taban Deng Gai says the detainees should be released unconditionally", "The '
        'Red Cross says its symbol must be respected": what a speaker says must or should be '
        "done, naming no one to do it, is no deed (a modal of obligation is no done act), nor a "
        "REQUEST of anyone (the readings code none).",
        _deontic_passives,
    ),
    _sentence_rule(
        "deontic-demand",
        '"Iran must stop arming Russia," Kallas said: what a speaker says another actor must '
        "or should do is a REQUEST from the speaker; the events inside it are not asserted.",
        _deontic_demands,
    ),
    _sentence_rule(
        "wanting-another-to-act-is-a-demand",
        '"He wanted soldiers to leave his area", "the United States is looking for Russia to '
        'comply with the agreement to withdraw": what one wants another to do is a REQUEST from '
        "the one who wants it to the one who should act; the wanted act is not done.",
        _wished_demands,
    ),
    _sentence_rule(
        "or-face-is-an-ultimatum",
        '"Ordered all undocumented Afghans to leave by 1 November or face deportation", "lay '
        'down your arms or face the consequences": a demand backed by "or face"/"or risk" is '
        "one THREATEN (CAMEO 139, give an ultimatum) from whoever sets it against whoever "
        "would face it; the demand and the act demanded are no events of their own.",
        _ultimatums,
    ),
    _sentence_rule(
        "readiness-for-force-is-a-threat",
        '"Serbia is ready to use force to prevent ...", "the Council expressed its readiness to '
        "consider appropriate measures, including targeted sanctions, against those who resume "
        'hostilities": force or a hostile act a side says it is ready, prepared or willing to '
        "use (or to consider) is one THREATEN (PLOVER: a coercive or forceful warning) from the "
        "side held ready, with the mode of the act; the act itself is not done. Readiness to "
        'talk or help ("ready to take more steps", "prepared to offer assistance") stays what '
        "it is (data: readiness_for_force and threat_complement_modes in triggers.json).",
        _readiness_for_force,
    ),
    _sentence_rule(
        "force-told-ahead-is-a-threat",
        '"We will use the full force of the law", "that country might use force to prevent '
        'independence for Kosovo", "will end ... the occupation, either through negotiations or '
        'by force": force named as the means of an act a '
        "side will or might do is one THREATEN (PLOVER: THREATEN instead of ASSAULT + "
        'hypothetical), violence unless the force is another\'s ("of the law"); the act '
        "itself is not done (data: force_told_ahead in triggers.json).",
        _force_told_ahead,
    ),
    _sentence_rule(
        "joint-undertaking",
        '"Both sides would exchange proposals": a joint undertaking is an AGREE (agreed).',
        _joint_undertakings,
    ),
    _sentence_rule(
        CAMEO_PATTERN_RULE,
        "Breadth from the CAMEO codebook: a verb with the object or preposition a pattern of "
        '`data/cameo_patterns.json` names ("recalled its ambassador", "walked away from the '
        'talks", "scrambled fighter jets") is an event of the PLOVER type its CAMEO code '
        "crosswalks to, in a main or reported clause where no other rule made an event and "
        "whose verb is not negated, hypothetical or a report. The evidence names the pattern.",
        _cameo_patterns,
    ),
    # -- event: type
    Rule(
        "trigger-type",
        "The event's type is its trigger's; the type of the content a governing verb takes is "
        "read for the rules below.",
        _trigger_type,
    ),
    Rule(
        "a-denied-charge-is-the-deed",
        '"For several days Iran denied the accusation", "Thailand called the allegations '
        '\'groundless\'" (after "Cambodia accused Thailand of firing shells"), "a charge Iran '
        'denies": denying an accusation, or calling it baseless, is the deed accused, denied, '
        "by the one who denies it (the convention of the news readings), not an accusation of "
        "the denier's: its type is the deed's, told with the accusation noun (\"charges of "
        'shelling") or by the nearest accusing verb before it, in its sentence or the two '
        'before; a charge named as told before ("the accusation", "that allegation") that no '
        "accusing verb there answers stands for the nearest wrong those sentences tell (an "
        'attack, a detention, a deployment, a threat, arms sent: "linked to the assault ... The '
        'group denies the allegation"), not talks or deals told between; with no deed told the '
        "reading stays.",
        _denied_charge_is_the_deed,
    ),
    Rule(
        "content-type",
        "A trigger without a type of its own (consider, deny) takes the type of its content "
        '("a proposal to pause operations" is about the pause); no type, no event.',
        _content_type,
    ),
    Rule(
        "governed-content-type",
        "The content's type under its governing verb: \"accepted the rebels' demands\" "
        "concedes, it is not an AGREE.",
        _governed_content_type,
    ),
    Rule(
        "a-prediction-is-no-threat",
        '"The UN warned that millions face famine", "warned that talks could fail": a warning '
        "of what will happen, with no act of the warner's, no one warned and no consequence "
        "named, is no threat.",
        _prediction,
    ),
    Rule(
        "vow-of-force-is-threat",
        '"Vowed to fight on", "swore to retaliate": a promise of force is a THREATEN.',
        _vow_of_force,
    ),
    Rule(
        "ordered-act",
        '"The government ordered police patrols", "instructed agencies to investigate": the '
        "ordered act (or investigation) is the event (when the order names no one it is given "
        'to, or only the orderer\'s own bodies); "ordered the rebels to lay down their arms" '
        "names another party: a demand.",
        _ordered_act,
    ),
    Rule(
        "an-order-to-ones-own-is-no-request",
        '"The Ethiopian government has ordered the troops to leave Somalia", "Ecuador and '
        "Venezuela have ordered troops to their borders\": an order to one's own forces, police "
        "or officials asks nothing of another actor (the manual's REQUEST is between actors); "
        "the act ordered is the event when its word is read (ordered-act), else nothing is.",
        _order_to_ones_own,
    ),
    Rule(
        "proposed-own-action",
        "Proposing sanctions (or aid, an attack ...) is a proposed SANCTION, not a request.",
        _proposed_own_action,
    ),
    Rule(
        "an-operation-against-a-foe-is-an-attack",
        'A military operation waged on a foe is an ASSAULT (CAMEO 190): "the Pakistani military '
        'launched an operation against the Taliban", "launched an Operation Excellence to remove '
        'the guerrillas"; a rescue or relief operation names no foe and is no event (the nouns and '
        "aims are data: hostile_operations in triggers.json).",
        _operation_against_a_foe,
    ),
    Rule(
        "punitive-measures-are-sanctions",
        "Measures taken against a party are a SANCTION (CAMEO 16; the EU's \"restrictive "
        'measures"): "announced their own measures against Russia", "imposed measures to isolate '
        'Qatar", "take restrictive measures against those responsible"; measures against a virus '
        "or inflation name no party and are no event (the nouns, modifiers and aims are data: "
        "punitive_measures in triggers.json).",
        _punitive_measures,
    ),
    Rule(
        "alternative-reading",
        "The lexicon's second reading when the object calls for it: withdrawing an ambassador "
        "is a SANCTION, not a RETREAT; expelling migrants a COERCE.",
        _alternative_reading,
    ),
    # -- event: actors
    Rule(
        "fire-over-a-matter-is-criticism",
        '"The minister came under fire for his remarks", "Israel came under fire from its '
        'allies over the death toll": fire over a matter is criticism (ACCUSE), not shots.',
        _fire_over_a_matter,
    ),
    Rule(
        "economic-weapon-is-sanction",
        'An attack verb whose weapon is a sanction ("hit with new sanctions", "slapped tariffs '
        'on") is a SANCTION.',
        _economic_weapon,
    ),
    Rule(
        "clause-actors",
        "Sources and targets from the clause: subject (or agent), passive subject, objects, "
        "participant phrases and the participants of an event noun.",
        _clause_actors,
    ),
    Rule(
        "first-person-is-the-speaker",
        '"“We have withdrawn our troops from the town,” the army spokesman said": an act whose '
        'subject is "we" or "I" inside what someone is reported saying is that speaker\'s (and '
        "his side's).",
        _first_person_is_the_speaker,
    ),
    Rule(
        "reporting-speaker-is-source",
        "A demand voiced in reported speech, or a threat whose subject bears the consequences, "
        "comes from the reporting speaker; everyone else named is its target.",
        _reporting_speaker_is_source,
    ),
    Rule(
        "claimed-violation-is-accusation",
        '"Israel said Hamas had violated the agreement": the accusation comes from the reporter '
        "and falls on the violator; a violation the writer alone tells defies the deal (REJECT).",
        _claimed_violation,
    ),
    Rule(
        "own-duty-is-no-demand",
        '"Britain must leave by that date," Johnson said: what a speaker says his own side '
        "must do is no demand on another actor.",
        _own_duty,
    ),
    Rule(
        "speaker-performs-speech-act",
        "Accusing, demanding, rejecting with no subject: whoever is reported saying so does it.",
        _speaker_performs_speech_act,
    ),
    Rule(
        "quoted-words-are-the-speakers",
        'An act said inside a direct quote whose speaker is named in another sentence ("“So,” '
        "he continued, “... you will pay a price for that.”\") is the speaker's when its subject "
        'is "we" or "I", or when it is a speech act told to "you".',
        _quoted_voice,
    ),
    Rule(
        "speaker-joins-meeting",
        "A meeting with named partners and no subject: the reporting speaker takes part.",
        _speaker_joins_meeting,
    ),
    Rule(
        "noun-agent-is-source",
        'No subject: who carried out the event noun or the means is its source ("an attack by '
        'the rebels", "a strike blamed on the army", "killed in police firing"); of a noun its '
        'verb retypes, the target ("violated a ban by X").',
        _noun_agent,
    ),
    Rule(
        "headline-opens-with-the-doer",
        '"Militia attacks village, kills 5": in a headline the tagger misreads (no closing '
        "mark, a few words), an act with no subject is done by the actor the headline opens "
        "with.",
        _headline_subject,
    ),
    Rule(
        "reaction-comes-from-the-reactors",
        '"The attack drew condemnation from the UN and the EU", "Israel faced criticism from '
        'its allies": the condemnation is theirs, aimed at whoever drew it.',
        _reaction_from_reactors,
    ),
    Rule(
        "spoken-in-a-meeting-is-with-its-partners",
        '"In a phone call with Erdogan, Blinken urged restraint": the call is with Erdogan, '
        "whatever the words said in it are about.",
        _met_with_its_partners,
    ),
    Rule(
        "taken-from-its-holder",
        '"Troops recaptured the town from the rebels": a place taken from someone is taken from '
        "them (the target).",
        _taken_from_its_holder,
    ),
    Rule(
        "sanctioned-subject-is-target",
        '"Turkey is under EU sanctions": the subject of sanctions in force is their target.',
        _sanctioned_subject_is_target,
    ),
    Rule(
        "the-detained-subject-is-target",
        '"Two opposition activists are in police custody": the subject of a detention said as '
        "a state (the lexicon's subject_role target) is the one detained, not the detainer.",
        _detained_subject_is_target,
    ),
    Rule(
        "the-held-who-come-home-were-freed",
        '"Six soldiers held in Armenia returned home", "prisoners of war arrived home": the '
        "held who came home (held_people in triggers.json) are the release's targets, whoever "
        'held them ("in Armenia", "from Russian captivity") its source.',
        _the_freed_who_came_home,
    ),
    Rule(
        "a-call-received-comes-from-the-caller",
        '"The emir received a phone call from the Iranian president": the caller is the source, '
        "the one who received the call the target.",
        _received_from_the_caller,
    ),
    Rule(
        "casualty-victims-are-targets",
        '"Four civilians died in an air strike": those who died are the attack\'s targets.',
        _casualty_victims,
    ),
    Rule(
        "the-ousted-are-the-coups-targets",
        '"A military coup removed Prime Minister X": whom a coup removed is its target.',
        _ousted_by_a_coup,
    ),
    Rule(
        "consequence-victims-are-targets",
        '"Attacked several points near the border, killing 49 Armenian soldiers", "a drone '
        'attack that killed three civilians", "left 3 soldiers dead": whom an attack is told '
        "to have killed or wounded are its targets (the verbs are data: consequences in "
        "triggers.json); a relative clause that follows the attack's clause but that the "
        "parser hung on an earlier word is the attack's too.",
        _consequence_victims,
    ),
    Rule(
        "ultimatum-comes-from-the-teller",
        '"The US told Iran to stop or face the consequences": whoever sets the ultimatum '
        "threatens the one who must comply.",
        _ultimatum_teller,
    ),
    Rule(
        "announcer-is-no-party",
        '"Qatar announced a ceasefire between Israel and Hamas": the parties it is between '
        "agreed to it (AGREE); who announced it is no party.",
        _announced_between_parties,
    ),
    Rule(
        "dyad-sides-are-sources",
        '"Arakan Army vs Tatmadaw, Ann (Rakhine): 35 deaths": both sides of a dyad line are the '
        "clash's sources (PLOVER ASSAULT: in a clash all parties are sources).",
        _dyad_sides_are_sources,
    ),
    Rule(
        "parties-between-are-sources",
        '"Clashes broke out between Armenia and Azerbaijan", "talks between X and Y", "a '
        'memorandum signed between Cyprus, Greece and Israel": the parties of a mutual act '
        "(a clash, talks, a deal, a truce) are all its sources, not its targets; a mediator, "
        "host or announcer is no party (mutual_acts in triggers.json).",
        _parties_between,
    ),
    Rule(
        "each-other-is-both-sides",
        '"South Sudan\'s army and the opposition accused each other of violating the truce", '
        '"each side blaming the other", "both sides have accused each other of violations": '
        "a reciprocal act has every party as source and as target.",
        _reciprocal_targets,
    ),
    Rule(
        "raid-by-whom",
        "A raid by police, soldiers or officials is a COERCE (a search, arrests); one by "
        'settlers, gunmen or rebels an ASSAULT ("armed men raided two villages"). A raid told '
        "with its killing was read as an attack before the clause merge "
        '(a-raid-told-with-its-killing-is-an-attack); one told as its looting ("raided Bosso, '
        'looting shops and livestock") stays the taking, COERCE confiscate.',
        _raid_by_raider,
    ),
    Rule(
        "joint-exercise-is-cooperation",
        '"Held drills with the Indian navy": an exercise or patrol of two countries\' forces '
        "is COOPERATE (the manual: joint exercises are COOPERATE, single-country ones MOBILIZE).",
        _joint_exercise,
    ),
    Rule(
        "the-one-named-as-doer-is-target",
        "An accusation read from a clause that names a doer (naming-the-doer-is-accusation) "
        "falls on the one named, and is dropped when that is no actor or the speaker itself.",
        _named_doer_is_target,
    ),
    Rule(
        "judgement-needs-a-target",
        'A judgement said of something (evaluation-is-stance, "said X was Y") that names '
        'no actor it judges is dropped ("said the situation was dangerous" accuses no one), '
        'unless it judges an act told before ("said the strikes were a violation", "the '
        'release is not in line with the deal"): its doers are found by the article rule '
        "a-judged-act-falls-on-its-doers (a-judged-act-told-before-keeps-its-judgement).",
        _judgement_needs_a_target,
    ),
    Rule(
        "singling-out-is-no-attack",
        '"The State Department says it is targeting the men for their roles in threatening the '
        'peace", "Treasury will forcefully respond ... by targeting those who abuse human '
        'rights", "The United States remains focused on targeting Tehran\'s sources of illicit '
        'revenue and will continue to enforce its sanctions", "party political clubs are being '
        'targeted by police": "target" said of a civil office of government, of the police or '
        "the courts, or of a state where the sentence tells of sanctions, with no weapon named, "
        "singles out whom sanctions, prosecution or persecution will hit; it is no ASSAULT (the "
        "firms, banks and officials targeted read SANCTION by the entry's alt before this rule).",
        _singling_out,
    ),
    Rule(
        "natural-cause-is-no-act",
        '"A bus crash kills 12", "lightning struck a school", "a fire broke out, destroying 100 '
        "stalls\": what a fire, a flood, a crash or a disease does is nobody's act (the causes "
        "are data: natural_causes in triggers.json).",
        _natural_cause,
    ),
    Rule(
        BODY_RULE,
        "Reporting names the doer of a statement or a protest by what it is, not by "
        'name ("The move was widely condemned by the international community", "Both '
        'organizations have threatened sanctions", "international observers, who have alleged '
        'some amount of fraud", "was boycotted by both Kurdish and Sunni Members of '
        'Parliament"): the act was done though no actor is named, and needs-an-actor keeps it '
        "(the nouns for bodies and their members are data: bodies in triggers.json).",
        _body_named_by_what_it_is,
    ),
    Rule(
        PASSIVE_CHARGE_RULE,
        "Reporting tells a charge or a condemnation in the passive and leaves its makers "
        'unnamed or named by what they are ("a former navy chief who is accused of leading a '
        '2008 coup attempt", "The election was called illegitimate by leaders across North and '
        'South America", "a closed door trial, which was widely decried as a sham"): the '
        "accusation was made though no actor is named, and needs-an-actor keeps it (not an "
        'adjective, "his alleged role", a bare participle, "two men accused of spying", a step '
        'of the law, "a man has been charged with murder", or an inquiry).',
        _charge_told_in_the_passive,
    ),
    Rule(
        OBJECT_HIT_RULE,
        '"It came a day after a passenger train was bombed in Baluchistan province", "several '
        'houses were set on fire", "a shop and two vehicles were set alight": reporting tells an '
        "attack on what people live, pray, trade or travel in (civilian_objects in "
        "triggers.json) in the passive, its doer unknown; the attack was done though no actor "
        "is named, and needs-an-actor keeps it (a finite passive with no agent, not a noun).",
        _object_hit_in_the_passive,
    ),
    Rule(
        ROUND_RULE,
        '"A second round of talks is slated for December", "their first round of talks hit an '
        'impasse": talks counted by their round or their days are held though their sentence '
        "names no party; needs-an-actor keeps them and the article rule "
        f"{ROUND_SIDES_RULE} gives them the parties told around them.",
        _round_of_talks,
    ),
    Rule(
        "needs-an-actor",
        'An event with no actor is dropped, unless a noun names it as happening ("a drone '
        'strike killed ..."), the people it fell on are counted or named by what they are ("14 '
        'people were killed", "abducted 20 residents", "a candidate was shot dead", "11 '
        'detained"), someone unnamed was detained ("he was arrested"; rule '
        'a-detained-person-stands-alone), a weapon did it ("drones hit a depot"), people '
        'protested ("Hundreds rallied") or a body named by what it is made a statement or a '
        'protest ("was condemned by the international community", "Both '
        'organizations have threatened sanctions"; rule a-body-named-by-what-it-is-acts), or '
        'a "which" clause on the noun tells it happening ("The truce, which began on April 2, '
        'was the longest pause"; rule a-truce-that-began-happened).',
        _needs_an_actor,
    ),
    Rule(
        TOLL_OF_UNREST_RULE,
        '"Several protesters have been reported killed in the unrest", "At least 15 people have '
        'been killed in more than a week of protests": a casualty verb in the perfect passive, '
        'or "have died", with no doer, no day of its own and an "in" or "during" phrase of a '
        "spell of unrest or war that names no side (episode_nouns in triggers.json) counts the "
        "dead of many acts; restatement-is-one-event drops it (a-lone-toll-of-unrest-is-no-act) "
        'unless it restates an act told before ("At least 27 people were killed in the '
        'violence" after the attack it tallies). "A soldier was killed Thursday, in fighting '
        'with Fatah al-Islam militants" is one act.',
        _toll_of_unrest,
    ),
    Rule(
        DEFINITE_MENTION_RULE,
        '"The strike took place in Qamishli", "the latest detentions came a day after ...": an '
        "event noun told with a definite determiner, or with the day it fell on (\"Wednesday's "
        'blast": a-day-named-act-is-known), is an act the reader already knows, as is an '
        'attack by "the attackers" or "the bombers", an act whose subject is such a noun of '
        'its kind ("The strike destroyed the cafe": the-known-act-does-it) and one whose passive '
        'subject is the people it fell on ("The hostages were freed": the-known-people-it-fell-'
        "on); the article rule below folds it into the act it refers to (when nothing "
        "disagrees).",
        _definite_mention,
    ),
    # -- event: modality and mode
    Rule(
        "modality",
        "Modality from negation, failure verbs, denial, conditional clauses, auxiliaries, "
        'forecasts ("is expected to", "Meetings are scheduled for Monday", and '
        'be-to-is-future: "is to continue", "is due to arrive"), hedging adjectives and the '
        "trigger's own modality.",
        _modality,
    ),
    Rule(
        "warning-is-said",
        '"We will not allow ...": the "not" and the "will" belong to the warning, which is '
        'made (asserted) when it is said; a forceful response announced ("Treasury will '
        'forcefully respond") is a threat to come and stays future.',
        _warning_is_said,
    ),
    Rule(
        "a-threat-on-a-condition-is-conditional",
        '"Threatened to cut gas supplies unless Chisinau paid its debts": an "if" or "unless" '
        "clause on the act threatened makes the threat conditional, as one on the verb does.",
        _threat_on_a_condition,
    ),
    Rule(
        "a-threat-vowed-is-made",
        '"Iran vowed revenge against Israel": a vow of force is a threat made (asserted); '
        "agreed is AGREE's modality.",
        _threat_vowed_is_made,
    ),
    Rule(
        "a-threat-held-ready-is-conditional",
        '"Serbia is ready to use force to prevent ...": force held ready answers a move of the '
        "other side, a threat made on a condition (conditional), not a promised act (future).",
        _threat_held_ready,
    ),
    Rule(
        "a-wrong-told-with-not-is-said",
        '"The coalition says the government did not uphold peace accords", "the Taliban says '
        'the release is not in line with the agreement": the "not" tells the wrong the speaker '
        "reports (a-breach-is-a-wrong); the accusation is made (asserted) when it is said.",
        _wrong_told_with_not_is_said,
    ),
    Rule(
        "preparation-is-the-event",
        "A typeless trigger whose future content makes it a MOBILIZE (preparing an offensive) "
        "reports the preparation as happening: asserted, not future.",
        _preparation_is_the_event,
    ),
    Rule(
        "mode-and-context",
        'Mode from the trigger, its modifiers ("drone strike"), the weapon, the instrument or '
        "the governed content; context from the lexicon.",
        _mode_and_context,
    ),
    Rule(
        "retyped-mode",
        "A recoded event keeps no mode of its trigger's first reading (\"cancelled "
        'restrictions" is no REJECT meet); an alternative reading brings its own mode.',
        _retyped_mode,
    ),
    Rule(
        "an-ordered-act-keeps-its-mode",
        '"He also ordered a curfew", "instructed security agencies to investigate", "ordered '
        'the suspension of talks": an order read as the act ordered (ordered-act) takes the '
        "mode of the act's own word (curfew, investigate, discontinue); the ordering verb has "
        "none.",
        _ordered_acts_mode,
    ),
    # -- event: recoding
    Rule(
        "order-to-leave-is-expulsion",
        '"Russia ordered 23 British diplomats out of the country", "the junta ordered the French '
        "ambassador to leave the country within 48 hours\": ordering another state's envoys to "
        "leave expels them (SANCTION expel), it asks nothing of them.",
        _order_to_leave,
    ),
    Rule(
        "an-order-sending-ones-forces-deploys-them",
        '"Ecuador and Venezuela have ordered troops to their borders", "ordered Russian troops '
        "into the regions\": an order that sends one's own forces to a place, naming no other "
        "act, is their deployment (MOBILIZE troops) by the one who orders, not a REQUEST.",
        _order_sending_own_forces,
    ),
    Rule(
        "state-protest-is-complaint",
        '"Russia protested the expulsions": a government protests by complaint (ACCUSE '
        "disapprove, CAMEO 114); PROTEST is collective action by civilians.",
        _state_protest,
    ),
    Rule(
        "crowd-violence-is-riot",
        '"Protesters stormed parliament", "a mob torched the office": violence by a crowd of '
        "demonstrators is a PROTEST riot, not an ASSAULT.",
        _crowd_violence,
    ),
    Rule(
        "labour-strike-is-protest",
        '"Teachers held a strike in Lagos", "dock workers staged a strike": a strike by '
        "civilians, traders, unions or the opposition, with no weapon named, is labour action "
        "(PROTEST strike, CAMEO 143), not an attack.",
        _labour_strike,
    ),
    Rule(
        "refused-acceptance-is-rejection",
        '"Will not accept more refugees": a refused acceptance is a REJECT (asserted).',
        _refused_acceptance,
    ),
    Rule(
        "conditional-hostile-act-is-threat",
        '"Will withdraw its force unless ...", "would boycott the vote if ...": a conditional '
        "hostile act is a THREATEN.",
        _conditional_hostile_act,
    ),
    Rule(
        "announced-hostile-act-is-threat",
        '"Farmers said they would blockade Paris": an announced attack or coercion is a THREATEN '
        "when the side that would do it announces it (not the side it would fall on, nor "
        "another side telling of its plan).",
        _announced_hostile_act,
    ),
    Rule(
        "a-threat-announced-is-made",
        '"The army said it would strike": the act is to come, the threat is made when it is '
        'said (asserted), as "threatened to strike" is.',
        _a_threat_announced_is_made,
    ),
    Rule(
        "punishment-for-a-class-is-a-warning",
        '"Will continue to enforce its sanctions against those who facilitate this trade", '
        '"will impose sanctions on anyone who obstructs the peace process": a sanction, '
        "arrest or attack promised to a class of actors defined by a deed they may do falls on "
        "no one yet; it warns them (THREATEN, CAMEO 13).",
        _punishment_for_a_class,
    ),
    Rule(
        "promised-act-is-agree",
        '"X will provide aid", "would meet Y if ...", "is ready to sign the agreement": a '
        "promised or offered cooperative act, or a promise to sign or ratify (the manual's "
        "AGREE), is an AGREE (CAMEO 03).",
        _promised_act,
    ),
    Rule(
        "a-commitment-made-is-agreed",
        '"Reached a deal", "entered into an agreement", "a pledge made by Japan": an AGREE told '
        'as made, by a verb or a noun, has modality agreed, as "agreed to" has (signing is '
        "SUPPORT, asserted; a promised act to come stays future).",
        _commitment_made_is_agreed,
    ),
    # -- event: targets and inferred actors
    Rule(
        "condition-subject-is-target",
        '"Will strike unless Israel rescinds": a threat is aimed at the subject of its condition.',
        _condition_subject_is_target,
    ),
    Rule(
        "own-forces-not-target",
        '"Mobilised army reservists", "sent troops": a state\'s own forces are what it sends, '
        "not its target; a warning by a state's official (\"the envoy warned that Washington "
        'would impose sanctions") does not fall on that state.',
        _own_forces_not_target,
    ),
    Rule(
        "deployed-forces-mobilise",
        '"Security forces were deployed to the area": forces sent where nobody is named as '
        "sending them are the side that mobilises, not its target.",
        _deployed_forces_mobilise,
    ),
    Rule(
        "accused-are-perpetrators",
        '"Crimes committed by X against Y": an accusation targets the perpetrators X.',
        _accused_are_perpetrators,
    ),
    Rule(
        "restriction-falls-on-people",
        '"Blockade Paris", "a curfew in Algiers": a restriction falls on the city\'s people, '
        "not on the state.",
        _restriction_falls_on_people,
    ),
    Rule(
        "aid-goes-to-whom-it-helps",
        '"Humanitarian assistance to support Sudan and neighboring countries", "to help those '
        'affected by the conflict in Syria": aid goes to whom its purpose clause helps.',
        _aid_goes_to_whom_it_helps,
    ),
    Rule(
        "it-is-the-object-before",
        'No target yet and the object is a participle\'s "it": "expelling the U.S. Agency for '
        'International Development, accusing it of interfering", "commented on the '
        'Turkish-Libyan border agreement, calling it null and void": "it" stands for what the '
        "verb the participle hangs on acts on, and the actors that names are the target.",
        _it_is_the_object_before,
    ),
    Rule(
        "actor-inside-object",
        'No target yet: an actor named inside the object ("rejected an offer from X").',
        _actor_inside_object,
    ),
    Rule(
        "the-broker-is-no-party",
        '"Agreed to a week-long truce brokered by Saudi Arabia", "agreed to a ceasefire, mediated '
        'by Qatar, Egypt and the US", "The agreement was brokered with the help of the U.S.": '
        'who brokered a deal (the "by" agent of a brokering verb, or "with the help of" on one) '
        "is no target of the deal; of the brokering, it is the source (a-mediation-is-between-"
        "the-parties then gives its parties).",
        _the_broker_is_no_party,
    ),
    Rule(
        "the-one-met-is-a-party",
        '"Rice met with Sharif", "The Taliban met on Monday with Zalmay Khalilzad", "held '
        'talks with Aziz", "joined President Obama at the White House for a private dinner": '
        'a meeting is done together, so the one met (a "with" object, or the object of a '
        "partner verb: partner_verbs in triggers.json) is a source too and stays the target; "
        "a visit, a journey for talks, hosting, mediation or invitation keeps its target "
        "apart.",
        _the_one_met_is_a_party,
    ),
    Rule(
        "place-in-object-is-target",
        'No target yet: the state of a place named in the object ("opened an embassy in '
        'Tehran"), or its people when violence hits where they live ("shelled villages near '
        'Kherson"), marked inferred.',
        _place_in_object_is_target,
    ),
    Rule(
        "visit-needs-a-host",
        'A visit is a meeting with its host: "visited the hospital" with no actor or country to '
        "host it is no CONSULT.",
        _visit_needs_a_host,
    ),
    Rule(
        "detention-by-the-state",
        '"An individual has been arrested", "he was imprisoned in 2018", "protesters who were '
        "detained\": an arrest or detention nobody is said to have made is the state's (the "
        "government of the country where it happened, else of the detained), marked inferred.",
        _detention_by_the_state,
    ),
    Rule(
        "the-homes-hit-are-the-peoples",
        '"Ethnic Albanians have set Serb homes and churches on fire", "a passenger train was '
        'bombed in Baluchistan province", "attacked Cameroonian villages": an attack whose only '
        "victims named are homes, villages, places of worship, markets, schools, hospitals or "
        "passenger transport (data: civilian_objects) fell on the people (CVL) of the place, "
        "else of the country the words name, not on its state, marked inferred (a town seized "
        "is the state's).",
        _homes_hit,
    ),
    Rule(
        "place-is-target",
        "An act on a place with no named target falls on that place's country (the PLOVER "
        "convention; its people when the state acts on its own soil), marked inferred; on "
        'its people too when the victims are civilians named by what they are ("two men and '
        'three women were killed in a raid in Gardez", "released a hundred hostages", "a '
        'drone attack that killed three civilians": the-people-hit-are-the-places-people).',
        _place_is_target,
    ),
    Rule(
        "relief-in-a-place-is-for-its-people",
        '"Dropping food and supplies into isolated parts of Aceh province", "providing vital '
        'humanitarian relief supplies ... in Cabo Delgado", "an airlift of 31 tons of relief '
        'supplies in Syria": aid of relief goods (data: relief_goods) whose target a place '
        "rule gave as the place's state goes to the place's people (CVL), marked inferred; "
        "money, loans and arms keep the state.",
        _relief_for_the_people,
    ),
    Rule(
        "unidentified-attacker",
        "A bombing or assassination nobody is said to have carried out is coded to an "
        "unidentified armed force of the country where it happened (CAMEO's UAF; when the "
        "sentence names no place, the country of its target), marked inferred.",
        _unidentified_attacker,
    ),
    Rule(
        "a-clash-of-no-one-named-is-between-the-storys-sides",
        '"Fighting has raged in hot spots of South Sudan for at least three days", "A six-week '
        'war in 2020 killed more than 6,600 people", "There was a fresh exchange of artillery '
        'fire Sunday along the border": fighting whose sentence names no side is between the '
        "two sides the story is about (the two rivals of one country it names most, else the "
        'two countries; as for "both sides"), both sources as in any clash, marked inferred.',
        _clash_of_the_storys_sides,
    ),
    Rule(
        "unnamed-protesters-are-the-places-people",
        '"Anti-government protests continue in Baghdad", "during renewed demonstrations '
        'against the president\'s attempt", "after four days of protesting the election": a '
        "protest whose crowd the sentence does not name is held by the people (civilians) of "
        "the country where it happens, marked inferred.",
        _unnamed_protesters,
    ),
    # -- article: the events of the whole article
    _article_rule(
        JUDGED_ACT_RULE,
        '"Mitsotakis denounced the border agreement", "USCIRF also criticized the move", '
        '"Zelenskiy called the attack a war crime", "the operation was condemned by the EU": a '
        "stance on an act told before, with no target of its own, falls on those who did it "
        "(the parties to the agreement, the attackers, the maker of the move), marked "
        "inferred.",
        _judged_act,
    ),
    _article_rule(
        MEDIATION_RULE,
        '"Signed at talks in Addis Ababa, with the help of mediators from IGAD", "the UN is '
        "attempting to mediate the conflict, with Congo's president accusing Rwanda\": a "
        "mediation that names no party is between the sides of the other acts of its sentence "
        "(else the deal or talks told just before it), marked inferred; never the mediator.",
        _mediations_between_parties,
    ),
    _article_rule(
        ROUND_SIDES_RULE,
        '"A second round of talks is slated for December", "He says their first round of '
        'talks hit an impasse", "wrapped up a fourth round of peace talks ..., agreeing to hold '
        'further negotiations": a round of talks that names no party is between the sides of '
        "the other acts of its sentence, else of the talks told in the three sentences before "
        "it, else of the act told in the sentence just before it (marked inferred); with none "
        "it is dropped.",
        _rounds_of_talks,
    ),
    _article_rule(
        OTHER_SIDE_RULE,
        "An accusation, threat, demand, rejection, concession, talks, show of force, sanction "
        "or protest by one side that names no one it is aimed at is aimed at the side the "
        "article's other acts most often set against the doer's side (\"In the latest "
        'allegations of ceasefire violations, the Indian army said": Pakistan; "Beijing has sent '
        'regular air and sea patrols near the islands": Japan), marked inferred. A state, its '
        "officials, forces, police and courts are one side; media and NGOs none; a tie gives "
        "no target.",
        _the_other_side,
    ),
    _article_rule(
        ATTACK_OTHER_SIDE_RULE,
        "An attack by one side whose sentence names no one hit, and no place it could fall on "
        "(place-is-target reads places first), fell on the side the article's other acts most "
        "often set against the attacker's (\"security forces lobbed a grenade into an area "
        'where doctors were treating some of the wounded": the Guinean civilians the story '
        "sets against its police; \"Thailand called the allegations 'groundless'\", the "
        "shelling Cambodia charged: Cambodia), marked inferred; sides as for "
        f"{OTHER_SIDE_RULE}.",
        _an_attack_on_the_other_side,
    ),
    _article_rule(
        RESTATEMENT_RULE,
        "An act told in the lead and again in the body is one event: records of one type that "
        "disagree on nothing (modality, mode, actors, day, place) and share an actor or a named "
        "town are merged; the fullest sentence is the evidence, the others are its mentions. "
        "A state and its own forces or officials are one side (the-state-and-its-forces); the "
        "speaker's own words in a quote restate his speech act (the-speakers-words-restate-the-"
        'act); "also" before the verb of an event noun ("also imposed sanctions") and what the '
        'news came after ("It came six months after ...") are other acts, and so is an act told '
        'as going on ("Demonstrations against the movie continue throughout the Muslim world", '
        '"Fighting has raged ... for three days": what-goes-on-is-more-than-was-told). The '
        "publication "
        "day an undated lead is read to fall on gainsays no day the body gives (a-guessed-day-"
        'yields: "have released eight people" and "were freed Wednesday" are one release), and '
        "a day a retelling names within the week, month or year of the fullest mention dates "
        'the act (a-finer-day-told-again-dates-the-act: "in fiscal year 2012" and "Today in '
        'New York, Clinton announced"). A toll of a spell of unrest (a-toll-of-unrest-sums-'
        "many-acts) folded into no act told before stands for acts the report does not tell "
        'one by one and is dropped (a-lone-toll-of-unrest-is-no-act: "At least 15 people have '
        'been killed in more than a week of protests" beside the shooting the lead tells). '
        "An event noun told as known that joins no act for a side, place or mode read otherwise "
        "is still the latest act of its type and modality told before with that noun on no "
        'other day ("The sources said the strikes targeted camps" after "a new barrage of '
        'cross-border airstrikes": a-known-noun-is-the-act-it-names).',
        _restatement,
    ),
)
