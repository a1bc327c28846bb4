"""Dates: expressions resolved against the publication date, and the date of a sentence's event.

Sentences come from real parses: the Istanbul article (published Friday 2025-05-16) and
short realistic reports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from accord.extract.dates import (
    AHEAD_OF_ITS_TELLING,
    find_event_date,
    resolve_date,
    tense_of_its_date,
)
from accord.nlp import load_nlp
from records import tune_article_events

ISTANBUL = Path(__file__).parent / "corpus" / "istanbul-talks.txt"
PUBLISHED = "2025-05-16"  # a Friday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def istanbul(nlp) -> Doc:
    return nlp(ISTANBUL.read_text(encoding="utf-8"))


def sentence(doc: Doc, words: str) -> Span:
    """The sentence of ``doc`` that contains ``words``."""
    found = [sent for sent in doc.sents if words in sent.text]
    assert len(found) == 1, f"{len(found)} sentences contain {words!r}"
    return found[0]


def parse_one(nlp: Language, text: str) -> Span:
    return next(nlp(text).sents)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on Friday", "2025-05-16", "2025-05-16", "day"),  # the publication day itself
        ("On Thursday", "2025-05-15", "2025-05-15", "day"),
        ("Saturday", "2025-05-10", "2025-05-10", "day"),  # the past Saturday, not tomorrow
        ("next Monday", "2025-05-19", "2025-05-19", "day"),
        ("last Friday", "2025-05-09", "2025-05-09", "day"),
        ("last Thursday", "2025-05-08", "2025-05-08", "day"),  # last week's, not yesterday
        ("last Sunday", "2025-05-11", "2025-05-11", "day"),  # already in last week
        ("Friday morning", "2025-05-16", "2025-05-16", "day"),
        ("late Thursday", "2025-05-15", "2025-05-15", "day"),
        ("10 May", "2025-05-10", "2025-05-10", "day"),
        ("May 10", "2025-05-10", "2025-05-10", "day"),
        ("16 May 2025", "2025-05-16", "2025-05-16", "day"),
        ("yesterday", "2025-05-15", "2025-05-15", "day"),
        ("two days ago", "2025-05-14", "2025-05-14", "day"),
        ("last week", "2025-05-05", "2025-05-11", "week"),
        ("this week", "2025-05-12", "2025-05-18", "week"),
        ("May 2025", "2025-05-01", "2025-05-31", "month"),
        ("last month", "2025-04-01", "2025-04-30", "month"),
        ("mid-May", "2025-05-01", "2025-05-31", "month"),
        ("2022", "2022-01-01", "2022-12-31", "year"),
        ("last year", "2024-01-01", "2024-12-31", "year"),
        ("October", "2024-10-01", "2024-10-31", "month"),  # past, not five months ahead
        ("20 May", "2025-05-20", "2025-05-20", "day"),  # a plan days ahead stays ahead
    ],
)
def test_resolve_date_against_the_publication_date(text, start, end, precision):
    value = resolve_date(text, PUBLISHED)
    assert (value.start, value.end, value.precision) == (start, end, precision)
    assert value.text == text


def test_a_datetime_publication_stamp_is_read_as_its_date():
    assert resolve_date("Thursday", "2025-05-16T23:10:00+00:00").start == "2025-05-15"


def test_a_date_without_year_takes_the_year_that_puts_it_in_the_past():
    assert resolve_date("December 20", "2025-01-05").start == "2024-12-20"
    assert resolve_date("January 3", "2024-12-30").start == "2025-01-03"


@pytest.mark.parametrize(
    "text",
    [
        "30-day",
        "55-year-old",
        "the early months",
        "summer",
        "less than two hours",
        "two hours",
        "five years",
        "a week",
        "the 1990s",
        "in due course",
        "to date",
    ],
)
def test_durations_ages_and_vague_times_are_not_dates(text):
    value = resolve_date(text, PUBLISHED)
    assert value.start is None and value.precision is None


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("16 May 2025", "2025-05-16", "day"),
        ("May 2025", "2025-05-01", "month"),
        ("2022", "2022-01-01", "year"),
    ],
)
def test_absolute_dates_resolve_without_a_publication_date(text, start, precision):
    value = resolve_date(text, None)
    assert (value.start, value.precision) == (start, precision)


@pytest.mark.parametrize("text", ["Friday", "yesterday", "last week", "10 May", "this year"])
def test_relative_dates_stay_unresolved_without_a_publication_date(text):
    value = resolve_date(text, None)
    assert value.start is None and value.end is None and value.precision is None


# --- the Istanbul article --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "text", "start", "precision"),
    [
        ("concluded in less than two hours on Friday", "Friday", "2025-05-16", "day"),
        ("On Thursday, President Putin rejected", "Thursday", "2025-05-15", "day"),
        ("a drone strike on the city of Kupiansk", "Friday morning", "2025-05-16", "day"),
        ("Rubio said on Thursday", "Thursday", "2025-05-15", "day"),
    ],
)
def test_istanbul_event_dates(istanbul, words, text, start, precision):
    value = find_event_date(sentence(istanbul, words), PUBLISHED)
    assert value is not None
    assert (value.text, value.start, value.end, value.precision) == (text, start, start, precision)
    assert istanbul.text[value.char_start : value.char_end] == text


def test_first_sentence_is_dated_by_friday_not_by_the_2022_invasion(istanbul):
    value = find_event_date(sentence(istanbul, "first direct peace talks"), PUBLISHED)
    assert value is not None and value.start == "2025-05-16"


@pytest.mark.parametrize(
    "words",
    [
        "their second since 10 May",  # a since-date bounds a period, it does not date the call
        "a full 30-day ceasefire",  # a duration
        "by the end of the year",  # a deadline
        "summer is the best time for war",  # a season, no date
        "a 55-year-old woman",  # an age; the Friday-morning date is the only real one
    ],
)
def test_istanbul_non_dates_are_skipped(istanbul, words):
    value = find_event_date(sentence(istanbul, words), PUBLISHED)
    if words == "a 55-year-old woman":
        assert value is not None and value.text == "Friday morning"
    else:
        assert value is None


def test_since_date_still_resolves_on_its_own():
    assert resolve_date("10 May", PUBLISHED).start == "2025-05-10"


# --- realistic sentences -----------------------------------------------------------------------


def test_kherson_market_shelling_is_dated_on_the_publication_tuesday(nlp):
    sent = parse_one(
        nlp,
        "At least 12 people were killed and 30 wounded when shelling hit a market in Kherson "
        "on Tuesday, regional governor Oleksandr Prokudin said.",
    )
    value = find_event_date(sent, "2025-06-10")
    assert value is not None and (value.start, value.precision) == ("2025-06-10", "day")
    assert sent.doc.text[value.char_start : value.char_end] == "Tuesday"


def test_relative_date_without_publication_date_comes_back_unresolved(nlp):
    sent = parse_one(nlp, "Police detained 45 protesters in Tbilisi on Saturday.")
    value = find_event_date(sent, None)
    assert value is not None
    assert value.text == "Saturday" and value.start is None and value.precision is None


def test_absolute_date_without_publication_date_resolves(nlp):
    sent = parse_one(nlp, "Hamas-led militants attacked southern Israel on 7 October 2023.")
    value = find_event_date(sent, None)
    assert value is not None and (value.start, value.precision) == ("2023-10-07", "day")


def test_sentence_without_a_date_gives_none(nlp):
    assert find_event_date(parse_one(nlp, "Both sides remained far apart."), PUBLISHED) is None


def test_report_date_does_not_date_the_reported_event(nlp):
    sent = parse_one(
        nlp,
        "Police detained 23 people during the operation, the Interior Ministry said in a "
        "statement on Tuesday.",
    )
    detained = next(token for token in sent if token.text == "detained")
    said = next(token for token in sent if token.text == "said")
    assert find_event_date(sent, "2025-05-27", trigger=detained) is None
    assert find_event_date(sent, "2025-05-27", trigger=said).start == "2025-05-27"


def test_date_in_a_since_clause_does_not_date_the_main_event(nlp):
    sent = parse_one(
        nlp,
        "COGAT said more than 1,000 trucks had entered Gaza since Israel eased its blockade "
        "of the territory in May.",
    )
    entered = next(token for token in sent if token.text == "entered")
    assert find_event_date(sent, "2025-06-17", trigger=entered) is None


def test_trigger_in_an_after_clause_keeps_its_own_date(nlp):
    sent = parse_one(
        nlp, "The war began after Hamas-led militants attacked southern Israel on 7 October 2023."
    )
    attacked = next(token for token in sent if token.text == "attacked")
    began = next(token for token in sent if token.text == "began")
    assert find_event_date(sent, "2025-06-17", trigger=attacked).start == "2023-10-07"
    assert find_event_date(sent, "2025-06-17", trigger=began) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # monitors mark an approximate day: the day is still the day
        ("Around 5 June 2024", "2024-06-05", "2024-06-05", "day"),
        ("On or around 5 June 2024", "2024-06-05", "2024-06-05", "day"),
        # rule "a-spell-of-days": from the first day to the last
        ("Between 10 and 12 March 2024", "2024-03-10", "2024-03-12", "week"),
        ("10-12 March 2024", "2024-03-10", "2024-03-12", "week"),
        ("from 1 to 20 March 2024", "2024-03-01", "2024-03-20", "month"),
        # a weekday of the story's week, or of the week before
        ("On Monday of this week", "2024-12-09", "2024-12-09", "day"),
        ("Friday of last week", "2024-12-06", "2024-12-06", "day"),
    ],
)
def test_approximate_days_and_spells_of_days(text, start, end, precision):
    value = resolve_date(text, "2024-12-10")
    assert (value.start, value.end, value.precision) == (start, end, precision)


def test_a_fronted_date_frames_the_sentence_the_parser_hangs_it_on_a_noun(nlp):
    """Rule "a-fronted-date-frames-the-sentence": the parser hangs "On 14 February 2024" on
    "mortars" (and makes the noun the root); the date still dates the firing."""
    sentence = next(
        nlp("On 14 February 2024, Al-Shabaab fired mortars at the presidential palace.").sents
    )
    fired = next(token for token in sentence if token.text == "fired")
    assert find_event_date(sentence, "2024-12-10", fired).start == "2024-02-14"
    reported = next(nlp("On Tuesday, the ministry said Russian forces had attacked it.").sents)
    attacked = next(token for token in reported if token.text == "attacked")
    assert find_event_date(reported, "2024-12-10", attacked) is None  # the report's day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 20 last year", ("2024-03-20", "day")),
        ("in May last year", ("2024-05-01", "month")),
        ("December 2, last year", ("2024-12-02", "day")),
        ("early February this year", ("2025-02-01", "month")),
        ("in October next year", ("2026-10-01", "month")),
    ],
)
def test_rule_a_month_of_last_year(text, expected):
    # a month (and day) of the year the words count from the publication's
    value = resolve_date(text, PUBLISHED, "past")
    assert (value.start, value.precision) == expected


def test_a_month_of_last_year_dates_the_clause(nlp):
    sent = next(nlp("Pompeo joined the summit of EastMed leaders on March 20 last year.").sents)
    found = find_event_date(sent, PUBLISHED)
    assert found is not None and found.start == "2024-03-20"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday of a named week, with or without "of" (Friday 2025-05-16)
        ("on Tuesday last week", ("2025-05-06", "day")),
        ("Wednesday this week", ("2025-05-14", "day")),
        # a spell of weekdays: from its first day, told to the week
        ("on Saturday and Sunday", ("2025-05-10", "week")),
        ("from Monday to Wednesday", ("2025-05-12", "week")),
        # a part of a month is told to the month
        ("at the end of March", ("2025-03-01", "month")),
        ("the beginning of last month", ("2025-04-01", "month")),
    ],
)
def test_rule_weekdays_of_a_week_spells_and_parts_of_months(text, expected):
    value = resolve_date(text, PUBLISHED, "past")
    assert (value.start, value.precision) == expected


def test_month_and_weekday_names_do_not_follow_the_hosts_locale() -> None:
    """A host that set a French LC_TIME gets French ``calendar`` names; articles are English
    all the same (run in a fresh process with ``calendar``'s names made French first)."""
    script = (
        "import calendar\n"
        "calendar.month_name = ['', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin',"
        " 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']\n"
        "calendar.month_abbr = ['', 'janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin',"
        " 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']\n"
        "calendar.day_name = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',"
        " 'dimanche']\n"
        "from accord.display import day_words\n"
        "from accord.extract.dates import MONTHS, WEEKDAYS\n"
        "print('march' in MONTHS, 'sep' in MONTHS, WEEKDAYS.get('thursday'),"
        " day_words('2025-03-06'))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[-2] == "True True 3 6 March 2025"


TUNE = Path(__file__).parent / "corpus_news" / "tune"


@pytest.mark.parametrize(
    ("slug", "trigger", "month", "expected"),
    [
        # "have agreed to resume reunification talks in September" (report of 2008-07-25)
        ("a-voa-cyprus-leaders-agree-reunification-talks", "resume", "September", "2008-09-01"),
        # "wrapped up ... Tuesday ..., agreeing to hold further negotiations in July" (2005-05-31)
        ("b-voa-aceh-rebels-agree-more-talks", "hold", "July", "2005-07-01"),
    ],
)
def test_rule_a_commitment_looks_ahead_of_its_telling(nlp, slug, trigger, month, expected):
    # what was agreed to be done "in September" is after the agreeing: the September nearest
    # the report, not the last one before it (2007-09 and 2004-07 before the rule)
    published = json.loads((TUNE / f"{slug}.meta.json").read_text(encoding="utf-8"))["published"]
    lead = next(nlp((TUNE / f"{slug}.txt").read_text(encoding="utf-8")).sents)
    verb = next(token for token in lead if token.text == trigger)
    assert tense_of_its_date(verb) == AHEAD_OF_ITS_TELLING
    value = resolve_date(month, published, tense_of_its_date(verb))
    assert (value.start, value.precision) == (expected, "month")


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("a-voa-cyprus-leaders-agree-reunification-talks", None),  # was 2007-09-01 (wrong)
        ("b-voa-aceh-rebels-agree-more-talks", "2005-05-31"),  # was 2004-07-01: now "Tuesday"
    ],
)
def test_an_agreement_is_not_dated_by_last_years_month_of_what_it_agreed(slug, expected):
    (agreement,) = [event for event in tune_article_events(slug) if event.type == "AGREE"]
    assert agreement.date is not None and agreement.date.start == expected


def test_a_commitment_told_as_a_plan_now_keeps_the_coming_weekday(nlp):
    # b-voa-sudan-south-sudan-oil-buffer-deal (2012-09-26, a Wednesday): "plan to sign the
    # deal Thursday" is the coming Thursday, as rule a-plan-looks-ahead reads it
    sent = next(
        nlp(
            "Sudanese President Omar al-Bashir and South Sudanese President Salva Kiir plan to "
            "sign the deal Thursday in Addis Ababa, Ethiopia."
        ).sents
    )
    found = find_event_date(sent, "2012-09-26", next(t for t in sent if t.text == "sign"))
    assert found is not None and found.start == "2012-09-27"
