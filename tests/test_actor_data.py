"""Checks on the actor dictionary (data/actors.json) and the country table (data/countries.json)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from accord.resolve.actors import SECTORS, fold, load_actor_nouns, load_dictionary, slug

KINDS = {"person", "organisation", "group"}
EXTRA_CODES = {"XKX"}  # Kosovo: user-assigned code, not in ISO 3166-1
ISO_CODES = {country.alpha_3 for country in pycountry.countries} | EXTRA_CODES
# Territories with no demonym of their own (uninhabited or only research/military staff).
NO_DEMONYM = {"ATF", "BVT", "HMD", "SGS", "SJM", "UMI"}
# Surnames that are also a demonym, kept on purpose: "Turk" (Volker Türk, UN rights chief) is
# rare as a noun in English news, and the person is much more likely to be meant.
SURNAMES_ALSO_DEMONYMS = {"turk"}
ISTANBUL_EXPECTED = Path(__file__).parent / "corpus" / "istanbul-talks.expected.json"


def _load(name: str) -> list[dict]:
    data = json.loads((resources.files("accord") / "data" / name).read_text(encoding="utf-8"))
    assert isinstance(data, list), f"data/{name} must hold a JSON list"
    return data


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return _load("actors.json")


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return _load("countries.json")


def _country_keys(countries: list[dict]) -> dict[str, str]:
    """Folded country names, demonyms, capitals and seats -> code."""
    keys: dict[str, str] = {}
    for row in countries:
        names = [
            row["name"],
            *row.get("aliases", []),
            *row.get("demonyms", []),
            *row.get("demonyms_shared", []),
            row.get("capital") or "",
            *row.get("capital_aliases", []),
            *row.get("seats", []),
        ]
        for name in filter(None, names):
            keys.setdefault(fold(name), row["code"])
    return keys


def _surname(row: dict) -> str:
    """What the resolver indexes as a person's surname: the last word of the name."""
    return fold(row["name"].split()[-1])


def test_both_data_files_parse_and_are_not_empty(actors, countries):
    assert len(actors) >= 250
    assert len(countries) >= 240


def test_actor_rows_have_the_required_fields(actors):
    for row in actors:
        assert row.get("id") and row.get("name") and row.get("kind"), row
        assert row["kind"] in KINDS, row
        assert isinstance(row.get("aliases", []), list), row


def test_actor_ids_are_unique_slugs_of_the_name(actors):
    ids = [row["id"] for row in actors]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates
    for row in actors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]
        assert row["id"] == slug(row["name"]), row


def test_country_codes_are_iso_alpha3_or_kosovo(actors, countries):
    bad = [row["id"] for row in actors if row.get("country") and row["country"] not in ISO_CODES]
    assert not bad, bad
    bad = [row["code"] for row in countries if row["code"] not in ISO_CODES]
    assert not bad, bad
    codes = [row["code"] for row in countries]
    assert len(codes) == len(set(codes))


def test_sectors_are_from_the_allowed_set(actors):
    bad = [(row["id"], row.get("sector")) for row in actors if row.get("sector") not in SECTORS]
    assert not bad, bad


def test_igos_have_no_country(actors):
    bad = [row["id"] for row in actors if row["sector"] == "IGO" and row.get("country")]
    assert not bad, bad


def test_every_person_has_a_role(actors):
    missing = [row["id"] for row in actors if row["kind"] == "person" and not row.get("role")]
    assert not missing, missing


