"""Double quote marks paired by jumping from stop to stop (round spd28, issue #11): the same
spans as the character-by-character walk they replace, on every tune article and on random
texts of marks, digits, spaces and paragraph breaks."""

from __future__ import annotations

import random
from pathlib import Path

from accord.extract.quotes import (
    DOUBLE_CLOSERS,
    DOUBLE_OPENERS,
    STRAIGHT_DOUBLE,
    MarkedSpan,
    _double_quoted,
    _marked,
)

TUNE_NEWS = Path(__file__).resolve().parent / "corpus_news" / "tune"


def _double_quoted_by_characters(text: str) -> list[MarkedSpan]:
    """The walk over every character that ``_double_quoted`` was before round spd28."""
    spans: list[MarkedSpan] = []
    opened: int | None = None
    reopenings: list[int] = []
    new_paragraph = True
    content_end = 0
    for i, char in enumerate(text):
        if char.isspace():
            new_paragraph = new_paragraph or char == "\n"
            continue
        at_paragraph_start, new_paragraph = new_paragraph, False
        if char == STRAIGHT_DOUBLE and i and text[i - 1].isdigit():
            continue
        is_opener = char in DOUBLE_OPENERS or char == STRAIGHT_DOUBLE
        if at_paragraph_start and opened is not None:
            if is_opener:
                reopenings.append(i)
                content_end = i + 1
                continue
            spans.append(_marked(text, opened, content_end, content_end, reopenings))
            opened, reopenings = None, []
        if opened is None and is_opener:
            opened = i
        elif opened is not None and (char in DOUBLE_CLOSERS or char == STRAIGHT_DOUBLE):
            spans.append(_marked(text, opened, i, i + 1, reopenings))
            opened, reopenings = None, []
        content_end = i + 1
    if opened is not None:
        spans.append(_marked(text, opened, content_end, content_end, reopenings))
    return spans


def test_the_tune_articles_quotes_pair_as_they_did_character_by_character() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(TUNE_NEWS.glob("*.txt"))]
    spans = 0
    for text in texts:
        found = _double_quoted(text)
        assert found == _double_quoted_by_characters(text)
        spans += len(found)
    assert len(texts) > 50
    assert spans > 200


def test_random_texts_of_marks_and_breaks_pair_as_they_did_character_by_character() -> None:
    pieces = ["a", "b", "1", "9", " ", "  ", "\n", "\n\n", "\t", "\u00a0", '"', "“", "”", "„"]
    pieces += ["«", "»", "'", "’", ".", ","]
    randomness = random.Random(28)
    reopened = unclosed = 0
    for _ in range(20000):
        text = "".join(randomness.choices(pieces, k=randomness.randint(0, 40)))
        found = _double_quoted(text)
        assert found == _double_quoted_by_characters(text), repr(text)
        reopened += any(span.reopenings for span in found)
        unclosed += bool(found) and found[-1].end == found[-1].stop
    assert reopened > 100  # a quote reopened at a paragraph start
    assert unclosed > 100  # a quote left open at a paragraph's end or the text's
