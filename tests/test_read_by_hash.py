"""Words and texts read once, or by the hashes spaCy keeps, instead of as new strings (issue
#11, round spd27): each shortcut gives what the longer way gave, on real articles of the tune
fold."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from accord.extract.events.lexicon import lemma_of, load_lexicon
from accord.ingest import make_article
from accord.nlp import Document, doc_text, sentence_text
from accord.resolve.actors import (
    _DEMONYMS_READ,
    _LAST_WORDS,
    ActorDictionary,
    ActorNouns,
    _may_end_an_entry,
    fold,
    load_actor_nouns,
    load_dictionary,
    resolve_mentions,
)


def test_a_words_lexicon_key_read_by_hash_is_the_key_read_by_string(tune_docs: list[Doc]) -> None:
    lexicon = load_lexicon()
    quirks = 0
    for doc in tune_docs:
        for token in doc:
            by_string = lexicon.lemma_quirks.get(token.lower_) or token.lemma_.lower()
            assert lemma_of(token, lexicon) == by_string
            quirks += token.lower_ in lexicon.lemma_quirks
    assert quirks > 0  # the tune articles hold words the small model lemmatises wrongly
    assert lexicon.lemma_quirk_ids is lexicon.lemma_quirk_ids  # made once per lexicon
    assert len(lexicon.lemma_quirk_ids) == len(lexicon.lemma_quirks)


def test_the_text_kept_on_a_doc_is_its_text_and_a_sentences_text_is_cut_from_it(
    tune_docs: list[Doc],
) -> None:
    sentences = 0
    for doc in tune_docs:
        assert doc_text(doc) == doc.text
        assert doc_text(doc) is doc_text(doc)  # joined once per document
        for sentence in doc.sents:
            assert sentence_text(sentence) == sentence.text
            sentences += 1
    assert sentences > 100


def _demonym_by_strings(table: ActorDictionary, before: Token | None, token: Token) -> str | None:
    """A word's demonym reading as it was made before: the two words' texts folded."""
    if before is not None:
        code = table.country_by_demonym.get(fold(f"{before.text} {token.text}"))
        if code is not None:
            return code
    return table.country_by_demonym.get(fold(token.text))


def test_demonym_readings_kept_by_hash_are_the_readings_of_the_words(tune_docs: list[Doc]) -> None:
    table = load_dictionary()
    for doc in tune_docs:
        resolve_mentions(Document(article=make_article(doc.text), doc=doc), table)
    kept = _DEMONYMS_READ[id(table.country_by_demonym)]
    assert kept[0] is table.country_by_demonym
    read = found = 0
    for doc in tune_docs:
        for token in doc:
            before = doc[token.i - 1] if token.i > 0 else None
            key = (before.orth if before is not None else -1, token.orth)
            if key in kept[1]:
                expected = _demonym_by_strings(table, before, token)
                assert kept[1][key] == expected
                read += 1
                found += expected is not None
    assert read > 1000 and found > 10  # every word read, nationality words among them


def _sector_by_strings(table: dict[str, str], noun: Token) -> str | None:
    """``sector_of`` as it was before its answers were kept by hash."""
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma == noun.lower_ and lemma.endswith("s"):
        lemma = lemma[:-1]
    if not _may_end_an_entry(table, lemma, noun.lower_):
        return None
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.i < noun.i:
            pair = table.get(f"{child.lemma_.lower()} {lemma}")
            if pair := pair or table.get(f"{child.lower_} {noun.lower_}"):
                return pair
    return table.get(lemma) or table.get(noun.lower_)


def test_a_nouns_sector_read_with_kept_answers_is_the_sector_read_by_strings(
    tune_docs: list[Doc],
) -> None:
    nouns = load_actor_nouns()
    found = 0
    for table in (nouns.unnamed, nouns.nationality):
        for _ in range(2):  # the second pass reads the answers kept by the first
            for doc in tune_docs:
                for token in doc:
                    expected = _sector_by_strings(table, token)
                    assert ActorNouns.sector_of(table, token) == expected
                    found += expected is not None
        assert _LAST_WORDS[id(table)][3]  # answers kept for the table's words
    assert found > 100
