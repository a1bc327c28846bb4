"""Proposals and agreements across articles, with a dated status history backed by events.

Each stored event whose sentence names a subject (``data/proposal_subjects.json``: ceasefire,
prisoner exchange, summit, withdrawal, sanctions, or an agreement in general) becomes a
candidate step: its status follows from the event's type and modality (REQUEST or a proposed
modality: proposed; considered; AGREE by one party: accepted by it, by both: agreed; REJECT:
declined; an asserted release, ceasefire or withdrawal: implemented; an accusation of a
violation: violated, alleged by the accuser; an extension: extended). A denial ("denied any
truce violations") is no step, and a broker, host or facilitator ("U.S.-brokered", "mediated by
Qatar") is no party. Steps join the proposal with the same subject (a package deal agreed with
several subjects, a truce with a hostage-prisoner exchange, takes steps of each), sharing a
participant country, with compatible terms (a 30-day truce is not a 60-day one), within
``LINK_DAYS``. Reports of the same step merge into one, dated by what most reports say (the
act's date when the text gives one, else the report's); an undated report and a mention of an
earlier step ("the exchange agreed in Istanbul", "has held since it began on April 2") back an
existing step rather than start a new one. What the sentence and article tell beside an event
(``Context``) dates a violation by the act that broke the deal, gives a report's first act the
subject of the rest of the report, and tells what a meeting agreed from the meeting itself.
An exchange carried out by both sides is one stage, even across midnight, with each side's
figure ("3 for 90"). What each event reads as is read once, when tracking first sees it, and
kept (``proposal_candidates``); an update links again only the kept candidates the new ones can
reach (``accord.track.relink``), and only the proposals that came out different are written
again.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from accord.errors import NotFoundError, StoreError
from accord.extract.dates import WEEKDAYS, resolve_date
from accord.store import Store
from accord.store.database import connect
from accord.store.tracking import (
    Reading,
    clear_candidates,
    clusters_lost_members,
    delete_proposals,
    evidence_ids,
    named_actor_rows_of,
    proposal_digests,
    proposal_row,
    proposal_rows,
    save_candidates,
    save_proposal,
    set_spans,
    step_rows,
    stored_candidates,
    unread_candidate_rows,
)
from accord.track.ids import hashed_id

LINK_DAYS = 45  # a step further from a proposal's last step starts a new proposal
RUNNING_DAYS = 400  # how long a step that carries out a proposal may follow its last step
ARRANGING_DAYS = 120  # how long a summit in train may wait for its next step
CONTINUING = ("implemented", "violated", "extended", "expired", "collapsed")
AMENDING = ("proposed", "considered", "accepted", "declined")  # after it is in force: a change
CARRIED_OUT = ("implemented", "extended")  # acts that carry a proposal out or keep it in force
LATER_IN_FORCE = ("violated", "extended", "expired", "collapsed")  # what befalls one in force
IN_TRAIN = ("proposed", "accepted", "agreed")  # something that a later act may carry out
ATTACH_DAYS = 3  # an undated report backs a step up to this many days before publication
ONCE = ("proposed", "considered", "accepted", "declined", "agreed")  # not repeated daily
STEP_PRECISIONS = ("day", "month")  # a date the text gives a step; a month shows as '2021-04'
STATUS_ORDER = {
    status: rank
    for rank, status in enumerate(
        (
            "proposed",
            "considered",
            "accepted",
            "declined",
            "agreed",
            "implemented",
            "violated",
            "extended",
            "expired",
            "collapsed",
        )
    )
}
ACT_TYPES = ("AGREE", "RETREAT", "ACCUSE", "SANCTION", "CONSULT")  # status words apply to these
SKIPPED_MODALITIES = ("negated", "hypothetical", "conditional", "future", "denied")


@dataclass(frozen=True)
class Step:
    """One dated status of a proposal, with the events that report it."""

    date: str | None
    status: str
    actors: tuple[str, ...]
    event_ids: tuple[str, ...]
    date_inferred: bool = False  # dated by the reports' publication, no date in the text
    detail: str | None = None

    def label(self) -> str:
        by = f" by {', '.join(self.actors)}" if self.actors and self.status in BY_STATUSES else ""
        return f"{self.status}{by}"

    def text(self) -> str:
        """The label and the detail: 'violated by Hamas (alleged by Israel)'."""
        return self.label() + (f" ({self.detail})" if self.detail else "")


BY_STATUSES = ("proposed", "considered", "accepted", "declined", "violated")


@dataclass(frozen=True)
class Proposal:
    """A proposal or agreement across articles."""

    id: str
    subject: str
    terms: dict[str, Any]
    proposer: tuple[str, ...]
    participants: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def status(self) -> str:
        return self.steps[-1].label() if self.steps else "unknown"

    @property
    def title(self) -> str:
        return f"{terms_text(self.terms)} {self.subject}".strip()


def terms_text(terms: dict[str, Any]) -> str:
    if "a" in terms and "b" in terms:
        return f"{terms['a']:,}-for-{terms['b']:,}"
    if "days" in terms:
        return f"{terms['days']}-day"
    return ""


# -- subject data ----------------------------------------------------------------------------


def _any_of(words: list[str]) -> str:
    """A group matching any of the words as written (longest first, as they come)."""
    return r"(?:" + "|".join(map(re.escape, words)) + r")"


def _before_an_agreement(opening: str, agreements: list[str], gap: int) -> re.Pattern[str]:
    """``opening``, then up to ``gap`` words, then an agreement word ("violated the 72-hour
    truce", ", shattering a fragile three-day ceasefire")."""
    return re.compile(
        opening + rf"\s+(?:[\w-]+\s+){{0,{gap}}}?" + _any_of(agreements) + r"s?\b", re.I
    )


@cache
def subject_data() -> dict[str, Any]:
    """The subject keywords and term patterns (validated once)."""
    text = files("accord").joinpath("data/proposal_subjects.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in (
        "subjects",
        "mode_subjects",
        "agreement_subjects",
        "terms",
        "status_words",
        "denial_words",
        "mutual_accusation_phrases",
        "adherence_words",
        "keeping_triggers",
        "background_before_trigger",
        "both_parties",
        "broker_patterns",
        "approval_words",
        "signing_words",
        "in_effect_words",
        "leaving_words",
        "pausing_words",
        "collapsing_participles",
        "breach_phrases",
        "length_units",
        "number_words",
        "unilateral_subjects",
        "done_under_agreement",
        "plan_before_under",
        "accuser_patterns",
        "lead_act_modes",
        "other_clause_openers",
        "fresh_words",
        "reporting_verbs",
        "term_date_markers",
        "in_force_clause",
        "charged_act_day",
        "which_clause_day",
        "agreeing_triggers",
        "counted_extension",
        "meeting_words",
        "contrast_words",
        "offer_reference",
        "making_verbs",
        "making_clause_reach",
        "receiving_words",
        "exchanging_verbs",
        "counter_charge_verbs",
        "charge_nouns",
        "welcome_words",
        "extension_nouns",
        "unmade_heads",
        "verdict_modes",
        "holding_state",
    ):
        if key not in data:
            raise ValueError(f"proposal_subjects.json lacks {key!r}")
    data["term_patterns"] = [re.compile(pattern, re.I) for pattern in data["terms"]]
    data["broker_regexes"] = [re.compile(pattern) for pattern in data["broker_patterns"]]
    data["done_under_regex"] = re.compile(data["done_under_agreement"], re.I)
    data["offer_regex"] = re.compile(data["offer_reference"], re.I)
    data["in_force_regex"] = re.compile(data["in_force_clause"], re.I)
    data["holding_regex"] = re.compile(data["holding_state"], re.I)
    data["proposal_author_regexes"] = [
        re.compile(pattern) for pattern in data["proposal_author_patterns"]
    ]
    data["act_day_regex"] = re.compile(data["charged_act_day"], re.I)
    data["which_clause_day_regex"] = re.compile(data["which_clause_day"], re.I)
    data["counted_extension_regex"] = re.compile(data["counted_extension"], re.I)
    data["accuser_regexes"] = [re.compile(pattern) for pattern in data["accuser_patterns"]]
    data["counter_charge_regex"] = re.compile(
        r"\b" + _any_of(data["counter_charge_verbs"]) + r"\b", re.I
    )
    data["rejected_charge_regex"] = re.compile(
        r"\b(?:reject|dismiss)\w*\s+(?:(?:the|a|an|these|those|such|its|their|[\w-]+'s?)\s+){0,2}"
        + _any_of(data["charge_nouns"])
        + r"s?\b",
        re.I,
    )
    data["clause_regex"] = re.compile(
        r"\b(?:" + "|".join(map(re.escape, data["other_clause_openers"])) + r")\b", re.I
    )
    data["contrast_clause_regex"] = re.compile(
        r"[,;]\s*(?:" + "|".join(map(re.escape, data["contrast_words"])) + r")\b", re.I
    )
    openers = [*data["other_clause_openers"], *data["contrast_words"]]
    data["package_clause_regex"] = re.compile(
        r"\b(?:" + "|".join(map(re.escape, openers)) + r")\b", re.I
    )
    agreements = sorted(
        {
            *(w for words in data["subjects"].values() for w in words),
            *(w for words in data["agreement_subjects"].values() for w in words),
        },
        key=lambda word: (-len(word), word),
    )
    data["adherence_regex"] = _before_an_agreement(
        r"\b" + _any_of(data["adherence_words"]) + r"\s+(?:the|their|its|this|that)", agreements, 2
    )
    data["breach_regexes"] = {
        kind: _before_an_agreement(
            r"\b" + _any_of(phrases) + r"\s+(?:the|a|an|its|their|this|that)", agreements, 3
        )
        for kind, phrases in data["breach_phrases"].items()
    }
    numbers = sorted(data["number_words"], key=lambda word: (-len(word), word))
    data["length_regex"] = re.compile(
        r"\b(?P<number>\d+|" + "|".join(map(re.escape, numbers)) + r")-"
        r"(?P<unit>" + "|".join(map(re.escape, data["length_units"])) + r")\b",
        re.I,
    )
    data["agreement_length_regex"] = _before_an_agreement(
        data["length_regex"].pattern, agreements, 2
    )
    data["collapse_after_regex"] = _before_an_agreement(
        r",\s+" + _any_of(data["collapsing_participles"]), agreements, 4
    )
    data["making_clause_regex"] = making_clause_regex(
        agreements, data["making_verbs"], data["making_clause_reach"]
    )
    data["receiving_regex"] = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, data['receiving_words']))})\s+(?:back\s+)?"
        rf"(?P<number>\d[\d,]*|{'|'.join(map(re.escape, numbers))})\b",
        re.I,
    )
    return data


PASSIVE_AUXILIARIES = ("was", "were", "is", "are", "be", "been", "being")


def making_clause_regex(agreements: list[str], verbs: list[str], reach: int) -> re.Pattern[str]:
    """An agreement's name and a clause on it that tells its making, up to the end of the text
    searched ('the cease-fire the two sides signed', 'A cessation of hostilities brokered by
    Washington and Moscow in', 'the truce, agreed in'): a verb of making a few words after the
    name with no auxiliary between (the truce 'was agreed' is a main clause) and no comma
    after the verb."""
    names = "|".join(map(re.escape, agreements))
    making = "|".join(map(re.escape, verbs))
    auxiliary = "|".join(PASSIVE_AUXILIARIES)
    word = rf"(?:(?!(?:{auxiliary})\b)[\w.'’-]+\s+)"
    return re.compile(
        rf"\b(?:{names})s?,?\s+(?:(?:that|which)\s+)?{word}{{0,{reach}}}?(?:{making})\b[^,;]*$",
        re.I,
    )


@lru_cache(maxsize=1 << 16)
def keyword_positions(sentence: str, keyword: str) -> tuple[int, ...]:
    """Where the keyword (or its plural) starts in the sentence. Kept per sentence and
    keyword: the readings ask each sentence about every subject's words again for each event
    it holds and each rule (a crowded update: 218,513 questions, 9,937 distinct)."""
    if keyword.casefold() not in folded(sentence):
        return ()  # most keywords are not in a sentence: no regular expression run for them
    return tuple(match.start() for match in keyword_pattern(keyword).finditer(sentence))


@lru_cache(maxsize=64)
def folded(sentence: str) -> str:
    """The sentence case-folded, once for the many keywords looked for in it."""
    return sentence.casefold()


