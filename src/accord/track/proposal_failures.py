"""Why proposal histories fail, as totals.

A history is scored strictly (every step, in order, in one proposal), so a single wrong
figure hides what went wrong. Here each expected history is aligned with the shown one, step
by step, and each wrong history is given its named failures (FAILURES, in order); the missing
steps are told by where their evidence went, the misdated ones by which way the date is off.
Every figure is a count, so the table may be read on a held-out fold without reading its text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from accord.track.evaluate import ProposalOutcome, StepOutcome

# where the evidence of an expected step went (ProposalOutcome.readings)
HELD = "held"  # a step of the proposal scored
ELSEWHERE = "elsewhere"  # a step of another proposal only
NONE = "none"  # read as no step of any proposal
MENTION = "mention"  # as NONE, its sentences only restating events told in other sentences


@dataclass(frozen=True)
class Alignment:
    """Expected steps paired with shown ones of the same status, in order."""

    pairs: tuple[tuple[int, int], ...]  # (expected index, shown index)
    missing: tuple[int, ...]  # expected steps with no shown step
    extra: tuple[int, ...]  # shown steps with no expected step


def align_steps(expected: tuple[StepOutcome, ...], shown: tuple[StepOutcome, ...]) -> Alignment:
    """The order-keeping pairing of most steps by status, among those the most by date too."""
    rows, cols = len(expected), len(shown)
    best = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1])
            if expected[i].same_status(shown[j]):
                gain = 3 if expected[i].matches(shown[j]) else 2
                best[i][j] = max(best[i][j], best[i + 1][j + 1] + gain)
    pairs, i, j = [], 0, 0
    while i < rows and j < cols:
        gain = (
            (3 if expected[i].matches(shown[j]) else 2) if expected[i].same_status(shown[j]) else 0
        )
        if gain and best[i][j] == best[i + 1][j + 1] + gain:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    paired_expected = {a for a, _ in pairs}
    paired_shown = {b for _, b in pairs}
    return Alignment(
        pairs=tuple(pairs),
        missing=tuple(i for i in range(rows) if i not in paired_expected),
        extra=tuple(j for j in range(cols) if j not in paired_shown),
    )


def misdated(outcome: ProposalOutcome, alignment: Alignment) -> list[tuple[int, int]]:
    """Paired steps whose date is not the expected one."""
    return [(i, j) for i, j in alignment.pairs if not outcome.expected[i].matches(outcome.shown[j])]


def final_status_wrong(outcome: ProposalOutcome, _: Alignment) -> bool:
    if not outcome.expected:
        return False
    return not outcome.shown or outcome.shown[-1].status != outcome.expected[-1].status


HistoryCheck = Callable[[ProposalOutcome, Alignment], bool]

# the named ways a history fails, in the order they are printed; one history may fail several
FAILURES: tuple[tuple[str, HistoryCheck], ...] = (
    ("no proposal holds its evidence", lambda outcome, _: outcome.proposals == 0),
    ("split over several proposals", lambda outcome, _: outcome.proposals > 1),
    ("sharing its proposal with another history", lambda outcome, _: outcome.shares_proposal),
    ("a step missing", lambda _, alignment: bool(alignment.missing)),
    ("an extra step", lambda _, alignment: bool(alignment.extra)),
    ("a step's date wrong", lambda outcome, alignment: bool(misdated(outcome, alignment))),
    ("final status wrong", final_status_wrong),
)

# why an expected step is missing from the history scored, by where its evidence went
MISSING_CAUSES = {
    NONE: "read as no step",
    MENTION: "read as no step, told only as a restatement of another sentence's event",
    ELSEWHERE: "a step of another proposal",
    HELD: "in this proposal under another status or another step",
}


# why a shown step is extra, by what its evidence is labelled as
REPEATS = "repeats a step of this history"
ANOTHER_HISTORY = "a step of another expected history"
UNLABELLED = "from sentences no expected step names"


def extra_cause(outcome: ProposalOutcome, step: StepOutcome) -> str:
    """What an extra step's evidence is: a step told again, another history's, or neither."""
    evidence = set(step.evidence)
    if evidence & outcome.labelled:
        told = [want for want in outcome.expected if evidence & set(want.evidence)]
        if told:
            want = told[0]
            when = "same day" if want.matches(replace(step, status=want.status)) else "another day"
            return f"{REPEATS} ({want.status} told again as {step.status}, {when})"
        return REPEATS
    return ANOTHER_HISTORY if evidence & outcome.labelled_elsewhere else UNLABELLED


def date_error(want: StepOutcome, got: StepOutcome) -> str:
    """Which way a shown date is off: undated, earlier or later than the expected one."""
    if not got.date:
        return "shown undated"
    size = 7 if want.precision == "month" else 10
    return "shown earlier" if got.date[:size] < (want.date or "")[:size] else "shown later"


EXCHANGE_FIGURES = (
    re.compile(r"(\d[\d,]*)\b[^;]*?\bfor (\d[\d,]*)"),  # '3 hostages for 90 prisoners'
    re.compile(r"(\d[\d,]*) each"),  # '390 each'
)


def exchange_figures(detail: str | None) -> tuple[int, ...]:
    """Each side's figure in an exchange step's detail, smallest first ('3 for 90': 3, 90)."""
    for pattern in EXCHANGE_FIGURES:
        found = pattern.search(detail or "")
        if found:
            numbers = [int(group.replace(",", "")) for group in found.groups()]
            return tuple(sorted(numbers * (2 if len(numbers) == 1 else 1)))
    return ()


@dataclass(frozen=True)
class FailureTotals:
    """The counts ``accord cluster-eval --totals`` prints under the proposal histories."""

    wrong: int
    failures: Counter[str]  # failure name -> wrong histories with it
    missing_causes: Counter[str]
    missing_statuses: Counter[str]
    extra_statuses: Counter[str]
    extra_causes: Counter[str]
    date_errors: Counter[str]
    unread_kinds: Counter[str]  # type and modality of the evidence events read as no step
    unextracted: int  # expected steps with no event in any evidence sentence
    parties_complete: tuple[int, int]  # (found proposals with every expected party, found)
    brokers_apart: tuple[int, int]  # (found proposals with no expected broker as a party, found)
    exchanges_right: tuple[int, int]  # (exchange steps with each side's figure right, checked)


def failure_totals(outcomes: tuple[ProposalOutcome, ...]) -> FailureTotals:
    """Add up why each checked history is wrong, and the party and exchange checks of all."""
    failures: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    extra_why: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    wrong = parties_found = parties_complete = exchanges = exchanges_right = 0
    brokers_found = brokers_apart = 0
    for outcome in outcomes:
        if not outcome.checked:
            continue
        alignment = align_steps(outcome.expected, outcome.shown)
        if outcome.proposals:
            parties_found += 1
            parties_complete += not outcome.parties_missing
        if outcome.proposals and outcome.brokers_checked:
            brokers_found += 1
            brokers_apart += not outcome.brokers_as_parties
        for i, j in alignment.pairs:
            figures = exchange_figures(outcome.expected[i].detail)
            if figures and outcome.expected[i].status == "implemented":
                exchanges += 1
                exchanges_right += exchange_figures(outcome.shown[j].detail) == figures
        if outcome.right:
            continue
        wrong += 1
        failures.update(name for name, check in FAILURES if check(outcome, alignment))
        for i in alignment.missing:
            missing[outcome.expected[i].status] += 1
            reading = outcome.readings[i] if i < len(outcome.readings) else NONE
            causes[MISSING_CAUSES[reading]] += 1
        unread.update(outcome.unread_kinds)
        extra.update(outcome.shown[j].status for j in alignment.extra)
        extra_why.update(extra_cause(outcome, outcome.shown[j]) for j in alignment.extra)
        dates.update(
            date_error(outcome.expected[i], outcome.shown[j])
            for i, j in misdated(outcome, alignment)
        )
    return FailureTotals(
        wrong=wrong,
        failures=failures,
        missing_causes=causes,
        missing_statuses=missing,
        extra_statuses=extra,
        extra_causes=extra_why,
        date_errors=dates,
        unread_kinds=unread,
        unextracted=sum(outcome.unextracted for outcome in outcomes),
        parties_complete=(parties_complete, parties_found),
        brokers_apart=(brokers_apart, brokers_found),
        exchanges_right=(exchanges_right, exchanges),
    )


def counted(counter: Counter[str], order: tuple[str, ...] = ()) -> str:
    """'a 2, b 1' in the given order first, then by count."""
    names = [name for name in order if counter[name]]
    names += [name for name, _ in counter.most_common() if name not in names]
    return ", ".join(f"{name} {counter[name]}" for name in names) or "none"


def failure_lines(totals: FailureTotals) -> list[str]:
    """The totals table: counts only, no proposal named."""
    failure_names = tuple(name for name, _ in FAILURES)
    lines = [f"  why wrong ({totals.wrong} histories): {counted(totals.failures, failure_names)}"]
    if totals.missing_statuses:
        lines.append(
            f"  steps missing ({sum(totals.missing_statuses.values())}): "
            f"{counted(totals.missing_causes, tuple(MISSING_CAUSES.values()))}; "
            f"by status: {counted(totals.missing_statuses)}"
        )
    if totals.unread_kinds:
        lines.append(f"  evidence events read as no step: {counted(totals.unread_kinds)}")
    if totals.extra_statuses:
        lines.append(
            f"  extra steps ({sum(totals.extra_statuses.values())}): "
            f"{counted(totals.extra_causes, (REPEATS, ANOTHER_HISTORY, UNLABELLED))}; "
            f"by status: {counted(totals.extra_statuses)}"
        )
    if totals.date_errors:
        lines.append(
            f"  dates wrong ({sum(totals.date_errors.values())}): {counted(totals.date_errors)}"
        )
    complete, found = totals.parties_complete
    right, checked = totals.exchanges_right
    apart, brokered = totals.brokers_apart
    lines.append(
        f"  expected steps with no extracted evidence: {totals.unextracted}; "
        f"every expected party among the proposal's: {complete} of {found}; "
        f"exchange figures right: {right} of {checked}; "
        f"no broker among the proposal's parties: {apart} of {brokered}"
    )
    return lines
