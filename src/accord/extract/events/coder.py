"""Coding one sentence: its triggers, each with type, mode, actors and modality."""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.extract.events.modality import modality_of
from accord.extract.events.modes import mode_and_context, threat_mode
from accord.extract.events.participants import (
    OWN_FORCES_TYPES,
    Geocoder,
    MentionIndex,
    actor_clause,
    attribution_of,
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
from accord.extract.events.syntax import is_nounlike
from accord.extract.events.triggers import (
    Candidate,
    alternative_reading,
    find_candidates,
    is_running_total,
    joint_commitments,
    noun_entry,
    type_of_complement,
)
from accord.models import ActorRef, Counts, Event, Evidence
from accord.resolve.actors import ActorDictionary, actor_ref

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


COUNT_TYPES = {"ASSAULT", "COERCE", "RETREAT", "AGREE", "PROTEST", "MOBILIZE", "SANCTION"}


def code_sentence_events(
    sentence: Span,
    sentence_index: int,
    index: MentionIndex,
    lexicon: Lexicon,
    dictionary: ActorDictionary,
    gazetteer: Geocoder,
) -> list[tuple[Candidate, dict]]:
    """Events of one sentence as (candidate, fields) pairs, before dates, places and counts."""
    if is_running_total(sentence):
        return []
    coded = []
    for candidate in [*find_candidates(sentence, lexicon), *joint_commitments(sentence, index)]:
        fields = code_candidate(candidate, index, lexicon, dictionary, gazetteer)
        if fields is not None:
            coded.append((candidate, fields))
    return coded


def code_candidate(
    candidate: Candidate,
    index: MentionIndex,
    lexicon: Lexicon,
    dictionary: ActorDictionary,
    gazetteer: Geocoder,
) -> dict | None:
    """Type, mode, actors and modality of one trigger; None when it is not a codable event."""
    content_type = type_of_complement(candidate, lexicon)
    kind = candidate.entry.type or content_type
    if kind is None:
        return None
    content = candidate.complement
    content_entry = noun_entry(content, lexicon) if content is not None else None
    if candidate.entry.governs and content_entry is not None:
        governed = content_entry.type_under(candidate.token)
        if governed != content_entry.type:
            kind = governed  # "accepted the rebels' demands" concedes; it is not an AGREE
    if kind == "AGREE" and candidate.entry.governs and content_type in {"ASSAULT", "COERCE"}:
        kind = "THREATEN"  # "vowed to fight on", "swore to retaliate": a promise of force
    ordered = lemma_of(candidate.token, lexicon) == "order" and content_type in ORDERED_ACTION_TYPES
    if ordered and not (candidate.complement and core_mentions(candidate.complement, index)):
        kind = content_type  # "the government ordered police patrols": the ordered act
    if candidate.entry.modality == "proposed" and content_type in OWN_ACTION_TYPES:
        kind = content_type  # proposing sanctions is a proposed SANCTION, not a request
    alternative = alternative_reading(candidate, lexicon)
    if alternative is not None:  # "withdrew its ambassador" is a SANCTION, not a RETREAT
        kind = alternative[0]
    sources, targets, actor_why = event_actors(actor_clause(candidate), index, lexicon)
    if candidate.speaker_is_source or candidate.entry.subject_is_target:
        speaker = reporter_mentions(candidate, index, lexicon)
        speaker_ids = {m.actor.id for m in speaker}
        targets = [
            m for m in unique_mentions([*sources, *targets]) if m.actor.id not in speaker_ids
        ]
        sources, actor_why = speaker, [*actor_why, "the reporting speaker is the source"]
    if not sources and kind in SPEECH_ACT_TYPES:
        speaker = reporter_mentions(candidate, index, lexicon)
        if speaker:  # accusing, demanding, rejecting are done by whoever is reported saying so
            sources, actor_why = speaker, [*actor_why, "the reporting speaker performs it"]
    if kind == "CONSULT" and targets and not sources:
        reporter = reporter_mentions(candidate, index, lexicon)
        if reporter:
            sources, actor_why = reporter, [*actor_why, "speaker takes part in the meeting"]
    if not sources and not targets and not _stands_alone(candidate, kind, lexicon):
        return None
    modality, modality_why = modality_of(candidate, lexicon)
    if kind != candidate.entry.type and candidate.entry.type is None and modality == "future":
        modality, modality_why = "asserted", ["preparation is itself the event"]
    mode, contexts = mode_and_context(candidate, kind, lexicon)
    if candidate.entry.type and kind != candidate.entry.type and mode == candidate.entry.mode:
        mode = None  # "cancelled restrictions": a CONCEDE keeps no mode of "cancel" (REJECT meet)
    if alternative is not None:
        mode = alternative[1]
    if (
        kind == "AGREE"
        and modality == "negated"
        and lemma_of(candidate.token, lexicon) in ACCEPT_VERBS
    ):
        kind, modality = "REJECT", "asserted"  # "will not accept more refugees"
        modality_why = [*modality_why, "a refused acceptance is a rejection"]
    if modality == "conditional" and kind in THREAT_TYPES:
        # "will withdraw its force unless ...", "would boycott the vote if ...": a threat
        mode = lexicon.threat_modes.get(lemma_of(candidate.token, lexicon)) or threat_mode(kind)
        kind, modality_why = "THREATEN", [*modality_why, "a conditional hostile act is a threat"]
    elif (
        modality == "future"
        and kind in FUTURE_THREAT_TYPES
        and reporting_subject(candidate, lexicon)
    ):
        # "farmers said they would blockade Paris": an announced hostile act is a threat
        mode = lexicon.threat_modes.get(lemma_of(candidate.token, lexicon)) or threat_mode(kind)
        kind, modality_why = "THREATEN", [*modality_why, "an announced hostile act is a threat"]
    elif (
        modality in {"future", "conditional"}
        and kind in INTENT_TYPES
        and candidate.entry.type == kind
        and (kind != "CONSULT" or not is_nounlike(candidate.token, lexicon))
    ):  # "X will visit Y" promises a meeting; "a summit would take place" only plans one
        # "X will provide aid / would meet Y if ...": a promise or offer (CAMEO 03) is an AGREE
        kind, mode = "AGREE", None
        modality_why = [*modality_why, "a promised or offered cooperative act is an AGREE"]
    source_ids = {m.actor.id for m in sources}
    if kind == "THREATEN" and not targets:
        targets = condition_subjects(candidate, index, source_ids)
        if targets:  # "will strike unless Israel rescinds": the threat is aimed at Israel
            actor_why = [*actor_why, "subject of the condition is the target"]
    if kind in OWN_FORCES_TYPES and sources:  # "mobilised army reservists", "sent troops"
        targets = [t for t in targets if not own_forces(t, sources)]
    objects = event_objects(candidate, lexicon)
    restriction = imposes_restriction(candidate, objects)
    if kind == "ACCUSE":  # "an investigation into crimes committed by Croat forces against
        # Serb civilians": the accused are the perpetrators, not the victims
        heads = [candidate.token, *objects]
        targets = perpetrators_in(heads, index, source_ids) or targets
    if restriction:  # "blockade Paris": the city's people, not France
        targets = [people_of_city(m, dictionary) for m in targets]
    if not targets:
        targets = nested_targets(candidate, objects, index, source_ids)
        if kind in OWN_FORCES_TYPES:
            targets = [t for t in targets if not own_forces(t, sources)]
        if targets:  # "rejected an offer from Afghanistan", "Serbia's suppression of ..."
            actor_why = [*actor_why, "actor named inside the object"]
    place_targets: tuple[ActorRef, ...] = ()
    if not targets and kind not in {"CONSULT"}:
        place_targets = object_place_targets(
            candidate, objects, sources, restriction, dictionary, gazetteer
        )
        if place_targets:  # "opened an embassy in Tehran", "invasion of South Lebanon"
            actor_why = [*actor_why, f"target inferred from the place {place_targets[0].text}"]
    return {
        "type": kind,
        "mode": mode,
        "contexts": contexts,
        "modality": modality,
        "sources": tuple(actor_ref(m) for m in sources),
        "targets": tuple(actor_ref(m) for m in targets) or place_targets,
        "attributed_to": attribution_of(candidate, index, lexicon),
        "why": "; ".join(candidate.why + actor_why + modality_why),
    }


def _stands_alone(candidate: Candidate, kind: str, lexicon: Lexicon) -> bool:
    """An event with no named actor is kept only when a noun names it ("a drone strike")."""
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


def build_event(
    *,
    event_id: str,
    article_id: str,
    candidate: Candidate,
    fields: dict,
    sentence: Span,
    sentence_index: int,
    date=None,
    place=None,
    counts: Counts | None = None,
) -> Event:
    """Assemble the Event record with its evidence."""
    trigger = candidate.token
    text = sentence.text.rstrip()
    evidence = Evidence(
        sentence_index=sentence_index,
        start=trigger.idx,
        end=trigger.idx + len(trigger.text),
        sentence=text,
        why=fields["why"],
        sentence_start=sentence.start_char,
    )
    return Event(
        id=event_id,
        article_id=article_id,
        type=fields["type"],
        mode=fields["mode"],
        modality=fields["modality"],
        trigger=trigger.text,
        evidence=evidence,
        sources=fields["sources"],
        targets=fields["targets"],
        contexts=fields["contexts"],
        date=date,
        place=place,
        counts=counts if counts is not None and fields["type"] in COUNT_TYPES else Counts(),
        attributed_to=fields["attributed_to"],
    )