@cache
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a whole word or its plural (compiled once)."""
    return re.compile(rf"\b{re.escape(keyword)}(?:s|es)?\b", re.I)


def find_subject(sentence: str, trigger_at: int, type_mode: tuple[str, str | None]) -> str | None:
    """The subject named nearest the trigger (or implied by the event's type and mode)."""
    data = subject_data()
    implied = data["mode_subjects"].get(f"{type_mode[0]}/{type_mode[1]}") or data[
        "mode_subjects"
    ].get(type_mode[0])
    if type_mode[0] == "SANCTION" and pauses_agreement(sentence, trigger_at):
        return None  # 'Russia suspended its participation': no status, and no sanction
    if type_mode[0] == "SANCTION" and suspends_talks(sentence, trigger_at):
        return None  # the talks' end: the subject is the story's (``candidate_of``)
    leaving = type_mode[0] == "SANCTION" and leaves_agreement(sentence, trigger_at)
    if implied == MEETING_SUBJECT:
        implied = named_instead_of_a_meeting(sentence, trigger_at) or implied
    if implied and not leaving:
        return implied
    if about_talks(sentence, trigger_at):
        return None
    best: tuple[int, str] | None = None
    for subject, keywords in data["subjects"].items():
        required = data.get("requires_any", {}).get(subject)
        if required and not any(keyword_positions(sentence, word) for word in required):
            continue
        for keyword in keywords:
            for position in keyword_positions(sentence, keyword):
                distance = abs(position - trigger_at)
                if best is None or distance < best[0]:
                    best = (distance, subject)
    if best:
        return best[1]
    for subject, keywords in data["agreement_subjects"].items():
        if any(keyword_positions(sentence, word) for word in keywords):
            return subject
    return None


MEETING_SUBJECT = "summit"  # what a meeting of the sides is a step of


def named_instead_of_a_meeting(sentence: str, trigger_at: int) -> str | None:
    """Rule "the-words-beat-the-meeting-guess": a request or refusal typed as about a meeting
    whose own clause names another subject and no meeting ('demanded that Russia agree to an
    unconditional 30-day ceasefire starting on Monday', 'urged the rebels to accept a truce')
    is about that subject: the mode is the coder's guess, the words are what was asked."""
    clause = trigger_clause(sentence.lower(), trigger_at)[trigger_at:]
    named = find_subjects(clause, ("", None))
    talks = subject_data()["talk_words"]
    if MEETING_SUBJECT in named or any(keyword_positions(clause, word) for word in talks):
        return None  # 'proposed talks on a ceasefire' asks for the talks
    return next((s for s in named if s not in unilateral_subjects()), None)


def tells_a_meeting(sentence: str, trigger_at: int, type_mode: tuple[str, str | None]) -> bool:
    """Rule "a-meeting-held-is-the-summit's": a meeting of the sides ('delegations met in
    Istanbul on Friday ... and agreed to exchange 1,000 prisoners', 'held their first direct
    talks', 'met Kim Jong Un in Singapore') is a step of the summit or talks, not of the swap
    or truce the sentence also names. Mediating ('brokered'), negotiating, visits and calls
    are other modes or other words."""
    return (
        type_mode[0] == "CONSULT"
        and type_mode[1] is None
        and trigger_word(sentence, trigger_at) in subject_data()["meeting_words"]
    )


def about_talks(sentence: str, trigger_at: int) -> bool:
    """Rule "talks-are-no-step": "Russia rejected the ceasefire plan while saying it remained
    open to further talks": an act whose own words (right after its trigger) are about talks
    is no step of the truce or swap the sentence also names."""
    after = sentence[trigger_at : trigger_at + 40].casefold().split()[1:5]
    words = {word.strip(".,;:") for word in after}
    return bool(words & set(subject_data()["talk_words"]))


def leaves_agreement(sentence: str, trigger_at: int) -> bool:
    """Rule "leaving-ends-the-agreement": "Russia said it is ending its participation in the
    grain deal", "withdrew from the accord": a leaving trigger in a sentence that names an
    agreement (a suspension is a pause, no step: ``pauses_agreement``)."""
    return trigger_word(sentence, trigger_at) in subject_data()["leaving_words"] and (
        names_agreement(sentence)
    )


def suspends_talks(sentence: str, trigger_at: int) -> bool:
    """Rule "suspended-talks-end-the-story's-agreement": a mediator or a side suspending or
    ending the talks ('The African Union suspended the Nairobi talks between Ethiopia and the
    Fano militia on Wednesday after fighting broke out') ends the agreement its report is
    about, a collapse (the talks' own, when the report names none); it is no sanction."""
    words = subject_data()
    trigger = trigger_word(sentence, trigger_at)
    ending = trigger in words["pausing_words"] or trigger in words["leaving_words"]
    return ending and about_talks(sentence, trigger_at)


def pauses_agreement(sentence: str, trigger_at: int) -> bool:
    """Rule "a-pause-is-no-step": "Russia suspended its participation for several days",
    "Russia's decision to suspend participation in the Grain Initiative": a pausing trigger
    in a sentence that names an agreement or a participation. Reports call a party's pause of
    a deal a suspension, a status the step vocabulary lacks; it is no sanction either."""
    if trigger_word(sentence, trigger_at) not in subject_data()["pausing_words"]:
        return False
    return bool(keyword_positions(sentence, "participation")) or names_agreement(sentence)


def trigger_word(sentence: str, trigger_at: int) -> str:
    word = re.match(r"[\w-]+", sentence[trigger_at:])
    return "" if word is None else word.group(0).lower()


def names_agreement(sentence: str) -> bool:
    """Whether the sentence names an agreement (any subject but sanctions, or a general one)."""
    data = subject_data()
    agreements = {**data["subjects"], **data["agreement_subjects"]}
    named = [words for subject, words in agreements.items() if subject not in unilateral_subjects()]
    return any(keyword_positions(sentence, w) for words in named for w in words)


def unilateral_subjects() -> list[str]:
    return subject_data()["unilateral_subjects"]


def find_subjects(sentence: str, type_mode: tuple[str, str | None]) -> list[str]:
    """Every subject the sentence names, and the one its type and mode imply (a truce agreed
    with a prisoner exchange names both: parts of one package)."""
    data = subject_data()
    found = []
    implied = data["mode_subjects"].get(f"{type_mode[0]}/{type_mode[1]}") or data[
        "mode_subjects"
    ].get(type_mode[0])
    if implied:
        found.append(implied)
    for subject, keywords in data["subjects"].items():
        required = data.get("requires_any", {}).get(subject)
        if required and not any(keyword_positions(sentence, word) for word in required):
            continue
        if subject not in found and any(keyword_positions(sentence, word) for word in keywords):
            found.append(subject)
    return found


def length_in_days(lowered: str) -> int | None:
    """Rule "a-length-in-words-is-a-term": the first length told as a hyphenated adjective
    ('a seven-day ceasefire', 'a 72-hour truce', 'a two-week truce') in whole days, or None.
    Wire copy names a truce by its length, so it tells two truces of the same sides apart;
    an hour count that is no whole number of days ('a 36-hour pause') is left out."""
    data = subject_data()
    for match in data["length_regex"].finditer(lowered):
        count = number_value(match.group("number"))
        days, hours = divmod(count * data["length_units"][match.group("unit")], HOURS_A_DAY)
        if days and not hours:
            return days
    return None


HOURS_A_DAY = 24


def number_value(number: str) -> int:
    """A figure written in digits ('1,000', '72') or in words ('eight'); 0 for none."""
    words = subject_data()["number_words"]
    lowered = number.lower()
    return words[lowered] if lowered in words else int(re.sub(r"\D", "", lowered) or 0)


# rule "an-end-tells-the-whole-run": a truce's end is told with the length it ran, its
# extensions included ('Yemen's six-month truce expired on Sunday' of a two-month truce
# extended twice): that length is no term to tell it from another
ENDING = ("expired", "collapsed")


def length_of_the_agreement(lowered: str) -> int | None:
    """The length told as the adjective of the agreement itself ('extend the seven-day
    ceasefire by five days': 7), not of its extension ('a 72-hour extension'), or None."""
    match = subject_data()["agreement_length_regex"].search(lowered)
    return None if match is None else length_in_days(match.group(0))


MONTH_LONG = re.compile(r"\bmonth-long\b|\bone-month\b|\bfor a month\b")
# rule "a-month-is-a-term-only-as-a-length": 'a month-long truce', 'a truce for a month'; not
# 'the second truce agreed in a month' nor 'a month after the truce began'


def find_terms(sentence: str, subject: str) -> dict[str, int]:
    """Terms stated in the sentence: days (30-day), a/b (390-for-390), count.

    A prisoner exchange has figures, anything else a number of days (a sentence on a
    ceasefire may also mention a swap of 390 prisoners each)."""
    data = subject_data()
    terms: dict[str, int] = {}
    lowered = sentence.lower()
    if MONTH_LONG.search(lowered):
        terms["days"] = data.get("month_long_days", 30)
    length = length_in_days(lowered)
    if length is not None:
        terms.setdefault("days", length)
    for pattern in data["term_patterns"]:
        for match in pattern.finditer(sentence):
            groups = {k: int(v.replace(",", "")) for k, v in match.groupdict().items() if v}
            if "each" in groups:
                groups = {"a": groups["each"], "b": groups["each"]}
            for key, value in groups.items():
                terms.setdefault(key, value)
    wanted = ("a", "b", "count") if subject == EXCHANGE else ("days",)
    return {key: value for key, value in terms.items() if key in wanted}


# -- events to candidate steps ---------------------------------------------------------------


@dataclass
class Candidate:
    """One event read as a step of some proposal."""

    event_id: str
    subject: str
    status: str
    actors: tuple[str, ...]  # who took the step (names)
    countries: frozenset[str]  # everyone the event names
    counterparts: tuple[str, ...]  # the targets (whose proposal was accepted or declined)
    terms: dict[str, int]
    day: int  # ordinal day
    inferred: bool
    back_reference: bool
    published: int
    prisoners: int | None
    subjects: frozenset[str] = frozenset()  # every subject the sentence names (a package)
    alleged_by: tuple[str, ...] = ()  # who says a violation happened
    figure: int | None = None  # how many this report's side freed (an exchange stage)
    each: bool = False  # 'N each': both sides freed the same number
    month: bool = False  # the text gives only the month ('proposed in April'): day is its first
    sentence: str = ""  # the article and sentence that tell it ('<article id>:<index>')
    fresh: bool = False  # the sentence calls the agreement a new one ('a new ceasefire')
    pair: tuple[int, ...] = ()  # both sides' figures one report gives ('24 hostages for 39')
    own_countries: frozenset[str] = frozenset()  # the countries of who took the step
    news: bool = False  # undated only because its date is a term's: the report's own news
    brokers: frozenset[str] = frozenset()  # who mediated it, as the trigger's clause names them
    # the countries of who proposed what an answer answers, between others: no party of it
    authors: frozenset[str] = frozenset()
    # the day of the agreement's making a clause on it tells beside another step ('the
    # cease-fire the two sides signed Thursday'): a second reading (``steps_told``)
    made: int | None = None
    made_month: bool = False  # that day is only a month's ('brokered ... in February')


def word_before(sentence: str, at: int) -> str:
    words = re.findall(r"[A-Za-z']+", sentence[:at])
    return words[-1].lower() if words else ""


@cache
def all_keywords() -> frozenset[str]:
    return frozenset(word for words in subject_data()["subjects"].values() for word in words)


def status_of(
    row: Any, sentence: str, trigger_at: int, parties: int, subject: str, sides: int = 0
) -> str | None:
    """The status an event gives its proposal, or None when it gives none (``sides``: who a
    meeting is between, see ``announces_meeting``)."""
    data = subject_data()
    lowered = sentence.lower()
    if announces_meeting(row, subject, max(parties, sides)):
        return "agreed"
    if row["modality"] in SKIPPED_MODALITIES or is_denial(denial_scope(lowered, trigger_at)):
        return None  # 'denied any truce violations' is no violation
    if is_a_verdict(row):
        return None  # rule a-court-verdict-is-no-measure
    status = act_status(row, sentence, trigger_at, parties, subject)
    if status == "violated" and is_mutual(lowered):
        return None  # 'both sides have accused each other of violations': no one, no day
    if status in ("proposed", "accepted") and data["adherence_regex"].search(sentence):
        return None  # 'urged the parties to respect the truce': the truce is already made
    if status == "implemented" and claims_keeping(row):
        return None
    if under_a_condition(sentence, trigger_at):
        return None
    if (
        status == "proposed"
        and row["type"] == "REQUEST"
        and not own_clause_names_one(sentence, trigger_at, (row["type"], row["mode"]))
    ):
        return None
    return status


def is_a_verdict(row: Any) -> bool:
    """Rule "a-court-verdict-is-no-measure": a court's verdict (SANCTION, mode 'convict') is
    told of the captives an exchange trades or of an attacker ('Five Iranians charged or
    convicted of nonviolent crimes in the United States received clemency under the deal',
    'Krasikov was convicted in the 2019 murder of a Chechen dissident in Berlin', 'the
    assailant, reported by The Guardian as convicted of ...'): it is no measure one state
    takes against another, so no step of a sanctions proposal, nor of any agreement."""
    return row["type"] == "SANCTION" and row["mode"] in subject_data()["verdict_modes"]


def own_clause_names_one(sentence: str, trigger_at: int, type_mode: tuple[str, str | None]) -> bool:
    """Rule "a-demand-is-of-what-its-clause-names": a demand whose own clause names no
    agreement is no proposal of the one its sentence names elsewhere ('Thailand rejected the
    Malaysian ceasefire proposal, saying Cambodia must first stop shelling Thai villages' is
    the refusal's condition, not a ceasefire Thailand proposed)."""
    clause = clause_opening(sentence, trigger_at) + trigger_clause(sentence[trigger_at:].lower(), 0)
    if find_subjects(clause, type_mode):
        return True
    agreements = subject_data()["agreement_subjects"].values()
    return any(keyword_positions(clause, word) for words in agreements for word in words)


CONDITION = re.compile(
    r"\b(?:if|unless|provided|providing|on condition|as long as|so long as|only when)\b", re.I
)


def under_a_condition(sentence: str, trigger_at: int) -> bool:
    """Rule "a-condition-is-no-step": an act its own clause puts under a condition ('the
    truce lapses on Sunday unless both sides agree to extend it', 'would withdraw only if the
    army stopped its drone strikes') has not happened: the coder may still read it as done."""
    return CONDITION.search(clause_opening(sentence, trigger_at)) is not None


def claims_keeping(row: Any) -> bool:
    """Rule "a-claim-of-keeping-it-is-no-step": a side saying it respected or observed an
    agreement ('The army said it had respected the truce and blamed the rebels for its
    collapse') answers a charge of breaking it; it carries nothing out on any day."""
    return row["trigger"].lower() in subject_data()["keeping_triggers"]


def is_mutual(lowered: str) -> bool:
    return any(phrase in lowered for phrase in subject_data()["mutual_accusation_phrases"])


def act_status(row: Any, sentence: str, trigger_at: int, parties: int, subject: str) -> str | None:
    """The status the event's type, modality and words give, before the exceptions."""
    data = subject_data()
    trigger = row["trigger"]
    lowered = sentence.lower()
    modality, kind, mode = row["modality"], row["type"], row["mode"]
    names_it = whole_trigger(trigger, sentence, trigger_at) in all_keywords()  # however typed
    if (kind in ACT_TYPES or names_it) and modality not in ("proposed", "considered", "rejected"):
        status = nearest_status_word(trigger_clause(lowered, trigger_at), trigger_at)
        if status is not None:
            return status
    if modality in ("proposed", "considered"):
        return modality
    if kind in FIGHTING_TYPES and (
        collapses_before(lowered, trigger_at) or collapses_after(sentence, trigger_at)
    ):
        return "collapsed"
    if breaks_an_agreement(kind, sentence, trigger_at):
        return "violated"
    if subject == TRUCE and accuses_an_attack(row, sentence, trigger_at):
        return "violated"
    if kind == "SANCTION" and suspends_talks(sentence, trigger_at):
        return "collapsed"
    if kind == "REJECT" and violates_trigger(sentence, trigger_at):
        return "violated"  # 'accusations that Russia had violated the agreement'
    if kind == "REJECT" or modality == "rejected":
        return "declined"
    if approves_an_extension(row, lowered, trigger_at):
        return "extended"
    if welcomes_an_extension(row, lowered, trigger_at):
        return "extended"
    if kind == "SUPPORT" and trigger.lower() in data["signing_words"]:
        if is_plan(sentence, trigger_at):
            return None  # 'did not expect a deal to be signed at the first meeting'
        return "agreed"  # 'Moscow signed a deal', 'the deal, signed in Istanbul': it is made
    if kind == "AGREE":
        both = any(phrase in lowered for phrase in data["both_parties"])
        together = subject not in unilateral_subjects() and joint_subject(sentence, trigger_at)
        return "agreed" if parties >= 2 or both or together else "accepted"
    if kind == "REQUEST":
        return "proposed"
    if kind == "SUPPORT" and trigger.lower() in data["approval_words"]:
        return "accepted"  # 'the government approved the deal'
    if kind == "RETREAT" and mode in ("release", "return", "ceasefire", "withdraw", "access"):
        if names_it and not any(
            w in without_other_beginnings(lowered) for w in data["in_effect_words"]
        ):
            return None  # 'the swap showed ...' names the thing; 'the truce took effect' does it
        if is_plan(sentence, trigger_at):
            return "agreed" if mentions_agreement(sentence) else None
        return "implemented"
    if kind == "SANCTION" and leaves_agreement(sentence, trigger_at):
        return "expired"  # 'Russia is ending its participation in the grain deal'
    if kind == "CONSULT" and done_under_agreement(sentence, trigger_at):
        return "implemented"  # 'the first ship left Odesa on Monday under a deal brokered by'
    if kind == "CONSULT" and is_plan(sentence, trigger_at):
        return None  # 'his eagerness to meet Trump', 'pleased to host the meeting': to come
    if kind == "CONSULT" and put_off(lowered, trigger_at):
        return None  # rule a-postponed-meeting-is-not-held
    if kind == "SANCTION" or (kind == "CONSULT" and subject == "summit"):
        return "implemented"  # a summit held; mediating a deal is not carrying it out
    return None


FIGHTING_TYPES = ("ASSAULT", "FIGHT", "COERCE")  # what breaks a truce off


def whole_trigger(trigger: str, sentence: str, trigger_at: int) -> str:
    """Rule "a-hyphenated-cease-fire-names-the-truce": the coder's trigger may be the last
    part of a hyphenated word ('fire' of 'A new, five-day cease-fire ... was holding
    Thursday'); when the whole word is an agreement's name ('cease-fire', as VOA spells it),
    the event names the thing, as 'ceasefire' does ('the ceasefire broke down', however typed),
    and tells no step unless a status or in-effect word says one."""
    start = trigger_at
    if start > 0 and sentence[start - 1] == "-":
        start -= len(re.search(r"[\w-]*$", sentence[:start]).group(0))
    whole = re.match(r"[\w-]+", sentence[start:])
    word = whole.group(0).lower() if whole else ""
    return word if word in all_keywords() else trigger.lower()


def approves_an_extension(row: Any, lowered: str, trigger_at: int) -> bool:
    """Rule "an-approved-extension-is-the-extension": a side that approves, endorses or signs
    the extension of an agreement ('the RSF said it had approved the extension of the
    ceasefire for 72 hours', 'the army endorsed the extension of the truce') extends it, as a
    side that 'accepted a proposal to extend the truce' does; it does not accept a new
    proposal. The extension word is the approval's object: the nearest status word, a few
    words after the trigger with no comma between ('approved the truce, which could be
    extended' approves the truce)."""
    data = subject_data()
    words = (*data["approval_words"], *data["signing_words"])
    if row["type"] != "SUPPORT" or row["trigger"].lower() not in words:
        return False
    after = re.split(r"[,;]", lowered[trigger_at:], maxsplit=1)[0]
    object_words = " ".join(after.split()[: OBJECT_REACH + 1])
    return nearest_status_word(object_words, 0) == "extended"


OBJECT_REACH = 5  # words from an approval's trigger to the extension it approves


def welcomes_an_extension(row: Any, lowered: str, trigger_at: int) -> bool:
    """Rule "a-welcomed-extension-was-made": brokers and allies greet an extension with a
    statement ('The United States welcomes today's announcement by the UN on the extension
    of the truce in Yemen', 'President Joe Biden welcomed the extension', 'Saudi Arabia and
    the United States welcome agreement by the Sudanese Armed Forces and the Rapid Support
    Forces to a five-day extension of the ceasefire agreement'): a welcome presupposes the
    extension it names as its object, so the agreement was extended, on the welcome's day.
    The object runs from the trigger to the first comma, within WELCOME_REACH words; a noun
    of something not yet made before it ('welcomed the proposal for an extension') makes it
    no step. The welcomer is no side of the extension (``welcomer_is_no_side``)."""
    data = subject_data()
    if row["type"] != "SUPPORT" or row["trigger"].lower() not in data["welcome_words"]:
        return False
    after = re.split(r"[,;:]", lowered[trigger_at:], maxsplit=1)[0]
    words = re.findall(r"[a-z][\w'-]*", after)[1 : WELCOME_REACH + 1]
    for word in words:
        if word in data["unmade_heads"]:
            return False
        if word in data["extension_nouns"]:
            return True
    return False


WELCOME_REACH = 15  # words from a welcome's trigger to the extension it welcomes


def welcomer_is_no_side(row: Any, status: str, sources: list[Any], trigger_at: int) -> list[Any]:
    """The sources that are sides of the step: none, for a welcomed extension (rule
    a-welcomed-extension-was-made), whose welcomers (the United States, Saudi Arabia, the
    UN) greet what the parties did."""
    if status == "extended" and welcomes_an_extension(row, row["sentence"].lower(), trigger_at):
        return []
    return sources


def collapses_before(lowered: str, trigger_at: int) -> bool:
    """Rule "a-collapse-told-with-the-fighting": 'the ceasefire in eastern Congo collapsed on
    Friday after M23 rebels seized the town', 'the truce broke down as heavy fighting resumed':
    wire copy tells a truce's end through the fighting that ends it, the agreement the subject
    of the collapse word and the fighting in the clause after it. The fight is the collapse."""
    head = lowered[:trigger_at]
    opener = re.search(r"\b(?:after|as|when|with)\b[^,;]*$", head)
    if opener is None:
        return False
    told = head[: opener.start()]
    if "," in told or ";" in told:
        return False  # 'Fighting, since the truce collapsed, ...': another clause
    collapse = subject_data()["status_words"]["collapsed"]
    spots = [p for word in collapse for p in keyword_positions(told, word)]
    named = [*all_keywords(), *agreement_keywords()]
    return bool(spots) and any(keyword_positions(told[: min(spots)], word) for word in named)


def breaks_an_agreement(kind: str, sentence: str, trigger_at: int) -> bool:
    """Rule "an-act-told-against-a-truce-violates-it": a fight told 'in violation of the
    truce' or 'in breach of the ceasefire', or an accusation of an act done 'despite the
    ceasefire' ('the army accused the RSF of shelling Bahri despite the truce'), is a
    violation; wire copy ties the act to the agreement after its trigger. A fight merely
    'despite the truce' names no one who alleges a breach: no step."""
    phrase = "fight" if kind in FIGHTING_TYPES else "accusation" if kind == "ACCUSE" else None
    if phrase is None:
        return False
    return subject_data()["breach_regexes"][phrase].search(sentence, trigger_at) is not None


def collapses_after(sentence: str, trigger_at: int) -> bool:
    """Rule "a-fight-that-shatters-a-truce-is-its-collapse": 'fierce fighting erupted in Upper
    Nile on Monday, shattering a two-month ceasefire', 'Israel resumed air strikes on Gaza,
    ending the truce': wire copy tells a truce's end by the fight, with a participle after a
    comma whose object is the agreement. The fight is the collapse, dated by it."""
    return subject_data()["collapse_after_regex"].search(sentence, trigger_at) is not None


@cache
def agreement_keywords() -> frozenset[str]:
    """'the deal', 'the agreement': the words of a generic agreement."""
    return frozenset(w for words in subject_data()["agreement_subjects"].values() for w in words)


def nearest_status_word(clause: str, trigger_at: int) -> str | None:
    """The status whose word in the trigger's clause comes first after the trigger, else
    nearest before it (rule "the-nearest-status-word-tells-it": 'the truce ... was over,
    blaming rebel groups for violating it': the truce is over, the blaming is of violations)."""
    found = [
        (position < trigger_at, abs(position - trigger_at), order, status)
        for order, (status, words) in enumerate(subject_data()["status_words"].items())
        for word in words
        for position in keyword_positions(clause, word)
        if not negated_at(clause, position)
    ]
    return min(found)[3] if found else None


def negated_at(clause: str, position: int) -> bool:
    """Rule "a-negated-status-word-tells-none": 'the army said it would not renew the truce',
    'the truce has never been extended', 'the day passed without violations' tell no extension
    and no violation: a negation among the two words before the status word."""
    words = [w.lower() for w in re.findall(r"[A-Za-z'\u2019]+", clause[:position])][-2:]
    negations = subject_data()["status_negations"]
    return any(w in negations or w.endswith(("n't", "n\u2019t")) for w in words)


CLAUSE_START = re.compile(r",|;|:|\s[-\u2013\u2014]\s|\bthat\b|\)", re.I)
SUBJECT_TAIL = frozenset({"have", "has", "had", "also", "both", "jointly", "now", "finally"})


def joint_subject(sentence: str, trigger_at: int) -> bool:
    """Rule "a-joint-subject-agrees-together": the trigger's clause opens with two parties
    joined by 'and' ('Congo's army and M23 rebels agreed on Monday to a truce', 'Russia and
    Ukraine have agreed to exchange'): both sides agree, even when only one of them was read
    as the event's source. The words before the trigger back to the clause's start (a comma,
    a dash, 'that'), a few words at most."""
    before = clause_opening(sentence, trigger_at)
    words = re.findall(r"[\w'\u2019.-]+", before)
    while words and words[-1].lower() in SUBJECT_TAIL:
        words.pop()
    if not 3 <= len(words) <= JOINT_SUBJECT_WORDS:
        return False
    inner = [word.lower() for word in words[1:-1]]
    return "and" in inner and words[0].lower() not in CLAUSE_PREPOSITIONS


# rule "a-joint-subject-may-be-two-long-names": 'The Government of National Unity and the
# Libyan National Army agreed' is 11 words; 8 had read it as the army's acceptance alone
JOINT_SUBJECT_WORDS = 12

CLAUSE_PREPOSITIONS = frozenset(
    {"after", "before", "following", "during", "despite", "in", "at", "with", "under", "since"}
)  # 'After talks in Doha and Cairo the army agreed': a phrase, not the subject


def clause_opening(sentence: str, trigger_at: int) -> str:
    """The trigger's own clause up to the trigger: what follows the last clause opener before
    it (``CLAUSE_START``)."""
    return CLAUSE_START.split(sentence[:trigger_at])[-1]


def trigger_clause(lowered: str, trigger_at: int) -> str:
    """The sentence without the clauses after the trigger that another opener starts ('...
    agreed to a new ceasefire, a week after a truce collapsed'): rule
    "status-word-in-the-trigger's-clause". A clause before the trigger stays ('Armenia,
    after the talks, accused Azerbaijan of violating ...' and 'since' clauses that date it).
    Rule "a-contrast-opens-another-clause": so does a comma and 'but' or 'yet' ('A ceasefire
    took effect at midnight, but the army accused the rebels of violating it': the truce took
    effect; the violation is the accusation's)."""
    data = subject_data()
    ends = [
        found.start()
        for pattern in (data["clause_regex"], data["contrast_clause_regex"])
        if (found := pattern.search(lowered, trigger_at + 1)) is not None
    ]
    return lowered[: min(ends)] if ends else lowered


def done_under_agreement(sentence: str, trigger_at: int) -> bool:
    """Rule "done-under-a-deal-carries-it-out": an act told as done under an agreement whose
    mediation the trigger names ('The first ship ... left the port of Odesa on Monday under a
    deal brokered by the United Nations and Turkey'): wire reports tell a deal's first
    deliveries, flights or releases so. Not a plan or promise ('were promised under')."""
    data = subject_data()
    for match in data["done_under_regex"].finditer(sentence):
        if match.start("mediation") != trigger_at:
            continue
        before = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[: match.start()])][-4:]
        return not set(before) & set(data["plan_before_under"])
    return False


DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that", "his", "her"})


def violates_trigger(sentence: str, trigger_at: int) -> bool:
    """Rule "defying-by-violating-is-a-violation": a refusal whose trigger is the thing a
    violation word governs ('had violated the agreement', 'breached the truce') breaks an
    agreement; it does not decline a proposal."""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[:trigger_at])][-3:]
    while words and words[-1] in DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in subject_data()["status_words"]["violated"]


HELD_SINCE = re.compile(
    r"\bsince (?:it|they) (?:began|begun|started|took effect|came into force|went into effect"
    r"|entered into force|came into effect)\b",
    re.I,
)


