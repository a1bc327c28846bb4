"""Modality: whether an event is asserted, negated, denied, conditional, hypothetical, future,
or carries the modality its trigger brings (proposed, agreed, rejected ...)."""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.dates import FORECAST_VERBS
from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.extract.events.syntax import (
    FUTURE_AUX,
    is_conditional_clause,
    is_nounlike,
    is_to_infinitive,
    top_of_chain,
)
from accord.extract.events.triggers import Candidate
from accord.nlp import children_of

HYPOTHETICAL_AUX = {"could", "might", "may", "can"}


def _came_about(noun: Token, predicate: Token, lexicon: Lexicon) -> bool:
    """Did the noun's act begin, in the past tense ("the planned truce began", "the proposed
    ceasefire took effect")?"""
    return (
        predicate.i != noun.i
        and noun.dep_ in {"nsubj", "nsubjpass"}
        and noun.head.i == predicate.i
        and predicate.tag_ == "VBD"
        and predicate.lemma_.lower() in lexicon.words("coming_about_verbs")
    )


def _has_negation(token: Token, lexicon: Lexicon) -> bool:
    if token.lemma_.lower() in lexicon.words("reluctance_verbs"):
        return False  # rule 'not-hesitating-is-resolve'
    return any(c.dep_ == "neg" or c.lower_ in {"never"} for c in children_of(token)) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in children_of(token)
    )


NO_ONE_WORDS = {"nobody", "none", "no-one"}  # and "no one", "no protesters": a subject with "no"
NO_ONE_RULE = "an-act-by-or-on-no-one-is-negated"


def _no_one_is_its_subject(trigger: Token, lexicon: Lexicon) -> bool:
    """Rule an-act-by-or-on-no-one-is-negated: "no one had been injured", "no one had been
    detained", "no one was hurt", "No one was reported killed": a verb whose subject is no one
    tells that the act did not happen. Only the trigger verb's own subject counts ("No group
    has claimed the attack" still reports the attack)."""
    if is_nounlike(trigger, lexicon):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (
            c.lower_ in NO_ONE_WORDS
            or any(d.dep_ == "det" and d.lower_ == "no" for d in children_of(c))
        )
        for c in children_of(trigger)
    )


def modality_of(candidate: Candidate, lexicon: Lexicon) -> tuple[str, list[str]]:
    """Modality of an event from negation, auxiliaries, conditionals and the governing verb."""
    predicate, trigger, entry = candidate.predicate, candidate.token, candidate.entry
    words = {predicate, trigger}
    if any(_has_negation(t, lexicon) for t in words):
        return ("denied" if entry.modality == "denied" else "negated"), ["negation"]
    if _no_one_is_its_subject(trigger, lexicon):
        return "negated", [f"no one as its subject; rule {NO_ONE_RULE}"]
    if any(
        t.dep_ == "xcomp" and lemma_of(t.head, lexicon) in lexicon.words("failure_verbs")
        for t in words
    ):
        return "negated", [f"'{predicate.head.text} to'"]  # "failed to reach agreement"
    if any(_forecast(t, lexicon) for t in words):
        return "future", ["forecast"]  # "Israel is expected to free 600 prisoners"
    if entry.modality == "denied":
        return "denied", ["denial verb"]
    for token in words:
        for child in children_of(token):
            if child.dep_ in {"advcl", "ccomp"} and is_conditional_clause(child):
                return "conditional", [f"conditional clause '{child.text}'"]
    if any(_ready_to(t, lexicon) for t in words):
        return "future", ["readiness"]
    words |= {
        t.head for t in words if t.dep_ == "xcomp" and t.head.lemma_ in lexicon.words("phase_verbs")
    }
    auxes = {c.lower_ for t in words for c in children_of(t) if c.dep_ in {"aux", "auxpass"}}
    if auxes & FUTURE_AUX or any(_going_to(t) for t in words):
        return "future", ["future auxiliary"]
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical", ["modal auxiliary"]
    if is_nounlike(trigger, lexicon):
        adjectives = {  # "a long-expected resignation" expects nothing of the future
            c.lower_
            for c in children_of(trigger)
            if c.dep_ == "amod" and not (c.i > 0 and c.doc[c.i - 1].text == "-")
        }
        if adjectives & (
            lexicon.words("hypothetical_adjectives") | lexicon.words("future_adjectives")
        ) and _came_about(trigger, predicate, lexicon):
            adjectives = set()  # "the planned four-day truce began": planned, and now begun
        if adjectives & lexicon.words("hypothetical_adjectives"):
            return "hypothetical", ["hedging adjective"]
        if adjectives & lexicon.words("future_adjectives"):
            return "future", ["future adjective"]
    if entry.modality and not (entry.modality == "rejected" and entry.type == "REJECT"):
        return entry.modality, [f"modality of '{trigger.lemma_}'"]
    return "asserted", []


