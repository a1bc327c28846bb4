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

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from accord.extract.events.lexicon import TriggerEntry, lemma_of
from accord.extract.events.modality import modality_of
from accord.extract.events.modes import mode_and_context, threat_mode
from accord.extract.events.participants import (
    OWN_FORCES_TYPES,
    MentionIndex,
    actor_clause,
    condition_subjects,
    core_mentions,
    event_actors,
    event_objects,
    imposes_restriction,
    nested_targets,
    object_place_targets,
    own_forces,
    people_of_city,
    perpetrators_in,
    reporter_mentions,
    reporting_subject,
    unique_mentions,
)
from accord.extract.events.restatements import merge_restatements
from accord.extract.events.syntax import is_nounlike
from accord.extract.events.triggers import (
    Candidate,
    adjective_triggers,
    alternative_reading,
    is_running_total,
    joint_commitments,
    merge_same_clause,
    noun_entry,
    noun_triggers,
    type_of_complement,
    verb_triggers,
    with_deontic_demands,
)
from accord.models import ActorMention, ActorRef, Event, Place
from accord.resolve.actors import inferred_ref

if TYPE_CHECKING:
    from accord.extract.events.coder import Coder

SCOPES = ("sentence", "event", "article")
OWN_ACTION_TYPES = {"SANCTION", "AID", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"}
SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}
INTENT_TYPES = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT"}
THREAT_TYPES = {"ASSAULT", "SANCTION", "COERCE", "PROTEST", "RETREAT", "REJECT", "MOBILIZE"}
ACCEPT_VERBS = {"accept", "agree", "agreement", "deal", "accord"}
FUTURE_THREAT_TYPES = {"ASSAULT", "COERCE"}
ORDERED_ACTION_TYPES = {"MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "SANCTION"}
ACTORLESS_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}
HAPPEN_VERBS = {
    "take",
    "happen",
    "occur",
    "begin",
    "start",
    "conclude",
    "end",
    "resume",
    "continue",
}
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
    place: Place | None = None  # the place the sentence itself names, if any
    kind: str | None = None
    content_type: str | None = None  # the type of what a governing verb takes
    content_entry: TriggerEntry | None = None
    alternative: tuple[str, str | None, frozenset[str]] | None = None
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

    def objects(self, coder: Coder) -> list[Token]:
        """The event's objects and participant phrases (worked out once)."""
        if self._objects is None:
            self._objects = event_objects(self.candidate, coder.lexicon)
        return self._objects

    def imposes_restriction(self, coder: Coder) -> bool:
        """Is the content a restriction on a place's people (curfew, lockdown)?"""
        return imposes_restriction(self.candidate, self.objects(coder))

    def source_ids(self) -> set[str]:
        return {m.actor.id for m in self.sources}


@dataclass
class ArticleDraft:
    """The finished events of one article (dates, places and counts added) while the article
    rules look at them together."""

    events: list[Event]


# --- sentence rules -----------------------------------------------------------------------------


def _running_total(found: SentenceDraft, coder: Coder) -> bool:
    if is_running_total(found.sentence):
        found.closed = True
    return found.closed


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


def _one_event_per_clause(found: SentenceDraft, coder: Coder) -> bool:
    before = len(found.candidates)
    found.candidates = merge_same_clause(found.candidates, coder.lexicon)
    return len(found.candidates) != before


def _deontic_demands(found: SentenceDraft, coder: Coder) -> bool:
    before = [id(c) for c in found.candidates]
    found.candidates = with_deontic_demands(found.candidates, found.sentence, coder.lexicon)
    return [id(c) for c in found.candidates] != before


def _joint_undertakings(found: SentenceDraft, coder: Coder) -> bool:
    new = joint_commitments(found.sentence, found.index)
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
    if draft.kind != "AGREE" or not governs or draft.content_type not in {"ASSAULT", "COERCE"}:
        return False
    draft.kind = "THREATEN"
    return True


