"""The learned second path of the coder: where no rule found an event in a sentence, the
event-type model reads each main clause and, when it is confident, proposes that clause's verb
as a trigger of the type it predicts. The coder's event rules then work it out as any other
candidate: actors from the parse and the resolver, modality, mode; the evidence names the model
and carries its probability as the confidence.

Where a rule's reading is weak (``WeakReadings``: trigger words measured on the tune folds to be
often misread), the model also reads the clause the rule coded, and when it is sure of another
reading it retypes the event or drops it; the evidence then names the rule and the model.

Clauses, not sentences: "Police said gunmen killed five people" is read at "killed" (the
reporting verb's content), and "X met Y and signed a deal" as two clauses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from accord.errors import DataFileError
from accord.extract.events.lexicon import Lexicon, TriggerEntry, lemma_of
from accord.extract.events.modality import (
    is_a_likely_act,
    is_a_needed_or_possible_act,
    is_a_wished_act,
)
from accord.extract.events.syntax import is_indirect_question
from accord.extract.events.triggers import Candidate
from accord.learn.model import EventTypeModel
from accord.nlp import children_of, sentence_of

if TYPE_CHECKING:
    from accord.extract.events.coder import CodedEvent, Coder, Review

SETTINGS = "data/models/learned_path.json"
CLAUSE_DEPS = {"conj"}  # coordinated main clauses
CONTENT_DEPS = {"ccomp"}  # what a reporting verb reports
DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True)
class Clause:
    head: Token  # the clause's verb (or, in a verbless headline, its head word)
    text: str
    head_lemma: str
    roles: tuple[str, ...] = ()  # the head's grammatical roles (clause_roles)


@dataclass(frozen=True)
class WeakReadings:
    """The rule readings the model may overrule (``learned_path.json``, ``weak_readings``):
    events whose trigger lemma is in ``lemmas`` or whose finding rule is in ``rules``, when the
    model reads their clause otherwise with at least ``threshold`` (chosen on the tune folds)."""

    lemmas: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()
    threshold: float = 1.01  # above any probability: no review
    # types the model never retypes into: a retyped event keeps the clause's actors, and the
    # model's ACCUSE of a deed told by a speaker ("X said Y illegally occupied ...") is the
    # speaker's stance, which the rules code themselves (evaluation-is-stance)
    not_retyped_to: frozenset[str] = frozenset()

    def hold(self, event: CodedEvent, lexicon: Lexicon) -> bool:
        """Whether ``event`` is a rule's reading of the weak kind."""
        maker = event.rules[0] if event.rules else ""
        if maker.startswith("model:"):
            return False
        return maker in self.rules or lemma_of(event.candidate.token, lexicon) in self.lemmas