def held_since_it_began(sentence: str) -> bool:
    """Rule "held-since-it-began-is-background": 'The truce, which expires on June 2, has
    largely held since it began on April 2' tells how long it has lasted; its beginning is an
    earlier step (and the sentence's date may be another one: the expiry's)."""
    return bool(HELD_SINCE.search(sentence))


OTHER_BEGINNING = re.compile(r"\bsince the ([a-z-]+) (?:began|begun|started)\b")


def without_other_beginnings(lowered: str) -> str:
    """The sentence without the beginnings of other things ('the longest period of calm since
    the war began'): the truce did not begin there."""
    keywords = all_keywords()
    return OTHER_BEGINNING.sub(
        lambda match: match.group(0) if match.group(1) in keywords else " ", lowered
    )


def is_plan(sentence: str, trigger_at: int) -> bool:
    """'a deal to swap', 'prisoners to be freed', 'Israel was to release': a plan, not an act."""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[:trigger_at])][-2:]
    plan = subject_data()["plan_before_trigger"]
    return bool(words) and (words[-1] in plan or words == ["to", "be"])


AFTER_THE_CHARGE = re.compile(r"[,;]|\s[-\u2013\u2014]\s")


def denial_scope(lowered: str, trigger_at: int) -> str:
    """Rule "a-denial-after-the-charge-is-the-other-side's": the sentence up to the first comma
    or dash after the trigger. 'M23 accused the army of breaching the ceasefire ..., a charge
    the army denied' is an accusation all the same; 'denied any truce violations' stays a
    denial."""
    end = AFTER_THE_CHARGE.search(lowered, trigger_at + 1)
    scope = lowered if end is None else lowered[: end.start()]
    return scope[counter_charge_start(scope, trigger_at) :]


def counter_charge_start(lowered: str, trigger_at: int) -> int:
    """Rule "a-counter-charge-after-a-denial-is-a-charge": where the denier's own charge
    begins, when a verb of saying or blaming follows the last denial before the trigger
    ('Abkhazia denied the charge and said Georgian troops had broken the truce first'; tune:
    'Pakistani officials have denied their troops crossed the border and blame India',
    'Correa rejected the claims and accused Colombia', 'dismissed rebels' claims and accused
    them'): the denial covers its own object, not the charge; else 0. 'denied that its
    fighters had broken the truce, saying ...' stays a denial (the verb follows the trigger)."""
    if not is_denial(lowered):
        return 0  # most sentences hold no denial: no scan of the words before the trigger
    data = subject_data()
    before = lowered[:trigger_at]
    denied = [at for word in data["denial_words"] for at in keyword_positions(before, word)]
    denied += [found.start() for found in data["rejected_charge_regex"].finditer(before)]
    if not denied:
        return 0
    counters = [
        found.end()
        for found in data["counter_charge_regex"].finditer(lowered, max(denied))
        if found.start() <= trigger_at  # the trigger may be the verb: 'and blamed Azerbaijan'
    ]
    return counters[-1] if counters else 0


def put_off(lowered: str, trigger_at: int) -> bool:
    """'A summit between Sisi and Abiy planned for next week has been postponed': the meeting
    the trigger names is put off in its own clause, not held."""
    clause = trigger_clause(lowered, trigger_at)
    return any(keyword_positions(clause, word) for word in subject_data()["postponing_words"])


def is_denial(lowered: str) -> bool:
    """A denial word, or a rejection of a charge (rule "a-rejected-charge-is-a-denial": 'Kenya
    rejected the accusation'; tune: 'rejected a claim by a Times of London reporter',
    'Correa rejected the claims', 'dismissed rebels' claims'): no refusal of the agreement."""
    data = subject_data()
    if any(keyword_positions(lowered, word) for word in data["denial_words"]):
        return True
    return data["rejected_charge_regex"].search(lowered) is not None


def told_as_background(sentence: str, trigger_at: int) -> bool:
    """'has held since it began', 'the truce, which began on April 2', 'a truce that took
    effect': the act is told to describe something else (it backs a step)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[:trigger_at])][-2:]
    markers = subject_data()["background_before_trigger"]
    if "since" in words:
        return True  # 'held since it began', not 'held hostage since October 2023 were freed'
    if words and words[-1] in markers and words[-1] != "since":
        return True
    return len(words) >= 2 and words[-2] in markers and words[-1] in AUXILIARIES


AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "been"})


def brokers_in(sentence: str) -> list[str]:
    """The names a sentence gives as brokers, hosts or facilitators ('U.S.-brokered',
    'mediated by Qatar, Egypt and the United States')."""
    names = []
    for pattern in subject_data()["broker_regexes"]:
        for match in pattern.finditer(sentence):
            for name in re.split(r",? and (?:the )?|, (?:the )?", broker_list(match.group("who"))):
                names.append(re.sub(r"^(?:the|a|an) ", "", name, flags=re.I).strip())
    return [name for name in names if name]


def authors_answered(status: str, sentence: str, targets: list[Any]) -> frozenset[str]:
    """Rule "the-author-of-a-proposal-between-others-is-no-party": the countries of the
    targets an answer ('accepted', 'declined') names as the author of a proposal for something
    between two others or with another ('their governments have accepted the United States'
    proposal to end the devastating conflict between Israel and Hezbollah', 'Rwanda accepted on
    Friday Angola's proposal for a summit with Burundi'). They stay in the reading's countries
    (they link the answer to the proposal); ``parties_of`` leaves them out of the sides."""
    if status not in ANSWERS:
        return frozenset()
    names = [
        match.group("who")
        for pattern in subject_data()["proposal_author_regexes"]
        for match in pattern.finditer(sentence)
    ]
    return frozenset(
        actor["country"] for actor in targets if actor["country"] and is_broker(actor, names)
    )


def broker_list(names: str) -> str:
    """Rule "the-broker-list-ends-where-the-list-ends": the names a broker phrase lists, up
    to the one an 'and' closes the list with ('mediated by Qatar, Egypt and the United
    States'); a name after a comma that no 'and' closes opens the next clause ('a swap
    brokered by the United Arab Emirates, Ukraine's coordination headquarters said'; 'a
    truce brokered by Turkey, Russia said'): wire copy puts its attribution there, and that
    speaker is no broker."""
    parts = names.split(", ")
    for end, part in enumerate(parts):
        if re.search(r"\band\b", part):
            return ", ".join(parts[: end + 1])
    return parts[0]


def broker_keys(sentence: str, trigger_at: int) -> frozenset[str]:
    """The brokers the trigger's own clause names, each by one name however wire copy
    shortens it ('U.S.-Saudi brokered': the United States and Saudi Arabia); a broker of an
    earlier deal in a later clause ('two months after a Qatar-mediated truce broke down') is
    not this one's."""
    clause = sentence[: len(trigger_clause(sentence.lower(), trigger_at))]
    aliases = subject_data()["broker_aliases"]
    keys = set()
    for name in brokers_in(clause):
        for part in re.split(r"-(?=[A-Z])", name):
            key = re.sub(r"^the ", "", part.replace(".", " ").lower()).strip()
            key = re.sub(r"\s+", " ", key)
            keys.add(aliases.get(key, key))
    return frozenset(keys)


def with_values(row: Any, **changes: Any) -> dict[str, Any]:
    """A stored row (either backend's) or a dict, as a dict with some fields changed."""
    return {**dict(row), **changes}


def at_home(sources: Iterable[Any], row: Any = None, targets: Iterable[Any] = ()) -> list[Any]:
    """Rule "rebels-beside-a-government-are-its-country": rebels the text names only
    generically ('the rebels', 'rebel delegates', 'guerrilla commanders'), beside one
    government in the same act, belong to that government's country, not to the country the
    coder gave them from where the act happened ('Representatives for President Salva Kiir
    and the rebels signed the deal Thursday in Ethiopia', 'Colombian government negotiators
    and ELN guerrilla commanders signed a two-month truce in Havana'): talks abroad make the
    venue no side. Rebels named by a name or a country word keep their country."""
    found = list(sources)
    governments = {a["country"] for a in found if a["sector"] == "GOV" and a["country"]}
    if len(governments) != 1:
        if row is None:
            return found
        named = {a["country"] for a in (*found, *targets) if not kind_only(a)}
        return [a if a["country"] in named else without_the_venue(a, row) for a in found]
    (home,) = governments
    return [
        with_values(a, country=home)
        if a["sector"] == "REB" and a["country"] not in (None, home) and a["text"].islower()
        else a
        for a in found
    ]


def without_the_venue(actor: Any, row: Any) -> Any:
    """Rule "talks-abroad-give-no-side-the-venue's-country": a side the text names only by its
    kind ('Government and rebel delegates signed the cease-fire agreement in Addis Ababa after
    three weeks of talks mediated by ... IGAD', 'Representatives of the Seleka rebel coalition
    say they reached the agreement Thursday, during talks with the CAR government'), with no
    government of a country beside it, was given the country of where the act happened; a
    sentence that tells talks or their mediation there tells a venue, which is no side's home:
    the side keeps no country (the story's other steps name it). Where an actor of the act is
    named as of that country ('talks opened Monday between rebel leaders and representatives
    of the Ukrainian government' in Donetsk), the talks are at home (``at_home``)."""
    if not kind_only(actor) or actor["country"] != row["place_country"]:
        return actor
    sentence = row["sentence"]
    place_at = (row["place_char_start"] or -1) - row["sentence_start"]
    if not 0 <= place_at < len(sentence):
        return actor  # the place is another sentence's: no venue told here
    talks = any(keyword_positions(sentence.lower(), w) for w in subject_data()["talk_words"])
    return with_values(actor, country=None) if talks or brokers_in(sentence) else actor


def kind_only(actor: Any) -> bool:
    """Whether the coder knew the actor only as a country's group of a kind ('rebel',
    'government delegates': the id 'eth-reb'), not by a name or a person."""
    country, sector = actor["country"], actor["sector"]
    return bool(country and sector) and actor["actor_id"] == f"{country}-{sector}".lower()


def is_broker(actor: Any, brokers: list[str]) -> bool:
    words = {actor["text"], actor["name"]} - {None, ""}
    return any(word in broker or broker in word for word in words for broker in brokers)


def candidates(connection: Any) -> list[Candidate]:
    """Every stored event that reads as a step of a proposal (events not read yet are read
    now and kept)."""
    read_new_candidates(connection)
    return [reading for text in stored_candidates(connection) for reading in steps_of(text)]


def read_new_candidates(connection: Any) -> list[Candidate]:
    """Read the events that have no kept reading yet, keep what each reads as (a candidate,
    or none), and return the candidates among them."""
    return keep_readings(connection, new_readings(connection))


def keep_readings(connection: Any, readings: list[tuple[str, Candidate | None]]) -> list[Candidate]:
    """Keep what each event reads as (``new_readings``); returns the candidates among them."""
    save_candidates(connection, (kept_row(event_id, found) for event_id, found in readings))
    return [found for _, found in readings if found is not None]


def readings_at(path: str) -> list[tuple[str, Candidate | None]]:
    """``new_readings`` of the SQLite store at ``path``, on a connection of its own: another
    process reads what is committed while the tracking update holds the write lock (WAL
    readers do not wait for it), so it reads what the update itself would."""
    connection = connect(path)
    try:
        return new_readings(connection)
    finally:
        connection.close()


def kept_row(event_id: str, found: Candidate | None) -> Reading:
    """What is kept of an event's reading: its JSON, and what an update finds it by (its
    subject and the first and last of its day and publication day)."""
    if found is None:
        return event_id, None, None, None, None
    days = (found.day, found.published, found.made if found.made is not None else found.day)
    return event_id, candidate_json(found), found.subject, min(days), max(days)


def new_readings(connection: Any) -> list[tuple[str, Candidate | None]]:
    """What each event with no kept reading reads as (a candidate, or None), in id order."""
    rows = unread_candidate_rows(connection)
    if not rows:
        return []
    sides: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in named_actor_rows_of(connection, [row["id"] for row in rows]):
        sides[row["event_id"]][row["side"]].append(row)  # only actors the text names
    contexts = sentence_contexts(rows, sides)
    return [(row["id"], candidate_of(row, sides.get(row["id"], {}), contexts(row))) for row in rows]


@dataclass(frozen=True)
class Context:
    """What an event's sentence and article tell beside it (read from the events stored with
    it: an article's events are stored, so read, together)."""

    act_days: frozenset[int] = frozenset()  # days of acts that can break an agreement
    story: tuple[int, str | None] = (-1, None)  # first sentence with events, subject of the rest
    meeting_held: bool = False  # the sentence tells a meeting held ('met in Geneva')
    # the latest proposal told in an earlier sentence: its subject and its makers' countries
    offer: tuple[str, frozenset[str]] | None = None
    lead_offer: str | None = None  # the subject of a proposal the report's lead tells
    lead_names: frozenset[str] = frozenset()  # the subjects the report's lead sentence names


def meeting_held(row: Any) -> bool:
    """A meeting told as held ('met in Geneva'), not a mediation ('brokered') nor one to come
    ('eagerness to meet')."""
    asserted = row["type"] == "CONSULT" and row["modality"] == "asserted"
    trigger_at = max(0, row["start"] - row["sentence_start"])
    return asserted and row["mode"] != "third-party" and not is_plan(row["sentence"], trigger_at)


def sentence_contexts(
    rows: list[Any], sides: dict[str, dict[str, list[Any]]] | None = None
) -> Callable[[Any], Context]:
    """A function giving each row its ``Context`` (``sides``: each event's named actors)."""
    acts, stories, leads = dated_acts(rows), story_subjects(rows), lead_subjects(rows)
    held = {sentence_key(row) for row in rows if meeting_held(row)}
    offers = offers_told(rows, sides or {})

    def context(row: Any) -> Context:
        key = sentence_key(row)
        story = stories.get(row["article_id"], (-1, None))
        told = offers.get(row["article_id"], [])
        return Context(
            frozenset(acts.get(key, ())),
            story,
            key in held,
            latest_offer(told, row["sentence_index"]),
            lead_offer(told, story[0], row["sentence_index"]),
            leads.get(row["article_id"], frozenset()),
        )

    return context


Offer = tuple[int, str, frozenset[str]]  # (sentence index, subject, its makers' countries)


def offers_told(rows: list[Any], sides: dict[str, dict[str, list[Any]]]) -> dict[str, list[Offer]]:
    """Per article, each proposal it tells (a request, or an act told as proposed), in sentence
    order. An article's events are stored, so read, together."""
    found: dict[str, list[Offer]] = defaultdict(list)
    for row in rows:
        if row["type"] != "REQUEST" and row["modality"] != "proposed":
            continue
        trigger_at = max(0, row["start"] - row["sentence_start"])
        subject = find_subject(row["sentence"], trigger_at, (row["type"], row["mode"]))
        if subject is None:
            continue
        makers = sides.get(row["id"], {}).get("source", [])
        countries = frozenset(actor["country"] for actor in makers if actor["country"])
        found[row["article_id"]].append((row["sentence_index"], subject, countries))
    for told in found.values():
        told.sort()
    return found


def lead_offer(told: list[Offer], lead: int, sentence_index: int) -> str | None:
    """The subject of a proposal told in the report's lead, for a later sentence, or None."""
    if sentence_index <= lead:
        return None
    return next((subject for index, subject, _ in told if index == lead), None)


def latest_offer(told: list[Offer], sentence_index: int) -> tuple[str, frozenset[str]] | None:
    """The subject and makers' countries of the last proposal told before the sentence."""
    earlier = [(subject, countries) for index, subject, countries in told if index < sentence_index]
    return earlier[-1] if earlier else None


OFFER_REACH = 3  # words from an act's trigger to the offer it acts on ('accepted the UN offer')


def offer_acted_on(
    sentence: str, trigger_at: int, context: Context
) -> tuple[str | None, frozenset[str]]:
    """Rule "the-offer-is-the-one-told": an act whose object is 'the offer' ('Zelenskiy
    accepted the offer and challenged Putin to come in person'), in a sentence that names no
    subject, acts on the latest proposal its report told before (Putin's proposal of direct
    talks): its subject, and its makers as the act's other side. (None, none) otherwise."""
    if context.offer is None:
        return None, frozenset()
    after = sentence[trigger_at:]
    match = subject_data()["offer_regex"].search(after)
    if match is None or len(after[: match.start()].split()) > OFFER_REACH:
        return None, frozenset()  # 'accepted the offer and challenged Putin': not challenged's
    return context.offer


def story_subjects(rows: list[Any]) -> dict[str, tuple[int, str | None]]:
    """Per article, its first sentence with events and the agreement subject its other
    sentences name most (ties: in the order of the subjects table), or None. An article's
    events are stored, so read, together."""
    first: dict[str, int] = {}
    named: dict[str, Counter[str]] = defaultdict(Counter)
    told: set[tuple[str, int]] = set()
    for row in rows:
        article, index = row["article_id"], row["sentence_index"]
        first[article] = min(first.get(article, index), index)
    for row in rows:
        article, index = row["article_id"], row["sentence_index"]
        if index == first[article] or (article, index) in told:
            continue
        told.add((article, index))
        for subject in find_subjects(row["sentence"], ("", None)):
            if subject not in unilateral_subjects():
                named[article][subject] += 1
    order = list(subject_data()["subjects"])
    return {
        article: (
            index,
            min(named[article], key=lambda s: (-named[article][s], order.index(s)))
            if named[article]
            else None,
        )
        for article, index in first.items()
    }


def both_sides_freed(row: Any) -> bool:
    """Rule "an-exchange-verb-tells-the-whole": 'Russia and Western countries exchanged 24
    prisoners' counts both sides' people, however many of its doers the coder named (here
    only Russia): its figure is the stage's whole, no side's ('16 for 8', not '24 for 8')."""
    return (row["trigger"] or "").lower() in subject_data()["exchanging_verbs"]


def freed_unnamed(row: Any, actor: Any, targets: list[Any]) -> bool:
    """Rule "the-freed-told-by-number-are-no-side": people a release frees that its text
    names only by number or kind ('Russia and Belarus released 16 people', '270 servicemen
    and 120 civilians had been returned by each side'), with no nationality or name, take
    their country from where the coder set the scene (an Ankara or Istanbul dateline made
    them Turkish): they give the step no country."""
    freeing = f"{row['type']}/{row['mode']}" in FREEING_MODES
    return freeing and actor in targets and not re.search(r"[A-Z]", actor["text"] or "")


def named_only_as_the_speaker(actor: Any, sentence: str) -> bool:
    """Rule "the-speaker's-country-is-no-party": an actor the sentence names once, and only as
    whose official tells the news ('Donald Trump has accepted an invitation to meet North
    Korean leader Kim Jong Un, South Korea's national security adviser said'), reports the
    step and takes no part in it: it gives the step no country. Named again as a doer
    ('Armenia and Azerbaijan agreed ..., Armenia's foreign ministry said'), it stays a side."""
    text = actor["text"] or ""
    found = re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", sentence) if text else ()
    named = [m.end() for m in found]
    return len(named) == 1 and speaker_possessive().match(sentence, named[0]) is not None


@cache
def speaker_possessive() -> re.Pattern[str]:
    """A title after a possessive, then a reporting verb ("'s foreign ministry said")."""
    verbs = "|".join(map(re.escape, subject_data()["reporting_verbs"]))
    return re.compile(rf"['’]s\s+(?:[\w.-]+\s+){{0,4}}?(?:{verbs})\b")


def lead_subjects(rows: list[Any]) -> dict[str, frozenset[str]]:
    """Per article, the subjects its first sentence with events names (the lead, which
    ``story_subjects`` leaves out)."""
    first: dict[str, Any] = {}
    for row in rows:
        known = first.get(row["article_id"])
        if known is None or row["sentence_index"] < known["sentence_index"]:
            first[row["article_id"]] = row
    return {
        article: frozenset(find_subjects(row["sentence"], ("", None)))
        for article, row in first.items()
    }


BREAKING_TYPES = ("ASSAULT", "COERCE")  # acts that can break an agreement in force


def sentence_key(row: Any) -> str:
    return f"{row['article_id']}:{row['sentence_index']}"


def dated_acts(rows: list[Any]) -> dict[str, set[int]]:
    """Per sentence, the days of the acts that can break an agreement it tells with a day
    ('missiles struck the port on Saturday, ... drawing accusations that Russia had violated
    the agreement'). An article's events are stored, so read, together."""
    found: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if (
            row["type"] in BREAKING_TYPES
            and row["date_precision"] == "day"
            and not dated_in_a_which_clause(row)  # the agreement's start, not a breaking act
        ):
            day = day_of(row["date_start"])
            if day is not None:
                found[sentence_key(row)].add(day)
    return found


def candidate_json(candidate: Candidate) -> str:
    """A reading as it is kept. Its fields are flat (text, numbers, tuples and sets of them,
    a dict of numbers), so they are read as they are: ``asdict`` copied each one deeply, a
    quarter of an update's readings on a crowded store, for the same text."""
    data = {name: getattr(candidate, name) for name, _ in candidate_fields()}
    for name, value in data.items():
        if isinstance(value, frozenset):
            data[name] = sorted(value)
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=1 << 17)
def candidate_from_json(text: str) -> Candidate:
    """A kept reading; a field the reading lacks takes its default, one ``Candidate`` no
    longer has is left out (readings kept by another version: a rebuild reads them again).
    Kept by its text: an update that links again many kept candidates decodes only those it
    has not met (no candidate is changed once made, so one object serves every link)."""
    data = json.loads(text)
    known = {}
    for name, convert in candidate_fields():
        if name in data:
            known[name] = data[name] if convert is None else convert(data[name])
    return Candidate(**known)


