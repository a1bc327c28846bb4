"""Whether two event records report the same real-world event, with a score and the reasons.

Vetoes first (``VETOES``, each named; any one: not the same event): another PLOVER type (the
block guarantees it), another kind of modality (a denial is not the act; an announced act and
the act are compatible), date windows more than ``DAY_TOLERANCE`` days apart, two places both
named in their own sentences at city precision or finer and more than ``NEAR_KM`` apart, modes
that name different acts (a ceasefire taking effect is not a release), sentences about
different subjects (a ceasefire is not sanctions; a truce agreed with a prisoner exchange names
both, so either matches), agreements by different sides undertaking different things (an
invitation accepted is not a commitment to denuclearize; parts of a package told with the
agreement that holds them are never compared so), sources of different countries (senders of
sanctions on one day; the sides of acts with a direction are never swapped; releases naming an
exchange are its halves),
different ordinals of a serial act (the first and second stages of an exchange), acts told in
two different nights ('overnight' in reports of consecutive days), targets on opposite sides
of one country's war (its rebels, its army), and pairs with no anchor in
common (no actor, no place within the other, no close figure, no day or subject both state:
wording alone), and two acts of one article that share only its place (a report puts what it
tells in one place: the place is no anchor there). Coarse or inherited places, other targets,
counts and wording never veto: outlets differ on all of them.

Then ``pair_features`` describes how the two agree (dates and publication days, places at any
precision with containment, actors on either side, counts close rather than equal, modes and
subjects, words, character n-grams, names and figures), and a ``PairModel`` (a logistic
regression fitted on labelled pairs by ``scripts/fit_pair_model.py``, shipped as
``data/track_pair_model.json``) turns them into the probability that the two are one event.
Pairs at or above the model's threshold are linked.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, wraps
from importlib.resources import files
from typing import Any, TypeVar

from accord.track.features import (
    LAST_STAGE,
    ActorKey,
    Features,
    SideKeys,
    content_tokens,
    tracking_rules,
)

DAY_TOLERANCE = 1  # date windows further apart than this are never the same event
NEAR_KM = 50.0  # two city-precise places further apart are different events
KM_PER_DEGREE = 111.0  # of latitude, everywhere
PUBLISHED_SPAN = 7  # publication gaps are measured up to this many days
# Typical reach of a place of each precision: a place within the reach of a coarser one is in it.
REACH_KM = {"exact": 5.0, "city": 25.0, "region": 250.0}
FACT_LIKE = ("fact", "future")  # an announced act ('will expel') and the act report one event
CONFLICT, UNKNOWN, COUNTRY, SAME = "conflict", "unknown", "country", "same"
NO_ANCHOR = "nothing in common"  # the veto for pairs that share no anchor
ONLY_THE_REPORT_PLACE = "only the report's place in common"  # two acts of one article


@dataclass(frozen=True)
class Match:
    score: float
    reasons: dict[str, str]


# -- vetoes ----------------------------------------------------------------------------------


def different_type(a: Features, b: Features) -> bool:
    return a.type != b.type


def different_modality(a: Features, b: Features) -> bool:
    if a.modality_class == b.modality_class:
        return False
    return not (a.modality_class in FACT_LIKE and b.modality_class in FACT_LIKE)


def undated(a: Features, b: Features) -> bool:
    return not (a.mergeable and b.mergeable)


def dates_apart(a: Features, b: Features) -> bool:
    return date_gap(a, b) > DAY_TOLERANCE


def far_apart_places(a: Features, b: Features) -> bool:
    """Both places named in their own sentences at city precision or finer, and far apart."""
    fine = ("exact", "city")
    if a.place_precision not in fine or b.place_precision not in fine:
        return False
    if a.place_inherited or b.place_inherited:
        return False
    if a.place_lat is None or b.place_lat is None:
        return False
    if abs(a.place_lat - b.place_lat) * KM_PER_DEGREE <= NEAR_KM:  # cheap: most pairs are near
        distance = place_distance(a, b)
        if distance is None or distance <= NEAR_KM:
            return False
    return not contains_name(a, b)


def different_acts(a: Features, b: Features) -> bool:
    """Modes that name different acts of a type whose modes are acts (RETREAT: a release is
    not a ceasefire), unless the rules list them as one act ('release' and 'return')."""
    if a.type not in tracking_rules()["types_with_distinct_modes"]:
        return False
    return modes_differ(a, b)


def modes_differ(a: Features, b: Features) -> bool:
    """Both modes known, different, and not one act in other words ('release', 'return')."""
    if not (a.mode and b.mode) or a.mode == b.mode:
        return False
    groups = tracking_rules()["same_act_modes"].get(a.type, [])
    return not any(a.mode in group and b.mode in group for group in groups)


def different_senders(a: Features, b: Features) -> bool:
    """Sources named on both and of different countries (Britain's sanctions are not
    Germany's; for acts with a direction the sides are never swapped). Civilians as a source
    do not count: they are the victims a toll sentence names far more often than the agents."""
    source, _, swapped = actor_relations(a, b)
    if source != CONFLICT:
        return False
    if halves_of_an_exchange(a, b):
        return False
    other = b.target_keys if swapped else b.source_keys
    return not (a.source_keys.civilian or other.civilian)


def halves_of_an_exchange(a: Features, b: Features) -> bool:
    """Rule "each-side-frees-its-half": releases by different sides are the halves of one
    exchange when a sentence names the exchange ('Russia released 16 prisoners in the swap in
    Ankara', 'Germany's decision to release a Russian ... as part of the exchange in
    Ankara'): each side frees its own captives, whatever the other report's sides."""
    if a.type != "RETREAT":
        return False
    words = exchange_words()
    return bool(a.tokens & words or b.tokens & words)


@cache
def exchange_words() -> frozenset[str]:
    """The words naming an exchange (tracking_rules.json exchange_parts), as content tokens."""
    return frozenset(content_tokens(" ".join(tracking_rules()["exchange_parts"]["words"])))


def different_stages(a: Features, b: Features) -> bool:
    """Different ordinals of a serial act: a first stage is not a second, nor the last; a
    last stage may be the second or third only on the same days."""
    if a.stage is None or b.stage is None or a.stage == b.stage:
        return False
    if LAST_STAGE in (a.stage, b.stage) and 1 not in (a.stage, b.stage):
        return date_gap(a, b) > 0
    return True


RELEASE_KINDS = ("prisoners", "hostages")  # what an exchange frees: exact figures, never a toll


def different_exchanges(a: Features, b: Features) -> bool:
    """Rule "another-day-another-figure-another-exchange": releases each sentence dates to a
    different day that free different numbers of the same kind are different stages ('swapped
    307 prisoners each on Saturday', 'swapped 303 more prisoners each on Sunday'): an
    exchange's figures are counted, not estimated, and do not rise as a toll does."""
    if a.type != "RETREAT" or a.date_inferred or b.date_inferred or date_gap(a, b) == 0:
        return False
    mine, theirs = a.count_of, b.count_of
    return any(
        mine[kind] != theirs[kind] for kind in RELEASE_KINDS if kind in mine and kind in theirs
    )


def different_nights(a: Features, b: Features) -> bool:
    """Rule overnight-is-the-night-before: an act told 'overnight' happened in the night before
    its report, known to the day rather than estimated: acts told in two different nights
    ('attacks on Kyiv overnight' on Saturday, 'a second night of air attacks' on Sunday) are
    different events. A night's act against an act dated by day weighs only (that day may be
    a toll's or a search's: 'bringing the death toll to 12 late on Sunday')."""
    return a.night is not None and b.night is not None and a.night != b.night


def different_subjects(a: Features, b: Features) -> bool:
    left, right = a.subjects, b.subjects
    return bool(left and right and left.isdisjoint(right))


def different_undertakings(a: Features, b: Features) -> bool:
    """Rule "each-side-undertakes-its-own": agreements by sources that share no actor and no
    country, undertaking things told in words that share nothing ('Trump has accepted an
    invitation to meet Kim', 'Kim had committed to denuclearization'), are two acts: each
    side's commitment or acceptance is its own step. Parts of a package are told with the
    agreement that holds them and are never compared so (``undertaking_of``)."""
    if not (a.undertaking and b.undertaking) or a.undertaking & b.undertaking:
        return False
    mine, theirs = a.source_keys, b.source_keys
    shared = mine.ids & theirs.ids or mine.countries & theirs.countries
    return bool(mine.ids and theirs.ids) and not shared


def nothing_in_common(a: Features, b: Features) -> bool:
    """No anchor shared: no actor (or its country) on either side, no place that is the same
    or within the other, no close figure, no day both sentences state, no proposal subject both
    name. Wording alone (two sentences can share a background clause) is not one event; nor,
    when neither sentence dates its event, is an actor without a name both sentences hold,
    unless one report tells both (``undated_strangers``)."""
    if a.topics & b.topics:
        return False
    if place_relation(a, b)[0] in (SAME, "within"):
        return False
    closeness = count_closeness(a, b)
    if closeness is not None and closeness >= 0.5:
        return False
    if undated_strangers(a, b):
        return True  # two undated reports that share no name: an actor alone is too common
    source, target, _ = actor_relations(a, b)
    if SAME in (source, target) or COUNTRY in (source, target):
        return False
    return not (date_gap(a, b) == 0 and not (a.date_inferred or b.date_inferred))


def undated_strangers(a: Features, b: Features) -> bool:
    """Two undated mentions from different reports that share no name: an actor alone is too
    common to tie them. Rule one-report-names-its-actors-once: within one report the actors a
    lead names in full come back by their role ("Yemen's warring parties have agreed to a
    truce", then "the Saudi-backed government and the Houthi movement had accepted"), so there
    the actors themselves tie two mentions."""
    return (
        a.article_id != b.article_id
        and a.date_inferred
        and b.date_inferred
        and not (a.names & b.names)
    )


def opposite_targets(a: Features, b: Features) -> bool:
    """Rule opposite-sides-are-not-one-target: targets named in both sentences, all of one
    side of a country's war in one (its rebels) and all of the other side of that country in
    the other (its government, army or police): 'accused rebel groups of breaching the truce'
    and 'accused government forces of violating the truce' are two accusations. Outlets name
    one target by its unit or by its government, not by its enemy (tracking_rules.json
    opposite_sides)."""
    mine, theirs = side_of(a.targets), side_of(b.targets)
    return mine is not None and theirs is not None and mine[0] == theirs[0] and mine != theirs


@lru_cache(maxsize=4096)
def side_of(actors: tuple[ActorKey, ...]) -> tuple[str, str] | None:
    """(country, side of its war) when every actor is of one country and one side, else None
    (kept per set of targets: each pair a crowded block yields asks it of both events)."""
    sides = tracking_rules()["opposite_sides"]
    found = set()
    for _, country, sector in actors:
        side = next((name for name, sectors in sides.items() if sector in sectors), None)
        if country is None or side is None:
            return None
        found.add((country, side))
    return found.pop() if len(found) == 1 else None


def only_the_report_place(a: Features, b: Features) -> bool:
    """Rule "a-report's-place-is-no-anchor": within one report the place is shared by what
    the report tells (a dispatch about Aleppo puts everything in Aleppo), so two acts of one
    article tie only through something else: a word of what was done or hit, a figure, the
    same doer or the same victims. A report that tells one act twice says so ('the missile
    had hit port infrastructure', 'it had hit "military infrastructure" in Kharkiv'); 'an
    attack on a Red Crescent convoy near Aleppo' and 'Air strikes hit rebel-held eastern
    Aleppo overnight' share only the city's name and are two acts, which no cluster holds
    together (each may join other reports of itself)."""
    if a.article_id != b.article_id or a.place_inherited or b.place_inherited:
        return False
    if place_relation(a, b)[0] not in (SAME, "within"):
        return False
    if (a.tokens & b.tokens) - a.place_words - b.place_words or a.numbers & b.numbers:
        return False
    source, target, _ = actor_relations(a, b)
    return source not in (SAME, COUNTRY) and target != SAME


Veto = tuple[str, Callable[[Features, Features], bool]]
# What blocking guarantees for the pairs it yields (same type, both dated, windows close)
BLOCK_VETOES: tuple[Veto, ...] = (
    ("different type", different_type),
    ("too vaguely dated", undated),
    ("dates apart", dates_apart),
)
PAIR_VETOES: tuple[Veto, ...] = (
    ("different modality", different_modality),
    ("places far apart", far_apart_places),
    ("different acts", different_acts),
    ("different subjects", different_subjects),
    ("different undertakings", different_undertakings),
    ("different senders", different_senders),
    ("different stages", different_stages),
    ("different exchanges", different_exchanges),
    ("different nights", different_nights),
    ("opposite targets", opposite_targets),
    (NO_ANCHOR, nothing_in_common),
    (ONLY_THE_REPORT_PLACE, only_the_report_place),
)
VETOES = BLOCK_VETOES + PAIR_VETOES


# Vetoes that say only that nothing links the two (no usable date, no shared anchor), not that
# they differ: they stop a direct link, but a cluster may still hold both through others.
NO_EVIDENCE = frozenset({"too vaguely dated", NO_ANCHOR})


def veto(a: Features, b: Features, *, blocked: bool = False) -> str | None:
    """The name of the first veto that holds, or None; ``blocked``: the pair comes from a
    block, which already guarantees ``BLOCK_VETOES``."""
    for name, rule in PAIR_VETOES if blocked else VETOES:
        if rule(a, b):
            return name
    return None


Result = TypeVar("Result")


def last_pair_memo(
    relation: Callable[[Features, Features], Result],
) -> Callable[[Features, Features], Result]:
    """Remember ``relation`` for the last pair it was asked about: the vetoes, the features and
    the reasons of one pair each ask for the same relations (several times per pair, for tens
    of thousands of pairs in a crowded block). The pair is held, so its ids stay its own; the
    one cell is read and written whole, so threads never see half of another pair's entry."""
    last: list[tuple[Features, Features, Result] | None] = [None]

    @wraps(relation)
    def remembered(a: Features, b: Features) -> Result:
        entry = last[0]
        if entry is None or entry[0] is not a or entry[1] is not b:
            entry = (a, b, relation(a, b))
            last[0] = entry
        return entry[2]

    return remembered


# -- pair features ---------------------------------------------------------------------------


def date_gap(a: Features, b: Features) -> int:
    assert a.day_lo is not None and a.day_hi is not None
    assert b.day_lo is not None and b.day_hi is not None
    return max(0, b.day_lo - a.day_hi, a.day_lo - b.day_hi)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@last_pair_memo
def place_distance(a: Features, b: Features) -> float | None:
    """Kilometres between the two places (a pair's veto and its place relation both ask)."""
    if None in (a.place_lat, a.place_lon, b.place_lat, b.place_lon):
        return None
    return km_between(a.place_lat, a.place_lon, b.place_lat, b.place_lon)  # type: ignore[arg-type]


def contains_name(a: Features, b: Features) -> bool:
    """One name holds the other's words ('Aden airport' and 'Aden', 'port of Odesa')."""
    left, right = a.place_words, b.place_words
    return bool(left and right) and (left <= right or right <= left)


@last_pair_memo
def place_relation(a: Features, b: Features) -> tuple[str, str]:
    """How two places relate: same, within (one inside the other's reach), country (only the
    country is shared), coarse (a country against a place elsewhere: no evidence either way),
    conflict, or unknown; with a reason."""
    if not a.place_name or not b.place_name:
        return UNKNOWN, "place unknown on one side"
    if a.place_name.casefold() == b.place_name.casefold():
        return SAME, f"same place {a.place_name}"
    if contains_name(a, b):
        return "within", f"{a.place_name} / {b.place_name}"
    if "country" in (a.place_precision, b.place_precision):
        if a.place_country and a.place_country == b.place_country:
            return COUNTRY, f"in {a.place_country}"
        return "coarse", f"{a.place_name} / {b.place_name} (a country)"
    distance = place_distance(a, b)
    if distance is not None:
        reach = max(
            REACH_KM.get(a.place_precision or "", 0), REACH_KM.get(b.place_precision or "", 0)
        )
        if distance < 1:
            return SAME, f"same place {a.place_name}"
        if distance <= max(reach, NEAR_KM if reach <= REACH_KM["city"] else 0):
            return "within", f"{a.place_name} / {b.place_name}: {distance:.0f} km"
    if a.place_country and a.place_country == b.place_country:
        return COUNTRY, f"{a.place_name} / {b.place_name}, both in {a.place_country}"
    return CONFLICT, f"{a.place_name} / {b.place_name}"


def side_relation(left: SideKeys, right: SideKeys) -> str:
    if not left.ids or not right.ids:  # what ``SideKeys.__bool__`` asks, without its call
        return UNKNOWN
    if left.ids & right.ids or left.country_sectors & right.country_sectors:
        return SAME
    if not left.countries or not right.countries:
        return UNKNOWN
    return COUNTRY if left.countries & right.countries else CONFLICT


def side_why(left: SideKeys, right: SideKeys) -> str:
    """What the two sides share, in words (for the reasons)."""
    ids = left.ids & right.ids
    if ids:
        return "same actor " + "/".join(sorted(ids))
    pairs = left.country_sectors & right.country_sectors
    if pairs:
        return "same " + "/".join(sorted(f"{c}:{s}" for c, s in pairs))
    relation = side_relation(left, right)
    if relation == COUNTRY:
        return "same country " + "/".join(sorted(left.countries & right.countries))
    return "different actors" if relation == CONFLICT else "unnamed on one side"


RELATION_VALUE = {SAME: 2, COUNTRY: 1, UNKNOWN: 0, CONFLICT: -2}


@last_pair_memo
def actor_relations(a: Features, b: Features) -> tuple[str, str, bool]:
    """(source relation, target relation, swapped): the straight pairing of sides, or, for acts
    that can be told from either side, the swapped one when it agrees better (one outlet's
    target is the other's source)."""
    straight = (
        side_relation(a.source_keys, b.source_keys),
        side_relation(a.target_keys, b.target_keys),
    )
    if a.type not in tracking_rules()["mutual_types"]:
        return straight[0], straight[1], False
    swapped = (
        side_relation(a.source_keys, b.target_keys),
        side_relation(a.target_keys, b.source_keys),
    )
    if sum(map(RELATION_VALUE.get, swapped)) > sum(map(RELATION_VALUE.get, straight)):
        return swapped[0], swapped[1], True
    return straight[0], straight[1], False


def jaccard(left: frozenset, right: frozenset) -> float:
    if left is right:  # one sentence's set (``features.grams_of``): no intersection to build
        return 1.0 if left else 0.0
    shared = len(left & right)  # the union's size is counted, not built
    union = len(left) + len(right) - shared
    return shared / union if union else 0.0


def overlap(left: frozenset, right: frozenset) -> float:
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


@last_pair_memo
def count_closeness(a: Features, b: Features) -> float | None:
    """The closest ratio (smaller / larger) of a figure both give, or None when none is shared
    (tolls rise: 12 and 14 are close, 12 and 46 are not, neither vetoes). The figures of an act
    told from either side compare only when both tell the same side's part (an exchange frees
    3 hostages for 90 prisoners)."""
    if not a.counts or not b.counts:
        return None  # no figure on one side: none shared (most pairs; nothing else to ask)
    if a.type in tracking_rules()["mutual_types"]:
        source, _, swapped = actor_relations(a, b)
        if source != SAME or swapped:
            return None
    shared = [
        min(a.count_of[kind], b.count_of[kind]) / max(a.count_of[kind], b.count_of[kind])
        for kind in a.count_of.keys() & b.count_of.keys()
    ]
    return max(shared) if shared else None


# Each feature with the direction it may push the score: +1 evidence for one event, -1 evidence
# against, 0 either (the fit decides). The fitting script holds the fit to these directions.
FEATURE_SIGNS = {
    "date_same_day": +1,  # both dated in their sentences, the same day
    "date_overlap": +1,  # dated windows overlap (both dated in their sentences)
    "date_overlap_one_undated": +1,  # one dated, the other's publication window overlaps it
    "date_next_day": -1,  # windows a day apart
    "published_gap": -1,  # days between the two publications (up to a week)
    "place_same": +1,  # the same place (name, or under 1 km)
    "place_within": +1,  # one place within the reach of the other (landmark, city, region)
    "place_country": +1,  # only the country shared
    "place_conflict": -1,  # places that do not contain each other
    "source_same": +1,  # a source actor, or its country and sector, on both
    "source_country": +1,  # only a source country on both
    "target_same": +1,
    "target_conflict": -1,
    "sides_swapped": -1,  # one's source is the other's target
    "mode_differs": -1,  # both modes known and different (drone, missile)
    "counts_close": +1,  # the closest ratio of a figure both give (12 and 14: 0.86)
    "counts_far": -1,  # figures both give, none within half of the other (52 and 2)
    "grams": +1,  # character 4-grams of content words (Jaccard)
    "names": +1,  # shared capitalised names (overlap coefficient)
    "figures": +1,  # a figure in digits in both sentences
    "one_side_and_both": -1,  # an agreement by one side against one by both
    "same_article": 0,  # two mentions in one article
}
FEATURE_NAMES = tuple(FEATURE_SIGNS)
INHERITED_PLACE_WEIGHT = 0.5  # a place taken from another sentence is weaker evidence


def pair_features(a: Features, b: Features) -> dict[str, float]:
    """What two (unvetoed) events share, as numbers for the pair model."""
    gap = date_gap(a, b)
    inferred = a.date_inferred or b.date_inferred
    single = a.day_lo == a.day_hi and b.day_lo == b.day_hi
    published = (
        min(abs(a.published - b.published), PUBLISHED_SPAN) / PUBLISHED_SPAN
        if a.published is not None and b.published is not None
        else 0.0
    )
    place, _ = place_relation(a, b)
    place_weight = INHERITED_PLACE_WEIGHT if a.place_inherited or b.place_inherited else 1.0
    source, target, swapped = actor_relations(a, b)
    closeness = count_closeness(a, b)
    return {
        "date_same_day": float(gap == 0 and single and not inferred),
        "date_overlap": float(gap == 0 and not inferred),
        "date_overlap_one_undated": float(gap == 0 and a.date_inferred != b.date_inferred),
        "date_next_day": float(gap == 1),
        "published_gap": published,
        "place_same": place_weight * (place == SAME),
        "place_within": place_weight * (place == "within"),
        "place_country": place_weight * (place == COUNTRY),
        "place_conflict": place_weight * (place == CONFLICT),
        "source_same": float(source == SAME),
        "source_country": float(source == COUNTRY),
        "target_same": float(target == SAME),
        "target_conflict": float(target == CONFLICT),
        "sides_swapped": float(swapped),
        "mode_differs": float(modes_differ(a, b)),
        "counts_close": closeness or 0.0,
        "counts_far": float(closeness is not None and closeness < 0.5),
        "grams": jaccard(a.grams, b.grams),
        "names": overlap(a.names, b.names),
        "figures": float(bool({n for n in a.numbers & b.numbers if n >= 2})),
        "one_side_and_both": float(a.type == "AGREE" and a.one_sided != b.one_sided),
        "same_article": float(a.article_id == b.article_id),
    }


# -- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over ``pair_features`` and the threshold that links a pair."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        features = tuple(data["features"])
        coefficients = tuple(float(value) for value in data["coefficients"])
        if len(features) != len(coefficients):
            raise ValueError("pair model: one coefficient per feature")
        unknown = set(features) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(f"pair model: unknown features {sorted(unknown)}")
        return cls(features, coefficients, float(data["intercept"]), float(data["threshold"]))

    @classmethod
    @cache
    def default(cls) -> PairModel:
        """The model shipped with accord (``data/track_pair_model.json``)."""
        text = files("accord").joinpath("data/track_pair_model.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))

    def probability(self, values: dict[str, float]) -> float:
        # the terms in feature order, summed as before (tens of thousands of pairs per update)
        terms = map(operator.mul, self.coefficients, map(values.__getitem__, self.features))
        z = self.intercept + sum(terms)
        return 1.0 / (1.0 + math.exp(-z))

    def terms(self, values: dict[str, float]) -> list[float]:
        """Each feature's term (coefficient times value), in feature order: a linked pair's
        probability and the strongest features of its reasons both read them, worked out once."""
        return list(map(operator.mul, self.coefficients, map(values.__getitem__, self.features)))

    def probability_of_terms(self, terms: list[float]) -> float:
        """``probability`` from ``terms``: the same sum in the same order, so the same float."""
        return 1.0 / (1.0 + math.exp(-(self.intercept + sum(terms))))

    def strongest(self, values: dict[str, float], n: int = 3) -> list[str]:
        """The features that raise the score most, for the reasons."""
        parts = [  # each term worked out once (the reasons of every linked pair ask)
            (term, name) for name, weight in self.weighted if (term := weight * values[name]) > 0
        ]
        return [name for _, name in sorted(parts, reverse=True)[:n]]

    def strongest_of_terms(self, terms: list[float], n: int = 3) -> list[str]:
        """``strongest`` from ``terms`` (a zero weight's term is never above zero either)."""
        parts = [(term, name) for name, term in zip(self.features, terms, strict=True) if term > 0]
        return [name for _, name in sorted(parts, reverse=True)[:n]]

    @cached_property
    def weighted(self) -> tuple[tuple[str, float], ...]:
        """(feature, coefficient) of the features the fit gave a weight: a zero weight's term
        is never above zero, so ``strongest`` need not work it out (6 of the shipped 22)."""
        return tuple((n, w) for n, w in zip(self.features, self.coefficients, strict=True) if w)


def compare(
    a: Features, b: Features, model: PairModel | None = None, *, blocked: bool = False
) -> Match | None:
    """The match between two events, or None when a veto says they differ (``blocked``: the
    pair comes from a block: same type, dated, close)."""
    scored = score_pair(a, b, model, blocked=blocked)
    if scored is None:
        return None
    score, values = scored
    return Match(score, reasons(a, b, values, model or PairModel.default()))


def score_pair(
    a: Features, b: Features, model: PairModel | None = None, *, blocked: bool = False
) -> tuple[float, dict[str, float]] | None:
    """``compare``'s score and the pair's features, without the reasons in words (most pairs
    of a block fall below the threshold: their reasons are never read)."""
    if veto(a, b, blocked=blocked) is not None:
        return None
    values = pair_features(a, b)
    return round((model or PairModel.default()).probability(values), 3), values


def reasons(
    a: Features,
    b: Features,
    values: dict[str, float],
    model: PairModel,
    terms: list[float] | None = None,
) -> dict[str, str]:
    """A pair's reasons in words (``terms``: the model's terms of ``values``, if worked out)."""
    gap = date_gap(a, b)
    _, _, swapped = actor_relations(a, b)
    b_sources, b_targets = (
        (b.target_keys, b.source_keys) if swapped else (b.source_keys, b.target_keys)
    )
    _, place_why = place_relation(a, b)
    closeness = count_closeness(a, b)
    found = {
        "type": a.type + (f"/{a.mode or b.mode}" if a.mode or b.mode else ""),
        "date": ("same day" if values["date_same_day"] else "overlapping dates")
        if gap == 0
        else f"{gap} day{'s' if gap > 1 else ''} apart",
        "actors": f"source: {side_why(a.source_keys, b_sources)}; "
        f"target: {side_why(a.target_keys, b_targets)}" + (" (sides swapped)" if swapped else ""),
        "place": place_why,
        "words": f"n-grams {values['grams']:.2f}, names {values['names']:.2f}",
        "model": ", ".join(
            model.strongest(values) if terms is None else model.strongest_of_terms(terms)
        ),
    }
    if a.date_inferred or b.date_inferred:
        found["date"] += " (undated: publication window)"
    if closeness is not None:
        found["counts"] = f"closest figures {closeness:.2f}"
    return found
