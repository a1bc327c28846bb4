"""The ``Coder``: built once with its lexicon, actor dictionary and gazetteer (and, optionally, a
learned model), it codes the events of a sentence by the rules of its table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Span

from accord.extract.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from accord.extract.events.participants import MentionIndex, attribution_of
from accord.extract.events.patterns import PatternTable, load_patterns
from accord.extract.events.rules import (
    RULES,
    SCOPES,
    ArticleDraft,
    EventDraft,
    Rule,
    SentenceDraft,
)
from accord.extract.events.triggers import Candidate
from accord.models import ActorMention, ActorRef, Counts, Event, Evidence, Place
from accord.nlp import sentence_text
from accord.resolve.actors import ActorDictionary, actor_ref, load_dictionary
from accord.resolve.places import Gazetteer, load_gazetteer

COUNT_TYPES = {"ASSAULT", "COERCE", "RETREAT", "AGREE", "PROTEST", "MOBILIZE", "SANCTION"}


class EventModel(Protocol):
    """A learned second path: proposes candidates for a sentence after the sentence rules.

    ``propose`` sees what the rules found and returns more candidates (a ``Candidate`` with the
    entry the model predicts and its ``confidence``); they go through the same event rules, so
    actors, modality and mode come from the parse. The evidence names the model
    (``model:NAME``) as the one that found them.
    """

    name: str

    def propose(
        self, sentence: Span, found: Sequence[Candidate], coder: Coder
    ) -> list[Candidate]: ...

    def review(self, event: CodedEvent, coder: Coder) -> Review | None:
        """The model's other reading of a rule's weak reading, or None to keep it."""
        ...


@dataclass(frozen=True)
class Review:
    """A model's reading of a clause a weak rule reading coded otherwise: ``label`` None says
    the clause reports no event."""

    label: str | None
    probability: float
    why: str


@dataclass(frozen=True)
class Drop:
    """A candidate a rule dropped, kept so the drops can be counted (a dropped candidate leaves
    no event, so nothing else tells which rule took it): its sentence, its trigger and the
    trigger's offset, the type it had when dropped and the rule (or model) that dropped it."""

    sentence: str
    trigger: str
    start: int
    type: str | None
    rule: str


@dataclass(frozen=True)
class CodedEvent:
    """One event a sentence reports, before its date, place and counts are added."""

    candidate: Candidate
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    modality: str
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    attributed_to: str | None
    why: str  # what the rules found, in words
    rules: tuple[str, ...]  # the rules (or model) that made it, the finder first
    confidence: float = 1.0

    def evidence_why(self) -> str:
        """The evidence text: what was found, then the names of the rules that fired."""
        return f"{self.why}; rules: {', '.join(self.rules)}"


