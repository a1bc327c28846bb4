"""Golden tests: the pipeline on real articles against readings a person checked (tests/corpus/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.evaluate import format_misses, load_expected, score_extraction
from accord.ingest import read_sources
from accord.models import Article, Extraction
from accord.pipeline import extract_many

CORPUS = Path(__file__).parent / "corpus"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json"))
CORE_FIELDS = ("type", "sources", "targets", "modality")
# Share of expected events whose type, actors and modality must all be right, per article.
# Raise these when the extractor improves; never lower them to make a change pass.
MIN_EVENTS_RIGHT = {"istanbul-talks": 14 / 17}
DEFAULT_MIN_EVENTS_RIGHT = 0.6
MIN_QUOTES_RIGHT = {"istanbul-talks": 1.0}
DEFAULT_MIN_QUOTES_RIGHT = 0.6


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    articles = [a for a in read_sources(CORPUS / f"{name}.txt" for name in NAMES)]
    assert all(isinstance(a, Article) for a in articles), articles
    return {name: ex for name, ex in zip(NAMES, extract_many(articles), strict=True)}


def _score(name: str, extractions: dict[str, Extraction]):
    return score_extraction(load_expected(CORPUS / f"{name}.expected.json"), extractions[name])


def test_corpus_has_the_example_and_three_more_articles():
    assert "istanbul-talks" in NAMES
    assert len(NAMES) >= 4


@pytest.mark.parametrize("name", NAMES)
def test_events_match_the_hand_reading(name, extractions):
    score = _score(name, extractions)
    expected_events = {r.record for r in score.results if r.record.startswith("E")}
    right = score.events_fully_right(CORE_FIELDS)
    needed = MIN_EVENTS_RIGHT.get(name, DEFAULT_MIN_EVENTS_RIGHT) * len(expected_events)
    assert len(right) >= needed - 1e-9, (
        f"{len(right)}/{len(expected_events)} events right\n{format_misses(score)}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_quotes_have_the_right_speakers(name, extractions):
    score = _score(name, extractions)
    speakers = [r for r in score.results if r.field == "speaker"]
    right = sum(r.ok for r in speakers)
    needed = MIN_QUOTES_RIGHT.get(name, DEFAULT_MIN_QUOTES_RIGHT) * len(speakers)
    assert right >= needed - 1e-9, f"{right}/{len(speakers)} quotes right\n{format_misses(score)}"


@pytest.mark.parametrize("name", NAMES)
def test_listed_names_are_never_places(name, extractions):
    score = _score(name, extractions)
    wrong = [r for r in score.results if r.field == "not_place" and not r.ok]
    assert not wrong, wrong


def test_kupiansk_drone_strike_is_geocoded_counted_dated_and_has_no_invented_attacker(
    extractions,
):
    strikes = [
        e
        for e in extractions["istanbul-talks"].events
        if e.type == "ASSAULT" and "Kupiansk" in e.evidence.sentence
    ]
    assert len(strikes) == 1, strikes
    strike = strikes[0]
    assert strike.mode == "drone"
    assert strike.place is not None and strike.place.name == "Kupiansk"
    assert strike.place.country == "UKR" and strike.place.precision == "city"
    assert abs(strike.place.lat - 49.71) < 0.05 and abs(strike.place.lon - 37.62) < 0.05
    assert (strike.counts.killed, strike.counts.injured) == (1, 4)
    assert strike.date is not None and strike.date.start == "2025-05-16"
    assert strike.sources == ()
    assert strike.attributed_to == "Oleh Syniehubov"


def test_cumulative_tolls_are_not_events(extractions):
    events = extractions["istanbul-talks"].events
    assert not [e for e in events if "12,000" in e.evidence.sentence]
    assert not [e for e in events if "Tens of thousands" in e.evidence.sentence]


def test_every_event_keeps_its_evidence(extractions):
    for name, extraction in extractions.items():
        text = extraction.article.text
        for event in extraction.events:
            evidence = event.evidence
            assert text[evidence.start : evidence.end] == event.trigger, (name, event.id)
            start = evidence.sentence_start
            assert text[start : start + len(evidence.sentence)] == evidence.sentence
            assert evidence.why


def test_actors_carry_country_sector_and_role(extractions):
    actors = {a.name: a for a in extractions["istanbul-talks"].actors}
    umerov = actors["Rustem Umerov"]
    assert (umerov.country, umerov.sector) == ("UKR", "GOV")
    assert "Defence Minister" in (umerov.role or "")
    assert actors["Dmitry Peskov"].country == "RUS"
    assert not [a for a in actors.values() if a.name in {"Kyiv", "Moscow", "Kremlin"}]
