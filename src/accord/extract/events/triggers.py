"""Finding triggers: the words of a sentence that the lexicon says make an event.

A ``Candidate`` is a trigger before its actors and modality are worked out: a verb ("accused"),
a governing verb with the content it takes ("agreed to a swap"), an event noun with the verb
that makes it happen ("held talks"), or an adjective ("is opposed to").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from accord.extract.events.lexicon import Lexicon, TriggerEntry, lemma_of
from accord.extract.events.syntax import (
    DOCUMENT_NOUNS,
    FUTURE_AUX,
    SUBJECT_DEPS,
    complement_of,
    depth_of,
    is_in_adjunct,
    is_nominal_verb,
    is_nounlike,
    is_to_infinitive,
    objects_of_preposition,
)

if TYPE_CHECKING:
    from accord.extract.events.participants import MentionIndex

MEASURE_NOUNS = {
    "ton",
    "tonne",
    "amount",
    "shipment",
    "consignment",
    "package",
    "batch",
    "load",
    "kilogram",
    "kg",
    "litre",
    "liter",
    "million",
    "billion",
    "dollar",
    "euro",
    "worth",
    "truckload",
    "supply",
}


# Nouns that stand for the people they group: "thousands of refugees", "a mission of observers".
GROUPING_NOUNS = {
    "thousand",
    "hundred",
    "dozen",
    "number",
    "group",
    "mission",
    "team",
    "contingent",
    "batch",
    "delegation",
}


LIGHT_HEAD_NOUNS = {"effort", "mission", "process", "operation", "campaign", "initiative", "bid"}
CONTAINER_NOUNS = {"proposal", "plan", "offer", "idea", "request", "initiative", "suggestion"}
DEONTIC_AUX = {"must", "should"}
TOLL_VERBS = {"kill", "die", "destroy", "displace", "wound", "injure"}
MULTITUDES = {"thousands", "millions"}


@dataclass
class Candidate:
    """A trigger found in a sentence, before actors and modality are worked out."""

    token: Token  # the word whose entry gives the type (verb or noun)
    entry: TriggerEntry
    predicate: Token  # the verb whose subject/objects give the actors
    complement: Token | None = None  # the content a governing verb takes
    why: list[str] = field(default_factory=list)
    speaker_is_source: bool = False  # demands and threats voiced by the reporting speaker
    rules: list[str] = field(default_factory=list)  # the rule (or model) that found it first
    confidence: float = 1.0  # below 1 for a model's reading


def _phrasal_keys(token: Token, lexicon: Lexicon) -> list[str]:
    """Multi-word forms of a verb: with its particle ("pull out"), its preposition and object
    ("go on strike"), or its object ("open fire", "hold talks"), longest first."""
    lemma = lemma_of(token, lexicon)
    keys = []
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ == "prep":
            keys.extend(f"{lemma} {child.lower_} {g.lower_}" for g in child.children)
        if child.dep_ in {"prt", "prep"}:
            keys.append(f"{lemma} {child.lower_}")
        if child.dep_ == "dobj":
            keys.append(f"{lemma} {child.lower_}")
        if child.dep_ == "prep":  # "respond to the listings with countermeasures": the parser
            for pobj in child.children:  # hangs the second phrase on the first one's noun
                for inner in pobj.children:
                    if inner.dep_ == "prep":
                        keys.extend(f"{lemma} {inner.lower_} {g.lower_}" for g in inner.children)
    return sorted(keys, key=len, reverse=True)


def _has_required_object(token: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """Verbs like "exchange" or "free" are events only with the right object (prisoners)."""
    if not entry.objects:
        return True
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [  # "holding thousands of refugees"
        pobj
        for obj in list(objects)
        if lemma_of(obj, lexicon) in MEASURE_NOUNS | GROUPING_NOUNS
        for prep in obj.children
        if prep.lower_ == "of"
        for pobj in prep.children
    ]
    for child in token.children:
        if child.dep_ == "prep":
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return any(lemma_of(o, lexicon) in entry.objects or o.lower_ in entry.objects for o in objects)


def verb_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a verb, phrasal forms first ("call for", "pull out")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    for key in _phrasal_keys(token, lexicon):
        if key in lexicon.phrasal:
            return lexicon.phrasal[key]
    entry = lexicon.verbs.get(lemma_of(token, lexicon))
    if entry is not None and not _has_required_object(token, entry, lexicon):
        return None
    return entry


def _is_purpose_or_background(verb: Token, lexicon: Lexicon) -> bool:
    """ "blocked roads to press their demands" (the aim of the act), "in Serbia, where 24 people
    were killed last March" (the place's history): clauses that are not events of their own."""
    if verb.dep_ == "advcl" and is_to_infinitive(verb):
        return verb.head.pos_ == "VERB" and verb_entry(verb.head, lexicon) is not None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.pos_ == "VERB":
        return True  # "joining demonstrators in demanding a referendum"
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        # "militiamen armed with machetes", "rebels fighting the government"; but "issued a
        # declaration demanding ..." is the demand itself
        return verb.head.lemma_.lower() not in DOCUMENT_NOUNS
    return verb.dep_ == "relcl" and verb.head.ent_type_ in {"GPE", "LOC", "FAC"}