class Coder:
    """Codes PLOVER events sentence by sentence.

    ``lexicon`` gives the trigger words, ``dictionary`` the canonical actors (and the states
    and national groups an inference names), ``gazetteer`` the places (the package's
    ``Gazetteer`` by default; a rule needs only its ``geocode``, the pipeline also finds the
    places of sentences with it). ``rules`` is the ordered rule table
    (``rules.RULES`` by default); ``model`` an optional learned second path (``EventModel``);
    ``patterns`` the CAMEO verb-pattern table the last sentence rule consults
    (``data/cameo_patterns.json`` by default). ``drops``, when given, is a list the coder adds
    a ``Drop`` to for each candidate a rule drops (``scripts/dropped_candidates.py`` counts
    them); the coding is the same with or without it.
    """

    def __init__(
        self,
        lexicon: Lexicon,
        dictionary: ActorDictionary,
        gazetteer: Gazetteer | None = None,
        *,
        model: EventModel | None = None,
        rules: Sequence[Rule] = RULES,
        patterns: PatternTable | None = None,
        drops: list[Drop] | None = None,
    ) -> None:
        if gazetteer is None:
            gazetteer = load_gazetteer()
        self.lexicon = lexicon
        self.patterns = load_patterns() if patterns is None else patterns
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        self.model = model
        self.drops = drops
        self.rules = _checked(rules)
        self.sentence_rules = tuple(rule for rule in self.rules if rule.scope == "sentence")
        self.event_rules = tuple(rule for rule in self.rules if rule.scope == "event")
        self.article_rules = tuple(rule for rule in self.rules if rule.scope == "article")

    @classmethod
    def default(cls) -> Coder:
        """The coder with the package's lexicon, actor dictionary and gazetteer (built once)."""
        return _default_coder()

    def candidates(self, sentence: Span, index: MentionIndex) -> list[Candidate]:
        """The candidate events of a sentence, by the sentence rules (then the model)."""
        found = SentenceDraft(sentence=sentence, index=index)
        for rule in self.sentence_rules:
            before = list(found.candidates) if self.drops is not None else []
            rule.apply(found, self)
            for candidate in found.candidates:
                if not candidate.rules:
                    candidate.rules.append(rule.name)
            if found.closed:
                self._note_drops(before, rule.name)
                return []
            if before:  # a coder that keeps no drops skips the comparison
                self._note_drops(_removed(before, found.candidates), rule.name)
        if self.model is not None:
            for candidate in self.model.propose(sentence, tuple(found.candidates), self):
                if not candidate.rules:
                    candidate.rules.append(f"model:{self.model.name}")
                found.candidates.append(candidate)
        return found.candidates

    def code_candidate(
        self, candidate: Candidate, index: MentionIndex, place: Place | None = None
    ) -> CodedEvent | None:
        """Type, mode, actors and modality of one candidate by the event rules; None when it is
        no codable event. ``place`` is the place the sentence itself names, if any."""
        return self.code_candidate_placeless(candidate, index, place)[0]

    def code_candidate_placeless(
        self, candidate: Candidate, index: MentionIndex, place: Place | None = None
    ) -> tuple[CodedEvent | None, bool]:
        """``code_candidate``, and whether the event would come out the same at any other
        place: no rule read the place, and the learned model's review kept the rules' coding
        (a retyped event holds the retyped candidate, which a second coding reviews again)."""
        event, place_read = self._coded(candidate, index, place)
        if event is None or self.model is None:
            return event, not place_read
        review = self.model.review(event, self)
        if review is None:
            return event, not place_read
        if review.label is None:  # the model is sure the clause tells no act
            self._note_drops([candidate], f"model:{self.model.name}", event.type)
            return None, False
        retyped = replace(
            candidate,
            entry=TriggerEntry(type=review.label),
            why=[*candidate.why, review.why],
            rules=[*candidate.rules[:1], f"model:{self.model.name}"],
            confidence=round(review.probability, 3),
        )
        return self._coded(retyped, index, place)[0], False

    def _coded(
        self, candidate: Candidate, index: MentionIndex, place: Place | None
    ) -> tuple[CodedEvent | None, bool]:
        """``code_candidate`` by the event rules alone, and whether a rule read the place."""
        draft = EventDraft(candidate=candidate, index=index, named_place=place)
        draft.rules = list(candidate.rules)
        for rule in self.event_rules:
            if rule.apply(draft, self):
                draft.rules.append(rule.name)
            if draft.dropped:
                self._note_drops([candidate], rule.name, draft.kind)
                return None, draft.place_read
        why = [*candidate.why, *draft.actor_why, *draft.modality_why, *draft.inference_why]
        event = CodedEvent(
            candidate=candidate,
            type=draft.kind,
            mode=draft.mode,
            contexts=draft.contexts,
            modality=draft.modality,
            sources=tuple(actor_ref(m) for m in draft.sources) or draft.inferred_sources,
            targets=_with_inferred(draft.targets, draft.inferred_targets),
            attributed_to=attribution_of(candidate, index, self.lexicon),
            why="; ".join(why),
            rules=tuple(draft.rules),
            confidence=candidate.confidence,
        )
        return event, draft.place_read

    def _note_drops(self, dropped: Sequence[Candidate], rule: str, kind: str | None = None) -> None:
        """Add the candidates ``rule`` dropped to ``drops`` (when the coder keeps one)."""
        if self.drops is None:
            return
        for candidate in dropped:
            token = candidate.token
            self.drops.append(
                Drop(token.sent.text, token.text, token.idx, kind or candidate.entry.type, rule)
            )

    def code_sentence(
        self, sentence: Span, index: MentionIndex, place: Place | None = None
    ) -> list[CodedEvent]:
        """The events of one sentence, before dates, places and counts. ``index`` holds the
        document's actor mentions; ``place`` is the place the sentence names (for the rules that
        infer an actor from it)."""
        coded = []
        for candidate in self.candidates(sentence, index):
            event = self.code_candidate(candidate, index, place)
            if event is not None:
                coded.append(event)
        return coded

    def finish_article(self, events: Sequence[Event]) -> list[Event]:
        """The article's events after the article rules (restatements merged)."""
        draft = ArticleDraft(events=list(events))
        for rule in self.article_rules:
            rule.apply(draft, self)
        return draft.events


