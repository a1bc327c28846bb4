"""Dates: resolve date expressions against the publication date, and date what a sentence reports.

News dates are mostly relative ("on Friday", "last week"), so everything resolves against the
article's publication date; without one, only expressions that carry their own year resolve
(never against today's date). ``dateparser`` does the calendar work; this module decides what
is a date at all (not "30-day", "55-year-old", "summer"), how weekdays resolve (the most recent
such day on or before publication: news reports the past) and how precise the result is.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span, Token

from accord.errors import DataFileError
from accord.models import MONTH_NAMES, WEEKDAY_NAMES, DateValue
from accord.nlp import SENTENCE_END_MARKS, children_of, is_to_infinitive, sentence_of, sentence_text

DATA_FILE = "data/dates.json"
SPANS_KEY = "accord.dates.spans"  # Doc.user_data: the date spans of each sentence
DATE_ENTS_KEY = "accord.dates.ents"  # Doc.user_data: the DATE and TIME entities
WEEKDAYS = {name.lower(): index for index, name in enumerate(WEEKDAY_NAMES)}
MONTHS = [name.lower() for name in MONTH_NAMES] + [name[:3].lower() for name in MONTH_NAMES]
PRECISION_BY_PERIOD = {
    "time": "day",
    "part_of_day": "day",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
# How far past the publication date a date written without a year may fall.
FUTURE_HORIZON_DAYS = 31
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
# Words before a date that make it the edge of a period, not the time of the event.
PERIOD_EDGE_WORDS = {"since", "until", "till", "by", "before", "after", "from", "through"}

_NUMBER_WORDS = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|several|few|a few|many|\d+(?:\.\d+)?)"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century)s?"
# "30-day", "55-year-old", "two hours", "less than two hours", "the past three years".
_DURATION = re.compile(
    rf"^(?:(?:less|more|fewer) than |about |around |nearly |almost |over |some |up to |at least |"
    rf"the (?:past|last|next|first|coming) )?{_NUMBER_WORDS}(?:[ -]{_UNIT})+(?:[ -]old|[ -]long)?$"
)
_HYPHENATED_DURATION = re.compile(rf"\d+-{_UNIT}|-old\b|-long\b")
_DECADE = re.compile(r"\b\d{3}0s\b|\b\d0s\b")
_EXPLICIT_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b|'\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?\b")
_RELATIVE_WORDS = re.compile(
    r"\b(today|yesterday|tomorrow|tonight|ago|last|next|this|past|coming|week|weekend|month|"
    r"year|fortnight)\b"
)
_LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|during|since|from|until|till|by|as of|before|after|through|of|or|"
    r"around|about|circa|approximately|roughly|some time|sometime)\s+)+"
)  # "On or around 5 June 2024": monitors mark an approximate day, the day is still the day
# "between 10 and 12 March 2024", "10-12 March", "from 10 to 12 March": the days of one spell
_DAY_RANGE = re.compile(
    r"^(?:between\s+)?(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|-|–|—)\s*"
    r"(?P<last>\d{1,2})(?:st|nd|rd|th)?\s+(?P<rest>[a-z]+(?:\s+\d{4})?)$"
)
RANGE_WEEK_DAYS = 7  # a spell of up to a week is told to the week, a longer one to the month
_SHADE_WORDS = re.compile(
    r"\b(?:early|late|earlier|later|mid|the middle of|(?:the )?(?:end|beginning|start) of)\b[ -]?"
)  # "at the end of March", "the beginning of last month": a part of the period, told to it
_TIME_OF_DAY = re.compile(
    r"\b(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|dawn|dusk|daybreak)\b"
)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>last|past|this|next|coming|this coming|this past)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)
_WEEKDAY_OF_WEEK = re.compile(
    r"^(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of\s+)?"
    r"(?P<which>this|last|next)\s+week$"
)  # "Monday of this week", "Tuesday last week": the day in that week
_TWO_WEEKDAYS = re.compile(
    r"^(?P<first>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:and|to|through|"
    r"until|-|–)\s+(?P<last>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)  # "on Saturday and Sunday", "Monday to Wednesday": a spell of days
_PROBE_DATE = "2001-01-03"  # any date: tells relative expressions from non-dates
_TODAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "overnight"}
_YESTERDAY = {"yesterday", "last night"}


def _unresolved(text: str) -> DateValue:
    return DateValue(text=text, start=None, end=None, precision=None)


def _value(text: str, start: date, end: date, precision: str) -> DateValue:
    return DateValue(text=text, start=start.isoformat(), end=end.isoformat(), precision=precision)


def publication_date(published: str | None) -> date | None:
    """The calendar date of an ISO date or datetime string; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _clean(text: str) -> str:
    """Lower-case, without leading prepositions, shade words ("early", "mid-") or a possessive."""
    cleaned = " ".join(text.lower().replace("’", "'").split())
    cleaned = re.sub(r"'s$", "", cleaned)
    cleaned = _LEADING_WORDS.sub("", cleaned)
    cleaned = _SHADE_WORDS.sub("", cleaned).strip(" ,")
    return cleaned


def is_duration(text: str) -> bool:
    """Whether a DATE/TIME expression is a length of time or an age, not a point in time."""
    cleaned = " ".join(text.lower().split())
    return bool(
        _DURATION.match(_LEADING_WORDS.sub("", cleaned)) or _HYPHENATED_DURATION.search(cleaned)
    )


def _looks_like_date(cleaned: str) -> bool:
    """Whether the text has anything a date can hang on (a month, weekday, year, relative word)."""
    words = set(re.findall(r"[a-z]+", cleaned))
    return bool(
        words & set(MONTHS)
        or words & set(WEEKDAYS)
        or _EXPLICIT_YEAR.search(cleaned)
        or _NUMERIC_DATE.search(cleaned)
        or _RELATIVE_WORDS.search(cleaned)
    )


def _weekday(match: re.Match, base: date, tense: str | None = None) -> tuple[date, date]:
    """The most recent such weekday on or before ``base``; "next" looks forward; "last" is
    that day of the week before ``base``'s (rule last-weekday-is-last-weeks: "last Thursday"
    told on a Friday is eight days back, "Thursday" alone yesterday; told on a Monday, four
    days back); a bare weekday in a future clause ("talks will resume on Friday") is the
    coming one, on or after ``base``."""
    which = match.group("which") or ""
    target = WEEKDAYS[match.group("day")]
    if which in {"next", "coming", "this coming"}:
        ahead = (target - base.weekday()) % 7 or 7
        day = base + timedelta(days=ahead)
    elif not which and tense == "future":
        day = base + timedelta(days=(target - base.weekday()) % 7)
    else:
        back = (base.weekday() - target) % 7
        if which in {"last", "past", "this past"} and back == 0:
            back = 7
        if which == "last" and back <= base.weekday():
            back += 7  # rule last-weekday-is-last-weeks: "last Thursday", told on a Friday
        day = base - timedelta(days=back)
    return day, day


