"""Breadth from the CAMEO codebook: verb + object or preposition patterns (cameo_patterns.json).

The trigger lexicon was written sentence by sentence against the dev data; the dictionary coders
of the field (TABARI, PETRARCH) carried thousands of verb patterns from the CAMEO codebook's
event classes. This table is a selection of such patterns in our own format, each naming the
CAMEO code it expresses and the PLOVER type and mode that code crosswalks to (``plover.json``).
It is consulted by one rule, ``cameo-verb-pattern``, only in a clause where no other rule made
an event, so it adds breadth without overruling the lexicon.

A pattern is a verb lemma (with its particle, if any) and what it must act on: the head of its
direct object (``objects``) and/or a preposition with the heads of its objects (``prep``,
``prep_objects``). ``@person`` in a list stands for a person noun or a named person. Patterns
sit in families (one CAMEO class each), so a family that does not carry can be left out whole.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from accord.errors import DataFileError
from accord.extract.events.lexicon import PLOVER_TYPES, Lexicon, TriggerEntry, lemma_of
from accord.extract.events.syntax import (
    SUBJECT_DEPS,
    is_conditional_clause,
    is_indirect_question,
    is_to_infinitive,
    subject_of,
)
from accord.extract.events.triggers import Candidate, in_absence, in_condition
from accord.nlp import children_of, span_tokens

DATA_FILE = "data/cameo_patterns.json"
PERSON = "@person"
# What a verb acts on directly: its object, its passive subject, a named result ("declared
# him persona non grata"), a clausal object read as a noun by the parser.
DIRECT_DEPS = {"dobj", "nsubjpass", "oprd", "attr"}


@dataclass(frozen=True)
class VerbPattern:
    """One pattern: a verb and what it must act on, with the coding it brings."""

    family: str
    verb: str
    type: str
    cameo: str
    mode: str | None = None
    context: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    prep_objects: frozenset[str] = frozenset()

    def name(self, matched: Token | None) -> str:
        """The pattern as it reads in the evidence: "recall ambassador", "walk away from talks"."""
        words = [self.verb, self.particle or ""]
        if self.objects and matched is not None and matched.dep_ != "pobj":
            words.append(matched.lemma_.lower())
        if self.prep:
            words.append(self.prep)
            if matched is not None and matched.dep_ == "pobj":
                words.append(matched.lemma_.lower())
        return " ".join(w for w in words if w)


@dataclass(frozen=True)
class PatternTable:
    """The patterns by verb lemma, in the file's order (the first that matches wins)."""

    by_verb: Mapping[str, tuple[VerbPattern, ...]]
    families: tuple[str, ...]

    def __len__(self) -> int:
        return sum(len(patterns) for patterns in self.by_verb.values())

    def without(self, families: set[str]) -> PatternTable:
        """The table with some families left out (to measure what each one carries)."""
        kept = {
            verb: tuple(p for p in patterns if p.family not in families)
            for verb, patterns in self.by_verb.items()
        }
        return PatternTable(
            {verb: patterns for verb, patterns in kept.items() if patterns},
            tuple(f for f in self.families if f not in families),
        )


def match_pattern(
    verb: Token, table: PatternTable, lexicon: Lexicon
) -> tuple[VerbPattern, Token | None] | None:
    """The first pattern of ``verb``'s lemma whose particle, object and preposition it has,
    with the word that matched (None for a pattern that asks for no object)."""
    for key in _verb_keys(verb, lexicon):
        for pattern in table.by_verb.get(key, ()):
            particle = _particle(verb, pattern.particle)
            if particle is False or (pattern.particle is None and _has_particle(verb)):
                continue  # "took over positions" is not "took positions"
            matched = _matched_word(verb, particle, pattern, lexicon)
            if matched is not False:
                return pattern, matched
    return None