def noun_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a noun (by lemma, then by its surface form); a modifier that names
    another kind of event switches it ("hunger strike" is a PROTEST, not an ASSAULT)."""
    if token.pos_ not in {"NOUN", "PROPN"} and not is_nominal_verb(token, lexicon):
        return None
    entry = lexicon.nouns.get(lemma_of(token, lexicon)) or lexicon.nouns.get(token.lower_)
    if entry is None and is_nominal_verb(token, lexicon):
        entry = lexicon.verbs.get(lemma_of(token, lexicon))
    if entry is None and lemma_of(token, lexicon) in LIGHT_HEAD_NOUNS:
        # "a mediation effort", "a mediation mission": the modifier names the event
        for child in token.children:
            if child.dep_ in {"compound", "nmod"} and child.i < token.i:
                entry = lexicon.nouns.get(lemma_of(child, lexicon))
                if entry is not None:
                    break
    if entry is None:
        return None
    for child in token.children:
        modifier = lexicon.noun_modifiers.get(child.lower_)
        if modifier is None or child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        kind, mode, heads = modifier
        if heads and lemma_of(token, lexicon) in heads and kind and kind != entry.type:
            return TriggerEntry(type=kind, mode=mode, context=entry.context)
    return entry


def _noun_predicate(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that makes a trigger noun an event: "talks concluded", "held talks"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in MEASURE_NOUNS:
        noun, head = head.head, head.head.head  # "provide 25,000 tons of aid": the aid is given
    if noun.dep_ in SUBJECT_DEPS and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in lexicon.reporting_verbs:
            return None
        governing = verb_entry(head, lexicon)
        if governing is not None and governing.governs:
            return None  # "the exchange was agreed": the agreeing is the event
        return head
    if noun.dep_ in {"dobj", "ccomp"} and head.pos_ == "VERB":
        lemma = lemma_of(head, lexicon)
        entry = noun_entry(noun, lexicon)
        governed = entry is not None and any(verb == lemma for verb, _ in entry.if_governed_by)
        if lemma in lexicon.light_verbs or lemma in lexicon.reporting_verbs or governed:
            return head
    return None


def verb_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Verbs of the lexicon; a governing verb takes its content and consumes the verbs and
    nouns in it (added to ``consumed``), so they are not events of their own."""
    candidates: list[Candidate] = []
    for token in sentence:
        if is_nominal_verb(token, lexicon) or _is_purpose_or_background(token, lexicon):
            continue
        entry = verb_entry(token, lexicon)
        if entry is None or token.i in consumed:
            continue
        candidate = Candidate(
            token=token, entry=entry, predicate=token, why=[f"verb '{token.lemma_}'"]
        )
        if entry.governs:
            complement = complement_of(token)
            if complement is not None:
                candidate.complement = complement
                consumed.update(t.i for t in complement.subtree if t.pos_ in {"VERB", "NOUN"})
                candidate.why.append(f"governs '{complement.text}'")
        candidates.append(candidate)
    return candidates


def adjective_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Predicative adjectives of the lexicon: "Israel is opposed to French mediation", "X is
    critical of Y"."""
    candidates: list[Candidate] = []
    for token in sentence:
        entry = lexicon.adjectives.get(token.lemma_.lower()) if token.pos_ == "ADJ" else None
        if entry is not None and token.dep_ == "acomp" and token.i not in consumed:
            candidate = Candidate(
                token=token, entry=entry, predicate=token.head, why=[f"adjective '{token.text}'"]
            )
            candidate.complement = next(iter(objects_of_preposition(token, "to")), None)
            candidates.append(candidate)
    return candidates


def noun_triggers(sentence: Span, lexicon: Lexicon, consumed: set[int]) -> list[Candidate]:
    """Event nouns of the lexicon with a verb that makes them happen ("held talks", "talks
    concluded"); a noun in a scene-setting phrase ("at the Istanbul talks") is not one."""
    candidates: list[Candidate] = []
    for token in sentence:
        if token.i in consumed:
            continue
        entry = noun_entry(token, lexicon)
        if entry is None or is_in_adjunct(token):
            continue
        predicate = _noun_predicate(token, lexicon)
        if predicate is None:
            continue
        governed_type = entry.type_under(predicate)
        if governed_type != entry.type:
            entry = TriggerEntry(type=governed_type, context=entry.context)
        candidate = Candidate(
            token=token, entry=entry, predicate=predicate, why=[f"noun '{token.lemma_}'"]
        )
        candidates.append(candidate)
    return candidates


def _in_reported_speech(token: Token, lexicon: Lexicon) -> bool:
    node = token
    while node.head != node and node.dep_ in {"ccomp", "conj", "xcomp", "advcl"}:
        if node.dep_ == "ccomp" and lemma_of(node.head, lexicon) in lexicon.reporting_verbs:
            return True
        node = node.head
    return False