def _two_weekdays(match: re.Match, base: date, tense: str | None) -> tuple[date, date, str] | None:
    """Rule "a-spell-of-weekdays": "clashes on Saturday and Sunday" ran from the first day to
    the last, told to the week: the last day is the one the tense points to, the first the
    same day of the week or before it."""
    last = _weekday(_WEEKDAY.match(match.group("last")), base, tense)[0]
    back = (WEEKDAYS[match.group("last")] - WEEKDAYS[match.group("first")]) % 7
    return last - timedelta(days=back), last, "week"


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month_of(day: date) -> tuple[date, date]:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def _year_of(day: date) -> tuple[date, date]:
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _span(day: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        return _week_of(day)
    if precision == "month":
        return _month_of(day)
    if precision == "year":
        return _year_of(day)
    return day, day


def _year_for_yearless(
    day: date, base: date, precision: str = "day", tense: str | None = None
) -> date:
    """For a date written without a year ("10 May", "October"), the latest year that does not
    put it more than a month after publication: news reports the past ("in August" in a June
    article is last August), and near-future plans ("talks on 20 May" in an article of 16 May)
    stay in the coming weeks. In a future clause ("will meet in August") it is the first year
    that does not put it before publication: the coming August; in a past clause ("On February
    1, the king dismissed parliament" in an article of 20 January) the latest year that does
    not put it after publication: what was done is told after it (rule
    "a-past-act-is-before-its-report")."""
    if tense == "past":
        for year in (base.year, base.year - 1):
            try:
                candidate = day.replace(year=year)
            except ValueError:  # 29 February
                continue
            if _span(candidate, precision)[0] <= base:
                return candidate
    if tense == AHEAD_OF_ITS_TELLING:
        return _nearest_year(day, base, precision)
    if tense == "future":
        for year in (base.year, base.year + 1):
            try:
                candidate = day.replace(year=year)
            except ValueError:  # 29 February
                continue
            if _span(candidate, precision)[1] >= base:
                return candidate
    horizon = base + timedelta(days=FUTURE_HORIZON_DAYS)
    for year in (base.year + 1, base.year, base.year - 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate <= horizon:
            return candidate
    return day.replace(year=base.year - 1)


def _nearest_year(day: date, base: date, precision: str) -> date:
    """Rule "a-commitment-looks-ahead-of-its-telling": what was agreed, decided or promised to
    be done "in September" lies after the agreeing, which a report tells shortly before it is
    published, so the month is the one nearest the publication date, before or after it ("have
    agreed to resume talks in September" in a July 2008 report: September 2008, not 2007)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        start, end = _span(candidate, precision)
        distance = max((start - base).days, (base - end).days, 0)
        candidates.append((distance, -year, candidate))
    return min(candidates)[2]


@lru_cache(maxsize=64)
def _parser(base: date):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "current_period",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def warm_up() -> None:
    """Load ``dateparser``'s English data now (about 0.3 s), not in the first article that
    needs a date parsed: a server, a ``watch`` loop or a worker calls this while it starts."""
    _parser(date(2000, 1, 1)).get_date_data("1 January 2000")


def _special_relative(
    cleaned: str, base: date, tense: str | None = None
) -> tuple[date, date, str] | None:
    """Relative expressions ``dateparser`` gets wrong or does not know."""
    if match := _WEEKDAY.match(_TIME_OF_DAY.sub("", cleaned).strip()):
        return (*_weekday(match, base, tense), "day")
    if match := _WEEKDAY_OF_WEEK.match(cleaned):
        weeks = {"this": 0, "last": -1, "next": 1}[match.group("which")]
        monday = _week_of(base)[0] + timedelta(weeks=weeks)
        day = monday + timedelta(days=WEEKDAYS[match.group("day")])
        return day, day, "day"
    if match := _TWO_WEEKDAYS.match(cleaned):
        return _two_weekdays(match, base, tense)
    if cleaned in _TODAY:
        return base, base, "day"
    if cleaned in _YESTERDAY:
        day = base - timedelta(days=1)
        return day, day, "day"
    if re.fullmatch(r"(?:this|last|the|over the|past) weekend", cleaned):
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        if cleaned.startswith("last") and base.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1), "week"
    if (
        re.fullmatch(r"(?:the )?(?:past|last) (?:week|seven days)", cleaned)
        and cleaned != "last week"
    ):
        return base - timedelta(days=6), base, "week"
    return None


@lru_cache(maxsize=4096)
def _resolve(text: str, published: str | None, tense: str | None = None) -> DateValue:
    base = publication_date(published)
    cleaned = _clean(text)
    if not cleaned or is_duration(text) or _DECADE.search(cleaned) or not _looks_like_date(cleaned):
        return _unresolved(text)
    explicit_year = bool(_EXPLICIT_YEAR.search(cleaned))
    if base is None and not explicit_year:
        return _unresolved(text)  # relative to an unknown date: never guess from today
    if base is not None and (special := _special_relative(cleaned, base, tense)):
        start, end, precision = special
        return _value(text, start, end, precision)
    if (spell := _day_range(cleaned, published, tense)) is not None:
        return _value(text, *spell)
    if base is not None and (numeric := _numeric_day(cleaned, base)) is not None:
        return _value(text, numeric, numeric, "day")
    if base is not None and (of_year := _of_a_relative_year(cleaned, base)) is not None:
        found = _resolve(of_year, published, tense)
        return replace(found, text=text) if found.start is not None else _unresolved(text)
    parsed = _parser(base or date(2000, 1, 1)).get_date_data(_TIME_OF_DAY.sub("", cleaned).strip())
    if parsed.date_obj is None:
        year = _EXPLICIT_YEAR.search(cleaned)
        if year and year.group(1):  # "the first half of 2025": at least the year
            return _value(text, *_year_of(date(int(year.group(1)), 1, 1)), "year")
        return _unresolved(text)
    precision = PRECISION_BY_PERIOD.get(parsed.period or "day", "day")
    day = parsed.date_obj.date()
    if (
        base is not None
        and not explicit_year
        and precision in {"day", "month"}
        and _names_month(cleaned)
    ):
        day = _year_for_yearless(
            day.replace(day=1) if precision == "month" else day, base, precision, tense
        )
    start, end = _span(day, precision)
    return _value(text, start, end, precision)


def _day_range(
    cleaned: str, published: str | None, tense: str | None
) -> tuple[date, date, str] | None:
    """Rule "a-spell-of-days": "between 10 and 12 March 2024" runs from its first day to its
    last, told to the week (or the month, when longer); its start is the first day."""
    if (iso := _ISO_DAY_RANGE.match(cleaned)) is not None:
        return _iso_day_range(iso)
    match = _DAY_RANGE.match(cleaned)
    if match is None or match.group("rest").split()[0] not in MONTHS:
        return None
    first = _resolve(f"{match.group('first')} {match.group('rest')}", published, tense)
    last = _resolve(f"{match.group('last')} {match.group('rest')}", published, tense)
    if first.start is None or last.start is None or first.precision != "day":
        return None
    return _spell_of_days(date.fromisoformat(first.start), date.fromisoformat(last.start))


def _spell_of_days(start: date, end: date) -> tuple[date, date, str] | None:
    """A spell from its first day to its last, told to the week (the month, when longer);
    none when it ends before it starts."""
    if end < start:
        return None
    precision = "week" if (end - start).days < RANGE_WEEK_DAYS else "month"
    return start, end, precision


# Rule "a-spell-of-iso-days": an event dataset's span, two ISO days ("2024-09-22 to
# 2024-09-23", as UCDP writes its date_start and date_end), is a spell of days like
# "between 22 and 23 September 2024": from the first day to the last.
_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
_ISO_DAY_RANGE = re.compile(rf"^(?P<first>{_ISO_DAY})\s*(?:to|–|—)\s*(?P<last>{_ISO_DAY})$")


def _iso_day_range(match: re.Match) -> tuple[date, date, str] | None:
    try:
        start, end = (
            date.fromisoformat(match.group("first")),
            date.fromisoformat(match.group("last")),
        )
    except ValueError:
        return None
    return _spell_of_days(start, end)


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _numeric_day(cleaned: str, base: date) -> date | None:
    """Rule "numeric-day-as-published": "09/07/2024" is 9 July written day first (as monitors
    and most of the world write it) or 7 September month first (as the US does); of the
    readings that are days, the latest on or before the publication day, the day a report
    tells of. None when neither is, or the text is no such date."""
    match = _DAY_MONTH_YEAR.fullmatch(cleaned)
    if match is None:
        return None
    first, second, year = (int(group) for group in match.groups())
    readings = []
    for day, month in ((first, second), (second, first)):
        with suppress(ValueError):
            readings.append(date(year, month, day))
    told = [reading for reading in readings if reading <= base]
    return max(told) if told else None


_OF_A_RELATIVE_YEAR = re.compile(r"(?P<when>.+?),? (?P<which>last|this|next) year")
_YEARS_FROM_NOW = {"last": -1, "this": 0, "next": 1}


def _of_a_relative_year(cleaned: str, base: date) -> str | None:
    """Rule "a-month-of-last-year": "March 20 last year", "in May this year", "October next
    year" name a month (and day) of the year the words count from the publication's: the
    same words with that year written out, or None."""
    match = _OF_A_RELATIVE_YEAR.fullmatch(cleaned)
    if match is None or not _names_month(match.group("when")):
        return None
    year = base.year + _YEARS_FROM_NOW[match.group("which")]
    return f"{match.group('when')} {year}"


def _names_month(cleaned: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", cleaned)) & set(MONTHS))


def resolve_date(text: str, published: str | None, tense: str | None = None) -> DateValue:
    """Resolve a date expression against the publication date (ISO date or datetime).

    Returns a ``DateValue`` with ``start``/``end`` ISO dates and a precision (day, week, month,
    year); ``start`` is None for non-dates ("30-day", "summer") and for relative expressions
    when the publication date is unknown. ``tense`` is how the clause the date belongs to is
    told (``tense_of``): a weekday or a month without its year looks back in a "past" clause
    and ahead in a "future" one.
    """
    return _resolve(text, published, tense)


# --- the date of a sentence --------------------------------------------------------------


def _date_spans(sent: Span) -> list[Span]:
    """DATE and TIME entities, with a DATE and the TIME right after it joined ("Friday" +
    "morning") and a day number the parser left out put back (``_with_day_number``). Kept
    on the Doc (``user_data``): every rule asks for them."""
    doc = sent.doc
    cache = doc.user_data.setdefault(SPANS_KEY, {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _find_date_spans(sent)
    return [doc[start:end] for start, end in cache[key]]


def _find_date_spans(sent: Span) -> list[tuple[int, int]]:
    """(start, end) of the sentence's date spans (plain numbers: the Doc stays serialisable)."""
    doc = sent.doc
    if DATE_ENTS_KEY not in doc.user_data:
        doc.user_data[DATE_ENTS_KEY] = [
            (ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}
        ]
    spans: list[tuple[int, int]] = []
    for start, end, label in doc.user_data[DATE_ENTS_KEY]:
        if start < sent.start or end > sent.end:
            continue
        start = _with_day_number(doc[start:end]).start
        if spans and label == "TIME" and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return _with_counted_days(sent, _with_written_days(sent, spans))


_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"


def _month_word() -> str:
    """A capitalised month as a monitor writes it ("May", "Mar.", "Sept."): ``MONTHS`` (the
    calendar's names and abbreviations) and ``data/dates.json``'s ``month_spellings``, so the
    month words are one list."""
    spellings = dict.fromkeys([*MONTHS, *sorted(_lower_case_words("month_spellings"))])
    return "(?:" + "|".join(word.capitalize() for word in spellings) + r")\.?"


@lru_cache(maxsize=1)
def _written_day() -> re.Pattern[str]:
    """A day written as monitors write it: "4 May", "between 2 and 4 May", "20-22 January
    2024", "Mar. 19", "27/06/2024", "04.03.2024", "2024-09-22 to 2024-09-23" (built once,
    from the month words)."""
    month = _month_word()
    return re.compile(
        rf"\b(?:[Bb]etween {_DAY_NUMBER} and |{_DAY_NUMBER} ?(?:-|–|to) ?)?"
        rf"{_DAY_NUMBER} {month}(?: \d{{4}})?(?![\w-])"
        rf"|\b{month} {_DAY_NUMBER}(?:,? \d{{4}})?(?![\w-])"
        r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
        rf"|\b{_ISO_DAY} ?(?:to|–|—) ?{_ISO_DAY}\b"
    )


def _with_written_days(sent: Span, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule "a-written-day-the-tagger-missed": a day written as monitors write it ("Between 2
    and 4 May, clashes ...", "In the early hours of 12 June, armed men raided ...",
    "27/06/2024 - Protesters blocked ...") is a date even where the tagger tagged none, or
    only a part of it ("May" of "between 2 and 4 May"): the whole written day is the span."""
    doc = sent.doc
    for match in _written_day().finditer(sentence_text(sent)):
        written = doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), "expand"
        )
        if written is not None:
            spans = _in_place_of_its_parts(spans, written)
    return sorted(spans)


def _in_place_of_its_parts(spans: list[tuple[int, int]], whole: Span) -> list[tuple[int, int]]:
    """``spans`` with ``whole`` added where the tagger tagged none of it or only parts of it
    (which it replaces); unchanged where a tagged date reaches outside it."""
    inside = [s for s in spans if s[0] >= whole.start and s[1] <= whole.end]
    overlapping = [s for s in spans if s[0] < whole.end and s[1] > whole.start]
    if overlapping != inside:
        return spans
    return [s for s in spans if s not in inside] + [(whole.start, whole.end)]


# A day counted from another the text tells, as a candidate for ``scene_offset``: "the
# following day", "the next morning", "the day before" (closing its clause, not "the day
# before the vote"), "two days later".
_COUNTED_DAY = re.compile(
    r"\b(?:the |that )?(?:same|following|next|previous|prior|preceding) "
    r"(?:day|morning|evening|night)\b"
    r"|\bthe day (?:after|before|prior)(?=\s*(?:[,;:.)]|$))"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|\d) (?:days?|weeks?) (?:later|earlier)\b"
)


def _with_counted_days(sent: Span, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule "a-counted-day-the-tagger-missed": a day counted from another day the text tells
    ("junta jets bombed the town the following day", "troops had pulled back towards Sittwe
    the day before", "all nine were released two days later") is a date even where the tagger
    tagged none, so that ``scene-relative`` counts it from the told day instead of the clause
    taking that day (or the publication day); a part the tagger took ("the day" of "the day
    before") gives way to the whole. Only words ``scene_offset`` reads are taken."""
    doc = sent.doc
    for match in _COUNTED_DAY.finditer(sentence_text(sent)):
        if scene_offset(match.group()) is None:
            continue
        counted = doc.char_span(
            sent.start_char + match.start(), sent.start_char + match.end(), "expand"
        )
        if counted is not None:
            spans = _in_place_of_its_parts(spans, counted)
    return sorted(spans)


_SCENE_RELATIVE = re.compile(
    r"^(?:the |that |this )?(?:"
    r"(?P<same>same) day|"
    r"(?P<that>(?<=that )(?:day|morning|afternoon|evening|night))|"
    r"(?P<later>following|next) (?:day|morning|evening|night)|"
    r"day (?P<after>after)|"
    r"(?P<earlier>previous|prior|preceding) (?:day|night|evening)|"
    r"day (?P<before>before|prior)|"
    r"(?P<count>a|an|one|two|three|four|five|six|seven|\d) (?P<unit>days?|weeks?) "
    r"(?P<direction>later|earlier|after|before)"
    r")$"
)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT_WORDS |= {"seven": 7}


def _scene_text(text: str) -> str:
    """A date's words without the prepositions and shades before it ("earlier that day")."""
    text = _LEADING_WORDS.sub("", " ".join(text.lower().split()))
    return re.sub(r"^(?:earlier|later|late|early)\s+(?=that )", "", text)


def names_that_day(text: str) -> bool:
    """ "That day", "earlier that day", "late that night": the day the text named last."""
    match = _SCENE_RELATIVE.match(_scene_text(text))
    return match is not None and bool(match.group("that"))


def scene_offset(text: str) -> int | None:
    """Days from the scene's date for a date told relative to it, not to the publication
    ("the following day" 1, "the same day" 0, "two days earlier" -2); None for any other."""
    match = _SCENE_RELATIVE.match(_scene_text(text))
    if match is None:
        return None
    if match.group("same") or match.group("that"):
        return 0
    if match.group("later") or match.group("after"):
        return 1
    if match.group("earlier") or match.group("before"):
        return -1
    count = match.group("count")
    days = int(count) if count.isdigit() else _COUNT_WORDS[count]
    days *= 7 if match.group("unit").startswith("week") else 1
    return days if match.group("direction") in {"later", "after"} else -days


def _with_day_number(span: Span) -> Span:
    """Rule "day-number-before-month": the parser often leaves the day out of a date written
    day first ("12 February 2025" tagged "February 2025" after "Union Day, 12"): a number of
    1-31 right before a month name belongs to the date."""
    doc = span.doc
    if span.start == 0 or span[0].lower_ not in MONTHS:
        return span
    before = doc[span.start - 1]
    if (
        before.text.isdigit()
        and 1 <= int(before.text) <= 31
        and before.ent_type_ in {"", "CARDINAL"}
    ):
        return doc[span.start - 1 : span.end]
    return span


def _is_period_edge(span: Span) -> bool:
    """ "since 10 May", "by the end of the year": a date bounding a period, not an event date
    (but "the toll from Thursday's strike": the date is the strike's, "from" governs the
    strike)."""
    if span.root.dep_ == "poss":
        return False
    first = span[0].lower_
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return first in PERIOD_EDGE_WORDS or before in PERIOD_EDGE_WORDS


def _opens_period_clause(verb: Token) -> bool:
    """A clause introduced by "since", "until", "after"...: "since Israel eased its blockade"."""
    return any(
        child.dep_ == "mark" and child.lower_ in PERIOD_EDGE_WORDS for child in children_of(verb)
    )


def _path_to_root(token: Token) -> list[Token]:
    """``token`` and its heads up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


_DAY_OF_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")


def _names_a_day(text: str) -> bool:
    """ "Monday", "14 March 2024", "March 14", "14/03/2024": a day, not a month or year."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & set(WEEKDAYS):
        return True
    return bool(words & set(MONTHS) and _DAY_OF_MONTH.search(text)) or bool(
        _NUMERIC_DATE.search(text)
    )


def _is_day_phrase(span: Span) -> bool:
    """A day told after the words it follows ("on Monday", "..., near Bol, 9 February 2024;")
    dates a clause, whatever noun or participle the parser hung it on ("infiltrated to its
    side of the line of control on Monday", "arrested 31 people protesting in Kano on 1
    August"). A date before its noun qualifies the noun ("the November 27 agreement")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if span[0].lower_ == "on" or before == "on":
        return True
    return _names_a_day(span.text) and span.root.head.i < span.start


def _is_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}


NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "compound", "appos", "attr", "poss"}


def _is_verb(token: Token) -> bool:
    """A verb, and not a verb form standing as a noun ("at the Torkham crossing")."""
    return token.pos_ in {"VERB", "AUX"} and token.dep_ not in NOMINAL_DEPS


def _is_clause_verb(token: Token) -> bool:
    """A verb heading a clause of its own (not a participle qualifying a noun)."""
    return _is_verb(token) and token.dep_ not in {"acl", "amod"}


def _lower_case_words(key: str) -> frozenset[str]:
    """The list of lower-case words under ``key`` in ``data/dates.json``, checked."""
    text = files("accord").joinpath(DATA_FILE).read_text(encoding="utf-8")
    try:
        words = json.loads(text)[key]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise DataFileError(f"{DATA_FILE} needs a list '{key}': {error}") from error
    if not all(isinstance(word, str) and word == word.lower() for word in words):
        raise DataFileError(f"{DATA_FILE}: {key} must be lower-case words")
    return frozenset(words)


@lru_cache(maxsize=1)
def happening_nouns() -> frozenset[str]:
    """Nouns that name a happening with a time of its own: the trigger lexicon's event nouns
    and ``data/dates.json``'s ``happening_nouns`` (read once)."""
    from accord.extract.events.lexicon import load_lexicon

    return _lower_case_words("happening_nouns") | frozenset(load_lexicon().nouns)


@lru_cache(maxsize=1)
def lasting_happenings() -> frozenset[str]:
    """Happenings that last months or years ("the war", "the occupation"): ``data/dates.json``'s
    ``lasting_happenings`` (read once)."""
    return _lower_case_words("lasting_happenings")


@lru_cache(maxsize=1)
def plan_verbs() -> frozenset[str]:
    """Verbs of planning and wanting, whose to-infinitive told in the present lies ahead:
    ``data/dates.json``'s ``plan_verbs`` (read once)."""
    return _lower_case_words("plan_verbs")


@lru_cache(maxsize=1)
def commitment_verbs() -> frozenset[str]:
    """Verbs of agreeing, deciding, promising and planning, whose to-infinitive lies after
    the telling: ``data/dates.json``'s ``commitment_verbs`` (read once)."""
    return _lower_case_words("commitment_verbs")


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs whose object names the act ("held talks", "launched an offensive"): the trigger
    lexicon's."""
    from accord.extract.events.lexicon import load_lexicon

    return frozenset(load_lexicon().light_verbs)


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verbs whose date is the date of the report, not of what is reported ("said on
    Friday"): the trigger lexicon's ``saying_verbs`` list ``report_dates``."""
    from accord.extract.events.lexicon import load_lexicon

    return load_lexicon().saying("report_dates")


@lru_cache(maxsize=1)
def negotiation_nouns() -> frozenset[str]:
    """Nouns of talks ("talks", "negotiations"): the trigger lexicon's."""
    from accord.extract.events.lexicon import load_lexicon

    return frozenset(load_lexicon().negotiation_nouns)


def _has_a_time(noun: Token) -> bool:
    """A noun naming a happening ("the war", "an invasion"), which a date can qualify."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in happening_nouns()


def _passed_over(span: Span, path: list[Token]) -> int:
    """How many tokens up ``path`` (the date's heads) a date passes over to reach the words it
    dates (rule "date-on-its-clause"). A thing has no date ("will evacuate the settlements in
    mid-August", "blew up the lines leading into Kabul last month"): a date the parser hung on
    one, on a preposition or on a present participle is read on the verb of its clause. It
    stops at a clause verb, at a relative clause or past participle (a clause with a time of
    its own: "equipment seized last year") and at a noun naming a happening ("a genocide in
    1994"); a day told after its words passes over happenings and participles too ("executed
    2 men accused of spying in Bu'aale on Wednesday": ``_is_day_phrase``)."""
    day = _is_day_phrase(span)
    for index, token in enumerate(path):
        if _is_clause_verb(token) or token.dep_ == "relcl":
            return index
        past_participle = token.dep_ == "acl" and token.tag_ == "VBN"
        if past_participle and (not day or _has_a_time(token.head)):
            return index  # "the exchange agreed in Istanbul on Tuesday": the agreeing's day
        if not day and _has_a_time(token):
            return index
        if not day and _is_noun(token) and span.end <= token.i:
            return index  # a date before its noun names it: "the 1951 Refugee Convention"
    return len(path)


def _closed_relative_clause(span: Span) -> Token | None:
    """Rule "a-date-closes-its-relative-clause": "eight workers who were kidnapped last week
    have been freed": a date written right after a relative clause inside the subject, before
    the verb of the sentence, ends that clause (the verb's own date would follow it), wherever
    the parser hangs it. The relative clause's verb, or None."""
    if span.start == sentence_of(span).start:
        return None
    before = span.doc[span.start - 1]
    clause = next((t for t in (before, *before.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or clause.i > span.start:
        return None
    governor = next((t for t in clause.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return clause if governor is not None and governor.i >= span.end else None


def _attachment_verb(span: Span) -> Token | None:
    """The verb a date modifies, or None when a noun comes first ("Moscow's 2022 invasion")."""
    if (closed := _closed_relative_clause(span)) is not None:
        return closed
    path = _path_to_root(span.root)[1:]
    for token in path[_passed_over(span, path) :]:
        if _is_verb(token):
            return token
        if _is_noun(token) or token.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _dates_a_participant(span: Span, clause: list[Token], trigger: Token, word: Token | None):
    """Rule "date-of-a-participant": a date that qualifies a participant of the event (an
    object, an actor, what a relative clause tells of it: "condemned Moscow's 2022 invasion",
    "Rwanda, which suffered a genocide in 1994, sent troops", "concluded that the November 27
    agreement is void") is that thing's date, not the event's. Allowed: the event's own noun
    ("launched an offensive in May", also when the light verb is the trigger), the cause that
    is the trigger's subject ("Tuesday's strike killed", "the strike, which hit the city on
    Friday, killed") and the frame it happened in ("killed in an attack in May", "denounced
    it in a statement issued on Friday"). A day told after its words is read on its clause's
    verb (``_is_day_phrase``)."""
    if _frames_the_sentence(span):
        return False
    clause = clause[_passed_over(span, clause) :]
    nouns = [token for token in clause if _is_noun(token)]
    if not nouns:
        return False
    top = nouns[-1]
    if top == word:
        return False
    if any(_talks_the_act_was_in(noun, trigger) for noun in nouns):
        return False
    if top.pos_ != "NOUN":
        return True
    if top.head == trigger and top.dep_ == "dobj" and trigger.lemma_.lower() in light_verbs():
        return False  # "held talks in August": the light verb's object is the event itself
    if top.head == trigger and top.dep_ in {"nsubj", "nsubjpass"}:
        return False  # the cause
    frame = top.head  # "killed in an attack in May", "in a statement issued on Friday"
    return not (
        top.dep_ == "pobj"
        and frame.lower_ in {"in", "during"}
        and frame.head == trigger
        and not any(
            token.pos_ in {"VERB", "AUX"} and not (token.dep_ == "acl" and token.tag_ == "VBN")
            for token in clause
        )
    )


def _talks_the_act_was_in(noun: Token, trigger: Token) -> bool:
    """Rule "the-talks-it-was-agreed-in-date-it": talks the act was done in ("agreed to an
    immediate ceasefire in talks mediated by Qatar in Doha on Sunday") frame the act, not the
    thing agreed, wherever the parser hangs "in talks" (here on "ceasefire"): the talks' day
    is the act's. Only for "in"/"during"/"at" talks on the trigger or on what it governs."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "during", "at"}:
        return False
    if noun.lemma_.lower() not in negotiation_nouns():
        return False
    governed = noun.head.head
    while governed != trigger and governed.dep_ in {"pobj", "prep", "dobj"}:
        governed = governed.head
    return governed == trigger


FRAME_OPENERS = {"on", "or", "around", "about", "in", "between", "from", "by", "since", "at"}


def _frames_the_sentence(span: Span) -> bool:
    """Rule "a-fronted-date-frames-the-sentence": a date that opens the sentence and is set off
    by a comma ("On 14 February 2024, Al-Shabaab fired mortars at ...") dates what the
    sentence tells, wherever the parser hangs it (here on "mortars")."""
    sentence = sentence_of(span)
    opening = sentence.doc[sentence.start : span.start]
    after = span.end
    return (
        all(token.lower_ in FRAME_OPENERS for token in opening)
        and after < sentence.end
        and sentence.doc[after].text == ","
    )


def _date_rank(
    span: Span, trigger: Token | None, precision: str, word: Token | None = None
) -> tuple | None:
    """Sort key of a date candidate (lower is better); None when it cannot date the event.

    Without a trigger: dates on a verb before dates on a noun, then the nearest the sentence
    root. With a trigger: dates in the trigger's own clause first, then dates of the clauses
    that govern it ("On Thursday, Putin rejected ..., prompting Zelenskyy to accuse"); the
    date of a report ("..., the ministry said on Tuesday") and dates of clauses below the
    trigger that bound a period ("since Israel eased its blockade in May") never date it, nor
    does a date that qualifies a participant (``_dates_a_participant``), nor the date of a
    governing clause for an act told in the past perfect ("said on Saturday it had shot down
    the jet": the shooting came before the saying) or for an act measured from it ("a day
    after": see ``_measured_from``). ``word`` is the event's own word when it is a noun
    ("offensive" in "launched an offensive").
    """
    path = _path_to_root(span.root)
    verb = _attachment_verb(span)
    position = (PRECISION_ORDER[precision], span.start)
    below = path[1 : path.index(verb)] if verb is not None and verb in path else path[1:]
    if trigger is None:
        in_period_clause = any(_opens_period_clause(token) for token in path[1:-1])
        return (in_period_clause, verb is None, len(path), *position)
    closed = _closed_relative_clause(span)
    if closed is not None and trigger not in closed.subtree and closed.head not in (trigger, word):
        return None  # "workers who were kidnapped last week have been freed" (not "the
        # ceasefire, which took effect on March 4, has held": a clause on the act's own word)
    if trigger in path:
        clause = path[1 : path.index(trigger)]
        if any(_opens_period_clause(token) for token in clause):
            return None
        if _dates_a_participant(span, clause, trigger, word):
            return None
        if any(_another_act(token, trigger) for token in clause):
            return None  # "The genocide in 1994 killed ..., and Rwanda accused France on Monday"
        nested = any(token.pos_ in {"VERB", "AUX"} for token in clause)
        return (0, nested or verb is None, len(clause), *position)
    if verb is not None and trigger in verb.subtree:
        if _announced_as_done(trigger, verb):
            return (1, False, len(below), *position)
        reported = verb.lemma_.lower() in reporting_verbs() and not (
            _under_way(trigger) or _done_in_the_saying(trigger)
        )
        if reported or _told_as_earlier(trigger) or _counted_by_a_toll(trigger, verb):
            return None
        if _measured_from(trigger, verb)[0]:
            return None  # shifted by ``find_event_date``, or no date
        return (1, verb is None, len(below), *position)
    if verb is None and _frames_the_sentence(span):
        return (1, True, len(path), *position)  # hung on a noun: it still frames the sentence
    return None


# Verbs that make an act public as the day's news (not "acknowledge", "admit", "deny": those
# speak of an act known before).
ANNOUNCING_VERBS = {"announce", "declare"}


def _announced_as_done(trigger: Token, verb: Token) -> bool:
    """Rule "an-announced-act-is-news": an act an announcement tells as done in its own
    clause ("the SDF announced on Sunday it had entered into an agreement", "the ministry
    announced on 8 August that it had sent troops": the perfect of "we have sent", shifted
    back by the report) is dated by the announcement, as wire coding dates it; an admission
    of an earlier act ("acknowledged it had shot down the jet") is not."""
    if verb.lemma_.lower() not in ANNOUNCING_VERBS or trigger.head.i != verb.i:
        return False
    auxiliaries = {c.lower_ for c in children_of(trigger) if c.dep_ == "aux"}
    return trigger.dep_ == "ccomp" and bool(auxiliaries & PERFECT_WORDS)


def _another_act(token: Token, trigger: Token) -> bool:
    """Rule "a-conjunct's-date-is-its-own": a verb coordinated with the trigger's clause that
    has a subject of its own tells another act, and its date is that act's."""
    return (
        token.dep_ == "conj"
        and token.head == trigger
        and token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(token))
        and not _a_tally_of_the_same_act(token, trigger)
    )


def _a_tally_of_the_same_act(conjunct: Token, trigger: Token) -> bool:
    """ "26 people were killed and six wounded when gunmen opened fire on Tuesday": a passive
    participle with no auxiliary of its own, after a passive, counts more people the same act
    befell (the "were" is left out), so the day of its "when" clause is the act's."""
    own_auxiliaries = [c for c in children_of(conjunct) if c.dep_ in {"aux", "auxpass"}]
    passive = any(c.dep_ == "auxpass" for c in children_of(trigger))
    return passive and conjunct.tag_ == "VBN" and not own_auxiliaries


_MEASURE_UNITS = {"hour": 0, "day": 1, "week": 7}
_MEASURE_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _measured_from(trigger: Token, verb: Token) -> tuple[bool, int | None]:
    """Rule "a-day-after": is the trigger told inside an "after"/"before" phrase of the clause
    whose date is ``verb``'s ("released 100 more on Thursday, a day after freeing 100",
    "marched on Friday, a day after the military dissolved parliament")? Then that date is
    not its date, but the day it is measured from: returns (True, days to add) when the phrase
    gives a measure in days ("a day", "two days", "hours": 0), (True, None) when the measure
    is vague ("days after talks collapsed"), (False, None) when there is no measure ("crossed
    the border after authorities arrested three activists": told as one scene, same date)."""
    token = trigger
    while token != verb and token.head.i != token.i:
        marks = [
            c for c in children_of(token) if c.dep_ == "mark" and c.lower_ in {"after", "before"}
        ]
        if token.dep_ == "prep" and token.lower_ in {"after", "before"}:
            return _measure(token, token.lower_)
        if marks:  # "four days after a drone hit": the measure hangs on the verb or the mark,
            # or on the verb the clause hangs on ("It came a day after a train was bombed")
            for holder in (token, marks[0], token.head):
                measured = _measure(holder, marks[0].lower_)
                if measured[0]:
                    return measured
            return False, None
        token = token.head
    return False, None


def _measure(token: Token, word: str) -> tuple[bool, int | None]:
    """Days from the measured clause to the governing one: "a day after" -> -1 (the act told
    after "after" came a day earlier), "two days before" -> 2 (see ``_measured_from``)."""
    for child in children_of(token):
        if child.dep_ != "npadvmod":
            continue
        unit = _MEASURE_UNITS.get(child.lemma_.lower())
        counts = [c.lower_ for c in children_of(child) if c.dep_ in {"det", "nummod"}]
        number = _MEASURE_NUMBERS.get(counts[0]) if counts else None
        if unit is None or (number is None and unit):
            return True, None
        days = unit * (number or 0)
        return True, -days if word == "after" else days
    return False, None


# Verbs by which wire copy places its news after or before another act ("It came a day after").
FOLLOWING_VERBS = {"come", "occur", "happen"}


# Verbs a toll rises or stands by ("the toll rose to 30 on Sunday").
TOLL_RISE_VERBS = {"rise", "climb", "reach", "increase", "jump", "stand", "grow", "top"}


def _counted_by_a_toll(trigger: Token, verb: Token) -> bool:
    """Rule "a-toll-dates-itself": "The number of people killed when a missile destroyed the
    block rose to 30 on Sunday": the day the toll rose is not the day of the attack a clause
    inside the toll's subject tells (an attack the toll names as a noun, "the death toll from
    the attack rose to 20 on Friday", is read with the toll: ``toll-names-its-attack``)."""
    if verb.lemma_.lower() not in TOLL_RISE_VERBS or trigger.pos_ != "VERB":
        return False
    subjects = [c for c in children_of(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(trigger in subject.subtree for subject in subjects)


def _under_way(verb: Token) -> bool:
    """Rule "under-way-when-said": "Russia said Monday it is ending its participation", "said
    on 9 March it was investigating reports": an act told in the progressive is under way on
    the day it is reported, so the report's date is its date."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in children_of(verb)
    )


FIRST_PERSON = {"i", "we"}


def _done_in_the_saying(verb: Token) -> bool:
    """Rule "a-quoted-stance-is-dated-by-its-saying": what speakers do in their own quoted
    words, told in the first person and the simple present (Obama said from the White House
    earlier today, "I take full responsibility"; Avakov said Wednesday: "we propose talks"),
    is done as it is said, so the report's date is the act's."""
    report = verb.head
    if verb.dep_ != "ccomp" or report.lemma_.lower() not in reporting_verbs():
        return False
    if verb.tag_ not in {"VBZ", "VBP"} or any(
        c.dep_ in {"aux", "auxpass"} for c in children_of(verb)
    ):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in children_of(verb)):
        return False
    first, last = sorted((report.i, verb.i))
    return any(token.tag_ in {"``", "''"} for token in verb.doc[first:last])


def _told_as_just_done(verb: Token) -> bool:
    """An act told in the present perfect ("have released", "has been dispersed"), or told by
    one: its conjunct ("has imposed a curfew and put leaders under house arrest"), its
    participle ("have signed a deal, committing themselves to ...") or its subject ("a donors
    conference has opened")."""
    while verb.head.i != verb.i and _told_by_its_head(verb):
        verb = verb.head
    auxiliaries = {c.lower_ for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBN" and bool(auxiliaries & PRESENT_PERFECT_WORDS)


def _under_a_present_report(verb: Token) -> bool:
    """An act told as done inside what someone says now ("Officials say 42 people were
    killed")."""
    report = verb.head
    return (
        verb.dep_ == "ccomp"
        and report.lemma_.lower() in reporting_verbs()
        and report.tag_ in {"VBZ", "VBP"}
        and (tense_of(verb) == "past" or _told_as_just_done(verb))
    )


def _told_by_its_head(token: Token) -> bool:
    """Whether a word's act is told by the verb it hangs on (``_told_as_just_done``)."""
    if token.dep_ == "conj":
        return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children_of(token))
    if token.dep_ in {"advcl", "xcomp"}:
        return token.tag_ == "VBG"
    return token.dep_ == "nsubj" and token.pos_ == "NOUN"


def _told_as_earlier(verb: Token) -> bool:
    """Rule "past-perfect-is-earlier": "had shot down", "had met": the act came before the time
    of the clause that tells it, so that clause's date is not its date."""
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d", "’d"} for c in children_of(verb))


def day_on_the_noun(noun: Token, published: str | None) -> DateValue | None:
    """The day a date written on an act's noun gives it ("Saturday's attack", "Wednesday's
    deadly attack", "the attack on Saturday"), resolved as told in the past; None when no date
    hangs on the noun or it names no day."""
    for span in _date_spans(sentence_of(noun)):
        head = span.root.head
        on_noun = head == noun or (head.dep_ == "prep" and head.head == noun)
        if not on_noun or span.root == noun or _is_period_edge(span):
            continue
        value = resolve_date(span.text, published, "past")
        if value.precision == "day" and value.start is not None:
            return value
    return None


def find_event_date(
    sent: Span, published: str | None, trigger: Token | None = None, word: Token | None = None
) -> DateValue | None:
    """The date of what the sentence reports, or None if the sentence states none.

    Durations, ages and period edges ("since 10 May") are skipped. Among the rest, a date on
    a verb beats one that qualifies a noun ("Moscow's 2022 invasion"), then the one nearest
    the main verb, then the most precise, then the first. Given the event's ``trigger`` token,
    the date must belong to the trigger's clause or a clause governing it (see
    ``_date_rank``; ``word`` is the event's own word, when it is not the trigger verb).
    Without a publication date, a relative date ("on Friday") comes back
    unresolved (``start`` None) so the record still shows the words.
    """
    found = _event_date(sent, published, trigger, word)
    return found[0] if found else None


def _event_date(
    sent: Span, published: str | None, trigger: Token | None, word: Token | None
) -> tuple[DateValue, str | None] | None:
    """``find_event_date`` with the rule that moved the date, when one did."""
    resolved, unresolved = [], []
    for span in _date_spans(sent):
        if _is_period_edge(span):
            continue
        told = _attachment_verb(span) or trigger
        tense = tense_of_its_date(told) if told is not None else None
        value = replace(
            resolve_date(span.text, published, tense),
            char_start=span.start_char,
            char_end=span.end_char,
        )
        if value.start is not None and _after_a_done_act(value, published, trigger):
            continue  # "has rejected the demand, but said a vote could be held in 2027"
        if value.start is not None:
            rank = _date_rank(span, trigger, value.precision or "year", word)
            if rank is not None:
                resolved.append((rank, value, None))
            elif (shifted := _measured_date(span, value, trigger)) is not None:
                rank = (2, False, 0, PRECISION_ORDER["day"], span.start)
                resolved.append((rank, shifted, f"a-day-after: measured from '{span.text}'"))
            elif (shifted := _measuring_date(span, value, trigger)) is not None:
                rank = (2, False, 0, PRECISION_ORDER["day"], span.start)
                why = f"measured-from-a-dated-clause: '{span.text}'"
                resolved.append((rank, shifted, why))
        elif published is None and _needs_publication_date(span.text):
            rank = _date_rank(span, trigger, "day", word)
            if rank is not None:
                unresolved.append((rank, value, None))
    candidates = resolved or unresolved
    if not candidates:
        return None
    _, value, why = min(candidates, key=lambda candidate: candidate[0])
    return value, why


def _after_a_done_act(value: DateValue, published: str | None, trigger: Token | None) -> bool:
    """Rule "a-done-act-is-not-dated-ahead": a date after the publication day cannot be the day
    of an act told as done (past or perfect); it dates another clause of the sentence."""
    if trigger is None or not published or value.start is None:
        return False
    auxiliaries = {c.lower_ for c in children_of(trigger) if c.dep_ in {"aux", "auxpass"}}
    done = tense_of(trigger) == "past" or (
        bool(auxiliaries & PERFECT_WORDS) and trigger.tag_ == "VBN"
    )
    return done and value.start > published[:10]


def _measured_date(span: Span, value: DateValue, trigger: Token | None) -> DateValue | None:
    """The day of an act told inside "a day after ..." of the clause ``span`` dates (rule
    "a-day-after", ``_measured_from``); None when that is not how it is told."""
    verb = _attachment_verb(span)
    if trigger is None or verb is None or value.precision != "day" or trigger not in verb.subtree:
        return None
    if verb.lemma_.lower() in reporting_verbs() and not _measured_from_a_plan(trigger, verb):
        return None
    measured, days = _measured_from(trigger, verb)
    if not measured or days is None or value.start is None:
        return None
    day = (date.fromisoformat(value.start) + timedelta(days=days)).isoformat()
    return replace(value, start=day, end=day)


def _measuring_date(span: Span, value: DateValue, trigger: Token | None) -> DateValue | None:
    """Rule "measured-from-a-dated-clause": "Hours before the jet crashed on Wednesday, Iran
    launched missiles", "Two days after talks collapsed on Monday, the rebels attacked": the
    act is measured from a clause its own sentence dates, so it takes that day moved by the
    measure (hours: the same day); a vague measure ("days after") gives no day (None)."""
    verb = _attachment_verb(span)
    if trigger is None or verb is None or verb == trigger or value.precision != "day":
        return None
    if value.start is None or verb not in trigger.subtree or _told_as_earlier(verb):
        return None
    if verb.lemma_.lower() in reporting_verbs():
        return None
    measured, days = _measured_from(verb, trigger)
    if not measured or days is None:
        return None
    day = (date.fromisoformat(value.start) - timedelta(days=days)).isoformat()
    return replace(value, start=day, end=day)


def _measured_from_a_plan(trigger: Token, verb: Token) -> bool:
    """Rule "a-measure-from-a-plan-runs-from-its-telling": "Trump said on Friday that the
    summit would go ahead on June 12, a week after he called it off": the clause the measure
    hangs on is a plan (its day is ahead), so the week runs back from the day of the telling
    (``verb``, a reporting verb), not from the plan's day."""
    token = trigger
    while token != verb and token.head.i != token.i:
        if any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in children_of(token)):
            governor = token.head
            return governor != token and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in children_of(governor)
            )
        token = token.head
    return False


def _needs_publication_date(text: str) -> bool:
    """Whether an expression is a date that only the publication date can pin ("Friday")."""
    return _resolve(text, _PROBE_DATE).start is not None


# --- tense ---------------------------------------------------------------------------------

FUTURE_WORDS = {"will", "would", "shall", "'ll", "’ll"}
PERFECT_WORDS = {"has", "have", "had", "'ve", "’ve"}
PRESENT_PERFECT_WORDS = PERFECT_WORDS - {"had"}
PAST_BE = {"was", "were"}
PRESENT_BE = {"is", "are", "am", "'s", "'re", "’s", "’re"}
# The "tense" of what a past or perfect clause agreed, decided or promised to do: after the
# telling, near the publication (rule a-commitment-looks-ahead-of-its-telling).
AHEAD_OF_ITS_TELLING = "ahead-of-its-telling"


def tense_of(verb: Token) -> str | None:
    """How a clause is told: "past" ("police detained 23", "were killed"), "future" ("will
    meet", "would visit", "is to sign", "are going to vote") or None (the present and the
    perfects: they speak of now, or of a time before the story's).

    A date carries from one clause to the next only between clauses told the same way, and a
    date written without its year ("in August", "on Friday") looks back from the publication
    date in a past clause and ahead in a future one.
    """
    auxiliaries = {c.lower_ for c in children_of(verb) if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & FUTURE_WORDS or _going_to(verb) or _is_to(verb) or _expected_to(verb):
        return "future"
    if _planned(verb):
        return "future"
    if auxiliaries & PERFECT_WORDS:
        return None
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and auxiliaries & PAST_BE:
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries and verb.dep_ in {"ROOT", "conj", "ccomp", "acl"}:
        return "past"  # monitors' reports: "7 killed, 2 injured", "convoy hit by a car bomb"
    if verb.head.i != verb.i and (
        (verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBN"})  # "were killed and 30 wounded"
        or (verb.dep_ in {"xcomp", "advcl", "conj"} and verb.tag_ in {"VB", "VBG"})
    ):
        return tense_of(verb.head)  # "began to stab", "attacked ..., killing 5"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.i != verb.head.i:
        return tense_of(verb.head.head)  # "responded with shelling"
    return None


def tense_of_its_date(verb: Token) -> str | None:
    """The tense a date on ``verb`` is resolved in: ``tense_of``, except that what a clause
    agreed, decided or promised to do lies ahead of its telling (``_committed_to``). Only the
    resolving reads it: the carrying of a day from clause to clause keeps ``tense_of``."""
    tense = tense_of(verb)
    if tense != "future" and _committed_to(verb):  # "plan to sign the deal Thursday": future
        return AHEAD_OF_ITS_TELLING
    return tense


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def _is_to(verb: Token) -> bool:
    """ "The ministers are to meet on Friday": "be" + to-infinitive is a plan."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in {"VBZ", "VBP"}
        and is_to_infinitive(verb)
    )


def _planned(verb: Token) -> bool:
    """Rule "a-plan-looks-ahead": what is planned, hoped or wanted now ("the presidents plan
    to sign the deal Thursday", "Israel hopes to complete the evacuation by next week": the
    to-infinitive of a plan verb of ``data/dates.json`` told in the present) lies ahead."""
    head = _infinitive_head(verb, plan_verbs())
    if head is None:
        return False
    return head.tag_ in {"VBZ", "VBP"} or _progressive_now(head)  # "are preparing to"


def _infinitive_head(verb: Token, heads: frozenset[str]) -> Token | None:
    """The verb of ``heads`` whose to-infinitive complement ``verb`` is ("plan to sign":
    'plan', "have agreed to resume": 'agree'), or None."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in heads:
        return None
    return head if is_to_infinitive(verb) else None


def _committed_to(verb: Token) -> bool:
    """Rule "a-commitment-looks-ahead-of-its-telling": the to-infinitive of a verb of agreeing,
    deciding or promising ("have agreed to resume reunification talks in September", "agreeing
    to hold further negotiations in July") is done after the agreeing, whether the agreeing is
    told in the past, the perfect or a participle: a month on it does not look back from the
    publication date as the agreeing's own tense would make it."""
    head = _infinitive_head(verb, commitment_verbs())
    return head is not None and tense_of(head) != "future"  # "will agree to": future


# What is expected, due or set to happen has not happened yet ("is expected to free"): read
# here for the tense of its date and in the coder for its modality.
# "slat": en_core_web_sm's lemma for "slated" ("talks are slated for December"), beside the
# dictionary form; the modality and the dates both read the model's lemma here.
FORECAST_VERBS = {"expect", "set", "schedule", "due", "poise", "slate", "slat"}


def _expected_to(verb: Token) -> bool:
    """ "Israel is expected to free 600 prisoners on Saturday", "talks are set to resume",
    "Meetings are scheduled for Monday": what is expected, set or scheduled to happen (or set
    for a day) is ahead, in the present or the future tense (not "was expected to")."""
    head = verb.head if verb.dep_ == "xcomp" else verb
    if head.lemma_.lower() not in FORECAST_VERBS:
        return False
    auxes = [c for c in children_of(head) if c.dep_ in {"aux", "auxpass"}]
    passive_now = any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in auxes)
    return passive_now and (
        head is not verb
        or any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children_of(verb)
        )
    )


# --- the date of an event in its article ----------------------------------------------------

# How far back (in sentences, within the paragraph) a dated event still sets the scene.
SCENE_SENTENCES = 4
# A dispatch: the one-to-three-line notes monitors, live maps and bulletins publish.
DISPATCH_MAX_SENTENCES = 3
DISPATCH_MAX_WORDS = 60
# Modalities that report an act as done: only those are bounded by the report's date.
DONE_MODALITIES = {"asserted", "agreed"}


@dataclass(frozen=True)
class _SceneDate:
    """A date an event (or a clause) was given, which later clauses of the same scene can
    take."""

    date: DateValue
    sentence_index: int  # the event's sentence
    origin: int  # the sentence whose words state the date
    paragraph: int
    tense: str | None
    of_event: bool = True  # False: a clause that codes no event; it sets its paragraph's scene


class SceneDates:
    """Dates the events of one article, in text order, by three named rules after the event's
    own sentence (``find_event_date``):

    * ``scene-date``: an event its sentence does not date takes the date of the last dated
      event of the same paragraph, at most ``SCENE_SENTENCES`` sentences back, when both are
      told the same way (past with past, future with future: ``tense_of``). A paragraph sets a
      scene; a clause in the present or a perfect speaks of now or of before it. A heading's
      date ("Konduga (Borno), 3 June 2024:") dates its paragraph whatever the tense.
    * ``scene-runs-on``: across a paragraph break the scene goes on only while the story does:
      the date is a day (or week), every sentence from it to the event is told the same way
      (wire copy gives each sentence of one scene its own paragraph), and the event's sentence
      states no other date (only the date of a report: "..., the ministry said on Tuesday").
      The date is an event's, or that of the lead's own clause even when the lead codes no
      event ("On Tuesday, the prime minister reasserted ...": the story the body goes on to
      tell is the lead's, ``_lead_index``). The event's own sentence may tell the story's act
      under a report told now (``what-reports-say-of-the-story``: "Reports from Dili say Jose
      Ramos-Horta was shot").
    * ``dispatch-day``: a dispatch (one paragraph of at most ``DISPATCH_MAX_SENTENCES``
      sentences and ``DISPATCH_MAX_WORDS`` words that states no date at all: a monitor's note,
      a live-map post) reports the day's events: an act it reports as done is dated to the
      publication day.
    * ``dispatch-one-day``: a dispatch of the same size that states one day and no other
      (besides the date of a report) tells its acts on that day, whatever clause or noun the
      parser hung the day on ("Encounter between security forces and militants in Kulgam
      district (J&K) on 6 July 2024; 2 security personnel and 4 militants killed"). A spell's
      first day ("from 3 July", "since 4 March") is the day it tells.
    * ``reported-by``: any other act reported as done happened on or before the day it was
      reported: it gets the publication date as a bound (precision "reported", no day).

    Acts not reported as done (future, proposed, negated ...) get neither the day nor the bound.
    """

    def __init__(self, sentences: list[Span], published: str | None) -> None:
        self.published = published
        self.sentences = sentences
        self.paragraphs = _paragraph_numbers(sentences)
        self._tenses: dict[int, str | None] = {}
        self._noted = -1  # the last sentence whose clause dates are in the scene
        self.dispatch = published is not None and _is_dispatch(sentences, self.paragraphs)
        self.one_day = (
            _the_one_day_stated(sentences, published)
            if published is not None and _is_short_note(sentences, self.paragraphs)
            else None
        )
        self.lead = _lead_index(sentences)
        self.statement = self.lead is not None and _opens_a_statement(sentences[self.lead].root)
        self._dated: list[_SceneDate] = []
        self._found: dict[tuple[int, int], tuple[DateValue, str | None] | None] = {}

    def _sentence_date(
        self, sentence: Span, predicate: Token, word: Token | None
    ) -> tuple[DateValue, str | None] | None:
        """``_event_date`` of an event's clause, read once (the pipeline asks before placing
        the event, ``date_of`` after)."""
        key = (predicate.i, word.i if word is not None else -1)
        if key not in self._found:
            self._found[key] = _event_date(sentence, self.published, predicate, word)
        return self._found[key]

    def own_date(self, sentence: Span, predicate: Token, word: Token | None) -> DateValue | None:
        """The date an event's own sentence gives it, if it resolves to one (no scene, no
        bound)."""
        found = self._sentence_date(sentence, predicate, word)
        return found[0] if found is not None and found[0].start is not None else None

    def date_of(
        self,
        sentence_index: int,
        sentence: Span,
        predicate: Token,
        modality: str,
        word: Token | None = None,
    ) -> tuple[DateValue | None, str | None]:
        """The date of an event whose clause is headed by ``predicate`` (``word``: its own
        word, when that is a noun), and the rule that gave it when it is not the sentence's
        own date (for the evidence)."""
        self._note_clause_dates(sentence_index)
        tense = tense_of(predicate)
        paragraph = self.paragraphs[sentence_index]
        found = self._sentence_date(sentence, predicate, word)
        own, own_why = found if found else (None, None)
        if self._spoken_before_its_saying(own, predicate):
            value = _the_day(date.fromisoformat(str(self.published)[:10]))
            self._remember(value, sentence_index, sentence_index, paragraph, tense)
            return value, f"{STATEMENT_DAY_RULE} ({NOT_THE_DAY_IT_NAMES}): done as it is issued"
        relative = self._relative_to_scene(sentence, predicate, word)
        if (
            own is not None
            and own.start is not None
            and not (
                relative is not None
                and (
                    _from_governing_clause(own, sentence, predicate, word)
                    or _counted_nearer(relative[0], own, sentence, predicate, word)
                )
            )
        ):
            self._remember(own, sentence_index, sentence_index, paragraph, tense)
            return own, own_why
        if relative is not None:
            value, origin = relative
            if own is not None and own.start is not None:
                # the governing clause's day stays the scene ("Hours earlier" counts from it)
                self._remember(own, sentence_index, sentence_index, paragraph, tense)
            else:
                self._remember(value, sentence_index, origin, paragraph, tense)
            return value, f"scene-relative: '{value.text}' from the date of sentence {origin}"
        main = _clause_it_is_told_with(predicate) if tense == "past" else None
        shared = self._sentence_date(sentence, main, None) if main is not None else None
        if shared is not None and shared[0].start is not None and shared[0].precision == "day":
            self._remember(shared[0], sentence_index, sentence_index, paragraph, tense)
            why = f"{SIMULTANEOUS_RULE}: the day of '{main.text}'"
            return shared[0], why
        measured = _inside_after_phrase(predicate) or _inside_a_toll(predicate)
        found = None
        if tense:
            found = self._scene(sentence_index, paragraph, tense, measured, predicate)
        if found is not None and measured:
            found = _measured_scene(found, predicate, sentence.root)
        if found is None and measured and modality in DONE_MODALITIES:
            after = self._after_the_news(sentence_index, sentence, predicate)
            if after is not None:  # an earlier act: the scene stays the news's, not its day
                scene, rule = after
                return scene.date, f"{rule}: date from sentence {scene.origin}"
        if found is not None:
            scene, rule = found
            self._remember(scene.date, sentence_index, scene.origin, paragraph, tense)
            return scene.date, f"{rule}: date from sentence {scene.origin}"
        if own is not None or self.published is None or modality not in DONE_MODALITIES:
            return own, None
        if self.one_day is not None and _may_take_the_one_day(self.one_day[1], predicate):
            why = f"{DISPATCH_ONE_DAY_RULE}: the one day the note states"
            if not _names_a_day(self.one_day[0].text):
                why = f"{why} ({RELATIVE_DAY_RULE}: '{self.one_day[0].text}')"
            return self.one_day[0], why
        day = publication_date(self.published)
        if day is None:
            return None, None
        if self._is_the_leads_news(sentence_index, sentence, predicate):
            value = _the_day(day)
            self._remember(value, sentence_index, sentence_index, paragraph, "past")
            return value, "the-lead-is-the-day's-news: an undated lead told as just done"
        if self.dispatch:
            why = "dispatch-day: a dispatch stating no date reports the day's events"
            return _the_day(day), why
        if self.statement and _speaks_now(predicate):
            why = f"{STATEMENT_DAY_RULE}: told in the present by a statement"
            return _the_day(day), why
        if _under_way_now(predicate):
            return _the_day(day), f"{UNDER_WAY_NOW_RULE}: told as going on as it is published"
        value = DateValue(text="", start=None, end=None, precision="reported", by=day.isoformat())
        return value, "reported-by: no date given, so by the publication date"

    def _spoken_before_its_saying(self, own: DateValue | None, predicate: Token) -> bool:
        """Part "a-statement-act-is-not-the-day-it-names" of rule "a-statement-speaks-on-its-
        day": what a statement does in the simple present ("The United States welcomes the
        return to Juba yesterday of representatives of the SPLM-IO") is done as it is issued;
        a day before that in its sentence is the day of what it speaks of (the return), not
        of the welcome."""
        if not self.statement or own is None or own.end is None or self.published is None:
            return False
        return own.end < str(self.published)[:10] and _speaks_now(predicate)

    def keep(self, value: DateValue, sentence_index: int, origin: int, predicate: Token) -> None:
        """Put in the scene a day a rule outside this class gave an event of ``sentence_index``
        (stated in sentence ``origin``): the clauses told after it take it as they would the
        event's own."""
        paragraph = self.paragraphs[sentence_index]
        self._remember(value, sentence_index, origin, paragraph, tense_of(predicate))

    def _after_the_news(
        self, sentence_index: int, sentence: Span, predicate: Token
    ) -> tuple[_SceneDate, str] | None:
        """Rule "came-a-day-after-the-news": "It came a day after a passenger train was bombed",
        "The arrests ... came one day after the United States ordered sanctions", "Thursday's
        confrontation comes one day after Serb leaders refused ...": wire copy places an earlier
        act by the news it reports; the sentence's subject is that news (dated on its own noun,
        or "it", "the arrests": the act the lead dated), so the earlier act is that day moved by
        the measure. A vague measure ("days after") or no day of the news dates nothing."""
        root = sentence.root
        if root.lemma_.lower() not in FOLLOWING_VERBS:
            return None
        is_measured, days = _measured_from(predicate, root)
        subjects = [c for c in children_of(root) if c.dep_ == "nsubj"]
        if not is_measured or days is None or not subjects or predicate in subjects[0].subtree:
            return None
        news = self._day_of_the_news(sentence_index, sentence, subjects[0])
        if news is None or news[0].start is None:
            return None
        value, origin = news
        day = (date.fromisoformat(value.start) + timedelta(days=days)).isoformat()
        shifted = DateValue(text=value.text, start=day, end=day, precision="day")
        scene = _SceneDate(shifted, sentence_index, origin, self.paragraphs[sentence_index], None)
        return scene, "came-a-day-after-the-news"

    def _day_of_the_news(
        self, sentence_index: int, sentence: Span, subject: Token
    ) -> tuple[DateValue, int] | None:
        """The day of the news a "came a day after" sentence's subject names: a day on the
        subject itself ("Thursday's confrontation"), else, for "it" or a happening noun ("the
        arrests"), the day the lead gave its act."""
        for span in _date_spans(sentence):
            if span.root in subject.subtree and not _is_period_edge(span):
                value = resolve_date(span.text, self.published, "past")
                return (value, sentence_index) if value.precision == "day" else None
        if self.lead is None or sentence_index <= self.lead:
            return None
        if subject.lower_ not in {"it", "this"} and not _has_a_time(subject):
            return None
        lead_day = self.day_told_in(self.lead)
        return (lead_day, self.lead) if lead_day is not None else None

    def day_told_in(self, sentence_index: int) -> DateValue | None:
        """The first day an earlier sentence gave one of its events or clauses (the day of a
        happening it tells, for an act told later as part of it: "during the raid")."""
        return next(
            (
                dated.date
                for dated in self._dated
                if dated.sentence_index == sentence_index
                and dated.date.precision == "day"
                and dated.date.start
            ),
            None,
        )

    def _is_the_leads_news(self, sentence_index: int, sentence: Span, predicate: Token) -> bool:
        """Rule "the-lead-is-the-day's-news": a wire lead that states no date and tells its act
        as just done, in the present perfect ("Rebels have released 20 hostages", "The
        government has imposed a curfew") or under a report in the present ("Officials say 42
        people were killed"), reports the news of the day it is published: its act gets the
        publication day, and the body's sentences told in the past go on from it (the scene)."""
        if sentence_index != self.lead or _dates_a_clause(sentence):
            return False
        return _told_as_just_done(predicate) or _under_a_present_report(predicate)

    def _remember(
        self,
        value: DateValue,
        index: int,
        origin: int,
        paragraph: int,
        tense: str | None,
        of_event: bool = True,
    ) -> None:
        self._dated.append(_SceneDate(value, index, origin, paragraph, tense, of_event))

    def _note_clause_dates(self, sentence_index: int) -> None:
        """Put the dates of the clauses of every sentence up to this one in the scene (a
        clause sets the scene even when it codes no event: "A drone struck a car in Baghdad on
        7 February, killing a commander; the US said it carried out the strike")."""
        while self._noted < sentence_index:
            self._noted += 1
            paragraph = self.paragraphs[self._noted]
            for value, tense in _clause_dates(self.sentences[self._noted], self.published):
                self._remember(value, self._noted, self._noted, paragraph, tense, of_event=False)

    def _scene(
        self,
        sentence_index: int,
        paragraph: int,
        tense: str,
        measured: bool = False,
        predicate: Token | None = None,
    ) -> tuple[_SceneDate, str] | None:
        """The dated event or clause whose scene the event belongs to, and the rule that says
        so; ``measured``: the event is told inside "after ..." (its sentence's dates are not
        its own)."""
        for dated in reversed(self._dated):
            if measured and dated.sentence_index == sentence_index:
                continue
            if sentence_index - dated.sentence_index > SCENE_SENTENCES:
                return None
            if dated.paragraph == paragraph:
                if dated.tense in (tense, HEADING):
                    return dated, "scene-date"
                continue
            if not dated.of_event and dated.origin != self.lead:
                continue  # a clause coding no event sets the scene of its own paragraph only
            runs_on = (
                dated.tense == tense
                and dated.date.precision in {"day", "week"}
                and all(
                    self._tense(index) == tense
                    for index in range(dated.sentence_index + 1, sentence_index)
                )
                and self._told_the_story_way(sentence_index, tense, predicate)
                and not _states_a_date(self.sentences[sentence_index])
            )
            return (dated, "scene-runs-on") if runs_on else None
        return None

    def _told_the_story_way(self, sentence_index: int, tense: str, predicate: Token | None) -> bool:
        """Whether the event's own sentence is told as the story is: in its tense, or, rule
        "what-reports-say-of-the-story", as a past act under a report told now ("Reports from
        Dili say Jose Ramos-Horta was shot in the stomach", "First reports say two
        demonstrators were injured"): the present is the report's, the act is the story's."""
        if self._tense(sentence_index) == tense:
            return True
        return predicate is not None and _under_a_present_report(predicate) and tense == "past"

    def _relative_to_scene(
        self, sentence: Span, predicate: Token, word: Token | None
    ) -> tuple[DateValue, int] | None:
        """Rule "scene-relative": "the following day", "on the same day", "two days later" on
        the event's clause count from the last day the story dated, not from publication."""
        anchor = next((d for d in reversed(self._dated) if d.date.precision == "day"), None)
        for span in _date_spans(sentence):
            offset = scene_offset(span.text)
            if offset is None or _date_rank(span, predicate, "day", word) is None:
                continue
            if names_that_day(span.text):
                named = self._last_named_day(span)
                if named is not None:
                    day, origin = named
                    value = DateValue(span.text, day, day, "day", span.start_char, span.end_char)
                    return value, origin
            if anchor is None or anchor.date.start is None:
                return None
            day = (date.fromisoformat(anchor.date.start) + timedelta(days=offset)).isoformat()
            value = DateValue(span.text, day, day, "day", span.start_char, span.end_char)
            return value, anchor.origin
        return None

    def _last_named_day(self, span: Span) -> tuple[str, int] | None:
        """Rule "that-day": the day the text named last before ``span`` in its paragraph ("the
        first barrage since January 14. That day a missile destroyed ..."), period edges and
        dates on nouns ("Thursday's exchange") included, and the sentence it is in."""
        index = next(i for i, s in enumerate(self.sentences) if s.start <= span.start < s.end)
        for back in range(index, max(-1, index - SCENE_SENTENCES), -1):
            if self.paragraphs[back] != self.paragraphs[index]:
                break
            for earlier in reversed(_date_spans(self.sentences[back])):
                if earlier.start >= span.start or names_that_day(earlier.text):
                    continue
                verb = _attachment_verb(earlier)
                tense = tense_of_its_date(verb) if verb is not None else None
                value = resolve_date(earlier.text, self.published, tense)
                if value.precision == "day" and value.start is not None:
                    return value.start, back
        return None

    def _tense(self, sentence_index: int) -> str | None:
        """How a sentence is told: the tense of its main verb."""
        if sentence_index not in self._tenses:
            self._tenses[sentence_index] = tense_of(self.sentences[sentence_index].root)
        return self._tenses[sentence_index]


def _the_day(day: date) -> DateValue:
    """The publication day as an act's known day (not a ``reported`` bound)."""
    return DateValue(text="", start=day.isoformat(), end=day.isoformat(), precision="day")


STATEMENT_DAY_RULE = "a-statement-speaks-on-its-day"
NOT_THE_DAY_IT_NAMES = "a-statement-act-is-not-the-day-it-names"


def _speaks_now(verb: Token) -> bool:
    """Rule "a-statement-speaks-on-its-day": a press statement opens in the simple present
    ("The United States welcomes the return ...", not a report: "Rebels say they have agreed");
    its acts told so ("We call on both parties", "We express our appreciation") are done as
    it is issued: on the day it is published. Whether a verb is told so; a bare verb joined
    to one told so is told as it is ("We extend our sympathies ... and condemn this attack":
    the tagger reads "condemn" as VB), part "a-conjunct-speaks-as-its-head"."""
    if _has_an_aux(verb):
        return False
    if verb.dep_ == "conj" and verb.tag_ == "VB":
        return _speaks_now(verb.head)
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_.lower() not in reporting_verbs()
    )


def _has_an_aux(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} for c in children_of(verb))


def _opens_a_statement(root: Token) -> bool:
    """Whether a lead opens a press statement (rule "a-statement-speaks-on-its-day"): told in
    the simple present, or, part "a-statement-opens-with-its-stance", as its speaker's stance
    in the present copula ("The United States is deeply concerned by the recent violence",
    "We are alarmed by the reports"): the speaker a name or the first person, not a thing
    ("The situation is tense" opens a report)."""
    return _speaks_now(root) or _stance_told_now(root)


def _stance_told_now(verb: Token) -> bool:
    """ "The United States is deeply concerned", "We are pleased": a present "be" with an
    adjective of the speaker's, whose subject is a name or "we" / "I"."""
    if verb.lemma_ != "be" or verb.tag_ not in {"VBZ", "VBP"} or _has_an_aux(verb):
        return False
    stance = any(c.dep_ == "acomp" and c.pos_ in {"ADJ", "VERB"} for c in children_of(verb))
    speaker = any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in FIRST_PERSON)
        for c in children_of(verb)
    )
    return stance and speaker


UNDER_WAY_NOW_RULE = "under-way-as-published"
PRESENCE_PREPOSITIONS = {"in", "at"}


def _under_way_now(predicate: Token) -> bool:
    """Rule "under-way-as-published": news told as going on now, in the present progressive
    ("Reports say the opposition is holding talks inside government headquarters") or as a
    visitor's presence ("Gbagbo is in Abuja for a meeting with Obasanjo", "Rice is in Pakistan
    to meet with the prime minister"), happens on the day it is published, when nothing in the
    sentence dates it and no verb above it is told in the past (then it went on as that was
    said: "said it is ending", dated by the saying)."""
    clause = _presence_it_is_for(predicate)
    if clause is None and _progressive_now(predicate):
        clause = predicate
    return clause is not None and not any(t.tag_ in {"VBD", "VBN"} for t in clause.ancestors)


def _presence_it_is_for(act: Token) -> Token | None:
    """The present "be" of a presence the act is, or is what it is for: "is in Abuja" itself,
    "is in Pakistan to meet", "is in Abuja for a meeting"."""
    if _presence(act):
        return act
    if act.dep_ in {"xcomp", "advcl"} and _presence(act.head):
        return act.head
    if act.dep_ == "pobj" and act.head.lower_ == "for" and _presence(act.head.head):
        return act.head.head
    return None


def _progressive_now(verb: Token) -> bool:
    """ "is holding", "are massing": a verb in the present progressive."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in children_of(verb)
    )


def _presence(verb: Token) -> bool:
    """ "is in Abuja for a meeting", "is in Pakistan to meet": a present "be" placed in a named
    place, with what the presence is for."""
    if verb.lemma_ != "be" or verb.lower_ not in PRESENT_BE:
        return False
    placed = any(
        c.dep_ == "prep"
        and c.lower_ in PRESENCE_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"} for g in children_of(c))
        for c in children_of(verb)
    )
    purpose = any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or (c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in children_of(c)))
        for c in children_of(verb)
    )
    return placed and purpose


def _clause_dates(sentence: Span, published: str | None) -> list[tuple[DateValue, str]]:
    """The dates of a sentence's clauses told in the past or future, in text order: dates on a
    clause verb that is not a report, a relative clause or a participle, or on the happening
    heading a verbless report; no period edge."""
    found = []
    for span in _date_spans(sentence):
        if _is_period_edge(span):
            continue
        verb = _attachment_verb(span)
        if verb is None and _is_heading(sentence):
            tense = HEADING
        elif verb is None:
            tense = "past" if _heads_a_nominal_report(span) else None
        elif _dates_no_scene(verb):
            continue
        else:
            tense = tense_of(verb)
        told = tense_of_its_date(verb) if verb is not None else tense
        value = resolve_date(span.text, published, None if told == HEADING else told)
        if tense is not None and value.start is not None:
            found.append(
                (replace(value, char_start=span.start_char, char_end=span.end_char), tense)
            )
    return found


HEADING = "heading"  # the "tense" of a heading's date: it dates its paragraph, whatever the tense
HEADING_ENDS = (":", "-", "–", "—")


def _is_heading(sentence: Span) -> bool:
    """A verbless line that opens a report and ends with a colon or dash ("Konduga (Borno),
    3 June 2024:", "KHARTOUM, 12 May -"): the scene of the report after it."""
    text = sentence_text(sentence).rstrip()
    return text.endswith(HEADING_ENDS) and not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _dates_no_scene(verb: Token) -> bool:
    """A subordinate or relative clause, a participle, a past perfect or a report: its date
    is its own ("the two countries prepared ... as the exchange was agreed on Tuesday")."""
    return (
        verb.dep_ in {"relcl", "acl", "amod", "advcl"}
        or _told_as_earlier(verb)
        or verb.lemma_.lower() in reporting_verbs()
    )


SIMULTANEOUS_RULE = "a-clause-told-as-at-the-same-time-shares-its-day"
SIMULTANEOUS_MARKS = {"as", "while", "when"}


def _clause_it_is_told_with(predicate: Token) -> Token | None:
    """Rule "a-clause-told-as-at-the-same-time-shares-its-day": an act told in a clause of
    "as", "while" or "when" that gives no day of its own happened on the day of the clause it
    hangs on ("Police and soldiers were posted ... in central Kathmandu Friday, as troops ...
    patrolled the streets", "Bomb attacks in Baghdad have killed at least nine people Sunday,
    while 15 police recruits were killed north of the city", "The warning from Kyiv came
    Wednesday, as U.S. diplomat Victoria Nuland told a U.S. Congressional committee ..."): the
    verb of that clause, whose own date the event takes (``SceneDates.date_of`` asks only for a
    clause told in the past: "meets Wednesday ..., as the army pushes deeper" goes on now)."""
    if predicate.dep_ != "advcl" or predicate.head.pos_ not in {"VERB", "AUX"}:
        return None
    marks = {child.lower_ for child in children_of(predicate) if child.dep_ == "mark"}
    return predicate.head if marks & SIMULTANEOUS_MARKS else None


def _heads_a_nominal_report(span: Span) -> bool:
    """A date of a report written without a finite verb, as monitors write them: on the
    happening it tells ("Tripoli: clashes between X and Y on 14 August 2023; 55 killed") or
    its participle ("Pakistan: convoy hit by a car bomb near Dasu, 26 March 2024; ...")."""
    path = _path_to_root(span.root)[1:]
    if any(_is_clause_verb(token) for token in path):
        return False
    return any(
        _has_a_time(token) or (token.tag_ == "VBN" and token.dep_ == "acl") for token in path
    )


def _from_governing_clause(
    value: DateValue, sentence: Span, predicate: Token, word: Token | None
) -> bool:
    """Whether a date found for an event is written on a clause governing the event's, not on
    its own ("began digging graves on Friday for the 52 people killed when a missile destroyed
    the cafe the day before": "the day before", on the event's clause, counts from Friday)."""
    for span in _date_spans(sentence):
        if span.start_char == value.char_start:
            rank = _date_rank(span, predicate, value.precision or "year", word)
            return rank is not None and rank[0] == 1
    return False


def _counted_nearer(
    counted: DateValue, own: DateValue, sentence: Span, predicate: Token, word: Token | None
) -> bool:
    """Rule "a-counted-day-on-the-act's-clause": a day counted from another ("the following
    day", "two days later") written on the act's own clause dates it before a day written
    deeper in it ("captured Indaw on 2 May; junta jets bombed the town the following day",
    parsed with "captured ..." under "bombed"): the sentence's own day is the act it counts
    from."""
    ranks = {}
    for span in _date_spans(sentence):
        if span.start_char in (counted.char_start, own.char_start):
            ranks[span.start_char] = _date_rank(span, predicate, "day", word)
    near, far = ranks.get(counted.char_start), ranks.get(own.char_start)
    return near is not None and far is not None and near[:3] < far[:3]


def _inside_a_toll(predicate: Token) -> bool:
    """Whether an act is told inside the subject of a toll's rise (``_counted_by_a_toll``):
    its sentence's dates are the toll's, not its own."""
    token = predicate
    while token.head.i != token.i:
        if _counted_by_a_toll(predicate, token.head):
            return True
        token = token.head
    return False


def _measured_scene(
    found: tuple[_SceneDate, str], predicate: Token, root: Token
) -> tuple[_SceneDate, str] | None:
    """Rule "a-day-after" for a scene date: "The visit came four days after a drone hit an
    apartment block" dates the visit by the scene, and the strike four days before it; a
    vague measure ("days after") leaves the act undated by the scene (None)."""
    scene, rule = found
    is_measured, days = _measured_from(predicate, root)
    if not is_measured:
        return found  # "crossed the border after authorities arrested ...": one scene
    value = scene.date
    if days is None or value.precision != "day" or value.start is None:
        return None
    day = (date.fromisoformat(value.start) + timedelta(days=days)).isoformat()
    shifted = replace(value, start=day, end=day)
    return replace(scene, date=shifted), f"a-day-after ({rule})"


def _inside_after_phrase(verb: Token) -> bool:
    """Told inside "after ..." or "before ..." of another clause ("days after talks
    collapsed")."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in {"after", "before"}:
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in children_of(token)):
            return True
        token = token.head
    return False


def _states_a_date(sentence: Span) -> bool:
    """Whether a sentence names a time (a date, or the edge of a period) other than the time
    of a report ("..., the ministry said on Tuesday")."""
    for span in _date_spans(sentence):
        verb = _attachment_verb(span)
        if verb is not None and verb.lemma_.lower() in reporting_verbs():
            continue
        if _needs_publication_date(span.text) or resolve_date(span.text, None).start:
            return True
    return False


def _dates_a_clause(sentence: Span) -> bool:
    """Whether a sentence dates one of its clauses (not only a thing: "after January's
    earthquake", nor a participant's story: "released eight people who were kidnapped last
    week")."""
    return any(
        (verb := _attachment_verb(span)) is not None
        and verb.dep_ != "relcl"
        and (_needs_publication_date(span.text) or resolve_date(span.text, None).start)
        for span in _date_spans(sentence)
    )


def _lead_index(sentences: list[Span]) -> int | None:
    """The lead: the first sentence that is neither a heading nor a headline (a line with no
    closing stop); None for an article that has none."""
    for index, sentence in enumerate(sentences):
        text = sentence_text(sentence).strip()
        if text and text.endswith(SENTENCE_END_MARKS) and not _is_heading(sentence):
            return index
    return None


def _paragraph_numbers(sentences: list[Span]) -> list[int]:
    """The paragraph of each sentence: a line break between two sentences starts a new one."""
    numbers, paragraph = [], 0
    for index, sentence in enumerate(sentences):
        if index and _breaks_line(sentences[index - 1], sentence):
            paragraph += 1
        numbers.append(paragraph)
    return numbers


def _breaks_line(previous: Span, sentence: Span) -> bool:
    """Whether the whitespace between two sentences holds a line break (spaCy keeps it after
    the last word and in space tokens on either side)."""
    doc = sentence.doc
    last = previous.end - 1
    while last > previous.start and doc[last].is_space:
        last -= 1
    gap = [doc[last].whitespace_, *(doc[i].text for i in range(last + 1, previous.end))]
    first = sentence.start
    while first < sentence.end and doc[first].is_space:
        gap.append(doc[first].text_with_ws)
        first += 1
    return any("\n" in part for part in gap)


def _is_short_note(sentences: list[Span], paragraphs: list[int]) -> bool:
    """One paragraph of at most ``DISPATCH_MAX_SENTENCES`` sentences and
    ``DISPATCH_MAX_WORDS`` words: the size of a monitor's note or a live-map post."""
    if not sentences or len(sentences) > DISPATCH_MAX_SENTENCES or paragraphs[-1] != 0:
        return False
    words = sum(1 for sentence in sentences for token in sentence if token.is_alpha)
    return words <= DISPATCH_MAX_WORDS


def _is_dispatch(sentences: list[Span], paragraphs: list[int]) -> bool:
    """A short text of one paragraph that states no date anywhere (a deadline or the edge of
    a period, "leave by 30 June", "since May", dates no act: it may be there)."""
    if not _is_short_note(sentences, paragraphs):
        return False
    return not any(
        not _is_period_edge(span)
        and (_needs_publication_date(span.text) or resolve_date(span.text, None).start is not None)
        for sentence in sentences
        for span in _date_spans(sentence)
    )


DISPATCH_ONE_DAY_RULE = "dispatch-one-day"
RELATIVE_DAY_RULE = "a-part-of-today-names-a-day"


@lru_cache(maxsize=1)
def days_told_from_the_report() -> frozenset[str]:
    """Words naming the day of the report or the day before ("this morning", "yesterday"):
    ``data/dates.json``'s ``days_told_from_the_report`` (read once)."""
    return _lower_case_words("days_told_from_the_report")


def names_a_day_told_from_the_report(text: str) -> bool:
    """Rule "a-part-of-today-names-a-day": a live-map post or a monitor's line written on the
    day ("Junta air strike on Pekon market this morning: at least 9 dead", "Israeli drone
    strike on a car ... this afternoon, 2 Hezbollah members killed", "gunfight between two
    armed groups near Kangpokpi town early this morning, 2 dead") names its day by the words
    of ``days_told_from_the_report`` as surely as by a written date: for ``dispatch-one-day``
    that is the note's one day, the day the words resolve to from the publication day."""
    words = " ".join(re.findall(r"[a-z]+", text.lower()))
    return any(re.search(rf"\b{phrase}\b", words) for phrase in days_told_from_the_report())


SPELL_START_WORDS = {"from", "since"}


def _opens_a_spell(span: Span) -> bool:
    """ "from 3 July", "since 4 March": the first day of a spell (not its end, "by 30 June")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return span[0].lower_ in SPELL_START_WORDS or before in SPELL_START_WORDS


def _the_one_day_stated(
    sentences: list[Span], published: str
) -> tuple[DateValue, Token | None] | None:
    """Rule "dispatch-one-day" (``SceneDates``): the one day a short note states, told as past;
    None when it states none, more than one, or a date that names no day ("in March": the
    note may tell its acts on another day). The date of a report ("OCHA reported on 14
    March") and the end of a period ("by 30 June") date no act and are left out. With the day
    comes the verb it hangs on (None: on a noun, or in a line with no verb)."""
    days: dict[str, tuple[DateValue, Token | None]] = {}
    for sentence in sentences:
        for span in _date_spans(sentence):
            verb = _attachment_verb(span)
            if verb is not None and verb.lemma_.lower() in reporting_verbs():
                continue
            if _is_period_edge(span) and not _opens_a_spell(span):
                continue
            value = resolve_date(span.text, published, "past")
            if value.start is None:
                continue
            named = _names_a_day(span.text) or names_a_day_told_from_the_report(span.text)
            if value.precision not in {"day", "week"} or not named:
                return None
            days.setdefault(value.start, (value, verb))
    if len(days) != 1:
        return None
    value, verb = next(iter(days.values()))
    return replace(value, end=value.start, precision="day"), verb


def _may_take_the_one_day(verb: Token | None, predicate: Token) -> bool:
    """A clause verb that the note's one day does not hang on is another act, told before or
    after the dated one ("Days after talks collapsed on Monday, JNIM fighters attacked", "who
    were detained in Minsk on Monday have been freed"): its day is not that day. The day
    dates its own verb, and an act told without a verb of its own (a noun, a verbless line)."""
    return verb is None or verb == predicate or not _is_clause_verb(predicate)


ONE_DAY_RULE = "one-day-of-the-sentence"


@lru_cache(maxsize=1)
def background_clause_openers() -> frozenset[str]:
    """Words opening a clause that describes a place or a time ("in Istanbul, where the two
    sides agreed on Tuesday ..."): ``data/dates.json``'s ``background_clause_openers``."""
    return _lower_case_words("background_clause_openers")


def one_day_of_the_sentence(
    dates: Sequence[DateValue | None], acts: Sequence[tuple[Token, Token]]
) -> tuple[DateValue, list[int]] | None:
    """Rule "one-day-of-the-sentence": a sentence that gives one day, written on one of its
    acts, dates the acts it leaves undated that stand above or below that act in one line of
    its clauses ("police fired tear gas and arrested 51 pro-monarchy demonstrators who stormed
    barricades near the parliament building on Friday", "rounded up Tibetan monks who
    demonstrated in Lhasa, Monday"): one sentence tells one day's acts.

    ``dates`` are the sentence's acts' dates, ``acts`` their (trigger, predicate) words, in
    the same order. Returns the day and the offsets of the acts it dates, or None. Guards: two
    days in the sentence, or a week or month, date nothing; a day is not carried into or out
    of a clause the other act reports (a ccomp: "Iran acknowledged [on Saturday] its government
    had shot down the jet"), nor out of a clause that describes a place or a time ("in
    Istanbul, where the two sides agreed on Tuesday": background) or tells an act before or
    after ("invaded Georgia August 7 after Georgia tried to retake South Ossetia"), nor
    between acts not both
    told in the simple past ("Moscow rejected the plan on Wednesday, while Ukraine had
    accepted it": the past perfect lies before the day told beside it).
    """
    days = {(day.start, day.end) for day in dates if day is not None and day.start}
    given = [
        (day, acts[offset])
        for offset, day in enumerate(dates)
        if day is not None and day.start and day.precision == "day"
    ]
    if len(days) != 1 or not given:
        return None
    day, (dated_word, dated_predicate) = given[0]
    if tense_of(dated_predicate) != "past":
        return None
    taking = [
        offset
        for offset, (date, (word, predicate)) in enumerate(zip(dates, acts, strict=True))
        if (date is None or date.start is None)
        and tense_of(predicate) == "past"
        and _one_line_of_clauses(word, dated_word, day)
    ]
    return (day, taking) if taking else None


def _one_line_of_clauses(word: Token, dated_word: Token, day: DateValue) -> bool:
    """``word`` and ``dated_word`` stand one above the other, the way between them crosses no
    reported clause and no clause of background, and the day's words lie in the upper one's
    clause (``_written_under``)."""
    if word in dated_word.ancestors:
        upper, lower = word, dated_word
    elif dated_word in word.ancestors:
        upper, lower = dated_word, word
    else:
        return False
    node = lower
    while node.i != upper.i:
        if node.dep_ == "ccomp" or _opens_background(node):
            return False
        node = node.head
    return _written_under(day, upper)


def _opens_background(node: Token) -> bool:
    """``node`` heads a clause opened by "where", "when", "after", "before" ... (data:
    background_clause_openers): a clause of background, or of an act before or after."""
    return any(
        child.dep_ in {"advmod", "mark"} and child.lower_ in background_clause_openers()
        for child in children_of(node)
    )


def _written_under(day: DateValue, word: Token) -> bool:
    """The words of ``day`` are in the clause ``word`` heads ("arrested demonstrators who
    stormed barricades on Friday"), not above it ("On Saturday morning, Iran acknowledged its
    government had shot down the jet, blaming human error": the acknowledging's day)."""
    words = list(word.subtree)
    return words[0].idx <= day.char_start < words[-1].idx + len(words[-1])
