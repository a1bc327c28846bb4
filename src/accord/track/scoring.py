"""Whether two event records report the same real-world event, with a score and the reasons.

Hard rules first (any one fails: not the same event): same PLOVER type (the block guarantees
it), modes equal when both are known, same modality class, same subject when both sentences
name one (ceasefire, prisoner exchange, ...: ``data/proposal_subjects.json``), for AGREE one
side accepting is not both sides agreeing, date windows at most
``DAY_TOLERANCE`` apart, actors compatible on each side that both events name (same actor id,
or same country; either side may be empty; sides may be swapped), places within
``NEAR_KM`` (unknown places and country-level places inside the same country are compatible).
Then a weighted score of how well each field agrees; pairs at or above ``THRESHOLD`` are linked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from accord.track.features import Features, SideKeys

DAY_TOLERANCE = 1
NEAR_KM = 50.0
THRESHOLD = 0.6
WEIGHTS = {"actors": 0.3, "date": 0.25, "place": 0.15, "words": 0.3}
WORDS_FULL_MARKS = 0.4  # a Jaccard of this much between two sentences counts as full agreement
SAME_ACTOR, SAME_COUNTRY_SECTOR, SAME_COUNTRY, UNKNOWN = 1.0, 0.8, 0.5, 0.4


@dataclass(frozen=True)
class Match:
    score: float
    reasons: dict[str, str]


def compare(a: Features, b: Features) -> Match | None:
    """The match between two events, or None when a hard rule says they differ."""
    if a.type != b.type or a.modality_class != b.modality_class:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    if not (a.mergeable and b.mergeable):
        return None
    if a.topic and b.topic and a.topic != b.topic:
        return None  # agreeing to a ceasefire is not agreeing to a prisoner exchange
    if a.type == "AGREE" and a.sources and b.sources and one_sided(a) != one_sided(b):
        return None  # one side accepting is not both sides agreeing
    date = date_agreement(a, b)
    if date is None:
        return None
    place = place_agreement(a, b)
    if place is None:
        return None
    actors = actor_agreement(a, b)
    if actors is None:
        return None
    words = word_agreement(a, b)
    parts = {"date": date, "actors": actors, "place": place, "words": words}
    score = sum(WEIGHTS[name] * value for name, (value, _) in parts.items())
    reasons = {"type": a.type + (f"/{a.mode or b.mode}" if a.mode or b.mode else "")}
    reasons.update({name: why for name, (_, why) in parts.items()})
    return Match(round(score, 3), reasons)


def one_sided(event: Features) -> bool:
    return len({key[1] or key[0] for key in event.sources}) == 1


def date_agreement(a: Features, b: Features) -> tuple[float, str] | None:
    """Same day scores full marks; a day apart (time zones, 'overnight') much less."""
    assert a.day_lo is not None and a.day_hi is not None
    assert b.day_lo is not None and b.day_hi is not None
    gap = max(0, b.day_lo - a.day_hi, a.day_lo - b.day_hi)
    if gap > DAY_TOLERANCE:
        return None
    inferred = a.date_inferred or b.date_inferred
    if gap == 0 and not inferred:
        single = a.day_lo == a.day_hi and b.day_lo == b.day_hi
        return (1.0, "same day") if single else (0.8, "overlapping dates")
    if gap == 0:
        return 0.6, "undated, reported in the same days"
    return (0.2, "1 day apart, one undated") if inferred else (0.0, "1 day apart")


def actor_agreement(a: Features, b: Features) -> tuple[float, str] | None:
    """The better of the straight and swapped pairing of sides (who did what to whom)."""
    straight = pair_sides((a.source_keys, b.source_keys), (a.target_keys, b.target_keys))
    swapped = pair_sides((a.source_keys, b.target_keys), (a.target_keys, b.source_keys))
    options = [option for option in (straight, swapped) if option is not None]
    if not options:
        return None
    return max(options, key=lambda option: option[0])


def pair_sides(*pairs: tuple[SideKeys, SideKeys]) -> tuple[float, str] | None:
    scores, whys = [], []
    for left, right in pairs:
        if not left or not right:
            continue
        value, why = side_agreement(left, right)
        if value == 0:
            return None
        scores.append(value)
        whys.append(why)
    if not scores:
        return UNKNOWN, "one side unnamed"
    return sum(scores) / len(scores), ", ".join(whys)


def side_agreement(left: SideKeys, right: SideKeys) -> tuple[float, str]:
    ids = left.ids & right.ids
    if ids:
        return SAME_ACTOR, "same actor " + "/".join(sorted(ids))
    if not left.countries or not right.countries:
        return UNKNOWN, "actor without a country"
    country_sector = left.country_sectors & right.country_sectors
    if country_sector:
        return SAME_COUNTRY_SECTOR, "same " + "/".join(
            sorted(f"{c}:{s}" for c, s in country_sector)
        )
    countries = left.countries & right.countries
    if countries:
        return SAME_COUNTRY, "same country " + "/".join(sorted(countries))
    return 0.0, "different actors"


def place_agreement(a: Features, b: Features) -> tuple[float, str] | None:
    if not a.place_name or not b.place_name:
        return UNKNOWN, "place unknown on one side"
    if "country" in (a.place_precision, b.place_precision):
        if a.place_country and b.place_country and a.place_country != b.place_country:
            return None
        return 0.6, f"in {a.place_country or b.place_country}"
    if a.place_lat is not None and b.place_lat is not None:
        if abs(a.place_lat - b.place_lat) > NEAR_KM / 111.0:
            return None  # a degree of latitude is 111 km: no need for the full formula
        distance = km_between(a.place_lat, a.place_lon or 0.0, b.place_lat, b.place_lon or 0.0)
        if distance > NEAR_KM:
            return None
        return (
            (1.0, f"same place {a.place_name}")
            if distance < 1
            else (
                0.8,
                f"{distance:.0f} km apart",
            )
        )
    if a.place_name.casefold() == b.place_name.casefold():
        return 1.0, f"same place {a.place_name}"
    return None


def word_agreement(a: Features, b: Features) -> tuple[float, str]:
    union = a.tokens | b.tokens
    jaccard = len(a.tokens & b.tokens) / len(union) if union else 0.0
    return min(1.0, jaccard / WORDS_FULL_MARKS), f"word overlap {jaccard:.2f}"


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
