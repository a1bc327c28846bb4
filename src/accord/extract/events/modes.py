"""Modes: the PLOVER mode of an event from its trigger, the trigger's modifiers ("drone
strike"), the weapon named, the instrument ("killed in a car bombing") or the governed content."""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.extract.events.syntax import depth_of, is_nounlike
from accord.extract.events.triggers import Candidate, content_words, noun_entry, verb_entry
from accord.nlp import children_of

MODES_FROM_CONTENT = {"REQUEST", "REJECT"}


def mode_and_context(
    candidate: Candidate, kind: str, lexicon: Lexicon
) -> tuple[str | None, tuple[str, ...]]:
    """Mode from the trigger, its modifiers ("drone strike") or the governed complement."""
    mode = candidate.entry.mode
    contexts: list[str] = [candidate.entry.context] if candidate.entry.context else []
    words = [candidate.token]
    if candidate.complement is not None:
        words.extend(t for t in candidate.complement.subtree if t.pos_ in {"NOUN", "VERB"})
    if not is_nounlike(candidate.token, lexicon):
        instruments = _instruments(candidate.token, kind, lexicon)
        words.extend(instruments)
        modes = [noun_entry(noun, lexicon).mode for noun in instruments]
        mode = mode or next((m for m in modes if m), None)
    for word in words:
        for child in children_of(word):
            modifier = lexicon.noun_modifiers.get(child.lower_)
            if child.dep_ not in {"compound", "amod", "nmod"} or modifier is None or mode:
                continue
            modifier_type, modifier_mode, heads = modifier
            if modifier_type in (None, kind) and (not heads or lemma_of(word, lexicon) in heads):
                mode = modifier_mode
    if is_nounlike(candidate.token, lexicon):
        words.extend(
            t for t in candidate.token.subtree if t.pos_ == "NOUN" and t != candidate.token
        )
    if kind == "THREATEN" and mode is None and candidate.complement is not None:
        mode = _threatened_mode(candidate.complement, lexicon)
    if kind == "ASSAULT" and mode is None:
        mode = _weapon_mode(candidate, lexicon)
    for word in words[1:] if not is_nounlike(candidate.token, lexicon) else words:
        complement_mode = lexicon.complement_modes.get(word.lemma_.lower())
        if complement_mode:
            if mode is None and kind in MODES_FROM_CONTENT:
                mode = complement_mode
            break
    return mode, tuple(dict.fromkeys(contexts))


def content_mode(candidate: Candidate, kind: str, lexicon: Lexicon) -> str | None:
    """The mode of the governed content that gives the event its type ("ordered a curfew":
    curfew; "instructed agencies to investigate": investigate), nearest word first; a verb
    that orders has no mode of its own, so the act ordered must bring it."""
    if candidate.complement is None:
        return None
    for token in sorted(content_words(candidate.complement), key=depth_of):
        entry = verb_entry(token, lexicon) or noun_entry(token, lexicon)
        if entry is None or not entry.mode or entry.type != kind:
            continue
        if entry.type_under(candidate.token) == kind:
            return entry.mode
    return None


def threat_mode(kind: str) -> str | None:
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
    while predicate.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in children_of(predicate)):
        predicate = predicate.head  # "a missile destroyed a building and killed 46"
    phrases = [c for c in children_of(predicate) if c.dep_ in {"nsubj", "agent", "dobj"}]
    phrases += [
        c
        for c in children_of(predicate)
        if (c.dep_ == "prep" and c.lower_ in {"with", "by"}) or c.lower_ == "using"
    ]
    for phrase in phrases:
        for word in phrase.subtree:
            mode = (
                lexicon.weapon_modes.get(lemma_of(word, lexicon)) if word.pos_ == "NOUN" else None
            )
            if mode and not _crowd_control(word, lexicon):
                return _modified_mode(word, lexicon) or mode
    return None


def _crowd_control(weapon: Token, lexicon: Lexicon) -> bool:
    """A riot-control device named like a weapon ("water cannon", "rubber bullets") is no
    heavy weapon or firearm."""
    return any(
        c.dep_ in {"compound", "amod"} and c.lower_ in lexicon.words("crowd_control_modifiers")
        for c in children_of(weapon)
    )


def _modified_mode(weapon: Token, lexicon: Lexicon) -> str | None:
    """The mode a modifier gives the weapon word: a "suicide bomber" is a suicide attack, not
    an aircraft."""
    for child in children_of(weapon):
        modifier = lexicon.noun_modifiers.get(child.lower_)
        if child.dep_ in {"compound", "amod", "nmod"} and modifier is not None:
            kind, mode, heads = modifier
            if kind == "ASSAULT" and mode and not heads:
                return mode
    return None


def _threatened_mode(complement: Token, lexicon: Lexicon) -> str | None:
    """The mode of a threat from what is threatened: "to launch an offensive" (violence), "to
    hold a general strike" (restrict), "to ban voting" (ban)."""
    for word in complement.subtree:
        if word.pos_ not in {"NOUN", "VERB"}:
            continue
        for child in children_of(word):
            modifier = lexicon.noun_modifiers.get(child.lower_)
            if (
                modifier is not None
                and modifier[0]
                and (not modifier[2] or lemma_of(word, lexicon) in modifier[2])
            ):
                return threat_mode(modifier[0])  # "general strike" is a PROTEST
        mode = lexicon.threat_modes.get(lemma_of(word, lexicon))
        entry = noun_entry(word, lexicon) if word.pos_ == "NOUN" else verb_entry(word, lexicon)
        mode = mode or (threat_mode(entry.type) if entry is not None and entry.type else None)
        if mode:
            return mode
    return None


def _instruments(verb: Token, kind: str, lexicon: Lexicon) -> list[Token]:
    """Event nouns that say how a verb's act was done: "killed in a car bombing"."""
    found = []
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "by", "with", "during", "after"}:
            continue
        for noun in children_of(prep):
            entry = noun_entry(noun, lexicon) if noun.dep_ == "pobj" else None
            if entry is not None and entry.type == kind:
                found.append(noun)
    return found
