"""Event coding: PLOVER events found in each sentence from the dependency parse and a lexicon.

A trigger is a verb or noun listed in ``data/triggers.json``. Verbs that *govern* a complement
("agreed to a swap", "rejected a meeting", "urged sanctions") set the type themselves and take
mode and context from the complement. Source and target actors come from the clause's subject,
object and participant phrases; modality from negation, auxiliaries, conditionals and the
governing verb. Every event keeps the sentence, the trigger span and the rule that fired.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from accord.errors import DataFileError
from accord.models import MODALITIES, ActorMention, ActorRef, Counts, Event, Evidence
from accord.resolve.actors import actor_ref, inferred_ref, load_dictionary
from accord.resolve.places import geocode

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
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLIMB_DEPS = {"advcl", "pcomp", "prep", "conj", "xcomp", "acl", "relcl", "ccomp", "acomp"}
PARTICIPANT_PREPS = {
    "with",
    "against",
    "to",
    "on",
    "toward",
    "towards",
    "between",
    "involving",
    "of",
}
AFFILIATION_PREPS = {"of", "from", "for"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "into", "from", "around"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll"}
HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
CONDITIONAL_MARKS = {"if", "unless", "provided", "providing"}
HYPOTHETICAL_ADJ = {"possible", "potential", "prospective", "hypothetical", "proposed"}
FUTURE_ADJ = {"future", "planned", "upcoming", "forthcoming", "next", "expected"}
MODES_FROM_CONTENT = {"REQUEST", "REJECT"}
ACTORLESS_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}
TOLL_VERBS = {"kill", "die", "destroy", "displace", "wound", "injure"}
NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass"}
OWN_ACTION_TYPES = {"SANCTION", "AID", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"}
DEONTIC_AUX = {"must", "should"}
# Verbs whose object is the means, not the doer, of the act that follows ("police used water
# cannon to disperse protesters": the police disperse them).
INSTRUMENT_VERBS = {"use", "employ", "deploy", "send", "dispatch", "fire", "launch", "bring"}
# Reporting verbs that, with an event noun as object, enact it ("announced a suspension").
DECLARING_VERBS = {"announce", "declare", "proclaim", "unveil"}
# Texts an actor issues; a verb hanging on one ("a declaration demanding ...") is the actor's act.
DOCUMENT_NOUNS = {
    "statement",
    "declaration",
    "letter",
    "resolution",
    "communique",
    "message",
    "appeal",
    "petition",
    "decree",
    "ultimatum",
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
CONTAINER_NOUNS = {"proposal", "plan", "offer", "idea", "request", "initiative", "suggestion"}
SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}
INTENT_TYPES = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "CONSULT"}
READINESS_WORDS = {"ready", "willing", "prepared", "poised", "set"}
READINESS_NOUNS = {"willingness", "readiness", "intention", "intent", "determination"}
THREAT_TYPES = {"ASSAULT", "SANCTION", "COERCE", "PROTEST", "RETREAT", "REJECT", "MOBILIZE"}
ACCEPT_VERBS = {"accept", "agree", "agreement", "deal", "accord"}
FAILURE_VERBS = {"fail", "refuse"}
DEMAND_TYPES = {"REQUEST", "ACCUSE", "THREATEN"}
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
LIGHT_HEAD_NOUNS = {"effort", "mission", "process", "operation", "campaign", "initiative", "bid"}
TIMES = {"DATE", "TIME"}
FUTURE_THREAT_TYPES = {"ASSAULT", "COERCE"}
ORDERED_ACTION_TYPES = {"MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "SANCTION"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
# Participles the parser reads as passives that state the subject's own stance ("Israel is
# opposed to", "is committed to"): their subject acts, it is not acted on.
STATIVE_PARTICIPLES = {"opposed", "committed", "determined", "prepared", "resolved", "willing"}
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


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: the PLOVER coding a word brings."""

    type: str | None
    mode: str | None = None
    governs: bool = False
    modality: str | None = None
    context: str | None = None
    objects: frozenset[str] = frozenset()  # the verb fires only with one of these objects
    if_governed_by: tuple[tuple[str, str], ...] = ()  # governing verb lemma -> replacing type
    subject_is_target: bool = False  # "they will bear the consequences": the speaker threatens
    alt: tuple[str, str | None, frozenset[str]] | None = None  # (type, mode, objects) reading

    def type_under(self, verb: Token | None) -> str | None:
        """The type this noun takes under a governing verb ("prepare an offensive": MOBILIZE)."""
        if verb is not None:
            for lemma, kind in self.if_governed_by:
                if verb.lemma_.lower() == lemma:
                    return kind
        return self.type


@dataclass
class Lexicon:
    """Trigger lexicon loaded from ``data/triggers.json``."""

    verbs: dict[str, TriggerEntry] = field(default_factory=dict)
    phrasal: dict[str, TriggerEntry] = field(default_factory=dict)
    nouns: dict[str, TriggerEntry] = field(default_factory=dict)
    noun_modifiers: dict[str, tuple[str | None, str, frozenset[str]]] = field(default_factory=dict)
    complement_modes: dict[str, str] = field(default_factory=dict)
    threat_modes: dict[str, str] = field(default_factory=dict)
    weapon_modes: dict[str, str] = field(default_factory=dict)
    lemma_quirks: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, TriggerEntry] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    reporting_verbs: set[str] = field(default_factory=set)


def _entry(row: dict, where: str) -> TriggerEntry:
    kind = row.get("type")
    if kind is not None and kind not in PLOVER_TYPES:
        raise DataFileError(f"data/triggers.json {where}: unknown PLOVER type {kind!r}")
    modality = row.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise DataFileError(f"data/triggers.json {where}: unknown modality {modality!r}")
    governed = row.get("if_governed_by") or {}
    for replacement in governed.values():
        if replacement not in PLOVER_TYPES:
            raise DataFileError(f"data/triggers.json {where}: unknown type {replacement!r}")
    return TriggerEntry(
        type=kind,
        mode=row.get("mode"),
        governs=bool(row.get("governs")),
        modality=modality,
        context=row.get("context"),
        objects=frozenset(word.lower() for word in row.get("objects") or ()),
        subject_is_target=row.get("subject_role") == "target",
        if_governed_by=tuple((verb.lower(), kind) for verb, kind in governed.items()),
        alt=_alternative(row.get("alt"), where),
    )