@cache
def candidate_fields() -> tuple[tuple[str, Any], ...]:
    """Each field of ``Candidate`` with what makes its JSON value one (a list: a tuple or a
    frozenset), or None."""
    found = []
    for item in fields(Candidate):
        kind = str(item.type)
        convert = (
            tuple
            if kind.startswith("tuple")
            else frozenset
            if kind.startswith("frozenset")
            else None
        )
        found.append((item.name, convert))
    return tuple(found)


def candidate_of(
    row: Any, sides: dict[str, list[Any]], context: Context | None = None
) -> Candidate | None:
    """What one event reads as, given what its sentence and article tell beside it."""
    context = context or Context()
    row = agreement_as_typed(row)
    sentence = row["sentence"]
    trigger_at = max(0, row["start"] - row["sentence_start"])
    type_mode = (row["type"], row["mode"])
    subject = (
        MEETING_SUBJECT
        if tells_a_meeting(sentence, trigger_at, type_mode)
        else find_subject(sentence, trigger_at, type_mode)
    )
    if subject is None:
        subject = restated_subject(row, type_mode)
    if subject is None and row["sentence_index"] == context.story[0]:
        subject = lead_subject(row, context.story[1])
    if subject is None and frees_in_an_exchange_story(row, context):
        subject = EXCHANGE  # rule a-release-in-an-exchange-story-is-its-stage
    if subject is None and names_a_violation(row, sentence, trigger_at):
        subject = context.story[1]
    if subject is None and row["type"] == "SANCTION" and suspends_talks(sentence, trigger_at):
        subject = context.story[1] or MEETING_SUBJECT
    if (
        subject is None
        and context.story[1] == TRUCE
        and accuses_an_attack(row, sentence, trigger_at)
    ):
        subject = TRUCE
    offer_countries: frozenset[str] = frozenset()
    if subject is None:
        subject, offer_countries = offer_acted_on(sentence, trigger_at, context)
    if subject is None and agreed_at_the_meeting(row, MEETING_SUBJECT, context):
        subject = MEETING_SUBJECT  # rule talks-agreed-at-a-meeting-are-its-agreement
    if subject is None:
        return None
    at_the_meeting = agreed_at_the_meeting(row, subject, context)
    if at_the_meeting:
        subject = what_the_meeting_agreed(sentence, trigger_at)
    brokers = brokers_in(sentence)
    targets = [a for a in sides.get("target", []) if not is_broker(a, brokers)]
    sources = at_home(
        (a for a in sides.get("source", []) if not is_broker(a, brokers)), row, targets
    )
    parties = {(actor["country"] or actor["actor_id"], actor["sector"]) for actor in sources}
    between = parties | {
        (actor["country"] or actor["actor_id"], actor["sector"]) for actor in targets
    }
    status = status_of(row, sentence, trigger_at, len(parties), subject, len(between))
    holding = status is None and told_holding(row, sentence)
    if holding or (status is None and in_force_in_passing(row, sentence)):
        status = "implemented"
    sources = welcomer_is_no_side(row, status, sources, trigger_at)
    in_a_making_clause = makes_it_in_a_clause(row, sentence, trigger_at)
    made_in_a_clause = status is None and in_a_making_clause
    if made_in_a_clause:
        status = "agreed"  # rule the-making-verb-of-a-clause-on-the-agreement-is-its-making
    published = day_of(row["published"])
    if status is None or published is None:
        return None
    dates_making = dates_its_making(row)  # asked once: both rules below read it
    explicit = None if holding else step_day(row, status, context, dates_making)
    month = explicit is not None and row["date_precision"] == "month"
    if explicit is None and status == "violated":
        explicit = charged_on(sentence, trigger_at, published)
    if announces_meeting(row, subject, len(between)):
        # the text's date is the meeting's; the announcement is dated by its telling (a
        # meeting 'next month' announced on Monday is a step of Monday, not of a month)
        explicit, month = told_on(sentence, trigger_at, published), False
    back_reference = mentions_earlier_step(sentence, trigger_at, status)
    if made_in_a_clause:
        back_reference = True  # a clause on the agreement retells its making
        if not dated_in_the_making_clause(row, sentence, trigger_at):
            explicit, month = None, False
    if row["type"] == "AGREE" and status != "agreed" and names_what_it_agreed(sentence, trigger_at):
        status, back_reference = "agreed", True  # rule the-agreement-a-clause-names-is-retold
    if status == "extended" and extensions_counted(sentence):
        back_reference, explicit = True, None  # 'was extended twice': backs one, dates none
    made = making_told_beside(
        row, status, made_in_a_clause, in_a_making_clause, trigger_at, dates_making
    )
    actors, alleged_by = tuple(sorted({actor["name"] for actor in sources})), ()
    if status == "violated":
        actors, alleged_by = violation_sides(row, actors, targets)
        if by_both_sides(sentence, trigger_at):
            actors = (BOTH_SIDES,)  # whoever the coder read as the doer (the mediators)
    terms = find_terms(sentence, subject)
    if status == "extended" or (status == "violated" and tells_an_extension(sentence)):
        terms.pop("days", None)  # rule an-extension's-length-is-not-the-deal's
        named = length_of_the_agreement(sentence.lower())
        if named is not None:
            terms["days"] = named  # 'extend the seven-day ceasefire by five days'
    if status in ENDING:
        terms.pop("days", None)  # rule an-end-tells-the-whole-run
    return Candidate(
        event_id=row["id"],
        subject=subject,
        status=status,
        actors=actors,
        countries=offer_countries
        | frozenset(
            actor["country"]
            for actor in (*sources, *targets)
            if actor["country"]
            and not speaks_of_a_breach(row, status, actor)
            and not names_the_agreement(actor, sentence)
            and not freed_unnamed(row, actor, targets)
            and not named_only_as_the_speaker(actor, sentence)
        ),  # the UN, the Red Cross: facilitators of many deals, no link between them
        counterparts=tuple(sorted({actor["name"] for actor in targets})),
        terms=terms,
        day=explicit if explicit is not None else published,
        inferred=explicit is None,
        back_reference=back_reference,
        published=published,
        prisoners=row["prisoners"],
        subjects=parts_of_the_deal(sentence, trigger_at, subject, at_the_meeting),
        alleged_by=alleged_by,
        figure=None
        if both_sides_freed(row)
        else row["prisoners"] or row["hostages"] or row["detained"],
        each=terms.get("a") is not None and terms.get("a") == terms.get("b"),
        month=month,
        sentence=sentence_key(row),
        fresh=called_new(sentence, subject),
        pair=both_figures(sentence, row["hostages"], row["prisoners"])
        or received_pair(sentence, trigger_at, row["prisoners"] if subject == EXCHANGE else None),
        own_countries=frozenset(actor["country"] for actor in sources if actor["country"]),
        news=explicit is None
        and not back_reference
        and (
            undated_news(row, status, context) or answers_the_offer_told(status, subject, context)
        ),
        brokers=broker_keys(sentence, trigger_at) if status in ONCE else frozenset(),
        authors=authors_answered(status, sentence, targets),
        made=made,
        made_month=made is not None and row["date_precision"] == "month",
    )


NEWS_STATUSES = ("agreed", "extended")  # what a lead tells as the day's news


def agreement_as_typed(row: Any) -> Any:
    """Rule "an-agreement-typed-a-threat-is-an-agreement": the coder may type an agreement
    as a threat it commits to ('The two sides agreed Wednesday to extend the halt in
    fighting', 'agreed that the relative calm justified renewing the cessation of
    hostilities', 'agreed on Tuesday to sanction the members': THREATEN, modality 'agreed');
    an event whose trigger is the verb 'agree' itself is read as the agreement it tells."""
    agreeing = subject_data()["agreeing_triggers"]
    if row["type"] != "THREATEN" or (row["trigger"] or "").lower() not in agreeing:
        return row
    return with_values(row, type="AGREE", mode=None)


def undated_news(row: Any, status: str, context: Context) -> bool:
    """Rule "an-undated-lead-agreement-is-the-report's-news": an agreement the lead tells with
    no day of its own, or with only its terms' ('have agreed to a 72-hour ceasefire starting at
    midnight, Blinken announced on Monday'), is the report's news, made by the day it was
    published: it is placed with the dated steps (an extension three days on is of it), not
    after them as a mention; so is an extension ('said on Thursday that the army and the rebels
    had agreed to extend the ceasefire'). Not an acceptance: a lead's welcome or greeting may be
    read as one, of something long done."""
    if status not in NEWS_STATUSES:
        return False
    return row["sentence_index"] == context.story[0] or dates_a_term(row, row["sentence"])


ANSWERS = ("accepted", "declined")  # what a side says to an offer


def answers_the_offer_told(status: str, subject: str, context: Context) -> bool:
    """Rule "an-answer-told-after-the-offer-is-the-day's-news": an undated acceptance or
    refusal of the subject of an offer the report's lead tells ('The United States invited the
    presidents of Congo and Rwanda on Monday to a summit', then 'Congo's President Felix
    Tshisekedi accepted the invitation, his office said') answers that offer by the day of the
    report: a step of its own, not a retelling of an earlier one (an offer told further down
    is background, and so may be its answer)."""
    return status in ANSWERS and context.lead_offer == subject


def step_day(row: Any, status: str, context: Context, dates_making: bool) -> int | None:
    """The day the text gives the step (ordinal), or None: the day of the event's date, unless
    it dates the agreement's terms; a violation without one takes the day of the act its
    sentence tells (rule "a-violation-is-dated-by-its-act"), and so does an accusation dated
    by its own telling (rule "a-breach-is-dated-by-the-act-not-the-charge": 'accused Pakistan
    on Saturday of violating the ceasefire, saying its troops fired on Indian posts on Friday
    night' is a breach of Friday). A day no words give (the publication day of a lead's news
    or a dispatch) is the report's, not the text's. ``dates_making``: ``dates_its_making(row)``,
    asked once by ``candidate_of``."""
    worded = row["date_char_start"] is not None and row["date_char_start"] >= 0
    explicit = (
        day_of(row["date_start"]) if worded and row["date_precision"] in STEP_PRECISIONS else None
    )
    if status in TERM_DATED and dates_a_term(row, row["sentence"]):
        explicit = None  # 'agreed to a ceasefire starting on Monday': dated by the report
    if status != "agreed" and dates_making:
        explicit = None  # rule a-day-in-a-clause-on-the-agreement-dates-its-making
    if status != "implemented" and dated_in_a_which_clause(row):
        explicit = None  # rule a-day-in-a-which-clause-dates-that-clause's-start
    if status == "violated" and len(context.act_days) == 1:
        act_day = next(iter(context.act_days))  # 'struck the port on Saturday, ... violated'
        if explicit is None or (row["type"] == "ACCUSE" and act_day < explicit):
            explicit = act_day  # rule a-breach-is-dated-by-the-act-not-the-charge
    elif status == "violated" and row["type"] == "ACCUSE" and explicit is not None:
        act_day = charged_act_day(row)
        if act_day is not None and act_day < explicit:
            explicit = act_day  # rule a-charged-act's-own-day-dates-the-breach
    if explicit is None:
        explicit = which_clause_day(row, status)
    return explicit


def dates_its_making(row: Any) -> bool:
    """Rule "a-day-in-a-clause-on-the-agreement-dates-its-making": a day told inside a clause
    on the agreement that tells how it was made ('accusing the government of violating the
    cease-fire the two sides signed Thursday in Ethiopia', 'the unilateral cease-fire that
    President Petro Poroshenko declared Friday', 'A cessation of hostilities brokered by
    Washington and Moscow in February fell apart') is the day it was made, not the day of
    the act the rest of the sentence tells, unless that act is the making itself."""
    if row["date_char_start"] is None or row["date_char_start"] < 0:
        return False
    at = row["date_char_start"] - row["sentence_start"]
    sentence = row["sentence"]
    if at <= 0 or at > len(sentence):
        return False
    found = subject_data()["making_clause_regex"].search(sentence[:at])
    if found is None:
        return False
    trigger_at = row["start"] - row["sentence_start"]
    return not found.start() <= trigger_at < at


def making_told_beside(
    row: Any,
    status: str,
    made_in_a_clause: bool,
    in_a_making_clause: bool,
    trigger_at: int,
    dates_making: bool,
) -> int | None:
    """Rule "a-dated-making-clause-is-a-step-of-its-own": a day told inside a clause on the
    agreement that tells how it was made, beside another step the event tells ('accusing the
    government of violating the cease-fire the two sides signed Thursday in Ethiopia', 'A
    cessation of hostilities brokered by Washington and Moscow in February fell apart within
    weeks'), is the day of its agreed step as well: the sentence tells two steps, the event
    reads as both (``steps_told``). ``in_a_making_clause``: the trigger is the verb of such a
    clause (``makes_it_in_a_clause``, asked once by ``candidate_of``); ``dates_making``: the day
    told dates the making (``dates_its_making``, asked once by ``candidate_of``). The day of the
    making, or None."""
    if status == "agreed" or made_in_a_clause or row["date_precision"] not in STEP_PRECISIONS:
        return None
    own_clause = in_a_making_clause and dated_in_the_making_clause(row, row["sentence"], trigger_at)
    if not own_clause and not dates_making:
        return None
    return day_of(row["date_start"])


@lru_cache(maxsize=1 << 17)
def steps_of(text: str) -> tuple[Candidate, ...]:
    """The candidates a kept reading stands for (``steps_told``), kept by its text as
    ``candidate_from_json`` keeps them: the same objects at every link."""
    return steps_told(candidate_from_json(text))


def steps_told(candidate: Candidate) -> tuple[Candidate, ...]:
    """What a kept reading stands for: the step it reads, and first the agreement's making a
    clause on it dates (rule a-dated-making-clause-is-a-step-of-its-own), a step of that day
    told in passing: no violator, no terms, no figure of the other step's."""
    if candidate.made is None:
        return (candidate,)
    making = replace(
        candidate,
        status="agreed",
        day=candidate.made,
        month=candidate.made_month,
        inferred=False,
        back_reference=False,
        actors=(),
        counterparts=(),
        alleged_by=(),
        terms={},
        figure=None,
        pair=(),
        news=False,
        made=None,
        made_month=False,
    )
    return (making, candidate)


def makes_it_in_a_clause(row: Any, sentence: str, trigger_at: int) -> bool:
    """Rule "the-making-verb-of-a-clause-on-the-agreement-is-its-making": an event whose
    trigger is the verb of a clause on the agreement that tells how it was made ('A
    nationwide truce in Syria brokered by the United States and Russia largely held', 'the
    cease-fire, brokered by IGAD last week', 'the first exchange agreed in Abu Dhabi') and
    that reads as no other step retells the agreement's making: a mention of its agreed
    step, dated only by a day inside that clause."""
    if row["modality"] in SKIPPED_MODALITIES:
        return False
    trigger = (row["trigger"] or "").lower()
    if trigger not in subject_data()["making_verbs"]:
        return False
    found = subject_data()["making_clause_regex"].search(sentence[: trigger_at + len(trigger)])
    return found is not None and found.start() <= trigger_at


def dated_in_the_making_clause(row: Any, sentence: str, trigger_at: int) -> bool:
    """Whether the event's day is told inside the clause its trigger opens, a few words on
    with no break ('brokered by IGAD last week', 'brokered by Washington and Moscow in
    February'), not by the main clause around it ('brokered by the United States and Russia
    largely held through its first day on Tuesday')."""
    if row["date_char_start"] is None or row["date_char_start"] < 0:
        return False
    at = row["date_char_start"] - row["sentence_start"]
    between = sentence[trigger_at:at].split()[1:] if trigger_at < at else None
    reach = subject_data()["making_clause_reach"]
    return (
        between is not None and len(between) <= reach and not re.search(r"[,;]", " ".join(between))
    )


def which_clause_day(row: Any, status: str) -> int | None:
    """Rule "a-status-in-a-which-clause-is-dated-by-it": a status told in a clause of its own
    that gives its day ('The fragile truce, which expired Monday night, was touted as a chance
    for separatists to disarm', 'The truce, which began at sundown on Monday, has brought the
    quietest days'), beside an event with no day of its own, is a step of that day, not of
    the report's: the clause is the step, whatever act the coder found beside it."""
    data = subject_data()
    words = set(data["status_words"].get(status, ()))
    if status == "implemented":
        words |= set(data["in_effect_words"])
    for found in data["which_clause_day_regex"].finditer(row["sentence"]):
        if found.group("verb").lower() in words:
            value = resolve_date(found.group("day"), row["published"], "past")
            return day_of(value.start)
    return None


def dated_in_a_which_clause(row: Any) -> bool:
    """Rule "a-day-in-a-which-clause-dates-that-clause's-start": the event's day is the one a
    which-clause on the agreement gives its start ('both sides had violated the ceasefire,
    which took effect on Wednesday evening'; tune: 'The truce, which began on April 2',
    'The truce, which began at sundown on Monday', '..., which took effect on Sunday
    morning'), the day it took effect (rule a-status-in-a-which-clause-is-dated-by-it), not
    the day of another step the sentence tells."""
    if row["date_char_start"] is None or row["date_char_start"] < 0:
        return False
    at = row["date_char_start"] - row["sentence_start"]
    data = subject_data()
    sentence = row["sentence"]
    if "which" not in sentence.lower():
        return False  # no which-clause: no pattern run
    return any(
        found.start("day") <= at < found.end("day")
        and any(
            word in sentence[found.start("verb") : found.start("day")].lower()
            for word in data["in_effect_words"]
        )  # 'which came into force on Wednesday morning'
        for found in data["which_clause_day_regex"].finditer(sentence)
    )


def charged_act_day(row: Any) -> int | None:
    """Rule "a-charged-act's-own-day-dates-the-breach": an accusation dated by its telling
    whose sentence gives the act it charges a day of its own after the charge's ('accused Thai
    troops on Wednesday of firing artillery shells into Oddar Meanchey province on Tuesday
    night', where the coder read no firing) is a breach of the act's day, as one whose act the
    coder read is (rule a-breach-is-dated-by-the-act-not-the-charge). Only a day before the
    charge's, within a week of it, counts: a later one is a plan or a deadline."""
    if row["date_char_start"] is None:
        return None
    after_charge = row["date_char_start"] - row["sentence_start"] + 1
    sentence = row["sentence"]
    if after_charge <= 0 or after_charge > len(sentence):
        return None
    charge_day = day_of(row["date_start"])
    for found in subject_data()["act_day_regex"].finditer(sentence, after_charge):
        value = resolve_date(found.group("day"), row["published"], "past")
        act_day = day_of(value.start)
        if act_day is not None and charge_day is not None and 0 < charge_day - act_day <= 7:
            return act_day
    return None


def extensions_counted(sentence: str) -> bool:
    """Rule "a-counted-extension-is-background": an extension told by how many times or as
    the last one ('signed in Istanbul last July and extended three times since', 'It was
    extended once in June', 'as I stated last time the truce was extended', 'had taken
    effect on March 10 and was extended twice') sums up earlier steps: it backs one, and the
    sentence's date (often another step's) never dates a new extension."""
    return bool(subject_data()["counted_extension_regex"].search(sentence))


def mentions_earlier_step(sentence: str, trigger_at: int, status: str) -> bool:
    """Whether the event mentions an earlier step rather than reports one ('the exchange
    agreed in Istanbul', 'has held since it began'); reported speech ('said that the parties
    had agreed') and an act done under a named deal ('a deal brokered by') are news."""
    before = word_before(sentence, trigger_at)
    background = told_as_background(sentence, trigger_at)
    if before == "had" and reported_before(sentence, trigger_at):
        return background
    if status == "implemented" and held_since_it_began(sentence):
        return True
    if status == "implemented" and done_under_agreement(sentence, trigger_at):
        return False
    if told_after(sentence, trigger_at):
        return True
    return before in subject_data()["back_reference_before_trigger"] or background


AFTER_CLAUSE = re.compile(
    r"\b(?:hours|days|weeks|months|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d+|few|several)\s+(?:hour|day|week|month)s?)\s+after\s+(?:[\w'.-]+\s+){0,4}$",
    re.I,
)