class LearnedPath:
    """An ``EventModel`` for the coder (see ``extract/events/coder.py``).

    ``thresholds`` maps a PLOVER type to the probability a reading of that type needs (types
    not listed need ``threshold``); they are chosen on the tune fold.
    """

    def __init__(
        self,
        model: EventTypeModel,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        thresholds: dict[str, float] | None = None,
        per_clause: bool = False,
        weak: WeakReadings | None = None,
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.thresholds = dict(thresholds or {})
        self.per_clause = per_clause
        self.weak = weak or WeakReadings()
        self.name = model.version

    def review(self, event: CodedEvent, coder: Coder) -> Review | None:
        """Rule "model-overrules-weak-readings": the model's reading of the clause of a weak
        rule reading, when it is another type (or no event) with at least the review threshold;
        None keeps the rule's reading."""
        from accord.extract.events.coder import Review

        if not self.weak.hold(event, coder.lexicon):
            return None
        clause = clause_at(event.candidate.predicate, coder.lexicon)
        prediction = self.model.predict(clause.text, clause.head_lemma, clause.roles)
        if prediction.label == event.type or prediction.probability < self.weak.threshold:
            return None
        if prediction.label in self.weak.not_retyped_to:
            return None
        rule = event.rules[0] if event.rules else "rules"
        why = (
            f"model {self.name}: {prediction.label or 'no event'} p={prediction.probability:.2f}"
            f" over {rule}'s {event.type}"
        )
        return Review(prediction.label, prediction.probability, why)

    def propose(self, sentence: Span, found: Sequence[Candidate], coder: Coder) -> list[Candidate]:
        """Readings of the sentence's main clauses. By default only where the rules found
        nothing in the sentence; with ``per_clause`` also in a sentence with rule events, in
        the main clauses that hold none of the rules' candidates."""
        if found and not self.per_clause:
            return []
        clause_heads, heads = main_clause_heads(sentence, coder.lexicon)
        taken = {t.i for c in found for t in (c.token, c.predicate)}
        proposed = []
        for head in clause_heads:  # the clause (its words, its roles) made only for the model
            head_lemma = lemma_of(head, coder.lexicon)
            if _lexicon_trigger(head_lemma, coder.lexicon) or is_indirect_question(head):
                continue  # "would not say whether it would retaliate" asks, it tells no act
            if taken & _own_token_ids(head, clause_heads):
                continue
            if head_lemma in SAYING_VERBS:
                continue  # "..., the adviser said at the White House": an attribution
            clause = make_clause(head, heads, coder.lexicon)
            prediction = self.model.predict(clause.text, clause.head_lemma, clause.roles)
            if prediction.label is None:
                continue
            if prediction.probability < self.thresholds.get(prediction.label, self.threshold):
                continue
            entry = TriggerEntry(type=prediction.label)
            why = f"model {self.name}: {prediction.label} p={prediction.probability:.2f}"
            candidate = Candidate(
                token=clause.head,
                entry=entry,
                predicate=clause.head,
                why=[why],
                confidence=round(prediction.probability, 3),
            )
            if is_a_wished_act(candidate, coder.lexicon):  # "hopes to win the release"
                continue
            if is_a_needed_or_possible_act(candidate, coder.lexicon):  # "the need to collaborate"
                continue
            if not is_a_likely_act(candidate, coder.lexicon):  # "was reluctant to accept"
                proposed.append(candidate)
        return proposed


def _rules_read(clause: Clause, lexicon: Lexicon) -> bool:
    """Rule "rules-decide-their-triggers": a clause headed by a trigger word of the lexicon was
    read by the rules, and when they coded nothing there ("released a report") that is their
    decision; the model speaks only where the lexicon has no word for the act."""
    return _lexicon_trigger(clause.head_lemma, lexicon)


def _lexicon_trigger(head_lemma: str, lexicon: Lexicon) -> bool:
    """Whether a clause head's lemma is a trigger word of the lexicon (``_rules_read``)."""
    return head_lemma in lexicon.verbs or head_lemma in lexicon.nouns


def main_clauses(sentence: Span, lexicon: Lexicon) -> list[Clause]:
    """The sentence's main clauses: the root verb and the verbs coordinated with it, and a
    second report the parser hangs on the first one's content; a reporting verb is replaced
    by the clause it reports."""
    clause_heads, heads = main_clause_heads(sentence, lexicon)
    return [make_clause(head, heads, lexicon) for head in clause_heads]


def main_clause_heads(sentence: Span, lexicon: Lexicon) -> tuple[list[Token], list[Token]]:
    """The heads of the sentence's main clauses (``main_clauses``: a reporting verb replaced by
    the clause it reports), and the heads as found, whose subtrees each clause leaves out of
    its words. Apart, so that a reader who skips most clauses makes only the ones it reads
    (a clause's words and roles walk its subtree)."""
    root = sentence.root
    heads = [root, *(t for t in children_of(root) if t.dep_ in CLAUSE_DEPS and t.pos_ in VERBAL)]
    heads += [second for head in list(heads) for second in _second_reports(head, lexicon)]
    clause_heads = []
    for head in heads:
        reported = [t for t in children_of(head) if t.dep_ in CONTENT_DEPS]
        if lemma_of(head, lexicon) in lexicon.reporting_verbs and reported:
            head = reported[0]
        clause_heads.append(head)
    return clause_heads, heads


def _second_reports(head: Token, lexicon: Lexicon) -> list[Token]:
    """Rule "a-second-report-is-a-main-clause": "Chavez said he was sending tank battalions
    to the border and said he would respond if Colombian troops crossed": the parser hangs the
    second "said" on the first one's content, though it reports an act of its own."""
    if lemma_of(head, lexicon) not in lexicon.reporting_verbs:
        return []
    return [
        second
        for content in children_of(head)
        if content.dep_ in CONTENT_DEPS
        for second in children_of(content)
        if second.dep_ in CLAUSE_DEPS
        and lemma_of(second, lexicon) in lexicon.reporting_verbs
        and any(c.dep_ in CONTENT_DEPS for c in children_of(second))
    ]


def clause_at(head: Token, lexicon: Lexicon) -> Clause:
    """The clause ``head`` leads, without the sentence's other main clauses nested in it."""
    others = [c.head for c in main_clauses(sentence_of(head), lexicon) if c.head.i != head.i]
    return make_clause(head, others, lexicon)


def make_clause(head: Token, others: Sequence[Token], lexicon: Lexicon) -> Clause:
    """The clause ``head`` leads, as the model reads it (training builds its examples here too)."""
    return Clause(
        head, clause_text(head, others), lemma_of(head, lexicon), clause_roles(head, lexicon)
    )


# What the head's dependants say of the act, whatever its verb: "held talks" (dobj=talk),
# "called for talks" (prep=for>talk), "pulled out" (prt=out), "did not" (neg), "would" (md=would),
# a passive, and who the subject is (an entity label, a pronoun) and its lemma.
NAMED_ROLES = frozenset(
    {"dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "prt", "dative", "nsubjpass", "agent"}
)  # a dependant named by its relation and lemma: "dobj=talk"


def clause_roles(head: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """The roles of ``head``'s dependants, in sentence order (see ``NAMED_ROLES``)."""
    roles: list[str] = []
    for child in children_of(head):
        dep = child.dep_
        if dep in NAMED_ROLES:
            roles.append(f"{dep}={lemma_of(child, lexicon)}")
        elif dep == "prep":
            objects = [o for o in children_of(child) if o.dep_ == "pobj"]
            after = f">{lemma_of(objects[0], lexicon)}" if objects else ""
            roles.append(f"prep={child.lower_}{after}")
        elif dep == "neg":
            roles.append("neg")
        elif dep == "aux" and child.tag_ == "MD":
            roles.append(f"md={child.lower_}")
        elif dep == "nsubj":
            kind = child.ent_type_ or ("PRON" if child.pos_ == "PRON" else child.pos_)
            roles += [f"subj={kind}", f"subjl={lemma_of(child, lexicon)}"]
        elif dep == "auxpass":
            roles.append("pass")
    return tuple(roles)


def own_tokens(clause: Clause, clauses: Sequence[Clause]) -> set[int]:
    """The token indices of ``clause``, without the other main clauses nested in it."""
    return _own_token_ids(clause.head, [c.head for c in clauses])


def _own_token_ids(head: Token, heads: Sequence[Token]) -> set[int]:
    """The token indices of the clause ``head`` leads, without the other ``heads``' clauses."""
    return {t.i for t in _own_words(head, heads)}


def clause_of(token: Token, clauses: Sequence[Clause]) -> Clause | None:
    """The main clause whose words include ``token`` (the innermost, when nested)."""
    holding = [c for c in clauses if token.i in {t.i for t in c.head.subtree}]
    return min(holding, key=lambda c: len(list(c.head.subtree)), default=None)


VERBAL = {"VERB", "AUX"}
# Verbs that only attribute ("X said at the White House"); "announced aid" is an act.
SAYING_VERBS = {"say", "tell", "add", "note", "state", "report", "write"}


def clause_text(head: Token, others: Sequence[Token]) -> str:
    """The words of ``head``'s subtree, without the other main clauses coordinated under it."""
    return " ".join(t.text for t in _own_words(head, others))


def _own_words(head: Token, others: Sequence[Token]) -> list[Token]:
    """``head``'s subtree in order, without the subtrees of the other clause heads in it."""
    subtree = list(head.subtree)  # walked once: spaCy walks a subtree recursively each time
    own = {t.i for t in subtree}
    skipped = {
        t.i for other in others if other is not head and other.i in own for t in other.subtree
    }
    return [t for t in subtree if t.i not in skipped]


def default_learned_path() -> LearnedPath | None:
    """The shipped model with the shipped settings (``data/models/learned_path.json``); None
    when the settings turn it off."""
    try:
        settings = json.loads(files("accord").joinpath(SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataFileError(f"cannot read {SETTINGS}: {error}") from error
    if not settings.get("enabled", True):
        return None
    return LearnedPath(
        EventTypeModel.default(),
        threshold=float(settings["threshold"]),
        thresholds={key: float(value) for key, value in settings.get("thresholds", {}).items()},
        per_clause=bool(settings.get("per_clause", False)),
        weak=weak_readings(settings.get("weak_readings")),
    )


def weak_readings(settings: dict | None) -> WeakReadings:
    """The ``weak_readings`` block of the settings (none: no review)."""
    if not settings:
        return WeakReadings()
    return WeakReadings(
        lemmas=frozenset(settings.get("lemmas", ())),
        rules=frozenset(settings.get("rules", ())),
        threshold=float(settings["threshold"]),
        not_retyped_to=frozenset(settings.get("not_retyped_to", ())),
    )
