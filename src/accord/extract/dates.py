"""Dates: resolve date expressions against the publication date, and date what a sentence reports.

News dates are mostly relative ("on Friday", "last week"), so everything resolves against the
article's publication date; without one, only expressions that carry their own year resolve
(never against today's date). ``dateparser`` does the calendar work; this module decides what
is a date at all (not "30-day", "55-year-old", "summer"), how weekdays resolve (the most recent
such day on or before publication: news reports the past) and how precise the result is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from accord.models import DateValue


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (keeps long lexicons readable)."""
    return frozenset(text.split())


WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = [name.lower() for name in calendar.month_name if name] + [
    name.lower() for name in calendar.month_abbr if name
]
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
# Verbs whose date is the date of the report, not of what is reported.
REPORTING_VERBS = _words(
    "say tell add state announce report confirm write post note claim tweet declare according"
)
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
    r"^(?:(?:on|in|at|during|since|from|until|till|by|as of|before|after|through|of)\s+)+"
)
_SHADE_WORDS = re.compile(r"\b(?:early|late|earlier|later|mid|the middle of)\b[ -]?")
_TIME_OF_DAY = re.compile(
    r"\b(?:morning|afternoon|evening|night|overnight|midday|noon|midnight|dawn|dusk|daybreak)\b"
)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>last|past|this|next|coming|this coming|this past)\s+)?"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)
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


def _weekday(match: re.Match, base: date) -> tuple[date, date]:
    """The most recent such weekday on or before ``base``; "next" looks forward and "last"
    strictly back."""
    which = match.group("which") or ""
    target = WEEKDAYS[match.group("day")]
    if which in {"next", "coming", "this coming"}:
        ahead = (target - base.weekday()) % 7 or 7
        day = base + timedelta(days=ahead)
    else:
        back = (base.weekday() - target) % 7
        if which in {"last", "past", "this past"} and back == 0:
            back = 7
        day = base - timedelta(days=back)
    return day, day


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


