"""Actor resolution: find who is named in a document and resolve each mention to a canonical actor.

Sources of evidence, in order of trust: the actor dictionary (``data/actors.json``; and for
1975-2020 ``data/actors_past.json`` and ``organisations_past.json``), the country table
(``data/countries.json``: names, demonyms, capitals and seats of government used as metonyms),
titles in the text ("Ukraine's Defence Minister X"), nationality + group nouns ("Russian
forces"), and light coreference (a surname, "he", "the official", "both sides").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from accord.errors import DataFileError
from accord.models import SECTORS, Actor, ActorMention, ActorRef

if TYPE_CHECKING:
    from accord.resolve.places import Geocoder

PERSON_KINDS = {"person"}

# Head nouns that make a nationality adjective into a group actor ("Russian forces").
GROUP_NOUN_SECTORS = {
    "GOV": "official government delegation minister ministry diplomat authority leader president "
    "administration negotiator envoy spokesman spokeswoman spokesperson cabinet parliament "
    "lawmaker embassy team side negotiator prosecutor regime",
    "MIL": "force troop army military soldier navy commander general unit battalion brigade "
    "serviceman servicemen paratrooper marine airman officer aircraft helicopter gunship jet "
    "warplane warship tank bomber militiaman",
    "REB": "rebel militant insurgent fighter militia guerrilla guerilla jihadist separatist",
    "CVL": "civilian people resident inhabitant protester demonstrator citizen villager student "
    "worker woman child refugee migrant voter farmer youth immigrant pilgrim fisherman "
    "fishermen miner trucker peasant shopkeeper teacher doctor nurse national prisoner inmate "
    "detainee hostage",
    "OPP": "opposition dissident",
    "MED": "media journalist reporter newspaper broadcaster",
    "COP": "police policeman officer guard",
    "JUD": "court judge tribunal judiciary",
    "BUS": "company firm business businessman businessmen businesswoman investor",
    "UAF": "gunman gunmen assailant attacker",
}
GROUP_NOUNS = {
    noun: sector for sector, nouns in GROUP_NOUN_SECTORS.items() for noun in nouns.split()
}
GROUP_NOUNS["officer"] = "MIL"
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "region",
    "province",
    "capital",
    "border",
    "territory",
    "soil",
    "airspace",
    "waters",
    "port",
    "coast",
    "district",
    "enclave",
    "frontier",
    "side",
    "camp",
}
GOVERNMENT_BODY_WORDS = {
    "ministry",
    "government",
    "presidency",
    "cabinet",
    "parliament",
    "office",
    "service",
    "agency",
    "administration",
    "headquarters",
}
DESCRIPTION_ONLY = {"ministry", "government", "authority", "presidency"}  # only as "the ministry"
UNNAMED_GROUP_NOUNS = {
    "ministry": "GOV",
    "government": "GOV",
    "authority": "GOV",
    "presidency": "GOV",
    "witness": "CVL",
    "teacher": "CVL",
    "doctor": "CVL",
    "journalist": "MED",
    "reporter": "MED",
    "trader": "BUS",
    "shopkeeper": "BUS",
    "civilian": "CVL",
    "resident": "CVL",
    "inhabitant": "CVL",
    "worker": "CVL",
    "student": "CVL",
    "farmer": "CVL",
    "refugee": "CVL",
    "youth": "CVL",
    "prisoner": "CVL",  # only as the subject of a verb ("prisoners rioted"): CAPTIVE_NOUNS
    "inmate": "CVL",
    "detainee": "CVL",
    "people": "CVL",
    "person": "CVL",
    "immigrant": "CVL",
    "migrant": "CVL",
    "opposition": "OPP",
    "protester": "CVL",
    "protestor": "CVL",
    "demonstrator": "CVL",
    "villager": "CVL",
    "police": "COP",
    "officer": "COP",
    "army": "MIL",
    "military": "MIL",
    "force": "MIL",  # "government forces"; "Moslem forces" are a communal militia (REB)
    "troop": "MIL",
    "soldier": "MIL",
    "rebel": "REB",
    "guerrilla": "REB",
    "guerilla": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "gunman": "UAF",
    "assailant": "UAF",
    "attacker": "UAF",
}
# Role nouns that, in apposition after a name, make it a person's ("X, the relief coordinator").
_APPOSITION_ROLE_WORDS = (
    "minister president spokesman spokeswoman spokesperson official envoy aide chancellor "
    "commander diplomat governor leader coordinator secretary director chairman chairwoman head "
    "chief ambassador representative mediator negotiator adviser advisor mayor general "
    "premier king emir prince sheikh"
)
APPOSITION_ROLES = set(_APPOSITION_ROLE_WORDS.split())
# Words that make a name an organisation's, whatever title stands in front of it.
ORGANISATION_NAME_WORDS = set(
    [
        "front",
        "movement",
        "party",
        "army",
        "union",
        "council",
        "alliance",
        "league",
        "committee",
        "group",
        "organisation",
        "organization",
        "commission",
        "association",
        "company",
        "agency",
        "bank",
        "fund",
        "forces",
        "brigade",
        "brigades",
        "coalition",
        "congress",
        "assembly",
        "court",
        "tribunal",
        "ministry",
    ]
)
CAPTIVE_NOUNS = {"prisoner", "inmate", "detainee"}
# Peoples and faiths with no state of their own: coded by the country they live in (CAMEO),
# and their armed men are militias, not an army ("Moslem forces", "Kurdish fighters").
_COMMUNAL = (
    "kurd kurds kurdish tamil tamils druze shiite shiites shia sunni sunnis muslim muslims "
    "moslem moslems christian christians hindu hindus sikh sikhs hutu hutus tutsi tutsis "
    "pashtun pashtuns baluch uighur uighurs uyghur uyghurs rohingya yazidi yazidis alawite "
    "alawites maronite berber berbers tuareg karen kachin chechen chechens ossetian abkhaz"
)
COMMUNAL_WORDS = set(_COMMUNAL.split())
SECTOR_LABELS = {
    "JUD": "judiciary",
    "GOV": "government",
    "MIL": "military",
    "REB": "rebels",
    "CVL": "civilians",
    "OPP": "opposition",
    "MED": "media",
    "COP": "police",
    "BUS": "business",
}
CIVILIAN_GENERALS = (
    "secretary general",
    "attorney general",
    "director general",
    "consul general",
    "governor general",
    "inspector general",
    "solicitor general",
    "procurator general",
    "prosecutor general",
)
ROLE_SECTORS = [
    ("MIL", "general commander colonel soldier officer admiral marshal army chief_of_staff"),
    ("REB", "rebel militant insurgent"),
    ("OPP", "opposition"),
    ("MED", "journalist reporter correspondent editor"),
    ("COP", "police"),
    (
        "GOV",
        "president minister aide spokesman spokeswoman spokesperson official chancellor envoy "
        "secretary head chief governor mayor ambassador king prime premier adviser advisor "
        "diplomat senator lawmaker leader administration",
    ),
]
BOTH_SIDES = {
    "both sides",
    "the two sides",
    "both delegations",
    "the two delegations",
    "both parties",
    "the two parties",
    "both countries",
    "the two countries",
    "both governments",
    "the two governments",
}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
ROLE_NOUNS = {
    "official",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "envoy",
    "aide",
    "chancellor",
    "soldier",
    "commander",
    "diplomat",
    "governor",
    "leader",
}


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names ("Élysée" == "elysee")."""
    text = text.replace("’", "'").replace("\u2011", "-").strip()
    text = re.sub(r"^(the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"['’]s$", "", text)
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


BOTH_SIDES_FOLDED = {fold(phrase) for phrase in BOTH_SIDES}


def slug(text: str) -> str:
    """Stable id from a name."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass(frozen=True)
class Country:
    """A row of the country table."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass
class ActorDictionary:
    """Lookup tables built once from the data files."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_alias: dict[str, Actor] = field(default_factory=dict)
    by_surname: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    country_by_name: dict[str, str] = field(default_factory=dict)
    country_by_demonym: dict[str, str] = field(default_factory=dict)
    country_by_metonym: dict[str, str] = field(default_factory=dict)

    def state(self, code: str) -> Actor:
        """The state actor (the government, sector GOV) of a country."""
        country = self.countries.get(code)
        name = country.name if country else code
        return Actor(id=code.lower(), name=name, kind="state", country=code, sector="GOV")

    def group(self, code: str, sector: str) -> Actor:
        """A national group such as the Russian military or Ukrainian civilians."""
        if sector == "GOV":
            return self.state(code)
        country = self.countries.get(code)
        adjective = country.demonyms[0] if country and country.demonyms else code
        name = f"{adjective} {SECTOR_LABELS.get(sector, sector.lower())}"
        if sector == "UAF":
            name = f"unidentified attackers in {country.name if country else code}"
        return Actor(
            id=f"{code.lower()}-{sector.lower()}",
            name=name,
            kind="group",
            country=code,
            sector=sector,
        )

    def country_code(self, text: str) -> tuple[str, str] | None:
        """(code, why) for a country name, capital or seat of government; None otherwise."""
        key = fold(text)
        if key in self.country_by_name:
            return self.country_by_name[key], "country"
        if key in self.country_by_metonym:
            return self.country_by_metonym[key], "metonym"
        return None


def _data_path(name: str):
    return resources.files("accord") / "data" / name


def _load_json(name: str) -> list[dict]:
    try:
        data = json.loads(_data_path(name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/{name}: {error}") from error
    if not isinstance(data, list):
        raise DataFileError(f"data/{name} must hold a JSON list")
    return data


def _actor_from_row(row: dict, index: int) -> Actor:
    for key in ("id", "name", "kind"):
        if not row.get(key):
            raise DataFileError(f"data/actors.json entry {index} has no {key!r}")
    sector = row.get("sector")
    if sector is not None and sector not in SECTORS:
        raise DataFileError(f"data/actors.json entry {row['id']!r}: unknown sector {sector!r}")
    return Actor(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row.get("country"),
        sector=sector,
        role=row.get("role"),
        aliases=tuple(row.get("aliases") or ()),
        wikidata=row.get("wikidata"),
    )


def _country_from_row(row: dict, index: int) -> Country:
    if not row.get("code") or not row.get("name"):
        raise DataFileError(f"data/countries.json entry {index} needs 'code' and 'name'")
    return Country(
        code=row["code"],
        name=row["name"],
        aliases=tuple(row.get("aliases") or ()),
        demonyms=tuple(row.get("demonyms") or ()),
        capital=row.get("capital"),
        capital_aliases=tuple(row.get("capital_aliases") or ()),
        seats=tuple(row.get("seats") or ()),
    )


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """Load and index the actor dictionary and country table (once per process)."""
    table = ActorDictionary()
    for index, row in enumerate(_load_json("countries.json")):
        country = _country_from_row(row, index)
        table.countries[country.code] = country
        for name in (country.name, *country.aliases):
            table.country_by_name.setdefault(fold(name), country.code)
        for demonym in country.demonyms:
            table.country_by_demonym.setdefault(fold(demonym), country.code)
        for metonym in (country.capital, *country.capital_aliases, *country.seats):
            if metonym:
                table.country_by_metonym.setdefault(fold(metonym), country.code)
    surnames: Counter[str] = Counter()
    for index, row in enumerate(_load_json("actors.json")):
        actor = _actor_from_row(row, index)
        table.actors[actor.id] = actor
        for alias in (actor.name, *actor.aliases):
            table.by_alias.setdefault(fold(alias), actor)
        if actor.kind in PERSON_KINDS:
            surnames[fold(actor.name.split()[-1])] += 1
    for actor in table.actors.values():
        if actor.kind in PERSON_KINDS:
            surname = fold(actor.name.split()[-1])
            if surnames[surname] == 1:
                table.by_surname.setdefault(surname, actor)
    _add_past_actors(table)
    return table


PAST_ACTOR_FILES = ("actors_past.json", "organisations_past.json")


def _add_past_actors(table: ActorDictionary) -> None:
    """Leaders, officials and organisations of 1975-2020 (``data/actors_past.json``,
    ``data/organisations_past.json``), so archive stories ("President Bush", "UNITA") are coded
    too. Current actors keep their names and surnames; a past actor answers only to its full name
    and the aliases listed for it (no automatic surname: "Lagos" stays a city)."""
    rows = [row for name in PAST_ACTOR_FILES for row in _load_json(name)]
    for index, row in enumerate(rows):
        actor = _actor_from_row(row, index)
        if actor.id in table.actors:
            continue
        table.actors[actor.id] = actor
        for alias in (actor.name, *actor.aliases):
            key = fold(alias)
            if key not in table.by_surname:
                table.by_alias.setdefault(key, actor)


def entity_ruler_patterns() -> list[dict]:
    """Entity-ruler patterns so the small model tags dictionary names with the right label."""
    table = load_dictionary()
    patterns: list[dict] = []
    for actor in table.actors.values():
        label = "PERSON" if actor.kind in PERSON_KINDS else "ORG"
        for alias in {actor.name, *actor.aliases}:
            if alias and len(alias) > 2:
                patterns.append({"label": label, "pattern": alias, "id": actor.id})
    for country in table.countries.values():
        for name in {country.name, *country.aliases, *country.capital_aliases}:
            if name and len(name) > 2 and " " in name:
                patterns.append({"label": "GPE", "pattern": name})
    return patterns


def inferred_ref(actor: Actor, text: str) -> ActorRef:
    """A reference to an actor the text does not name but a coding rule implies (a place's
    state, an unidentified attacker), marked ``inferred``; ``text`` is the evidence."""
    return ActorRef(
        actor_id=actor.id,
        name=actor.name,
        text=text,
        country=actor.country,
        sector=actor.sector,
        inferred=True,
    )


def actor_ref(mention: ActorMention, inferred: bool = False) -> ActorRef:
    """The reference an event or quote keeps to an actor mention."""
    actor = mention.actor
    return ActorRef(
        actor_id=actor.id,
        name=actor.name,
        text=mention.text,
        country=actor.country,
        sector=actor.sector,
        role=actor.role,
        inferred=inferred,
    )


# --- resolution over one document -------------------------------------------------------------


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Map each token index to its sentence number."""
    index: dict[int, int] = {}
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            index[token.i] = number
    return index


def _mention(actor: Actor, span: Span, sentences: dict[int, int], why: str) -> ActorMention:
    return ActorMention(
        actor=actor,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        sentence_index=sentences[span.start],
        why=why,
    )


def _title_prefix(span: Span) -> list[Token]:
    """Tokens before a name inside its noun phrase: "Ukraine's Defence Minister" in front of X,
    or the role noun the name stands in apposition to ("Iran's religious leader Ayatollah X")."""
    head = span.root
    between = span.doc[head.head.i + 1 : span.start] if head.head.i < span.start else None
    if (
        head.dep_ == "appos"
        and head.head.pos_ == "NOUN"
        and between is not None
        and all(t.is_punct for t in between)
        and head.head.lemma_.lower() in ROLE_NOUNS | {"chief", "head", "secretary", "mayor"}
    ):  # "the deputy governor of the region, Oleg Chemezov"
        head = head.head
    return [t for t in span.doc[head.left_edge.i : span.start] if t.dep_ not in {"det", "punct"}]


def _appositive_role(span: Span) -> str | None:
    """The role in an appositive: "X, head of the Kharkiv Regional Military Administration"."""
    for child in span.root.children:
        role_noun = child.pos_ == "NOUN" or child.lemma_.lower() in APPOSITION_ROLES
        if child.dep_ == "appos" and role_noun:
            words = [t for t in child.subtree if t.dep_ != "det" or t.i != child.left_edge.i]
            return " ".join(t.text for t in words).strip(" ,")
    return None


def _country_in(tokens: Iterable[Token], table: ActorDictionary) -> str | None:
    for token in tokens:
        key = fold(token.text)
        if key in table.country_by_demonym:
            return table.country_by_demonym[key]
        found = table.country_code(token.text)
        if found:
            return found[0]
    return None


def _role_text(prefix: list[Token], table: ActorDictionary) -> str | None:
    """Role words from a title prefix, dropping countries, demonyms and possessive marks."""
    words = []
    for token in prefix:
        if token.dep_ == "case" or token.text in {"’s", "'s"}:
            continue
        if fold(token.text) in table.country_by_demonym or table.country_code(token.text):
            continue
        words.append(token.text_with_ws)
    role = "".join(words).strip()
    return role or None


def _descriptor_sector(tokens: Iterable[Token]) -> str | None:
    """The sector a descriptor in front of a name gives: "the rebel X", "the opposition X"."""
    for token in tokens:
        sector = GROUP_NOUNS.get(token.lemma_.lower())
        if sector in {"REB", "OPP", "MED", "UAF"}:
            return sector
    return None


def _is_place(span: Span, gazetteer: Geocoder) -> bool:
    """A name the model took for an organisation but the gazetteer knows ("El Fasher")."""
    return gazetteer.geocode(span.text) is not None


def _is_locative_phrase(token: Token) -> bool:
    """ "in Zimbabwe", "near Samarra": a place named as the scene, not as an actor."""
    return token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "near", "inside", "across"}


def _is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("spokesman X said")."""
    subjects = {"nsubj", "nsubjpass"}
    if token.dep_ in subjects:
        return True
    return token.dep_ in {"appos", "compound"} and token.head.dep_ in subjects


ORGANISATION_SECTORS = [
    ("IGO", "community cooperation league commonwealth forum organization_of organisation_of"),
    ("JUD", "court tribunal judiciary prosecutor"),
    ("COP", "police gendarmerie"),
    ("MIL", "army armed_forces military navy air_force defence_forces defense_forces"),
    ("NGO", "association foundation society institute"),
    ("CVL", "union federation syndicate"),
    ("MED", "news agency newspaper television radio broadcaster"),
    ("BUS", "engineering shipping airlines airline industries corporation holdings ltd inc"),
    ("GOV", "ministry government parliament assembly senate cabinet council presidency"),
]


def sector_for_organisation(name: str) -> str | None:
    """Sector implied by an organisation's name ("Constitutional Court" -> JUD)."""
    padded = f" {fold(name).replace('-', ' ')} "
    for sector, keywords in ORGANISATION_SECTORS:
        if any(f" {keyword.replace('_', ' ')} " in padded for keyword in keywords.split()):
            return sector
    return None


def sector_for_role(role: str | None) -> str | None:
    """Sector implied by a title ("Defence Minister" -> GOV, "commander" -> MIL)."""
    if not role:
        return None
    padded = f" {fold(role).replace('-', ' ')} "
    for civilian_general in CIVILIAN_GENERALS:
        padded = padded.replace(f" {civilian_general} ", " official ")
    for sector, keywords in ROLE_SECTORS:
        if any(f" {keyword.replace('_', ' ')} " in padded for keyword in keywords.split()):
            return sector
    return None


class MentionResolver:
    """Walks one parsed document and collects actor mentions in text order.

    ``table`` is the actor dictionary; ``gazetteer`` (anything with ``geocode(name)``, the
    package's by default) tells place names from organisation names.
    """

    def __init__(self, doc: Doc, table: ActorDictionary, gazetteer: Geocoder | None = None) -> None:
        if gazetteer is None:
            from accord.resolve.places import load_gazetteer

            gazetteer = load_gazetteer()
        self.doc = doc
        self.table = table
        self.gazetteer = gazetteer
        self.sentences = _sentence_index(doc)
        self.mentions: list[ActorMention] = []
        self.people: dict[str, Actor] = {}  # folded surname or full name -> person seen here
        self.covered: set[int] = set()
        self.people_tokens: set[int] = set()

    def resolve(self) -> list[ActorMention]:
        for ent in self.doc.ents:
            self._resolve_entity(ent)
        self._resolve_loose_surnames()
        self._resolve_loose_countries()
        self._resolve_groups()
        self._resolve_country_groups()
        self._resolve_both_sides()
        self._resolve_unnamed_groups()
        self._resolve_pronouns_and_descriptions()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    # entities ------------------------------------------------------------------------------
    def _covering(self, token: Token) -> list[ActorMention]:
        """The mentions found so far that cover a token, in the order they were found."""
        return [m for m in self.mentions if m.start <= token.idx < m.end]

    def _country_at(self, token: Token) -> str | None:
        """The country of the first mention covering a token that has one."""
        return next((m.actor.country for m in self._covering(token) if m.actor.country), None)

    def _add(self, actor: Actor, span: Span, why: str) -> None:
        self.mentions.append(_mention(actor, span, self.sentences, why))
        self.covered.update(range(span.start, span.end))

    def _resolve_entity(self, ent: Span) -> None:
        span = self._trim(ent)
        if span is None or any(t.i in self.covered for t in span) or self._is_stance(span):
            return
        key = fold(span.text)
        known_person = self.people.get(key) or self.table.by_surname.get(key)
        dictionary_actor = self.table.by_alias.get(key)
        if dictionary_actor and dictionary_actor.kind in PERSON_KINDS:
            self._add_person(dictionary_actor, span, "dictionary")
            return
        if known_person and (ent.label_ != "GPE" or key not in self.table.country_by_name):
            self._add_person(known_person, span, "surname")
            return
        described = self._described_person(span)
        if described is not None:  # "Kenzo Oshima, the UN Emergency Relief Coordinator"
            self._add_person(self._new_person(described), described, "title")
            return
        country = self.table.country_code(span.text)
        if country and (ent.label_ in {"GPE", "LOC", "ORG", "FAC"} or len(span) == 1):
            code, why = country
            self._add(self.table.state(code), span, why)
            return
        if dictionary_actor and self._national_namesake(dictionary_actor, span):
            self._add(self._new_organisation(span), span, "ner")  # "Russia's Security Council"
            return
        if dictionary_actor:
            self._add(dictionary_actor, span, "dictionary")
            return
        if self._is_modifier_entity(span):
            return  # "Radical French" (farmers): the nationality + group rule resolves it
        demonyms = [self.table.country_by_demonym.get(fold(t.text)) for t in span]
        if len(span) > 1 and all(demonyms):
            # "Bosnian Serbs": a people named by where they live, then who they are
            self._add(self.table.group(demonyms[0], "CVL"), span, "nationality")
            return
        is_person = ent.label_ == "PERSON" or (ent.label_ == "ORG" and self._is_titled_name(span))
        if is_person and not (len(span) == 1 and _is_place(span, self.gazetteer)):
            self._add_person(
                self._new_person(span), span, "title" if _title_prefix(span) else "ner"
            )
        elif (
            ent.label_ == "ORG"
            and len(span) >= 2
            and span[0].is_title
            and not _is_place(span, self.gazetteer)
        ):
            self._add(self._new_organisation(span), span, "ner")

    def _described_person(self, span: Span) -> Span | None:
        """A name the model took for a place or organisation although an apposition gives its
        role: "Kenzo Oshima, the United Nations Emergency Relief Coordinator, said"."""
        root = span.root
        if self.doc[span.start].ent_type_ == "PERSON" or self.table.country_code(span.text):
            return None
        roles = [
            c
            for c in root.children
            if c.dep_ == "appos" and c.i > root.i and c.lemma_.lower() in APPOSITION_ROLES
        ]
        if not roles:
            return None
        start = span.start
        while (
            start > 0
            and self.doc[start - 1].pos_ == "PROPN"
            and self.doc[start - 1].dep_ == "compound"
        ):
            start -= 1
        return self.doc[start : span.end]

    def _national_namesake(self, actor: Actor, span: Span) -> bool:
        """A UN body's bare name after a country ("Russia's Security Council", "Kenya's
        General Assembly") is that country's own body."""
        if actor.sector != "IGO" or actor.country is not None:
            return False
        in_front = self.doc[span.root.left_edge.i : span.start]
        return _country_in(in_front, self.table) is not None

    def _is_titled_name(self, span: Span) -> bool:
        """A person the model took for an organisation: "Vice-President Moody Awori"."""
        words = set(fold(span.text).replace("-", " ").split())
        if words & ORGANISATION_NAME_WORDS or sector_for_organisation(span.text):
            return False
        sector = sector_for_role(_role_text(_title_prefix(span), self.table))
        return sector is not None and sector not in {"REB", "OPP"}

    def _is_stance(self, span: Span) -> bool:
        """ "anti-Syria journalist", "pro-Moscow rebels": the name says what they are for or
        against, not who they are."""
        before = [t.lower_ for t in self.doc[max(span.start - 2, 0) : span.start]]
        return before[-2:] in (["anti", "-"], ["pro", "-"]) or span[0].lower_ in {"anti", "pro"}

    def _is_modifier_entity(self, span: Span) -> bool:
        """A name the model cut out of a noun phrase, ending in an adjective that modifies the
        noun after it ("Radical French" in "Radical French farmers")."""
        root, last = span.root, span[-1]
        return (
            root.dep_ in {"amod", "compound"}
            and root.head.i >= span.end
            and last.pos_ == "ADJ"
            and fold(last.text) in self.table.country_by_demonym
        )

    def _trim(self, ent: Span) -> Span | None:
        """Drop a leading "the", a trailing possessive and an unclosed bracket ("Umma (Nation"
        is "Umma") from an entity span."""
        start, end = ent.start, ent.end
        while start < end and self.doc[start].lower_ in {"the", "’s", "'s"}:
            start += 1
        while end > start and self.doc[end - 1].text in {"’s", "'s", "’", "'"}:
            end -= 1
        words = [t.text for t in self.doc[start:end]]
        if "(" in words and ")" not in words:
            end = start + words.index("(")
        return self.doc[start:end] if end > start else None

    def _add_person(self, actor: Actor, span: Span, why: str) -> None:
        self.people_tokens.update(range(span.start, span.end))
        self.people[fold(actor.name)] = actor
        self.people[fold(actor.name.split()[-1])] = actor
        self.people[fold(span.text)] = actor
        self._add(actor, span, why)

    def _new_person(self, span: Span) -> Actor:
        prefix = _title_prefix(span)
        role = _role_text(prefix, self.table) or _appositive_role(span)
        country = _country_in(prefix, self.table)
        sector = sector_for_role(role)
        appositions = [t for c in span.root.children if c.dep_ == "appos" for t in c.subtree]
        employer = (
            self._organisation_in(prefix)
            or self._organisation_in(appositions)
            or self._possessive_employer(prefix)
        )
        if employer is not None:  # "Arab League Secretary General X" works for the League
            country, sector = employer.country or country, employer.sector or sector
        return Actor(
            id=slug(span.text),
            name=span.text,
            kind="person",
            country=country,
            sector=sector,
            role=role,
        )

    def _possessive_employer(self, prefix: list[Token]) -> Actor | None:
        """ "its spokesman X": X speaks for the organisation named just before."""
        if not any(t.lower_ in {"its", "their"} and t.dep_ == "poss" for t in prefix):
            return None
        for mention in self._earlier(prefix[0], max_sentences=1):
            if mention.actor.kind in {"organisation", "group"}:
                return mention.actor
        return None

    def _organisation_in(self, tokens: list[Token]) -> Actor | None:
        """A dictionary organisation named in a title ("UN relief chief", "Arab League ...")."""
        if not tokens:
            return None
        title = self.doc[tokens[0].i : tokens[-1].i + 1]
        for ent in title.ents:
            actor = self.table.by_alias.get(fold(ent.text))
            if actor is not None and actor.kind != "person":
                return actor
        return None

    def _new_organisation(self, span: Span) -> Actor:
        """An organisation the dictionary lacks; its country from its name or a possessive in
        front ("the Ivory Coast's Supreme Court")."""
        in_front = self.doc[span.root.left_edge.i : span.start]
        return Actor(
            id=slug(span.text),
            name=span.text,
            kind="organisation",
            country=_country_in(span, self.table) or _country_in(in_front, self.table),
            sector=sector_for_organisation(span.text) or _descriptor_sector(in_front),
        )

    def _resolve_loose_surnames(self) -> None:
        """Surnames the model did not tag as entities ("Zelenskyy" mid-sentence)."""
        for token in self.doc:
            if token.i in self.covered or token.pos_ != "PROPN":
                continue
            actor = self.people.get(fold(token.text))
            if actor is not None:
                self._add(actor, self.doc[token.i : token.i + 1], "surname")

    def _resolve_loose_countries(self) -> None:
        """Country names the model did not tag ("US Predator attacks", "a UK-drafted text")."""
        for token in self.doc:
            if token.i in self.covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            code = self.table.country_by_name.get(fold(token.text))
            if code is not None and token.i not in self.people_tokens:
                self._add(self.table.state(code), self.doc[token.i : token.i + 1], "country")

    # groups ----------------------------------------------------------------------------------
    def _resolve_groups(self) -> None:
        """Nationality + group noun ("Russian forces", "a senior Ukrainian official")."""
        for token in self.doc:
            code = self._demonym_at(token)
            if code is None:
                continue
            if token.tag_ in {"NNPS", "NNS"} and token.i not in self.covered:
                # "Palestinians blamed Israel", "Young Algerians blocked roads"; "Bosnian Croats"
                # are a people of Bosnia: the first nationality says where they live
                span = self.doc[token.left_edge.i : token.i + 1]
                home = self._residence(token) or _country_in(span, self.table) or code
                self._add(self.table.group(home, "CVL"), span, "nationality")
                continue
            led = token.dep_ == "npadvmod" and token.head.lower_ == "led"  # "Vietnamese-led"
            if token.dep_ not in {"amod", "compound", "nmod", "conj"} and not led:
                continue
            head = token.head
            first_country = None
            if token.dep_ == "conj" and head.dep_ in {"amod", "compound", "nmod"}:
                first_country = self._demonym_at(head) or _country_in([head], self.table)
                if first_country:  # "Hungarian and Romanian officials": Romanian -> officials
                    head = head.head
            while head.dep_ == "conj" and head.head.i > head.i:
                head = head.head
            if head.lower_ == "led" and head.dep_ == "amod":
                head = head.head  # "Vietnamese-led forces"
            while (
                head.dep_ == "compound"
                and head.head.i > head.i
                and head.pos_ == "PROPN"
                and head.lemma_.lower() not in GROUP_NOUNS
            ):
                head = head.head  # "Turkish Kurd refugees": the refugees are the group
            sector = GROUP_NOUNS.get(head.lemma_.lower()) or GROUP_NOUNS.get(head.lower_)
            if sector in {"GOV", "MIL"}:  # "Afghan rebel leaders", "opposition officials"
                sector = _descriptor_sector(c for c in head.children if c.i < head.i) or sector
            if sector is None and head.lemma_.lower() == "group":
                # "Palestinian armed groups" are fighters; a "Kurdish rights group" is not
                armed = any(c.lower_ == "armed" for c in head.children)
                sector = "REB" if armed else None
            compound_groups = [c for c in head.children if c.dep_ == "compound" and c.i > token.i]
            if sector is None and compound_groups and head.pos_ == "NOUN":
                # "a Cambodian refugee camp": the nationality belongs to the refugees
                inner = GROUP_NOUNS.get(compound_groups[0].lemma_.lower())
                if inner is not None and compound_groups[0].i not in self.covered:
                    span = self.doc[token.i : compound_groups[0].i + 1]
                    self._add(self.table.group(code, inner), span, "nationality")
                    continue
            if sector is None and head.pos_ == "NOUN" and token.dep_ == "amod":
                if head.lemma_.lower() in PLACE_NOUNS:
                    continue  # "the Bosnian town of Gorazde" is a place, not an actor
                # "Israeli gunfire", "Russian invasion": the adjective names the state
                self._add(self.table.state(code), self.doc[token.i : token.i + 1], "nationality")
                continue
            if token.dep_ == "conj" and head.i in self.covered and sector is not None:
                self._add_coordinated_nationality(code, head, sector)
                continue
            if head.i in self.covered or sector is None or head.pos_ not in {"NOUN", "PROPN"}:
                continue
            if head.dep_ == "compound" and head.head.i in self.covered:
                continue  # a title ("Ukrainian President X"), not a group
            span = self.doc[head.left_edge.i : head.i + 1]
            if first_country and not self._demonym_at(token.head):
                # "US and British forces": the country named first leads a group of its own
                self.mentions.append(
                    _mention(
                        self.table.group(first_country, sector), span, self.sentences, "nationality"
                    )
                )
            elif any(t.i in self.covered for t in span if t.i != token.i):
                span = self.doc[token.i : head.i + 1]
            home = self._residence(token) or code
            self._add(self.table.group(home, sector), span, "nationality")

    def _residence(self, token: Token) -> str | None:
        """Where an ethnic group lives, which CAMEO codes it by: "the Albanians of southern
        Serbia" (the place named), "ethnic Albanians" (the country the story is set in)."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:
                home = self._place_country(prep) or self._owner_of(prep)
                if home is not None:
                    return home
        words = [t.lower_ for t in self.doc[max(token.i - 2, 0) : token.i]]
        if "ethnic" in words:
            return self._setting_country()
        return None

    def _add_alongside(self, actor: Actor, span: Span) -> None:
        """A second actor over words another mention already covers ("both sides")."""
        self.mentions.append(_mention(actor, span, self.sentences, "nationality"))

    def _add_coordinated_nationality(self, code: str, noun: Token, sector: str) -> None:
        """ "Hungarian and Romanian officials": the second nationality names a second group
        over the same words as the first."""
        for mention in self._covering(noun):
            if mention.why == "nationality" and mention.actor.country != code:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    self.mentions.append(
                        _mention(
                            self.table.group(code, sector), span, self.sentences, "nationality"
                        )
                    )
                return

    def _demonym_at(self, token: Token) -> str | None:
        """The country of a nationality word, or of a two-word one ending here ("Sri Lankan",
        "South African")."""
        code = self.table.country_by_demonym.get(fold(token.text))
        if code is None and token.i > 0:
            pair = f"{self.doc[token.i - 1].text} {token.text}"
            code = self.table.country_by_demonym.get(fold(pair))
        return code

    def _setting_country(self) -> str | None:
        """The country the article is set in: that of the first place it names (the dateline,
        or the first place in the lead), else the country it mentions most. A gazetteer that
        has read the article's places (``places.GeocoderInContext``) knows it already."""
        read = getattr(self.gazetteer, "setting_country", None)
        if read:
            return read
        for ent in self.doc.ents:
            if (
                ent.label_ in {"GPE", "LOC", "FAC"}
                and not any(t.i in self.people_tokens for t in ent)
                and not self._is_stance(ent)
            ):
                place = self.gazetteer.geocode(ent.text)
                if place is not None and place.country:
                    return place.country
        parties = self._main_parties()
        if parties:
            return parties[0]
        for token in self.doc:  # "the Kenya Anti-Corruption Commission" names no place
            found = self.table.country_by_name.get(fold(token.text))
            if found and token.pos_ == "PROPN" and token.i not in self.people_tokens:
                return found
        return None

    def _resolve_unnamed_groups(self) -> None:
        """ "14 civilians", "the army", "police", "a journalist", "the Interior Ministry": people
        and bodies the text does not place in a country belong to the country the article is set
        in (marked by ``why``)."""
        country = self._setting_country()
        if country is None:
            return
        self._place_government_bodies(country)
        for token in self.doc:
            sector = UNNAMED_GROUP_NOUNS.get(token.lemma_.lower())
            if sector is None or token.i in self.covered or token.pos_ != "NOUN":
                continue
            if token.lemma_.lower() in CAPTIVE_NOUNS and token.dep_ != "nsubj":
                continue  # "a swap of 1,000 prisoners": what is exchanged, not who acts
            left = self.doc[token.left_edge.i : token.i]
            if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in left):
                continue  # "its forces": whose they are is the speaker's (_resolve_own_group)
            if sector == "MIL" and any(t.lower_ in COMMUNAL_WORDS for t in left):
                sector = "REB"  # "Moslem forces", "Tamil fighters"
            if any(t.i in self.covered for t in left):
                continue  # "RSF fighters", "Hamas-led militants": the named group is the actor
            origin = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}]
            if origin:
                # "the army of X" (X an actor) is X's; "inhabitants of the Golan" the place's
                home = self._place_country(origin[0]) or self._owner_of(origin[0])
                if home is not None:
                    span = self.doc[token.left_edge.i : token.i + 1]
                    self._add(self.table.group(home, sector), span, "group of a place")
                continue
            if token.lemma_.lower() in DESCRIPTION_ONLY and left[:1].text.lower() != "the":
                continue
            span = self.doc[token.left_edge.i : token.i + 1]
            owner = self._owner_country(token, sector) or country
            self._add(self.table.group(owner, sector), span, "unnamed group")

    def _place_country(self, preposition: Token) -> str | None:
        """The country of the place an "of"/"from" phrase names, unless it names an actor."""
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        if not objects or any(t.i in self.covered for t in objects[0].subtree):
            return None
        phrase = list(objects[0].subtree)
        code = _country_in(phrase, self.table)
        if code is None:
            place = self.gazetteer.geocode(self.doc[phrase[0].i : phrase[-1].i + 1].text)
            code = place.country if place is not None else None
        return code

    def _owner_of(self, preposition: Token) -> str | None:
        """The country of the actor an "of"/"from" phrase names: "workers of the United Bus
        Company of Tehran" are Iranian workers, "soldiers of the Ukrainian army" Ukraine's."""
        for pobj in preposition.children:
            if pobj.dep_ == "pobj" and (country := self._country_at(pobj)):
                return country
        return None

    def _owner_country(self, noun: Token, sector: str) -> str | None:
        """Whose unnamed body this is: "Israeli officials said the government was ..." means
        Israel's government; "soldiers" after "the Israeli military" are Israel's."""
        if sector == "GOV":
            node = noun
            while node.head != node:
                if node.dep_ == "ccomp":
                    subjects = [c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                    for subject in subjects:
                        if country := self._country_at(subject):
                            return country
                node = node.head
        if sector in {"MIL", "COP"}:
            sentence = self.sentences[noun.i]
            for mention in sorted(self.mentions, key=lambda m: m.start, reverse=True):
                recent = 0 <= sentence - mention.sentence_index <= 2 and mention.start < noun.idx
                if recent and mention.actor.sector == sector and mention.actor.country:
                    return mention.actor.country
        return None

    def _place_government_bodies(self, country: str) -> None:
        """Ministries named without a country are the setting country's ("the Interior Ministry
        said" in a Tbilisi story is Georgia's)."""
        for position, mention in enumerate(self.mentions):
            actor = mention.actor
            unplaced = actor.country is None and actor.kind == "organisation"
            unplaced = (
                unplaced and actor.sector in {None, "GOV"} and actor.id not in self.table.actors
            )
            if unplaced and set(fold(actor.name).split()) & GOVERNMENT_BODY_WORDS:
                placed = replace(actor, country=country, sector="GOV")
                self.mentions[position] = replace(mention, actor=placed, why="unplaced body")
            elif self._unplaced_domestic_group(actor):  # "the rebel Revolutionary United Front"
                placed = replace(actor, country=country)
                self.mentions[position] = replace(mention, actor=placed, why="unplaced group")
            elif self._unplaced_official(mention, country):
                placed = replace(actor, country=country)
                self.mentions[position] = replace(mention, actor=placed, why="unplaced official")

    def _unplaced_domestic_group(self, actor: Actor) -> bool:
        """A rebel or opposition group the dictionary lacks fights in the country of the story."""
        return (
            actor.kind == "organisation"
            and actor.country is None
            and actor.sector in {"REB", "OPP"}
            and actor.id not in self.table.actors
        )

    def _unplaced_official(self, mention: ActorMention, country: str) -> bool:
        """ "President Mugabe" in a story set in Zimbabwe is Zimbabwe's, unless that country takes
        part in the same sentence as another actor ("Bush threatened action against Russia")."""
        actor = mention.actor
        if actor.kind != "person" or actor.country or actor.sector not in {"GOV", "MIL", "COP"}:
            return False
        for other in self.mentions:
            if other.sentence_index != mention.sentence_index or other.actor.country != country:
                continue
            token = self.doc.char_span(other.start, other.end, alignment_mode="expand")
            if token is not None and not _is_locative_phrase(token.root):
                return False
        return True

    def _resolve_country_groups(self) -> None:
        """ "one U.S. soldier", "Ukraine's forces": a country named before a group noun."""
        states = {
            token.idx: m
            for m in self.mentions
            if m.actor.kind == "state"
            for token in self.doc.char_span(m.start, m.end, alignment_mode="expand") or ()
        }  # every word of the name: "Ivory Coast rebels" hangs "rebels" on "Coast"
        for token in self.doc:
            sector = GROUP_NOUNS.get(token.lemma_.lower())
            if sector is None or sector == "GOV" or token.i in self.covered:
                continue
            for child in token.children:
                state = states.get(child.idx)
                if state is not None and child.dep_ in {"compound", "poss", "nmod"}:
                    group = self.table.group(state.actor.country, sector)
                    self._add(group, self.doc[token.i : token.i + 1], "country + group noun")
                    break

    def _main_parties(self) -> list[str]:
        """The two countries the document is most about (for "both sides")."""
        counts = Counter(m.actor.country for m in self.mentions if m.actor.country)
        return [code for code, _ in counts.most_common(2)]

    def _resolve_both_sides(self) -> None:
        parties = self._main_parties()
        if len(parties) < 2:
            return
        for token in self.doc:
            if token.lower_ not in {"both", "two"} or token.i in self.covered:
                continue
            head = token.head
            start = (
                token.i - 1 if token.i > 0 and self.doc[token.i - 1].lower_ == "the" else token.i
            )
            span = self.doc[start : head.i + 1]
            if fold(span.text) in BOTH_SIDES_FOLDED:
                for code in parties:
                    self.mentions.append(
                        _mention(self.table.state(code), span, self.sentences, "both-sides")
                    )
                self.covered.update(range(span.start, span.end))

    # coreference -----------------------------------------------------------------------------
    def _resolve_pronouns_and_descriptions(self) -> None:
        for token in self.doc:
            if token.i in self.covered:
                continue
            if token.lower_ == "it" and token.dep_ == "nsubj":
                antecedent = self._collective_antecedent(token)
                if antecedent is not None:
                    self._add(antecedent.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif token.lower_ == "they" and token.dep_ in {"nsubj", "nsubjpass"}:
                antecedent = self._reporting_subject(token)
                if antecedent is not None:  # "farmers said they would blockade Paris"
                    self._add(antecedent.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif token.lower_ in {"their", "its"} and token.dep_ == "poss":
                self._resolve_own_group(token)
            elif token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                antecedent = self._antecedent(token)
                if antecedent is not None:
                    self._add(antecedent.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif (
                token.lower_ in ROLE_NOUNS and token.i > 0 and self.doc[token.i - 1].lower_ == "the"
            ):
                antecedent = self._described(token)
                if antecedent is not None:
                    span = self.doc[token.i - 1 : token.i + 1]
                    self._add(antecedent.actor, span, "description")

    def _reporting_subject(self, pronoun: Token) -> ActorMention | None:
        """The group or state that said the clause a pronoun opens: in "Rebels said they would
        attack", "they" are the rebels (the subject of the verb the clause hangs on)."""
        node = pronoun.head
        for _ in range(4):  # the nearest clause above that has a collective subject
            if node.head.i == node.i:
                return None
            node = node.head
            for subject in node.children:
                if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.i == pronoun.i:
                    continue
                for mention in self._covering(subject):
                    if mention.actor.kind in {"group", "state", "organisation"}:
                        return mention
        return None

    def _resolve_own_group(self, possessive: Token) -> None:
        """ "Bosnian Serbs said their forces had withdrawn": the forces of whoever is speaking."""
        noun = possessive.head
        sector = GROUP_NOUNS.get(noun.lemma_.lower())
        if sector is None or noun.i in self.covered or sector == "GOV":
            return
        owner = self._reporting_subject(possessive)
        if owner is None or not owner.actor.country:
            return
        group = self.table.group(owner.actor.country, sector)
        self._add(group, self.doc[possessive.i : noun.i + 1], "possessive of the speaker")

    def _earlier(self, token: Token, max_sentences: int = 3) -> list[ActorMention]:
        """Mentions before ``token`` in its sentence or the few before it, nearest first."""
        sentence = self.sentences[token.i]
        found = [
            m
            for m in self.mentions
            if m.start < token.idx and sentence - m.sentence_index <= max_sentences
        ]
        return sorted(found, key=lambda m: m.start, reverse=True)

    def _is_singular_agent(self, mention: ActorMention) -> bool:
        if mention.actor.kind in PERSON_KINDS:
            return True
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None else None
        return bool(
            root is not None
            and mention.why == "nationality"
            and root.tag_ in {"NN", "NNP"}
            and root.lemma_ in ROLE_NOUNS | {"soldier", "official", "officer"}
        )

    def _antecedent(self, pronoun: Token) -> ActorMention | None:
        """The person a pronoun refers to: in the nearest sentence that names one, its subject
        (or the name in apposition to its subject), else the nearest such person."""
        speaker = self._reporting_speaker(pronoun)
        if speaker is not None:  # "A journalist said she was pushed": the journalist
            return speaker
        candidates = [m for m in self._earlier(pronoun) if self._is_singular_agent(m)]
        if not candidates:
            return None
        nearest_sentence = candidates[0].sentence_index
        for mention in candidates:
            if mention.sentence_index != nearest_sentence:
                break
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and _is_subject(span.root):
                return mention
        return candidates[0]

    def _reporting_speaker(self, pronoun: Token) -> ActorMention | None:
        """The one person who says the clause a "he"/"she" opens, when the subject of the
        reporting verb is a singular noun: "a journalist said she ...", "X said he would ..."."""
        clause = pronoun.head
        if clause.dep_ != "ccomp" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        for subject in clause.head.children:
            covering = self._covering(subject)
            if subject.dep_ == "nsubj" and subject.tag_ in {"NN", "NNP"} and covering:
                return covering[0]
        return None

    def _collective_antecedent(self, pronoun: Token) -> ActorMention | None:
        """ "It denied ...": the organisation, group or state that was the subject just before."""
        for mention in self._earlier(pronoun, max_sentences=1):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            collective = mention.actor.kind in {"organisation", "group", "state"}
            if collective and span is not None and _is_subject(span.root):
                return mention
        return None

    def _described(self, noun: Token) -> ActorMention | None:
        """The actor a definite description ("the official") points back to."""
        for mention in self._earlier(noun, max_sentences=4):
            role = fold(mention.actor.role or "")
            if noun.lower_ in fold(mention.text).split() or noun.lower_ in role.split():
                return mention
        return None


def resolve_mentions(
    document, dictionary: ActorDictionary | None = None, gazetteer: Geocoder | None = None
) -> list[ActorMention]:
    """Fill ``document.mentions`` with every actor mention, in text order, and return them
    (with the package's actor dictionary and gazetteer unless others are given)."""
    resolver = MentionResolver(document.doc, dictionary or load_dictionary(), gazetteer)
    document.mentions = resolver.resolve()
    return document.mentions
