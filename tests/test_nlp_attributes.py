"""The indexed attribute ruler sets exactly what the model's own attribute ruler sets (part of
speech, morphology, lemma) on real articles, odd words and multi-token exceptions included; the
memo lemmatizer sets the lemmas the model's lemmatizer sets."""

from __future__ import annotations

from pathlib import Path

import spacy

from accord.nlp import (
    MODEL_NAME,
    IndexedAttributeRuler,
    MemoLemmatizer,
    index_attribute_ruler,
    load_nlp,
    memo_lemmatizer,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "corpus_news" / "tune").glob("*.txt"))[:8]
# words that only the ruler's exceptions handle: contractions, dialect spellings, "I" as subject
ODD = "I ain't goin' nowhere, y'all said; we're doin' nothin' 'bout it. Don't 'cause trouble."


def token_attributes(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_indexed_ruler_sets_what_the_model_ruler_sets() -> None:
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES] + [ODD]
    model = spacy.load(MODEL_NAME)
    indexed = spacy.load(MODEL_NAME)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert len(ruler.table) > 100  # most patterns are looked up, not matched
    assert len(ruler.tested) > 20  # one-token patterns with lists and labels are checked
    assert len(ruler.rest) > 0  # the others are still matched
    for theirs, ours in zip(model.pipe(texts), indexed.pipe(texts), strict=True):
        assert token_attributes(ours) == token_attributes(theirs)


def test_accord_pipeline_uses_the_indexed_ruler() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    doc = nlp("Thai villagers and police have blocked protesters from reaching the temple.")
    assert [t.pos_ for t in doc][:4] == ["ADJ", "NOUN", "CCONJ", "NOUN"]
    assert doc[5].lemma_ == "block"


def test_memo_lemmatizer_sets_what_the_model_lemmatizer_sets() -> None:
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES] + [ODD]
    model = spacy.load(MODEL_NAME)
    memo = spacy.load(MODEL_NAME)
    memo_lemmatizer(memo)
    lemmatizer = memo.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, MemoLemmatizer)
    theirs = [token_attributes(doc) for doc in model.pipe(texts)]
    assert [token_attributes(doc) for doc in memo.pipe(texts)] == theirs
    assert [token_attributes(doc) for doc in memo.pipe(texts)] == theirs  # from the memo
    assert 300 < len(lemmatizer.lemmas) < sum(len(attributes) for attributes in theirs)


def test_accord_pipeline_uses_the_memo_lemmatizer() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    doc = nlp("Militants were killed after they had attacked two villages.")
    assert [t.lemma_ for t in doc][:8] == [
        "militant",
        "be",
        "kill",
        "after",
        "they",
        "have",
        "attack",
        "two",
    ]
