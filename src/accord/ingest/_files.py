"""Reading files safely: size limits checked before reading, sidecar metadata beside articles."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from accord.errors import IngestError
from accord.ingest._metadata import metadata_from

MAX_ARTICLE_BYTES = 5_000_000
# A .json file may hold many articles, but is parsed whole: larger collections belong in JSONL.
MAX_JSON_BYTES = 10 * MAX_ARTICLE_BYTES
MAX_SIDECAR_BYTES = 1_000_000
SIDECAR_SUFFIX = ".meta.json"


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 in a file name
    (``caf\\xe9.txt`` from Latin-1) are written as escapes instead of lone surrogates, which
    no UTF-8 terminal or database takes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def checked_size(path: Path, source: str, limit: int | None) -> int:
    """Size of a regular, non-empty file within ``limit``, from ``stat`` alone (nothing read)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(source, "not a regular file")
    if info.st_size == 0:
        raise IngestError(source, "empty file")
    if limit is not None and info.st_size > limit:
        raise IngestError(source, f"file is {info.st_size:,} bytes, over the limit of {limit:,}")
    return info.st_size


def read_limited(path: Path, source: str, limit: int) -> bytes:
    """The bytes of a file no larger than ``limit``; never reads more than ``limit + 1`` bytes."""
    checked_size(path, source, limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from None
    if not data:
        raise IngestError(source, "empty file")
    if len(data) > limit:  # the file grew after stat
        raise IngestError(source, f"file is over the limit of {limit:,} bytes")
    return data


def is_sidecar_or_expected(path: Path) -> bool:
    """Metadata sidecars and expected-output files sit beside articles but are not articles."""
    name = path.name.lower()
    return name.endswith(SIDECAR_SUFFIX) or path.stem.lower().endswith(".expected")


def _sidecar_path(path: Path) -> Path | None:
    """``NAME.meta.json`` (or ``NAME.EXT.meta.json``) beside the article, if there is one."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), Path(f"{path}{SIDECAR_SUFFIX}")):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path, source: str) -> dict[str, str]:
    """Metadata from the article's sidecar (empty without one); a broken sidecar is an error."""
    sidecar = _sidecar_path(path)
    if sidecar is None:
        return {}
    name = display_name(sidecar.name)
    try:
        data = read_limited(sidecar, display_name(sidecar), MAX_SIDECAR_BYTES)
        record = json.loads(data.decode("utf-8-sig"))
    except (IngestError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
        raise IngestError(source, f"bad metadata sidecar {name}: {reason}") from None
    if not isinstance(record, dict):
        raise IngestError(source, f"bad metadata sidecar {name}: not a JSON object")
    return metadata_from(record)