def _verb_keys(verb: Token, lexicon: Lexicon) -> list[str]:
    """The lemma, then the stems of a regular form the small model lemmatises wrongly
    ("cordoned" read as "cordone")."""
    keys = [lemma_of(verb, lexicon)]
    word = verb.lower_
    for ending in ("ed", "d", "ing", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            keys.append(word[: -len(ending)])
    return list(dict.fromkeys(keys))


def _particle(verb: Token, wanted: str | None) -> Token | bool | None:
    """The verb's particle ``wanted`` (read as a particle, an adverb or a preposition: "cordoned
    off the area"); None when the pattern wants none, False when the verb lacks it."""
    if wanted is None:
        return None
    for child in children_of(verb):
        if child.lower_ == wanted and child.dep_ in {"prt", "advmod", "prep"}:
            return child
    return False


def _has_particle(verb: Token) -> bool:
    return any(child.dep_ == "prt" for child in children_of(verb))


def _matched_word(
    verb: Token, particle: Token | None, pattern: VerbPattern, lexicon: Lexicon
) -> Token | bool | None:
    """The object or prepositional object that fits the pattern; False when none does."""
    found: Token | None = None
    if pattern.objects:
        found = next(
            (o for o in _direct_objects(verb, particle) if _fits(o, pattern.objects, lexicon)),
            None,
        )
        if found is None:
            return False
    if pattern.prep is not None:
        heads = [verb] if particle is None else [verb, particle]  # "walked away from the talks"
        pobjs = [
            pobj
            for head in heads
            for child in children_of(head)
            if child.dep_ == "prep" and child.lower_ == pattern.prep
            for pobj in children_of(child)
            if pobj.dep_ == "pobj"
        ]
        fitting = [
            p for p in pobjs if not pattern.prep_objects or _fits(p, pattern.prep_objects, lexicon)
        ]
        if not fitting:
            return False
        found = fitting[0] if pattern.prep_objects else found
    return found


def _direct_objects(verb: Token, particle: Token | None) -> list[Token]:
    """What the verb acts on: its object, passive subject or named result, and the object the
    parser hung on its particle ("cordoned off the area")."""
    objects = [c for c in children_of(verb) if c.dep_ in DIRECT_DEPS]
    if particle is not None and particle.dep_ == "prep":
        objects += [c for c in children_of(particle) if c.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.conjuncts]


def _fits(word: Token, heads: frozenset[str], lexicon: Lexicon) -> bool:
    """Is ``word`` one of ``heads`` (by lemma or surface form), or a person where ``@person``
    is listed?"""
    if lemma_of(word, lexicon) in heads or word.lower_ in heads:
        return True
    if PERSON in heads:
        person = (
            word.ent_type_ in {"PERSON", "NORP"} or lemma_of(word, lexicon) in lexicon.person_nouns
        )
        return person or word.lower_ in lexicon.person_nouns
    return False


@lru_cache(maxsize=1)
def load_patterns() -> PatternTable:
    """The package's pattern table (``data/cameo_patterns.json``), read and validated once."""
    try:
        data = json.loads((resources.files("accord") / DATA_FILE).read_text(encoding="utf-8"))
        crosswalk = json.loads(
            (resources.files("accord") / "data" / "plover.json").read_text(encoding="utf-8")
        )
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read {DATA_FILE}: {error}") from error
    return patterns_from_data(data, crosswalk, DATA_FILE)


def patterns_from_data(
    data: Mapping[str, Any], plover: Mapping[str, Any], source: str = "patterns"
) -> PatternTable:
    """Build and validate a table from a mapping shaped like ``data/cameo_patterns.json``.

    Every family names a CAMEO code the PLOVER crosswalk (``plover``, shaped like
    ``plover.json``) codes; its type must be the crosswalk's unless the family says why not
    (``differs_from_crosswalk``); the statement roots PLOVER drops (01, 02) are refused."""
    crosswalk = plover.get("cameo_to_plover") or {}
    dropped = set(plover.get("cameo_dropped") or ())
    by_verb: dict[str, list[VerbPattern]] = {}
    families = []
    for family, row in (data.get("families") or {}).items():
        where = f"{source} families.{family}"
        kind, mode, cameo = row.get("type"), row.get("mode"), str(row.get("cameo", ""))
        _check_family(where, kind, mode, cameo, row, crosswalk, dropped, plover)
        families.append(family)
        for pattern in row.get("patterns") or ():
            verb = str(pattern.get("verb", "")).lower()
            if not verb:
                raise DataFileError(f"{where}: a pattern needs a verb")
            by_verb.setdefault(verb, []).append(
                VerbPattern(
                    family=family,
                    verb=verb,
                    type=kind,
                    cameo=cameo,
                    mode=pattern.get("mode", mode),
                    context=row.get("context"),
                    particle=pattern.get("particle"),
                    objects=frozenset(w.lower() for w in pattern.get("objects") or ()),
                    prep=pattern.get("prep"),
                    prep_objects=frozenset(w.lower() for w in pattern.get("prep_objects") or ()),
                )
            )
    return PatternTable({verb: tuple(p) for verb, p in by_verb.items()}, tuple(families))


def _check_family(
    where: str,
    kind: str | None,
    mode: str | None,
    cameo: str,
    row: Mapping[str, Any],
    crosswalk: Mapping[str, Any],
    dropped: set[str],
    plover: Mapping[str, Any],
) -> None:
    """A family's coding must be a PLOVER type and mode its CAMEO code crosswalks to."""
    if kind not in PLOVER_TYPES:
        raise DataFileError(f"{where}: unknown PLOVER type {kind!r}")
    if cameo[:2] in dropped or cameo not in crosswalk:
        raise DataFileError(f"{where}: CAMEO {cameo!r} is not coded by PLOVER")
    if crosswalk[cameo][0] != kind and not row.get("differs_from_crosswalk"):
        raise DataFileError(
            f"{where}: CAMEO {cameo} crosswalks to {crosswalk[cameo][0]}, not {kind}"
        )
    modes = set((plover.get("types") or {}).get(kind, {}).get("modes") or ())
    modes |= {"aerial", "drone"} if kind == "ASSAULT" else set()
    for pattern in row.get("patterns") or ():
        pattern_mode = pattern.get("mode", mode)
        if pattern_mode is not None and pattern_mode not in modes:
            raise DataFileError(f"{where}: {kind} has no mode {pattern_mode!r}")


# --- the rule's finder ----------------------------------------------------------------------

ASSERTING_DEPS = {"ROOT", "ccomp", "parataxis"}  # a main clause or the content of a report
# stricter than modality.HYPOTHETICAL_AUX: a fallback rule codes no act that is only
# wished, owed or expected ("would", "should", "must" too)
UNASSERTED_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}