def is_a_wished_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Rule a-wished-act-is-no-act: "Israel hopes to win the release of a captive soldier",
    "Terrorists seek to divide us and to destroy our way of life", "the Taliban seeks to retake
    control": what one wants, hopes or seeks to do has not happened, and the wish is no act
    toward anyone either (the reading's notes: "a hope", "standing aims"; data: wish_verbs in
    triggers.json)."""
    for token in (candidate.token, candidate.predicate):
        if lemma_of(token, lexicon) in lexicon.wish_verbs and any(
            c.dep_ == "xcomp" for c in children_of(token)
        ):
            return True  # the wish itself read as the act ("hopes to win the release")
        clause = top_of_chain(token)
        if clause.dep_ == "xcomp" and lemma_of(clause.head, lexicon) in lexicon.wish_verbs:
            return True
    return False


def is_a_likely_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Rule a-likely-act-is-no-act: "Rice was likely to discuss Pakistan's role", "Israel was
    reluctant to accept the truce", "unlikely to change the result": an act told by how likely
    or willing someone is to do it, in the to-infinitive of a predicative adjective, has not
    happened, and the likelihood is no act either (data: likelihood_adjectives in
    triggers.json; readiness, "ready to", is an offer and read by ``_ready_to``)."""
    for token in (candidate.token, candidate.predicate):
        if any(_likelihood_of_an_act(c, lexicon) for c in children_of(token) if c.dep_ == "acomp"):
            return True  # the likelihood read as the act ("was reluctant to accept")
        clause = top_of_chain(token)
        if clause.dep_ == "xcomp" and _likelihood_of_an_act(clause.head, lexicon):
            return True
    return False


def is_a_needed_or_possible_act(candidate: Candidate, lexicon: Lexicon) -> bool:
    """Rule a-needed-or-possible-act-is-no-act: "Obama also spoke of the need to collaborate on
    curbing the spread of the Zika virus", "with the authority to dismiss Prime Minister
    Laisenia Qarase": an act in the to-infinitive of a noun of need, ability, authority or
    possibility, or hanging on that infinitive, is said to be needed or possible, not done
    (data: modal_nouns in triggers.json). A relative clause below it tells its own act ("the
    need to punish those who attacked the convoy"); "the authorities", plural, are a government."""
    for token in (candidate.token, candidate.predicate):
        for word in (token, *token.ancestors):
            if word.dep_ == "acl" and is_to_infinitive(word) and _modal_noun(word.head, lexicon):
                return True
            if word.dep_ == "relcl":
                break
    return False


def _modal_noun(word: Token, lexicon: Lexicon) -> bool:
    return word.tag_ == "NN" and word.lemma_.lower() in lexicon.modal_nouns


def _likelihood_of_an_act(word: Token, lexicon: Lexicon) -> bool:
    """A likelihood adjective after a copula with the act it qualifies in a to-infinitive
    ("was likely to discuss"; not "the crash was 'likely' Iran's doing", a charge held likely,
    nor "the truce made it possible to deliver aid", an act made possible and done)."""
    if word.pos_ != "ADJ" or word.lemma_.lower() not in lexicon.likelihood_adjectives:
        return False
    if word.dep_ != "acomp":
        return False
    return any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in children_of(word))


def _forecast(token: Token, lexicon: Lexicon) -> bool:
    """An act told as expected, set or scheduled ("Israel is expected to free 600 prisoners",
    "the prisoners were set to be released"): a passive of a forecast verb over the act, or
    over the act's noun ("Meetings are scheduled for Monday"); the act as a "be to" or "due
    to" infinitive ("Indonesia is to continue mediation efforts", "is due to arrive")."""

    def forecasting(verb: Token) -> bool:
        passive = any(c.dep_ == "auxpass" for c in children_of(verb))
        return passive and lemma_of(verb, lexicon) in FORECAST_VERBS

    if token.dep_ == "xcomp" and (forecasting(token.head) or _arranged(token)):
        return True
    if token.dep_ == "nsubjpass" and is_nounlike(token, lexicon) and forecasting(token.head):
        return True
    return forecasting(token) and any(c.dep_ == "xcomp" for c in children_of(token))


ARRANGING_HEADS = {"be", "due"}  # "is to visit", "is due to arrive": an arranged future


def _arranged(infinitive: Token) -> bool:
    """Rule be-to-is-future: "Blinken is to visit Beijing", "are to join the team", "is due to
    arrive": a to-infinitive hung on "be" or a predicative "due" tells an arranged act, one
    that has not happened yet."""
    return is_to_infinitive(infinitive) and infinitive.head.lemma_.lower() in ARRANGING_HEADS


def _ready_to(token: Token, lexicon: Lexicon) -> bool:
    """ "France is ready to contribute troops", "their willingness to negotiate": readiness
    announces a future act, it does not report one."""
    head = token.head
    if token.dep_ in {"acl", "relcl"} and head.lemma_.lower() in lexicon.words("readiness_nouns"):
        return True
    return token.dep_ == "xcomp" and head.lemma_.lower() in lexicon.words("readiness_adjectives")


def _going_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"
