"""Words and texts read once, or by the hashes spaCy keeps, instead of as new strings (issue
#11, round spd27): each shortcut gives what the longer way gave, on real articles of the tune
fold."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from accord.extract.events.lexicon import lemma_of, load_lexicon
from accord.nlp import doc_text, load_nlp, sentence_text

ROOT = Path(__file__).resolve().parent.parent
TUNE = sorted((ROOT / "tests" / "corpus_news" / "tune").glob("*.txt"))[:12]


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    nlp = load_nlp()
    return [nlp(path.read_text(encoding="utf-8")) for path in TUNE]


def test_a_words_lexicon_key_read_by_hash_is_the_key_read_by_string(docs: list[Doc]) -> None:
    lexicon = load_lexicon()
    quirks = 0
    for doc in docs:
        for token in doc:
            by_string = lexicon.lemma_quirks.get(token.lower_) or token.lemma_.lower()
            assert lemma_of(token, lexicon) == by_string
            quirks += token.lower_ in lexicon.lemma_quirks
    assert quirks > 0  # the tune articles hold words the small model lemmatises wrongly
    assert lexicon.lemma_quirk_ids is lexicon.lemma_quirk_ids  # made once per lexicon
    assert len(lexicon.lemma_quirk_ids) == len(lexicon.lemma_quirks)


def test_the_text_kept_on_a_doc_is_its_text_and_a_sentences_text_is_cut_from_it(
    docs: list[Doc],
) -> None:
    sentences = 0
    for doc in docs:
        assert doc_text(doc) == doc.text
        assert doc_text(doc) is doc_text(doc)  # joined once per document
        for sentence in doc.sents:
            assert sentence_text(sentence) == sentence.text
            sentences += 1
    assert sentences > 100