def told_after(sentence: str, trigger_at: int) -> bool:
    """Rule "an-act-some-days-before-the-news-is-background": an act told as what the news
    came some time after ('would go ahead after all, a week after he called it off', 'a day
    after the two countries held their first direct talks', 'hours after welcoming home three
    Americans freed by Pyongyang') is an earlier step told again: it backs that step and dates
    none (its day is the main act's minus the gap, which the date reader does not know)."""
    found = AFTER_CLAUSE.search(sentence[:trigger_at])
    return found is not None and not hours_before_the_news(found.group(0))


HOURS_AFTER = re.compile(r"^(?:a\s+few\s+|several\s+|\d+\s+)?(?:hours|minutes)\s+after\s+", re.I)


def hours_before_the_news(clause: str) -> bool:
    """Rule "an-act-hours-before-the-news-is-the-day's": an act whose own clause is told
    "hours after" ('arrived home, hours after Ivory Coast handed over three Burkinabe
    soldiers') is of the news's day, the news itself told from its other end, not an earlier
    step (an act inside another act of that clause, 'hours after welcoming home three
    Americans freed by Pyongyang', still is)."""
    found = HOURS_AFTER.search(clause)
    if found is None:
        return False
    return not any(word.endswith("ing") for word in clause[found.end() :].split())


def called_new(sentence: str, subject: str) -> bool:
    """Whether the sentence calls its agreement a new one ('agreed to a new humanitarian
    ceasefire', 'another truce')."""
    data = subject_data()
    keywords = data["subjects"].get(subject) or data["agreement_subjects"].get(subject, [])
    fresh = "|".join(map(re.escape, data["fresh_words"]))
    named = "|".join(map(re.escape, keywords))
    if not named:
        return False
    return bool(re.search(rf"\b(?:{fresh})\s+(?:[\w-]+\s+){{0,2}}?(?:{named})s?\b", sentence, re.I))


MEETING_TYPES = ("AGREE", "CONSULT")


def announces_meeting(row: Any, subject: str, parties: int) -> bool:
    """Rule "a-meeting-announced-is-agreed": 'Biden and Putin will meet in Geneva on June 16',
    'will hold their first summit': two parties' future meeting, told as settled, is the summit
    agreed, on the day it is announced (the date in the text is the meeting's). A meeting is
    between its source and its target ('his meeting with Kim Jong Un would take place in
    Singapore on June 12', 'his summit with Kim would go ahead'): both count. The act must be
    the meeting ('would stop its war games while talks continued' is another promise)."""
    trigger = (row["trigger"] or "").lower().split()
    return (
        subject == MEETING_SUBJECT
        and row["modality"] == "future"
        and row["type"] in MEETING_TYPES
        and parties >= 2
        and bool(trigger)
        and trigger[0] in subject_data()["meeting_words"]
        and not put_off(row["sentence"].lower(), max(0, row["start"] - row["sentence_start"]))
    )  # rule a-postponed-meeting-is-not-announced: 'a planned summit ... has been postponed'


TOLD_ON = re.compile(
    r"\b(?:said|says|announced|announces|told reporters|wrote|confirmed)\s+(?:on\s+)?("
    + "|".join(WEEKDAYS)
    + r")\b",
    re.I,
)


def told_on(sentence: str, trigger_at: int, published: int) -> int:
    """Rule "an-announcement-is-dated-by-its-telling": the day a report says the news was told
    ('Trump said on Friday that his summit with Kim would go ahead' in Saturday's paper: the
    Friday), else the day of publication. A weekday is the last one on or before the report."""
    found = TOLD_ON.search(sentence[:trigger_at])
    if found is None:
        return published
    weekday = WEEKDAYS[found.group(1).lower()]
    return published - (date.fromordinal(published).weekday() - weekday) % 7


def charged_on(sentence: str, trigger_at: int, published: int) -> int | None:
    """Rule "a-charge-is-dated-by-its-telling": a breach with no day of its own, told under
    'said on <weekday>' ('The Qatari mediators said on Tuesday evening that both sides had
    violated the ceasefire' in Wednesday's paper), is a breach alleged that weekday, as an
    accusation dated by its own day is ('Russia's military accused rebel groups of breaching
    the truce' on 13 September); the report's day would put it after later charges. As
    ``told_on`` dates an announcement; None when no such telling precedes the trigger."""
    if TOLD_ON.search(sentence[:trigger_at]) is None:
        return None
    return told_on(sentence, trigger_at, published)


def agreed_at_the_meeting(row: Any, subject: str, context: Context) -> bool:
    """Rule "agreed-at-the-meeting-is-not-the-meeting": 'Biden and Putin met in Geneva for
    their first summit, and agreed to return their ambassadors', 'met in Singapore on Tuesday
    ... and signed a statement': what a meeting agreed or signed, told with it, is no
    agreement to hold it (see ``what_the_meeting_agreed``)."""
    signed = row["type"] == "SUPPORT" and row["trigger"].lower() in subject_data()["signing_words"]
    agreed = row["type"] == "AGREE" or signed
    if subject != MEETING_SUBJECT or not agreed:
        return False
    trigger_at = max(0, row["start"] - row["sentence_start"])
    return context.meeting_held or agreed_at_a_meeting(row["sentence"], trigger_at)


AT_A_MEETING = re.compile(
    r"^[\w'-]+\s+(?:(?!to\b)[\w'-]+\s+){0,3}?at\s+(?:the|their|a|an|his|her|its)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:summit|meeting|talks)\b",
    re.I,
)


AT_A_MEETING_FIRST = re.compile(
    r"^(?:at|during)\s+(?:the|their|a|an|his|her|its)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:summit|meeting|talks)\b[^,]{0,40},",
    re.I,
)


def agreed_at_a_meeting(sentence: str, trigger_at: int) -> bool:
    """Rule "agreed-at-the-summit-is-not-the-summit": 'Xi and Modi agreed at their summit in
    Kathmandu on Wednesday to send their ambassadors back', 'signed at the meeting': the
    meeting is told as where the agreement was made, so it was held ('agreed to meet at the
    talks' is not); so it is when the sentence opens with it ('At the meeting, Tshisekedi and
    Kagame signed a peace agreement', rule where-it-was-agreed-may-come-first)."""
    if AT_A_MEETING_FIRST.match(sentence[:trigger_at]):
        return True
    return bool(AT_A_MEETING.match(sentence[trigger_at:]))


def what_the_meeting_agreed(sentence: str, trigger_at: int) -> str:
    """Rule "what-a-meeting-agrees-is-its-own": an agreement made at a meeting is a proposal
    of its own, about the subject named after its trigger, else a general agreement. Rule
    "talks-agreed-at-a-meeting-are-its-agreement": so is one whose words are about talks or
    name no subject ('met in Geneva and agreed to launch a dialogue on strategic stability',
    'agreed to return their ambassadors'), which would otherwise be no step (talks-are-no-step
    keeps a truce's steps from talks its sentence names; a meeting's agreement is its own)."""
    named = [s for s in find_subjects(sentence[trigger_at:], ("", None)) if s != MEETING_SUBJECT]
    return named[0] if named else next(iter(subject_data()["agreement_subjects"]))


TERM_DATED = ("proposed", "considered", "accepted", "agreed", "extended")  # dated apart from terms


def dates_a_term(row: Any, sentence: str) -> bool:
    """Rule "a-term's-date-is-not-the-step's": the event's date follows a word of the
    agreement's terms ('agreed to a seven-day ceasefire starting on Monday evening', 'the
    truce, which expires on June 2', 'extend the truce until October 2')."""
    at = (row["date_char_start"] if row["date_char_start"] is not None else -1) - row[
        "sentence_start"
    ]
    if at <= 0:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[:at])][-4:]
    return bool(set(words) & set(subject_data()["term_date_markers"]))


def in_force_in_passing(row: Any, sentence: str) -> bool:
    """Rule "in-force-told-in-passing": an accusation or attack that gives no step of its own
    ('accused each other of breaching a ceasefire minutes after it came into force at noon on
    Saturday') in a sentence that tells the agreement took effect reports it carried out."""
    return row["type"] in ("ACCUSE", "ASSAULT") and bool(
        subject_data()["in_force_regex"].search(sentence)
    )


def told_holding(row: Any, sentence: str) -> bool:
    """Rule "a-truce-told-holding-is-in-force": a fight or an accusation that gives no step of
    its own in a sentence that tells the truce holding ('The days-old ceasefire between Israel
    and Hezbollah militants in Lebanon appears to be largely holding, but some fighting is
    continuing', 'traded accusations on Sunday of breaching a nationwide truce ..., although
    the United Nations said the ceasefire was largely holding') reports it in force, as VOA's
    'a 72 hour cease-fire in Gaza appears to be holding for a second day' and 'A new, five-day
    cease-fire between Israel and Hamas was holding Thursday' do (there the sentence's event is
    the talks or the truce itself, other rules' to read). Holding is a state, not an act: the
    step is dated by its report (the act beside it has its own day), so it backs the start told
    a few days before rather than making a second one."""
    return row["type"] in ("ACCUSE", "ASSAULT") and bool(
        subject_data()["holding_regex"].search(sentence)
    )


def reported_before(sentence: str, trigger_at: int) -> bool:
    """Rule "reported-speech-keeps-its-news": a reporting verb before the trigger ('Qatar said
    on Monday that Israel and Hamas had agreed to extend the truce'): its 'had' is the tense
    of reported speech, the step is the day's news."""
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", sentence[:trigger_at])}
    return bool(words & set(subject_data()["reporting_verbs"]))


def both_figures(sentence: str, hostages: int | None, prisoners: int | None) -> tuple[int, ...]:
    """Both sides' figures when one report gives hostages freed for prisoners ('Hamas freed
    24 hostages in exchange for 39 Palestinian prisoners'), in the order the sentence states
    them; () otherwise."""
    if not hostages or not prisoners or hostages == prisoners:
        return ()

    def at(value: int) -> int:
        found = re.search(rf"\b{value:,}\b|\b{value}\b", sentence)
        return found.start() if found else len(sentence)

    return tuple(sorted((hostages, prisoners), key=at))


def received_pair(sentence: str, trigger_at: int, freed: int | None) -> tuple[int, ...]:
    """Rule "what-a-side-receives-the-other-freed": a side's release in an exchange told
    with what it received in return ('Russia released 16 prisoners in the swap in Ankara ...
    and received eight people held in the United States, Germany, Poland, Slovenia and
    Norway', 'Ukraine released 130 Russian soldiers and received 130 of its own') gives both
    sides' figures, the release's first; () when the sentence tells no figure received."""
    if not freed:
        return ()
    data = subject_data()
    found = data["receiving_regex"].search(sentence, trigger_at)
    if found is None:
        return ()
    received = number_value(found.group("number"))
    return (freed, received) if received else ()


RETOLD_AGREEMENT = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|deal|agreement|accord)\s+"
    r"(?:(?:that|which)\s+)?(?:they|it|both sides|the two sides|the parties)?\s*$",
    re.I,
)


def tells_an_extension(sentence: str) -> bool:
    """Whether the sentence tells an extension ('breaching the five-day extension of the
    truce', 'the ceasefire, which was extended on Monday for five days'): rule
    an-extension's-length-is-not-the-deal's holds for the breach it tells as well, so a
    length there names the agreement only as its adjective ('the seven-day ceasefire')."""
    words = subject_data()["status_words"]["extended"]
    return any(keyword_positions(sentence.lower(), word) for word in words)


def speaks_of_a_breach(row: Any, status: str, actor: Any) -> bool:
    """Rule "who-tells-a-breach-is-no-side-of-it": 'The Saudi and U.S. mediators said on
    Sunday that both sides had violated the ceasefire' was read with 'both sides' as Saudi
    Arabia and the United States (the names before it) and the speaker's own names may be
    read as doers: for a violation, an actor named inside its speaker, or named only as
    'both sides', gives no country to link the step by (the sides are the agreement's)."""
    if status != "violated" or not actor["text"]:
        return False
    speaker = row["attributed_to"] or ""
    text = actor["text"]
    return text in speaker or text.lower() in subject_data()["both_parties"]


def names_the_agreement(actor: Any, sentence: str) -> bool:
    """Rule "a-place-that-names-the-deal-is-no-party": a city read as its state where it only
    names the agreement ('agreed to extend the Doha ceasefire', 'violating the Minsk
    accords') gives the step no country: Qatar, which hosts many sides' talks, had joined a
    Pakistan-Afghanistan truce to a Qatari offer for Congo a week later."""
    text = actor["text"] or ""
    if not text:
        return False
    return agreement_named_after(text).search(sentence) is not None


@lru_cache(maxsize=1024)
def agreement_named_after(text: str) -> re.Pattern[str]:
    """``text`` followed by a word naming an agreement, compiled once per actor text: the
    alternation is long, and ``re``'s own cache, shared with every pattern of the process,
    is full by the time tracking runs and drops them (a second update compiled them again)."""
    return re.compile(rf"\b{re.escape(text)}\s+(?:{agreement_words()})s?\b", re.I)


@cache
def agreement_words() -> str:
    """Every word that names an agreement or what one is about, as a regex alternation,
    longest first (made once: it is asked for every step a city stands in)."""
    words = all_keywords() | frozenset(
        word for words in subject_data()["agreement_subjects"].values() for word in words
    )
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def names_what_it_agreed(sentence: str, trigger_at: int) -> bool:
    """Rule "the-agreement-a-clause-names-is-retold": 'agreed' right after the agreement it
    describes ('both sides had violated the ceasefire they agreed last week') retells the
    agreement; the status word of the clause around it (violated) is the main verb's."""
    return RETOLD_AGREEMENT.search(sentence[:trigger_at]) is not None


def restated_subject(row: Any, type_mode: tuple[str, str | None]) -> str | None:
    """Rule "a-restated-act-keeps-its-subject": an act its report tells twice is kept at its
    fuller telling, whose sentence may name no agreement ('Congo's government and M23 rebels
    exchanged 80 prisoners on Wednesday under the truce', then 'The government freed 50 rebel
    fighters and M23 released 30 soldiers'): the subject its other tellings name is its own."""
    for mention in json.loads(row["mentions"] or "[]"):
        trigger_at = max(0, mention["start"] - mention["sentence_start"])
        subject = find_subject(mention["sentence"], trigger_at, type_mode)
        if subject is not None:
            return subject
    return None


def lead_subject(row: Any, story_subject: str | None) -> str | None:
    """Rule "the-lead-act-is-the-story's": an act that carries agreements out, told in an
    article's first sentence with events without naming one, is a step of the agreement the
    rest of the article names ('... began walking back to northern Gaza on Monday after Israel
    opened crossing points', then 'The ceasefire, which took effect on January 19, ...').
    Rule "a-lead-release-is-of-its-sides'-deal": when the rest names none either, it is of
    whatever agreement its sides made ('Ten Americans freed by Venezuela landed in Texas on
    Saturday, hours after the United States released the businessman': their swap)."""
    if f"{row['type']}/{row['mode']}" not in subject_data()["lead_act_modes"]:
        return None
    if story_subject is None:
        return GENERIC_AGREEMENT
    return story_subject


GENERIC_AGREEMENT = "agreement"  # a subject of ``agreement_subjects``: any deal of its sides
FREEING_MODES = ("RETREAT/release", "RETREAT/return")  # acts that free or return people


def frees_in_an_exchange_story(row: Any, context: Context) -> bool:
    """Rule "a-release-in-an-exchange-story-is-its-stage": a release or return of people
    told in a report whose lead or other sentences are about a prisoner exchange, in a
    sentence that names no deal ('Russia and Belarus released 16 people, among them
    Gershkovich ...', 'In return, the United States, Germany, Poland, Slovenia and Norway
    freed eight Russians', 'On Friday, 390 people from each side were freed'), is a stage of
    that exchange, as a lead's release is of its story's agreement (rule
    the-lead-act-is-the-story's)."""
    told = context.story[1] == EXCHANGE or EXCHANGE in context.lead_names
    return told and f"{row['type']}/{row['mode']}" in FREEING_MODES


TRUCE = "ceasefire"  # the subject whose parties bind themselves to stop attacking


EXCHANGE = "prisoner exchange"  # the subject whose stages free people on both sides


def accuses_an_attack(row: Any, sentence: str, trigger_at: int) -> bool:
    """Rule "an-accused-attack-in-a-truce-story-breaks-it": an accusation of an armed act
    ('Hezbollah accused Israel of firing on villages in southern Lebanon', 'accused Hezbollah
    on Monday of launching two rockets') in a report about a ceasefire charges a breach of it:
    wire copy tells alleged violations by the act and names the truce in another sentence.
    Whether the truce bound the sides that day is the linking's to say."""
    if row["type"] != "ACCUSE":
        return False
    clause = trigger_clause(sentence.lower(), trigger_at)[trigger_at:]
    found = re.search(r"\bof\s+(?:[\w'-]+\s+){0,3}?([a-z]+ing)\b", clause)
    return found is not None and found.group(1) in subject_data()["accused_attack_words"]


def names_a_violation(row: Any, sentence: str, trigger_at: int) -> bool:
    """Rule "a-violation-is-of-the-story's-agreement": an accusation or a fight whose own
    clause tells a violation without naming what it breaks ('the RSF accused the army of
    fresh violations on Tuesday', 'Hamas said Israel's strikes were a breach') breaks the
    agreement the rest of its report names; wire copy names the truce once and then speaks
    of 'violations'."""
    if row["type"] not in ("ACCUSE", *FIGHTING_TYPES):
        return False
    clause = trigger_clause(sentence.lower(), trigger_at)
    return nearest_status_word(clause, trigger_at) == "violated"


def parts_of_the_deal(
    sentence: str, trigger_at: int, subject: str, at_the_meeting: bool
) -> frozenset[str]:
    """The subjects a step takes on (``package_of``), but none beside a meeting's own: what
    a meeting agreed is no package with the meeting (agreed-at-the-summit-is-not-the-summit),
    nor is what a meeting is held for (rule "a-meeting's-purpose-is-no-package": "will meet
    again in Istanbul next week to set up a mechanism to monitor the truce" is no truce, and
    an extension of the truce days later is not the meeting's)."""
    if at_the_meeting or subject == MEETING_SUBJECT:
        return frozenset({subject})
    return package_of(sentence, trigger_at, subject)


def package_of(sentence: str, trigger_at: int, subject: str) -> frozenset[str]:
    """The subjects an agreement takes on: its own and those named after its trigger in its
    own clause ('agreed to a ceasefire and the release of hostages'; 'following the meeting,
    ... agreed to a swap' is no package). Rule a-package-is-agreed-in-one-clause: a clause
    another opener or a contrast starts names no part of it ('agreed to exchange 1,000
    prisoners of war each, but made no progress towards a ceasefire')."""
    opener = subject_data()["package_clause_regex"].search(sentence, trigger_at + 1)
    clause = sentence[trigger_at : None if opener is None else opener.start()]
    return frozenset(find_subjects(clause, ("", None))) | {subject}


BOTH_SIDES = "both sides"  # the violator of a breach a sentence lays on both parties


def by_both_sides(sentence: str, trigger_at: int) -> bool:
    """Rule "a-violation-by-both-sides-is-a-step": mediators often lay a breach on both
    parties without naming them ('the ceasefire was violated by both sides, the U.S. and
    Saudi mediators said', 'Both sides violated the truce on Tuesday'): a violation by both,
    alleged by whoever says so. A mutual accusation ('accused each other') is no step
    (``status_of``); this is a third party's word, or the report's."""
    clause = trigger_clause(sentence.lower(), trigger_at)
    return any(keyword_positions(clause, phrase) for phrase in subject_data()["both_parties"])