def _ordered_act(draft: EventDraft, coder: Coder) -> bool:
    candidate = draft.candidate
    ordered = lemma_of(candidate.token, coder.lexicon) == "order"
    if not ordered or draft.content_type not in ORDERED_ACTION_TYPES:
        return False
    if candidate.complement and core_mentions(candidate.complement, draft.index):
        return False
    draft.kind = draft.content_type
    return True


def _proposed_own_action(draft: EventDraft, coder: Coder) -> bool:
    proposed = draft.candidate.entry.modality == "proposed"
    if not proposed or draft.content_type not in OWN_ACTION_TYPES:
        return False
    draft.kind = draft.content_type
    return True


def _alternative_reading(draft: EventDraft, coder: Coder) -> bool:
    draft.alternative = alternative_reading(draft.candidate, coder.lexicon)
    if draft.alternative is None:
        return False
    draft.kind = draft.alternative[0]
    return True


# --- event rules: actors ------------------------------------------------------------------------


def _clause_actors(draft: EventDraft, coder: Coder) -> bool:
    clause = actor_clause(draft.candidate)
    draft.sources, draft.targets, draft.actor_why = event_actors(clause, draft.index, coder.lexicon)
    return False


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


def _speaker_performs_speech_act(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.kind not in SPEECH_ACT_TYPES:
        return False
    speaker = reporter_mentions(draft.candidate, draft.index, coder.lexicon)
    if not speaker:
        return False
    draft.sources = speaker
    draft.actor_why = [*draft.actor_why, "the reporting speaker performs it"]
    return True


def _speaker_joins_meeting(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "CONSULT" or not draft.targets or draft.sources:
        return False
    reporter = reporter_mentions(draft.candidate, draft.index, coder.lexicon)
    if not reporter:
        return False
    draft.sources = reporter
    draft.actor_why = [*draft.actor_why, "speaker takes part in the meeting"]
    return True


def _needs_an_actor(draft: EventDraft, coder: Coder) -> bool:
    if draft.sources or draft.targets or _stands_alone(draft.candidate, draft.kind, coder):
        return False
    draft.dropped = True
    return True


def _stands_alone(candidate: Candidate, kind: str | None, coder: Coder) -> bool:
    """An event with no named actor is kept only when a noun names it ("a drone strike")."""
    lexicon = coder.lexicon
    if kind == "ASSAULT" and _counted_victims(candidate.token):
        return True  # "14 people were killed": a casualty report, attacker unknown
    if kind not in ACTORLESS_TYPES or not is_nounlike(candidate.token, lexicon):
        return False
    predicate = lemma_of(candidate.predicate, lexicon)
    if predicate in lexicon.reporting_verbs:
        return False
    # "a drone strike killed ...", "the truce took effect": the noun's own happening
    return kind == "ASSAULT" or predicate in HAPPEN_VERBS or predicate in lexicon.light_verbs


def _counted_victims(verb: Token) -> bool:
    """A passive kill verb whose subject is counted ("14 people were killed")."""
    return any(
        child.dep_ == "nsubjpass" and any(c.dep_ == "nummod" or c.like_num for c in child.subtree)
        for child in verb.children
    )


# --- event rules: modality and mode -------------------------------------------------------------


def _modality(draft: EventDraft, coder: Coder) -> bool:
    draft.modality, draft.modality_why = modality_of(draft.candidate, coder.lexicon)
    return False


def _preparation_is_the_event(draft: EventDraft, coder: Coder) -> bool:
    entry_type = draft.candidate.entry.type
    if entry_type is not None or draft.kind == entry_type or draft.modality != "future":
        return False
    draft.modality, draft.modality_why = "asserted", ["preparation is itself the event"]
    return True


def _mode_and_context(draft: EventDraft, coder: Coder) -> bool:
    draft.mode, draft.contexts = mode_and_context(draft.candidate, draft.kind, coder.lexicon)
    return False


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
    accepting = lemma_of(draft.candidate.token, coder.lexicon) in ACCEPT_VERBS
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
    return _as_threat(draft, coder, "an announced hostile act is a threat")


def _promised_act(draft: EventDraft, coder: Coder) -> bool:
    candidate, kind = draft.candidate, draft.kind
    if draft.modality not in {"future", "conditional"} or kind not in INTENT_TYPES:
        return False
    if candidate.entry.type != kind:
        return False
    if kind == "CONSULT" and is_nounlike(candidate.token, coder.lexicon):
        return False  # "X will visit Y" promises a meeting; "a summit would take place" plans one
    draft.kind, draft.mode = "AGREE", None
    draft.modality_why = [*draft.modality_why, "a promised or offered cooperative act is an AGREE"]
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
    fired = len(kept) != len(draft.targets)
    draft.targets = kept
    return fired


def _accused_are_perpetrators(draft: EventDraft, coder: Coder) -> bool:
    if draft.kind != "ACCUSE":
        return False
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


def _actor_inside_object(draft: EventDraft, coder: Coder) -> bool:
    if draft.targets:
        return False
    targets = nested_targets(draft.candidate, draft.objects(coder), draft.index, draft.source_ids())
    if draft.kind in OWN_FORCES_TYPES:
        targets = [t for t in targets if not own_forces(t, draft.sources)]
    draft.targets = targets
    if not targets:
        return False
    draft.actor_why = [*draft.actor_why, "actor named inside the object"]
    return True


def _place_in_object_is_target(draft: EventDraft, coder: Coder) -> bool:
    if draft.targets or draft.kind in {"CONSULT"}:
        return False
    draft.inferred_targets = object_place_targets(
        draft.candidate,
        draft.objects(coder),
        draft.sources,
        draft.imposes_restriction(coder),
        coder.dictionary,
        coder.gazetteer,
    )
    if not draft.inferred_targets:
        return False
    place = draft.inferred_targets[0].text
    draft.actor_why = [*draft.actor_why, f"target inferred from the place {place}"]
    return True


def _place_is_target(draft: EventDraft, coder: Coder) -> bool:
    place = draft.place
    if draft.kind not in PLACE_TARGET_TYPES or draft.targets or draft.inferred_targets:
        return False
    if place is None or not place.country:
        return False
    target = coder.dictionary.state(place.country)
    if any(source.actor.id == target.id for source in draft.sources):
        # a state acting on its own soil ("lifted the state of emergency in Darfur") acts on
        # its people, not on itself
        target = coder.dictionary.group(place.country, "CVL")
    draft.inferred_targets = (inferred_ref(target, place.text),)
    draft.inference_why.append(f"target inferred from the place {place.name}")
    return True


def _unidentified_attacker(draft: EventDraft, coder: Coder) -> bool:
    place = draft.place
    unclaimed = draft.kind == "ASSAULT" and draft.mode in UNCLAIMED_ATTACK_MODES
    if not unclaimed or draft.sources or draft.inferred_sources:
        return False
    if place is None or not place.country:
        return False
    attacker = coder.dictionary.group(place.country, "UAF")
    draft.inferred_sources = (inferred_ref(attacker, place.text),)
    draft.inference_why.append(
        f"unclaimed attack: source is an unidentified armed force in {place.name}"
    )
    return True


# --- article rules ------------------------------------------------------------------------------


def _restatement(found: ArticleDraft, coder: Coder) -> bool:
    before = len(found.events)
    found.events = merge_restatements(found.events, RESTATEMENT_RULE)
    return len(found.events) != before


RESTATEMENT_RULE = "restatement-is-one-event"


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
        "one-event-per-clause",
        '"A strike killed X and injured Y" is one ASSAULT, not three; an event noun absorbs '
        "its verb and lends it its mode.",
        _one_event_per_clause,
    ),
    _sentence_rule(
        "deontic-demand",
        '"Iran must stop arming Russia," Kallas said: what a speaker says another actor must '
        "or should do is a REQUEST from the speaker; the events inside it are not asserted.",
        _deontic_demands,
    ),
    _sentence_rule(
        "joint-undertaking",
        '"Both sides would exchange proposals": a joint undertaking is an AGREE (agreed).',
        _joint_undertakings,
    ),
    # -- event: type
    Rule(
        "trigger-type",
        "The event's type is its trigger's; the type of the content a governing verb takes is "
        "read for the rules below.",
        _trigger_type,
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
        "vow-of-force-is-threat",
        '"Vowed to fight on", "swore to retaliate": a promise of force is a THREATEN.',
        _vow_of_force,
    ),
    Rule(
        "ordered-act",
        '"The government ordered police patrols": the ordered act is the event (when the '
        "order names no one it is given to).",
        _ordered_act,
    ),
    Rule(
        "proposed-own-action",
        "Proposing sanctions (or aid, an attack ...) is a proposed SANCTION, not a request.",
        _proposed_own_action,
    ),
    Rule(
        "alternative-reading",
        "The lexicon's second reading when the object calls for it: withdrawing an ambassador "
        "is a SANCTION, not a RETREAT; expelling migrants a COERCE.",
        _alternative_reading,
    ),
    # -- event: actors
    Rule(
        "clause-actors",
        "Sources and targets from the clause: subject (or agent), passive subject, objects, "
        "participant phrases and the participants of an event noun.",
        _clause_actors,
    ),
    Rule(
        "reporting-speaker-is-source",
        "A demand voiced in reported speech, or a threat whose subject bears the consequences, "
        "comes from the reporting speaker; everyone else named is its target.",
        _reporting_speaker_is_source,
    ),
    Rule(
        "speaker-performs-speech-act",
        "Accusing, demanding, rejecting with no subject: whoever is reported saying so does it.",
        _speaker_performs_speech_act,
    ),
    Rule(
        "speaker-joins-meeting",
        "A meeting with named partners and no subject: the reporting speaker takes part.",
        _speaker_joins_meeting,
    ),
    Rule(
        "needs-an-actor",
        'An event with no actor is dropped, unless a noun names it as happening ("a drone '
        'strike killed ...") or victims are counted ("14 people were killed").',
        _needs_an_actor,
    ),
    # -- event: modality and mode
    Rule(
        "modality",
        "Modality from negation, failure verbs, denial, conditional clauses, auxiliaries, "
        "hedging adjectives and the trigger's own modality.",
        _modality,
    ),
    Rule(
        "preparation-is-the-event",
        "A typeless trigger coded by its future content (preparing an offensive) reports the "
        "preparation as happening: asserted, not future.",
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
    # -- event: recoding
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
        '"Farmers said they would blockade Paris": an announced attack or coercion is a THREATEN.',
        _announced_hostile_act,
    ),
    Rule(
        "promised-act-is-agree",
        '"X will provide aid", "would meet Y if ...": a promised or offered cooperative act is '
        "an AGREE (CAMEO 03).",
        _promised_act,
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
        "not its target.",
        _own_forces_not_target,
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
        "actor-inside-object",
        'No target yet: an actor named inside the object ("rejected an offer from X").',
        _actor_inside_object,
    ),
    Rule(
        "place-in-object-is-target",
        'No target yet: the state of a place named in the object ("opened an embassy in '
        'Tehran"), marked inferred.',
        _place_in_object_is_target,
    ),
    Rule(
        "place-is-target",
        "An act on a place with no named target falls on that place's country (the PLOVER "
        "convention; its people when the state acts on its own soil), marked inferred.",
        _place_is_target,
    ),
    Rule(
        "unidentified-attacker",
        "A bombing or assassination nobody is said to have carried out is coded to an "
        "unidentified armed force of the country where it happened (CAMEO's UAF), marked "
        "inferred.",
        _unidentified_attacker,
    ),
    # -- article: the events of the whole article
    _article_rule(
        RESTATEMENT_RULE,
        "An act told in the lead and again in the body is one event: records of one type that "
        "disagree on nothing (modality, mode, actors, day, place) and share an actor or a named "
        "town are merged; the fullest sentence is the evidence, the others are its mentions.",
        _restatement,
    ),
)
