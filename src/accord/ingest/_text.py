"""Text normalisation and hashing: every offset downstream points into the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Line separators other than \n become \n so that "one line" means the same everywhere.
_OTHER_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Control characters (Unicode category Cc: U+0000-001F and U+007F-009F) but tab and newline,
# and stray BOMs; one regex pass instead of a category lookup per character.
_DROPPED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
# A surrogate code point on its own (JSON allows the escape "\\ud800") cannot be encoded,
# stored or hashed; a valid pair is already one character once decoded.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _drop_control_chars(text: str) -> str:
    """Remove NUL and other control characters (and stray BOMs), keeping newlines and tabs."""
    return _DROPPED_CHARS.sub("", text)


def normalise_text(text: str) -> str:
    """Give one canonical form of an article's text, so hashes and offsets are stable.

    Unicode NFC, all line breaks as ``\\n``, no control characters except ``\\n`` and ``\\t``,
    no trailing spaces, at most one blank line in a row, no surrounding whitespace.
    Typographic quotes and dashes are kept: the quote extractor relies on them.
    """
    text = _OTHER_LINE_BREAKS.sub("\n", text)
    text = _drop_control_chars(text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def lone_surrogate_at(text: str) -> int | None:
    """Index of the first lone surrogate in ``text`` (text that cannot be UTF-8), or None."""
    match = _LONE_SURROGATE.search(text)
    return match.start() if match else None


def has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or digit: whitespace and zero-width marks are no article."""
    return any(char.isalnum() for char in text)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text, so the same article always gets the same hash."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
