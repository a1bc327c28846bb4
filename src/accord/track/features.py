"""What clustering compares of each event, read straight from the events table (no NLP).

An event's date becomes a window of day numbers: a day-precise date is one day, a week its
seven; an event with no day (only the bound "by <publication date>", or no date at all) gets
the two days before that bound up to the bound (news reports what just happened), unless its
sentence tells it 'overnight': then the night before the bound, its two days exactly, or it is
a ceasefire told with the day it began ('has held since it began on April 2'): then that day.
Month- or year-precise dates are too vague to merge automatically (``day_lo`` is None): a
person can still merge them by hand.

Beside the date, an event offers what different outlets share when their wording differs: the
publication day, its place (and whether the sentence names it or inherits it from an earlier
one), its counts, the names and numbers its sentence holds, character n-grams of its content
words (they survive "missiles"/"missile strike", "killing"/"killed"), and every proposal subject
its sentence names (a truce agreed with a prisoner exchange names both).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import Any

from accord.store.tracking import (
    all_event_rows,
    named_actor_rows,
    save_feature_rows,
    tracked_event_rows,
    untracked_event_rows,
)
from accord.track.proposals import find_subject, find_subjects, trigger_clause

MAX_WINDOW_DAYS = 7  # wider date windows are not merged automatically
UNDATED_LOOKBACK_DAYS = 2  # an undated event happened at most this long before publication
FACT_MODALITIES = ("asserted", "agreed")
TOPIC_TYPES = ("AGREE", "REJECT", "REQUEST", "RETREAT", "CONSULT", "SANCTION", "CONCEDE")
STOPWORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "among",
        "and",
        "any",
        "are",
        "around",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "during",
        "each",
        "either",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "into",
        "its",
        "itself",
        "just",
        "last",
        "later",
        "least",
        "like",
        "more",
        "most",
        "much",
        "near",
        "new",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "out",
        "over",
        "own",
        "said",
        "same",
        "says",
        "she",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "told",
        "too",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "would",
        "year",
        "years",
        "you",
        "your",
        "day",
        "days",
        "week",
        "weeks",
        "people",
        "according",
        "officials",
        "official",
    ]
)
WORD = re.compile(r"[a-z][a-z'-]+")
NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z][\w'’-]*")  # "Hroza", "Kh-22", "McDonald"
NUMBER = re.compile(r"(?<![\w.,-])\d(?:[\d,]*\d)?(?!\w|[.,-]\d|-\w)")  # not '30-day', '4.5', '3rd'
GRAM = 4  # character n-grams of this length, over content words padded with spaces
COUNT_KINDS = ("killed", "injured", "detained", "prisoners")
LAST_STAGE = -1
CIVILIAN = "CVL"

ActorKey = tuple[str, str | None, str | None]  # (actor id, country, sector)
# An act told over a span of time, not on a day (see ``tells_a_span``).
SPAN_PHRASE = re.compile(
    r"\b(?:in|over|during|for) (?:the )?(?:recent|past|last|several|many|few|coming)?"
    r" ?(?:few )?(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Features:
    """One event as clustering sees it."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    modality_class: str
    day_lo: int | None
    day_hi: int | None
    date_inferred: bool
    sources: tuple[ActorKey, ...]
    targets: tuple[ActorKey, ...]
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    place_precision: str | None
    tokens: frozenset[str]
    topic: str | None = None  # proposal subject named nearest the trigger (ceasefire, ...)
    topics: frozenset[str] = frozenset()  # every subject the sentence names (a package deal)
    published: int | None = None  # day number of the article's publication
    place_inherited: bool = False  # the place comes from another sentence or the headline
    counts: tuple[tuple[str, int], ...] = ()  # (kind, figure) for killed, injured, ...
    names: frozenset[str] = frozenset()  # capitalised words of the sentence, lower-cased
    numbers: frozenset[int] = frozenset()  # figures written in digits (years left out)
    stage: int | None = None  # 'the second stage': 2; 'the final round': LAST_STAGE
    night: int | None = None  # told 'overnight': the day number of the morning ending the night
    undertaking: frozenset[str] = frozenset()  # what an agreement's trigger governs (words)

    @cached_property
    def content(self) -> tuple:
        """Every field but the event's and its article's ids: all that pair scoring reads of
        an event, besides whether two events share an article (wire copy told by several
        outlets gives events of one content)."""
        return tuple(getattr(self, name) for name in CONTENT_FIELDS)

    @cached_property
    def mergeable(self) -> bool:
        return self.day_lo is not None and self.day_hi is not None

    @cached_property
    def place_words(self) -> frozenset[str]:
        return frozenset(self.place_name.casefold().split()) if self.place_name else frozenset()

    @cached_property
    def grams(self) -> frozenset[str]:
        """Character n-grams of the content words (one set per set of words: the events of
        one sentence, and of a sentence copied by several outlets, share it)."""
        return grams_of(self.tokens)

    @cached_property
    def count_of(self) -> dict[str, int]:
        return dict(self.counts)

    @cached_property
    def subjects(self) -> frozenset[str]:
        """Every subject the sentence names, else the one nearest the trigger (asked of both
        events of every pair a block yields: worked out once per event)."""
        return self.topics or (frozenset({self.topic}) if self.topic else frozenset())

    @cached_property
    def one_sided(self) -> bool:
        """Its sources are of one side (one country, or one actor with none): an agreement by
        one side, not by both (asked of both events of every AGREE pair)."""
        return len({key[1] or key[0] for key in self.sources}) <= 1

    @cached_property
    def source_keys(self) -> SideKeys:
        return side_keys(self.sources)

    @cached_property
    def target_keys(self) -> SideKeys:
        return side_keys(self.targets)