def test_no_alias_is_shared_by_two_actors(actors):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in actors:
        for alias in (row["name"], *row.get("aliases", [])):
            owners[fold(alias)].add(row["id"])
    shared = {alias: sorted(ids) for alias, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


def test_no_alias_is_a_country_name_demonym_capital_or_seat(actors, countries):
    keys = _country_keys(countries)
    clashes = [
        (row["id"], alias, keys[fold(alias)])
        for row in actors
        for alias in (row["name"], *row.get("aliases", []))
        if fold(alias) in keys
    ]
    assert not clashes, clashes


def test_indexed_surnames_shadow_no_country_or_other_actor(actors, countries):
    """A unique surname is resolved before countries and other aliases, so it must not be one."""
    keys = _country_keys(countries)
    counts: dict[str, int] = defaultdict(int)
    for row in actors:
        if row["kind"] == "person":
            counts[_surname(row)] += 1
    aliases = {fold(alias): row["id"] for row in actors for alias in (row["name"], *row["aliases"])}
    clashes = []
    for row in actors:
        surname = _surname(row)
        if row["kind"] != "person" or counts[surname] > 1:
            continue
        if surname in keys and surname not in SURNAMES_ALSO_DEMONYMS:
            clashes.append((row["id"], surname, keys[surname]))
        if aliases.get(surname, row["id"]) != row["id"]:
            clashes.append((row["id"], surname, aliases[surname]))
    assert not clashes, clashes


def test_every_country_has_a_demonym_except_empty_territories(countries):
    missing = sorted(
        row["code"]
        for row in countries
        if not row.get("demonyms") and not row.get("demonyms_shared")
    )
    assert missing == sorted(NO_DEMONYM), missing


def test_dictionary_loads_and_resolves_zelenskyy():
    table = load_dictionary()
    assert table.by_alias[fold("Zelenskyy")].id == "volodymyr-zelenskyy"
    assert table.by_alias[fold("Zelensky")].id == "volodymyr-zelenskyy"
    assert table.by_surname[fold("Zelenskyy")].id == "volodymyr-zelenskyy"
    assert table.by_alias[fold("UN")].id == "united-nations"
    assert "kremlin" not in table.by_alias  # a metonym for Russia, handled by the country table


def test_istanbul_talks_actors_match_the_hand_reading():
    table = load_dictionary()
    expected = json.loads(ISTANBUL_EXPECTED.read_text(encoding="utf-8"))["actors"]
    for spec in expected:
        actor = table.by_alias.get(fold(spec["name"]))
        assert actor is not None, spec["name"]
        assert actor.country == spec.get("country"), (spec, actor)
        assert actor.sector == spec["sector"], (spec, actor)
        if "role" in spec:
            assert fold(actor.role or "") == fold(spec["role"]), (spec, actor)


# --- data/actors_past.json: leaders and officials of 1975-2020 ---------------------------------


YEARS = r"(\d{3,4}|\d{3}0s)(-\d{4})?(; ?\d{4}(-\d{4})?)*-?"  # "1989-1993", "1990s-2003", "970-"


@pytest.fixture(scope="module")
def past_actors() -> list[dict]:
    return _load("actors_past.json")


def test_past_actors_are_people_with_valid_codes_roles_and_years(past_actors):
    assert len(past_actors) >= 1500
    bad = [
        row["id"]
        for row in past_actors
        if row["kind"] != "person"
        or row.get("sector") not in SECTORS
        or (row.get("country") and row["country"] not in ISO_CODES)
        or (row["sector"] == "IGO" and row.get("country"))
        or not row.get("role")
        or not re.fullmatch(YEARS, row.get("years", ""))
    ]
    assert not bad, bad[:20]


def test_past_actor_ids_are_unique_slugs_not_reused_from_the_current_dictionary(
    actors, past_actors
):
    current = {row["id"] for row in actors}
    ids = [row["id"] for row in past_actors]
    assert len(ids) == len(set(ids))
    assert not current & set(ids)
    assert all(row["id"] == slug(row["name"]) for row in past_actors)


def test_past_aliases_are_no_country_and_shared_ones_agree_on_country_and_sector(
    past_actors, countries
):
    keys = _country_keys(countries)
    clashes = [
        (row["id"], alias)
        for row in past_actors
        for alias in (row["name"], *row.get("aliases", []))
        if fold(alias) in keys
    ]
    assert not clashes, clashes
    codings: dict[str, set[tuple]] = defaultdict(set)
    for row in past_actors:
        for alias in (row["name"], *row.get("aliases", [])):
            codings[fold(alias)].add((row.get("country"), row["sector"]))
    ambiguous = {alias: sorted(map(str, c)) for alias, c in codings.items() if len(c) > 1}
    assert not ambiguous, ambiguous


@pytest.fixture(scope="module")
def past_organisations() -> list[dict]:
    return _load("organisations_past.json")


def test_past_organisations_have_valid_codes_and_unique_unambiguous_names(
    actors, past_actors, past_organisations, countries
):
    assert len(past_organisations) >= 400
    bad = [
        row["id"]
        for row in past_organisations
        if row["kind"] != "organisation"
        or row.get("sector") not in SECTORS
        or (row.get("country") and row["country"] not in ISO_CODES)
        or (row["sector"] == "IGO" and row.get("country"))
        or row["id"] != slug(row["name"])
        or not re.fullmatch(YEARS, row.get("years", ""))
    ]
    assert not bad, bad[:20]
    keys = _country_keys(countries)
    seen = {
        fold(alias)
        for row in [*actors, *past_actors]
        for alias in (row["name"], *row.get("aliases", []))
    }
    clashes = []
    for row in past_organisations:
        for alias in (row["name"], *row.get("aliases", [])):
            if fold(alias) in keys or fold(alias) in seen:
                clashes.append((row["id"], alias))
            seen.add(fold(alias))
    assert not clashes, clashes


def test_past_leaders_resolve_but_never_shadow_a_current_actor():
    table = load_dictionary()
    assert (table.by_alias["khomeini"].country, table.by_alias["khomeini"].sector) == ("IRN", "GOV")
    assert table.by_alias["boutros boutros-ghali"].sector == "IGO"
    assert table.by_alias["zelenskyy"].id == "volodymyr-zelenskyy"
    assert table.by_alias["sharif"].id == "shehbaz-sharif"  # shared surname: today's holder
    assert "lagos" not in table.by_alias  # a past actor gets no automatic surname
    assert (table.by_alias["unita"].country, table.by_alias["unita"].sector) == ("AGO", "REB")


# --- data/actor_nouns.json: common nouns that name actors ----------------------------------------


@pytest.mark.parametrize(
    ("alias", "actor_id", "country", "sector"),
    [
        ("EAC", "east-african-community", None, "IGO"),
        ("ECCAS", "economic-community-of-central-african-states", None, "IGO"),
        ("CARICOM", "caribbean-community", None, "IGO"),
        ("Alliance of Sahel States", "alliance-of-sahel-states", None, "IGO"),
        ("ATMIS", "african-union-transition-mission-in-somalia", None, "IGO"),
        ("IGAD", "igad", None, "IGO"),
        ("RSF", "rapid-support-forces", "SDN", "REB"),
        ("Tigray Defence Forces", "tigray-defence-forces", "ETH", "REB"),
        ("Tigrayan forces", "tigray-defence-forces", "ETH", "REB"),
        ("Ambazonia Defence Forces", "ambazonia-defence-forces", "CMR", "REB"),
        ("Harakat al-Nujaba", "harakat-al-nujaba", "IRQ", "REB"),
        ("Jaish al-Adl", "jaish-al-adl", "IRN", "REB"),
        ("FARC dissidents", "farc-dissidents", "COL", "REB"),
        ("Gulf Clan", "clan-del-golfo", "COL", "REB"),
        ("Tren de Aragua", "tren-de-aragua", "VEN", "REB"),
        ("Russian Volunteer Corps", "russian-volunteer-corps", "RUS", "REB"),
        ("Azov Brigade", "azov-brigade", "UKR", "MIL"),
        ("Ansarullah", "houthis", "YEM", "REB"),
        ("Shabaab", "al-shabaab", "SOM", "REB"),
    ],
)
def test_regional_bodies_and_armed_groups_are_in_the_dictionary(alias, actor_id, country, sector):
    """Issue #10's dictionary gaps: regional IGOs and armed groups news names, with the
    country and sector of the dictionary's conventions (an armed group not a state's army is
    REB, a named gang or cartel the country's REB, a unit of a state's forces MIL)."""
    actor = load_dictionary().by_alias[fold(alias)]
    assert (actor.id, actor.country, actor.sector) == (actor_id, country, sector)


def test_azov_alone_is_no_alias():
    """ "Azov" alone is the sea ("the Sea of Azov"): only the unit's full names are aliases."""
    assert fold("Azov") not in load_dictionary().by_alias


def test_civil_society_nouns_are_ngos_by_both_tables():
    nouns = load_actor_nouns()
    for noun in ("right group", "right organisation", "ngo", "relief agency", "society group"):
        assert nouns.unnamed[noun] == nouns.nationality[noun] == "NGO"


def test_actor_nouns_load_with_known_sectors():
    nouns = load_actor_nouns()
    assert nouns.nationality["force"] == "MIL"
    assert nouns.unnamed["gunman"] == "UAF"
    for table in (nouns.nationality, nouns.unnamed):
        assert set(table.values()) <= set(SECTORS)
        assert all(noun == noun.lower() and noun.strip() for noun in table)
    assert nouns.captive <= set(nouns.unnamed)


def test_a_capital_named_with_its_article_is_no_metonym():
    """ "The Valley" (Anguilla) folds to a common noun: "Valley" alone names no country, while
    capitals without an article stay metonyms."""
    table = load_dictionary()
    assert table.country_code("Valley") is None
    assert table.country_code("The Valley") is None
    assert table.country_code("Kyiv") == ("UKR", "metonym")
    assert table.country_code("Malé") == ("MDV", "metonym")
