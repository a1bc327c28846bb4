"""The pair scorer on hand-built features (no NLP): what vetoes, what only weighs, the model."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from importlib.resources import files

import pytest

from accord.track.clustering import AverageLinkage, Decisions, group
from accord.track.features import (
    Features,
    beginning_told,
    char_grams,
    content_tokens,
    night_of,
    sentence_names,
    sentence_numbers,
    stage_of,
)
from accord.track.scoring import (
    FEATURE_NAMES,
    FEATURE_SIGNS,
    VETOES,
    PairModel,
    compare,
    pair_features,
    place_relation,
    veto,
)

SENTENCE = "A Russian missile struck the Hroza cafe on Thursday, killing 49 people."


def event(event_id: str = "a", **overrides) -> Features:
    base = Features(
        event_id=event_id,
        article_id=f"article-{event_id}",
        type="ASSAULT",
        mode=None,
        modality_class="fact",
        day_lo=1000,
        day_hi=1000,
        date_inferred=False,
        sources=(("RUS", "RUS", "GOV"),),
        targets=(("UKR-CVL", "UKR", "CVL"),),
        place_name="Kharkiv",
        place_country="UKR",
        place_lat=49.98,
        place_lon=36.25,
        place_precision="city",
        tokens=content_tokens(SENTENCE),
        published=1000,
        counts=(("killed", 49),),
        names=sentence_names(SENTENCE),
        numbers=sentence_numbers(SENTENCE),
    )
    return replace(base, **overrides)


GAZA_STRIP = {"place_name": "Gaza Strip", "place_country": "PSE", "place_precision": "region"}
GAZA_CITY = {"place_name": "Gaza City", "place_country": "PSE", "place_precision": "city"}
ISRAEL = {"place_name": "Israel", "place_country": "ISR", "place_precision": "country"}
ODESA = {"place_name": "Odesa", "place_lat": 46.48, "place_lon": 30.73}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (ISRAEL | {"place_lat": 31.0, "place_lon": 35.0}, GAZA_STRIP | {"place_lat": 31.42}),
        (GAZA_STRIP | {"place_lat": 31.42, "place_lon": 34.38}, GAZA_CITY | {"place_lat": 31.5}),
        ({"place_name": "Aden airport", "place_precision": "exact"}, {"place_name": "Aden"}),
        (
            {},
            {
                "place_name": "Odesa",
                "place_lat": 46.48,
                "place_lon": 30.73,
                "place_inherited": True,
            },
        ),
    ],
    ids=["country-and-region", "region-and-city", "landmark-in-city", "inherited"],
)
def test_coarse_contained_or_inherited_places_never_veto(left: dict, right: dict) -> None:
    a = event("a", **left)
    b = event("b", **{"place_lon": 34.46, **right})
    assert veto(a, b) is None


def test_a_landmark_lies_within_its_city_and_a_region_holds_its_towns() -> None:
    airport = event("a", place_name="Aden airport", place_precision="exact")
    assert place_relation(airport, event("b", place_name="Aden"))[0] == "within"
    region = event("a", place_name="Kharkiv region", place_precision="region", place_lat=49.5)
    town = event("b", place_name="Kupiansk", place_lat=49.71, place_lon=37.62)
    assert place_relation(region, town)[0] == "within"


def test_two_cities_named_in_their_sentences_and_far_apart_veto() -> None:
    assert veto(event("a"), event("b", **ODESA)) == "places far apart"


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"type": "PROTEST"}, "different type"),
        ({"modality_class": "negated"}, "different modality"),
        ({"day_lo": 1002, "day_hi": 1002}, "dates apart"),
        ({"sources": (("GBR", "GBR", "GOV"),)}, "different senders"),
    ],
)
def test_each_veto_is_named(change: dict, name: str) -> None:
    assert veto(event("a"), event("b", **change)) == name
    assert name in dict(VETOES)


def test_an_announced_act_and_the_act_are_one_event() -> None:
    announced = event("b", type="SANCTION", modality_class="future")
    assert veto(event("a", type="SANCTION"), announced) is None


def test_civilians_as_a_source_are_no_sender() -> None:
    toll = event("b", sources=(("UKR-CVL", "UKR", "CVL"),))
    assert veto(event("a"), toll) is None


def test_sides_swap_only_for_acts_told_from_either_side() -> None:
    britain = {"sources": (("GBR", "GBR", "GOV"),), "targets": (("RUS", "RUS", "GOV"),)}
    russia = {"sources": (("RUS", "RUS", "GOV"),), "targets": (("GBR", "GBR", "GOV"),)}
    expulsions = (event("a", type="SANCTION", **britain), event("b", type="SANCTION", **russia))
    assert veto(*expulsions) == "different senders"
    swap = (event("a", type="RETREAT", **britain), event("b", type="RETREAT", **russia))
    assert veto(*swap) is None and pair_features(*swap)["sides_swapped"] == 1.0


def test_ordinals_of_a_serial_act_and_distinct_acts_veto() -> None:
    first = event("a", type="RETREAT", mode="release", stage=stage_of("the first stage"))
    second = event("b", type="RETREAT", mode="release", stage=stage_of("in the second stage"))
    assert veto(first, second) == "different stages"
    truce = event("b", type="RETREAT", mode="ceasefire")
    assert veto(event("a", type="RETREAT", mode="release"), truce) == "different acts"
    returned = event("b", type="RETREAT", mode="return")
    assert veto(event("a", type="RETREAT", mode="release"), returned) is None


def test_releases_of_other_figures_on_other_days_are_other_exchanges() -> None:
    """Rule another-day-another-figure-another-exchange: 307 each on Saturday, 303 each on
    Sunday; the same figure on the next day (a stage across midnight) or a figure on the same
    day (24 or 26 freed in one swap) may still be one exchange."""
    saturday = event("a", type="RETREAT", mode="release", counts=(("prisoners", 307),))
    sunday = replace(saturday, event_id="b", article_id="article-b", day_lo=1001, day_hi=1001)
    assert veto(saturday, replace(sunday, counts=(("prisoners", 303),))) == "different exchanges"
    assert veto(saturday, sunday) is None
    assert veto(saturday, replace(saturday, event_id="b", counts=(("prisoners", 303),))) is None


def test_a_package_deal_matches_either_of_its_subjects() -> None:
    package = event("a", type="AGREE", topics=frozenset({"ceasefire", "prisoner exchange"}))
    exchange = event("b", type="AGREE", topics=frozenset({"prisoner exchange"}))
    sanctions = event("b", type="AGREE", topics=frozenset({"sanctions"}))
    assert veto(package, exchange) is None
    assert veto(package, sanctions) == "different subjects"


def test_wording_alone_is_no_anchor() -> None:
    bare = {"sources": (), "targets": (), "place_name": None, "counts": (), "date_inferred": True}
    assert veto(event("a", **bare), event("b", **bare)) == "nothing in common"


def test_one_report_names_its_actors_once() -> None:
    # an undated lead and the body sentence that tells the same agreement by the parties' roles
    lead = "Sudan's warring parties have agreed to a week-long truce, the African Union said."
    body = "The army and the Rapid Support Forces accepted a plan to halt all offensives."
    sides = (("sdn", "SDN", "GOV"), ("rsf", "SDN", "REB"))

    def told(event_id: str, sentence: str, article: str) -> Features:
        return event(
            event_id,
            type="AGREE",
            article_id=article,
            sources=sides,
            targets=(),
            place_name=None,
            counts=(),
            date_inferred=True,
            tokens=content_tokens(sentence),
            names=sentence_names(sentence),
            numbers=sentence_numbers(sentence),
        )

    assert veto(told("a", lead, "one"), told("b", body, "one")) is None
    assert veto(told("a", lead, "one"), told("b", body, "two")) == "nothing in common"


def test_close_counts_raise_the_score_and_far_ones_lower_it() -> None:
    base = compare(event("a"), event("b", counts=(("killed", 52),)))
    far = compare(event("a"), event("b", counts=(("killed", 2),)))
    assert base is not None and far is not None and base.score > far.score
    assert "counts" in base.reasons and "model" in base.reasons


def test_sentence_features() -> None:
    assert sentence_names("Residents of Hroza buried the Russian strike's 52 dead on Friday.") == {
        "hroza"
    }
    assert sentence_numbers("a 30-day truce, 390-for-390, 1,200 freed in 2023, 4.5 km") == {1200}
    assert stage_of("the final stage of the exchange") == -1
    assert stage_of("a first round of talks") == 1
    assert "issi" in char_grams({"missile"})


def test_the_shipped_model_follows_its_feature_signs() -> None:
    text = files("accord").joinpath("data/track_pair_model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    model = PairModel.default()
    assert model.features == FEATURE_NAMES and 0 < model.threshold < 1
    for name, weight in zip(model.features, model.coefficients, strict=True):
        assert weight * FEATURE_SIGNS[name] >= 0 or FEATURE_SIGNS[name] == 0, name
    assert "fit_pair_model.py" in data["doc"]
    with pytest.raises(ValueError, match="unknown features"):
        PairModel.from_dict({**data, "features": ["nope"], "coefficients": [1.0]})


def test_average_linkage_keeps_a_chain_from_joining_events_that_differ() -> None:
    """a-b and b-c link strongly, but a and c are in cities far apart: b joins one of them."""
    model = PairModel.default()
    a = event("a")
    b = event("b", place_name=None, place_lat=None, place_lon=None)
    c = event("c", **ODESA)
    found = {item.event_id: item for item in (a, b, c)}
    links = [("a", "b", 0.9, {}), ("b", "c", 0.9, {})]
    clusters = group(sorted(found), links, Decisions(), AverageLinkage(found, model))
    assert {"a", "c"} not in [set(members) & {"a", "c"} for members in clusters]
    assert len(clusters) == 2


def test_a_night_told_overnight_is_the_night_before_the_report() -> None:
    """Rule overnight-is-the-night-before: an act told 'overnight' with no date of its own is
    dated to the night that ended on its report's day, exactly (no publication window), and
    acts of two different nights are different events; a dated act is not vetoed by it."""
    row = {
        "date_precision": "reported",
        "date_by": "2025-05-24",
        "published": "2025-05-24T21:40:00+03:00",
        "sentence": "Russia launched one of its biggest attacks on Kyiv overnight.",
    }
    saturday = date(2025, 5, 24).toordinal()
    assert night_of(row, inherited=False) == saturday
    assert night_of(row | {"date_precision": "day"}, inherited=False) is None
    assert night_of(row | {"date_precision": "day"}, inherited=True) == saturday
    assert night_of(row | {"sentence": "Russia attacked Kyiv."}, inherited=False) is None
    toll = "The number of people killed when a drone hit Odesa rose to 10 overnight."
    assert night_of(row | {"sentence": toll}, inherited=False) is None
    first = event("a", night=saturday, day_lo=saturday - 1, day_hi=saturday)
    second = event("b", night=saturday + 1, day_lo=saturday, day_hi=saturday + 1)
    assert veto(first, second) == "different nights"
    assert veto(first, event("c", day_lo=saturday, day_hi=saturday)) != "different nights"
    assert veto(first, replace(second, night=saturday)) != "different nights"


def test_a_truce_told_with_its_beginning_is_dated_by_it() -> None:
    """Rule a-truce-told-with-its-beginning: an undated ceasefire mention that tells the day it
    began is dated by that day, read back from its report; other acts, and vague beginnings,
    are not."""
    row = {
        "mode": "ceasefire",
        "date_by": "2024-06-20",
        "published": "2024-06-20T09:00:00+00:00",
        "sentence": "The ceasefire, which expires next week, has held since it began on June 3.",
    }
    june_3 = date(2024, 6, 3).toordinal()
    assert beginning_told(row) == (june_3, june_3)
    weekend = "The truce, which began on Saturday evening, has let aid convoys into the city."
    saturday = date(2024, 6, 15).toordinal()
    assert beginning_told(row | {"sentence": weekend}) == (saturday, saturday)
    assert beginning_told(row | {"mode": "release"}) is None
    vague = "The ceasefire has held since it began in June."
    assert beginning_told(row | {"sentence": vague}) is None
    assert beginning_told(row | {"sentence": "The ceasefire has largely held."}) is None


def test_each_figure_of_a_sentence_finds_its_own_qualifier():
    from accord.track.summary import qualifier_of

    sentence = "Officials said at least 13 people were killed and about 40 were wounded."
    assert qualifier_of(sentence, 13) == "at least"
    assert qualifier_of(sentence, 40) == "about"
    assert qualifier_of(sentence, 1) is None
    assert qualifier_of("More than 1,300 residents fled the town.", 1300) == "more than"