def _year_for_yearless(day: date, base: date) -> date:
    """For a date written without a year ("10 May", "October"), the latest year that does not
    put it more than a month after publication: news reports the past, and near-future plans
    ("talks on 20 May" in an article of 16 May) stay in the coming weeks."""
    horizon = base + timedelta(days=FUTURE_HORIZON_DAYS)
    for year in (base.year + 1, base.year, base.year - 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate <= horizon:
            return candidate
    return day.replace(year=base.year - 1)


@lru_cache(maxsize=64)
def _parser(base: date):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "current_period",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _special_relative(cleaned: str, base: date) -> tuple[date, date, str] | None:
    """Relative expressions ``dateparser`` gets wrong or does not know."""
    if match := _WEEKDAY.match(_TIME_OF_DAY.sub("", cleaned).strip()):
        return (*_weekday(match, base), "day")
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
def _resolve(text: str, published: str | None) -> DateValue:
    base = publication_date(published)
    cleaned = _clean(text)
    if not cleaned or is_duration(text) or _DECADE.search(cleaned) or not _looks_like_date(cleaned):
        return _unresolved(text)
    explicit_year = bool(_EXPLICIT_YEAR.search(cleaned))
    if base is None and not explicit_year:
        return _unresolved(text)  # relative to an unknown date: never guess from today
    if base is not None and (special := _special_relative(cleaned, base)):
        start, end, precision = special
        return _value(text, start, end, precision)
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
        day = _year_for_yearless(day.replace(day=1) if precision == "month" else day, base)
    start, end = _span(day, precision)
    return _value(text, start, end, precision)


def _names_month(cleaned: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", cleaned)) & set(MONTHS))


def resolve_date(text: str, published: str | None) -> DateValue:
    """Resolve a date expression against the publication date (ISO date or datetime).

    Returns a ``DateValue`` with ``start``/``end`` ISO dates and a precision (day, week, month,
    year); ``start`` is None for non-dates ("30-day", "summer") and for relative expressions
    when the publication date is unknown.
    """
    return _resolve(text, published)


# --- the date of a sentence --------------------------------------------------------------


def _date_spans(sent: Span) -> list[Span]:
    """DATE and TIME entities, with a DATE and the TIME right after it joined ("Friday" +
    "morning")."""
    spans: list[Span] = []
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        if spans and ent.label_ == "TIME" and spans[-1].end == ent.start:
            spans[-1] = sent.doc[spans[-1].start : ent.end]
        else:
            spans.append(ent)
    return spans


def _is_period_edge(span: Span) -> bool:
    """ "since 10 May", "by the end of the year": a date bounding a period, not an event date."""
    first = span[0].lower_
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return first in PERIOD_EDGE_WORDS or before in PERIOD_EDGE_WORDS


def _opens_period_clause(verb: Token) -> bool:
    """A clause introduced by "since", "until", "after"...: "since Israel eased its blockade"."""
    return any(
        child.dep_ == "mark" and child.lower_ in PERIOD_EDGE_WORDS for child in verb.children
    )


def _path_to_root(token: Token) -> list[Token]:
    """``token`` and its heads up to the sentence root."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _attachment_verb(span: Span) -> Token | None:
    """The verb a date modifies, or None when a noun comes first ("Moscow's 2022 invasion")."""
    for token in _path_to_root(span.root)[1:]:
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
            return None
    return None


def _date_rank(span: Span, trigger: Token | None, precision: str) -> tuple | None:
    """Sort key of a date candidate (lower is better); None when it cannot date the event.

    Without a trigger: dates on a verb before dates on a noun, then the nearest the sentence
    root. With a trigger: dates in the trigger's own clause first, then dates of the clauses
    that govern it ("On Thursday, Putin rejected ..., prompting Zelenskyy to accuse"); the
    date of a report ("..., the ministry said on Tuesday") and dates of clauses below the
    trigger that bound a period ("since Israel eased its blockade in May") never date it.
    """
    path = _path_to_root(span.root)
    verb = _attachment_verb(span)
    position = (PRECISION_ORDER[precision], span.start)
    below = path[1 : path.index(verb)] if verb is not None and verb in path else path[1:]
    if trigger is None:
        in_period_clause = any(_opens_period_clause(token) for token in path[1:-1])
        return (in_period_clause, verb is None, len(path), *position)
    if trigger in path:
        clause = path[1 : path.index(trigger)]
        if any(_opens_period_clause(token) for token in clause):
            return None
        nested = any(token.pos_ in {"VERB", "AUX"} for token in clause)
        return (0, nested or verb is None, len(clause), *position)
    if verb is not None and trigger in verb.subtree:
        if verb.lemma_.lower() in REPORTING_VERBS:
            return None
        return (1, verb is None, len(below), *position)
    return None


def find_event_date(
    sent: Span, published: str | None, trigger: Token | None = None
) -> DateValue | None:
    """The date of what the sentence reports, or None if the sentence states none.

    Durations, ages and period edges ("since 10 May") are skipped. Among the rest, a date on
    a verb beats one that qualifies a noun ("Moscow's 2022 invasion"), then the one nearest
    the main verb, then the most precise, then the first. Given the event's ``trigger`` token,
    the date must belong to the trigger's clause or a clause governing it (see
    ``_date_rank``). Without a publication date, a relative date ("on Friday") comes back
    unresolved (``start`` None) so the record still shows the words.
    """
    resolved, unresolved = [], []
    for span in _date_spans(sent):
        if _is_period_edge(span):
            continue
        value = replace(
            resolve_date(span.text, published), char_start=span.start_char, char_end=span.end_char
        )
        if value.start is not None:
            rank = _date_rank(span, trigger, value.precision or "year")
            if rank is not None:
                resolved.append((rank, value))
        elif published is None and _needs_publication_date(span.text):
            rank = _date_rank(span, trigger, "day")
            if rank is not None:
                unresolved.append((rank, value))
    candidates = resolved or unresolved
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: candidate[0])[1]


def _needs_publication_date(text: str) -> bool:
    """Whether an expression is a date that only the publication date can pin ("Friday")."""
    return _resolve(text, _PROBE_DATE).start is not None