def _with_inferred(
    named: Sequence[ActorMention], inferred: tuple[ActorRef, ...]
) -> tuple[ActorRef, ...]:
    """The named actors of a side; the inferred ones when none is named, or beside named ones
    of no known country ("inspectors to the Esfahan facility in central Iran")."""
    refs = tuple(actor_ref(m) for m in named)
    if not refs or not any(ref.country for ref in refs):
        return refs + tuple(i for i in inferred if i.actor_id not in {r.actor_id for r in refs})
    return refs


def _removed(before: Sequence[Candidate], after: Sequence[Candidate]) -> list[Candidate]:
    """The candidates of ``before`` a sentence rule took out (dropped, or merged into another)."""
    kept = {id(candidate) for candidate in after}
    return [candidate for candidate in before if id(candidate) not in kept]


def _checked(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    """The rule table, checked: named once each, documented, sentence rules first."""
    names = [rule.name for rule in rules]
    if len(set(names)) != len(names):
        raise ValueError(f"rule names must be unique: {names}")
    scopes = [SCOPES.index(rule.scope) for rule in rules if rule.scope in SCOPES]
    if len(scopes) != len(names) or scopes != sorted(scopes):
        raise ValueError(f"rule scopes must be {SCOPES}, sentence rules first")
    for rule in rules:
        if not rule.name or not rule.description.strip():
            raise ValueError(f"rule {rule.name!r} needs a name and a description")
    return tuple(rules)


@lru_cache(maxsize=1)
def _default_coder() -> Coder:
    from accord.learn.path import default_learned_path

    return Coder(load_lexicon(), load_dictionary(), load_gazetteer(), model=default_learned_path())


def build_event(
    *,
    event_id: str,
    article_id: str,
    coded: CodedEvent,
    sentence: Span,
    sentence_index: int,
    date=None,
    place=None,
    counts: Counts | None = None,
) -> Event:
    """Assemble the Event record with its evidence."""
    trigger = coded.candidate.token
    text = sentence_text(sentence).rstrip()
    evidence = Evidence(
        sentence_index=sentence_index,
        start=trigger.idx,
        end=trigger.idx + len(trigger.text),
        sentence=text,
        why=coded.evidence_why(),
        confidence=coded.confidence,
        sentence_start=sentence.start_char,
    )
    return Event(
        id=event_id,
        article_id=article_id,
        type=coded.type,
        mode=coded.mode,
        modality=coded.modality,
        trigger=trigger.text,
        evidence=evidence,
        sources=coded.sources,
        targets=coded.targets,
        contexts=coded.contexts,
        date=date,
        place=place,
        counts=counts if counts is not None and coded.type in COUNT_TYPES else Counts(),
        attributed_to=coded.attributed_to,
    )