def _alternative(alt: dict | None, where: str) -> tuple[str, str | None, frozenset[str]] | None:
    """The second reading of an entry, when the lexicon says which objects call for it."""
    if not alt or not alt.get("objects"):
        return None
    if alt.get("type") not in PLOVER_TYPES:
        raise DataFileError(f"data/triggers.json {where}.alt: unknown type {alt.get('type')!r}")
    return alt["type"], alt.get("mode"), frozenset(w.lower() for w in alt["objects"])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and validate the trigger lexicon (once per process)."""
    path = resources.files("accord") / "data" / "triggers.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/triggers.json: {error}") from error
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
                raise DataFileError(f"data/triggers.json {section}.{word} must be an object")
            if row.get("light"):
                continue
            table[word.lower()] = _entry(row, f"{section}.{word}")
    for word, row in (data.get("noun_modifiers") or {}).items():
        if isinstance(row, dict) and row.get("mode"):
            heads = frozenset(h.lower() for h in row.get("heads") or ())
            lexicon.noun_modifiers[word.lower()] = (row.get("type"), row["mode"], heads)
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
    return lexicon


# --- finding triggers ---------------------------------------------------------------------------


@dataclass
class Candidate:
    """A trigger found in a sentence, before actors and modality are worked out."""

    token: Token  # the word whose entry gives the type (verb or noun)
    entry: TriggerEntry
    predicate: Token  # the verb whose subject/objects give the actors
    complement: Token | None = None  # the content a governing verb takes
    why: list[str] = field(default_factory=list)
    speaker_is_source: bool = False  # demands and threats voiced by the reporting speaker


def lemma_of(token: Token) -> str:
    """The lexicon key of a word: the lemma, corrected where the small model gets it wrong."""
    return load_lexicon().lemma_quirks.get(token.lower_) or token.lemma_.lower()


def _phrasal_keys(token: Token) -> list[str]:
    """Multi-word forms of a verb: with its particle ("pull out"), its preposition and object
    ("go on strike"), or its object ("open fire", "hold talks"), longest first."""
    lemma = lemma_of(token)
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


def _has_required_object(token: Token, entry: TriggerEntry) -> bool:
    """Verbs like "exchange" or "free" are events only with the right object (prisoners)."""
    if not entry.objects:
        return True
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [  # "holding thousands of refugees"
        pobj
        for obj in list(objects)
        if lemma_of(obj) in MEASURE_NOUNS | GROUPING_NOUNS
        for prep in obj.children
        if prep.lower_ == "of"
        for pobj in prep.children
    ]
    for child in token.children:
        if child.dep_ == "prep":
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return any(lemma_of(o) in entry.objects or o.lower_ in entry.objects for o in objects)


def verb_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a verb, phrasal forms first ("call for", "pull out")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    for key in _phrasal_keys(token):
        if key in lexicon.phrasal:
            return lexicon.phrasal[key]
    entry = lexicon.verbs.get(lemma_of(token))
    if entry is not None and not _has_required_object(token, entry):
        return None
    return entry


def is_to_infinitive(verb: Token) -> bool:
    """ "to press", "to protest": a verb with the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_purpose_or_background(verb: Token) -> bool:
    """ "blocked roads to press their demands" (the aim of the act), "in Serbia, where 24 people
    were killed last March" (the place's history): clauses that are not events of their own."""
    if verb.dep_ == "advcl" and is_to_infinitive(verb):
        return verb.head.pos_ == "VERB" and verb_entry(verb.head, load_lexicon()) is not None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.pos_ == "VERB":
        return True  # "joining demonstrators in demanding a referendum"
    if verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        # "militiamen armed with machetes", "rebels fighting the government"; but "issued a
        # declaration demanding ..." is the demand itself
        return verb.head.lemma_.lower() not in DOCUMENT_NOUNS
    return verb.dep_ == "relcl" and verb.head.ent_type_ in {"GPE", "LOC", "FAC"}


def _is_nominal_verb(token: Token) -> bool:
    """A word tagged as a verb but used as a noun: "imposed asset freezes" parsed as "asset
    freezes" (subject and verb) under the light verb."""
    if token.pos_ != "VERB" or token.tag_ not in {"VBZ", "NN", "NNS"}:
        return False
    if token.dep_ in NOMINAL_DEPS:
        return True
    light_verbs = load_lexicon().light_verbs
    return token.dep_ == "ccomp" and lemma_of(token.head) in light_verbs


def is_nounlike(token: Token) -> bool:
    """A noun, or a verb form the parser tagged wrongly but which stands as a noun."""
    return token.pos_ in {"NOUN", "PROPN"} or _is_nominal_verb(token)