def with_deontic_demands(
    candidates: list[Candidate], sentence: Span, lexicon: Lexicon
) -> list[Candidate]:
    """ "“Iran must stop arming Russia,” Kallas said": what a speaker says another actor must or
    should do is a REQUEST from the speaker to that actor; the events inside it are not asserted."""
    for token in sentence:
        modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
        has_subject = any(c.dep_ == "nsubj" for c in token.children)
        if token.pos_ != "VERB" or not modals & DEONTIC_AUX or not has_subject:
            continue
        if not _in_reported_speech(token, lexicon):
            continue
        inside = {t.i for t in token.subtree if t.dep_ not in SUBJECT_DEPS}
        candidates = [c for c in candidates if c.token.i not in inside]
        demand = Candidate(
            token=token,
            entry=TriggerEntry(type="REQUEST"),
            predicate=token,
            complement=token,
            why=[f"'{token.text}' with a deontic modal in reported speech"],
            speaker_is_source=True,
        )
        candidates.append(demand)
    return candidates


def merge_same_clause(candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """One event per clause: "a strike killed X and injured Y" is one ASSAULT, not three, and
    "shelling ... killed 14" one ASSAULT with the mode the shelling gives."""
    by_token = {c.token.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        token = candidate.token
        head = by_token.get(token.head.i)
        if head is None or head is candidate or head.entry.type != candidate.entry.type:
            continue
        has_own_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
        if token.dep_ in SUBJECT_DEPS and is_nounlike(token, lexicon):
            keep, drop = candidate, head  # the event noun absorbs its verb
        elif token.dep_ in {"advcl", "csubj", "xcomp", "pcomp"} or (
            token.dep_ == "conj" and (not has_own_subject or candidate.entry.type == "ASSAULT")
        ):  # "14 were killed and 43 were wounded" is one attack
            keep, drop = head, candidate
        else:
            continue
        dropped.add(drop.token.i)
        if keep.entry.mode is None and drop.entry.mode is not None:
            keep.entry = replace(keep.entry, mode=drop.entry.mode)
    for candidate in candidates:  # "killed X and injured Y" under one absorbed head
        head = by_token.get(candidate.token.head.i)
        absorbed = head is not None and head.token.i in dropped
        if candidate.token.dep_ == "conj" and absorbed and head.entry.type == candidate.entry.type:
            dropped.add(candidate.token.i)
    return [c for c in candidates if c.token.i not in dropped]


def is_running_total(sentence: Span) -> bool:
    """ "12,000 civilians have been killed since the invasion began": a toll, not an event."""
    root = sentence.root
    passive = any(c.dep_ == "auxpass" for c in root.children)
    since = any(
        (c.dep_ == "prep" and c.lower_ == "since")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        for c in root.children
    )
    text = sentence.text.lower()
    return (passive or root.lemma_ in TOLL_VERBS) and (
        since
        or any(marker in text for marker in ("so far", "to date", "in total"))
        or _war_toll(root)
    )


def _war_toll(verb: Token) -> bool:
    """ "It has killed tens of thousands of people": a perfect tense and an uncounted multitude
    sum up a war, they report no act."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    counted = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return perfect and any(t.lower_ in MULTITUDES for c in counted for t in c.subtree)


def joint_commitments(sentence: Span, index: MentionIndex) -> list[Candidate]:
    """ "Both sides would exchange proposals": a reported joint undertaking is an AGREE (future)."""
    found = []
    for token in sentence:
        if token.pos_ != "VERB" or not any(c.lower_ in FUTURE_AUX for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        mentions = index.at(subject) if subject is not None else []
        if len(mentions) >= 2 and all(m.why == "both-sides" for m in mentions):
            entry = TriggerEntry(type="AGREE", modality="agreed")
            found.append(
                Candidate(token=token, entry=entry, predicate=token, why=["joint undertaking"])
            )
    return found


def type_of_complement(candidate: Candidate, lexicon: Lexicon) -> str | None:
    """For verbs like "consider" and "deny" the type comes from what is considered or denied;
    "a proposal to pause operations" is about the pause, not the proposal."""
    if candidate.complement is None:
        return None
    found = []
    for token in sorted(candidate.complement.subtree, key=depth_of):  # nearest content first
        entry = verb_entry(token, lexicon) or noun_entry(token, lexicon)
        if entry is not None and entry.type:
            found.append((token, entry.type_under(candidate.token)))
    content = [kind for token, kind in found if lemma_of(token, lexicon) not in CONTAINER_NOUNS]
    return (content or [kind for _, kind in found] or [None])[0]


def alternative_reading(
    candidate: Candidate, lexicon: Lexicon
) -> tuple[str, str | None, frozenset] | None:
    """The entry's second reading when its object calls for it: withdrawing diplomats or from
    a treaty (SANCTION), expelling migrants (COERCE deport), cutting off aid (SANCTION)."""
    alt = candidate.entry.alt
    if alt is None:
        return None
    verb = candidate.token
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += objects_of_preposition(verb, "from") + objects_of_preposition(verb, "of")
    objects += [p for o in list(objects) for p in objects_of_preposition(o, "of")]
    return alt if any(lemma_of(o, lexicon) in alt[2] for o in objects) else None
