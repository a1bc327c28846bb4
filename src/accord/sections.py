"""Long articles in bounded sections: each parsed and extracted on its own, then joined.

spaCy refuses a text over ``nlp.max_length`` (error E088, 1,000,000 characters), and some
extract steps cost time in proportion to the whole document for every sentence (``Span.ents``
walks all of the document's entities), so one pass over a 900 KB text took minutes and
gigabytes. An article longer than ``SECTION_CHARS`` is therefore cut into sections: at
paragraph breaks, an over-long paragraph at a sentence end, a text with no sentence end at
whitespace. Each section is extracted as an article of its own; the records are then joined,
their character offsets, sentence numbers and ids moved to the whole article. Actors, places
and dates are not carried from one section to the next (a "he" at the start of a section is
not resolved to a name in the section before).

An article of at most ``SECTION_CHARS`` (almost every news report) is one section, extracted
exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from accord.models import Actor, Article, DateValue, Event, Evidence, Extraction, Place, Quote

SECTION_CHARS = 20_000
Located = TypeVar("Located", DateValue, Place)
# A full stop, question or exclamation mark (with closing quotes or brackets) before a space.
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s""")
# Sentence numbers that a ``why`` cites ("place from sentence 3") are moved with the sentences.
_SENTENCE_NUMBER = re.compile(r"\bsentence (\d+)\b")


@dataclass(frozen=True)
class Section:
    """A stretch of an article's text and where it starts in it."""

    start: int
    text: str


@dataclass(frozen=True)
class SectionExtraction:
    """What one section gave, with its number of sentences (to number the next ones on)."""

    section: Section
    sentences: int
    extraction: Extraction


def split_sections(text: str, limit: int = SECTION_CHARS) -> list[Section]:
    """The text cut into sections of at most ``limit`` characters, none starting or ending
    with whitespace; the whole text as one section when it fits."""
    if len(text) <= limit:
        return [Section(0, text)]
    sections, start = [], 0
    while start < len(text):
        end = _section_end(text, start, limit)
        section = _without_surrounding_space(text, start, end)
        if section is not None:
            sections.append(section)
        start = end
    return sections


def _section_end(text: str, start: int, limit: int) -> int:
    """Where the section starting at ``start`` ends: after the last paragraph break within
    ``limit`` characters, else after the last sentence end, else at the last whitespace; a
    hard cut only in a stretch with no whitespace at all."""
    stop = start + limit
    if stop >= len(text):
        return len(text)
    window = text[start:stop]
    cuts: tuple[Callable[[str], int], ...] = (
        _after_last_line_break,
        _after_last_sentence_end,
        _at_last_whitespace,
    )
    for cut in cuts:
        at = cut(window)
        if at > 0:
            return start + at
    return stop


def _after_last_line_break(window: str) -> int:
    return window.rfind("\n") + 1


def _after_last_sentence_end(window: str) -> int:
    ends = [match.end() for match in _SENTENCE_END.finditer(window)]
    return ends[-1] if ends else 0


def _at_last_whitespace(window: str) -> int:
    for index in range(len(window) - 1, 0, -1):
        if window[index].isspace():
            return index
    return 0


def _without_surrounding_space(text: str, start: int, end: int) -> Section | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    return Section(start + len(piece) - len(piece.lstrip()), stripped)


def section_article(article: Article, section: Section) -> Article:
    """The article a section is extracted as: the same id and metadata, the section's text."""
    if section.start == 0 and len(section.text) == len(article.text):
        return article
    return replace(article, text=section.text)


def join_sections(article: Article, parts: list[SectionExtraction]) -> Extraction:
    """One extraction for the whole article from those of its sections, in order: offsets,
    sentence numbers and event and quote ids as if the article had been extracted whole."""
    if len(parts) == 1 and parts[0].extraction.article is article:
        return parts[0].extraction
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    quotes: list[Quote] = []
    sentences = 0
    for part in parts:
        chars = part.section.start
        for actor in part.extraction.actors:
            actors.setdefault(actor.id, actor)
        for event in part.extraction.events:
            events.append(_moved_event(event, f"{article.id}-e{len(events) + 1}", chars, sentences))
        for quote in part.extraction.quotes:
            evidence = _moved_evidence(quote.evidence, chars, sentences)
            quotes.append(replace(quote, id=f"{article.id}-q{len(quotes) + 1}", evidence=evidence))
        sentences += part.sentences
    return Extraction(
        article=article, actors=tuple(actors.values()), events=tuple(events), quotes=tuple(quotes)
    )


def _moved_event(event: Event, event_id: str, chars: int, sentences: int) -> Event:
    return replace(
        event,
        id=event_id,
        evidence=_moved_evidence(event.evidence, chars, sentences),
        mentions=tuple(_moved_evidence(m, chars, sentences) for m in event.mentions),
        date=_moved_span(event.date, chars),
        place=_moved_span(event.place, chars),
    )


def _moved_evidence(evidence: Evidence, chars: int, sentences: int) -> Evidence:
    return replace(
        evidence,
        sentence_index=evidence.sentence_index + sentences,
        start=evidence.start + chars,
        end=evidence.end + chars,
        sentence_start=evidence.sentence_start + chars,
        why=_SENTENCE_NUMBER.sub(lambda m: f"sentence {int(m.group(1)) + sentences}", evidence.why),
    )


def _moved_span(value: Located | None, chars: int) -> Located | None:
    """A date or place moved by ``chars``; one not in the text (offset -1) stays so."""
    if value is None or value.char_start < 0:
        return value
    return replace(value, char_start=value.char_start + chars, char_end=value.char_end + chars)
