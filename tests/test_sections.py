"""Long articles in bounded sections: how text is cut, and that the real pipeline's records
from a sectioned article are those of its sections, moved to the whole article."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest import make_article
from accord.models import Article, Event, Extraction
from accord.nlp import load_nlp
from accord.pipeline import extract_article, extract_many, section_chars
from accord.sections import SECTION_CHARS, split_sections

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "accord" / "data" / "examples"
ISTANBUL = (EXAMPLE / "istanbul-talks.txt").read_text(encoding="utf-8").strip()


def assert_sections_index_the_text(text: str, limit: int) -> None:
    """Every section is non-empty, within ``limit``, found at its offset, without surrounding
    whitespace, in order; together they hold every non-space character of the text."""
    sections = split_sections(text, limit)
    end = 0
    for section in sections:
        assert 0 < len(section.text) <= limit
        assert text[section.start : section.start + len(section.text)] == section.text
        assert section.text == section.text.strip()
        assert section.start >= end
        assert not text[end : section.start].strip()  # only whitespace between sections
        end = section.start + len(section.text)
    assert not text[end:].strip()


def test_a_text_that_fits_is_one_section_of_the_whole_text() -> None:
    (section,) = split_sections(ISTANBUL, len(ISTANBUL))
    assert (section.start, section.text) == (0, ISTANBUL)


def test_paragraphs_are_kept_whole_when_they_fit() -> None:
    paragraphs = [f"Paragraph {n} says the talks went on." for n in range(40)]
    text = "\n\n".join(paragraphs)
    sections = split_sections(text, 200)
    assert all(section.text.endswith("went on.") for section in sections)
    assert "\n\n".join(section.text for section in sections) == text
    assert_sections_index_the_text(text, 200)


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = " ".join(f"Sentence {n} reports “a strike” on the city." for n in range(200))
    sections = split_sections(text, 500)
    assert len(sections) > 1
    assert all(section.text.endswith("on the city.") for section in sections)
    assert_sections_index_the_text(text, 500)


def test_a_line_without_punctuation_is_cut_at_whitespace_not_inside_words() -> None:
    text = " ".join(["ceasefire"] * 5000)  # 49,999 characters, no sentence end
    sections = split_sections(text, 1000)
    assert all(set(section.text.split()) == {"ceasefire"} for section in sections)
    assert_sections_index_the_text(text, 1000)


def test_text_without_whitespace_is_cut_hard_at_the_limit() -> None:
    sections = split_sections("x" * 2500, 1000)
    assert [(s.start, len(s.text)) for s in sections] == [(0, 1000), (1000, 1000), (2000, 500)]


@given(
    st.lists(
        st.sampled_from(["talks", "ended.", "“Yes,”", " ", "  ", "\n", "\n\n", "\t", "x" * 30]),
        max_size=400,
    )
    .map(lambda parts: "".join(parts).strip())  # article text is stripped and never empty
    .filter(bool),
    st.integers(min_value=1, max_value=120),
)
def test_any_text_is_cut_into_sections_that_index_it(text: str, limit: int) -> None:
    assert_sections_index_the_text(text, limit)


def test_the_section_limit_is_below_the_model_limit() -> None:
    assert section_chars() == SECTION_CHARS < load_nlp().max_length


# --- the real pipeline on sectioned articles ------------------------------------------------


def istanbul_article(text: str) -> Article:
    return make_article(
        text,
        title="Russia and Ukraine agree prisoner swap in Istanbul",
        published="2025-05-16",
        source="istanbul",
    )


def moved(event: Event, number: int, chars: int, sentences: int, article_id: str) -> Event:
    """What an event of one copy becomes in the article holding ``number - 1`` copies before."""
    evidence = event.evidence
    # "place from sentence 3" names a sentence that has moved too
    why = re.sub(r"sentence (\d+)", lambda m: f"sentence {int(m[1]) + sentences}", evidence.why)
    date, place = event.date, event.place
    if date is not None and date.char_start >= 0:
        date = dataclasses.replace(
            date, char_start=date.char_start + chars, char_end=date.char_end + chars
        )
    if place is not None and place.char_start >= 0:
        place = dataclasses.replace(
            place, char_start=place.char_start + chars, char_end=place.char_end + chars
        )
    return dataclasses.replace(
        event,
        id=f"{article_id}-e{number}",
        article_id=article_id,
        evidence=dataclasses.replace(
            evidence,
            sentence_index=evidence.sentence_index + sentences,
            start=evidence.start + chars,
            end=evidence.end + chars,
            sentence_start=evidence.sentence_start + chars,
            why=why,
        ),
        mentions=tuple(
            dataclasses.replace(
                mention,
                sentence_index=mention.sentence_index + sentences,
                start=mention.start + chars,
                end=mention.end + chars,
                sentence_start=mention.sentence_start + chars,
                why=re.sub(
                    r"sentence (\d+)", lambda m: f"sentence {int(m[1]) + sentences}", mention.why
                ),
            )
            for mention in event.mentions
        ),
        date=date,
        place=place,
    )


def assert_offsets_index_the_article(extraction: Extraction) -> None:
    text = extraction.article.text
    for record in (*extraction.events, *extraction.quotes):
        evidence = record.evidence
        start = evidence.sentence_start
        assert text[start : start + len(evidence.sentence)] == evidence.sentence
        assert start <= evidence.start <= evidence.end <= start + len(evidence.sentence)
    for event in extraction.events:
        assert event.trigger in text[event.evidence.start : event.evidence.end]
        for span in (event.date, event.place):
            if span is not None and span.char_start >= 0:
                assert text[span.char_start : span.char_end] == span.text


def test_a_sectioned_article_gives_the_records_of_its_sections_moved_into_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    single = extract_article(istanbul_article(ISTANBUL))
    sentences = len(list(load_nlp()(ISTANBUL).sents))
    copies = 3
    whole = istanbul_article("\n\n".join([ISTANBUL] * copies))
    monkeypatch.setattr(load_nlp(), "max_length", len(ISTANBUL) + 3)  # one copy per section

    extraction = extract_article(whole)

    assert extraction.article is whole
    assert len(extraction.events) == copies * len(single.events) > 0
    assert len(extraction.quotes) == copies * len(single.quotes) > 0
    expected = [
        moved(
            event,
            number=copy * len(single.events) + index + 1,
            chars=copy * (len(ISTANBUL) + 2),
            sentences=copy * sentences,
            article_id=whole.id,
        )
        for copy in range(copies)
        for index, event in enumerate(single.events)
    ]
    assert list(extraction.events) == expected
    assert [quote.id for quote in extraction.quotes] == [
        f"{whole.id}-q{n}" for n in range(1, copies * len(single.quotes) + 1)
    ]
    assert [actor.id for actor in extraction.actors] == [actor.id for actor in single.actors]
    assert_offsets_index_the_article(extraction)


def test_text_over_the_models_max_length_is_extracted_in_sections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = " ".join([ISTANBUL.replace("\n", " ")] * 3)  # one line, three times the limit
    monkeypatch.setattr(load_nlp(), "max_length", len(ISTANBUL))
    article = istanbul_article(line)

    extraction = extract_article(article)
    (in_a_batch,) = extract_many([article])

    assert len(extraction.events) > 0 and len(extraction.quotes) > 0
    assert in_a_batch == extraction
    assert_offsets_index_the_article(extraction)
