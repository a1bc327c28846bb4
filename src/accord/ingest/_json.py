"""Articles from JSON (one object or a list) and JSON Lines (one object per line, streamed)."""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from accord.errors import IngestError
from accord.ingest._article import make_article
from accord.ingest._decode import SNIFF_BYTES, decode_bytes
from accord.ingest._files import MAX_ARTICLE_BYTES, MAX_JSON_BYTES, checked_size, read_limited
from accord.ingest._html import article_from_html
from accord.ingest._metadata import metadata_from
from accord.models import Article

logger = logging.getLogger("accord.ingest")

TEXT_FIELDS = ("text", "body", "content")
_SKIP_CHUNK = 1 << 20
_JSON_TYPE_NAMES = {
    list: "a list",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _type_name(value: Any) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _check_article_size(text: str, source: str) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))  # a lone surrogate is refused later
    if size > MAX_ARTICLE_BYTES:
        raise IngestError(
            source, f"article is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,}"
        )


def _record_text(record: dict[str, Any], source: str) -> str | None:
    """The article text under one of TEXT_FIELDS; None when the record has none."""
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
        if value is not None and not isinstance(value, str):
            raise IngestError(source, f"field {name!r} must be a string, not {_type_name(value)}")
    return None


def article_from_record(record: Any, source: str) -> Article:
    """Article from one JSON object: ``text`` (or ``body``/``content``, or ``html``) + metadata."""
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object, got {_type_name(record)}")
    metadata = metadata_from(record)
    text = _record_text(record, source)
    if text is not None:
        _check_article_size(text, source)
        return make_article(text, source=source, **metadata)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        _check_article_size(html, source)
        return article_from_html(html, source=source, **metadata)
    raise IngestError(
        source, "no article text (expected a 'text', 'body', 'content' or 'html' field)"
    )


def _malformed(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"


TOO_DEEP = "malformed JSON: nested too deeply to read"


def _parse_json(text: str, source: str) -> Any:
    """The JSON value in ``text``, or an IngestError saying why it cannot be read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(source, _malformed(exc)) from None
    except RecursionError:  # "[[[[..." 100,000 deep: the decoder recurses per level
        raise IngestError(source, TOO_DEEP) from None


def _record_or_error(record: Any, source: str) -> Article | IngestError:
    """The article of one record, or the error that stops it: one bad record costs only itself,
    never the rest of its file (an unexpected failure is logged with its traceback)."""
    try:
        return article_from_record(record, source)
    except IngestError as error:
        return error
    except Exception as exc:
        logger.exception("unexpected error reading %s", source)
        return IngestError(source, f"unexpected error: {type(exc).__name__}: {exc}")


def read_json_file(path: Path, source: str) -> Iterator[Article | IngestError]:
    """One article per object of a ``.json`` file (an object or a list of objects)."""
    text = decode_bytes(read_limited(path, source, MAX_JSON_BYTES), source)
    data = _parse_json(text, source)
    if not isinstance(data, list):
        yield article_from_record(data, source)
        return
    if not data:
        raise IngestError(source, "the JSON list holds no records")
    for index, record in enumerate(data):
        yield _record_or_error(record, f"{source}[{index}]")


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while chunk := handle.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _capped_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over ``limit``, which is skipped unread."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield number, None
        else:
            yield number, line


def _check_jsonl_start(handle: BinaryIO, source: str) -> None:
    """JSON Lines is UTF-8 text: refuse binary and UTF-16 files before reading any line."""
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(source, "JSON Lines must be UTF-8, not UTF-16")
    if b"\x00" in head:
        raise IngestError(source, "binary file (NUL bytes)")


def _article_from_line(line: bytes | None, source: str) -> Article | IngestError | None:
    """The article on one JSONL line, the error that stops it, or None for a blank line."""
    if line is None:
        return IngestError(source, f"line is over the limit of {MAX_ARTICLE_BYTES:,} bytes")
    if not line.strip():
        return None
    try:
        record = json.loads(decode_bytes(line, source))
    except json.JSONDecodeError as exc:
        return IngestError(source, f"malformed JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return IngestError(source, TOO_DEEP)
    except IngestError as error:
        return error
    return _record_or_error(record, source)


def read_jsonl_file(path: Path, source: str) -> Iterator[Article | IngestError]:
    """One article per line of a JSON Lines file, read line by line with a per-line limit."""
    checked_size(path, source, limit=None)
    found_a_record = False
    try:
        with open(path, "rb") as handle:
            _check_jsonl_start(handle, source)
            for number, line in _capped_lines(handle, MAX_ARTICLE_BYTES):
                if number == 1 and line is not None:
                    line = line.removeprefix(codecs.BOM_UTF8)
                result = _article_from_line(line, f"{source}:{number}")
                if result is not None:
                    found_a_record = True
                    yield result
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from None
    if not found_a_record:
        raise IngestError(source, "no records (only blank lines)")
