"""Bytes to text, refusing binary files and guessing legacy encodings only when it is safe."""

from __future__ import annotations

import codecs
import logging
import re

from accord.errors import IngestError

logger = logging.getLogger("accord.ingest")

SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# Share of control characters above which decoded text is taken for binary data.
_MAX_CONTROL_SHARE = 0.10
# A cp1252 guess is accepted only for text that is clearly text: almost no controls, mostly ASCII.
_MAX_CONTROL_SHARE_CP1252 = 0.01
_MIN_ASCII_SHARE_CP1252 = 0.75
# The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F, a set Unicode
# keeps stable) but the whitespace ones in _TEXT_CONTROLS: found by one expression, not a
# category look-up per character of every article's first 8 KB
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CHARSET_DECLARATION = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _control_share(text: str) -> float:
    """Share of control characters (other than whitespace) in the start of ``text``."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    return len(_CONTROLS.findall(sample)) / len(sample)


def _looks_like_cp1252_text(text: str) -> bool:
    """True when a cp1252 reading of unknown bytes gives plausible Western text, not noise."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    ascii_share = sum(1 for char in sample if char.isascii()) / len(sample)
    return (
        _control_share(sample) <= _MAX_CONTROL_SHARE_CP1252
        and ascii_share >= _MIN_ASCII_SHARE_CP1252
    )


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (``<meta charset=...>``), if a known codec."""
    match = _CHARSET_DECLARATION.search(data[:SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


_BOM_CODECS = (
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
)


def _decode_with_bom(data: bytes, source: str) -> str | None:
    """Decode UTF-16 or UTF-8 text that starts with a byte-order mark; None without a BOM."""
    for bom, codec, name in _BOM_CODECS:
        if not data.startswith(bom):
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            reason = f"invalid {name} despite its byte-order mark ({exc.reason})"
            raise IngestError(source, reason) from None
    return None


def _decode_without_bom(data: bytes, source: str, declared: str | None) -> str:
    """Try UTF-8, then a declared charset, then cp1252 for text that clearly is text."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise IngestError(source, "binary file (NUL bytes; UTF-16 text needs a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_cp1252_text(text):
        logger.warning("%s is not valid UTF-8; read it as cp1252 (Windows-1252)", source)
        return text
    raise IngestError(source, "cannot decode the bytes as UTF-8, UTF-16 (with BOM) or cp1252 text")


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Turn a file's bytes into text, or raise IngestError naming ``source`` and why not.

    ``declared`` is an encoding the content itself names (an HTML page's charset), tried after
    UTF-8 and before the cp1252 guess.
    """
    text = _decode_with_bom(data, source)
    if text is None:
        text = _decode_without_bom(data, source, declared)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(source, "binary file (mostly control characters, not text)")
    return text
