"""A word's children read from the table kept on the doc, instead of spaCy's scan of its
subtree (issue #11, round spd29): the same words, in the same order, on real articles of the
tune fold and on headlines."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.events.syntax import depth_of
from accord.nlp import children_of, head_offsets, load_nlp


def _same_children(doc: Doc) -> int:
    told = 0
    for token in doc:
        kept = children_of(token)
        walked = list(token.children)
        assert [c.i for c in kept] == [c.i for c in walked]
        assert all(c.doc is doc for c in kept)
        told += len(kept)
    return told


def test_a_words_kept_children_are_its_children(tune_docs: list[Doc]) -> None:
    children = sum(_same_children(doc) for doc in tune_docs)
    roots = sum(1 for doc in tune_docs for token in doc if token.head.i == token.i)
    words = sum(len(doc) for doc in tune_docs)
    assert words > 2000
    assert children == words - roots  # every word but a root is some word's child


def test_the_kept_children_of_a_headline_and_a_sentence() -> None:
    nlp = load_nlp()
    for text in ("Russia, Ukraine swap prisoners", "Israel struck Gaza on Friday."):
        doc = nlp(text)
        assert _same_children(doc) == len(doc) - 1
    doc = nlp("Israel struck Gaza.")
    assert [c.text for c in children_of(doc[1])] == ["Israel", "Gaza", "."]


def test_a_words_kept_head_is_its_head_and_its_depth_the_walk_up(tune_docs: list[Doc]) -> None:
    deepest = 0
    for doc in tune_docs:
        assert head_offsets(doc) == [token.head.i for token in doc]
        for token in doc:
            walked, node = 0, token
            while node.head.i != node.i:  # the walk by Token.head, as depth_of made it
                node, walked = node.head, walked + 1
            assert depth_of(token) == walked
            deepest = max(deepest, walked)
    assert deepest > 5
