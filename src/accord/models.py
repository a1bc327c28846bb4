"""Record types shared by every layer: the same names in Python, JSON, SQL and HTTP.

All records are frozen dataclasses; ``to_dict`` gives the JSON shape used by exports and the API.
Character offsets are always into ``Article.text`` (the normalised article text).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

MODALITIES = (
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
)
# "reported": the text gives no date, only the report's publication date bounds it (``by``).
PRECISIONS_DATE = ("day", "week", "month", "year", "reported")
PRECISIONS_PLACE = ("exact", "city", "region", "country")
COUNT_KINDS = ("killed", "injured", "detained", "prisoners", "hostages", "displaced")
# Actor sectors (CAMEO-style codes); UAF is an unidentified armed force: "gunmen", a bomb
# nobody claimed.
SECTORS = (
    "GOV", "MIL", "REB", "OPP", "CVL", "IGO", "NGO", "MED", "BUS", "COP", "JUD", "REL", "UAF",
)  # fmt: skip


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple/list/dict of them) into plain JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


@dataclass(frozen=True)
class Article:
    """One news article as ingested; ``id`` is derived from the content hash."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, None when unknown
    language: str = "en"
    source: str | None = None  # file path (and line) it was read from
    ingested_at: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a record comes from: the sentence, the span in the article, and the rule that fired."""

    sentence_index: int
    start: int
    end: int
    sentence: str
    why: str
    confidence: float = 1.0
    sentence_start: int = 0  # offset of the sentence in the article text


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, organisation, state or group."""

    id: str
    name: str
    kind: str  # person, organisation, state, group
    country: str | None = None  # ISO 3166 alpha-3, or None for IGOs / unknown
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, IGO, NGO, MED, BUS, ...
    role: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """An actor as it appears in one place of the text, resolved to a canonical actor."""

    actor: Actor
    text: str
    start: int
    end: int
    sentence_index: int
    why: str  # dictionary, title, metonym, surname, pronoun, nationality, ...


# English names, not the locale's (``calendar.month_name`` follows ``setlocale``): articles are
# read, and dates shown, in English whatever locale the host process set.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ``start``/``end`` ISO dates, with the precision the text supports.

    An event its text does not date is no event of an unknown time: it happened on or before
    the day it was reported. It gets a bound, not a day: precision ``"reported"``, ``start``
    and ``end`` None (so nothing that reads a day takes it for one), ``by`` the publication
    date and ``text`` empty (no words of the article say it). ``shown()`` prints it
    "by 2025-05-16".
    """

    text: str
    start: str | None
    end: str | None
    precision: str | None  # day, week, month, year, reported; None when unresolved
    char_start: int = -1
    char_end: int = -1
    by: str | None = None  # "reported": the latest day it can have happened (publication date)

    @property
    def is_bound(self) -> bool:
        """Only a bound: the event happened by ``by``, on a day the text does not give."""
        return self.precision == "reported"

    def shown(self) -> str:
        """For people: "2025-05-16", "2025-05-12 to 2025-05-18", "by 2025-05-16", or the words
        when they resolve to no date."""
        if self.is_bound:
            return f"by {self.by}"
        if self.start is None:
            return self.text
        if self.end in (None, self.start):
            return self.start
        return f"{self.start} to {self.end}"


@dataclass(frozen=True)
class Place:
    """A geocoded place with the precision of its match."""

    text: str
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # exact, city, region, country
    char_start: int = -1
    char_end: int = -1


@dataclass(frozen=True)
class Counts:
    """Casualty and other counts stated for one event (best single figure each)."""

    killed: int | None = None
    injured: int | None = None
    detained: int | None = None
    prisoners: int | None = None
    hostages: int | None = None
    displaced: int | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, kind) is None for kind in COUNT_KINDS)


@dataclass(frozen=True)
class ActorRef:
    """An actor taking part in an event or speaking a quote, with the words that name it."""

    actor_id: str
    name: str
    text: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Event:
    """One coded event (PLOVER type and mode) as one article reports it.

    ``evidence`` is the sentence that tells it most fully; ``mentions`` holds the evidence of
    the article's other sentences that restate the same act (a lead told again in the body).
    """

    id: str
    article_id: str
    type: str
    mode: str | None
    modality: str
    trigger: str
    evidence: Evidence
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    contexts: tuple[str, ...] = ()
    date: DateValue | None = None
    place: Place | None = None
    counts: Counts = field(default_factory=Counts)
    attributed_to: str | None = None
    mentions: tuple[Evidence, ...] = ()

    def all_evidence(self) -> tuple[Evidence, ...]:
        """The evidence of every sentence that reports the event, the fullest first."""
        return (self.evidence, *self.mentions)


DIRECT_KINDS = frozenset({"direct", "partial"})  # quotes in the speaker's own words


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker, directly (in quote marks) or indirectly (reported)."""

    id: str
    article_id: str
    text: str
    kind: str  # direct, partial (quoted words inside a reported clause), indirect
    cue: str | None
    evidence: Evidence
    speaker: ActorRef | None = None
    speaker_text: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
