"""Work read once instead of again (issue #11, round spd24): each shortcut gives what the longer
way gave, on real articles of the test corpora."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc

from accord.extract.events.coder import Coder
from accord.extract.events.lexicon import TriggerEntry
from accord.extract.events.modality import is_a_likely_act, is_a_wished_act
from accord.extract.events.participants import PLACE_ENTITY_LABELS, place_entities
from accord.extract.events.syntax import is_indirect_question
from accord.extract.events.triggers import Candidate
from accord.ingest._decode import _TEXT_CONTROLS, _control_share
from accord.learn.path import (
    SAYING_VERBS,
    _rules_read,
    main_clauses,
    own_tokens,
)


def _controls_by_category(text: str) -> float:
    """The share as it was counted before: a category look-up per character."""
    sample = text[:8192]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS
    )
    return controls / len(sample) if sample else 0.0


def test_the_control_share_is_the_share_of_category_cc_but_whitespace(
    tune_docs: list[Doc],
) -> None:
    article = tune_docs[0].text
    mixed = "\x00\x1f\x7f\x85\x9f\t\n\r\x0b\x0c\u2028\u200b\xa0" + article
    for text in (article, mixed, mixed * 40, "", "\x01" * 10 + "A"):
        assert _control_share(text) == _controls_by_category(text)
    assert _control_share(mixed) > 0  # NUL, US, DEL, NEL, APC: five controls counted


def test_the_place_entities_kept_are_the_documents_place_entities(tune_docs: list[Doc]) -> None:
    found = 0
    for doc in tune_docs:
        expected = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in PLACE_ENTITY_LABELS]
        assert place_entities(doc) == expected
        assert place_entities(doc) is place_entities(doc)  # read once per document
        found += len(expected)
    assert found > 50
    # what the kept entities decide is held by test_place_rules.py
    # (test_an_embassy_in_a_capital_still_names_its_state)


def _proposed_from_every_clause(sentence, found: tuple[Candidate, ...], coder: Coder) -> list:
    """The learned path's proposals as it read them before: every main clause made first."""
    path = coder.model
    if found and not path.per_clause:
        return []
    clauses = main_clauses(sentence, coder.lexicon)
    taken = {t.i for c in found for t in (c.token, c.predicate)}
    proposed = []
    for clause in clauses:
        if _rules_read(clause, coder.lexicon) or is_indirect_question(clause.head):
            continue
        if taken & own_tokens(clause, clauses):
            continue
        if clause.head_lemma in SAYING_VERBS:
            continue
        prediction = path.model.predict(clause.text, clause.head_lemma, clause.roles)
        if prediction.label is None:
            continue
        if prediction.probability < path.thresholds.get(prediction.label, path.threshold):
            continue
        candidate = Candidate(
            token=clause.head,
            entry=TriggerEntry(type=prediction.label),
            predicate=clause.head,
            why=[f"model {path.name}: {prediction.label} p={prediction.probability:.2f}"],
            confidence=round(prediction.probability, 3),
        )
        if is_a_wished_act(candidate, coder.lexicon):
            continue
        if not is_a_likely_act(candidate, coder.lexicon):
            proposed.append(candidate)
    return proposed


def _readings(candidates: list[Candidate]) -> list[tuple]:
    return [(c.token.i, c.entry.type, c.confidence, tuple(c.why)) for c in candidates]


def test_the_learned_path_proposes_what_it_proposed_when_every_clause_was_made_first(
    tune_docs: list[Doc],
) -> None:
    coder = Coder.default()
    assert coder.model is not None
    proposals = 0
    for doc in tune_docs:
        for sentence in doc.sents:
            for found in ((), tuple(_one_candidate(sentence))):
                for per_clause in (False, True):
                    coder.model.per_clause, kept = per_clause, coder.model.per_clause
                    try:
                        now = coder.model.propose(sentence, found, coder)
                        before = _proposed_from_every_clause(sentence, found, coder)
                    finally:
                        coder.model.per_clause = kept
                    assert _readings(now) == _readings(before)
                    proposals += len(now)
    assert proposals > 0


def _one_candidate(sentence) -> list[Candidate]:
    """A stand-in rule candidate on the sentence's root, so that its clause counts as taken."""
    root = sentence.root
    return [Candidate(token=root, entry=TriggerEntry(type="CONSULT"), predicate=root, why=[])]


def test_the_attribution_phrases_are_indexed_once_per_lexicon_as_per_document_before() -> None:
    from accord.extract.quotes import load_cue_lexicon, phrases_by_first_word

    lexicon = load_cue_lexicon()
    assert lexicon.attribution_index == phrases_by_first_word(lexicon.attribution_phrases)
    assert lexicon.attribution_index is lexicon.attribution_index
    assert ("according", "to") in lexicon.attribution_index["according"]
    # what the index finds ("..., according to the regional governor") is held by test_quotes.py