CONTENT_FIELDS = tuple(
    field.name for field in fields(Features) if field.name not in ("event_id", "article_id")
)


@dataclass(frozen=True)
class SideKeys:
    """One side's actors as sets, computed once per event (compared many times)."""

    ids: frozenset[str]
    country_sectors: frozenset[tuple[str, str | None]]
    countries: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.ids)

    @property
    def civilian(self) -> bool:
        """Civilians among them (a sector CVL)."""
        return any(sector == CIVILIAN for _, sector in self.country_sectors)


def side_keys(keys: tuple[ActorKey, ...]) -> SideKeys:
    return SideKeys(
        ids=frozenset(key[0] for key in keys),
        country_sectors=frozenset((key[1], key[2]) for key in keys if key[1]),
        countries=frozenset(key[1] for key in keys if key[1]),
    )


# What a sentence gives every event told in it is worked out once per sentence text (kept
# for the last SENTENCES_KEPT): a sentence holds several events, and wire copy puts the same
# sentence in several outlets' articles (the crowded bench: 1,357 events, 120 sentences).
SENTENCES_KEPT = 4096


@lru_cache(maxsize=SENTENCES_KEPT)
def content_tokens(sentence: str) -> frozenset[str]:
    """Lower-cased content words, crude plural folding ('missiles' = 'missile')."""
    words = set()
    for word in WORD.findall(sentence.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


@cache
def tracking_rules() -> dict[str, Any]:
    """Tracking's word lists and mode groups, ``data/tracking_rules.json`` (validated once)."""
    text = files("accord").joinpath("data/tracking_rules.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in (
        "not_names",
        "types_with_distinct_modes",
        "same_act_modes",
        "mutual_types",
        "exchange_parts",
        "nights",
        "opposite_sides",
        "beginnings",
        "undertakings",
    ):
        if key not in data:
            raise ValueError(f"tracking_rules.json lacks {key!r}")
    data["not_names"] = frozenset(data["not_names"]) | country_words()
    parts = data["exchange_parts"]
    parts["nationality_regex"] = re.compile(parts["nationality_pattern"])
    stages = data["stages"]
    words = "|".join([*stages["ordinals"], *stages["last_words"]])
    nouns = "|".join(stages["serial_nouns"])
    data["night_pattern"] = re.compile(data["nights"]["pattern"], re.IGNORECASE)
    data["night_toll_pattern"] = re.compile(data["nights"]["toll_pattern"], re.IGNORECASE)
    data["beginning_pattern"] = re.compile(data["beginnings"]["pattern"], re.IGNORECASE)
    vehicles = "|".join(map(re.escape, data["undertakings"]["vehicles"]))
    data["vehicle_pattern"] = re.compile(rf"\b(?:{vehicles})s?\b", re.IGNORECASE)
    data["stage_pattern"] = re.compile(
        rf"\b({words})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})s?\b", re.IGNORECASE
    )
    return data


def country_words() -> frozenset[str]:
    """One-word names and demonyms of countries ('Russia', 'Russian'): the actor and place
    features compare countries already, and a shared 'Russian' says little about the event."""
    text = files("accord").joinpath("data/countries.json").read_text(encoding="utf-8")
    words = set()
    for country in json.loads(text):
        for name in (country["name"], *country["aliases"], *country["demonyms"]):
            if " " not in name:
                words.add(name.lower())
    return frozenset(words)


@lru_cache(maxsize=SENTENCES_KEPT)
def grams_of(tokens: frozenset[str]) -> frozenset[str]:
    """``char_grams`` of a sentence's content words, kept per set of words."""
    return char_grams(tokens)


def char_grams(tokens: Iterable[str], size: int = GRAM) -> frozenset[str]:
    grams = set()
    for token in tokens:
        padded = f" {token} "
        grams.update(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return frozenset(grams)


@lru_cache(maxsize=SENTENCES_KEPT)
def sentence_names(sentence: str) -> frozenset[str]:
    """Capitalised words other than the first, weekdays, months and function words."""
    names = set()
    for match in NAME.finditer(sentence):
        word = match.group().lower().strip("'’-")
        if match.start() == 0 or word in tracking_rules()["not_names"] or len(word) < 3:
            continue
        names.add(word[:-2] if word.endswith(("'s", "’s")) else word)
    return frozenset(names)


@lru_cache(maxsize=SENTENCES_KEPT)
def sentence_numbers(sentence: str) -> frozenset[int]:
    """Figures in digits; four-digit years (1900-2099) are dates, not counts."""
    found = set()
    for match in NUMBER.finditer(sentence):
        value = int(match.group().replace(",", ""))
        if not (len(match.group()) == 4 and 1900 <= value <= 2099):
            found.add(value)
    return frozenset(found)


@lru_cache(maxsize=SENTENCES_KEPT)
def stage_of(sentence: str) -> int | None:
    """The ordinal of a serial act the sentence names ('the first stage of the exchange')."""
    rules = tracking_rules()
    match = rules["stage_pattern"].search(sentence)
    if match is None:
        return None
    word = match.group(1).lower()
    return rules["stages"]["ordinals"].get(word, LAST_STAGE)


def modality_class(modality: str) -> str:
    """Asserted and agreed both report that something happened; the rest stay apart."""
    return "fact" if modality in FACT_MODALITIES else modality


def day_number(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def date_window(
    start: str | None,
    end: str | None,
    precision: str | None,
    published: str | None,
    by: str | None = None,
) -> tuple[int | None, int | None, bool]:
    """(first day, last day, inferred from publication) for an event.

    An event with no day gets the few days up to its bound ``by`` (the date the pipeline
    stores for an event its text does not date, precision "reported"), or up to the
    article's publication date for events stored without one.
    """
    first = day_number(start)
    if first is not None and precision in ("day", "week"):
        last = day_number(end) or first
        if last - first <= MAX_WINDOW_DAYS:
            return first, max(first, last), False
        return None, None, False
    if first is not None:  # month, year, or unresolved precision: too vague
        return None, None, False
    reported = day_number(by) or day_number(published)
    if reported is None:
        return None, None, True
    return reported - UNDATED_LOOKBACK_DAYS, reported, True


def tells_a_span(sentence: str) -> bool:
    """Rule "campaign-is-no-dated-act": an undated act told over a span ("have pressed attacks
    in recent weeks", "has shelled the city for months") is a campaign, not one act; the
    days before its report are not its day."""
    return SPAN_PHRASE.search(sentence) is not None


DATE_FROM_ELSEWHERE = re.compile(r": date from sentence \d|^dispatch-day|; dispatch-day")


def date_inherited(row: Any) -> bool:
    """The event's date was taken from another sentence (a scene that runs on) or from the
    dispatch's day, not from its own words (the pipeline's reason says which)."""
    return bool(DATE_FROM_ELSEWHERE.search(row["why"] or ""))


def night_of(row: Any, inherited: bool) -> int | None:
    """Rule overnight-is-the-night-before: the day number of the morning that ended the night
    an act was told in ('attacks on Kyiv overnight', 'a second night of air attacks'), when its
    own sentence gives it no date: the night before its report (``date_by``, else the
    publication day). None for other acts, for acts their sentence dates, and for a toll that
    rose overnight (the night dates the count)."""
    if not (inherited or row["date_precision"] == "reported"):
        return None
    rules, sentence = tracking_rules(), row["sentence"]
    if not rules["night_pattern"].search(sentence) or rules["night_toll_pattern"].search(sentence):
        return None
    return day_number(row["date_by"]) or day_number(row["published"])


BEGUN_MODES = ("ceasefire",)  # acts a mention tells with the day they began
BEGINNING_PRECISIONS = ("day", "week")  # 'on April 2', 'at the weekend': precise enough


def beginning_told(row: Any) -> tuple[int, int] | None:
    """Rule a-truce-told-with-its-beginning: the days of the beginning a ceasefire mention
    tells ('has largely held since it began on April 2'), read as past from its report's day;
    None for other acts, for mentions that tell no beginning, and for vague ones ('in April')."""
    if row["mode"] not in BEGUN_MODES:
        return None
    match = tracking_rules()["beginning_pattern"].search(row["sentence"])
    if match is None:
        return None
    from accord.extract.dates import resolve_date  # the date words only: no parse

    told = resolve_date(match.group("when"), row["date_by"] or row["published"], "past")
    if told.precision not in BEGINNING_PRECISIONS:
        return None
    first, last = day_number(told.start), day_number(told.end) or day_number(told.start)
    return (first, last) if first is not None and last is not None else None


def features_from_row(row: Any, actors: dict[str, list[ActorKey]]) -> Features:
    day_lo, day_hi, inferred = date_window(
        row["date_start"], row["date_end"], row["date_precision"], row["published"], row["date_by"]
    )
    night = night_of(row, date_inherited(row))
    if night is not None:  # the night's two days, exactly: no longer a publication window
        day_lo, day_hi, inferred = night - 1, night, False
    elif inferred and (begun := beginning_told(row)) is not None:
        (day_lo, day_hi), inferred = begun, False  # the mention is of the beginning it tells
    elif inferred and tells_a_span(row["sentence"]):
        day_lo = day_hi = None  # an ongoing campaign has no day to meet a single act on
    return Features(
        event_id=row["id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        modality_class=modality_class(row["modality"]),
        day_lo=day_lo,
        day_hi=day_hi,
        date_inferred=inferred,
        sources=tuple(actors.get(f"source:{row['id']}", ())),
        targets=tuple(actors.get(f"target:{row['id']}", ())),
        place_name=row["place_name"],
        place_country=row["place_country"],
        place_lat=row["place_lat"],
        place_lon=row["place_lon"],
        place_precision=row["place_precision"],
        tokens=content_tokens(row["sentence"]),
        topic=topic_of(row),
        night=night,
        **details_from_row(row),
    )


def details_from_row(row: Any) -> dict:
    """The features beyond the blocking keys (see the module docstring)."""
    sentence = row["sentence"]
    start, end = row["sentence_start"], row["sentence_start"] + len(sentence)
    place_at = row["place_char_start"]
    elsewhere = place_at is not None and place_at >= 0 and not start <= place_at < end
    return {
        "topics": topics_of(row),
        "published": day_number(row["published"]),
        "place_inherited": row["place_name"] is not None
        and (elsewhere or INHERITED_PLACE in (row["why"] or "")),
        "counts": tuple(
            (kind, row[kind]) for kind in COUNT_KINDS if row[kind] is not None and row[kind] > 0
        ),
        "names": sentence_names(sentence),
        "numbers": sentence_numbers(sentence),
        "stage": stage_of(sentence),
        "undertaking": undertaking_of(row),
    }


TRIGGER_WORD = re.compile(r"^\S+")  # the trigger itself, at the start of its clause's rest


def undertaking_of(row: Any) -> frozenset[str]:
    """Rule each-side-undertakes-its-own: the content words (and the proposal subjects they
    name) told after an agreement's trigger in its own clause: what was undertaken ('had
    committed to denuclearization': {'denuclearization'}). Empty, so never compared, when
    the type is not read so, nothing follows the trigger, or the sentence names the agreement
    that holds several undertakings ('In the joint statement, Trump committed to ...')."""
    rules = tracking_rules()
    sentence = row["sentence"]
    if row["type"] not in rules["undertakings"]["types"] or rules["vehicle_pattern"].search(
        sentence
    ):
        return frozenset()
    trigger_at = max(0, row["start"] - row["sentence_start"])
    told = TRIGGER_WORD.sub("", trigger_clause(sentence.lower(), trigger_at)[trigger_at:], 1)
    return content_tokens(told) | frozenset(find_subjects(told, ("", None)))


BACK_REFERENCE = re.compile(
    r"\b(?:it|the (?:plan|proposal|deal|offer|agreement|accord|truce|initiative|idea))\b",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")  # not in "U.S. envoy"


def topics_of(row: Any) -> frozenset[str]:
    """The proposal subjects a sentence names; a sentence that names none but refers back to
    one ("Ukraine had already accepted it", "the plan") takes those of the sentence before."""
    if row["type"] not in TOPIC_TYPES:
        return frozenset()
    type_mode = (row["type"], row["mode"])
    found = find_subjects(row["sentence"], type_mode)
    if not found and BACK_REFERENCE.search(row["sentence"]):
        before = SENTENCE_BREAK.split((row["preceding"] or "").strip())
        for sentence in reversed(before):  # "The plan had been presented ..." refers back too
            found = find_subjects(sentence, type_mode)
            if found or not BACK_REFERENCE.search(sentence):
                break
    return frozenset(found)


def topic_of(row: Any) -> str | None:
    """The proposal subject of an event that can be a step of one (an assault has none)."""
    if row["type"] not in TOPIC_TYPES:
        return None
    trigger_at = max(0, row["start"] - row["sentence_start"])
    return find_subject(row["sentence"], trigger_at, (row["type"], row["mode"]))


INHERITED_PLACE = "place from "  # the pipeline's reason for a place taken from elsewhere


def untracked_event_features(connection: Any) -> Iterator[Features]:
    """Features of the events that have none stored yet (new since the last update)."""
    yield from features_in_batches(connection, untracked_event_rows(connection))


def all_event_features(connection: Any) -> Iterator[Features]:
    yield from features_in_batches(connection, all_event_rows(connection))


def tracked_features(connection: Any, event_ids: list[str]) -> Iterator[Features]:
    """Features of tracked events chosen by id, computed again from their events."""
    yield from features_in_batches(connection, tracked_event_rows(connection, event_ids))


def features_in_batches(connection: Any, cursor: Any, batch: int = 500) -> Iterator[Features]:
    while rows := cursor.fetchmany(batch):
        actors = actor_keys(connection, [row["id"] for row in rows])
        for row in rows:
            yield features_from_row(row, actors)


def actor_keys(connection: Any, event_ids: list[str]) -> dict[str, list[ActorKey]]:
    """'side:event id' -> the actors on that side, in order (only actors the text names)."""
    keys: dict[str, list[ActorKey]] = defaultdict(list)
    for row in named_actor_rows(connection, event_ids):
        keys[f"{row['side']}:{row['event_id']}"].append(
            (row["actor_id"], row["country"], row["sector"])
        )
    return keys


def save_features(connection: Any, features: Iterable[Features]) -> None:
    save_feature_rows(
        connection,
        (
            (
                f.event_id,
                f.article_id,
                f.type,
                f.mode,
                f.modality_class,
                f.day_lo,
                f.day_hi,
                int(f.date_inferred),
                json.dumps(f.sources),
                json.dumps(f.targets),
                f.place_name,
                f.place_country,
                f.place_lat,
                f.place_lon,
                f.place_precision,
                " ".join(sorted(f.tokens)),
                f.topic,
            )
            for f in features
        ),
    )
