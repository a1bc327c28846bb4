"""A word's sentence and a name's parts beside it found from what is kept on the doc, instead
of walked again (issue #11, round spd28): each shortcut gives what the longer way gave, on
real articles of the tune fold."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from accord.nlp import sentence_of
from accord.resolve.places import _BESIDE_KEY, _beside_parts, _find_beside_parts, _label_span


def test_a_words_sentence_found_by_the_kept_starts_is_its_sentence(tune_docs: list[Doc]) -> None:
    words = 0
    for doc in tune_docs:
        for token in doc:
            found, walked = sentence_of(token), token.sent
            assert found == walked
            assert (found.start, found.end, found.text) == (walked.start, walked.end, walked.text)
            words += 1
    assert words > 2000


def test_the_sentences_a_span_runs_over_found_by_the_kept_starts_are_its_sentences(
    tune_docs: list[Doc],
) -> None:
    crossing = 0
    for doc in tune_docs:
        sentences = list(doc.sents)
        # every entity and noun phrase, and spans across each boundary between two sentences
        spans = [*doc.ents, *doc.noun_chunks]
        for before, after in pairwise(sentences):
            spans.append(doc[after.start - 1 : after.start + 1])
            spans.append(doc[before.start : after.end])
        for span in spans:
            found, walked = sentence_of(span), span.sent
            assert (found.start, found.end, found.text) == (walked.start, walked.end, walked.text)
            crossing += span.end > found.end  # runs on past its first word's sentence
    assert crossing > 100


def test_the_parts_beside_a_name_kept_on_the_doc_are_those_found_again(
    tune_docs: list[Doc],
) -> None:
    parts = 0
    for doc in tune_docs:
        doc.user_data.pop(_BESIDE_KEY, None)
        for ent in doc.ents:
            first = _beside_parts(ent)  # found, then kept
            kept = _beside_parts(ent)  # read from the doc
            assert first == kept == _find_beside_parts(ent)
            assert (ent.start, ent.end) in doc.user_data[_BESIDE_KEY]
            parts += len(kept)
    assert parts > 5  # "Kodok (Fashoda County, Upper Nile)", "Tirana, Albania": some are told


def test_a_heading_label_read_from_the_kept_text_is_the_one_read_from_the_words(
    tune_docs: list[Doc],
) -> None:
    from accord.nlp import load_nlp
    from accord.resolve.places import _LABEL

    headed = load_nlp()(
        "Cabo Delgado: Insurgents beheaded five villagers on Sunday, residents said.\n\n"
        "Sagaing: Troops burned homes in Kani township on Friday. Nobody was hurt."
    )
    labels = 0
    for doc in [*tune_docs, headed]:
        for sentence in doc.sents:
            label = _label_span(sentence)
            match = _LABEL.match(sentence.text)
            if match is None:
                assert label is None
                continue
            start = sentence.start_char + match.start(1)
            end = sentence.start_char + match.end(1)
            assert label == doc.char_span(start, end, alignment_mode="expand")
            labels += 1
    assert labels >= 2  # the two headings written above
