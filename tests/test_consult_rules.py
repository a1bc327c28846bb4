"""Rules for meetings, talks, visits and mediation (CONSULT), each on real sentences of the
news tune fold (tests/corpus_news/tune), read in their whole article."""

from __future__ import annotations

import pytest

from accord.models import Event
from records import tune_article_events


def consult_told_in(slug: str, words: str) -> Event:
    """The first CONSULT of a tune article whose evidence sentence holds ``words``."""
    told = [
        e for e in tune_article_events(slug) if e.type == "CONSULT" and words in e.evidence.sentence
    ]
    assert told, f"no CONSULT told in {words!r}"
    return told[0]


def names(refs) -> set[str]:
    return {ref.name for ref in refs}


@pytest.mark.parametrize(
    ("slug", "words", "parties", "met"),
    [
        (  # VOA (WN), Maidan Wardak: "met ... with X"
            "b-wn-maidan-wardak-car-bomb",
            "The Taliban met on Monday with Zalmay Khalilzad",
            {"Taliban", "Zalmay Khalilzad"},
            "Zalmay Khalilzad",
        ),
        (  # VOA, Rice in Islamabad: "held talks with X"
            "b-voa-rice-islamabad-sharif-talks",
            "Rice has also held delegation-level talks with",
            {"Susan Rice", "Sartaj Aziz"},
            "Sartaj Aziz",
        ),
        (  # VOA, Obama and Hu: "joined X ... for a private dinner"
            "b-voa-obama-hu-vow-cooperation",
            "Mr. Hu joined President Obama at the White House for a private dinner",
            {"Hu Jintao", "Barack Obama"},
            "Barack Obama",
        ),
        (  # WN, Korean vice-ministers: "has met with X's ambassador"
            "b-wn-korea-vice-ministers-talks",
            "The U.S. has also met with North Korea's United Nations ambassador",
            {"United States", "North Korea"},
            "North Korea",
        ),
    ],
)
def test_the_one_met_is_a_party(slug: str, words: str, parties: set[str], met: str):
    """Rule the-one-met-is-a-party: a meeting is done together, so the one met is a source
    too, and stays the target (the one met)."""
    event = consult_told_in(slug, words)
    assert parties <= names(event.sources)
    assert met in names(event.targets)


def test_what_a_meeting_discusses_is_no_party():
    """The topic of a meeting ("to discuss Libya-Turkey relations") is no party to it."""
    event = consult_told_in("a-wn-cairo-summit-turkey-libya-deal", "gathered in Cairo")
    assert not names(event.sources) & {"Libya", "Turkey"}


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        (  # VOA, Cambodia and Thailand: "be to" and the act's noun
            "b-voa-cambodia-thailand-border-clashes",
            "Indonesia is to continue mediation efforts on Monday",
        ),
        (  # WN, Korean vice-ministers: the act's noun the subject of "scheduled"
            "b-wn-korea-vice-ministers-talks",
            "Meetings are scheduled for Monday and Tuesday in Kaesong",
        ),
    ],
)
def test_an_arranged_meeting_is_future(slug: str, words: str):
    """Rule be-to-is-future (and forecasts of an act's noun): a meeting told as arranged or
    scheduled has not happened yet."""
    event = consult_told_in(slug, words)
    assert event.modality == "future"


def test_slated_talks_are_ahead():
    """The small model lemmatises "slated" as "slat", so "slate" in the forecast verbs never
    matched: a round of talks "slated for December" (VOA, Georgia and the Abkhaz separatists)
    is told as ahead."""
    from pathlib import Path

    from accord.extract.dates import tense_of
    from accord.nlp import load_nlp

    article = (
        Path(__file__).parent
        / "corpus_news/tune/a-voa-georgia-abkhaz-separatists-fire-checkpoint.txt"
    )
    line = next(
        line for line in article.read_text(encoding="utf-8").splitlines() if "slated for" in line
    )
    slated = next(t for t in load_nlp()(line.strip()) if t.lower_ == "slated")
    assert tense_of(slated) == "future"


def test_talks_measured_in_days_or_hours_took_place():
    """Rule talks-in-passing-took-place through a measure: "unveiled the plan after more than
    13 hours of talks in Geneva" (tests/corpus_coverage/tune, the U.S.-Russian Syria plan of
    September 2016) places the talks where "hours" stands, as the light verbs read "held four
    days of talks"; the ones who unveiled the plan held them."""
    import json
    from pathlib import Path

    from accord.ingest import make_article
    from accord.pipeline import extract_article

    story = Path(__file__).parent / "corpus_coverage/tune/syria-truce-sep16-01-harbour-wire"
    meta = json.loads(story.with_suffix(".meta.json").read_text(encoding="utf-8"))
    text = story.with_suffix(".txt").read_text(encoding="utf-8")
    article = make_article(text, title=meta["title"], published=meta["published"])
    [talks] = [
        e
        for e in extract_article(article).events
        if e.type == "CONSULT" and "13 hours of talks" in e.evidence.sentence
    ]
    assert talks.trigger == "talks" and talks.modality == "asserted"
    assert names(talks.sources) == {"John Kerry", "Sergei Lavrov"}


def test_talks_measured_and_told_before_are_told_elsewhere():
    """ "After the two days of talks" points back to talks told before, as "after the talks"
    does: no meeting of its own."""
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    article = make_article("Rice arrived in Islamabad after the two days of talks in Beijing.")
    events = extract_article(article).events
    assert [e for e in events if e.trigger == "talks"] == []


@pytest.mark.parametrize(
    ("slug", "words", "sources", "targets"),
    [
        (  # VOA, Scarborough standoff: the summons told just before names the sides
            "b-voa-philippines-china-scarborough-standoff",
            "their first round of talks hit an impasse",
            {"Albert del Rosario"},
            {"China"},
        ),
        (  # VOA, Abkhaz checkpoint: the Geneva talks told two sentences before
            "a-voa-georgia-abkhaz-separatists-fire-checkpoint",
            "A second round of talks is slated for December",
            {"Georgia", "Russia"},
            set(),
        ),
    ],
)
def test_a_round_of_talks_is_between_the_sides_told(
    slug: str, words: str, sources: set[str], targets: set[str]
):
    """Rules a-round-of-talks-is-held and a-round-of-talks-is-between-the-sides-told: talks
    counted by their round that name no party are held, between the sides told around them
    (marked inferred)."""
    event = consult_told_in(slug, words)
    assert names(event.sources) == sources
    assert names(event.targets) == targets
    assert all(ref.inferred for ref in (*event.sources, *event.targets))
    assert "a-round-of-talks-is-between-the-sides-told" in event.evidence.why