def violation_sides(
    row: Any, sources: tuple[str, ...], targets: list[Any]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(who violated, who alleges it): an allegation is by whoever the text attributes it to,
    the reporting speaker ('Israel said Hamas had violated') or the accuser ('Hamas accused
    Israel of violating')."""
    speaker = row["attributed_to"]
    if row["type"] == "ACCUSE" and sources and attributed_after(row, speaker):
        # rule the-accuser-speaks-through-its-spokesman
        return tuple(sorted({actor["name"] for actor in targets})), sources
    if speaker and speaker not in sources:
        return sources, (without_article(speaker),)
    if row["type"] == "ACCUSE":
        return tuple(sorted({actor["name"] for actor in targets})), sources
    return sources, tuple(without_article(who) for who in accusers_in(row["sentence"]))


def attributed_after(row: Any, speaker: str | None) -> bool:
    """Rule "the-accuser-speaks-through-its-spokesman": an accusation whose speaker is named
    after it ('Cambodia accused Thailand of breaking the truce, a defence ministry spokeswoman
    said') is its accuser's, told through a spokesman; a speaker named first ('The army said
    Houthi fighters had attacked ..., calling the attacks a violation') makes the charge."""
    if not speaker:
        return False
    at = row["sentence"].find(speaker)
    return at > row["start"] - row["sentence_start"]


def without_article(speaker: str) -> str:
    """Rule "an-alleger-is-named-without-its-article": 'The mediators' at a sentence's start
    and 'the mediators' inside one are one speaker, so their reports of one breach are one
    step."""
    return re.sub(r"^(?:the|a|an)\s+", "", speaker, flags=re.I)


def accusers_in(sentence: str) -> tuple[str, ...]:
    """Who the sentence says alleges its violation ('accusations from Kyiv that Russia had
    violated the agreement'): an allegation, not a fact, whoever reports it."""
    found = (
        match.group("who")
        for pattern in subject_data()["accuser_regexes"]
        for match in pattern.finditer(sentence)
    )
    return tuple(dict.fromkeys(found))


def mentions_agreement(sentence: str) -> bool:
    words = subject_data()["agreement_words"]
    return any(keyword_positions(sentence, word) for word in words)


def day_of(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


# -- linking candidates into proposals -------------------------------------------------------


Side = tuple[str, tuple[str, ...], tuple[str, ...]]  # a group's subject, actors, accusers


class StepDays(list[tuple[int, int]]):
    """(day, group position) of a draft's dated reports, in order, counting the places where
    a later day has an earlier group: in a long story groups are opened in the order of their
    days, so the last group with a report in a span of days is the last report's."""

    descents = 0

    def put(self, entry: tuple[int, int]) -> None:
        at = bisect_right(self, entry)
        before = self[at - 1][1] if at else None
        after = self[at][1] if at < len(self) else None
        if before is not None and after is not None and before > after:
            self.descents -= 1
        if before is not None and before > entry[1]:
            self.descents += 1
        if after is not None and entry[1] > after:
            self.descents += 1
        self.insert(at, entry)

    def last_between(self, first: int, last: int) -> int:
        """The last group position with a report dated from ``first`` to ``last``, or -1."""
        low = bisect_left(self, (first, -1))
        high = bisect_right(self, (last, 1 << 62))
        if low >= high:
            return -1
        if not self.descents:
            return self[high - 1][1]
        return max(position for _, position in self[low:high])


@dataclass
class Draft:
    """A proposal being assembled: its steps as groups of candidates."""

    subject: str
    terms: dict[str, int] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    groups: list[list[Candidate]] = field(default_factory=list)
    subjects: set[str] = field(default_factory=set)  # the subject, and a package's others

    # the span of the steps' days, kept by ``add`` (read for every candidate against every
    # draft: recomputing it was most of the linking time on a large store)
    first_day: int = 0
    last_day: int = 0
    first_implemented: int | None = None  # the first day a dated report carried it out
    # per status, the first and last day its dated reports give (what an undated report
    # can back: see ``may_take``)
    dated: dict[str, tuple[int, int]] = field(default_factory=dict)
    number: int = 0  # the order in which drafts were opened
    # the groups of each status, in the order they were opened (``same_step`` only joins a
    # report to a group of its own status)
    by_status: dict[str, list[list[Candidate]]] = field(default_factory=dict)
    # per status, (day, position in by_status) of every dated report: ``same_step`` only
    # joins a group that has a dated report near the candidate's window, so only those near
    # it are tried (trying every group was most of the linking time on a large store)
    step_days: dict[str, StepDays] = field(default_factory=dict)
    # the same by the side of the group's first report (``side_of``): an undated report
    # finds the last group of a side it may join with a dated report near it
    side_days: dict[str, dict[Side, StepDays]] = field(default_factory=dict)
    positions: dict[int, int] = field(default_factory=dict)  # id(group) -> its position
    # per status and calendar month, the positions (in by_status, ascending) of the groups
    # with a dated report in that month: ``same_month_step`` tries only those (trying every
    # group of the status, for every report made once, grew with the square of a long story)
    month_groups: dict[str, dict[tuple[int, int], list[int]]] = field(default_factory=dict)
    # carried out or kept in force (a step of ``CARRIED_OUT``): an expiry, a collapse or an
    # alleged violation alone does not carry a proposal out (and cannot pull in an agreement
    # months before it); kept by ``add``, as asked for every candidate against every draft
    carried_out: bool = False
    in_train: bool = False  # proposed, accepted or agreed: an act months later may carry it out
    committed: set[str] = field(default_factory=set)  # countries that proposed, took, refused it
    # (status, sentence key) -> the group a report of that sentence opened or joined (rule
    # "one-sentence-tells-a-status-once")
    sentence_groups: dict[tuple[str, str], list[Candidate]] = field(default_factory=dict)
    brokers: set[str] = field(default_factory=set)  # who mediated its proposal or agreement
    agreeing: set[str] = field(default_factory=set)  # the countries of the sides that agreed it

    def groups_near(self, candidate: Candidate, window: tuple[int, int]) -> list[list[Candidate]]:
        """The groups of the candidate's status with a dated report within a day of
        ``window`` or of the candidate's day, in the order they were opened: the only ones
        ``same_step`` can join it to."""
        days = self.step_days.get(candidate.status)
        if not days:
            return []
        low = bisect_left(days, (min(window[0], candidate.day) - 1, -1))
        high = bisect_right(days, (max(window[1], candidate.day) + 1, len(self.groups)))
        groups = self.by_status[candidate.status]
        return [groups[position] for position in sorted({p for _, p in days[low:high]})]

    def latest_same_step(
        self, candidate: Candidate, window: tuple[int, int]
    ) -> list[Candidate] | None:
        """The last opened of ``groups_near`` that ``same_step`` joins the candidate to, or
        None. For an undated report that is the group opened last, of a side it may join
        (``same_side``), with a dated report inside the window: found from the dated reports'
        days, without trying each group (an undated report of a step made once looks back to
        the draft's first day, over thousands of groups in a long story)."""
        status = candidate.status
        if not candidate.inferred and status == "implemented":
            found = self.groups_near(candidate, window)
            return next((g for g in reversed(found) if same_step(g, candidate, window)), None)
        if side_matters(candidate):
            listed = [
                days
                for side, days in self.side_days.get(status, {}).items()
                if same_side(side, status, candidate)
            ]
        else:
            listed = [self.step_days.get(status, StepDays())]
        last = -1
        for days in listed:
            last = max(last, days.last_between(window[0], window[1]))
        return None if last < 0 else self.by_status[status][last]

    def distance(self, day: int) -> int:
        """Days from the span of the draft's steps."""
        return max(0, self.first_day - day, day - self.last_day)

    def reach(self, candidate: Candidate, day: int | None = None) -> int:
        """How far from its steps a step may join: months between a proposal and the act that
        carries it out (a summit proposed in April, held in June), else ``LINK_DAYS``."""
        earlier = (candidate.day if day is None else day) < self.first_day
        if candidate.status in CONTINUING and self.in_train and not earlier:
            return RUNNING_DAYS
        if candidate.status in LATER_IN_FORCE and self.carried_out and not earlier:
            return RUNNING_DAYS  # a truce in force since April, extended in June
        if candidate.status in IN_TRAIN and earlier and self.carried_out:
            return RUNNING_DAYS
        if self.subject == MEETING_SUBJECT and self.in_train and not earlier:
            return ARRANGING_DAYS  # rule a-summit-is-arranged-over-months
        return LINK_DAYS

    def accepts(self, candidate: Candidate, day: int | None = None) -> bool:
        """A subject of it, a shared participant, close in time, terms that do not differ
        (an implementation's stage figures and a mention's stray numbers are not terms).
        ``day``: read the candidate as if on that day (an undated report, see
        ``place_backing``)."""
        if not self.about(candidate):
            return False  # 'the agreement' is whichever one its participants have
        if mediated_apart(self, candidate):
            return False
        day = candidate.day if day is None else day
        if made_after(self, candidate, day):
            return False
        if self.distance(day) > self.reach(candidate, day):
            return False  # an extension or expiry months on still belongs to its agreement
        if candidate.countries and self.countries and not candidate.countries & self.countries:
            return False
        if others_meet(self, candidate):
            return False
        if candidate.status == "implemented" or candidate.back_reference:
            return True
        return terms_agree(candidate.terms, self.terms)

    def about(self, candidate: Candidate) -> bool:
        """The candidate's subject is one of the draft's, or a generic 'the agreement'."""
        if candidate.subject in subject_data()["agreement_subjects"]:
            # sanctions are no agreement, nor is a meeting: 'violated the agreement' is not
            # about talks the parties once held (rule a-meeting-is-no-agreement)
            if self.subject in (*unilateral_subjects(), MEETING_SUBJECT):
                return False
            return not a_side_it_never_named(self, candidate)
        return candidate.subject in (self.subjects or {self.subject})

    def may_take(self, candidate: Candidate, window: tuple[int, int]) -> bool:
        """Whether ``place_backing`` could stop at this draft: a step of the candidate's
        status dated near enough for ``same_step``, or, for a once-only status, the draft
        carried out by the time of the report. A cheap test before ``accepts``."""
        if candidate.status in ONCE and implemented_by(self, candidate.published):
            return True
        span = self.dated.get(candidate.status)
        if span is None:
            return False
        window = dated_window(candidate, window)
        return span[0] <= window[1] and span[1] >= window[0]

    def add(self, candidate: Candidate, group: list[Candidate] | None = None) -> None:
        if candidate.status == "implemented" and not candidate.inferred:
            known = self.first_implemented
            self.first_implemented = candidate.day if known is None else min(known, candidate.day)
        if not candidate.inferred:
            low, high = self.dated.get(candidate.status, (candidate.day, candidate.day))
            self.dated[candidate.status] = (min(low, candidate.day), max(high, candidate.day))
        if not self.groups:
            self.first_day = self.last_day = candidate.day
        else:
            self.first_day = min(self.first_day, candidate.day)
            self.last_day = max(self.last_day, candidate.day)
        if group is None:
            group = [candidate]
            self.groups.append(group)
            self.carried_out = self.carried_out or candidate.status in CARRIED_OUT
            self.in_train = self.in_train or candidate.status in IN_TRAIN
            steps = self.by_status.setdefault(candidate.status, [])
            self.positions[id(group)] = len(steps)
            steps.append(group)
        else:
            group.append(candidate)
        if candidate.sentence:
            self.sentence_groups.setdefault((candidate.status, candidate.sentence), group)
        if not candidate.inferred:
            status = group[0].status
            entry = (candidate.day, self.positions[id(group)])
            self.step_days.setdefault(status, StepDays()).put(entry)
            self.side_days.setdefault(status, {}).setdefault(side_of(group[0]), StepDays()).put(
                entry
            )
            months = self.month_groups.setdefault(status, {})
            positions = months.setdefault(month_of(candidate.day), [])
            if entry[1] not in positions:
                insort(positions, entry[1])
        self.countries |= candidate.countries
        if candidate.status == "agreed":
            self.agreeing |= candidate.own_countries
        if candidate.status in ONCE:
            self.committed |= candidate.own_countries
            if not candidate.back_reference:
                self.brokers |= candidate.brokers
        self.subjects.add(self.subject)
        if candidate.status == "agreed":
            self.subjects |= candidate.subjects  # a package: a truce agreed with an exchange
        if candidate.status != "implemented":
            for key in ("days", "a", "b"):
                if key in candidate.terms:
                    self.terms.setdefault(key, candidate.terms[key])


def mediated_apart(draft: Draft, candidate: Candidate) -> bool:
    """Rule "mediators-apart-agreements-apart": an offer or agreement whose brokers share none
    with the brokers of the draft's is another one of the same sides ('a truce for the Eid
    holiday, in a deal mediated by Egypt', then 'a 30-day ceasefire brokered by the United
    Nations'). A meeting's host is no mediator of it (Geneva hosts many summits)."""
    if candidate.status not in ONCE or candidate.back_reference or draft.subject == MEETING_SUBJECT:
        return False
    return bool(candidate.brokers and draft.brokers) and candidate.brokers.isdisjoint(draft.brokers)


def a_side_it_never_named(draft: Draft, candidate: Candidate) -> bool:
    """Rule "a-deal-of-two-is-no-offer-to-one": an agreement that names no subject ('Tshisekedi
    and Kagame signed a peace agreement') made by two countries, one of which no report of a
    draft about a named subject ever named, is not that draft's: Qatar's truce offer to Congo's
    government and the M23 is not what Congo and Rwanda signed in Washington days later. An
    agreement naming its subject ('agreed to the ceasefire') still takes up an offer made to
    one side only."""
    if candidate.status != "agreed" or len(candidate.own_countries) != 2:
        return False
    if draft.subject in subject_data()["agreement_subjects"]:
        return False
    return bool(draft.countries) and not candidate.own_countries <= draft.countries


def another_pairs(draft: Draft, candidate: Candidate) -> bool:
    """Rule "another-pair's-agreement": a step naming two countries is of an agreement the
    two of them made before one of another pair sharing one side of it (India and Pakistan's
    ceasefire collapsing is not Afghanistan and Pakistan's, nor is Pakistan charging
    Afghanistan with a breach a step of India and Pakistan's prisoner deal): whether the
    newest draft that takes the step (``home_of``) is of another pair, when an older draft of
    its own pair is to be preferred. A step naming a third party beside the draft's sides (a
    mediator, a coalition accused) is no other pair's, nor is one of a single country's
    sides."""
    mine, theirs = candidate.countries, draft.agreeing
    if len(mine) != 2 or len(theirs) != 2:
        return False
    return bool(mine - draft.countries) and bool(theirs - mine)


def dated_window(candidate: Candidate, window: tuple[int, int]) -> tuple[int, int]:
    """The days a dated report of the candidate's status must touch for ``Draft.may_take``:
    ``window``, or for a dated implementation its day or a stage's other half."""
    if candidate.status == "implemented" and not candidate.inferred:
        return (candidate.day - 1, candidate.day + 1)
    return window


def made_after(draft: Draft, candidate: Candidate, day: int) -> bool:
    """Rule "nothing-befalls-an-agreement-before-it-is-made": a violation, extension, expiry
    or collapse told first-hand for a day before the draft's first step is of an earlier
    agreement (a truce violated on 6 October is not the one signed on 8 November)."""
    return (
        candidate.status in LATER_IN_FORCE
        and not candidate.back_reference
        and (day < draft.first_day)
    )


def others_meet(draft: Draft, candidate: Candidate) -> bool:
    """Rule "a-summit-is-held-by-its-sides": a summit is of its countries: a step naming
    countries neither within the draft's nor holding them all is of another meeting (Somalia
    and Ethiopia's ministers are not Kenya and Somalia's summit). A meeting held carries it out
    only when someone who proposed, accepted, refused or agreed to it is there: Moon and Kim
    meeting at Panmunjom, or Seoul's envoy meeting Kim, do not hold the Trump-Kim summit;
    Zelenskiy meeting Erdogan does not hold the talks Putin proposed."""
    if candidate.subject != MEETING_SUBJECT:
        return False
    mine, theirs = candidate.countries, draft.countries
    if other_countries_meet(mine, theirs):
        return True
    if candidate.status != "implemented":
        return False
    return bool(mine and draft.committed) and not mine & draft.committed


def other_countries_meet(mine: frozenset[str] | set[str], theirs: set[str]) -> bool:
    """Two meetings' countries, neither within the other's (``others_meet``)."""
    return bool(mine and theirs) and not (mine <= theirs or theirs <= mine)


TERM_KEYS = ("days", "a", "b")


def terms_agree(left: dict[str, int], right: dict[str, int]) -> bool:
    """No term both give differs. Asked for every candidate against every draft it may
    join, and most reports give no terms: those are answered before the keys are walked
    (walking them was 7% of linking a long story)."""
    if not left or not right:
        return True
    return all(left[key] == right[key] for key in TERM_KEYS if key in left and key in right)


def same_step(group: list[Candidate], candidate: Candidate, window: tuple[int, int]) -> bool:
    """Same status on a nearby day, by the same actors where whose step it is matters
    (proposed, accepted, declined, violated: an agreement, extension or expiry is the
    agreement's). An implementation of the same subject on the same day is the same stage
    whoever carried it out (each side frees its prisoners), and so is the other side's part on
    the next day (a stage across midnight)."""
    first = group[0]
    if first.status != candidate.status or not same_side(side_of(first), first.status, candidate):
        return False  # whose step it is matters; a report that names no one backs it
    dated = [member.day for member in group if not member.inferred]
    if first.status == "implemented" and not candidate.inferred:
        return candidate.day in dated or completes_stage(group, candidate, dated)
    return any(window[0] <= day <= window[1] for day in dated)


def side_of(first: Candidate) -> Side:
    """What ``same_step`` reads of a group's first report beside its status and days."""
    return (first.subject, first.actors, first.alleged_by)


def side_matters(candidate: Candidate) -> bool:
    """Whether ``same_step`` may refuse a group of the candidate's status with a dated report
    in its window for the side of its first report (``same_side``)."""
    if candidate.status == "implemented":
        return True
    return bool(candidate.alleged_by) or (
        candidate.status in BY_STATUSES and bool(candidate.actors)
    )


def same_side(side: Side, status: str, candidate: Candidate) -> bool:
    """What ``same_step`` asks of a group of ``status`` whose first report has ``side``,
    beside its days, for an undated report (or a dated mention of a step not carried out)."""
    subject, actors, alleged_by = side
    if status == "implemented":
        # a release whose report names no deal is a stage of whichever its sides made, told
        # first or after the report that names it
        return subject == candidate.subject or GENERIC_AGREEMENT in (subject, candidate.subject)
    if status in BY_STATUSES and candidate.actors and actors and actors != candidate.actors:
        return False  # a step whose taker no report named refuses no side (an-unnamed-side)
    return not candidate.alleged_by or alleged_by == candidate.alleged_by


def completes_stage(group: list[Candidate], candidate: Candidate, dated: list[int]) -> bool:
    """The other side's part of a stage one side carried out the day before or after. A
    side the group holds only from a retelling of the whole stage ('In the first exchange
    last Sunday, Hamas freed three women and Israel released 90 prisoners': one date for
    both halves) may still be given its own day by a report of its own."""
    if not any(abs(candidate.day - day) == 1 for day in dated) or not candidate.actors:
        return False
    sides = {actor for member in group for actor in member.actors}
    own = own_sides(group)
    both = len(own) >= 2 or any(member.each for member in group)
    return bool(sides) and not both and not own & set(candidate.actors)


def own_sides(group: list[Candidate]) -> set[str]:
    """The sides of a stage with a report of their own: not only from a sentence that tells
    another side's part too (rule "a-retold-stage-dates-both-halves-alike")."""
    sides_told: dict[str, set[str]] = defaultdict(set)
    for member in group:
        sides_told[member.sentence].update(member.actors)
    return {
        actor
        for member in group
        for actor in member.actors
        if not retold(member) or len(sides_told[member.sentence]) < 2
    }


def retold(candidate: Candidate) -> bool:
    """A report of something done days before its publication ('In the first exchange last
    Sunday', told on Saturday), not of the day's news."""
    return (
        bool(candidate.sentence)
        and not candidate.inferred
        and (candidate.published - candidate.day > 1)
    )


class Drafts:
    """The drafts in the order they were opened, with those of each subject listed apart: a
    candidate about a named subject is only checked against the drafts about it (the same
    draft is found as by scanning all of them, newest first; a general 'the agreement' still
    scans all)."""

    def __init__(self, opened: list[Draft] | None = None) -> None:
        self.opened: list[Draft] = []
        self.by_subject: dict[str, list[Draft]] = defaultdict(list)
        # draft numbers by country, and those with none: a candidate naming countries is only
        # accepted by a draft sharing one or naming none (``Draft.accepts``)
        self.by_country: dict[str, set[int]] = defaultdict(set)
        self.countryless: set[int] = set()
        # draft numbers by a subject and a country of theirs: those about a named subject
        # sharing a country with a candidate, without walking every draft about the subject
        self.by_pair: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.numbered: dict[int, Draft] = {}
        # per list (a subject's, or None: every draft) and block of ``SPAN_BLOCK`` draft
        # numbers, the first and last day of the steps of the drafts in it that have steps: a
        # walk for a candidate near some days passes over a block none of whose drafts is near
        # them (in a story of years, most of them) without looking at each
        self.spans: dict[str | None, BlockSpans] = defaultdict(BlockSpans)
        self.numbers: dict[str | None, list[int]] = defaultdict(list)  # each list's numbers
        # (status, sentence key) -> the draft a report of that sentence was first placed in
        self.told: dict[tuple[str, str], Draft] = {}
        self.next_number = 1 + max((draft.number for draft in opened or ()), default=-1)
        for draft in opened or ():
            self.opened.append(draft)
            self.numbers[None].append(draft.number)
            self.numbered[draft.number] = draft
            self.index(draft, draft.subjects | {draft.subject})
            self.index_countries(draft, draft.countries)
            if draft.groups:
                self.widen(draft)

    def open(self, subject: str) -> Draft:
        draft = Draft(subject, number=self.next_number)
        self.next_number += 1
        self.opened.append(draft)
        self.numbers[None].append(draft.number)
        self.numbered[draft.number] = draft
        self.index(draft, {subject})
        self.countryless.add(draft.number)
        return draft

    def newest_first(
        self, candidate: Candidate, near: tuple[int, int] = (-(1 << 62), 1 << 62)
    ) -> Iterable[Draft]:
        """The drafts about the candidate's subject that may share a country with it and whose
        steps span a day from ``near[0]`` to ``near[1]``, newest first (from the fewer of the
        two lists: those about the subject, those sharing). A meeting's report passes over
        the drafts of a meeting of other countries, which never accept it (``others_meet``:
        in a store of many summits, most of those sharing a country)."""
        drafts = self.sharing_first(candidate, near)
        if candidate.subject != MEETING_SUBJECT or not candidate.countries:
            return drafts
        countries = candidate.countries
        return (d for d in drafts if not other_countries_meet(countries, d.countries))

    def sharing_first(self, candidate: Candidate, near: tuple[int, int]) -> Iterable[Draft]:
        """``newest_first`` before it passes over other countries' meetings."""
        generic = candidate.subject in subject_data()["agreement_subjects"]
        key = None if generic else candidate.subject
        listed = self.opened if generic else self.by_subject.get(candidate.subject, [])
        countries = candidate.countries
        if not countries:
            return self.walk_back(self.numbers[key], key, near)
        # at most this many drafts share a country or name none (the lists may overlap):
        # walking the subject's list lazily costs what the caller reads of it, where making
        # the set of sharing drafts costs them all, for every candidate
        index = self.by_country if generic else self.by_pair
        keys = countries if generic else [(candidate.subject, c) for c in countries]
        most = len(self.countryless) + sum(len(index.get(key, ())) for key in keys)
        if most >= len(listed):
            return (
                d
                for d in self.walk_back(self.numbers[key], key, near)
                if not d.countries or not countries.isdisjoint(d.countries)
            )
        if generic:
            sharing = self.countryless.union(*(self.by_country[c] for c in countries))
            return self.walk_back(sorted(sharing), None, near)
        # the subject's spans pass over whole blocks of drafts far in time (drafts of other
        # subjects naming no country are among ``countryless``: they are not its drafts)
        subject = candidate.subject
        sharing = self.countryless.union(*(self.by_pair.get((subject, c), ()) for c in countries))
        return (
            d
            for d in self.walk_back(sorted(sharing), subject, near)
            if subject in d.subjects or subject == d.subject
        )

    def walk_back(
        self, numbers: list[int], key: str | None, near: tuple[int, int]
    ) -> Iterator[Draft]:
        """The drafts of some numbers (sorted, of drafts in the ``key`` list) with steps
        spanning a day of ``near``, last first, passing over each block of numbers none of
        whose drafts in the list does (``spans``)."""
        low, high = near
        spans = self.spans[key]
        at = len(numbers) - 1
        near_block = None  # the block last found near (spans only widen: it stays near)
        while at >= 0:
            number = numbers[at]
            block = number // SPAN_BLOCK
            if block != near_block:
                found = spans.last_near(block, low, high)
                if found < 0:
                    return
                if found != block:  # to the last of the numbers in that block or before it
                    at = bisect_left(numbers, (found + 1) * SPAN_BLOCK, 0, at) - 1
                    continue
                near_block = block
            draft = self.numbered[number]
            if draft.groups and draft.last_day >= low and draft.first_day <= high:
                yield draft
            at -= 1

    def widen(self, draft: Draft) -> None:
        """Take the draft's span of days into those of its blocks (``spans``)."""
        block = draft.number // SPAN_BLOCK
        for key in (None, draft.subject, *draft.subjects):
            self.spans[key].widen(block, draft.first_day, draft.last_day)

    def add(self, draft: Draft, candidate: Candidate, group: list[Candidate] | None = None) -> None:
        """Add to the draft, indexing what it gained: a draft's subjects and countries only
        grow, so a report that brings none new and stays within its span (most reports of
        a long story) leaves the indexes and spans as they are, and is not indexed again."""
        if candidate.sentence:
            self.told.setdefault((candidate.status, candidate.sentence), draft)
        subjects, countries = len(draft.subjects), len(draft.countries)
        known = draft.subjects | {draft.subject} if candidate.status == "agreed" else None
        had = set(draft.countries) if candidate.countries - draft.countries else None
        span = (draft.first_day, draft.last_day) if draft.groups else None
        draft.add(candidate, group)
        if len(draft.subjects) != subjects:
            self.index(draft, draft.subjects - (known or {draft.subject}))
        if len(draft.countries) != countries or span is None:
            self.index_countries(draft, draft.countries - (had or set()))
        if span != (draft.first_day, draft.last_day) or len(draft.subjects) != subjects:
            self.widen(draft)

    def index_countries(self, draft: Draft, countries: set[str]) -> None:
        subjects = draft.subjects | {draft.subject}
        for country in countries:
            self.by_country[country].add(draft.number)
            for subject in subjects:
                self.by_pair[subject, country].add(draft.number)
        if draft.countries:
            self.countryless.discard(draft.number)
        else:
            self.countryless.add(draft.number)

    def index(self, draft: Draft, subjects: set[str]) -> None:
        for subject in subjects:
            insort(self.by_subject[subject], draft, key=lambda item: item.number)
            insort(self.numbers[subject], draft.number)
            for country in draft.countries:
                self.by_pair[subject, country].add(draft.number)


SPAN_BLOCK = 32  # drafts numbered alike whose span of days ``Drafts.spans`` keeps together
FAR = 1 << 62  # a day no span reaches


class BlockSpans:
    """The span of days of each block of draft numbers of one list, in a tree of the first
    and last day over ranges of blocks: a walk back finds the last block near some days in
    a few steps, where passing over the blocks one by one grew with the store (in a story of
    years, a report near its first days passed over every block of the years after)."""

    def __init__(self) -> None:
        self.leaves = 1
        self.first = [FAR, FAR]  # the earliest first day under each node (1: the root)
        self.last = [-FAR, -FAR]  # the latest last day

    def widen(self, block: int, first: int, last: int) -> None:
        """Take a draft's span into its block's."""
        while block >= self.leaves:
            self.grow()
        node = self.leaves + block
        while node and (self.first[node] > first or self.last[node] < last):
            self.first[node] = min(self.first[node], first)
            self.last[node] = max(self.last[node], last)
            node //= 2

    def grow(self) -> None:
        """Twice the blocks, the spans kept."""
        leaves = self.leaves
        first = [FAR] * (4 * leaves)
        last = [-FAR] * (4 * leaves)
        first[2 * leaves : 3 * leaves] = self.first[leaves:]
        last[2 * leaves : 3 * leaves] = self.last[leaves:]
        for node in range(2 * leaves - 1, 0, -1):
            first[node] = min(first[2 * node], first[2 * node + 1])
            last[node] = max(last[2 * node], last[2 * node + 1])
        self.leaves, self.first, self.last = 2 * leaves, first, last

    def last_near(self, block: int, low: int, high: int) -> int:
        """The last block up to ``block`` whose span touches [low, high], or -1."""
        node = self.leaves + block
        if block < self.leaves and self.first[node] <= high and self.last[node] >= low:
            return block  # walking on through the blocks near: no search
        return self.find(1, 0, self.leaves - 1, block - 1, low, high)

    def find(self, node: int, start: int, end: int, block: int, low: int, high: int) -> int:
        if start > block or self.first[node] > high or self.last[node] < low:
            return -1
        if start == end:
            return start
        middle = (start + end) // 2
        found = self.find(2 * node + 1, middle + 1, end, block, low, high)
        if found < 0:
            found = self.find(2 * node, start, middle, block, low, high)
        return found


def link(found: list[Candidate]) -> list[Draft]:
    """Dated first-hand reports make steps; undated reports and mentions back them."""
    return absorb_lone_steps(place_all(found))


def place_all(found: list[Candidate]) -> Drafts:
    """Every draft ``link`` opens for the candidates, before lone steps are absorbed."""
    drafts = Drafts()
    first_hand = [c for c in found if (not c.inferred or c.news) and not c.back_reference]
    backing = [c for c in found if (c.inferred and not c.news) or c.back_reference]
    waiting = []  # violations of a truce not yet known in force: its start may be told undated
    for candidate in sorted(first_hand, key=dated_first):
        if awaits_its_truce(drafts, candidate):
            waiting.append(candidate)
        elif not place_first_hand(drafts, candidate):
            backing.append(replace(candidate, day=candidate.published, inferred=True))
    pending = []  # no draft takes them yet: they may open one once the others are placed
    for candidate in sorted(backing, key=lambda c: (c.day, c.event_id)):
        if not place_backing(drafts, candidate, may_open=False):
            pending.append(candidate)
    for candidate in pending:
        place_backing(drafts, candidate)
    for candidate in waiting:
        place_first_hand(drafts, candidate, reported_in_force=True)
    return drafts


def dated_first(candidate: Candidate) -> tuple[int, bool, bool, str]:
    """Rule "the-day's-news-joins-the-dated-step": of one day's reports, those the text dates
    are placed before the undated news of that day ('said on Sunday they had agreed to the
    extension'), which then backs their step: placed first, the news opened a step of its own
    that no dated report can join (only dated reports mark the days a step is found by). An
    extension goes before the day's other reports (``extension_of_the_day``)."""
    return candidate.day, candidate.inferred, candidate.status != "extended", candidate.event_id


def awaits_its_truce(drafts: Drafts, candidate: Candidate) -> bool:
    """Rule "a-violation-waits-for-a-start-told-undated": a dated violation of an agreement
    whose dated steps do not yet bind anyone waits until the undated reports are placed ('the
    army accepted the ceasefire on Saturday, and the truce took effect at 9 p.m.' in Saturday's
    report, then 'accused the RSF of violating the ceasefire' on Monday)."""
    if candidate.status != "violated":
        return False
    return not binding_by(home_of(drafts, candidate), candidate.day)


def reported_in_force_by(draft: Draft | None, day: int) -> bool:
    """Whether a report published by ``day`` tells the draft carried out or agreed, dated or
    not: the agreement was in force by then (the day after, for an agreement)."""
    if draft is None:
        return False
    done = [c for g in draft.by_status.get("implemented", []) for c in g if c.published <= day]
    made = [c for g in draft.by_status.get("agreed", []) for c in g if c.published < day]
    return bool(done or made)


def told_undated(candidate: Candidate) -> bool:
    """Rule "an-undated-breach-is-of-the-agreement-told-before-it": a violation its report
    does not date ('The Thai army accused Cambodian troops of violating the ceasefire', the
    day after a lead told 'agreed to a ceasefire starting at midnight') is of the agreement
    an earlier report told made or carried out, dated or not: its report's day is no day of
    the act, so only what was told by then can bind."""
    return candidate.status == "violated" and candidate.inferred


def absorb_lone_steps(drafts: Drafts) -> list[Draft]:
    """A one-step proposal joins a fuller one that now shares its participants (Russia's
    refusal comes before the refusal reports that name the American proposer)."""
    kept = []
    fuller = [d for d in drafts.opened if len(d.groups) > 1]  # only these ever take more
    for draft in drafts.opened:
        home = None
        if len(draft.groups) == 1:
            home = next(
                (
                    d
                    for d in fuller
                    if d is not draft
                    and all(d.accepts(c) and not reopens(d, c) for c in draft.groups[0])
                ),
                None,
            )
        if home is None:
            kept.append(draft)
            continue
        for candidate in draft.groups[0]:
            place_first_hand(Drafts([home]), candidate)
    return kept


def place_first_hand(drafts: Drafts, candidate: Candidate, reported_in_force: bool = False) -> bool:
    """Add a dated report as a step; False when its date cannot be its own (see below).
    ``reported_in_force``: undated reports of the agreement's start count for a violation."""
    draft = sentence_home(drafts, candidate) or home_of(drafts, candidate)
    if draft is not None and implemented_before_agreed(draft, candidate):
        return False  # one date per sentence: it belongs to the agreement the sentence names
    told_before = reported_in_force or told_undated(candidate)
    binding = binding_by(draft, candidate.day) or (
        told_before and reported_in_force_by(draft, candidate.day)
    )
    if candidate.status == "violated" and not binding:
        return True  # nothing in effect to violate yet: an accusation about the deal, no step
    if candidate.status == "violated" and not candidate.actors:
        return True  # violation-needs-a-violator (a mutual one is no step: ``status_of``)
    extension = extension_of_the_day(draft, candidate)
    if draft is not None and extension is not None:
        drafts.add(draft, candidate, extension)
        return True
    if draft is not None and reopens(draft, candidate):
        draft = None  # proposing or refusing a change to an agreement in force: a new proposal
    if draft is None:
        draft = drafts.open(candidate.subject)
    tolerance = 1 if candidate.status in TOLD_A_DAY_APART else 0
    window = (candidate.day - tolerance, candidate.day + tolerance)
    steps = draft.groups_near(candidate, window)
    group = next((g for g in steps if same_step(g, candidate, window)), None)
    if group is None and candidate.status in ONCE:
        group = same_month_step(draft, candidate)
    if group is None:
        group = told_in_the_same_sentence(draft, candidate)
    drafts.add(draft, candidate, group)
    return True


def sentence_home(drafts: Drafts, candidate: Candidate) -> Draft | None:
    """Rule "one-sentence-tells-a-status-once", across drafts: a report naming no country,
    of a status another report of its sentence was placed with, goes with it ('The ceasefire
    between Thailand and Cambodia collapsed on Friday as artillery fire resumed': the fire
    names no side, and had ended the newest truce of any pair)."""
    if candidate.countries or not candidate.sentence:
        return None
    return drafts.told.get((candidate.status, candidate.sentence))


def told_in_the_same_sentence(draft: Draft, candidate: Candidate) -> list[Candidate] | None:
    """Rule "one-sentence-tells-a-status-once": two events of one sentence read as the same
    status of one proposal, by the same side, are one step ('The ceasefire ... collapsed as
    fighting resumed around Lashio': the truce's end and the fight, both undated, had made
    two collapses). Dated reports find each other by their day already."""
    if not candidate.sentence:
        return None
    group = draft.sentence_groups.get((candidate.status, candidate.sentence))
    if group is None or not same_side(side_of(group[0]), group[0].status, candidate):
        return None
    return group


def extension_of_the_day(draft: Draft | None, candidate: Candidate) -> list[Candidate] | None:
    """Rule "an-acceptance-on-the-day-of-an-extension-is-it": a side accepting the agreement
    on the day a report dates its extension ('The army said on Thursday it had accepted the
    mediators' proposal for a longer truce', beside 'agreed on Thursday to extend the
    ceasefire by 72 hours') accepts the extension: that step, told by one side. None, or the
    extension's group."""
    if draft is None or candidate.status != "accepted" or candidate.inferred:
        return None
    found = draft.groups_near(replace(candidate, status="extended"), (candidate.day, candidate.day))
    return next(
        (g for g in found if any(not c.inferred and c.day == candidate.day for c in g)), None
    )


# what reports of one act may date a day apart: a step made once, and an extension (rule
# "an-extension-retold-a-day-apart-is-one": 'agreed late on Thursday to extend the ceasefire by
# 72 hours' and 'was extended on Friday for another three days' are one; extensions of a truce
# follow each other by its term, days apart)
TOLD_A_DAY_APART = (*ONCE, "extended")


def same_month_step(draft: Draft, candidate: Candidate) -> list[Candidate] | None:
    """Rule "a-step-retold-by-its-month-is-that-step" (as a-step-made-once-is-retold-undated,
    for a retelling that keeps only the month): 'The summit was first agreed in March, when
    Trump accepted Kim's invitation' is the acceptance reported on 8 March, not a second one.
    A step taken once, by the same side, dated by a day in a month one of them gives alone.
    Only the groups with a dated report in the candidate's month are tried (``month_groups``),
    in the order they were opened."""
    groups = draft.by_status.get(candidate.status, [])
    in_month = draft.month_groups.get(candidate.status, {}).get(month_of(candidate.day), [])
    for group in (groups[position] for position in in_month):
        first = group[0]
        if first.status in BY_STATUSES and candidate.actors and first.actors != candidate.actors:
            continue
        members = [c for c in group if not c.inferred]
        if not any(c.month != candidate.month for c in [*members, candidate]):
            continue  # two days, or two months: the usual windows decide
        return group  # it has a dated report in the candidate's month (``month_groups``)
    return None


@lru_cache(maxsize=65536)
def month_of(day: int) -> tuple[int, int]:
    """The year and month of a day (an ordinal)."""
    told = date.fromordinal(day)
    return told.year, told.month


def home_of(drafts: Drafts, candidate: Candidate) -> Draft | None:
    """The newest draft that takes the candidate; for what befalls an agreement in force (an
    expiry, an extension) the newest one in force that takes it, over a refused change to it,
    unless that one is another pair's (``another_pairs``). Drafts are tested only as far as
    needed: this runs for every dated report."""
    taking = (
        d for d in drafts.newest_first(candidate, home_near(candidate)) if d.accepts(candidate)
    )
    first = next(taking, None)
    if first is not None and another_pairs(first, candidate):
        return next((d for d in taking if d.agreeing >= candidate.countries), first)
    if first is None or candidate.status not in LATER_IN_FORCE:
        return first
    if implemented_by(first, candidate.day):
        return first
    in_force = (d for d in taking if implemented_by(d, candidate.day))
    return next((d for d in in_force if not another_pairs(d, candidate)), first)


assert RUNNING_DAYS >= ARRANGING_DAYS >= LINK_DAYS  # ``home_near`` takes the farthest


def home_near(candidate: Candidate) -> tuple[int, int]:
    """The days a draft's steps must come within ``Draft.reach`` of to take a dated report:
    the most that reach gives the candidate's status from a draft before its day and from
    one after it (a draft further off fails ``Draft.accepts`` on its distance; in a story of
    years the walk passes over those drafts without trying each)."""
    status = candidate.status
    before = RUNNING_DAYS if status in CONTINUING or status in LATER_IN_FORCE else ARRANGING_DAYS
    after = RUNNING_DAYS if status in IN_TRAIN else LINK_DAYS
    return candidate.day - before, candidate.day + after


def reopens(draft: Draft, candidate: Candidate) -> bool:
    """Proposing, weighing, accepting or refusing a change to an agreement already in force
    opens a proposal of its own (and a lone one is not folded back into the agreement), and so
    does a new agreement of parties that had agreed before ('a new humanitarian ceasefire')."""
    if candidate.status == "agreed" and candidate.fresh:
        agreed = draft.dated.get("agreed")
        return agreed is not None and agreed[0] < candidate.day  # a-new-agreement-is-its-own
    if candidate.status == "agreed":
        return (
            agreed_again(draft, candidate)
            or ended_by(draft, candidate.day - 1)
            or made_by_another_pair(draft, candidate)
        )
    if candidate.status not in AMENDING:
        return False
    return implemented_by(draft, candidate.day - 1) or ended_by(draft, candidate.day - 1)


def made_by_another_pair(draft: Draft, candidate: Candidate) -> bool:
    """Rule "another-pair's-agreement", for an agreement: two countries agreeing are not the
    agreement two others made, one of them the same ('Thailand and Myanmar agreed on Wednesday
    to a truce' after 'Thailand and Cambodia agreed on Monday to a ceasefire')."""
    mine, theirs = candidate.own_countries, draft.agreeing
    return len(mine) == 2 and len(theirs) == 2 and mine != theirs


def ended_by(draft: Draft, day: int) -> bool:
    """Rule "after-its-end-a-truce-is-another": an agreement that broke down or ran out by
    ``day`` takes no new offer, acceptance or agreement ('agreed on Monday to a ceasefire ...
    Fighting resumed within hours', then 'agreed on Thursday to a truce for the Eid holiday':
    two truces), however its taking effect was told, and however the new one is dated (a
    lead's undated 'agreed to an immediate ceasefire in talks in Doha' after 'the 48-hour
    truce expired on Friday')."""
    return any(
        candidate.day <= day
        for status in ENDING
        for group in draft.by_status.get(status, [])
        for candidate in group
    )


def agreed_again(draft: Draft, candidate: Candidate) -> bool:
    """Rule "an-agreement-is-made-once": an agreement reported first-hand on a day after the
    draft was carried out, and not on (or next to) the day its agreement was made, is another
    agreement of the same parties (a second truce signed weeks after the first took effect).
    Reports that retell an agreement give the day it was made ('the two-month truce agreed on
    April 1', 'The deal, signed in Istanbul last July', 'The agreement, announced ... on
    Wednesday'); an extension is its own status, not a new agreement."""
    if candidate.back_reference:
        return False
    if candidate.inferred:
        return news_agreed_again(draft, candidate)
    if not in_force_by(draft, candidate.day - 1):
        return False
    agreed = draft.dated.get("agreed")
    return agreed is None or not agreed[0] - 1 <= candidate.day <= agreed[1] + 1


def news_agreed_again(draft: Draft, candidate: Candidate) -> bool:
    """Rule "an-agreement-is-made-once", for an agreement a lead tells undated as its news
    ('Sudan's army and the RSF signed a ceasefire in Jeddah, the mediators said', a month
    after a 72-hour truce of theirs took effect and was extended): another agreement, when the
    draft was in force the day before the report and every report of its agreement is two
    days or more older (the same news told by two outlets a day apart stays one)."""
    if not candidate.news or not in_force_by(draft, candidate.day - 1):
        return False
    told = [c.day for group in draft.by_status.get("agreed", []) for c in group]
    return bool(told) and max(told) < candidate.day - 1


def in_force_by(draft: Draft, day: int) -> bool:
    """Whether the draft was in force by ``day``: carried out, extended or violated by then,
    by a report's date or by its publication (rule "an-extended-truce-was-in-force": a truce
    'agreed ... starting at midnight' whose taking effect no report tells, then extended twice,
    was in force; a ceasefire signed weeks later is another)."""
    if implemented_by(draft, day):
        return True
    return any(
        candidate.day <= day or candidate.published <= day
        for status in IN_FORCE_SIGNS
        for group in draft.by_status.get(status, [])
        for candidate in group
    )


# told of an agreement in force, or ended (rule after-its-end-a-truce-is-another)
IN_FORCE_SIGNS = ("implemented", "extended", "violated", *ENDING)


def implemented_before_agreed(draft: Draft, candidate: Candidate) -> bool:
    if candidate.status != "implemented":
        return False
    agreed = draft.dated.get("agreed")  # the days its dated reports of the agreement give
    if agreed is None or candidate.day > agreed[0]:
        return False
    return candidate.day < agreed[0] or told_with_agreement(draft, candidate)


def told_with_agreement(draft: Draft, candidate: Candidate) -> bool:
    """Whether a sentence that tells the agreement tells the act too ('agreed on Wednesday to
    a truce and the release of hostages'); one from another sentence may take effect the day
    it is agreed ('agreed to a ceasefire starting at noon on Saturday')."""
    told = {c.sentence for group in draft.by_status.get("agreed", []) for c in group}
    return not candidate.sentence or candidate.sentence in told


def place_backing(drafts: Drafts, candidate: Candidate, may_open: bool = True) -> bool:
    """An undated report backs a step of the days before it; a mention any earlier step. An
    undated report of an earlier status (agreed, accepted, ...) once the proposal is carried
    out backs that status's step, or is background and no step. False, with ``may_open``
    False, when it would make a step of its own: it waits until every other undated report
    is placed (one that names both sides of a swap lets the report naming one side join)."""
    earliest = candidate.published - (LINK_DAYS if candidate.back_reference else ATTACH_DAYS)
    window = (earliest, candidate.published)
    for draft in drafts.newest_first(candidate, backing_near(candidate, window)):
        reach = once_window(draft, candidate) or window
        if not draft.may_take(candidate, reach):
            continue
        if not draft.accepts(candidate, day=draft.last_day):
            continue
        group = draft.latest_same_step(candidate, reach)
        if group is not None:
            drafts.add(draft, candidate, group)
            return True
        if candidate.status in ONCE and implemented_by(draft, candidate.published):
            earlier = draft.by_status.get(candidate.status)
            if earlier and candidate.status == "agreed":
                drafts.add(draft, candidate, earlier[-1])
            return True
    if candidate.back_reference and candidate.status != "proposed":
        return may_open  # a mention of a step no report gives first-hand says too little
    if not may_open:
        return False
    if not place_first_hand(drafts, candidate):
        # rule "a-start-before-the-agreement-found-is-another's": the draft it was found for
        # was agreed after it (``implemented_before_agreed``), so it is an earlier one's, not
        # lost: it opens its own
        drafts.add(drafts.open(candidate.subject), candidate)
    return True


def backing_near(candidate: Candidate, window: tuple[int, int]) -> tuple[int, int]:
    """The days a draft's steps must touch to take an undated report: begun after the
    report, or over long before it, it is not what the report is about. A status taken more
    than once (an implementation, a violation) is only taken by a draft with a dated report
    of it in ``dated_window`` (``Draft.may_take``), which lies within the draft's steps: the
    walk passes over the others (in a story of years, most of them) without trying each."""
    low, high = candidate.published - RUNNING_DAYS, candidate.published
    if candidate.status in ONCE:
        return low, high  # carried out by then: ``may_take`` whatever its dated steps
    first, last = dated_window(candidate, window)
    return max(low, first), min(high, last)


def once_window(draft: Draft, candidate: Candidate) -> tuple[int, int] | None:
    """Rule "a-step-made-once-is-retold-undated": an undated report of a status a proposal
    takes once (proposed, considered, accepted, declined, agreed) backs the draft's step of
    that status, by the same side, whenever the text dated it ('the expanded truce agreement
    he has presented' and 'The expanded agreement proposed by Grundberg' retell one proposal
    weeks apart; 'Biden proposed the meeting' retells 'In September, Biden proposed a
    meeting'): the days from the draft's first step to the report, or None for other
    statuses (a release or a violation happens again)."""
    if candidate.status not in ONCE or candidate.back_reference:
        return None
    return (min(draft.first_day, candidate.published), candidate.published)


def binding_by(draft: Draft | None, day: int) -> bool:
    """Whether the draft binds its parties on ``day``: carried out by then, or agreed on an
    earlier day (rule "a-deal-binds-from-the-day-after-it-is-made": 'missiles struck the port
    less than a day after Moscow signed the deal' violates it; an accusation on the day of the
    agreement is about the deal, not a breach of it). Rule "an-extended-agreement-binds": an
    agreement extended on an earlier day was in force ('The two sides agreed Wednesday to
    extend the halt in fighting', then Thursday's charge of violating the cease-fire), even
    when no report tells it made or carried out."""
    if implemented_by(draft, day):
        return True
    dated = {} if draft is None else draft.dated
    return any(dated.get(status, (day,))[0] < day for status in ("agreed", "extended"))


def implemented_by(draft: Draft | None, day: int) -> bool:
    """Whether a step of the draft carried it out on or before ``day``."""
    if draft is None or draft.first_implemented is None:
        return False
    return draft.first_implemented <= day


# -- drafts to proposals ---------------------------------------------------------------------


def step_of(group: list[Candidate]) -> Step:
    """A step from its reports: dated by the day most reports give (a day over a month, a
    month over the reports' publication), 'YYYY-MM' when only a month is known."""
    dated = [c.day for c in group if not c.inferred and not c.month]
    months = [c.day for c in group if c.month]
    days = dated or months or [c.day for c in group]
    day = sorted(Counter(days).items(), key=lambda item: (-item[1], item[0]))[0][0]
    shown = date.fromordinal(day).isoformat()
    first = group[0]
    detail = f"alleged by {', '.join(first.alleged_by)}" if first.alleged_by else None
    actors = first.actors
    if first.status == "implemented":
        actors = tuple(sorted({actor for c in group for actor in c.actors}))
    return Step(
        date=shown if dated or not months else shown[:7],
        status=first.status,
        actors=actors,
        event_ids=tuple(sorted(c.event_id for c in group)),
        date_inferred=not (dated or months),
        detail=detail,
    )


def side_figures(group: list[Candidate]) -> list[int]:
    """Each side's figure in a stage, in the order the reports give them ('16 for 8'); one
    figure when a report gives the same figure to both sides. Rule
    "a-joint-release-is-the-whole": a release both sides made ("Twelve soldiers were freed in
    the exchange between Armenia and Azerbaijan") gives the stage's whole, not a side's
    figure, so with one side's ("Azerbaijan freed six Armenian troops") the other side freed
    the rest ('6 for 6', not '6 for 12')."""
    figures: dict[tuple[str, ...], int] = {}
    wholes: list[int] = []
    for candidate in sorted(group, key=lambda c: (c.day, c.event_id)):
        if candidate.figure and frees_with_the_other_side(candidate, group):
            wholes.append(candidate.figure)
        elif candidate.figure and candidate.actors:
            figures.setdefault(candidate.actors, candidate.figure)
    if len(figures) == 1 and wholes:
        (side,) = figures.values()
        rest = max(wholes) - side
        return [side, rest] if rest > 0 else [side]
    return list(dict.fromkeys(figures.values())) if len(figures) > 1 else list(figures.values())


def frees_with_the_other_side(candidate: Candidate, group: list[Candidate]) -> bool:
    """Whether the release is told of both sides together: its doers take in another
    report's single side as well as a country of their own ("Russia and Belarus released 16
    people" beside Germany's release is one side of two countries, not the whole)."""
    mine = candidate.own_countries
    return len(mine) > 1 and any(
        other is not candidate
        and other.figure
        and len(other.own_countries) == 1
        and other.own_countries < mine
        for other in group
    )


def with_progress(
    steps: list[Step], groups: list[list[Candidate]], total: int | None
) -> list[Step]:
    """Each stage of an exchange with each side's figure ('3 for 90'), or, when both sides
    free the same number, that number and the running total ('130 each; 260 of 390 so far')."""
    done = 0
    result = []
    for step, group in zip(steps, groups, strict=True):
        # a stage of an exchange, whose first report may name no deal
        if step.status == "implemented" and any(c.subject == EXCHANGE for c in group):
            counts = Counter(c.prisoners for c in group if c.prisoners)
            figures = side_figures(group)
            if any(c.each for c in group) and counts:
                stage = counts.most_common(1)[0][0]
                done += stage
                of = f" of {total:,}" if total else ""
                step = replace(step, detail=f"{stage:,} each; {done:,}{of} so far")
            elif len(figures) == 2:
                step = replace(step, detail=f"{figures[0]:,} for {figures[1]:,}")
            elif pair := next((c.pair for c in group if len(c.pair) == 2), ()):
                step = replace(step, detail=f"{pair[0]:,} for {pair[1]:,}")  # 24 for 39
        result.append(step)
    return result


def proposal_of(draft: Draft) -> Proposal:
    made = sorted(  # each group's step made once (a long story's proposal has thousands)
        ((step_of(g), g) for g in draft.groups),
        key=lambda pair: (pair[0].date or "", STATUS_ORDER.get(pair[1][0].status, 99)),
    )
    ordered = [group for _, group in made]
    steps = with_progress([step for step, _ in made], ordered, draft.terms.get("a"))
    first_event = min(c.event_id for g in draft.groups for c in g)
    return Proposal(
        id=hashed_id("p", f"{draft.subject}|{first_event}"),
        subject=draft.subject,
        terms=dict(draft.terms),
        proposer=proposer_of(ordered),
        participants=tuple(sorted(parties_of(draft))),
        steps=tuple(steps),
    )


def parties_of(draft: Draft) -> frozenset[str]:
    """Rule "a-third-party-proposer-is-no-party": a country that proposes something between
    two others ("Malaysia proposed a ceasefire between Thailand and Cambodia", "Togo proposed
    that Burkina Faso and Ivory Coast swap detained soldiers", "Qatar proposed a truce between
    Congo's government and the M23") and takes no other step of it is a broker, not a side,
    when the others take steps of it; it stays the proposer. One who proposes to one other
    ("Russia proposed a ceasefire to Ukraine") is a side."""
    candidates = [candidate for group in draft.groups for candidate in group]
    between = [c for c in candidates if c.status == "proposed" and len(c.counterparts) > 1]
    proposing = frozenset().union(*(c.own_countries for c in between))
    acting = frozenset().union(*(c.own_countries for c in candidates if c.status != "proposed"))
    sides = draft.countries - (proposing - acting)
    # rule the-author-of-a-proposal-between-others-is-no-party: named so by an answer
    authors = frozenset().union(*(c.authors for c in candidates)) - acting
    if authors and sides - authors:
        return frozenset(sides - authors)
    return frozenset(sides) if sides & acting else frozenset(draft.countries)


def proposer_of(groups: list[list[Candidate]]) -> tuple[str, ...]:
    """Who made the proposal: the first proposer, else whose offer was accepted or declined."""
    for group in groups:
        if group[0].status == "proposed" and group[0].actors:
            return group[0].actors
    for group in groups:
        if group[0].status in ("accepted", "declined") and group[0].counterparts:
            return group[0].counterparts
    return ()


def proposals_may_change(connection: Any) -> bool:
    """Whether deriving the proposals again could change them: an event not read before reads
    as a step, or an event tracking had seen is gone. Proposals are made of candidates only,
    and every candidate placed is a step's evidence, so an ingest of events none of which is a
    candidate (most conflict reports) leaves them as they are. Reads, writes nothing."""
    if clusters_lost_members(connection):
        return True
    return any(found is not None for _, found in new_readings(connection))


def keep_new_readings(connection: Any) -> list[Candidate] | None:
    """What may change the proposals, keeping what the new events read as on the way (an
    update reads each new event once: its reading is then linked from the kept table): the
    new candidates (none: the proposals stay as they are), or None when an event tracking had
    seen is gone (every proposal is derived again)."""
    lost = clusters_lost_members(connection)  # before clustering forgets the emptied clusters
    found = read_new_candidates(connection)
    return None if lost else found


def readings_kept_beside(
    store: Store, helper: Executor | None
) -> Callable[[], list[Candidate] | None]:
    """``keep_new_readings`` in two halves, so that an idle worker process (``helper``: the
    pool of a run with jobs) reads the new events while this one links their pairs: the
    events gone are found now (before clustering forgets them), the readings asked for, and
    the returned call keeps them, or reads them here if the worker could not. Without a
    helper, or for a store another process cannot open (PostgreSQL, in memory), everything
    is read now, as one job does."""
    connection = store.connection
    if helper is None or store.dialect != "sqlite" or not Path(store.path).is_file():
        found = keep_new_readings(connection)
        return lambda: found
    lost = clusters_lost_members(connection)
    try:
        reading: Future[list[tuple[str, Candidate | None]]] | None = helper.submit(
            readings_at, str(store.path)
        )
    except (BrokenExecutor, RuntimeError):  # a pool a dead worker broke, or shut down
        reading = None

    def keep() -> list[Candidate] | None:
        try:
            readings = reading.result() if reading is not None else new_readings(connection)
        except (BrokenExecutor, StoreError, sqlite3.Error):  # read here: the same events
            readings = new_readings(connection)
        found = keep_readings(connection, readings)
        return None if lost else found

    return keep


def derive_proposals(store: Store, reread: bool = False) -> list[Proposal]:
    """Link the kept candidates into proposals and store those that changed. ``reread``:
    read every event again first (a rebuild: the rules or word lists may have changed)."""
    with store.transaction() as connection:
        if reread:
            clear_candidates(connection)
        found = relink_all(connection, candidates(connection))
        if reread:
            set_spans(connection)  # a proposal stored alike may hold readings read anew
        return found


def relink_all(connection: Any, kept: list[Candidate]) -> list[Proposal]:
    """Link every kept candidate and store the proposals that changed."""
    made = MADE.make(link(kept))
    found = [item for item, _ in made if item.steps]
    write_changed(connection, found, digests={item.id: digest for item, digest in made})
    return found


class Made:
    """The proposals the last full linking made, each with its digest, by the candidate
    objects of each of its steps: linking all again after a new report changes a few drafts
    of a long store, and the others are made of the same candidates (kept readings are decoded
    once per text, ``candidate_from_json``), so they give the same proposal. The candidates
    are held here, so the ids in a key cannot name other objects."""

    def __init__(self) -> None:
        self.known: dict[tuple[Any, ...], tuple[Proposal, str, list[list[Candidate]]]] = {}

    def make(self, drafts: list[Draft]) -> list[tuple[Proposal, str]]:
        known: dict[tuple[Any, ...], tuple[Proposal, str, list[list[Candidate]]]] = {}
        made = []
        for draft in drafts:
            key = (
                draft.subject,
                tuple(draft.terms.items()),
                tuple(sorted(draft.countries)),
                tuple(tuple(map(id, group)) for group in draft.groups),
            )
            found = self.known.get(key)
            if found is None:
                item = proposal_of(draft)
                found = (item, proposal_digest(item), [list(g) for g in draft.groups])
            known[key] = found
            made.append(found[:2])
        self.known = known
        return made


MADE = Made()


def write_changed(
    connection: Any,
    found: list[Proposal],
    replacing: Iterable[str] | None = None,
    stored: dict[str, str | None] | None = None,
    digests: dict[str, str] | None = None,
) -> None:
    """Store ``found`` in place of the stored proposals ``replacing`` (all when None): those
    stored alike stay, the rest are replaced. ``stored``: their digests, when read already;
    ``digests``: those of ``found``, when made already."""
    stored = proposal_digests(connection) if stored is None else stored
    if digests is None:
        digests = {item.id: proposal_digest(item) for item in found}
    replaced = stored.keys() if replacing is None else replacing
    delete_proposals(connection, [pid for pid in replaced if digests.get(pid) != stored[pid]])
    saved = [item for item in found if stored.get(item.id) != digests[item.id]]
    for item in saved:
        save_proposal(connection, item, digests[item.id])
    set_spans(connection, [item.id for item in saved])


def proposal_digest(item: Proposal) -> str:
    """A digest of the proposal's content: the JSON of ``asdict(item)`` (built by hand: asdict
    copies every value, most of the digest's time on a large proposal)."""
    data = {name: getattr(item, name) for name in PROPOSAL_FIELDS}
    data["steps"] = [{name: getattr(step, name) for name in STEP_FIELDS} for step in item.steps]
    text = json.dumps(data, sort_keys=True, default=sorted)
    return hashlib.sha1(text.encode()).hexdigest()


PROPOSAL_FIELDS = tuple(item.name for item in fields(Proposal))
STEP_FIELDS = tuple(item.name for item in fields(Step))


# -- reads -----------------------------------------------------------------------------------


def proposals(
    store: Store, *, status: str | None = None, actor: str | None = None
) -> list[Proposal]:
    """Stored proposals, earliest first; ``status`` is the current status, ``actor`` a
    participant country code or part of a name in any step."""
    found = [read_proposal(store.connection, row) for row in proposal_rows(store.connection)]
    if status:
        found = [item for item in found if item.steps and item.steps[-1].status == status]
    if actor:
        found = [item for item in found if takes_part(item, actor)]
    return found


def proposal(store: Store, proposal_id: str) -> Proposal:
    row = proposal_row(store.connection, proposal_id)
    if row is None:
        raise NotFoundError(f"no proposal with id {proposal_id!r}")
    return read_proposal(store.connection, row)


def read_proposal(connection: Any, row: Any) -> Proposal:
    steps = []
    for step in step_rows(connection, row["id"]):
        steps.append(
            Step(
                date=step["date"],
                status=step["status"],
                actors=tuple(json.loads(step["actors"])),
                event_ids=tuple(evidence_ids(connection, step["id"])),
                date_inferred=bool(step["date_inferred"]),
                detail=step["detail"],
            )
        )
    return Proposal(
        id=row["id"],
        subject=row["subject"],
        terms=json.loads(row["terms"]),
        proposer=tuple(json.loads(row["proposer"])),
        participants=tuple(json.loads(row["participants"])),
        steps=tuple(steps),
    )


def takes_part(item: Proposal, actor: str) -> bool:
    wanted = actor.casefold()
    if any(wanted == code.casefold() for code in item.participants):
        return True
    names = [*item.proposer, *(name for step in item.steps for name in step.actors)]
    return any(wanted in name.casefold() for name in names)


# -- why an event reads as no step (for ``accord cluster-eval``) -----------------------------


# the stages of reading an event, in order; the first that stops it is the cause
def no_step_cause(row: Any) -> str:
    """The first reading stage that makes an event no step, read from its sentence alone
    (its report's other sentences can still give it a subject: 'read otherwise')."""
    sentence = row["sentence"]
    trigger_at = max(0, row["start"] - row["sentence_start"])
    type_mode = (row["type"], row["mode"])
    if row["modality"] in SKIPPED_MODALITIES:
        return f"modality {row['modality']}"
    lowered = sentence.lower()
    subject = (
        MEETING_SUBJECT
        if tells_a_meeting(sentence, trigger_at, type_mode)
        else find_subject(sentence, trigger_at, type_mode)
    )
    if subject is None:
        return "no subject named"
    if is_denial(denial_scope(lowered, trigger_at)):
        return "a denial"
    if is_a_verdict(row):
        return "a court's verdict"
    status = act_status(row, sentence, trigger_at, 1, subject)
    if status is None:
        return "no status told"
    if status == "violated" and is_mutual(lowered):
        return "a mutual accusation"
    if status in ("proposed", "accepted") and subject_data()["adherence_regex"].search(sentence):
        return "a call to keep it"
    return "read otherwise"
