"""Reading articles from files and folders; every bad input becomes an IngestError value."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from accord.errors import IngestError
from accord.ingest._article import make_article
from accord.ingest._decode import declared_html_charset, decode_bytes
from accord.ingest._fetch import Fetcher, is_url
from accord.ingest._files import (
    MAX_ARTICLE_BYTES,
    display_name,
    is_sidecar_or_expected,
    read_limited,
    read_sidecar,
)
from accord.ingest._html import article_from_html
from accord.ingest._json import read_json_file, read_jsonl_file
from accord.ingest._language import check_language
from accord.ingest._web import KnownUrl, read_url, urls_in
from accord.models import Article

logger = logging.getLogger("accord.ingest")

Result = Article | IngestError
SourcePath = str | os.PathLike[str]


def _read_text_file(path: Path, source: str) -> Iterator[Result]:
    """A plain-text article; its metadata comes from the sidecar, if any."""
    text = decode_bytes(read_limited(path, source, MAX_ARTICLE_BYTES), source)
    yield make_article(text, source=source, **read_sidecar(path, source))


def _read_html_file(path: Path, source: str) -> Iterator[Result]:
    """A news page: main text and metadata from the page, overridden by a sidecar."""
    data = read_limited(path, source, MAX_ARTICLE_BYTES)
    html = decode_bytes(data, source, declared=declared_html_charset(data))
    yield article_from_html(html, source=source, **read_sidecar(path, source))


_READERS: dict[str, Callable[[Path, str], Iterator[Result]]] = {
    ".txt": _read_text_file,
    ".text": _read_text_file,
    ".md": _read_text_file,
    ".html": _read_html_file,
    ".htm": _read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
}
SUPPORTED_EXTENSIONS = frozenset(_READERS)


def _warn_if_undated(article: Article) -> None:
    if article.published is None:
        logger.warning(
            "no publication date for %s: relative dates will stay unresolved",
            article.source or article.id,
        )


def screened(results: Iterable[Result]) -> Iterator[Result]:
    """Results with the language and date checks of ``read_sources`` applied (for articles
    that come another way, e.g. a polled feed's entries)."""
    return (_checked(result) for result in results)


def _checked(result: Result) -> Result:
    """An article in a language accord cannot read becomes an error naming it (costing that
    article only, not the rest of its file); an undated one is logged."""
    if isinstance(result, IngestError):
        return result
    try:
        check_language(result)
    except IngestError as error:
        return error
    _warn_if_undated(result)
    return result


def _read_file(path: Path, source: str) -> Iterator[Result]:
    """Articles in one file; any failure is yielded as an IngestError so the run goes on."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        expected = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        yield IngestError(source, f"unsupported file type {path.suffix!r} (expected {expected})")
        return
    try:
        for result in reader(path, source):
            yield _checked(result)
    except IngestError as error:
        yield error
    except Exception as exc:  # a bug or a library failure must not end the caller's run
        logger.exception("unexpected error reading %s", source)
        yield IngestError(source, f"unexpected error: {type(exc).__name__}: {exc}")


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


# Project files a folder of articles often carries; named directly, they are still read.
FOLDER_DOCUMENTS = {"readme", "license", "licence", "changelog", "notes"}


def _wanted_in_folder(name: str) -> bool:
    path = Path(name)
    return (
        not _is_hidden(name)
        and path.suffix.lower() in SUPPORTED_EXTENSIONS
        and not is_sidecar_or_expected(path)
        and path.stem.lower() not in FOLDER_DOCUMENTS
    )


def _linked_outside(path: Path, root: Path) -> IngestError | None:
    """An error naming ``path`` when it is a symlink leading out of ``root`` (resolved).

    A folder is read as what it holds: a link out of it (``passwd.txt -> /etc/passwd``) is
    not followed. A link to another file inside the folder is.
    """
    if not path.is_symlink():
        return None
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return IngestError(display_name(path), "not read: a symlink that leads nowhere (a loop)")
    if target.is_relative_to(root):
        return None
    kind = "folder" if target.is_dir() else "file"
    reason = f"not read: a symlink to a {kind} outside the folder ({display_name(target)})"
    return IngestError(display_name(path), reason)


def _files_in_folder(root: Path, errors: list[IngestError]) -> list[Path]:
    """Supported article files under ``root``, recursively, sorted; hidden entries skipped,
    symlinks leading out of ``root`` reported in ``errors`` and not followed."""
    found: list[Path] = []
    inside = root.resolve()

    def note_error(exc: OSError) -> None:
        errors.append(
            IngestError(
                display_name(exc.filename or root), f"cannot read the folder ({exc.strerror})"
            )
        )

    def kept(path: Path) -> bool:
        error = _linked_outside(path, inside)
        if error is not None:
            errors.append(error)
        return error is None

    # os.walk does not descend into linked folders; those leading out are reported
    for folder, subfolders, names in os.walk(root, onerror=note_error):
        subfolders[:] = [name for name in subfolders if not _is_hidden(name)]
        for name in subfolders:
            kept(Path(folder, name))
        wanted = (Path(folder, name) for name in names if _wanted_in_folder(name))
        found.extend(path for path in wanted if kept(path))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_folder(root: Path) -> Iterator[Result]:
    errors: list[IngestError] = []
    files = _files_in_folder(root, errors)
    yield from errors
    if not files:
        logger.warning("no supported article files in %s", display_name(root))
    for path in files:
        yield from _read_file(path, display_name(path))


def read_sources(
    paths: Iterable[SourcePath] | SourcePath,
    *,
    fetcher: Fetcher | None = None,
    known_url: KnownUrl | None = None,
) -> Iterator[Result]:
    """Articles from files, folders, page and feed URLs and ``.urls`` lists, in order, with an
    IngestError value for each bad input.

    Errors are yielded, not raised, so one bad file, line or URL never stops a run; each names
    its file (``file:LINE`` for JSON Lines, ``file[INDEX]`` for a JSON list) or URL. URLs are
    fetched with ``fetcher`` (a new ``Fetcher``: public addresses only); ``known_url`` says
    which pages are stored already, so they are not fetched again.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    web = _Web(fetcher, known_url or (lambda url: False))
    for raw in paths:
        if is_url(raw):
            yield from screened(read_url(str(raw), web.fetcher, web.known))
            continue
        if Path(raw).suffix.lower() == ".urls" and Path(raw).is_file():
            yield from _read_url_list(Path(raw), web)
            continue
        source = display_name(raw)
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path)
        elif not path.exists():
            yield IngestError(source, "no such file or directory")
        elif is_sidecar_or_expected(path):
            logger.info("skipping %s: metadata sidecar or expected output, not an article", source)
        else:
            yield from _read_file(path, source)


class _Web:
    """The fetcher of a run, made on first use (a run of files never opens a connection)."""

    def __init__(self, fetcher: Fetcher | None, known: KnownUrl) -> None:
        self._fetcher = fetcher
        self.known = known

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher


def _read_url_list(path: Path, web: _Web) -> Iterator[Result]:
    """A ``.urls`` file: each URL read as if named on the command line."""
    source = display_name(path)
    try:
        text = decode_bytes(read_limited(path, source, MAX_ARTICLE_BYTES), source)
    except IngestError as error:
        yield error
        return
    for url in urls_in(text):
        yield from screened(read_url(url, web.fetcher, web.known))