def pattern_triggers(
    sentence: Span,
    table: PatternTable,
    lexicon: Lexicon,
    consumed: set[int],
    found: Sequence[Candidate],
) -> list[Candidate]:
    """Verbs of a main or reported clause that a pattern of the table fits, in clauses where no
    rule found an event; the verb is not negated, hypothetical, a report or a condition."""
    owners = {_clause_head(t).i for c in found for t in (c.token, c.predicate)}
    candidates = []
    for verb in span_tokens(sentence):
        if verb.pos_ != "VERB" or verb.i in consumed or verb.i in owners:
            continue
        match = match_pattern(verb, table, lexicon)
        if match is None or not _asserted_clause(verb, lexicon):
            continue
        pattern, word = match
        if any(other.i in owners for other in verb.conjuncts):
            continue  # "closed its embassy and recalled its staff": one act, told twice
        entry = TriggerEntry(type=pattern.type, mode=pattern.mode, context=pattern.context)
        why = f"CAMEO pattern '{pattern.name(word)}' ({pattern.family}, CAMEO {pattern.cameo})"
        candidates.append(Candidate(token=verb, entry=entry, predicate=verb, why=[why]))
    return candidates


def _clause_head(word: Token) -> Token:
    """The verb whose clause a word is in (itself for a verb)."""
    node = word
    while (
        node.pos_ not in {"VERB", "AUX"} or node.dep_ in {"aux", "auxpass"}
    ) and node.head != node:
        node = node.head
    return node


def _asserted_clause(verb: Token, lexicon: Lexicon) -> bool:
    """A main clause or a reported one (through its conjuncts), not negated, not under a modal
    of possibility, not a report itself, a condition, an absence or an indirect question."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    if chain[-1].dep_ not in ASSERTING_DEPS:
        return False
    if any(is_to_infinitive(node) for node in chain):
        return False  # "came to enhance mutual trust": an aim, not an act
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in children_of(verb))
    if not own_subject and any(lemma_of(n, lexicon) in lexicon.reporting_verbs for n in chain[1:]):
        return False  # 'said ... and "deepen cooperation"': words quoted, read as a conjunct
    for node in chain:
        for child in children_of(node):
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in UNASSERTED_AUX):
                return False
            if child.dep_ == "advcl" and is_conditional_clause(child):
                return False  # "will recall its troops if the talks fail"
    if lemma_of(verb, lexicon) in lexicon.reporting_verbs or subject_of(verb, lexicon) is None:
        return False  # a report, or a fragment with no one doing it ("to 'deepen cooperation'")
    return not (in_condition(verb) or in_absence(verb) or is_indirect_question(chain[-1]))