def noun_entry(token: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """The lexicon entry of a noun (by lemma, then by its surface form); a modifier that names
    another kind of event switches it ("hunger strike" is a PROTEST, not an ASSAULT)."""
    if token.pos_ not in {"NOUN", "PROPN"} and not _is_nominal_verb(token):
        return None
    entry = lexicon.nouns.get(lemma_of(token)) or lexicon.nouns.get(token.lower_)
    if entry is None and _is_nominal_verb(token):
        entry = lexicon.verbs.get(lemma_of(token))
    if entry is None and lemma_of(token) in LIGHT_HEAD_NOUNS:
        # "a mediation effort", "a mediation mission": the modifier names the event
        for child in token.children:
            if child.dep_ in {"compound", "nmod"} and child.i < token.i:
                entry = lexicon.nouns.get(lemma_of(child))
                if entry is not None:
                    break
    if entry is None:
        return None
    for child in token.children:
        modifier = lexicon.noun_modifiers.get(child.lower_)
        if modifier is None or child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        kind, mode, heads = modifier
        if heads and lemma_of(token) in heads and kind and kind != entry.type:
            return TriggerEntry(type=kind, mode=mode, context=entry.context)
    return entry


def complement_of(verb: Token) -> Token | None:
    """The content a governing verb takes: an xcomp, an object, a to/for/on phrase, a ccomp."""
    children = list(verb.children)
    for dep in ("xcomp", "dobj"):
        for child in children:
            if child.dep_ == dep:
                return child
    for child in children:
        if child.i < verb.i or child.dep_ not in {"prep", "prt"}:
            continue  # "on Tuesday demanded ...": a date in front is not what was demanded
        if child.lower_ in {"to", "for", "on", "upon"}:
            for grandchild in child.children:
                if grandchild.dep_ in {"pobj", "pcomp"} and grandchild.ent_type_ not in TIMES:
                    return grandchild
    for child in children:
        if child.dep_ == "ccomp":
            return child
    for child in children:
        if child.dep_ == "nsubjpass":
            return child  # "the exchange was agreed on Tuesday"
    for child in children:  # "have sworn to fight", parsed as an adverbial clause
        to_infinitive = is_to_infinitive(child)
        if child.dep_ == "advcl" and child.i > verb.i and to_infinitive:
            return child
    return None


def _is_in_adjunct(noun: Token) -> bool:
    """A noun inside a locative/temporal phrase ("at the Istanbul talks") is scenery, not news."""
    return (
        noun.dep_ == "pobj"
        and noun.head.dep_ in {"prep", "agent"}
        and noun.head.head.pos_
        in {
            "VERB",
            "AUX",
        }
    )


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
        lemma = lemma_of(head)
        entry = noun_entry(noun, lexicon)
        governed = entry is not None and any(verb == lemma for verb, _ in entry.if_governed_by)
        if lemma in lexicon.light_verbs or lemma in lexicon.reporting_verbs or governed:
            return head
    return None


def find_candidates(sentence: Span, lexicon: Lexicon) -> list[Candidate]:
    """Triggers of a sentence, each once: governing verbs consume their complements."""
    candidates: list[Candidate] = []
    consumed: set[int] = set()
    for token in sentence:
        if _is_nominal_verb(token) or _is_purpose_or_background(token):
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
    for token in sentence:
        entry = lexicon.adjectives.get(token.lemma_.lower()) if token.pos_ == "ADJ" else None
        if entry is not None and token.dep_ == "acomp" and token.i not in consumed:
            # "Israel is opposed to French mediation", "X is critical of Y"
            candidate = Candidate(
                token=token, entry=entry, predicate=token.head, why=[f"adjective '{token.text}'"]
            )
            candidate.complement = next(iter(_objects_of_preposition(token, "to")), None)
            candidates.append(candidate)
    for token in sentence:
        if token.i in consumed:
            continue
        entry = noun_entry(token, lexicon)
        if entry is None or _is_in_adjunct(token):
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
    return _with_deontic_demands(_merge_same_clause(candidates), sentence, lexicon)


def _in_reported_speech(token: Token, lexicon: Lexicon) -> bool:
    node = token
    while node.head != node and node.dep_ in {"ccomp", "conj", "xcomp", "advcl"}:
        if node.dep_ == "ccomp" and lemma_of(node.head) in lexicon.reporting_verbs:
            return True
        node = node.head
    return False


def _with_deontic_demands(
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


def _merge_same_clause(candidates: list[Candidate]) -> list[Candidate]:
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
        if token.dep_ in SUBJECT_DEPS and is_nounlike(token):
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


# --- actors -------------------------------------------------------------------------------------


class MentionIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self.mentions = list(mentions)
        self.by_offset: dict[int, list[ActorMention]] = {}
        for mention in self.mentions:  # mentions are a few words: index every character
            for offset in range(mention.start, mention.end):
                self.by_offset.setdefault(offset, []).append(mention)

    def at(self, token: Token) -> list[ActorMention]:
        """Mentions covering a token (two for "both sides"), in text order."""
        return list(self.by_offset.get(token.idx, ()))


def _is_locative(token: Token) -> bool:
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in LOCATIVE_PREPS
        and token.head.head.pos_
        in {
            "VERB",
            "AUX",
        }
    )


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def core_mentions(head: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
    """The actors a noun phrase names: its head (and conjuncts), else modifiers, else "of X"."""
    found: list[ActorMention] = []
    for noun in _conjuncts(head):
        if _is_locative(noun):
            continue
        direct = index.at(noun)
        if direct:
            found.extend(direct)
            continue
        named = [m for c in noun.children if c.dep_ == "appos" for m in index.at(c)]
        if named:  # "spokesman Esmaeil Baghaei": the title's apposition names the person
            found.extend(named)
            continue
        modifiers = [m for t in noun.doc[noun.left_edge.i : noun.i] for m in index.at(t)]
        if modifiers:
            found.extend(modifiers)
            continue
        if depth < 2:  # "leaders of the Azadliq opposition coalition"
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(core_mentions(pobj, index, depth + 1))
    return _unique(found)


def _unique(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    result = []
    for mention in mentions:
        if mention.actor.id not in seen:
            seen.add(mention.actor.id)
            result.append(mention)
    return result


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, climbing through participles, conjuncts and control verbs."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    if depth > 4:
        return None
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "xcomp" and lemma_of(head) not in INSTRUMENT_VERBS:
        for child in head.children:  # "urged the army to withdraw": the army withdraws
            if child.dep_ == "dobj":
                return child
    if verb.dep_ == "acl" and head.lemma_.lower() in DOCUMENT_NOUNS and head.head.pos_ == "VERB":
        return subject_of(head.head, depth + 1)  # "X issued a statement demanding ...": X
    if verb.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN" and is_to_infinitive(verb):
        # "converged for a rally to protest ...": the rally's people protest
        carrier = head.head.head if head.dep_ == "pobj" else head.head
        if head.dep_ in {"pobj", "dobj"} and carrier.pos_ in {"VERB", "AUX"}:
            return subject_of(carrier, depth + 1)
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:
        return head
    if verb.dep_ in CLIMB_DEPS - {"ccomp"}:
        return subject_of(head, depth + 1)
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _objects_of_preposition(token: Token, preposition: str) -> list[Token]:
    return [
        pobj
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == preposition
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def _participant_objects(token: Token) -> list[Token]:
    """Objects and participant phrases of a verb or noun ("met with X", "sanctions against X")."""
    objects = []
    for child in token.children:
        if child.dep_ in {"dobj", "dative", "iobj"}:
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPS:
            objects.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
        elif child.dep_ == "acl" and child.lower_ == "involving":
            objects.extend(c for c in child.children if c.dep_ == "dobj")
    return objects


def event_actors(candidate: Candidate, index: MentionIndex) -> tuple[list, list, list[str]]:
    """Source and target mentions of an event, with the rules that found them."""
    why: list[str] = []
    predicate, trigger = candidate.predicate, candidate.token
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    is_noun_event = is_nounlike(trigger)
    reported_noun = is_noun_event and predicate.lemma_.lower() in load_lexicon().reporting_verbs
    if reported_noun and predicate.lemma_.lower() in DECLARING_VERBS and trigger.dep_ == "dobj":
        reported_noun = False  # "Italy announced a suspension of air links": Italy suspends
    if (not is_noun_event or trigger.dep_ not in SUBJECT_DEPS) and not reported_noun:
        agent = _agent_of(predicate) if predicate.tag_ == "VBN" else None
        subject = agent or subject_of(predicate)
        if subject is not None:
            passive = (
                subject.dep_ == "nsubjpass"
                and agent is None
                and predicate.lower_ not in STATIVE_PARTICIPLES
            )
            found = core_mentions(subject, index)
            (targets if passive else sources).extend(found)
            if found:
                why.append("passive subject as target" if passive else "subject")
        if agent is not None:  # "X was indicted by the court": the court acts on X
            patients = [c for c in predicate.children if c.dep_ == "nsubjpass"]
            found = [m for p in patients for m in core_mentions(p, index)]
            targets.extend(found)
            if found:
                why.append("passive subject as target")
    if is_noun_event:
        joint, partners = _noun_participants(trigger, index)
        symmetric = candidate.entry.type in {"CONSULT", "COOPERATE", "AGREE"}
        if symmetric and not sources:
            sources.extend(joint)
        else:
            sources.extend(core_mentions_modifiers(trigger, index))
            targets.extend(joint)
        targets.extend(partners)
        if joint or partners:
            why.append("participants of the noun")
    for obj in _event_objects(candidate):
        found = core_mentions(obj, index) or _affiliation_of_verb(obj, predicate, index)
        if found:
            why.append(f"object '{obj.text}'")
        targets.extend(found)
    sources = _unique(sources)
    source_ids = {m.actor.id for m in sources}
    targets = [m for m in _unique(targets) if m.actor.id not in source_ids]
    return sources, targets, why


def _event_objects(candidate: Candidate) -> list[Token]:
    """Objects and participant phrases of the predicate, the trigger and the governed content."""
    predicate, trigger, complement = candidate.predicate, candidate.token, candidate.complement
    objects = _participant_objects(predicate)
    if candidate.entry.type in {"REQUEST", "COERCE"}:
        # "demanded autonomy from the authorities", "confiscated weapons from armed groups"
        objects.extend(_objects_of_preposition(predicate, "from"))
        if complement is not None:
            objects.extend(_objects_of_preposition(complement, "from"))
    if predicate != trigger:
        objects.extend(_participant_objects(trigger))
    if complement is not None:
        objects.extend(_participant_objects(complement))
        objects.extend(_relative_clause_subjects(complement))
        if candidate.entry.type in DEMAND_TYPES and complement.dep_ == "ccomp":
            # "demanded that the US cancel the sale": the US is asked
            objects.extend(c for c in complement.children if c.dep_ in SUBJECT_DEPS)
        for token in complement.subtree:
            if token.pos_ == "NOUN" and token != complement:
                objects.extend(o for o in _participant_objects(token) if o.dep_ == "pobj")
    if is_nounlike(trigger) and trigger != predicate:
        for token in trigger.subtree:
            if token.pos_ == "NOUN" and token != trigger:
                objects.extend(o for o in _participant_objects(token) if o.dep_ == "pobj")
    return [o for o in dict.fromkeys(objects) if o != trigger]


def _relative_clause_subjects(noun: Token) -> list[Token]:
    """Who responds to a proposal: "a meeting, which Russia is considering" -> Russia."""
    return [
        subject
        for clause in noun.children
        if clause.dep_ == "relcl"
        for subject in clause.children
        if subject.dep_ in SUBJECT_DEPS and subject.lower_ not in RELATIVE_PRONOUNS
    ]


def _affiliation_of_verb(obj: Token, predicate: Token, index: MentionIndex) -> list[ActorMention]:
    """ "met with advisers from the U.S." when the parser hangs "from" on the verb."""
    if obj.dep_ != "pobj" or obj.head.head != predicate or index.at(obj):
        return []
    found: list[ActorMention] = []
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(m for c in _conjuncts(pobj) for m in index.at(c))
    return found


def core_mentions_modifiers(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Actors named as modifiers of an event noun: "Russia's invasion", "a Russian strike"."""
    return _unique(
        m
        for child in noun.children
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < noun.i
        for m in index.at(child)
    )


def _noun_participants(
    noun: Token, index: MentionIndex
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Participants of an event noun: joint ones ("talks between X and Y", "a meeting involving
    X", "a Trump-Putin summit") and partners ("a summit with X")."""
    joint: list[ActorMention] = []
    partners: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "among"}:
            joint.extend(
                m for p in child.children if p.dep_ == "pobj" for m in core_mentions(p, index)
            )
        elif child.dep_ == "prep" and child.lower_ == "with":
            partners.extend(
                m for p in child.children if p.dep_ == "pobj" for m in core_mentions(p, index)
            )
        elif child.dep_ == "acl" and child.lower_ == "involving":
            joint.extend(
                m for o in child.children if o.dep_ == "dobj" for m in core_mentions(o, index)
            )
        elif child.dep_ in {"compound", "nmod", "amod", "poss"} and child.i < noun.i:
            joint.extend(index.at(child))
    return _unique(joint), _unique(partners)


# --- modality -----------------------------------------------------------------------------------


def _has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never"} for c in token.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


def _is_conditional_clause(clause: Token) -> bool:
    """An "if"/"unless" clause, or an inverted one ("should it refuse")."""
    children = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return True
    auxes = [c for c in children if c.dep_ == "aux" and c.lower_ in {"should", "were", "had"}]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    return bool(auxes and subjects and auxes[0].i < subjects[0].i)


def modality_of(candidate: Candidate) -> tuple[str, list[str]]:
    """Modality of an event from negation, auxiliaries, conditionals and the governing verb."""
    predicate, trigger, entry = candidate.predicate, candidate.token, candidate.entry
    words = {predicate, trigger}
    if any(_has_negation(t) for t in words):
        return ("denied" if entry.modality == "denied" else "negated"), ["negation"]
    if any(t.dep_ == "xcomp" and lemma_of(t.head) in FAILURE_VERBS for t in words):
        return "negated", [f"'{predicate.head.text} to'"]  # "failed to reach agreement"
    if entry.modality == "denied":
        return "denied", ["denial verb"]
    for token in words:
        for child in token.children:
            if child.dep_ in {"advcl", "ccomp"} and _is_conditional_clause(child):
                return "conditional", [f"conditional clause '{child.text}'"]
    auxes = {c.lower_ for t in words for c in t.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & FUTURE_AUX or any(_going_to(t) or _ready_to(t) for t in words):
        return "future", ["future auxiliary"]
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical", ["modal auxiliary"]
    if is_nounlike(trigger):
        adjectives = {c.lower_ for c in trigger.children if c.dep_ == "amod"}
        if adjectives & HYPOTHETICAL_ADJ:
            return "hypothetical", ["hedging adjective"]
        if adjectives & FUTURE_ADJ:
            return "future", ["future adjective"]
    if entry.modality and not (entry.modality == "rejected" and entry.type == "REJECT"):
        return entry.modality, [f"modality of '{trigger.lemma_}'"]
    return "asserted", []


def _ready_to(token: Token) -> bool:
    """ "France is ready to contribute troops", "their willingness to negotiate": readiness
    announces a future act, it does not report one."""
    head = token.head
    if token.dep_ in {"acl", "relcl"} and head.lemma_.lower() in READINESS_NOUNS:
        return True
    return token.dep_ == "xcomp" and head.lemma_.lower() in READINESS_WORDS


def _going_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


# --- coding -------------------------------------------------------------------------------------


def mode_and_context(
    candidate: Candidate, kind: str, lexicon: Lexicon
) -> tuple[str | None, tuple[str, ...]]:
    """Mode from the trigger, its modifiers ("drone strike") or the governed complement."""
    mode = candidate.entry.mode
    contexts: list[str] = [candidate.entry.context] if candidate.entry.context else []
    words = [candidate.token]
    if candidate.complement is not None:
        words.extend(t for t in candidate.complement.subtree if t.pos_ in {"NOUN", "VERB"})
    if not is_nounlike(candidate.token):
        instruments = _instruments(candidate.token, kind, lexicon)
        words.extend(instruments)
        modes = [noun_entry(noun, lexicon).mode for noun in instruments]
        mode = mode or next((m for m in modes if m), None)
    for word in words:
        for child in word.children:
            modifier = lexicon.noun_modifiers.get(child.lower_)
            if child.dep_ not in {"compound", "amod", "nmod"} or modifier is None or mode:
                continue
            modifier_type, modifier_mode, heads = modifier
            if modifier_type in (None, kind) and (not heads or lemma_of(word) in heads):
                mode = modifier_mode
    if is_nounlike(candidate.token):
        words.extend(
            t for t in candidate.token.subtree if t.pos_ == "NOUN" and t != candidate.token
        )
    if kind == "THREATEN" and mode is None and candidate.complement is not None:
        mode = _threatened_mode(candidate.complement, lexicon)
    if kind == "ASSAULT" and mode is None:
        mode = _weapon_mode(candidate, lexicon)
    for word in words[1:] if not is_nounlike(candidate.token) else words:
        complement_mode = lexicon.complement_modes.get(word.lemma_.lower())
        if complement_mode:
            if mode is None and kind in MODES_FROM_CONTENT:
                mode = complement_mode
            break
    return mode, tuple(dict.fromkeys(contexts))


def reporting_subject(candidate: Candidate) -> Token | None:
    """The subject of the reporting verb ("X said that ...") the event is reported under."""
    reporting_verbs = load_lexicon().reporting_verbs
    node = candidate.predicate
    if node is not candidate.token and node.lemma_.lower() in reporting_verbs:
        return subject_of(node)  # "officials confirmed a meeting"
    while node.head != node and node.dep_ in {"ccomp", "conj", "advcl", "xcomp"}:
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in reporting_verbs:
            return subject_of(head)
        node = head
    return None


def reporter_mentions(candidate: Candidate, index: MentionIndex) -> list[ActorMention]:
    """Actor mentions of the reporting subject, if any."""
    subject = reporting_subject(candidate)
    return core_mentions(subject, index) if subject is not None else []


def attribution_of(candidate: Candidate, index: MentionIndex) -> str | None:
    """Who reports the event: "according to X", or the subject of a reporting verb above it."""
    for token in candidate.token.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            for pobj in token.doc[token.i + 1].children:
                if pobj.dep_ == "pobj":
                    return _reporter_name(pobj, index)
    subject = reporting_subject(candidate)
    return _reporter_name(subject, index) if subject is not None else None


def _reporter_name(token: Token, index: MentionIndex) -> str:
    """A named person or organisation by its canonical name, anyone else by the words used."""
    mentions = index.at(token)
    if mentions and mentions[0].actor.kind in {"person", "organisation"}:
        return mentions[0].actor.name
    return _phrase(token)


def _phrase(token: Token) -> str:
    """A noun phrase's words, up to a comma (no appositives or relative clauses)."""
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text.split(",")[0].strip()


def code_sentence_events(
    sentence: Span,
    sentence_index: int,
    index: MentionIndex,
    lexicon: Lexicon,
) -> list[tuple[Candidate, dict]]:
    """Events of one sentence as (candidate, fields) pairs, before dates, places and counts."""
    if is_running_total(sentence):
        return []
    coded = []
    for candidate in [*find_candidates(sentence, lexicon), *joint_commitments(sentence, index)]:
        fields = code_candidate(candidate, index, lexicon)
        if fields is not None:
            coded.append((candidate, fields))
    return coded


def code_candidate(candidate: Candidate, index: MentionIndex, lexicon: Lexicon) -> dict | None:
    """Type, mode, actors and modality of one trigger; None when it is not a codable event."""
    content_type = _type_of_complement(candidate, lexicon)
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
    ordered = lemma_of(candidate.token) == "order" and content_type in ORDERED_ACTION_TYPES
    if ordered and not (candidate.complement and core_mentions(candidate.complement, index)):
        kind = content_type  # "the government ordered police patrols": the ordered act
    if candidate.entry.modality == "proposed" and content_type in OWN_ACTION_TYPES:
        kind = content_type  # proposing sanctions is a proposed SANCTION, not a request
    alternative = _alternative_reading(candidate)
    if alternative is not None:  # "withdrew its ambassador" is a SANCTION, not a RETREAT
        kind = alternative[0]
    sources, targets, actor_why = event_actors(_actor_clause(candidate), index)
    if candidate.speaker_is_source or candidate.entry.subject_is_target:
        speaker = reporter_mentions(candidate, index)
        speaker_ids = {m.actor.id for m in speaker}
        targets = [m for m in _unique([*sources, *targets]) if m.actor.id not in speaker_ids]
        sources, actor_why = speaker, [*actor_why, "the reporting speaker is the source"]
    if not sources and kind in SPEECH_ACT_TYPES:
        speaker = reporter_mentions(candidate, index)
        if speaker:  # accusing, demanding, rejecting are done by whoever is reported saying so
            sources, actor_why = speaker, [*actor_why, "the reporting speaker performs it"]
    if kind == "CONSULT" and targets and not sources:
        reporter = reporter_mentions(candidate, index)
        if reporter:
            sources, actor_why = reporter, [*actor_why, "speaker takes part in the meeting"]
    if not sources and not targets and not _stands_alone(candidate, kind):
        return None
    modality, modality_why = modality_of(candidate)
    if kind != candidate.entry.type and candidate.entry.type is None and modality == "future":
        modality, modality_why = "asserted", ["preparation is itself the event"]
    mode, contexts = mode_and_context(candidate, kind, lexicon)
    if candidate.entry.type and kind != candidate.entry.type and mode == candidate.entry.mode:
        mode = None  # "cancelled restrictions": a CONCEDE keeps no mode of "cancel" (REJECT meet)
    if alternative is not None:
        mode = alternative[1]
    if kind == "AGREE" and modality == "negated" and lemma_of(candidate.token) in ACCEPT_VERBS:
        kind, modality = "REJECT", "asserted"  # "will not accept more refugees"
        modality_why = [*modality_why, "a refused acceptance is a rejection"]
    if modality == "conditional" and kind in THREAT_TYPES:
        # "will withdraw its force unless ...", "would boycott the vote if ...": a threat
        mode = lexicon.threat_modes.get(lemma_of(candidate.token)) or _threat_mode(kind)
        kind, modality_why = "THREATEN", [*modality_why, "a conditional hostile act is a threat"]
    elif modality == "future" and kind in FUTURE_THREAT_TYPES and reporting_subject(candidate):
        # "farmers said they would blockade Paris": an announced hostile act is a threat
        mode = lexicon.threat_modes.get(lemma_of(candidate.token)) or _threat_mode(kind)
        kind, modality_why = "THREATEN", [*modality_why, "an announced hostile act is a threat"]
    elif (
        modality in {"future", "conditional"}
        and kind in INTENT_TYPES
        and candidate.entry.type == kind
        and (kind != "CONSULT" or not is_nounlike(candidate.token))
    ):  # "X will visit Y" promises a meeting; "a summit would take place" only plans one
        # "X will provide aid / would meet Y if ...": a promise or offer (CAMEO 03) is an AGREE
        kind, mode = "AGREE", None
        modality_why = [*modality_why, "a promised or offered cooperative act is an AGREE"]
    source_ids = {m.actor.id for m in sources}
    if kind == "THREATEN" and not targets:
        targets = _condition_subjects(candidate, index, source_ids)
        if targets:  # "will strike unless Israel rescinds": the threat is aimed at Israel
            actor_why = [*actor_why, "subject of the condition is the target"]
    if kind in OWN_FORCES_TYPES and sources:  # "mobilised army reservists", "sent troops"
        targets = [t for t in targets if not _own_forces(t, sources)]
    objects = _event_objects(candidate)
    restriction = _imposes_restriction(candidate, objects)
    if kind == "ACCUSE":  # "an investigation into crimes committed by Croat forces against
        # Serb civilians": the accused are the perpetrators, not the victims
        heads = [candidate.token, *objects]
        targets = _perpetrators_in(heads, index, source_ids) or targets
    if restriction:  # "blockade Paris": the city's people, not France
        targets = [_people_of_city(m) for m in targets]
    if not targets:
        targets = _nested_targets(candidate, objects, index, source_ids)
        if kind in OWN_FORCES_TYPES:
            targets = [t for t in targets if not _own_forces(t, sources)]
        if targets:  # "rejected an offer from Afghanistan", "Serbia's suppression of ..."
            actor_why = [*actor_why, "actor named inside the object"]
    place_targets: tuple[ActorRef, ...] = ()
    if not targets and kind not in {"CONSULT"}:
        place_targets = _object_place_targets(candidate, objects, sources, restriction)
        if place_targets:  # "opened an embassy in Tehran", "invasion of South Lebanon"
            actor_why = [*actor_why, f"target inferred from the place {place_targets[0].text}"]
    return {
        "type": kind,
        "mode": mode,
        "contexts": contexts,
        "modality": modality,
        "sources": tuple(actor_ref(m) for m in sources),
        "targets": tuple(actor_ref(m) for m in targets) or place_targets,
        "attributed_to": attribution_of(candidate, index),
        "why": "; ".join(candidate.why + actor_why + modality_why),
    }


OWN_FORCES_TYPES = {"MOBILIZE", "AID", "AGREE", "SUPPORT", "COOPERATE", "RETREAT", "THREATEN"}
# Where else a protest names whom it is aimed at: "in defiance of X", "against X", "over X's
# bill", and the purpose clause ("to press their demands on X's government").
ADDRESSEE_PREPS = {"against", "over", "in", "for"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD"}


def _own_forces(target: ActorMention, sources: list[ActorMention]) -> bool:
    """A state's own troops in the object are what it sends or mobilises, not its target."""
    country = target.actor.country
    return bool(
        country
        and target.actor.sector == "MIL"
        and any(s.actor.country == country and s.actor.sector != "MIL" for s in sources)
    )


def _nested_targets(
    candidate: Candidate, objects: list[Token], index: MentionIndex, source_ids: set[str]
) -> list[ActorMention]:
    """Actors named inside the object phrase when its head names none: "an offer from X",
    "X's suppression of the unrest", "demands for reform from X's government"."""
    found: list[ActorMention] = []
    heads = list(objects)
    if candidate.entry.type in {"PROTEST", "MOBILIZE"}:
        heads.extend(_addressees(candidate.predicate))
    for obj in heads:
        for token in obj.subtree:
            if token.i == obj.i or _in_clause_of_its_own(token, obj) or _names_a_scene(token):
                continue
            found.extend(m for m in index.at(token) if m.actor.id not in source_ids)
    return _unique(found)


def _perpetrators_in(
    heads: list[Token], index: MentionIndex, source_ids: set[str]
) -> list[ActorMention]:
    """Who is said to have done the deed inside an accusation's object ("crimes committed by
    X against Y": X, not the victims Y)."""
    found = [
        mention
        for obj in heads
        for token in obj.subtree
        if token.dep_ == "agent"
        for pobj in token.children
        if pobj.dep_ == "pobj"
        for mention in core_mentions(pobj, index)
        if mention.actor.id not in source_ids
    ]
    return _unique(found)


def _addressees(verb: Token) -> list[Token]:
    """Phrases that say whom a protest or a mobilisation is aimed at: "in defiance of Chinese
    authorities", "over a bill signed by the minister", "for a war against Iraq", and a purpose
    clause ("blocked roads to press demands on X")."""
    heads: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS:
            heads.extend(
                c for c in child.children if c.dep_ in {"pobj", "pcomp"} and c.lemma_ != "city"
            )
        elif child.dep_ == "advcl" and (
            child.tag_ == "VBG" or is_to_infinitive(child)
        ):  # "... to press demands on X", "..., demanding independence from X"
            heads.append(child)
    return heads


def _names_a_scene(token: Token) -> bool:
    """ "the city of Kupiansk in northeastern Ukraine": a place named as where, not who (its
    state may still be inferred as the target, marked so)."""
    node = token
    while node.dep_ in {"compound", "amod", "flat"}:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS - {"from"}


def _in_clause_of_its_own(token: Token, top: Token) -> bool:
    """Is a token inside a relative or adverbial clause below ``top`` (its own event)?"""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in {"relcl", "advcl", "ccomp"}:
            return True
        node = node.head
    return False


def _object_place_targets(
    candidate: Candidate, objects: list[Token], sources: list[ActorMention], restriction: bool
) -> tuple:
    """The state of a place named inside the object or the governed clause ("an embassy in
    Tehran", "deploy peacekeepers in Iraq"), marked ``inferred``; never the source's own, except
    for a restriction (a curfew falls on the state's own people)."""
    own = (
        set()
        if restriction
        else {m.actor.country for m in sources if m.actor.sector in STATE_SECTORS}
    )
    heads = list(objects)
    sender = candidate.predicate.head if _is_purpose_clause(candidate.predicate) else None
    if sender is not None:  # "sent personnel to Bosnia to investigate": where they were sent
        heads.extend(_objects_of_preposition(sender, "to"))
    if candidate.complement is not None and candidate.complement != candidate.predicate:
        heads.extend(
            pobj
            for prep in candidate.complement.children
            if prep.dep_ == "prep" and prep.lower_ in {"in", "into", "to", "inside"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )
    for head in heads:
        for ent in head.doc.ents:
            inside = head.left_edge.i <= ent.start and ent.end <= head.right_edge.i + 1
            if not inside or ent.label_ not in {"GPE", "LOC", "FAC"}:
                continue
            place = geocode(ent.text)
            if place is None or not place.country or place.country in own:
                continue
            # "a curfew in Algiers" falls on its people, "an embassy in Tehran" on the state
            sector = "CVL" if restriction else "GOV"
            return (inferred_ref(load_dictionary().group(place.country, sector), ent.text),)
    return ()


RESTRICTION_NOUNS = {"curfew", "lockdown", "blockade", "closure"}


def _people_of_city(mention: ActorMention) -> ActorMention:
    """A capital named as the place a restriction falls on stands for its people."""
    if mention.why != "metonym" or not mention.actor.country:
        return mention
    return replace(mention, actor=load_dictionary().group(mention.actor.country, "CVL"))


def _imposes_restriction(candidate: Candidate, objects: list[Token]) -> bool:
    """Is the content a restriction laid on a place's population (curfew, lockdown)?"""
    words = [candidate.token, candidate.complement, *objects]
    return any(w is not None and w.lemma_.lower() in RESTRICTION_NOUNS for w in words)


def _is_purpose_clause(verb: Token) -> bool:
    """ "sent inspectors to Iran to investigate": an infinitive stating another act's aim."""
    return verb.dep_ in {"advcl", "xcomp"} and is_to_infinitive(verb) and verb.head.pos_ == "VERB"


def _condition_subjects(
    candidate: Candidate, index: MentionIndex, source_ids: set[str]
) -> list[ActorMention]:
    """Who must act to avert a conditional threat: the subject of its "if"/"unless" clause."""
    words = [candidate.predicate, candidate.token, candidate.complement]
    found = [
        mention
        for word in dict.fromkeys(w for w in words if w is not None)
        for clause in word.children
        if clause.dep_ in {"advcl", "ccomp"} and _is_conditional_clause(clause)
        for subject in clause.children
        if subject.dep_ in SUBJECT_DEPS
        for mention in core_mentions(subject, index)
    ]
    return [m for m in _unique(found) if m.actor.id not in source_ids and m.actor.country]


def _alternative_reading(candidate: Candidate) -> tuple[str, str | None, frozenset] | None:
    """The entry's second reading when its object calls for it: withdrawing diplomats or from
    a treaty (SANCTION), expelling migrants (COERCE deport), cutting off aid (SANCTION)."""
    alt = candidate.entry.alt
    if alt is None:
        return None
    verb = candidate.token
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += _objects_of_preposition(verb, "from") + _objects_of_preposition(verb, "of")
    objects += [p for o in list(objects) for p in _objects_of_preposition(o, "of")]
    return alt if any(lemma_of(o) in alt[2] for o in objects) else None


def _actor_clause(candidate: Candidate) -> Candidate:
    """ "He denied that Iran had supplied drones": the actors are those of the denied clause."""
    complement = candidate.complement
    if candidate.entry.type is not None or complement is None or complement.pos_ != "VERB":
        return candidate
    if not any(c.dep_ in SUBJECT_DEPS for c in complement.children):
        return candidate
    return Candidate(token=complement, entry=candidate.entry, predicate=complement)


def _threat_mode(kind: str) -> str | None:
    """The THREATEN mode for a threatened act of this type (PLOVER's threat modes)."""
    return {
        "ASSAULT": "violence",
        "SANCTION": "relations",
        "COERCE": "restrict",
        "PROTEST": "restrict",  # the manual: strikes, boycotts and blockades restrict
    }.get(kind)


def _weapon_mode(candidate: Candidate, lexicon: Lexicon) -> str | None:
    """An attack's mode from the weapon the attacker is named with: "aircraft killed 46",
    "militiamen armed with machetes", "killed them using guided missiles"."""
    predicate = candidate.predicate
    phrases = [c for c in predicate.children if c.dep_ in {"nsubj", "agent"}]
    phrases += [
        c
        for c in predicate.children
        if (c.dep_ == "prep" and c.lower_ in {"with", "by"}) or c.lower_ == "using"
    ]
    for phrase in phrases:
        for word in phrase.subtree:
            mode = lexicon.weapon_modes.get(lemma_of(word)) if word.pos_ == "NOUN" else None
            if mode:
                return mode
    return None


def _threatened_mode(complement: Token, lexicon: Lexicon) -> str | None:
    """The mode of a threat from what is threatened: "to launch an offensive" (violence), "to
    hold a general strike" (restrict), "to ban voting" (ban)."""
    for word in complement.subtree:
        if word.pos_ not in {"NOUN", "VERB"}:
            continue
        for child in word.children:
            modifier = lexicon.noun_modifiers.get(child.lower_)
            if (
                modifier is not None
                and modifier[0]
                and (not modifier[2] or lemma_of(word) in modifier[2])
            ):
                return _threat_mode(modifier[0])  # "general strike" is a PROTEST
        mode = lexicon.threat_modes.get(lemma_of(word))
        entry = noun_entry(word, lexicon) if word.pos_ == "NOUN" else verb_entry(word, lexicon)
        mode = mode or (_threat_mode(entry.type) if entry is not None and entry.type else None)
        if mode:
            return mode
    return None


def _stands_alone(candidate: Candidate, kind: str) -> bool:
    """An event with no named actor is kept only when a noun names it ("a drone strike")."""
    if kind == "ASSAULT" and _counted_victims(candidate.token):
        return True  # "14 people were killed": a casualty report, attacker unknown
    if kind not in ACTORLESS_TYPES or not is_nounlike(candidate.token):
        return False
    lexicon = load_lexicon()
    predicate = lemma_of(candidate.predicate)
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


def _instruments(verb: Token, kind: str, lexicon: Lexicon) -> list[Token]:
    """Event nouns that say how a verb's act was done: "killed in a car bombing"."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "by", "with", "during", "after"}:
            continue
        for noun in prep.children:
            entry = noun_entry(noun, lexicon) if noun.dep_ == "pobj" else None
            if entry is not None and entry.type == kind:
                found.append(noun)
    return found


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
        since or any(marker in text for marker in ("so far", "to date", "in total"))
    )


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


def _depth(token: Token) -> int:
    """How far a token is below its sentence's root."""
    depth = 0
    while token.head != token:
        token, depth = token.head, depth + 1
    return depth


def _type_of_complement(candidate: Candidate, lexicon: Lexicon) -> str | None:
    """For verbs like "consider" and "deny" the type comes from what is considered or denied;
    "a proposal to pause operations" is about the pause, not the proposal."""
    if candidate.complement is None:
        return None
    found = []
    for token in sorted(candidate.complement.subtree, key=_depth):  # nearest content first
        entry = verb_entry(token, lexicon) or noun_entry(token, lexicon)
        if entry is not None and entry.type:
            found.append((token, entry.type_under(candidate.token)))
    content = [kind for token, kind in found if lemma_of(token) not in CONTAINER_NOUNS]
    return (content or [kind for _, kind in found] or [None])[0]


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


def person_spans(mentions: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """Character spans of actor mentions that must never be read as places."""
    return [(m.start, m.end) for m in mentions if m.actor.kind in {"person", "organisation"}]


__all__ = [
    "Candidate",
    "Lexicon",
    "MentionIndex",
    "build_event",
    "code_sentence_events",
    "find_candidates",
    "load_lexicon",
    "person_spans",
]
