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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from accord.errors import DataFileError
from accord.extract.counts import number_value
from accord.models import SECTORS, Actor, ActorMention, ActorRef, Place
from accord.nlp import QUOTE_MARKS, children_of, doc_text, doc_tokens, sentence_of, span_tokens
from accord.resolve.places import (
    ADMIN_UNIT_WORDS,
    PRECISION_RANK,
    countries_in,
    dateline_end,
    is_a_destination_on_the_way,
    is_locative,
    place_key,
    places_in,
)

if TYPE_CHECKING:
    from accord.resolve.places import Geocoder

PERSON_KINDS = {"person"}
SCENE_WHY = "scene country"  # a common noun's actor placed in the country of the scene
UNPLACED_OFFICIAL_WHY = "unplaced official"  # a person given the setting's country
BODY_TITLE_WHY = "body in the title"  # a person given the country of the body he serves
UNPLACED_SECTORS = {"GOV", "MIL", "COP", None}  # people the setting's country is given to
COORDINATED_GROUP_WHY = "coordinated with a national group"  # "Thai villagers and police"
SETTLERS_WHY = "settlers of a settled territory"  # "Settlers raided Al Mughayyir"
MEMBERS_WHY = "members name their group"  # "12 militants, including two Taliban commanders"
STORY_GROUP_WHY = "the story's armed group"  # "the rebels" where one group is named
STORY_LEAD_SENTENCES = 3  # where a story names the armed group it is about
# how rebels the story's group may stand for were read: placed by the scene only ("rebels"),
# by the whole they belong to ("rebel leaders") or pointed to ("they"); not by a nationality
# ("Turkish fighter jets" misread as Turkish rebels stay what they were read as)
STORY_GROUP_READINGS = {SCENE_WHY, "belonging", "pronoun"}
MEMBER_PREPS = {"including", "from", "of"}  # the phrases that say whose fighters are meant
# People who suffer an act where it happens: with no confirmed place, a name the gazetteer knows
# in their sentence is their country before the story's (which may be the attacker's).
VICTIM_SECTORS = {"CVL", "MED", "NGO", "BUS", "REL"}
# Governments act and armies fight abroad: an unnamed one ("the government", "troops") belongs
# to the country the story is set in, not to the place of the sentence that names it.
STORY_SECTORS = {"GOV", "MIL"}
COLLECTIVE_KINDS = {"group", "state", "organisation"}
DOMESTIC_FORCES = {"COP", "JUD"}  # who acts only in its own country
POLICED_SECTORS = {"CVL", "OPP", "MED", "BUS", "REL", "NGO"}  # whom they act on
SCENE_SENTENCES = 5  # the sentence and the four before it set the scene (as for event places)

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
MASS_NOUNS = {"force"}  # bare and singular, a deed, not who does it ("to use force")
DESCRIPTION_ONLY = {"ministry", "government", "authority", "presidency"}  # only as "the ministry"
LOCAL_AUTHORITIES = {"authority"}  # "authorities" (plural, any article) are the scene's
ARMED_SECTORS = {"MIL", "REB", "UAF", "COP"}  # who may be the other side of a pair
NON_STATE_ARMED = {"REB", "UAF"}  # whose place ("their stronghold") stands for themselves
ATTACKED_PLACE_REACH = 8  # words climbed from an attacked place to the speaker's clause
PLACE_OBJECT_DEPS = {"dobj", "pobj", "prep", "pcomp"}  # an object's way up to its verb
# Role nouns that, in apposition after a name, make it a person's ("X, the relief coordinator").
_APPOSITION_ROLE_WORDS = (
    "minister president spokesman spokeswoman spokesperson official envoy aide chancellor "
    "commander diplomat governor leader coordinator secretary director chairman chairwoman head "
    "commissioner "
    "chief ambassador representative mediator negotiator adviser advisor mayor general "
    "premier king emir prince sheikh commissioner"
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
    "NGO": "NGOs",
    "REL": "clergy",  # CAMEO REL: monks, clerics, priests, imams (data/actor_nouns.json)
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
        "diplomat senator lawmaker leader administration commissioner",
    ),
]
# Characters that join two names into one word ("Turkish-Libyan", "Trump-Putin")
JOINING_HYPHENS = frozenset({"-", "\u2011", "\u2013"})
BOTH_SIDES = {
    "both sides",
    "each side",
    "the two sides",
    "both delegations",
    "the two delegations",
    "both parties",
    "the two parties",
    "both countries",
    "the two countries",
    "both governments",
    "the two governments",
    "both leaders",
    "the two leaders",
    "both presidents",
    "the two presidents",
    "the two foreign ministers",
    "both nations",
    "the two nations",
    "the two neighbours",
    "the two neighbors",
    "the warring parties",
    "the warring sides",
    "the warring factions",
    "both factions",
    "the two factions",
    "the rival factions",
    "the two rivals",
    "the two armies",
}
# Who can be one of "both sides" in a war or a dispute at home.
RIVAL_SECTORS = {"GOV", "MIL", "REB", "OPP", "UAF", "COP"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
SPEAKER_POSSESSIVES = {"his", "her"}  # "Uribe said his military ...": the speaker's forces
HOMELAND_NOUNS = {"country", "nation"}  # "his country's forces": the speaker's country's
# "His government later apologized", "their government had shot down": the possessor's state
STATE_NOUNS = {"government", "administration", "regime"}
FIRST_WORD_WHY = "first word of a full name"  # "Hu Jintao" ... "Mr. Hu said"
PERSONS_GROUP_WHY = "a person's body"  # "Nawaz Sharif's government": Pakistan's
ISSUER_WHY = "the statement's we is its issuer"  # "The United States welcomes ... We urge"
# Nouns for a body that, with "the" alone in front, point back to the body named before.
BODY_NOUNS = {"coalition", "agency", "alliance", "movement", "organization", "organisation"}
BODY_WHY = "the body named before"
BODY_SENTENCES = 4  # how far back "the coalition" looks for the body it names
ISSUER_KINDS = {"state", "organisation"}  # who issues a press statement in its own voice
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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key for names ("Élysée" == "elysee"); cached, since the
    same words are folded again for every mention and every candidate pair."""
    text = text.replace("’", "'").replace("\u2011", "-").strip()
    text = re.sub(r"^(the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"['’]s$", "", text)
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


BOTH_SIDES_FOLDED = {fold(phrase) for phrase in BOTH_SIDES}
BOTH_SIDES_OPENERS = {"both", "two", "each", "warring", "rival"}
# Plural role nouns that, with "the" and no country, point back to those named before (people
# of that role up to ROLE_SENTENCES sentences back).
ROLE_SENTENCES = 8
REFERRING_ROLES = {"minister", "leader", "president", "diplomat", "envoy", "negotiator"}
REFERRING_ROLES |= {"delegation", "premier", "mediator", "foreign minister", "head"}


def _clause_with_subject(word: Token) -> Token | None:
    """The word itself when it has a subject, else the nearest head above it that has one
    ("resorted to unprovoked firing": "resorted")."""
    node = word
    for _ in range(ATTACKED_PLACE_REACH):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(node)):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


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


@dataclass(frozen=True)
class ActorNouns:
    """Common nouns that name actors (``data/actor_nouns.json``), each with its sector.

    ``nationality``: head nouns that make a nationality in front of them a group ("Russian
    forces"); ``unnamed``: nouns that name an actor on their own ("the army", "gunmen");
    ``captive``: unnamed nouns that act only as the subject of a verb; ``communal``: peoples
    and faiths with no state of their own; ``members`` and ``installations``: nouns that stand
    for the group in front of them ("an army convoy", "army positions"); ``force``: verbs and
    nouns of force, whose target place is not the attacker's ("attacked their stronghold");
    ``description``: nouns that with "the" point back to a group named before ("the
    militia"); ``coalitions``: what "X-led" makes X's military ("the Saudi-led coalition");
    ``weapons``:
    weapons and strikes, which a nationality makes its country's military ("Israeli
    strikes"), also listed in ``nationality``; ``offices``: an office ("president") and the
    dictionary roles whose holder a country's office of that name is ("the U.S. president");
    ``settlers`` and ``settled_by``: nouns of settlers, and the state that settles each
    territory (by the territory's country), whose civilians they are there.
    """

    nationality: dict[str, str] = field(default_factory=dict)
    unnamed: dict[str, str] = field(default_factory=dict)
    captive: frozenset[str] = frozenset()
    communal: frozenset[str] = frozenset()
    members: frozenset[str] = frozenset()
    installations: frozenset[str] = frozenset()
    force: frozenset[str] = frozenset()
    description: frozenset[str] = frozenset()
    coalitions: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    offices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    settlers: frozenset[str] = frozenset()
    settled_by: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def sector_of(table: dict[str, str], noun: Token) -> str | None:
        """The sector ``table`` gives a noun: a two-word entry (its modifier and itself,
        "security forces", "armed men") before the noun alone (its lemma, else its form). A
        plural the tagger took for a name keeps its noun ("Rebels in northern Mali ...")."""
        kept = _last_words_of(table)
        # whether the noun may end an entry, by the hashes of its lemma, form and tag (the
        # test reads their texts alone): most words end none, and are asked about again
        key = (noun.lemma, noun.lower, noun.tag)
        may_end = kept[3].get(key)
        if may_end is False:
            return None  # most words: no need to walk the noun's children
        lemma = noun.lemma_.lower()
        if noun.tag_ == "NNPS" and lemma == noun.lower_ and lemma.endswith("s"):
            lemma = lemma[:-1]  # rule "plural-read-as-a-name": left unlemmatised
        if may_end is None:
            if len(kept[3]) >= WORD_READINGS_KEPT:  # a long run meets new words
                kept[3].clear()
            may_end = kept[3][key] = _may_end_an_entry(table, lemma, noun.lower_)
            if not may_end:
                return None
        for child in children_of(noun):
            if child.dep_ in {"amod", "compound"} and child.i < noun.i:
                pair = table.get(f"{child.lemma_.lower()} {lemma}")
                if pair := pair or table.get(f"{child.lower_} {noun.lower_}"):
                    return pair
        return table.get(lemma) or table.get(noun.lower_)


# per table (held, so its id is not reused): the table, its size, the last words of its
# entries, and ``_may_end_an_entry``'s answer by the hashes of a word's lemma, form and tag
_LAST_WORDS: dict[
    int, tuple[dict[str, str], int, frozenset[str], dict[tuple[int, int, int], bool]]
] = {}


def _last_words_of(
    table: dict[str, str],
) -> tuple[dict[str, str], int, frozenset[str], dict[tuple[int, int, int], bool]]:
    """``_LAST_WORDS``' entry of ``table``, made on first use and again (the answers dropped)
    if it grew or shrank."""
    kept = _LAST_WORDS.get(id(table))
    if kept is None or kept[0] is not table or kept[1] != len(table):
        kept = (table, len(table), frozenset(key.rsplit(" ", 1)[-1] for key in table), {})
        _LAST_WORDS[id(table)] = kept
    return kept


# ``_read_demonym``'s readings per demonym table (held, so its id is not reused), by the hashes
# of the word before (-1 for none) and of the word: most words are no demonym, and wire copy
# repeats its words; emptied past ``WORD_READINGS_KEPT`` readings (as are sector_of's answers)
_DEMONYMS_READ: dict[int, tuple[dict[str, str], dict[tuple[int, int], str | None]]] = {}
WORD_READINGS_KEPT = 262_144


def _demonym_of_words(demonyms: dict[str, str], before: str | None, word: str) -> str | None:
    """The country of a nationality word, or of the two-word one it ends ("Sri Lankan")."""
    if before is not None:
        code = demonyms.get(fold(f"{before} {word}"))
        if code is not None:
            return code
    return demonyms.get(fold(word))


def _may_end_an_entry(table: dict[str, str], lemma: str, lower: str) -> bool:
    """Whether ``sector_of`` can find anything for a noun: its lemma or form is the last word
    of some entry of ``table`` (or has a space, which no split can vouch for). The last words
    are worked out once per table (and again if it grows or shrinks)."""
    last = _last_words_of(table)[2]
    return lemma in last or lower in last or " " in lemma or " " in lower


@dataclass(frozen=True)
class Era:
    """What an actor was until a day (``until``, ISO date, not included): its sector and role,
    and the country it served then when that differs (a minister of a state who now heads an
    international body): ``country`` is "" when the era keeps the record's own."""

    until: str
    sector: str
    role: str | None = None
    country: str | None = ""


@dataclass(frozen=True)
class Term:
    """The years (both included) a past actor held the role of its record."""

    start: int
    end: int


OPEN_TERM_END = 9999  # "2014-": still in office when the record was written


def _terms_from_years(years: str) -> tuple[Term, ...]:
    """ "1987-2014", "2001-2009; 2013-", "1996": the terms of a record's "years" field; a
    part in another form ("1990s-2001") is left out."""
    terms = []
    for part in years.split(";"):
        start, _, end = part.strip().partition("-")
        if not start.isdigit() or (end and not end.isdigit()):
            continue
        last = int(end) if end else (OPEN_TERM_END if "-" in part else int(start))
        terms.append(Term(int(start), last))
    return tuple(terms)


def _in_office(terms: tuple[Term, ...], year: int) -> bool:
    return any(term.start <= year <= term.end for term in terms)


def _office_of(actor: Actor) -> str | None:
    """A person's one office, folded ("President (Vice President 2009-2017)" -> "president");
    None for a record of two offices, whose years do not say which was when."""
    if actor.kind not in PERSON_KINDS or not actor.role or ";" in actor.role:
        return None
    return fold(actor.role.split(" (")[0]).strip() or None


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
    nouns: ActorNouns = field(default_factory=lambda: load_actor_nouns())
    eras: dict[str, tuple[Era, ...]] = field(default_factory=dict)  # actor id -> earlier eras
    terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)  # past actor id -> years
    short_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> "Congo"
    # code -> the day from which a bare short name means that country ("Congo": the DRC once
    # Zaire took the name, 1997-05-17)
    short_names_since: dict[str, str] = field(default_factory=dict)
    # code -> the folded demonyms it shares with the country that lists them as its own
    # ("Guinean": Guinea's, shared by Guinea-Bissau)
    demonyms_shared: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _holders: dict[tuple[str, str], list[Actor]] = field(default_factory=dict)
    _people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> full names
    _past_by_surname: dict[str, list[Actor]] = field(default_factory=dict)
    _own_names: dict[tuple[str, frozenset[str]], tuple[NamesPattern, NamesPattern]] = field(
        default_factory=dict
    )
    _offices: frozenset[str] | None = None
    _country_names: dict[str, NamesPattern] = field(default_factory=dict)  # built once, shared

    @property
    def offices(self) -> frozenset[str]:
        """The ids of the dictionary's offices and agencies ("Federal Aviation Office"): bodies
        of their state, where a person or a group is not (built once)."""
        if self._offices is None:
            actors = self.actors.values()
            self._offices = frozenset(a.id for a in actors if a.kind == "organisation")
        return self._offices

    def as_of(self, actor: Actor, day: str | None) -> Actor:
        """Rule "sector-of-its-day": the actor as it was on ``day`` (an ISO date): the Taliban
        of a 2011 report are insurgents, those of 2023 govern; the record's own sector and role
        are those of now. Unchanged when the day is unknown or the actor had no other era."""
        if not day:
            return actor
        for era in self.eras.get(actor.id, ()):
            if day[:10] < era.until:
                role = era.role or actor.role
                country = actor.country if era.country == "" else era.country
                return replace(actor, sector=era.sector, role=role, country=country)
        return actor

    def holder_of(self, code: str, roles: Iterable[str], day: str | None) -> Actor | None:
        """Rule "office-holder": the one person who held one of ``roles`` (folded, "president")
        in country ``code`` in the year of ``day``: a past actor by the years of its record, a
        current one from the year its last past predecessor left. None when the day is unknown,
        nobody or more than one person fits (a year of handover)."""
        if not day or not day[:4].isdigit():
            return None
        year = int(day[:4])
        found: list[Actor] = []
        for role in dict.fromkeys(roles):
            past = [a for a in self._holders_of(code, role) if a.id in self.terms]
            current = [a for a in self._holders_of(code, role) if a.id not in self.terms]
            found.extend(a for a in past if any(t.start <= year <= t.end for t in self.terms[a.id]))
            last_left = max((t.end for a in past for t in self.terms[a.id]), default=None)
            if last_left is not None and year >= last_left:
                found.extend(current)
        return found[0] if len({a.id for a in found}) == 1 else None

    def of_its_day(self, actor: Actor, text: str, day: str | None) -> Actor:
        """Rule "a-namesake-of-its-day": a past person named by words other people of the
        dictionary share ("Clinton", "George Bush", "the Bush administration") is the one in
        office on ``day`` (an ISO date) when the record the words point to was not: "Secretary
        Clinton" in 2012 is Hillary Clinton, "President George Bush" in 2008 George W. Bush.
        Unchanged when the day is unknown, the record was in office then, or not exactly one
        namesake was (a given name said must be the namesake's too)."""
        if not day or not day[:4].isdigit() or actor.id not in self.terms:
            return actor
        year = int(day[:4])
        if _in_office(self.terms[actor.id], year):
            return actor
        words = fold(text).split()
        if not words:
            return actor
        fits = [
            other
            for other in self._past_people_named(words[-1])
            if other.id != actor.id
            and _in_office(self.terms[other.id], year)
            and (len(words) == 1 or fold(other.name).split()[0] == words[0])
        ]
        return fits[0] if len(fits) == 1 else actor

    def _past_people_named(self, surname: str) -> list[Actor]:
        """The past people whose name ends in ``surname`` (folded; indexed once)."""
        if not self._past_by_surname:
            for other in self.actors.values():
                if other.kind in PERSON_KINDS and other.id in self.terms:
                    last = fold(other.name).split()[-1:]
                    self._past_by_surname.setdefault(last[0] if last else "", []).append(other)
        return self._past_by_surname.get(surname, [])

    def _holders_of(self, code: str, role: str) -> list[Actor]:
        """The dictionary's people of a country whose one role is ``role`` (indexed once)."""
        if not self._holders:
            for actor in self.actors.values():
                office = _office_of(actor)
                if office is not None and actor.country:
                    self._holders.setdefault((actor.country, office), []).append(actor)
            self._holders[("", "")] = []  # indexed, even when nobody holds an office
        return self._holders.get((code, role), [])

    def own_names(
        self, code: str, shorts: set[str] | None = None
    ) -> tuple[NamesPattern, NamesPattern]:
        """Country ``code``'s own names as ``with_short_names_of`` looks for them: its full
        names but the shared short ones (``shorts``, folded; by default its own short names)
        and its people's and groups' names as written, and its capital in any case; each list
        joined into one pattern, made once per country and shared names (every article is
        searched for them), None for an empty list."""
        folded = frozenset(
            shorts if shorts is not None else (fold(s) for s in self.short_names.get(code, ()))
        )
        if (code, folded) not in self._own_names:
            country = self.countries[code]
            full = [name for name in (country.name, *country.aliases) if fold(name) not in folded]
            self._own_names[code, folded] = (
                _any_of(*full, *self.people_of(code)),
                _any_of(*_capital_names(country), flags=re.IGNORECASE),  # "KINSHASA -"
            )
        return self._own_names[code, folded]

    def people_of(self, code: str) -> tuple[str, ...]:
        """The names and listed aliases ("Tshisekedi", "M23") of the dictionary's current
        people and armed or political groups of country ``code`` (indexed once per country)."""
        if code not in self._people:
            self._people[code] = tuple(
                name
                for actor in self.actors.values()
                if (actor.kind in PERSON_KINDS or actor.kind == "group")
                and actor.country == code
                and actor.id not in self.terms
                for name in (actor.name, *actor.aliases)
            )
        return self._people[code]

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
            id=national_group_id(code, sector),
            name=name,
            kind="group",
            country=code,
            sector=sector,
        )

    def unplaced_group(self, sector: str) -> Actor:
        """A group named by a common noun in a text that names no country ("gunmen")."""
        label = "unidentified attackers" if sector == "UAF" else SECTOR_LABELS.get(sector)
        return Actor(
            id=f"unplaced-{sector.lower()}",
            name=label or sector.lower(),
            kind="group",
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


def _article_is_its_name(metonym: str) -> bool:
    """A capital named with its article ("The Valley", Anguilla) is no metonym: ``fold`` drops
    the article, and the common noun left ("valley") would make any "Valley" a country ("the
    San Gabriel Valley Tribune" read as Anguilla)."""
    return metonym.lower().startswith("the ")


def national_group_id(code: str, sector: str) -> str:
    """The id of a country's group of a sector ("ken-cop": the Kenyan police)."""
    return f"{code.lower()}-{sector.lower()}"


NATIONAL_GROUP_ID = re.compile(r"[a-z]{3}-[a-z]{3}")  # what ``national_group_id`` makes


def is_national_group(actor_id: str) -> bool:
    """Whether an id is a national group's (``ActorDictionary.group``), not a named actor's."""
    return NATIONAL_GROUP_ID.fullmatch(actor_id) is not None


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


def _sector_table(data: dict, key: str) -> dict[str, str]:
    """A {sector: [nouns]} table of ``data/actor_nouns.json`` as noun -> sector."""
    table: dict[str, str] = {}
    for sector, nouns in (data.get(key) or {}).get("sectors", {}).items():
        if sector not in SECTORS:
            raise DataFileError(f"data/actor_nouns.json {key}: unknown sector {sector!r}")
        for noun in nouns:
            if noun in table:
                raise DataFileError(f"data/actor_nouns.json {key}: {noun!r} listed twice")
            table[noun] = sector
    return table


@lru_cache(maxsize=1)
def load_actor_nouns() -> ActorNouns:
    """The common nouns that name actors, with their sectors (once per process)."""
    try:
        data = json.loads(_data_path("actor_nouns.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"cannot read data/actor_nouns.json: {error}") from error
    if not isinstance(data, dict):
        raise DataFileError("data/actor_nouns.json must hold a JSON object")

    def words(key: str) -> frozenset[str]:
        return frozenset((data.get(key) or {}).get("words", ()))

    weapons = words("weapon_nouns")
    nationality = _sector_table(data, "nationality_nouns")
    for weapon in weapons:  # "Israeli strikes", "Russian drones": the country's military
        if nationality.setdefault(weapon, "MIL") != "MIL":
            raise DataFileError(f"data/actor_nouns.json: weapon {weapon!r} has another sector")
    return ActorNouns(
        nationality=nationality,
        unnamed=_sector_table(data, "unnamed_nouns"),
        captive=words("captive_nouns"),
        communal=words("communal_words"),
        members=words("member_nouns"),
        installations=words("installation_nouns"),
        force=words("force_words"),
        description=words("description_nouns"),
        coalitions=words("coalition_nouns"),
        weapons=weapons,
        offices={
            office: tuple(roles)
            for office, roles in (data.get("office_nouns") or {}).get("offices", {}).items()
        },
        settlers=words("settler_nouns"),
        settled_by=dict((data.get("settler_nouns") or {}).get("territories", {})),
    )


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


def _eras_from_row(row: dict) -> tuple[Era, ...]:
    """An actor's earlier eras, oldest first: "eras": [{"until": "2021-08-15", "sector": "REB"}],
    with "country" when the actor served another body then ({"country": "ETH", ...})."""
    eras = []
    for era in row["eras"]:
        if not isinstance(era, dict) or era.get("sector") not in SECTORS or not era.get("until"):
            raise DataFileError(f"data/actors.json entry {row['id']!r}: bad era {era!r}")
        until, country = str(era["until"]), era.get("country", "")
        eras.append(Era(until=until, sector=era["sector"], role=era.get("role"), country=country))
    return tuple(sorted(eras, key=lambda era: era.until))


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
            if metonym and not _article_is_its_name(metonym):
                table.country_by_metonym.setdefault(fold(metonym), country.code)
        if row.get("short_names"):
            table.short_names[country.code] = tuple(row["short_names"])
        if row.get("short_names_since"):
            table.short_names_since[country.code] = row["short_names_since"]
        if row.get("demonyms_shared"):
            table.demonyms_shared[country.code] = tuple(fold(d) for d in row["demonyms_shared"])
    surnames: Counter[str] = Counter()
    for index, row in enumerate(_load_json("actors.json")):
        actor = _actor_from_row(row, index)
        table.actors[actor.id] = actor
        if row.get("eras"):
            table.eras[actor.id] = _eras_from_row(row)
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
        if row.get("eras"):
            table.eras[actor.id] = _eras_from_row(row)
        if row.get("years"):
            table.terms[actor.id] = _terms_from_years(str(row["years"]))
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
        for token in span_tokens(sentence):
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


SETTLEMENT_NOUNS = {"village", "town", "township", "city", "camp", "settlement", "district"}


NAME_JOINERS = {"and", "of", "for", "the", "&"}


def _bracketed_acronym(span: Span) -> tuple[str, Span] | None:
    """Rule "acronym in brackets": "The Convention of Patriots for Justice and Peace (CPJP)"
    gives the organisation's short name, which the article uses afterwards; with it, the
    whole name up to the bracket (the tagger may stop it short: "... for Justice")."""
    doc = span.doc
    end = span.end
    while (
        end < len(doc)
        and end - span.end < 4
        and (doc[end].is_title or doc[end].lower_ in NAME_JOINERS)
    ):
        end += 1
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    word = doc[end + 1].text
    if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 8):
        return None
    return word, doc[span.start : end]


def whole_person_names(ents: Sequence[Span], table: ActorDictionary | None = None) -> list[Span]:
    """Rule "one name, one person": two PERSON entities the tagger split inside one name
    ("Abbas" "Mousavi", read as two dictionary people) are one name; with ``table``, also the
    given names the tagger left untagged in front of a surname."""
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        joined = (
            last is not None
            and last.label_ == ent.label_ == "PERSON"
            and last.end == ent.start
            and all(t.pos_ == "PROPN" for t in (*last, *ent))
        )
        if joined:
            doc = ent.doc
            merged[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            whole = _with_untagged_surname(ent)
            merged.append(_with_untagged_given_name(whole, table) if table else whole)
    return merged


def _with_untagged_surname(ent: Span) -> Span:
    """ "Sharif Hotak, of the provincial council": the tagger marks "Sharif" as a PERSON and
    leaves the surname it hangs on untagged; the name is both words (else "Sharif" alone is
    the dictionary's Shehbaz Sharif)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.end >= len(doc):
        return ent
    after = doc[ent.end]
    hangs_on_it = ent.root.dep_ == "compound" and ent.root.head.i == after.i
    if after.pos_ != "PROPN" or after.ent_type_ or not hangs_on_it or not after.is_title:
        return ent
    if after.lower_ in NAMED_AFTER_A_PERSON:
        return ent  # "the Trump Administration", "the Biden campaign": a body, not a name
    start = ent.start
    while start < ent.end - 1 and doc[start].lower_.rstrip(".") in NAME_PREFIXES | RANK_WORDS:
        start += 1  # "President Xi" + "Jinping", "Superintendent Graciano" + "Mijares"
    return Span(doc, start, ent.end + 1, label="PERSON")


TITLE_WORDS = {"mr", "mrs", "ms", "dr", "general", "gen", "sheikh", "king", "prince", "premier"}
NAME_PREFIXES = ROLE_NOUNS | TITLE_WORDS  # words a tagged name may start with, before the name
# Ranks and honorifics written in front of a name: never a given name.
_RANK_WORDS = (
    "captain major lieutenant sergeant corporal private brigadier colonel superintendent "
    "inspector constable detective judge justice senator sir lord lady dame queen princess "
    "pope cardinal bishop archbishop imam rabbi father sister brother ayatollah mullah "
    "maulana deputy vice acting former late chairman chairwoman president prosecutor "
    "administrator undersecretary attorney professor reverend speaker executive "
    "sen rep gov lt col maj capt sgt cpl brig pres amb supt insp det prof rev hon"
)
RANK_WORDS = set(_RANK_WORDS.split())


def _with_untagged_given_name(ent: Span, table: ActorDictionary) -> Span:
    """Rule "untagged-given-name": "Army chief General Honore Traore", "Arnel dela Vega of the
    army": the tagger marks the surname and leaves the given names in front of it untagged;
    the name is all of them (else "Traore" alone is the dictionary's Ibrahim Traore). Only a
    tagged surname grows: a tagged given name and surname are the whole name (else "Speaker
    Nancy Pelosi"). A known person's own given name, however spelt ("Antony J. Blinken",
    "Zabiullah Mujahid"), leaves the dictionary's reading alone."""
    doc = ent.doc
    surname_only = len(ent) == 1 or ent[0].is_lower  # "Traore", "dela Vega", not "Carrie Lam"
    if ent.label_ != "PERSON" or not surname_only:
        return ent
    start, words = ent.start, 0
    while start > 0 and words < 1 and _untagged_given_name(doc[start - 1], ent, table):
        start -= 1
        words += not _is_initial(doc[start])  # "Antony J." + "Blinken": one given name at most
    if start == ent.start or _is_initial(doc[start]):
        return ent
    known = table.by_alias.get(fold(ent.text)) or table.by_surname.get(fold(ent.text))
    if known is not None and known.kind in PERSON_KINDS:
        given = fold(doc[start].text)[:3]
        names = (known.name, *known.aliases)
        if any(word[:3] == given for name in names for word in fold(name).split()):
            return ent  # "Abdel Fattah al-Burhan" tagged "al-Burhan": the dictionary's
    return Span(doc, start, ent.end, label="PERSON")


def _opens_a_longer_name(token: Token) -> bool:
    """A name word with more of a name after it ("Antony J. Blinken", "Kim Dong-chul"): the
    first word of that name, not a person named by it alone."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()


def _is_initial(token: Token) -> bool:
    """A name's initial ("J.", "K")."""
    return len(token.text.rstrip(".")) == 1 and token.text[:1].isupper()


def _untagged_given_name(token: Token, ent: Span, table: ActorDictionary) -> bool:
    """A capitalised, untagged name word hanging on the tagged name after it, and no title,
    rank, country or known organisation ("General", "Administrator", "Ukraine", "Army")."""
    hangs_on_it = token.dep_ == "compound" and ent.start <= token.head.i < ent.end
    if token.pos_ != "PROPN" or token.ent_type_ or not hangs_on_it or not token.is_title:
        return False
    word = token.lower_.rstrip(".")
    if word in NAME_PREFIXES | RANK_WORDS | APPOSITION_ROLES | ORGANISATION_NAME_WORDS:
        return False
    if sector_for_role(token.text) or sector_for_organisation(token.text):
        return False
    nouns, lemma = table.nouns, token.lemma_.lower()
    if lemma in nouns.nationality or lemma in nouns.unnamed or token.lower_ in nouns.unnamed:
        return False  # "Activist Joshua Wong", "Protester Ana Ruiz": who they are, not a name
    key = fold(token.text)
    return not (
        key in table.by_alias or key in table.country_by_demonym or table.country_code(token.text)
    )


# Words written after a person's name that make it a body or a thing, not a longer name.
NAMED_AFTER_A_PERSON = {
    "administration",
    "government",
    "cabinet",
    "campaign",
    "family",
    "foundation",
    "era",
    "doctrine",
    "presidency",
    "team",
    "camp",
    "center",
    "centre",
    "institute",
    "university",
    "plan",
    "tower",
    "organization",
    "organisation",
    "party",
    "movement",
    "regime",
    "clan",
}


CROWD_NUMBERS = {"thousand", "hundred", "dozen", "score", "ten"}


def _crowd_of_a_number(token: Token) -> str | None:
    """Rule a-crowd-of-a-number: "Thousands took to the streets", "hundreds marched": a number
    that acts as the subject, of no one named ("thousands of troops" are the troops), is a
    crowd of the scene's people."""
    if token.lemma_.lower() not in CROWD_NUMBERS or token.tag_ != "NNS" or token.dep_ != "nsubj":
        return None
    if token.head.tag_ == "VBN":
        return None  # "dozens more injured": a toll told as a participle, no crowd acting
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token)):
        return None
    return "CVL"


def _number_in_front(noun: Token) -> int | None:
    """The number a noun phrase counts ("the five leaders": 5), if any."""
    for child in children_of(noun):
        if child.dep_ == "nummod" and child.i < noun.i:
            return number_value(child)
    return None


def _area_in_brackets_after_a_place(span: Span) -> bool:
    """Rule "area in brackets": monitors write the area a town is in, in brackets, after it
    ("in Zintan (Jabal al Gharbi)", "Mahas (Hiraan)"): a name alone in such brackets is a place,
    whatever the tagger says."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc):
        return False
    opening, place, closing = doc[span.start - 1], doc[span.start - 2], doc[span.end]
    return (
        opening.text == "("
        and closing.text.startswith(")")
        and place.ent_type_ in {"GPE", "LOC", "FAC"}
    )


def _names_a_settlement(span: Span) -> bool:
    """Rule "name of a settlement": a name written in front of a settlement noun ("the
    Gakurdi village", "Kachia town") is that place's name, never a person's."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in SETTLEMENT_NOUNS


def _title_prefix(span: Span) -> list[Token]:
    """Tokens before a name inside its noun phrase: "Ukraine's Defence Minister" in front of X,
    or the role noun the name stands in apposition to ("Iran's religious leader Ayatollah X")."""
    head = span.root
    role = head.head
    if head.dep_ == "appos" and role.dep_ == "pobj" and role.head.head.pos_ == "NOUN":
        role = role.head.head  # "The mayor of Paris, X": the parser hangs X on "Paris"
    if _posted_to(head):  # "US Ambassador to Germany Richard Grenell": X hangs on "to"
        return [t for t in span.doc[role.head.left_edge.i : span.start] if t.dep_ != "det"]
    between = span.doc[role.i + 1 : span.start] if role.i < span.start else None
    if (
        head.dep_ == "appos"
        and role.pos_ == "NOUN"
        and between is not None
        and all(t.is_punct or _in_subtree(t, role) for t in between)
        and role.lemma_.lower() in ROLE_NOUNS | {"chief", "head", "secretary", "mayor"}
    ):  # "the deputy governor of the region, Oleg Chemezov", "The mayor of London, X"
        head = role
    return [t for t in span.doc[head.left_edge.i : span.start] if t.dep_ not in {"det", "punct"}]


POSTING_WORDS = {"to"}  # "ambassador to Germany", "envoy to the UN": where one is posted


def _posted_to(name: Token) -> bool:
    """A name the parser hangs on the "to" of a posting written in front of it ("US Ambassador
    to Germany Richard Grenell")."""
    preposition = name.head
    return (
        name.dep_ == "pobj"
        and preposition.lower_ in POSTING_WORDS
        and preposition.i < name.i
        and preposition.head.lemma_.lower() in APPOSITION_ROLES
    )


def _without_posting(tokens: list[Token]) -> list[Token]:
    """Rule "posted-to": the words of a title up to its posting; the country one is posted to
    ("US Ambassador to Germany", "X, the envoy to Syria") is not one's own."""
    for position, token in enumerate(tokens):
        if token.lower_ in POSTING_WORDS and token.dep_ == "prep":
            return tokens[:position]
    return tokens


def _in_subtree(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs (directly or not) from ``root``."""
    while token.head.i != token.i:
        if token.head.i == root.i:
            return True
        token = token.head
    return False


def _appositive_role(span: Span, table: ActorDictionary) -> str | None:
    """The role in an appositive: "X, head of the Kharkiv Regional Military Administration",
    "X, Ukraine's prime minister" (the country is kept apart: "prime minister")."""
    for child in children_of(span.root):
        role_noun = child.pos_ == "NOUN" or child.lemma_.lower() in APPOSITION_ROLES
        if child.dep_ == "appos" and role_noun:
            words = [t for t in child.subtree if t.dep_ != "det" or t.i != child.left_edge.i]
            role = _role_text(words, table)
            return role.strip(" ,") if role else None
    return None


def _of_phrase_after(span: Span) -> Span:
    """The "of" phrase right after a name ("Supreme Court | of the United Kingdom"), or an
    empty span."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return doc[span.end : span.end]
    objects = [c for c in children_of(doc[span.end]) if c.dep_ == "pobj"]
    if not objects:
        return doc[span.end : span.end]
    return doc[span.end + 1 : objects[0].right_edge.i + 1]


def _country_of_phrase(phrase: Span, table: ActorDictionary) -> str | None:
    """The country a phrase names whole ("the United Kingdom"), else by one of its words."""
    words = [t.text for t in phrase if t.lower_ != "the"]
    found = table.country_code(" ".join(words)) if words else None
    return found[0] if found else _country_in(phrase, table)


def _country_in(tokens: Iterable[Token], table: ActorDictionary) -> str | None:
    for token in tokens:
        key = fold(token.text)
        if key in table.country_by_demonym:
            return table.country_by_demonym[key]
        found = table.country_code(token.text)
        if found:
            return found[0]
    return None


def _signs_off_a_report(name: Token) -> bool:
    """Rule "a-reporter-signs-off": "Shahnawaz Khan reports for VOA from Srinagar", "VOA's
    Rahim Gul Sarwan reports from Kabul", "Richard Green has this report": a person who
    "reports" with nothing reported, or "has this report", is the outlet's journalist (MED),
    not a person of the story's setting."""
    verb = name.head
    if name.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_ == "report":
        return not any(c.dep_ in {"ccomp", "dobj", "xcomp", "advcl"} for c in children_of(verb))
    following = [t.lower_ for t in name.doc[verb.i + 1 : verb.i + 3]]
    return verb.lemma_ == "have" and following == ["this", "report"]  # however it is parsed


def _plural_title_over(name: Token) -> Token | None:
    """The plural title a listed name stands under: the noun it is in apposition to ("Brazilian
    ministers were present: X, ..."), or the one written just before it ("counterparts, X")."""
    if name.dep_ == "appos" and name.head.tag_ == "NNS":
        return name.head
    before = name.left_edge.i - 1
    while before >= 0 and name.doc[before].text in {",", ":"}:
        before -= 1
    if before < name.left_edge.i - 1 and name.doc[before].tag_ == "NNS":
        return name.doc[before]
    return None


def _nationalities_in(tokens: Iterable[Token], table: ActorDictionary) -> list[str]:
    """The countries the demonyms of a title name, in the order written, each once."""
    found = [table.country_by_demonym.get(fold(t.text)) for t in tokens]
    return list(dict.fromkeys(code for code in found if code))


def _listed_names(first: Token) -> list[Token]:
    """The names of a list, in the order written: the first and the names joined to it, not
    the words in brackets after each ("X (Economy)")."""
    brackets = {
        t.i for t in first.subtree if _inside_brackets(t)
    }  # "(Science and Technology)" is no name
    names = [
        t
        for t in first.subtree
        if t.pos_ == "PROPN"
        and t.i not in brackets
        and (t.i == first.i or t.dep_ in {"conj", "appos"})
    ]
    return sorted(names, key=lambda t: t.i)


def _inside_brackets(token: Token) -> bool:
    """Is a token between an opening and a closing bracket of its sentence?"""
    opened = 0
    for word in token.doc[sentence_of(token).start : token.i]:
        opened += {"(": 1, ")": -1}.get(word.text, 0)
    return opened > 0


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
    role = re.sub(r"\s+(of|in|for|to)$", "", role)  # "mayor of London" -> "mayor"
    return role or None


def _descriptor_sector(tokens: Iterable[Token], nouns: ActorNouns) -> str | None:
    """The sector a descriptor in front of a name gives: "the rebel X", "the opposition X",
    "the gas producer X"."""
    for token in tokens:
        sector = nouns.nationality.get(token.lemma_.lower())
        if sector in {"REB", "OPP", "MED", "UAF", "BUS"}:
            return sector
    return None


HEADING_MARKS = {":", "):"}  # the tokenizer keeps "Bosso (Diffa):" 's bracket with the colon
DATELINE_DASHES = {"-", "—", "–", "--"}
HEADING_WORDS = {"region", "state", "province", "district", "county", "oblast", "governorate"}
HEADING_WORDS |= {"lga", "township", "territory", "prefecture", "department", "area"}
NAME_PARTICLES = {"de", "du", "des", "la", "le", "el", "al", "of", "the"}  # "Nioro du Sahel"
HEADING_LENGTH = 12  # words before the colon or dash at most


def _name_runs(heading: Span) -> list[str]:
    """The names in a heading, as runs of words between punctuation ("Cabo Delgado", "Gao
    region"); a run ending in a region word also without it ("Gao")."""
    runs: list[list[Token]] = [[]]
    for token in heading:
        if token.is_punct:
            runs.append([])
        else:
            runs[-1].append(token)
    names = []
    for run in filter(None, runs):
        names.append(" ".join(t.text for t in run))
        if len(run) > 1 and run[-1].lower_ in HEADING_WORDS:
            names.append(" ".join(t.text for t in run[:-1]))
    return names


def heading_length(
    tokens: Sequence[Token], table: ActorDictionary, gazetteer: Geocoder
) -> int | None:
    """How many tokens the heading that opens ``tokens`` takes (its colon or dash included),
    None when they open with none (rule "heading"). A heading names a place and nothing else:
    names, brackets and region words up to a colon ("Uvira (South Kivu):", "Far North region,
    Cameroon:"), or an upper-case dateline up to a dash ("KHARTOUM, Sudan (Reuters) -").
    "IDF raid in Tubas:" names an act, "Police:" or "Hamas:" an actor: no headings. Works on
    the words alone (the parser has not run when sentence boundaries are set)."""
    words = list(tokens[: HEADING_LENGTH + 1])
    end = next((i for i, t in enumerate(words) if t.text in HEADING_MARKS | DATELINE_DASHES), 0)
    if end == 0:
        return None
    before = words[:end]
    names = [t for t in before if t.is_alpha and t.lower_ not in HEADING_WORDS | NAME_PARTICLES]
    bracketed = False
    for token in before:
        bracketed = (bracketed or token.text == "(") and token.text != ")"
        if token.is_punct or token.like_num or token.lower_ in HEADING_WORDS | NAME_PARTICLES:
            continue  # "MOSCOW, Aug 3 (Reuters) -"
        if not (token.is_alpha and (token.is_title or token.is_upper)):
            return None
        actor = fold(token.text) in table.by_alias or token.lower_ in table.nouns.unnamed
        if actor and not bracketed:
            return None  # "Hamas:", "Police:": an actor speaks or acts; "(Reuters)" credits

    def is_place(token: Token) -> bool:
        return bool(table.country_code(token.text) or gazetteer.geocode(token.text))

    if words[end].text in DATELINE_DASHES:
        first = before[0]
        if not (first.is_upper and len(first) > 1 and is_place(first)):
            return None  # "Hamas - the group said": a dash after a name is no dateline
    elif not any(is_place(t) for t in names):
        return None
    return end + 1


def _is_common_noun(token: Token) -> bool:
    """A common noun, or one the tagger took for a name because it opens the sentence or is
    capitalised ("Militiamen attacked ...", "the Army said") outside any named entity."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_)


SEIZURES_OF_POWER = {"coup", "takeover", "putsch"}  # "a military coup": the army's own


def _armed_group_adjective(token: Token, sector: str | None) -> bool:
    """ "A rebel ambush", "a militant attack": the tagger reads the armed group's noun as an
    adjective of the act; it still names who did it (armed groups only: "a military court" is
    no army; but "a military coup" is the army's seizure of power)."""
    coup = sector == "MIL" and token.head.lemma_.lower() in SEIZURES_OF_POWER
    return (
        (sector == "REB" or coup)
        and token.pos_ == "ADJ"
        and token.dep_ == "amod"
        and token.head.pos_ == "NOUN"
        and token.head.i == token.i + 1
    )


def _is_place(span: Span, gazetteer: Geocoder) -> bool:
    """A name the model took for an organisation but the gazetteer knows ("El Fasher")."""
    return gazetteer.geocode(span.text) is not None


# "X-backed militias", "an X-brokered deal": X sponsors or brokers, it does not act.
SPONSOR_PARTICIPLES = {
    "backed",
    "brokered",
    "sponsored",
    "funded",
    "financed",
    "mediated",
    "supported",
    "armed",
    "trained",
    "allied",
    "aligned",
    "linked",
    "affiliated",
    "inspired",
}


UNCONFIRMED_PLACE_LABELS = {"", "GPE", "LOC", "FAC", "ORG", "PERSON"}


GO_BETWEEN_VERBS = {"mediate", "broker", "host", "facilitate"}  # "talks hosted by Cuba"


@lru_cache(maxsize=1)
def speaker_verbs() -> frozenset[str]:
    """Verbs whose subject only voices the sentence ("..., Algeria said"): the trigger
    lexicon's ``saying_verbs`` list ``speaker``."""
    from accord.extract.events.lexicon import load_lexicon

    return load_lexicon().saying("speaker")


def _media(mention: ActorMention) -> bool:
    """A news outlet or reporter: it reports the story, it does not set it."""
    return mention.actor.sector == "MED" and mention.actor.kind != "group"


def _one_per_actor(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """Each actor once (its last mention here, in the order actors first appear)."""
    return list({m.actor.id: m for m in mentions}.values())


def main_parties(mentions: Sequence[ActorMention]) -> list[str]:
    """The two countries a document is most about (for "both sides"; news outlets that
    report it, "according to AFP", do not count)."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country and not _media(m))
    return [code for code, _ in counts.most_common(2)]


def story_sides(mentions: Sequence[ActorMention], table: ActorDictionary) -> list[Actor]:
    """The two parties "both sides" means in a document: the two actors of one country it
    names most, when it is about a war or a dispute inside one country (rule
    both-sides-at-home: "the army and the RSF ... Both sides agreed"), else the two
    countries it is most about."""
    home = two_rivals_at_home(mentions)
    if home:
        return home
    return [table.state(code) for code in main_parties(mentions)]


def two_rivals_at_home(mentions: Sequence[ActorMention]) -> list[Actor]:
    """The two armed or political actors of one country named most often, or none: none when
    a third such actor is named as often as the second, or the most named other country
    as often as the second actor (then the sides are countries)."""
    counts = Counter(
        m.actor.id for m in mentions if m.actor.sector in RIVAL_SECTORS and not _media(m)
    )
    actors = {m.actor.id: m.actor for m in mentions}
    ranked = counts.most_common(3)
    if len(ranked) < 2:
        return []
    (first, _), (second, n2) = ranked[:2]
    one, two = actors[first], actors[second]
    if not one.country or one.country != two.country or one.kind == two.kind == "state":
        return []
    if len(ranked) > 2 and ranked[2][1] >= n2:
        return []  # a third party as present: no two sides
    others = Counter(
        m.actor.country
        for m in mentions
        if m.actor.country and m.actor.country != one.country and not _media(m)
    )
    if others and others.most_common(1)[0][1] >= n2:
        return []  # a dispute between countries: the countries are the sides
    return [one, two]


def _acts_as_a_party(token: Token) -> bool:
    """A name that does or suffers the act: a subject, an object, or joined to one. Rule
    "a-capital-as-passive-agent": the agent of a passive ("was condemned by Kyiv") is the
    active subject, so an untagged capital there is its state too; "in Kyiv" stays a place."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return token.dep_ in {"nsubj", "nsubjpass", "dobj"}


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

    def __init__(
        self,
        doc: Doc,
        table: ActorDictionary,
        gazetteer: Geocoder | None = None,
        published: str | None = None,
    ) -> None:
        if gazetteer is None:
            from accord.resolve.places import load_gazetteer

            gazetteer = load_gazetteer()
        self.doc = doc
        self.published = published  # the day the text tells of: actors as they were then
        # the passes below walk every token; spaCy makes a new Token object at each step of a
        # walk over the Doc, so the walks share one list of them (``nlp.doc_tokens``)
        self.tokens: list[Token] = doc_tokens(doc)
        self.table = table
        self.nouns = table.nouns
        self.gazetteer = gazetteer
        self.sentences = _sentence_index(doc)
        self.mentions: list[ActorMention] = []
        self.people: dict[str, Actor] = {}  # folded surname or full name -> person seen here
        self.first_words: dict[str, Actor] = {}  # a full name's first word -> its person here
        self.covered: set[int] = set()
        self.people_tokens: set[int] = set()
        self.sentence_spans = list(doc.sents)
        self.scenes: dict[int, str | None] = {}  # sentence number -> its place's country
        self.prefer_countries: list[str] | None = None
        self.heading_countries: list[str] = []  # countries of the places headings name
        self.dateline_countries: list[str] = []  # countries of the places datelines name
        self._demonyms: dict[int, str | None] = {}  # token index -> its nationality's country
        self.acronyms: dict[str, Actor] = {}  # "(CPJP)" after a new organisation's name

    def resolve(self) -> list[ActorMention]:
        self._mark_headings()
        for ent in whole_person_names(self.doc.ents, self.table):
            self._resolve_entity(ent)
        self._resolve_untagged_appositive_names()
        self._resolve_loose_surnames()
        self._resolve_loose_countries()
        self._resolve_office_holders()
        self._resolve_groups()
        self._resolve_country_groups()
        self._resolve_both_sides()
        self._resolve_role_descriptions()
        self._resolve_group_descriptions()
        self._resolve_unnamed_groups()
        self._resolve_members_of_named_groups()
        self._resolve_pronouns_and_descriptions()
        self._resolve_possessed_roles()
        self._resolve_the_storys_armed_group()
        self._unify_people()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    def _unify_people(self) -> None:
        """Rule "same person": a person is one actor however the text names them ("Greek
        Foreign Minister Nikos Dendias", later "Dendias", "the minister"): the country, sector
        and role found at any mention (the words next to the name before the story's country)
        fill what the others lack."""
        best: dict[str, Actor] = {}
        ranked = sorted(self.mentions, key=lambda m: m.why == UNPLACED_OFFICIAL_WHY)
        for mention in ranked:
            actor = mention.actor
            if actor.kind not in PERSON_KINDS:
                continue
            known = best.setdefault(actor.id, actor)
            best[actor.id] = replace(
                known,
                country=known.country or actor.country,
                sector=known.sector or actor.sector,
                role=known.role or actor.role,
            )
        for position, mention in enumerate(self.mentions):
            merged = best.get(mention.actor.id)
            if merged is not None and merged != mention.actor:
                self.mentions[position] = replace(mention, actor=merged)

    def _resolve_possessed_roles(self) -> None:
        """Rule "the-possessors-person": a person of no known country named beside a role that
        an actor owns ("the group's leader, Aluri Yakutumba", "the government's lawyer, Richard
        Keen", "One of her closest aides, Kyaw Tint Swe", "Mahan's director, X") is the
        owner's: of its country, and of its sector when the owner is a body or a group (the
        Mai Mai's leader is a rebel, whatever "leader" says alone)."""
        for position, mention in enumerate(self.mentions):
            actor = mention.actor
            guessed = mention.why == UNPLACED_OFFICIAL_WHY  # the setting's, a guess
            if actor.kind not in PERSON_KINDS or (actor.country and not guessed):
                continue
            owner = self._owner_of_role(self.doc.char_span(mention.start, mention.end), actor.id)
            if owner is None or not owner.country:
                continue
            sector = actor.sector
            if owner.kind in COLLECTIVE_KINDS and (sector is None or owner.kind != "state"):
                sector = owner.sector
            self.mentions[position] = replace(
                mention, actor=replace(actor, country=owner.country, sector=sector)
            )

    def _owner_of_role(self, span: Span | None, own_id: str) -> Actor | None:
        """The actor owning the role noun a name stands in apposition with ("the group's
        leader, X", "X, the party's spokesman", "one of her aides, X"): the mention of the
        role's possessor."""
        if span is None:
            return None
        root = span.root
        roles = [c for c in children_of(root) if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos":
            roles.append(root.head)
        for role in roles:
            if role.lower_ == "one" or role.pos_ == "NUM":  # "One of her closest aides"
                role = next(
                    (p for c in children_of(role) if c.lower_ == "of" for p in children_of(c)), role
                )
            for owner in (c for c in children_of(role) if c.dep_ == "poss"):
                found = [m for m in self._covering(owner) if m.actor.id != own_id]
                if found:
                    return found[0].actor
        return None

    # headings and datelines ----------------------------------------------------------------
    def _mark_headings(self) -> None:
        """Rule "heading": a place named at the head of a note or story, before a colon ("Sudan:",
        "Far North region, Cameroon:") or a dateline dash ("KHARTOUM (Reuters) -"), says where
        the story is set; neither it nor the agency of a dateline is an actor. Its words are
        covered so no rule makes an actor of them; its country sets the scene."""
        for sentence in self.sentence_spans:
            length = heading_length(sentence, self.table, self.gazetteer)
            if length is None:
                continue
            heading = self.doc[sentence.start : sentence.start + length]
            self.covered.update(range(heading.start, heading.end))
            named = [ent.text for ent in heading.ents] + _name_runs(heading)
            found = (
                self.dateline_countries
                if heading[-1].text in DATELINE_DASHES
                else self.heading_countries
            )
            for name in named:
                code = self._country_of_place_name(name)
                if code is not None:
                    found.append(code)

    def _lead_scene_country(self) -> str | None:
        """The country of the first place the sentence after a dateline says something
        happens in ("A nationwide truce in Syria"), or None."""
        dateline = dateline_end(self.doc)
        lead = next((s for s in self.sentence_spans if s.start_char >= dateline), None)
        if lead is None:
            return None
        for ent in lead.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC"} or ent.start_char < dateline:
                continue
            if any(t.i in self.people_tokens for t in ent) or not is_locative(ent.root):
                continue
            code = self._country_of_place_name(ent.text)
            if code is not None:
                return code
        return None

    def _country_of_place_name(self, text: str) -> str | None:
        found = self.table.country_code(text)
        if found is not None:
            return found[0]
        place = self.gazetteer.geocode(text)
        return place.country if place is not None else None

    # entities ------------------------------------------------------------------------------
    def _covering(self, token: Token) -> list[ActorMention]:
        """The mentions found so far that cover a token, in the order they were found."""
        return [m for m in self.mentions if m.start <= token.idx < m.end]

    def _country_at(self, token: Token) -> str | None:
        """The country of the first mention covering a token that has one; a news outlet
        lends its country to no one ("AP is reporting that authorities arrested ...")."""
        return next(
            (m.actor.country for m in self._covering(token) if m.actor.country and not _media(m)),
            None,
        )

    def _add(self, actor: Actor, span: Span, why: str) -> None:
        actor = self.table.as_of(actor, self.published)
        self.mentions.append(_mention(actor, span, self.sentences, why))
        self.covered.update(range(span.start, span.end))

    def _names_a_landmark_or_water(self, ent: Span, span: Span) -> bool:
        """Rule "a country inside a place's name": a sea, gulf or landmark the gazetteer knows by
        a name of several words that holds a country's ("the Gulf of Oman") is a place only."""
        if ent.label_ not in {"LOC", "FAC"} or len(span) < 2:
            return False
        place = self.gazetteer.geocode(span.text)
        return place is not None and place.precision in {"region", "exact"}

    def _resolve_entity(self, ent: Span) -> None:
        span = self._trim(ent)
        if span is None or any(t.i in self.covered for t in span) or self._is_stance(span):
            return
        key = fold(span.text)
        known_person = self.people.get(key) or self.table.by_surname.get(key)
        dictionary_actor = self.table.by_alias.get(key)
        if key in self.people and len(span) == 1 and ent.label_ == "PERSON":
            # "Abbas Mousavi said ... Mousavi stressed": the article's Mousavi, not the
            # dictionary's namesake
            self._add_person(self.people[key], span, "surname")
            return
        if key in self.first_words and len(span) == 1 and ent.label_ == "PERSON":
            self._add_person(self.first_words[key], span, FIRST_WORD_WHY)
            return
        if dictionary_actor and dictionary_actor.kind in PERSON_KINDS:
            of_its_day = self.table.of_its_day(dictionary_actor, span.text, self.published)
            why = "dictionary" if of_its_day is dictionary_actor else "namesake of its day"
            self._add_person(of_its_day, span, why)
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
            if why == "metonym" and _is_locative_phrase(span.root):
                return  # rule "metonym": "the Kremlin said", but "protests in Moscow" is a place
            self._add(self.table.state(code), span, why)
            return
        if self._names_a_landmark_or_water(ent, span):
            self.covered.update(range(span.start, span.end))
            return  # "the Gulf of Oman", "the Sea of Japan": a place, Oman no party in it
        if dictionary_actor and self._national_namesake(dictionary_actor, span):
            self._add(self._new_organisation(span), span, "ner")  # "Russia's Security Council"
            return
        if dictionary_actor:
            self._add(dictionary_actor, span, "dictionary")
            return
        if self._is_modifier_entity(span):
            return  # "Radical French" (farmers): the nationality + group rule resolves it
        if self._is_capitalised_modifier(span):
            return  # "Riot police used tear gas": the first word of an unnamed actor noun
        demonyms = [self.table.country_by_demonym.get(fold(t.text)) for t in span]
        if len(span) > 1 and all(demonyms):
            # "Bosnian Serbs": a people named by where they live, then who they are
            self._add(self.table.group(demonyms[0], "CVL"), span, "nationality")
            return
        if span[-1].lower_ in HEADING_WORDS:
            return  # "Tsafe LGA", "Lamu County": an area, whatever the tagger says
        if _names_a_settlement(span):
            return  # "the Gakurdi village", "Negga town": a place, whatever the tagger says
        if _area_in_brackets_after_a_place(span):
            return  # "Zintan (Jabal al Gharbi)": the area the town is in, not a person
        if (
            ent.label_ in {"PERSON", "ORG"}
            and is_locative(span.root)
            and _is_place(span, self.gazetteer)
        ):
            return  # "near Mocímboa da Praia": a place the tagger took for a name
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
            bracketed = _bracketed_acronym(span)
            if bracketed is not None and not any(t.i in self.covered for t in bracketed[1]):
                span = bracketed[1]  # the whole name, up to the bracket
            organisation = self._new_organisation(span)
            self._add(organisation, span, "ner")
            if bracketed is not None:
                self.acronyms[fold(bracketed[0])] = organisation
        elif ent.label_ == "ORG" and fold(span.text) in self.acronyms:
            self._add(self.acronyms[fold(span.text)], span, "acronym")

    def _resolve_untagged_appositive_names(self) -> None:
        """Rule "untagged-name-in-apposition": "The Indian Army spokesman in Srinagar, A K
        Mathur, told ...": a name the tagger missed (initials, mostly) set off after a role noun
        is that person's, with the role's country and sector."""
        for token in self.tokens:
            if (  # the word's own tests first: its role is read only for a bare appositive name
                token.dep_ != "appos"
                or token.pos_ != "PROPN"
                or token.ent_type_
                or not token.is_title
                or token.i in self.covered
            ):
                continue
            role = token.head
            if role.dep_ == "pobj" and role.head.head.pos_ == "NOUN":
                role = role.head.head  # "the spokesman in Srinagar, X": X hangs on "Srinagar"
            if (
                role.pos_ != "NOUN"
                or role.i > token.i
                or role.lemma_.lower() not in APPOSITION_ROLES
            ):
                continue
            start = token.i
            while start > role.i + 1 and _is_initial(self.tokens[start - 1]):
                start -= 1
            span = self.doc[start : token.i + 1]
            if self.table.country_code(span.text) or fold(span.text) in self.table.by_alias:
                continue
            if _is_place(span, self.gazetteer):
                continue
            self._add_person(self._new_person(span), span, "title")

    def _described_person(self, span: Span) -> Span | None:
        """A name the model took for a place or organisation although an apposition gives its
        role: "Kenzo Oshima, the United Nations Emergency Relief Coordinator, said"."""
        root = span.root
        if self.tokens[span.start].ent_type_ == "PERSON" or self.table.country_code(span.text):
            return None
        known = self.table.by_alias.get(fold(span.text))
        if known is not None and known.kind not in PERSON_KINDS:
            return None  # "The United Nations (UN) emergency relief coordinator Jan Egeland"
        roles = [
            c
            for c in children_of(root)
            if c.dep_ == "appos" and c.i > root.i and c.lemma_.lower() in APPOSITION_ROLES
        ]
        if not roles:
            return None
        start = span.start
        while (
            start > 0
            and self.tokens[start - 1].pos_ == "PROPN"
            and self.tokens[start - 1].dep_ == "compound"
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
        against, not who they are; rule "sponsor": "Iran-backed militias", "a Qatar-brokered
        truce" name a sponsor or broker, not the actor (the militias, the parties)."""
        before = [t.lower_ for t in self.doc[max(span.start - 2, 0) : span.start]]
        if before[-2:] in (["anti", "-"], ["pro", "-"]) or span[0].lower_ in {"anti", "pro"}:
            return True
        after = [t.lower_ for t in self.doc[span.end : span.end + 2]]
        return len(after) == 2 and after[0] == "-" and after[1] in SPONSOR_PARTICIPLES

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

    def _is_capitalised_modifier(self, span: Span) -> bool:
        """A sentence's first word the tagger took for a name because of its capital, which is
        the modifier of a two-word actor noun ("Riot police", "Security forces", "Armed men")."""
        first = span[0]
        if len(span) != 1 or not first.is_sent_start or first.dep_ not in {"amod", "compound"}:
            return False
        pair = f"{first.lower_} {first.head.lemma_.lower()}"
        return first.head.i == first.i + 1 and pair in self.nouns.unnamed

    def _trim(self, ent: Span) -> Span | None:
        """Drop a leading "the", a trailing possessive and an unclosed bracket ("Umma (Nation"
        is "Umma") from an entity span."""
        start, end = ent.start, ent.end
        while start < end and self.tokens[start].lower_ in {"the", "’s", "'s"}:
            start += 1
        while end > start and self.tokens[end - 1].text in {"’s", "'s", "’", "'"}:
            end -= 1
        words = [t.text for t in self.doc[start:end]]
        if "(" in words and ")" not in words:
            end = start + words.index("(")
        if ent.label_ == "PERSON" and end - start > 2 and self._opens_with_a_posting(start):
            start += 1  # "Ambassador to Sudan Nicholas Coghlan": the name is "Nicholas Coghlan"
        return self.doc[start:end] if end > start else None

    def _opens_with_a_posting(self, start: int) -> bool:
        """A person's name the tagger starts with the country of the posting before it."""
        before = self.tokens[start - 1] if start > 0 else None
        first = self.tokens[start]
        return (
            before is not None
            and before.lower_ in POSTING_WORDS
            and fold(first.text) in self.table.country_by_name
        )

    def _add_person(self, actor: Actor, span: Span, why: str) -> None:
        self.people_tokens.update(range(span.start, span.end))
        self.people[fold(actor.name)] = actor
        self.people[fold(actor.name.split()[-1])] = actor
        self.people[fold(span.text)] = actor
        self._note_first_word(actor)
        self._add(actor, span, why)

    def _note_first_word(self, actor: Actor) -> None:
        """Rule "first word of a full name": a person named in full ("Hu Jintao", "Moon
        Jae-in", "Kim Jong Un") may be named again by the first word alone, the family name
        where it comes first ("Mr. Hu said", "Moon said", "Kim reaffirmed"); the word is that
        person's, the first one named so, unless the article uses it as a surname (kept in
        ``people``, looked up first)."""
        words = actor.name.split()
        if len(words) > 1 and words[0][:1].isupper():
            self.first_words.setdefault(fold(words[0]), actor)

    def _new_person(self, span: Span) -> Actor:
        prefix = _title_prefix(span)
        role = _role_text(prefix, self.table) or _appositive_role(span, self.table)
        appositions = [t for c in children_of(span.root) if c.dep_ == "appos" for t in c.subtree]
        # rule "title": "Greek Foreign Minister X", "X, Ukraine's prime minister", "X, the
        # Hungarian government commissioner", "The mayor of London, X"
        country = _country_in(_without_posting(prefix), self.table) or _country_in(
            _without_posting(appositions), self.table
        )
        sector = sector_for_role(role) or self._title_noun_sector(prefix)
        employer = (
            self._organisation_in(prefix)
            or self._organisation_in(appositions)
            or self._possessive_employer(prefix)
        )
        if employer is not None:  # "Arab League Secretary General X" works for the League
            country, sector = employer.country or country, employer.sector or sector
        elif sector is None or country is None:  # "X of the army's Western Mindanao Command"
            country, employer_sector = self._employer_after(span, country)
            sector = sector or employer_sector
        if country is None and role:
            country = self._coordinated_title_country(span)
        if country is None:
            country, shared_sector = self._shared_nationality(span)
            sector = sector or shared_sector
        if sector is None and _signs_off_a_report(span.root):
            sector = "MED"
        return Actor(
            id=slug(span.text),
            name=span.text,
            kind="person",
            country=country,
            sector=sector,
            role=role,
        )

    def _title_noun_sector(self, prefix: list[Token]) -> str | None:
        """Rule "title-noun": a title the role words lack is read as the actor nouns read the
        same noun unnamed ("Prosecutor X" as "the prosecutor", "Judge X" as "the judge")."""
        nouns = [t for t in prefix if t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "GPE"]
        return self.nouns.sector_of(self.nouns.nationality, nouns[-1]) if nouns else None

    def _employer_after(self, span: Span, country: str | None) -> tuple[str | None, str | None]:
        """Rule "of-employer": "X of Amnesty International", "X of the army's Western Mindanao
        Command", "X of the police": a person named with the body they are of takes its sector
        (and its country, when the body or the phrase has one: "Spokeswoman X of the US
        Department of State" is American though her title already says she is an official)."""
        phrase = _of_phrase_after(span)
        if not len(phrase):
            return country, None
        known = self._organisation_in(list(phrase))
        if known is not None:  # "the German Foreign Office" is Germany's, whatever the record's
            return _country_in(phrase, self.table) or known.country or country, known.sector
        sector = sector_for_organisation(" ".join(t.text for t in phrase if t.dep_ != "case"))
        if sector is None:
            return country, None
        return country or _country_in(phrase, self.table), sector

    def _coordinated_title_country(self, span: Span) -> str | None:
        """Rule "coordinated-title": "Israeli prime minister X and energy minister Y": a title
        with no country, joined to a person whose country is known, is of that country."""
        root = span.root
        if root.dep_ != "conj":
            return None
        for mention in self._covering(root.head):
            if mention.actor.kind in PERSON_KINDS and mention.actor.country:
                return mention.actor.country
        return None

    def _shared_nationality(self, span: Span) -> tuple[str | None, str | None]:
        """Rule "a-nationality-shared-by-a-list": a nationality written once for several people
        named after it is each one's, whatever the parse made of the list: "Cypriot president
        X and energy minister Y" (a title joined by "and" to a person of known country), "Some
        Brazilian ministers were present at the event: X (Economy), Y (Agriculture)" (names
        listed under a plural title), "his Greek, Cypriot and French counterparts, X, Y and Z,
        respectively" (one nationality each, in order). Returns (country, sector of the title)."""
        joined = self._joined_title_nationality(span)
        if joined != (None, None):
            return joined
        return self._listed_nationality(span)

    def _joined_title_nationality(self, span: Span) -> tuple[str | None, str | None]:
        """ "... Cypriot president X and energy minister Y": the title words written right
        before Y, after an "and" that follows a person whose country is known."""
        doc, start, sentence = self.doc, span.start, sentence_of(span)
        while start > sentence.start and doc[start - 1].pos_ in {"NOUN", "ADJ"}:
            start -= 1
        sector = sector_for_role(doc[start : span.start].text) if start < span.start else None
        if sector is None or start - 2 < sentence.start or doc[start - 1].lower_ != "and":
            return None, None
        for mention in self._covering(doc[start - 2]):
            if mention.actor.kind in PERSON_KINDS and mention.actor.country:
                return mention.actor.country, sector
        return None, None

    def _listed_nationality(self, span: Span) -> tuple[str | None, str | None]:
        """ "Brazilian ministers ...: X (Economy), Y (...)", "Greek and French counterparts, X
        and Y, respectively": the nationality of the plural title a list of names hangs on."""
        node = span.root
        while True:
            title = _plural_title_over(node)
            if title is not None:
                break
            if node.dep_ not in {"conj", "appos"} or node.head.pos_ != "PROPN":
                return None, None
            node = node.head
        nationalities = _nationalities_in(self.doc[title.left_edge.i : title.i], self.table)
        sector = sector_for_role(title.lemma_)
        if len(nationalities) == 1:
            return nationalities[0], sector
        listed = _listed_names(node)
        said_in_order = any(t.lower_ == "respectively" for t in sentence_of(span))
        if said_in_order and len(listed) == len(nationalities) and span.root in listed:
            return nationalities[listed.index(span.root)], sector
        return None, None

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
        """An organisation the dictionary lacks; its country from its name, a possessive in
        front ("the Ivory Coast's Supreme Court") or an "of" phrase after it ("the Supreme
        Court of the United Kingdom")."""
        in_front = self.doc[span.root.left_edge.i : span.start]
        described = [span.root.head] if span.root.dep_ == "appos" else []  # "the newspaper X"
        return Actor(
            id=slug(span.text),
            name=span.text,
            kind="organisation",
            country=_country_in(span, self.table)
            or _country_in(in_front, self.table)
            or _country_of_phrase(_of_phrase_after(span), self.table),
            sector=sector_for_organisation(span.text)
            or _descriptor_sector([*in_front, *described], self.table.nouns),
        )

    def _resolve_loose_surnames(self) -> None:
        """Surnames the model did not tag as entities ("Zelenskyy" mid-sentence), or took for a
        common noun ("..., Warnock said"): capitalised inside its sentence."""
        for token in self.tokens:
            if token.i in self.covered:
                continue
            capitalised_noun = token.pos_ == "NOUN" and token.text[:1].isupper()
            if token.pos_ != "PROPN" and not (capitalised_noun and not token.is_sent_start):
                continue
            actor = self.people.get(fold(token.text))
            if actor is not None:
                self._add(actor, self.doc[token.i : token.i + 1], "surname")
                continue
            actor = self.first_words.get(fold(token.text))
            if actor is not None and token.pos_ == "PROPN" and not _opens_a_longer_name(token):
                self._add(actor, self.doc[token.i : token.i + 1], FIRST_WORD_WHY)

    def _resolve_loose_countries(self) -> None:
        """Country names the model did not tag ("US Predator attacks", "a UK-drafted text"), or
        took for a common noun inside a sentence ("Far North, Cameroon: ...")."""
        for token in self.tokens:
            proper = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and not token.is_sent_start)
            if token.i in self.covered or not proper or not token.text[:1].isupper():
                continue
            code = self.table.country_by_name.get(fold(token.text))
            span = self.doc[token.i : token.i + 1]
            why = "country"
            if code is None and _acts_as_a_party(token):
                # "Moscow and Kyiv exchanged accusations": a capital the tagger left untagged
                found = self.table.country_code(token.text)
                code, why = found if found and found[1] == "metonym" else (None, why)
            if code is not None and token.i not in self.people_tokens and not self._is_stance(span):
                self._add(self.table.state(code), span, why)

    # groups ----------------------------------------------------------------------------------
    def _resolve_groups(self) -> None:
        """Nationality + group noun ("Russian forces", "a senior Ukrainian official")."""
        for token in self.tokens:
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
            hyphened = self._hyphened_to_nationality(token)
            if token.dep_ not in {"amod", "compound", "nmod", "conj"} and not (led or hyphened):
                continue
            head = token.head
            if hyphened:
                head = head.head  # "the Turkish-Libyan deal": both nationalities modify the deal
            first_country = None
            while token.dep_ == "conj" and head.dep_ == "conj" and head.head.i < head.i:
                head = head.head  # "British, French and German ministers": back to "British"
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
                and head.lemma_.lower() not in self.nouns.nationality
            ):
                head = head.head  # "Turkish Kurd refugees": the refugees are the group
            while (
                head.dep_ in {"compound", "nmod"}
                and head.head.i > head.i
                and (self.nouns.sector_of(self.nouns.nationality, head.head) is not None)
            ):
                head = head.head  # "Austrian mortar and shell manufacturer": the manufacturer
            sector = self.nouns.sector_of(self.nouns.nationality, head)
            if led and head.lemma_.lower() in self.nouns.coalitions:
                sector = "MIL"  # rule "coalition": "the Saudi-led coalition" keeps its leader
            weapon = head.lemma_.lower() in self.nouns.weapons  # "fighter" in "fighter jets"
            if sector in {"GOV", "MIL"} and not weapon:  # "Afghan rebel leaders"
                in_front = (c for c in children_of(head) if c.i < head.i)
                sector = _descriptor_sector(in_front, self.nouns) or sector
            if sector is None and head.lemma_.lower() == "group":
                # "Palestinian armed groups" are fighters; a "Kurdish rights group" is not
                armed = any(c.lower_ == "armed" for c in children_of(head))
                sector = "REB" if armed else None
            compound_groups = [
                c for c in children_of(head) if c.dep_ == "compound" and c.i > token.i
            ]
            if sector is None and compound_groups and head.pos_ == "NOUN":
                # "a Cambodian refugee camp": the nationality belongs to the refugees
                inner = self.nouns.nationality.get(compound_groups[0].lemma_.lower())
                if inner is not None and compound_groups[0].i not in self.covered:
                    span = self.doc[token.i : compound_groups[0].i + 1]
                    self._add(self.table.group(code, inner), span, "nationality")
                    continue
            adjective = (
                token.dep_ == "amod"
                or hyphened
                or (
                    token.dep_ == "compound"
                    and token.i > 1
                    and self.tokens[token.i - 1].text == "-"
                )
            )  # "Russian-Ukrainian talks": the second of a pair, parsed as a compound
            if sector is None and head.pos_ == "NOUN" and adjective:
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

    def _hyphened_to_nationality(self, token: Token) -> bool:
        """ "Turkish-Libyan", "Russian-Ukrainian": a nationality joined by a hyphen to the
        nationality it modifies names a party of its own (the parser may call the first an
        npadvmod)."""
        head = token.head
        return (
            token.dep_ in {"amod", "compound", "npadvmod"}
            and head.i == token.i + 2
            and self.tokens[token.i + 1].text in JOINING_HYPHENS
            and head.dep_ in {"amod", "compound"}
            and self._demonym_at(head) is not None
        )

    def _residence(self, token: Token) -> str | None:
        """Where an ethnic group lives, which CAMEO codes it by: "the Albanians of southern
        Serbia" (the place named), "ethnic Albanians" (the country the story is set in)."""
        for prep in children_of(token):
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}:
                home = self._place_country(prep) or self._owner_of(prep)
                if home is not None:
                    return home
        words = [t.lower_ for t in self.doc[max(token.i - 2, 0) : token.i]]
        if "ethnic" in words:
            return self._setting_country()
        return None

    def _lead_country_abroad(self) -> str | None:
        """Rule "dateline-abroad": a wire story filed from one country about another ("DUBAI
        (Harbour Wire) - Yemen's warring parties have agreed ...") is set in the country its
        lead names, when the lead names one country and not the dateline's."""
        named = self._countries_of_the_lead()
        dateline = self.dateline_countries[0]
        return next(iter(named)) if len(named) == 1 and dateline not in named else None

    def _countries_of_the_lead(self) -> set[str]:
        """The countries of the actors the lead after a dateline names, less outlets and less
        the dateline's country where the lead names it only as who says it or who goes
        between ("..., Algeria said", "in talks hosted by Cuba": rule "a-voice-or-a-host-is-
        no-setting"; the Tuareg rebels of an Algiers report on a truce in Mali are Malian).
        Another country's voice stays: "The Rapid Support Forces said they had agreed" in a
        Jeddah report is Sudan's news."""
        end = dateline_end(self.doc)
        lead = next((s for s in self.sentence_spans if s.end_char > end), None)
        if not end or lead is None:
            return set()
        dateline = self.dateline_countries[0] if self.dateline_countries else None
        return {
            m.actor.country
            for m in self.mentions
            if end <= m.start < lead.end_char
            and m.actor.country
            and not _media(m)
            and not (m.actor.country == dateline and self._voice_or_go_between(m))
        }

    def _voice_or_go_between(self, mention: ActorMention) -> bool:
        """Whether a mention names only who says the sentence ("Cuba's foreign ministry said")
        or who mediates or hosts what it tells ("mediated by Algeria", "hosted by Cuba")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.dep_ in {"poss", "compound", "amod"} and token.head.i != token.i:
            token = token.head  # "Cuba's foreign ministry", "the Algerian foreign ministry"
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in speaker_verbs():
            return True
        preposition = token.head if token.dep_ == "pobj" else None
        return (
            preposition is not None
            and preposition.lower_ == "by"
            and preposition.head.lemma_.lower() in GO_BETWEEN_VERBS
        )

    def _lead_names_other_sides(self) -> bool:
        """Rule "a-dateline-abroad-is-no-side": a lead filed from one country that names two or
        more others and not the dateline's ("BRUSSELS (Foothill Dispatch) - Twelve soldiers were
        freed in the exchange between Armenia and Azerbaijan") tells of their affair: its
        unnamed soldiers are of one of them, never of the dateline's country."""
        named = self._countries_of_the_lead()
        return len(named) >= 2 and self.dateline_countries[0] not in named

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
        "South Sudanese": the pair before the word alone); read once per token."""
        if token.i not in self._demonyms:
            self._demonyms[token.i] = self._read_demonym(token)
        return self._demonyms[token.i]

    def _read_demonym(self, token: Token) -> str | None:
        """``_demonym_at`` worked out, kept per demonym table by the two words' hashes (the
        reading depends on their texts alone; ``Token.orth`` is the hash of the text)."""
        demonyms = self.table.country_by_demonym
        kept = _DEMONYMS_READ.get(id(demonyms))
        if kept is None or kept[0] is not demonyms or len(kept[1]) >= WORD_READINGS_KEPT:
            if len(_DEMONYMS_READ) >= 8:  # an article's own table (a shared demonym chosen)
                _DEMONYMS_READ.clear()
            kept = _DEMONYMS_READ[id(demonyms)] = (demonyms, {})
        key = (self.tokens[token.i - 1].orth if token.i > 0 else -1, token.orth)
        if key not in kept[1]:
            kept[1][key] = _demonym_of_words(
                demonyms, self.tokens[token.i - 1].text if token.i > 0 else None, token.text
            )
        return kept[1][key]

    def _setting_country(self) -> str | None:
        """The country the article is set in: that of the first place it names (the dateline,
        or the first place in the lead), else the country it mentions most. A heading's place
        comes first; a gazetteer that has read the article's places
        (``places.GeocoderInContext``) knows the setting too. Rule "the-dateline-is-where-it-
        was-filed": a wire dateline yields to a place the lead says things happen in
        ("BEIRUT (Kestrel) - A nationwide truce in Syria ...": 'government forces' are Syria's,
        not Lebanon's)."""
        if self.heading_countries:
            return self.heading_countries[0]
        read = getattr(self.gazetteer, "setting_country", None)
        if read:
            return read
        if self.dateline_countries:
            scene = self._lead_scene_country() or self._lead_country_abroad()
            if scene is None and self._lead_names_other_sides():
                return None
            return scene or self.dateline_countries[0]
        for ent in self.doc.ents:
            if (
                ent.label_ in {"GPE", "LOC", "FAC"}
                and not any(t.i in self.people_tokens for t in ent)
                and not self._is_stance(ent)
            ):
                whole = _whole_country_name_at(self.table, doc_text(self.doc), ent.start_char)
                if whole and len(whole[0]) > len(ent.text):  # "Guinea" of "Guinea-Bissau"
                    return whole[1]
                place = self.gazetteer.geocode(ent.text)
                if place is not None and place.country:
                    return place.country
        named = Counter(m.actor.country for m in self.mentions if m.why in {"country", "metonym"})
        if named:  # "Cameroon: Boko Haram fighters ...": the country named, not the group's home
            return named.most_common(1)[0][0]
        parties = main_parties(self.mentions)
        if parties:
            return parties[0]
        for token in self.tokens:  # "the Kenya Anti-Corruption Commission" names no place
            found = self.table.country_by_name.get(fold(token.text))
            if found and token.pos_ == "PROPN" and token.i not in self.people_tokens:
                return found
        return None

    def _resolve_unnamed_groups(self) -> None:
        """ "14 civilians", "the army", "police", "a journalist", "the Interior Ministry": people
        and bodies the text names by a common noun belong to the country whose they are said to
        be ("soldiers" after "the Israeli military"), else to the scene's (rule "scene country",
        marked by ``why``)."""
        country = self._setting_country()
        if country is not None:
            self._place_government_bodies(country)
        for token in self.tokens:
            sector = self.nouns.sector_of(self.nouns.unnamed, token) or _crowd_of_a_number(token)
            if sector is None or token.i in self.covered or self._first_of_a_pair(token):
                continue
            if sector == "CVL" and token.pos_ == "ADJ":
                continue  # "local officials", "civilian officials": a kind of official, no group
            if self._belongs(token):  # rule "belonging": "army positions", "a military base"
                span = self.doc[token.i : token.head.i + 1]
                if token.head.lemma_.lower() in self.nouns.installations:
                    owner = self._scene_country(self.sentences[token.i]) or country
                else:
                    owner = self._owner_country(token, sector) or self._state_country(
                        token, country
                    )
                if owner is not None and not any(t.i in self.covered for t in span):
                    self._add(self.table.group(owner, sector), span, "belonging")
                continue
            group_word = _is_common_noun(token) or _armed_group_adjective(token, sector)
            if not group_word or self._describes_a_thing(token):
                continue  # "army chief X", "fighter jets", "a refugee camp": it modifies a noun
            if (
                token.lemma_.lower() in MASS_NOUNS
                and token.tag_ == "NN"
                and not list(children_of(token))
            ):
                continue  # "threatened to use force", "by force": violence, not an army
            if token.lemma_.lower() in self.nouns.captive and token.dep_ != "nsubj":
                continue  # "a swap of 1,000 prisoners": what is exchanged, not who acts
            left = self.doc[token.left_edge.i : token.i]
            if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in left):
                continue  # "its forces": whose they are is the speaker's (_resolve_own_group)
            if sector == "MIL" and any(t.lower_ in self.nouns.communal for t in left):
                sector = "REB"  # "Moslem forces", "Tamil fighters"
            if any(t.i in self.covered for t in left):
                leader = self._persons_country(token)
                if leader is not None:  # "Nawaz Sharif's government": Pakistan's, not Sharif
                    self._add(
                        self.table.group(leader, sector),
                        self.doc[token.i : token.i + 1],
                        PERSONS_GROUP_WHY,
                    )
                continue  # "RSF fighters", "Hamas-led militants": the named group is the actor
            origin = [  # "the army of X"; not "accused the army of bombing", a deed
                c
                for c in children_of(token)
                if c.dep_ == "prep"
                and c.lower_ in {"of", "from"}
                and any(g.dep_ == "pobj" for g in children_of(c))
            ]
            if origin:
                # "the army of X" (X an actor) is X's; "inhabitants of the Golan" the place's
                home = self._place_country(origin[0]) or self._owner_of(origin[0])
                if home is not None:
                    span = self.doc[token.left_edge.i : token.i + 1]
                    self._add(self.table.group(home, sector), span, "group of a place")
                continue
            local = token.lemma_.lower() in LOCAL_AUTHORITIES and token.tag_ == "NNS"
            bare = left[:1].text.lower() != "the"
            if token.lemma_.lower() in DESCRIPTION_ONLY and bare and not local:
                continue  # "authorities said", "regional authorities" are the place's
            span = self.doc[token.left_edge.i : token.i + 1]
            partner = self._national_partner(token, sector)
            if partner is not None:  # "Kenyan troops and police": Kenyan police
                self._add(self.table.group(partner, sector), span, COORDINATED_GROUP_WHY)
                continue
            owner = self._owner_country(token, sector)
            if owner is not None:
                self._add(self.table.group(owner, sector), span, "unnamed group")
                continue
            scene = self._state_country(token, country, sector)
            settling = self._settling_state(token, scene)
            if settling is not None:
                self._add(self.table.group(settling, sector), span, SETTLERS_WHY)
            elif scene is not None:
                self._add(self.table.group(scene, sector), span, SCENE_WHY)
            else:  # no place anywhere: "the rebels" are still rebels, of no known country
                self._add(self.table.unplaced_group(sector), span, "unnamed group, no place")

    def _settling_state(self, token: Token, scene: str | None) -> str | None:
        """Rule "settlers-are-the-settling-state's": settlers named with no nationality, in a
        territory another state settles ("Settlers raided Al Mughayyir (Ramallah)"), are that
        state's civilians, not the scene's people they act against."""
        lemma = token.lemma_.lower()
        if token.tag_ == "NNPS" and lemma == token.lower_:
            lemma = lemma.removesuffix("s")  # rule "plural-read-as-a-name", as in sector_of
        if lemma not in self.nouns.settlers:
            return None
        return self.nouns.settled_by.get(scene) if scene is not None else None

    def _resolve_members_of_named_groups(self) -> None:
        """Rule "members-name-their-group": unnamed fighters ("17 rebels", "militants",
        "gunmen") whose own phrase names an armed group of the dictionary, by the members it
        includes ("including two Taliban commanders", "including a top commander, Raul Reyes,
        of the Revolutionary Armed Forces of Colombia") or by where they come from ("five
        gunmen from the Islamic Jihad group"), are that group, not the scene's rebels."""
        for position, mention in enumerate(self.mentions):
            actor = mention.actor
            unnamed = is_national_group(actor.id) or actor.id.startswith("unplaced-")
            if actor.sector not in NON_STATE_ARMED or not unnamed:
                continue
            span = self.doc.char_span(mention.start, mention.end)
            group = self._group_named_by_members(span.root) if span is not None else None
            if group is not None:
                self.mentions[position] = replace(mention, actor=group, why=MEMBERS_WHY)

    def _resolve_the_storys_armed_group(self) -> None:
        """Rule "the-storys-armed-group": where a story's lead names one armed group and no
        other, and the story names no other of its country, the rebels it places only by its
        scene are that group ("Rebels in the Central African Republic say ..." before "the
        Seleka rebel coalition"; "the rebels' attacks" in a story of the Shining Path's
        ambush; "rebel-held territory" in one of the Tamil Tigers). A group first named late
        is not the story's ("Misuari is linked to the Abu Sayyaf group, which is also ..."),
        nor is one named in a lead beside another ("ISIL ... pulling out", "al-Nusra")."""
        named: dict[tuple[str | None, str | None], set[str]] = {}
        lead: dict[str, Actor] = {}
        for mention in self.mentions:
            actor = mention.actor
            armed = actor.kind in {"group", "organisation"} and actor.sector in NON_STATE_ARMED
            if armed and actor.id in self.table.actors and not is_national_group(actor.id):
                named.setdefault((actor.country, actor.sector), set()).add(actor.id)
                if mention.sentence_index < STORY_LEAD_SENTENCES:
                    lead.setdefault(actor.id, actor)
        if len(lead) != 1:
            return
        [group] = lead.values()
        for position, mention in enumerate(self.mentions):
            actor = mention.actor
            if mention.why not in STORY_GROUP_READINGS or not is_national_group(actor.id):
                continue
            if named.get((actor.country, actor.sector)) == {group.id}:
                self.mentions[position] = replace(mention, actor=group, why=STORY_GROUP_WHY)

    def _group_named_by_members(self, noun: Token) -> Actor | None:
        """The named armed group in the "including ..." or "from/of ..." phrase of a noun of
        fighters; a "from" or "of" right after the noun that the parser hung on the verb
        ("killing five gunmen from the Islamic Jihad group") is still the noun's."""
        phrases = [c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS]
        following = noun.nbor() if noun.i + 1 < len(self.doc) else None
        if (
            following is not None
            and following.dep_ == "prep"
            and following.lower_ in {"from", "of"}
            and following.head.i == noun.head.i
        ):
            phrases.append(following)
        for phrase in phrases:
            for token in phrase.subtree:
                for found in self._covering(token):
                    actor = found.actor
                    named = actor.id in self.table.actors and not is_national_group(actor.id)
                    armed = actor.sector in NON_STATE_ARMED
                    if named and armed and actor.kind in {"group", "organisation"}:
                        return actor
        return None

    def _national_partner(self, token: Token, sector: str) -> str | None:
        """Rule "coordinated-with-a-national-group": a bare group noun joined by "and" to a
        group named by its nationality shares it ("Thai villagers and police", "Kenyan troops
        and police"), wherever the sentence's places are; not across the sides of a fight
        ("Israeli troops and militants")."""
        if token.dep_ != "conj" or any(c.dep_ in {"amod", "compound"} for c in children_of(token)):
            return None
        for mention in self._covering(token.head):
            if mention.why != "nationality" or not mention.actor.country:
                continue
            if NON_STATE_ARMED & {sector, mention.actor.sector}:
                return None
            return mention.actor.country
        return None

    def _first_of_a_pair(self, token: Token) -> bool:
        """ "opposition forces", "army officials": a noun that with the noun it modifies makes
        a two-word entry is read with it, not alone."""
        head = token.head
        if token.dep_ not in {"compound", "amod"} or head.i != token.i + 1:
            return False
        pair = f"{token.lemma_.lower()} {head.lemma_.lower()}"
        return pair in self.nouns.unnamed or pair in self.nouns.nationality

    def _state_country(
        self, token: Token, story: str | None, sector: str | None = None
    ) -> str | None:
        """The country an unnamed group of ``token``'s sector (or the ``sector`` it was read
        as: "Kurdish forces" are a militia) belongs to by default: the story's for a government
        or army ("France will contribute 4,000 troops in Liberia"), the scene's for everyone
        else ("Kurdish forces" in a story on Turkey's strikes in Syria are Syria's)."""
        local = token.lemma_.lower() in LOCAL_AUTHORITIES and token.tag_ == "NNS"
        sector = sector or self.nouns.sector_of(self.nouns.unnamed, token)
        if sector in STORY_SECTORS and not local:
            return story or self._scene_country(self.sentences[token.i])
        scene = self._scene_country(self.sentences[token.i])
        if scene is None and sector in VICTIM_SECTORS:
            # rule "victims' country": "A Russian missile strike on Kharkiv killed 12 people"
            # names the place, if unconfirmed; the story's country may be the attacker's
            sentence = self.sentence_spans[self.sentences[token.i]]
            scene = self._unconfirmed_place_country(sentence)
        return scene or story

    def _describes_a_thing(self, token: Token) -> bool:
        """A group noun that only describes the noun after it: a weapon ("fighter jets"), a
        place ("a refugee camp") or a named person's title ("army chief Burhan")."""
        noun = token.head
        if token.dep_ not in {"compound", "amod"} or noun.i < token.i:
            return False
        lemma = noun.lemma_.lower()
        if lemma in self.nouns.weapons or lemma in PLACE_NOUNS:
            return True
        return any(c.pos_ == "PROPN" for c in children_of(noun) if c.i > noun.i) or (
            noun.dep_ == "compound" and noun.head.pos_ == "PROPN"
        )

    def _belongs(self, token: Token) -> bool:
        """ "an opposition commander", "army positions", "a military base": a noun or adjective
        of a group in front of a noun that stands for the group (its member, place or unit),
        with no name of its own after it ("army chief Burhan" is Burhan)."""
        noun = token.head
        if token.dep_ not in {"compound", "amod"} or noun.i < token.i or noun.pos_ != "NOUN":
            return False
        if noun.lemma_.lower() not in self.nouns.members | self.nouns.installations:
            return False
        named = any(c.pos_ == "PROPN" for c in children_of(noun) if c.i > noun.i)
        return not named and not (noun.dep_ == "compound" and noun.head.pos_ == "PROPN")

    def _resolve_office_holders(self) -> None:
        """Rule "office-holder": a country's office named with the country in front ("Burkina
        Faso's president", "the U.S. president", "Greece's prime minister") is the person who
        held it on the day the text tells of, when the dictionary knows exactly one; anything
        else in front ("its former president", "opposition leader") keeps it a description."""
        for token in self.tokens:
            if token.i in self.covered or token.tag_ != "NN" or not token.is_lower:
                continue
            found = self._office_named(token)
            if found is None:
                continue
            code, office = found
            actor = self.table.holder_of(code, self.nouns.offices[office], self.published)
            if actor is None:
                continue
            span = self.doc[token.i - office.count(" ") : token.i + 1]
            self.people[fold(actor.name)] = actor
            self._add(actor, span, "office holder")

    def _office_named(self, noun: Token) -> tuple[str, str] | None:
        """(country code, office) for "the U.S. president", "Burkina Faso's prime minister":
        "the" or nothing, the country (a name, or a nationality word), its "'s", the office."""
        left = list(self.doc[noun.left_edge.i : noun.i])
        country_at = [i for i, t in enumerate(left) if self._state_code_at(t) is not None]
        if not country_at:
            return None
        first, last = country_at[0], country_at[-1]
        if any(t.lower_ != "the" for t in left[:first]):
            return None
        words = [t for t in left[last + 1 :] if t.tag_ != "POS"]
        office = " ".join([*(t.lower_ for t in words), noun.lower_])
        if office not in self.nouns.offices:
            return None
        code = self._state_code_at(left[last])
        if any(self._state_code_at(t) not in {None, code} for t in left[first:last]):
            return None  # "the Turkish-Libyan ..." names two
        return (code, office) if code is not None else None

    def _state_code_at(self, token: Token) -> str | None:
        """The country a word names as a state: covered by a country's mention, or a
        nationality word not inside a name."""
        for mention in self._covering(token):
            if mention.actor.kind == "state" and mention.actor.country:
                return mention.actor.country
        if token.i in self.covered or token.ent_type_ in {"ORG", "PERSON"}:
            return None
        return self._demonym_at(token)

    def _resolve_role_descriptions(self) -> None:
        """Rule "the-ministers-named-before": "the ministers", "the five leaders", "the
        diplomats" with no country of their own are those the text named just before: a group
        of that very noun ("23 Russian diplomats ... the diplomats had a week to leave"), else
        the states whose officials the last sentence naming two or more countries' officials
        named ("Foreign ministers of Greece, Cyprus and France met ... The ministers agreed")."""
        for token in self.tokens:
            if token.i in self.covered or token.tag_ != "NNS":
                continue
            lemma = token.lemma_.lower()
            if lemma not in REFERRING_ROLES:
                continue
            left = list(self.doc[token.left_edge.i : token.i])
            if not left or left[0].lower_ != "the" or any(t.i in self.covered for t in left):
                continue
            if any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in children_of(token)):
                continue  # "the leaders of France and Germany" name themselves
            span = self.doc[left[0].i : token.i + 1]
            actors = self._named_with_role(token, lemma)
            for actor in actors:
                self.mentions.append(_mention(actor, span, self.sentences, "role named before"))
            if actors:
                self.covered.update(range(span.start, span.end))

    def _named_with_role(self, token: Token, lemma: str) -> list[Actor]:
        """The actors "the <role>s" points back to (see ``_resolve_role_descriptions``): a
        group told with this very noun; else the states of the people named before with that
        role ("Egyptian foreign minister Sameh Shoukry and his Greek counterpart ..."); else of
        the officials of two or more countries the last such sentence named. A number in front
        ("the five leaders") must be how many there are."""
        wanted = _number_in_front(token)
        near = self._earlier(token, max_sentences=2)
        for mention in near:  # "23 Russian diplomats"
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.lemma_.lower() == lemma and mention.actor.country:
                return [mention.actor]
        holders: list[str] = []
        for mention in reversed(self._earlier(token, max_sentences=ROLE_SENTENCES)):
            actor = mention.actor
            holds = actor.kind in PERSON_KINDS and lemma in (actor.role or "").lower()
            if holds and actor.country and actor.country not in holders:
                holders.append(actor.country)
        by_sentence: dict[int, list[str]] = {}
        for mention in near:
            actor = mention.actor
            if actor.country and actor.sector == "GOV" and not _media(mention):
                codes = by_sentence.setdefault(mention.sentence_index, [])
                if actor.country not in codes:
                    codes.insert(0, actor.country)
        groups = [holders, *(by_sentence[i] for i in sorted(by_sentence, reverse=True))]
        for codes in groups:
            if len(codes) >= 2 and wanted in {None, len(codes)}:
                return [self.table.state(code) for code in codes]
        return []

    def _resolve_group_descriptions(self) -> None:
        """Rule "group description": "the group", "the militia", "the rebels" with nothing else
        in front point back to the organisation or armed group named in the few sentences
        before ("Hamas said ... the group would abide by the truce"); a noun of a sector ("the
        militia") only to one of that sector. Otherwise they are unnamed groups."""
        for token in self.tokens:
            lemma = token.lemma_.lower()
            if lemma not in self.nouns.description or token.i in self.covered:
                continue
            if not _is_common_noun(token) or token.dep_ in {"compound", "amod"}:
                continue
            left = self.doc[token.left_edge.i : token.i]
            if [t.lower_ for t in left] != ["the"]:
                continue
            sector = self.nouns.sector_of(self.nouns.unnamed, token)
            for mention in self._earlier(token, max_sentences=3):
                actor = mention.actor
                named = actor.kind == "organisation" or actor.id in self.table.actors
                if actor.kind not in {"organisation", "group"} or not named:
                    continue  # a state, a person, or an unnamed group itself
                if actor.sector in {"IGO", "GOV"} or _media(mention):
                    continue  # nor an outlet: "told Le Monde ... The group's spokesman said"
                if sector is None or actor.sector == sector:
                    self._add(actor, self.doc[token.i - 1 : token.i + 1], "description")
                    break

    def _scene_country(self, sentence: int) -> str | None:
        """Rule "scene country": the country of the place where what a sentence reports
        happens (the place the sentence names, else one named in the few sentences before, as
        the pipeline places events), or of a place described by nationality ("a Ukrainian
        city"); None when no sentence near it names a place."""
        for number in range(sentence, max(sentence - SCENE_SENTENCES, -1), -1):
            if number not in self.scenes:
                self.scenes[number] = self._place_country_of_sentence(number)
            if self.scenes[number] is not None:
                return self.scenes[number]
        return None

    def _place_country_of_sentence(self, number: int) -> str | None:
        sentence = self.sentence_spans[number]
        if self.prefer_countries is None:
            self.prefer_countries = countries_in(self.doc, self.gazetteer)
        people = [
            (self.tokens[i].idx, self.tokens[i].idx + len(self.tokens[i]))
            for i in self.people_tokens
        ]
        places = [
            place
            for place in places_in(sentence, self.prefer_countries, people, self.gazetteer)
            if place.country
            and not self._names_an_owner(place)
            and not self._destination_of_the_described(place)
        ]
        named = [p for p in places if p.country in self.prefer_countries]
        if named:  # rule "namesake-abroad": "the villages of Kerawa, Marina ... in the Igabi
            places = named  # district" of a Nigerian story: Marina, California is a namesake
        if places:  # the most specific, as the pipeline places events
            return min(places, key=lambda p: PRECISION_RANK.get(p.precision or "", 9)).country
        if not self.prefer_countries:  # a note naming no country: "in Tsafe (Zamfara)"
            code = self._unconfirmed_place_country(sentence)
            if code is not None:
                return code
        for token in span_tokens(sentence):  # "a strike on a Ukrainian city": the city's country
            head = token.head
            if token.dep_ == "amod" and head.lemma_.lower() in PLACE_NOUNS:
                code = self._demonym_at(token)
                if code is not None:
                    return code
        return None

    def _unconfirmed_place_country(self, sentence: Span) -> str | None:
        """The country of a name after a locative preposition ("near Gothèye", "in Tsafe")
        that the gazetteer knows, though the tagger did not call it a place and no country in
        the text confirms it (the pipeline's event place waits for such a confirmation; the
        scene of a terse note cannot). A region named decides over a town."""
        found: list[Place] = []
        for token in span_tokens(sentence):
            if token.pos_ != "PROPN" or token.i in self.people_tokens:
                continue
            if token.ent_type_ not in UNCONFIRMED_PLACE_LABELS or self._demonym_at(token):
                continue  # "on Monday", "the Thai border"
            if token.dep_ == "compound" and token.head.pos_ == "PROPN":
                continue  # not the last word of the name
            anchor = token
            for _ in range(3):  # "in Tsafe (Tsafe LGA, Zamfara)": the bracketed area too
                if anchor.dep_ not in {"appos", "npadvmod", "conj"}:
                    break
                anchor = anchor.head
            located = is_locative(anchor)  # "in Tsafe", "a strike on Kharkiv", "shelled Izium"
            located = located or (anchor.dep_ == "pobj" and anchor.head.lower_ == "between")
            area = PLACE_NOUNS | HEADING_WORDS  # "stormed Maru town (Maru LGA, Zamfara)"
            named_place = anchor.lemma_.lower() in area or (
                anchor.dep_ == "compound" and anchor.head.lemma_.lower() in area
            )
            if not (located or named_place):
                continue
            start = token.i
            while start > sentence.start and self.tokens[start - 1].dep_ == "compound":
                start -= 1
            name = self.doc[start : token.i + 1].text
            place = self.gazetteer.geocode(name, self.prefer_countries or ())
            if place is not None and place.country and place_key(place.name) == place_key(name):
                found.append(place)  # its own name: not "Borno" read as Borna (Germany)
        regions = [p for p in found if p.precision in {"region", "country"}]
        best = (regions or found)[:1]  # "Mangu town (Mangu LGA, Plateau)": the region decides
        return best[0].country if best else None

    def _destination_of_the_described(self, place: Place) -> bool:
        """Rule "destination-is-no-scene": where people or things a participle describes were
        going ("opened fire on pilgrims travelling by bus to Iran through Pakistan") is not
        where the sentence's act happens (``places.is_a_destination_on_the_way``)."""
        span = self.doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
        return span is not None and is_a_destination_on_the_way(span.root)

    def _names_an_owner(self, place: Place) -> bool:
        """ "at a US base in Syria": a place name in front of a noun says whose it is, not
        where it is."""
        span = self.doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is None or root.dep_ not in {"compound", "amod"} or root.head.i < root.i:
            return False
        # "Bokkos LGA", "Maru town": a place with its admin or settlement word, not an owner
        return root.head.lower_ not in ADMIN_UNIT_WORDS and root.head.lower_ not in PLACE_NOUNS

    def _place_country(self, preposition: Token) -> str | None:
        """The country of the place an "of"/"from" phrase names, unless it names an actor."""
        objects = [c for c in children_of(preposition) if c.dep_ == "pobj"]
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
        for pobj in children_of(preposition):
            if pobj.dep_ == "pobj" and (country := self._country_at(pobj)):
                return country
        return None

    def _persons_country(self, noun: Token) -> str | None:
        """Rule "a person's body": a body a person owns ("Prime Minister Nawaz Sharif's
        government", "Johnson's government", "President Nicolas Maduro's government") is a
        body of that person's country, not the person: the country, or None when the
        possessor is no person of a known country."""
        owner = next((c for c in children_of(noun) if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None:
            return None
        people = [m.actor for m in self._covering(owner) if m.actor.kind in PERSON_KINDS]
        return people[0].country if people else None

    def _owner_country(self, noun: Token, sector: str) -> str | None:
        """Whose unnamed body this is: "Israeli officials said the government was ..." means
        Israel's government; "soldiers" after "the Israeli military" are Israel's."""
        if sector == "GOV":
            node = noun
            while node.head != node:
                if node.dep_ == "ccomp":
                    subjects = [
                        c for c in children_of(node.head) if c.dep_ in {"nsubj", "nsubjpass"}
                    ]
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
        if sector in POLICED_SECTORS:
            police = self._police_country(noun)
            if police is not None:
                return police
        return self._partner_country(noun, sector)

    def _partner_country(self, noun: Token, sector: str) -> str | None:
        """Rule "a-pair-of-one-country": an unarmed body coordinated with a body of a named
        country ("Venezuela's government and the opposition reached a deal in Barbados") is of
        that country, not of the venue; armed men may be the other side ("Russian troops and
        the rebels"), so they keep the scene's."""
        if noun.dep_ != "conj" or sector in ARMED_SECTORS:
            return None
        partner = noun.head
        return self._country_at(partner) if partner.pos_ in {"NOUN", "PROPN"} else None

    def _police_country(self, noun: Token) -> str | None:
        """Rule "police act at home": people the sentence's police or courts of a named country
        act on ("Kenyan police arrested 45 protesters", "... detained the opposition leader")
        are of that country, whatever place an earlier sentence named."""
        sentence = self.sentences[noun.i]
        for mention in self.mentions:
            home = mention.actor.country
            same = mention.sentence_index == sentence and mention.start < noun.idx
            if (
                same
                and home
                and mention.actor.sector in DOMESTIC_FORCES
                and mention.why != SCENE_WHY
            ):
                return home
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
                bodies = self._bodies_in_title(mention)
                own = None if bodies else self._country_spoken_for(mention)
                if bodies:  # rule the-body-in-the-title-says-the-country
                    placed, why = replace(actor, country=bodies[0].actor.country), BODY_TITLE_WHY
                else:
                    placed = replace(actor, country=own or country)
                    why = "speaks for the subject" if own else UNPLACED_OFFICIAL_WHY
                self.mentions[position] = replace(mention, actor=placed, why=why)

    def _bodies_in_title(self, mention: ActorMention) -> list[ActorMention]:
        """Rule "the-body-in-the-title-says-the-country": a person titled by a role in a body
        ("State Department spokesman, Sean McCormack said", the title the parser splits from
        the name at the comma; "Suhas Chakma, the director of the Asian Center for Human
        Rights") is of the body's country, or of none when the body has none, not of the
        setting's: the title says whom he speaks for. The bodies named in the role noun's
        phrase: in apposition after the name, or the subject just before it."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return []
        name = span.root
        titles = [c for c in children_of(name) if c.dep_ == "appos"]
        before = self.tokens[span.start - 2] if span.start >= 2 else None
        split = (
            before is not None
            and self.tokens[span.start - 1].text == ","
            and before.dep_ == name.dep_ == "nsubj"
            and before.head == name.head
        )
        if split:
            titles.append(before)
        return [
            found
            for title in titles
            if title.lemma_.lower() in APPOSITION_ROLES
            for word in title.subtree
            for found in self._covering(word)
            if found.actor.kind in {"organisation", "state"}
        ][:1]

    def _country_spoken_for(self, mention: ActorMention) -> str | None:
        """Rule speaks-for-the-subject: "The White House rejected the remarks, with spokesman
        John Kirby saying ...": an official with no country of his own who speaks in a clause
        hung on another is the spokesman of that clause's subject, of its country (not the
        story's: the story was filed from Beijing)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        speech = span.root.head
        if (
            span.root.dep_ != "nsubj"
            or speech.tag_ != "VBG"
            or speech.dep_ not in {"advcl", "pcomp"}
        ):
            return None
        clause = speech.head.head if speech.dep_ == "pcomp" else speech.head
        subjects = [c for c in children_of(clause) if c.dep_ == "nsubj"]
        for subject in subjects:
            for other in self._covering(subject):
                if other.actor.country and other.actor.kind != "person":
                    return other.actor.country
        return None

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
        part in the same sentence as another actor ("Bush threatened action against Russia").
        Rule "a-person-of-no-title-is-the-settings": so is a person named with nothing that
        tells a country or a sector ("The attacker, identified as Sudesh Amman", "Stefan W",
        "local counsellor Dayyabu Kerawa", "Captain Bill Sparks"): people a report names
        are mostly of the country it is set in; a role, a possessor or a body named beside them
        says otherwise (the-possessors-person reads it over this guess)."""
        actor = mention.actor
        if actor.kind != "person" or actor.country or actor.sector not in UNPLACED_SECTORS:
            return False
        for other in self.mentions:
            if other.sentence_index != mention.sentence_index or other.actor.country != country:
                continue
            if other.actor.kind == "person":
                continue  # "Prime Minister X offered to resign, Ukrainian President Y said"
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
        # only a noun an "-led" hangs on can be led: look at their children alone
        led_nouns = {t.head.i for t in self.tokens if t.lower_ == "led" and t.dep_ == "amod"}
        for token in self.tokens:
            if token.i in self.covered:
                continue
            # rule "coalition": "the US-led coalition"
            led = self._led_by(token, states) if token.i in led_nouns else None
            if led is not None:
                sector = "MIL" if token.lemma_.lower() in self.nouns.coalitions else None
                sector = sector or self.nouns.sector_of(self.nouns.nationality, token)
                if sector is not None and sector != "GOV":
                    group = self.table.group(led.actor.country, sector)
                    self._add(group, self.doc[token.left_edge.i : token.i + 1], "coalition")
                continue
            sector = self.nouns.sector_of(self.nouns.nationality, token)
            if sector is None or self._is_title_of_named(token):
                continue  # a government body too: "Russia's defence ministry said it ..." is
            if sector in {"GOV", "MIL"}:  # "Uganda's opposition leader", "Syria's rebel chiefs"
                in_front = (c for c in children_of(token) if c.i < token.i)
                sector = _descriptor_sector(in_front, self.nouns) or sector
            for child in children_of(token):  # the ministry speaking, a subject "it" can point to
                state = states.get(child.idx)
                if state is not None and child.dep_ in {"compound", "poss", "nmod"}:
                    group = self.table.group(state.actor.country, sector)
                    self._add(group, self.doc[token.i : token.i + 1], "country + group noun")
                    break

    def _is_title_of_named(self, noun: Token) -> bool:
        """ "Washington's special envoy Keith Kellogg": the noun is the title of the person
        named next to it (the name it is a compound of, or in apposition to), not a body."""
        if noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.i in self.covered:
            return True
        return any(child.dep_ == "appos" and child.i in self.covered for child in children_of(noun))

    @staticmethod
    def _led_by(noun: Token, states: dict[int, ActorMention]) -> ActorMention | None:
        """The state in "the US-led coalition", "Russia-led forces" (an "-led" in front)."""
        for led in children_of(noun):
            if led.dep_ == "amod" and led.lower_ == "led" and led.i < noun.i:
                for child in children_of(led):
                    if child.dep_ == "npadvmod" and child.idx in states:
                        return states[child.idx]
        return None

    def _both_sides(self) -> list[Actor]:
        """The two parties "both sides" means (``story_sides``)."""
        return story_sides(self.mentions, self.table)

    def _resolve_both_sides(self) -> None:
        parties = self._both_sides()
        if len(parties) < 2:
            return
        for token in self.tokens:
            if token.lower_ not in BOTH_SIDES_OPENERS or token.i in self.covered:
                continue
            head = token.head
            start = (
                token.i - 1 if token.i > 0 and self.tokens[token.i - 1].lower_ == "the" else token.i
            )
            span = self.doc[start : head.i + 1]
            if fold(span.text) in BOTH_SIDES_FOLDED:
                for party in parties:
                    self.mentions.append(_mention(party, span, self.sentences, "both-sides"))
                self.covered.update(range(span.start, span.end))

    # coreference -----------------------------------------------------------------------------
    def _resolve_pronouns_and_descriptions(self) -> None:
        for token in self.tokens:
            if token.i in self.covered:
                continue
            lower, dep = token.lower_, token.dep_  # read once: spaCy makes a new string each time
            if lower == "it" and dep == "nsubj":
                antecedent = self._collective_antecedent(token)
                if antecedent is not None:
                    self._add(antecedent.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif lower == "they" and dep in {"nsubj", "nsubjpass"}:
                antecedent = self._reporting_subject(token)
                if antecedent is not None:  # "farmers said they would blockade Paris"
                    for mention in self._same_subject(antecedent):
                        self._add(mention.actor, self.doc[token.i : token.i + 1], "pronoun")
                else:
                    for mention in self._previous_collective_subject(token):
                        self._add(mention.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif lower in {"their", "its"} and dep == "poss":
                self._resolve_own_group(token)
            elif lower == "them" and dep in {"dobj", "dative"}:
                for mention in self._group_named_before(token):
                    self._add(mention.actor, self.doc[token.i : token.i + 1], "pronoun")
            elif lower == "we" and dep in {"nsubj", "nsubjpass"}:
                for mention in self._statement_issuer(token):
                    self._add(mention.actor, self.doc[token.i : token.i + 1], ISSUER_WHY)
            elif lower in SPEAKER_POSSESSIVES and dep == "poss":
                named = self._resolve_own_group(token)  # "Uribe said his military used ..."
                if not named and lower in PERSON_PRONOUNS:
                    self._resolve_person_pronoun(token)
            elif lower in PERSON_PRONOUNS and token.pos_ == "PRON":
                self._resolve_person_pronoun(token)
            elif lower in BODY_NOUNS and token.i > 0 and self.tokens[token.i - 1].lower_ == "the":
                body = self._body_named_before(token)
                if body is not None:
                    self._add(body.actor, self.doc[token.i - 1 : token.i + 1], BODY_WHY)
            elif lower in ROLE_NOUNS and token.i > 0 and self.tokens[token.i - 1].lower_ == "the":
                antecedent = self._described(token)
                if antecedent is not None:
                    span = self.doc[token.i - 1 : token.i + 1]
                    self._add(antecedent.actor, span, "description")

    def _statement_issuer(self, we: Token) -> list[ActorMention]:
        """Rule "the-statement's-we-is-its-issuer": a press statement names its issuer as the
        subject of its first sentence ("The United States welcomes the agreement ...") and
        then speaks as "we" in its own voice ("We also commend the important roles played by
        Qatar", "We call on both parties to ...", "We urge all the parties to exercise
        restraint"); a "we" outside any quotation is that issuer. A "we" in quoted words is
        the speaker's (rule "we-is-the-speakers-side")."""
        if self._inside_quotation(we) or not self.sentence_spans:
            return []
        first = self.sentence_spans[0]
        if we.i < first.end:
            return []
        subjects = [t for t in children_of(first.root) if t.dep_ == "nsubj"]
        if not subjects:
            return []
        issuers = [m for m in self._covering(subjects[0]) if m.actor.kind in ISSUER_KINDS]
        return _one_per_actor(issuers)

    def _inside_quotation(self, token: Token) -> bool:
        """Is the token inside quoted words: an opening mark before it in its paragraph that
        no closing mark has closed (a quote running over several sentences counts)?"""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, token.idx) + 1
        before = text[start : token.idx]
        straight = before.count('"') % 2 == 1
        return straight or before.count("\u201c") > before.count("\u201d")

    def _reporting_subject(
        self, pronoun: Token, attacker: Token | None = None, reach: int = 4, persons: bool = False
    ) -> ActorMention | None:
        """The group or state that said the clause a pronoun opens: in "Rebels said they would
        attack", "they" are the rebels (the subject of the verb the clause hangs on). The
        subject of ``attacker``, the verb whose force falls on the pronoun's place, is passed
        over. With ``persons`` (a "his" or "her") the one who says it may be a person, named
        in the subject or beside it ("the top commander ..., General Vladimir Boldyrev")."""
        node = pronoun.head
        for _ in range(reach):  # the nearest clause above that has a collective subject
            if node.head.i == node.i:
                return None
            node = node.head
            if node == attacker:
                continue
            for subject in children_of(node):
                if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.i == pronoun.i:
                    continue
                if pronoun.lower_ == "its" and subject.tag_ in {"NNS", "NNPS"}:
                    continue  # "Azerbaijan said Armenian forces fired on its positions"
                if persons and subject.tag_ in {"NNS", "NNPS"}:
                    continue  # "his", "her": one who speaks
                words = [subject]
                if persons:
                    words += [a for a in children_of(subject) if a.dep_ == "appos"]
                kinds = COLLECTIVE_KINDS | PERSON_KINDS if persons else COLLECTIVE_KINDS
                for mention in (m for word in words for m in self._covering(word)):
                    if mention.actor.kind in kinds:
                        return mention
        return None

    def _same_subject(self, mention: ActorMention) -> list[ActorMention]:
        """Every group, state or organisation named with ``mention`` in one subject ("The
        British, French and German foreign ministers"), each actor once."""
        found = [
            m
            for m in self.mentions
            if (m.start, m.end) == (mention.start, mention.end) and m.actor.kind in COLLECTIVE_KINDS
        ]
        return _one_per_actor(found) or [mention]

    def _previous_collective_subject(self, pronoun: Token) -> list[ActorMention]:
        """Rule "they continue the story": a "they" that opens a sentence's main clause with no
        speaker above it is the plural doer of the sentence before ("The foreign ministers
        said ... They also called on Tehran ..."): every group, state or organisation named
        in its main subject, else in the plural subject of one of its clauses (rule
        "they-are-the-doers-before": "The invitation came as Tamil Tiger rebels accused the
        military ... They also alleged ..."), or the people of a subject that pairs them
        ("Sudanese President Omar al-Bashir and South Sudanese President Salva Kiir plan to
        sign the deal ... They held four days of talks")."""
        number = self.sentences[pronoun.i]
        if number == 0 or pronoun.head.dep_ != "ROOT":
            return []
        opening = self.doc[self.sentence_spans[number].start : pronoun.i]
        if any(t.text in QUOTE_MARKS for t in opening):
            return []  # "“They started shooting ...,” said a witness": the speaker's they
        previous = self.sentence_spans[number - 1]
        main = [t for t in children_of(previous.root) if t.dep_ in {"nsubj", "nsubjpass"}]
        clauses = [t for t in previous if t.dep_ in {"nsubj", "nsubjpass"} and t not in main]
        for subject in [*main[:1], *clauses]:
            found = self._plural_doers(subject)
            if found:
                return found
        return []

    def _plural_doers(self, subject: Token) -> list[ActorMention]:
        """The groups, states or organisations a plural subject names, or the people a
        coordinated subject pairs ("X and Y"); nothing for a singular subject."""
        paired = any(c.dep_ == "conj" for c in children_of(subject))
        if subject.tag_ not in {"NNS", "NNPS"} and not paired:
            return []  # a singular subject is no "they"
        start, end = self.tokens[subject.left_edge.i].idx, self.tokens[subject.right_edge.i].idx
        inside = [m for m in self.mentions if start <= m.start <= end]
        found = [m for m in inside if m.actor.kind in COLLECTIVE_KINDS]
        if not found and paired:
            found = [m for m in inside if m.actor.kind in PERSON_KINDS]
        return _one_per_actor(found)

    def _group_named_before(self, pronoun: Token) -> list[ActorMention]:
        """Rule "them-is-the-group-named-before": an object "them" is the nearest group named
        earlier in its sentence (a plural, or a named group) that is not the subject of its
        own clause (that would be "themselves"): "Yemen and the Saudi-led coalition fighting
        the Houthis accuse them of ..." (the Houthis), "dismissed rebels' claims and accused
        them of ..." (the rebels). A state is never "them" alone."""
        from accord.extract.events.syntax import top_of_chain  # extract imports this module

        clause = top_of_chain(pronoun.head)
        subjects = [c for c in children_of(clause) if c.dep_ in {"nsubj", "nsubjpass"}]
        own = {t.i for subject in subjects for t in (subject, *subject.conjuncts)}
        number = self.sentences[pronoun.i]
        before = []
        for mention in self.mentions:
            if mention.sentence_index != number or mention.start >= pronoun.idx:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.actor.kind not in COLLECTIVE_KINDS:
                continue
            plural = span.root.tag_ in {"NNS", "NNPS"} or mention.actor.kind == "group"
            if plural and span.root.i not in own:  # "the Houthis", "the Taliban": a group
                before.append(mention)
        return [max(before, key=lambda m: m.start)] if before else []

    def _resolve_person_pronoun(self, pronoun: Token) -> None:
        antecedent = self._antecedent(pronoun)
        if antecedent is not None:
            self._add(antecedent.actor, self.doc[pronoun.i : pronoun.i + 1], "pronoun")

    def _resolve_own_group(self, possessive: Token) -> bool:
        """ "Bosnian Serbs said their forces had withdrawn": the forces of whoever is speaking;
        "Russia's defense minister says his country's forces have completed their withdrawal",
        "General Vladimir Boldyrev said his forces will need": a "his" or "her" is the one
        person or body that says it (rule his-forces-are-the-speaker's). Rule
        "attacked-in-their-own-place": a place attacked is not the attacker's ("the rebels
        said government troops attacked their positions": the rebels'), and an armed group's
        place stands for the group itself. True when it named the forces."""
        noun = possessive.head
        speaker = possessive.lower_ in SPEAKER_POSSESSIVES
        if speaker and noun.lemma_.lower() in HOMELAND_NOUNS and noun.dep_ == "poss":
            noun = noun.head  # "his country's forces": the forces of the speaker's country
        attacker = None if speaker else self._attacker_of_place(noun)
        sector = self.nouns.sector_of(self.nouns.nationality, noun)
        if sector is None and attacker is not None and self._is_installation(noun):
            sector = "MIL"  # "attacked their stronghold": whoever holds it
        if sector is None or noun.i in self.covered:
            return False
        state = sector == "GOV" and noun.lemma_.lower() in STATE_NOUNS
        if sector == "GOV" and not state:
            return False
        if attacker is None:
            owner = self._reporting_subject(possessive, persons=speaker)
            if owner is None and state and speaker:
                owner = self._antecedent(possessive)  # "Uribe ... His government apologized"
        else:
            owner = self._reporting_subject(possessive, attacker, reach=ATTACKED_PLACE_REACH)
        if owner is None or not owner.actor.country:
            return False
        if attacker is not None and owner.actor.sector in NON_STATE_ARMED:
            actor = owner.actor  # "their stronghold": the rebels'
        else:
            actor = self.table.group(owner.actor.country, sector)
        why = "possessive of the speaker" if attacker is None else "attacked in their own place"
        self._add(actor, self.doc[possessive.i : noun.i + 1], why)
        return True

    def _is_installation(self, noun: Token) -> bool:
        return noun.lemma_.lower() in self.nouns.installations

    def _attacker_of_place(self, noun: Token) -> Token | None:
        """The verb whose subject uses force on ``noun`` ("troops attacked their positions",
        "resorted to unprovoked firing on their border posts"): the first word of force the
        noun hangs on as an object, and the verb with a subject above it."""
        node = noun
        for _ in range(ATTACKED_PLACE_REACH):
            if node.dep_ not in PLACE_OBJECT_DEPS or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in self.nouns.force:
                return _clause_with_subject(node)
        return None

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
        if pronoun.dep_ in {"dobj", "pobj", "dative"}:  # "Trump welcomed him": not Trump
            own = {id(m) for m in self._covering_subjects(pronoun)}
            candidates = [m for m in candidates if id(m) not in own]
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

    def _covering_subjects(self, pronoun: Token) -> list[ActorMention]:
        """The mentions of the subject of the clause an object pronoun is in: an object "him"
        or "her" never is its own clause's subject (the subject would say "himself")."""
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        subjects = [c for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
        return [m for subject in subjects for t in subject.subtree for m in self._covering(t)]

    def _reporting_speaker(self, pronoun: Token) -> ActorMention | None:
        """The one person who says the clause a "he"/"she" opens, when the subject of the
        reporting verb is a singular noun: "a journalist said she ...", "X said he would ..."."""
        clause = pronoun.head
        if clause.dep_ != "ccomp" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        for subject in children_of(clause.head):
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

    def _body_named_before(self, noun: Token) -> ActorMention | None:
        """Rule "the-body-named-before": "the coalition", "the agency", "the alliance" with
        nothing else in front point back to the nearest body named before whose own name
        holds that noun ("the Seleka rebel coalition ... The coalition says", "the U.N.
        refugee agency ... the agency also delivered", "an international coalition ... The
        coalition came to Iraq")."""
        for mention in self._earlier(noun, max_sentences=BODY_SENTENCES):
            if mention.actor.kind in COLLECTIVE_KINDS and noun.lower_ in self._name_words(mention):
                return mention
        return None

    def _name_words(self, mention: ActorMention) -> set[str]:
        """The words of a mention, with the noun it modifies ("Seleka" in "the Seleka rebel
        coalition" names a coalition)."""
        words = set(fold(mention.text).replace("-", " ").split())
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in {"compound", "amod", "nmod"}:
            words.add(span.root.head.lower_)
        return words

    def _described(self, noun: Token) -> ActorMention | None:
        """The actor a definite description ("the official") points back to."""
        for mention in self._earlier(noun, max_sentences=4):
            role = fold(mention.actor.role or "")
            if noun.lower_ in fold(mention.text).split() or noun.lower_ in role.split():
                return mention
        return None


NamesPattern = re.Pattern[str] | None  # a list of names as one pattern (None: no name)


def _any_of(*names: str, flags: int = 0) -> NamesPattern:
    """One pattern finding any of ``names`` as whole words: the same as searching for each in
    turn (an alternative that fails its closing word boundary gives way to the next)."""
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b", flags)


def _capital_names(country: Country) -> tuple[str, ...]:
    return tuple(name for name in (country.capital, *country.capital_aliases) if name)


def _text_names_its_own(table: ActorDictionary, code: str, shorts: set[str], text: str) -> bool:
    """Whether ``text`` names country ``code`` by a name it does not share (a full name, one of
    its people or groups, its capital), ``shorts`` being the shared names."""
    return any(pattern and pattern.search(text) for pattern in table.own_names(code, shorts))


def with_short_names_of(
    table: ActorDictionary, text: str, published: str | None = None
) -> ActorDictionary:
    """Rule "short-name-of-the-named": a short name two countries share means the one the
    text names in full ("the Democratic Republic of Congo ... Congo's president" is the DRC's,
    as wire style writes it after the first mention); the table itself when no text does.
    Rule "short-name-of-its-capital-or-people": or the one whose capital, or one of whose
    people or groups, the text names ("KINSHASA - ... Congo's President Felix Tshisekedi",
    "Congo's government and M23 rebels" are the DRC's: wire copy writes "Congo" for it with no
    full name at all).
    Rule "short-name-of-its-day": when the text names neither, the name means the country
    that has borne it in the news since its ``short_names_since`` day: after May 1997, when
    Zaire became the Democratic Republic of the Congo, wire style (AP, Reuters, VOA) writes a
    bare "Congo" for the DRC and "Republic of Congo", "Congo Republic" or "Congo-Brazzaville"
    for its neighbour, as the gazetteer already reads the place (before then "Congo" alone
    was Brazzaville's)."""
    shared: dict[str, str] = {}
    for code, shorts in table.short_names.items():
        folded = {fold(short) for short in shorts}
        rivals = {table.country_by_name.get(short) for short in folded} - {None, code}
        since = table.short_names_since.get(code)
        of_its_day = bool(published and since and published[:10] >= since) and not any(
            _text_names_its_own(table, rival, folded, text) for rival in rivals if rival
        )
        if _text_names_its_own(table, code, folded, text) or of_its_day:
            shared.update(dict.fromkeys(folded, code))
    if not shared:
        return table
    return replace(table, country_by_name={**table.country_by_name, **shared})


def with_shared_demonyms_of(table: ActorDictionary, text: str) -> ActorDictionary:
    """Rule "a-shared-demonym-is-the-story's-country": a demonym one country lists as its own
    and another shares (``demonyms_shared``: "Guinean" is Guinea's and Guinea-Bissau's,
    "Congolese" the DRC's and the Republic of the Congo's, "Dominican" the Dominican Republic's
    and Dominica's) means the one of them the text names most, by its names, capital or its
    people and groups ("the Republic of Congo's election ... The Congolese government says":
    Brazzaville's government, in VOA's report), a name read whole ("Guinea-Bissau", "Papua
    New Guinea" do not name Guinea) and a short name as ``with_short_names_of`` read it; the
    owner's when the text names neither more (the table itself then)."""
    rivals = _shared_demonyms_written(table, _folded_whole(text, table))
    if not rivals:
        return table
    named = _countries_named(table, text)
    chosen: dict[str, str] = {}
    for demonym, codes in rivals.items():
        for code in codes:
            people = _any_of(*table.people_of(code))
            named[code] += len(people.findall(text)) if people else 0
        best = max(codes, key=lambda code: named[code])  # the owner on a tie
        if best != codes[0]:
            chosen[demonym] = best
    if not chosen:
        return table
    return replace(table, country_by_demonym={**table.country_by_demonym, **chosen})


def _folded_whole(text: str, table: ActorDictionary) -> str:
    """``text`` as ``fold`` would fold it, for finding a shared demonym in it: an ASCII text
    only lower-cased when no shared demonym holds a space (the same letters; ``fold``'s walk
    over every character costs about a millisecond an article), else folded whole, uncached."""
    spaced = any(" " in d for demonyms in table.demonyms_shared.values() for d in demonyms)
    return text.lower() if text.isascii() and not spaced else fold.__wrapped__(text)


def _shared_demonyms_written(table: ActorDictionary, folded_text: str) -> dict[str, list[str]]:
    """Each shared demonym the text can hold (folded, as tokens are looked up: one no token can
    fold to changes nothing, so the text's country names are not counted for it), with its
    owner first, then the countries that share it."""
    rivals: dict[str, list[str]] = {}
    for code, demonyms in table.demonyms_shared.items():
        for demonym in demonyms:
            owner = table.country_by_demonym.get(demonym)
            if owner is not None and owner != code and demonym in folded_text:
                rivals.setdefault(demonym, [owner]).append(code)
    return rivals


def _whole_country_name_at(table: ActorDictionary, text: str, start: int) -> tuple[str, str] | None:
    """Rule "a-country-name-read-whole": the longest country name or capital written from
    ``start`` and its country ("Guinea-Bissau", where the parser tags "Guinea" alone as a
    place), None when none begins there."""
    pattern = _country_names_pattern(table)
    match = pattern.match(text, start) if pattern else None
    found = table.country_code(match.group()) if match else None
    return (match.group(), found[0]) if match and found else None


def _country_names_pattern(table: ActorDictionary) -> NamesPattern:
    """Every country name, alias, short name and capital as one pattern, the longest first
    (built once, shared by the article tables made from the dictionary)."""
    if "all" not in table._country_names:
        names = {
            written
            for country in table.countries.values()
            for name in (country.name, *country.aliases, *_capital_names(country))
            for written in (name, name.upper())
        }
        for shorts in table.short_names.values():
            names.update(shorts)
        table._country_names["all"] = _any_of(*sorted(names, key=len, reverse=True))
    return table._country_names["all"]


def _countries_named(table: ActorDictionary, text: str) -> Counter[str]:
    """How often ``text`` names each country by a name or capital, each name read whole (the
    longest first: "Guinea-Bissau" is no "Guinea"), as the table reads it."""
    pattern = _country_names_pattern(table)
    named: Counter[str] = Counter()
    for match in pattern.finditer(text) if pattern else ():
        found = table.country_code(match.group())
        if found:
            named[found[0]] += 1
    return named


def resolve_mentions(
    document, dictionary: ActorDictionary | None = None, gazetteer: Geocoder | None = None
) -> list[ActorMention]:
    """Fill ``document.mentions`` with every actor mention, in text order, and return them
    (with the package's actor dictionary and gazetteer unless others are given)."""
    published = document.article.published
    text = doc_text(document.doc)
    table = with_short_names_of(dictionary or load_dictionary(), text, published)
    table = with_shared_demonyms_of(table, text)
    resolver = MentionResolver(document.doc, table, gazetteer, published)
    document.mentions = resolver.resolve()
    return document.mentions
