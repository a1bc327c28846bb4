"""Counts: casualty and other figures tied by the parse to the casualty word."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from accord.errors import DataFileError
from accord.extract.counts import count_words, extract_counts, homecoming_verbs, parse_number
from accord.extract.events.lexicon import lexicon_from_data
from accord.models import Counts
from accord.nlp import load_nlp

ISTANBUL = Path(__file__).parent / "corpus" / "istanbul-talks.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def istanbul(nlp) -> Doc:
    return nlp(ISTANBUL.read_text(encoding="utf-8"))


def sentence(doc: Doc, words: str) -> Span:
    found = [sent for sent in doc.sents if words in sent.text]
    assert len(found) == 1, f"{len(found)} sentences contain {words!r}"
    return found[0]


def counts_of(nlp: Language, text: str) -> Counts:
    return extract_counts(next(nlp(text).sents))


# --- the Istanbul article ----------------------------------------------------------------------


def test_kupiansk_strike_killed_one_and_injured_four(istanbul):
    counts = extract_counts(sentence(istanbul, "a drone strike on the city of Kupiansk"))
    assert counts == Counts(killed=1, injured=4)


def test_prisoner_swap_of_a_thousand_each(istanbul):
    counts = extract_counts(sentence(istanbul, "a swap of 1,000 prisoners each"))
    assert counts == Counts(prisoners=1000)


def test_un_toll_is_stated_as_a_figure(istanbul):
    # Cumulative or not is the event extractor's call; the figure itself is stated.
    counts = extract_counts(sentence(istanbul, "over 12,000 Ukrainian civilians"))
    assert counts == Counts(killed=12000)


@pytest.mark.parametrize(
    "words",
    [
        "Tens of thousands of Ukrainian soldiers",  # vague
        "a full 30-day ceasefire",  # a duration, not a count
        "first direct peace talks",  # "two hours", "2022": no casualty word
        "an end to killings",  # a casualty word without a number
        "a major prisoner-of-war (POW) exchange",  # prisoners without a number
    ],
)
def test_istanbul_sentences_without_figures(istanbul, words):
    assert extract_counts(sentence(istanbul, words)).is_empty()


# --- realistic sentences -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 12 people were killed and 30 wounded when shelling hit a market in Kherson "
            "on Tuesday, regional governor Oleksandr Prokudin said.",
            Counts(killed=12, injured=30),
        ),
        ("Police detained 45 protesters in Tbilisi on Saturday.", Counts(detained=45)),
        ("Five people were killed and 12 injured in the attack.", Counts(killed=5, injured=12)),
        ("Russian shelling killed two soldiers and a civilian.", Counts(killed=3)),
        (
            "Israeli strikes killed at least 40 Palestinians, including 12 children.",
            Counts(killed=40),
        ),
        ("Three people died and four were hurt.", Counts(killed=3, injured=4)),
        ("A man was killed and two others were wounded.", Counts(killed=1, injured=2)),
        ("The strike killed one person and wounded seven others.", Counts(killed=1, injured=7)),
        ("The attack left 12 people dead and 40 injured.", Counts(killed=12, injured=40)),
        ("The death toll rose to 30, officials said.", Counts(killed=30)),
        ("At least 25 people lost their lives in the floods.", Counts(killed=25)),
        ("No one was killed in the attack.", Counts(killed=0)),
        ("Two dozen people were detained.", Counts(detained=24)),
        ("Police took 15 protesters into custody.", Counts(detained=15)),
        ("Ukraine and Russia exchanged 390 prisoners of war on Friday.", Counts(prisoners=390)),
        ("Russia released 84 Ukrainian POWs in the swap.", Counts(prisoners=84)),
        (
            "More than 1.2 million people have fled their homes since April.",
            Counts(displaced=1_200_000),
        ),
        ("The fighting has displaced 10,000 people.", Counts(displaced=10_000)),
        ("The fighting has forced 5,000 people to flee.", Counts(displaced=5000)),
        ("A 2022 strike killed 3 people.", Counts(killed=3)),
        # a relative clause's antecedent is its doer (or where it happened), not its victims
        (
            "The group claimed the bombing of a busy market that killed 32 people and wounded 110.",
            Counts(killed=32, injured=110),
        ),
        ("Villagers mourned the 12 people who were killed in the raid.", Counts(killed=12)),
        # a toll by another name; a vague quantity is no figure
        ("The number of people killed in the strike has risen to 21.", Counts(killed=21)),
        ("The number of people injured rose to 64, officials said.", Counts(injured=64)),
        ("A number of people were killed in the raid.", Counts()),
    ],
)
def test_figures_in_realistic_sentences(nlp, text, expected):
    assert counts_of(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two sides held three rounds of talks in 2022.",  # "held" talks, not people
        "The strike left dozens wounded.",  # vague
        "The 62-year-old man was hospitalised with shrapnel wounds.",  # an age
        "Protesters were arrested in 2019.",  # a year
        "Both sides agreed to a 30-day ceasefire.",
    ],
)
def test_no_figure_where_none_is_stated(nlp, text):
    assert counts_of(nlp, text).is_empty()


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["1,000"], 1000),
        (["12"], 12),
        (["four"], 4),
        (["twenty-five"], 25),
        (["1.2", "million"], 1_200_000),
        (["two", "dozen"], 24),
        (["dozen"], 12),
        (["dozens"], None),
        (["hundreds"], None),
        (["several"], None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(list(words)) == value


def test_a_hundred_and_fifty_is_one_number_and_a_homecoming_counts_the_freed():
    """Rules a-hundred-and-fifty-is-one-number (the parser makes "fifty" a conjunct of
    "hundred") and the-held-who-come-home-were-freed (the homecoming counts its subject)."""
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    text = "One hundred and fifty Ukrainian soldiers returned home from Russian captivity."
    (release,) = extract_article(make_article(text, published="2026-04-11")).events
    assert release.counts.prisoners == 150
    text = "Militants killed two hundred and twelve people in the town on Monday."
    (attack,) = extract_article(make_article(text, published="2026-04-11")).events
    assert attack.counts.killed == 212


def test_the_homecoming_verbs_are_the_lexicons_entries_for_the_held():
    """Counts reads its homecoming verbs from the lexicon's phrasal "<verb> home" entries whose
    subject is the held (one list for the coder's release and the prisoners counted); a
    lexicon without one is a data error, and "go home" without the held role is no such verb."""
    assert count_words().homecoming_verbs == {"return", "arrive", "come"}
    phrasal = {
        "go home": {"type": "RETREAT", "mode": None},
        "sail home": {"type": "RETREAT", "mode": "release", "subject_role": "held"},
        "come under fire": {"type": "ASSAULT", "mode": None, "subject_role": "target"},
    }
    entries = lexicon_from_data({"phrasal": phrasal}, "test.json").phrasal
    assert homecoming_verbs(entries) == {"sail"}
    with pytest.raises(DataFileError, match="no '<verb> home' entry with subject_role held"):
        homecoming_verbs({"go home": entries["go home"]}, "test.json")


@pytest.mark.parametrize(
    ("text", "prisoners"),
    [
        # tests/corpus_proposals/abu-dhabi-swap-02-harbour-wire.txt
        (
            "Russia's Defence Ministry said 150 Russian servicemen had been returned from "
            "territory controlled by Kyiv and were receiving medical care in Belarus.",
            150,
        ),
        # tests/corpus_coverage/tune/istanbul-swap-04-larkspur-daily.txt
        (
            "Russia's Defence Ministry said 270 servicemen and 120 civilians had been returned "
            "by each side.",
            390,
        ),
        # tests/corpus_proposals/sahel-swap-03-saltmarsh-radio.txt
        (
            "Three soldiers held in Burkina Faso for more than a year arrived home, hours after "
            "Ivory Coast handed over three Burkinabe soldiers at the border, officials said.",
            3,
        ),
    ],
)
def test_people_returned_or_handed_over_are_the_prisoners_freed(text, prisoners):
    """A release told as a return or a handover counts the people returned or handed over
    (data: "return" and "hand" among the people-only counting verbs of counts.json)."""
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    events = extract_article(make_article(text, published="2026-04-11")).events
    assert [event.counts.prisoners for event in events if event.type == "RETREAT"] == [prisoners]


def test_a_return_counts_people_only():
    """ "returned three years later" (tests/corpus_news/tune/b-wn-iraq-air-base-rockets.txt)
    counts no one: "return" counts people, never a span of years (the people-only verbs)."""
    from accord.ingest import make_article
    from accord.pipeline import extract_article

    text = (
        "U.S. troops left Iraq in 2011, then at the Iraqi government's request returned three "
        "years later."
    )
    events = extract_article(make_article(text, published="2026-04-11")).events
    assert events and all(event.counts.is_empty() for event in events)


# --- rule "a-figure-the-parser-hangs-on-its-verb": real tune notes -----------------------------

TUNE_NOTES = Path(__file__).parent / "event_notes" / "tune.jsonl"


def tune_note_text(note_id: str) -> str:
    import json

    for line in TUNE_NOTES.read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        if note["id"] == note_id:
            return note["text"]
    raise AssertionError(f"no tune note {note_id}")


@pytest.mark.parametrize(
    ("note_id", "words", "expected"),
    [
        # "gunmen opened fire on a convoy ... this afternoon, at least 38 killed and dozens wounded"
        ("n524", "at least 38 killed", Counts(killed=38)),
        # "Israeli settlers set fire ... ; 1 Palestinian killed and about 100 injured."
        ("n127", "about 100 injured", Counts(killed=1, injured=100)),
        # "Hundreds protested in Wamena ... against new military posts; police detained 8."
        ("n247", "police detained 8", Counts(detained=8)),
    ],
)
def test_a_bare_figure_hung_on_its_casualty_verb_is_the_count(nlp, note_id, words, expected):
    assert extract_counts(sentence(nlp(tune_note_text(note_id)), words)) == expected


def test_a_vague_amount_on_the_verb_is_no_figure(nlp):
    # n467: "... killed 9 people, including 4 civilians, and displaced several thousand."
    assert counts_of(nlp, "The fighting killed 9 people and displaced several thousand.") == (
        Counts(killed=9)
    )
