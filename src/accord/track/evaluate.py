"""Score the canonical events against a golden grouping, event by event.

A golden file lists groups of (article file, sentence substring[, PLOVER type]) items, each
group one real-world event. An item is found when an event of the article named by the file
has that substring in its sentence or in one of its restating mentions (and that type, when
given); of several, those whose trigger lies in the labelled words, in whichever of their
sentences holds them. Two items of one article that are one event (a lead and the body's
sentence merged into it) count once. Items not found are extraction
misses: they are listed, and left out of the score (tracking cannot group what is not there).

Besides pairwise precision and recall, each golden event gets its outcome: how many canonical
events its found members fall into (more than one: split), which other golden events share a
canonical event with it (a wrong merge), and whether it is held whole. Where the golden file
gives expected count ranges (``counts``), the canonical event holding most of the event's
members is checked against them; a golden proposals file (``expected_proposals.json``) checks
each proposal's status history. The formats are in tests/corpus_coverage/README.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from accord.store import Store
from accord.store.tracking import (
    cluster_of_event,
    event_kind,
    events_in_sentence,
    evidence_ids,
    kept_reading,
    proposal_row,
    proposal_rows,
    reading_row,
    step_owner_rows,
    step_rows,
    trigger_offsets,
    trigger_spans,
)
from accord.store.tracking import outlet_of as stored_outlet_of
from accord.track.proposals import Candidate, candidate_from_json, no_step_cause

Item = tuple[str, str, str | None]  # (article file, sentence substring, type or None)
Range = tuple[int, int, int]  # (low, best, high)


@dataclass(frozen=True)
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int
    found: int  # golden items found among the extracted events
    missing: tuple[Item, ...]  # golden items the pipeline did not extract


@dataclass(frozen=True)
class EventOutcome:
    """What tracking made of one golden event."""

    name: str
    members: int  # golden members
    found: int  # of those, extracted
    outlets: int  # outlets among the found members
    pieces: int  # canonical events the found members fall into (more than one: split)
    merged_with: tuple[str, ...]  # other golden events sharing a canonical event with it

    @property
    def multi_outlet(self) -> bool:
        return self.outlets >= 2

    @property
    def held(self) -> bool:
        """All found members in one canonical event."""
        return self.found > 0 and self.pieces == 1


@dataclass(frozen=True)
class CountOutcome:
    """An expected count range and the one the event's canonical event shows."""

    event: str
    kind: str
    expected: Range
    shown: Range | None

    @property
    def right(self) -> bool:
        return self.shown == self.expected


@dataclass(frozen=True)
class StepOutcome:
    status: str
    date: str | None
    precision: str = "day"  # 'month': only the month is compared
    detail: str | None = None  # the expected or shown detail ('3 for 90')
    evidence: tuple[str, ...] = ()  # the step's events (expected: those its evidence names)

    def matches(self, shown: StepOutcome) -> bool:
        """The same status, and the same date (any, when none is expected)."""
        if self.status != shown.status:
            return False
        if self.date is None:
            return True
        size = 7 if self.precision == "month" else 10
        return (shown.date or "")[:size] == self.date[:size]

    def same_status(self, shown: StepOutcome) -> bool:
        return self.status == shown.status


@dataclass(frozen=True)
class ProposalOutcome:
    """An expected status history and the history of the proposal that holds its evidence."""

    name: str
    expected: tuple[StepOutcome, ...]  # the steps with extracted evidence
    shown: tuple[StepOutcome, ...]  # the steps of the proposal holding most of it ('' if none)
    proposals: int  # proposals the found evidence is spread over (a package deal: one)
    readings: tuple[str, ...] = ()  # per expected step: where its evidence went (READINGS)
    unextracted: int = 0  # expected steps none of whose evidence sentences gave an event
    parties_missing: tuple[str, ...] = ()  # expected parties' countries the proposal lacks
    brokers_checked: bool = False  # the expected history names a broker by a country code
    brokers_as_parties: tuple[str, ...] = ()  # expected brokers' countries among its parties
    labelled: frozenset[str] = frozenset()  # events of this history's evidence
    labelled_elsewhere: frozenset[str] = frozenset()  # events of the other histories' evidence
    unread_kinds: tuple[str, ...] = ()  # type and modality of each step's evidence read as none
    held_in: str | None = None  # the stored proposal scored (the one holding most evidence)
    shares_proposal: bool = False  # another expected history is scored on the same proposal

    @property
    def checked(self) -> bool:
        """False when no evidence sentence of it was extracted."""
        return bool(self.expected)

    @property
    def right(self) -> bool:
        if self.proposals != 1 or len(self.expected) != len(self.shown):
            return False
        return all(want.matches(got) for want, got in zip(self.expected, self.shown, strict=True))


@dataclass(frozen=True)
class TrackingReport:
    """Everything ``accord cluster-eval`` prints."""

    pairwise: PairwiseScore
    events: tuple[EventOutcome, ...]
    counts: tuple[CountOutcome, ...]
    proposals: tuple[ProposalOutcome, ...]

    @property
    def multi_outlet(self) -> int:
        return sum(event.multi_outlet for event in self.events)

    @property
    def multi_outlet_held(self) -> int:
        return sum(event.multi_outlet and event.held for event in self.events)

    @property
    def split(self) -> int:
        return sum(event.pieces > 1 for event in self.events)

    @property
    def wrong_merges(self) -> int:
        """Pairs of golden events that share a canonical event."""
        return sum(len(event.merged_with) for event in self.events) // 2

    @property
    def count_events(self) -> tuple[int, int]:
        """(events whose every expected range is right, events with expected ranges)."""
        by_event: dict[str, bool] = {}
        for outcome in self.counts:
            by_event[outcome.event] = by_event.get(outcome.event, True) and outcome.right
        return sum(by_event.values()), len(by_event)

    @property
    def proposal_histories(self) -> tuple[int, int]:
        """(histories right, histories checked)."""
        checked = [outcome for outcome in self.proposals if outcome.checked]
        return sum(outcome.right for outcome in checked), len(checked)


def load_gold(path: str | Path) -> list[list[Item]]:
    return [members for _, members, _ in load_gold_events(path)]


def load_gold_events(path: str | Path) -> list[tuple[str, list[Item], dict[str, Any]]]:
    """(name, members, expected counts) of each golden event."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        (
            group.get("name", f"event {number + 1}"),
            [(item[0], item[1], item[2] if len(item) > 2 else None) for item in group["members"]],
            group.get("counts") or {},
        )
        for number, group in enumerate(data["clusters"])
    ]


def find_event(store: Store, item: Item) -> str | None:
    """The id of the event an item names, or None: of the events of its type in its sentence,
    the first (in article order) whose trigger lies in the labelled words, else the first
    ("Drones hit a block on Saturday night, two days after a missile strike on the station
    killed 23": the item 'a missile strike on the station killed 23' is the strike's)."""
    return next(iter(events_named(store, item)), None)


def trigger_in(store: Store, event_id: str, substring: str) -> bool:
    """Whether the event's trigger lies in ``substring`` of one of the sentences that tell it:
    its evidence sentence or the sentence of a mention merged into it. An event is found by any
    of its sentences (``find_events``), so its trigger is looked for in each of them too: read
    in its own sentence only, an event found by a restating mention never passed, and
    ``events_named`` kept the wrong events of that sentence or all of them."""
    for sentence, start, end in trigger_spans(store.connection, event_id):
        at = sentence.find(substring)
        if 0 <= at <= start and end <= at + len(substring):
            return True
    return False


def find_events(store: Store, item: Item) -> list[str]:
    """Ids of the events an item names, in article order."""
    file, substring, type_ = item
    return events_in_sentence(store.connection, file, substring, type_)


def cluster_of(store: Store, event_id: str) -> str:
    return cluster_of_event(store.connection, event_id) or f"untracked:{event_id}"


def outlet_of(store: Store, event_id: str) -> str:
    return stored_outlet_of(store.connection, event_id)


def score_grouping(store: Store, gold_path: str | Path) -> PairwiseScore:
    """Pairwise P/R/F1 of the stored clusters over the golden items that were extracted."""
    return evaluate_tracking(store, gold_path).pairwise


def evaluate_tracking(
    store: Store, gold_path: str | Path, proposals_path: str | Path | None = None
) -> TrackingReport:
    """Pairwise scores, each golden event's outcome, count ranges and proposal histories."""
    events = load_gold_events(gold_path)
    gold_of: dict[str, int] = {}
    missing: list[Item] = []
    for number, (_, members, _) in enumerate(events):
        for item in members:
            event_id = find_event(store, item)
            if event_id is None:
                missing.append(item)
            else:
                gold_of.setdefault(event_id, number)
    predicted_of = {event_id: cluster_of(store, event_id) for event_id in gold_of}
    pairwise = pairwise_score(gold_of, predicted_of, missing)
    outcomes, counts = [], []
    for number, (name, members, expected_counts) in enumerate(events):
        found = [event_id for event_id, gold in gold_of.items() if gold == number]
        clusters = Counter(predicted_of[event_id] for event_id in found)
        partners = {
            gold_of[other]
            for other, cluster in predicted_of.items()
            if cluster in clusters and gold_of[other] != number
        }
        outcomes.append(
            EventOutcome(
                name=name,
                members=len(members),
                found=len(found),
                outlets=len({outlet_of(store, event_id) for event_id in found}),
                pieces=len(clusters),
                merged_with=tuple(events[other][0] for other in sorted(partners)),
            )
        )
        if expected_counts and clusters:
            main = sorted(clusters.items(), key=lambda item: (-item[1], item[0]))[0][0]
            counts.extend(count_outcomes(store, name, main, expected_counts))
    proposals = (
        tuple(proposal_outcomes(store, proposals_path)) if proposals_path is not None else ()
    )
    return TrackingReport(pairwise, tuple(outcomes), tuple(counts), proposals)


def pairwise_score(
    gold_of: dict[str, int], predicted_of: dict[str, str], missing: list[Item]
) -> PairwiseScore:
    gold_pairs = predicted_pairs = true_pairs = 0
    for a, b in combinations(sorted(gold_of), 2):
        same_gold = gold_of[a] == gold_of[b]
        same_predicted = predicted_of[a] == predicted_of[b]
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        true_pairs += same_gold and same_predicted
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(
        precision, recall, f1, true_pairs, predicted_pairs, gold_pairs, len(gold_of), tuple(missing)
    )


def count_outcomes(
    store: Store, name: str, cluster_id: str, expected: dict[str, dict[str, int]]
) -> list[CountOutcome]:
    from accord.track.summary import canonical_event

    shown: dict[str, Range] = {}
    if not cluster_id.startswith("untracked:"):
        for count in canonical_event(store, cluster_id).counts:
            shown[count.kind] = (count.low, count.best, count.high)
    return [
        CountOutcome(name, kind, (want["low"], want["best"], want["high"]), shown.get(kind))
        for kind, want in sorted(expected.items())
    ]


def proposal_outcomes(store: Store, path: str | Path) -> list[ProposalOutcome]:
    """Each expected proposal against the stored proposal that holds most of its evidence."""
    expected: list[dict[str, Any]] = json.loads(Path(path).read_text(encoding="utf-8"))
    proposal_of = step_owners(store)
    found_of = [[evidence_events(store, step) for step in item["steps"]] for item in expected]
    labelled_of = [{e for found in steps for e in found} for steps in found_of]
    outcomes = []
    for number, (item, found_steps) in enumerate(zip(expected, found_of, strict=True)):
        wanted, holders, held_by, unread = [], Counter(), [], []
        for step, found in zip(item["steps"], found_steps, strict=True):
            if not found:
                continue  # an extraction miss: no event in any evidence sentence
            wanted.append(
                StepOutcome(
                    step["status"],
                    step.get("date"),
                    step.get("date_precision", "day"),
                    step.get("detail"),
                    tuple(found),
                )
            )
            owners = dict.fromkeys(proposal_of[e] for e in found if e in proposal_of)
            restated = not owners and told_only_in_mentions(store, step, found)
            held_by.append((set(owners), restated))
            if not owners:
                unread.extend(unread_kind(store, event_id) for event_id in found)
            # each holder once per step, in the order of the evidence: ties go to the first
            holders.update(owners.keys())
        main = holders.most_common(1)[0][0] if holders else None
        participants = stored_participants(store, main) if main is not None else None
        others = [labelled for other, labelled in enumerate(labelled_of) if other != number]
        outcomes.append(
            ProposalOutcome(
                name=item["name"],
                expected=tuple(wanted),
                shown=tuple(stored_steps(store, main)) if main else (),
                proposals=len(holders),
                readings=tuple(evidence_reading(*held, main) for held in held_by),
                unextracted=sum(not found for found in found_steps),
                parties_missing=missing_parties(participants, item.get("parties", ())),
                brokers_checked=bool(broker_countries(item)),
                brokers_as_parties=brokers_among_parties(participants, item),
                labelled=frozenset(labelled_of[number]),
                labelled_elsewhere=frozenset().union(*others),
                unread_kinds=tuple(unread),
                held_in=main,
            )
        )
    return with_shared_proposals(outcomes)


def with_shared_proposals(outcomes: list[ProposalOutcome]) -> list[ProposalOutcome]:
    """Each history, marked when its proposal is also another history's: two agreements (or
    an agreement and the meeting that made it) read as one."""
    held = Counter(outcome.held_in for outcome in outcomes if outcome.held_in)
    return [
        replace(outcome, shares_proposal=held[outcome.held_in] > 1) if outcome.held_in else outcome
        for outcome in outcomes
    ]


def evidence_events(store: Store, step: dict[str, Any]) -> list[str]:
    """The events an expected step's evidence sentences name."""
    return [
        event_id
        for file, substring in step["evidence"]
        for event_id in events_named(store, (file, substring, None))
    ]


def evidence_reading(owners: set[str], restated: bool, main: str | None) -> str:
    """Where a step's evidence went: the proposal scored, another one only, or none (and then
    whether its sentences only restate events other sentences tell)."""
    if restated:
        return "mention"
    if main is not None and main in owners:
        return "held"
    return "elsewhere" if owners else "none"


def unread_kind(store: Store, event_id: str) -> str:
    """An event read as no step: its type, modality and the reading stage that stopped it."""
    kept = kept_reading(store.connection, event_id)
    if kept is not None:
        reading = candidate_from_json(kept)
        cause = f"read as {reading.status} of {reading.subject}, placed in no proposal"
        if reading.status == "violated" and not reading.actors:
            cause += " (no violator named)"
        else:
            cause += f" ({agreement_by(store, reading)})"
    else:
        cause = no_step_cause(reading_row(store.connection, event_id))
    return f"{event_kind(store.connection, event_id)}: {cause}"


def agreement_by(store: Store, reading: Candidate) -> str:
    """For a step read right and placed nowhere: whether a stored proposal of its subject and
    sides was agreed or carried out before its day (then linking did not take it), only on or
    after it (its date, or the agreement's, is off), or there is none."""
    days = []
    for row in proposal_rows(store.connection):
        sides = set(json.loads(row["participants"] or "[]"))
        if row["subject"] != reading.subject or not sides & set(reading.countries):
            continue
        days += [
            date.fromisoformat(step["date"][:10]).toordinal()
            for step in step_rows(store.connection, row["id"])
            if step["status"] in ("agreed", "implemented") and len(step["date"] or "") >= 10
        ]
    dated = "dated by its report" if reading.inferred else "dated by its text"
    if reading.back_reference:
        dated += ", told as a mention of an earlier step"
    if not days:
        return f"no agreement of its sides, {dated}"
    if min(days) < reading.day:
        return f"an agreement of its sides was made before it, {dated}"
    return f"its sides' agreement is dated on or after it, {dated}"


def told_only_in_mentions(store: Store, step: dict[str, Any], found: list[str]) -> bool:
    """Whether each evidence event was found only as a restating mention: its own sentence
    (the one proposal reading reads) holds none of the step's evidence."""
    for event_id in found:
        offsets = trigger_offsets(store.connection, event_id)
        if offsets is not None and any(text in offsets[0] for _, text in step["evidence"]):
            return False
    return True


def stored_participants(store: Store, proposal_id: str) -> set[str]:
    """The countries the stored proposal counts among its parties (none when not found)."""
    row = proposal_row(store.connection, proposal_id)
    return set(json.loads(row["participants"] or "[]")) if row is not None else set()


def missing_parties(participants: set[str] | None, parties: Any) -> tuple[str, ...]:
    """The expected parties' countries ('YEM' of 'YEM:REB') the stored proposal (its
    ``participants``; None when no proposal was found) lacks; names that are no country code
    ('Saudi-led coalition') are not checked."""
    if participants is None:
        return ()
    countries = dict.fromkeys(
        party.split(":")[0] for party in parties if re.fullmatch(r"[A-Z]{3}(:[A-Z]+)?", party)
    )
    return tuple(country for country in countries if country not in participants)


def broker_countries(item: dict[str, Any]) -> set[str]:
    """The expected brokers, hosts and facilitators named by a country code ('MYS'; 'United
    Nations' is no country), less any that is also a party."""
    parties = {party.split(":")[0] for party in item.get("parties", ())}
    return {b for b in item.get("broker", ()) if re.fullmatch(r"[A-Z]{3}", b)} - parties


def brokers_among_parties(participants: set[str] | None, item: dict[str, Any]) -> tuple[str, ...]:
    """The expected brokers' countries the stored proposal (its ``participants``; None when no
    proposal was found) counts among its parties: a broker, host or third party proposing it
    is no party (the mediator of a truce does not make it)."""
    if participants is None:
        return ()
    return tuple(sorted(broker_countries(item) & participants))


def events_named(store: Store, item: Item) -> list[str]:
    """The events of the item's sentence (of its type, when it names one) whose trigger lies
    in the labelled words, or all of them when none does: 'Yemen's truce expired on Sunday'
    names the expiry, not the refusal of the expanded truce told later in the same sentence."""
    found = find_events(store, item)
    return [event_id for event_id in found if trigger_in(store, event_id, item[1])] or found


def step_owners(store: Store) -> dict[str, str]:
    """Event id -> the proposal whose step it backs."""
    owners: dict[str, str] = {}
    for event_id, proposal_id in step_owner_rows(store.connection):
        owners.setdefault(event_id, proposal_id)
    return owners


def stored_steps(store: Store, proposal_id: str) -> list[StepOutcome]:
    rows = step_rows(store.connection, proposal_id)
    return [
        StepOutcome(
            row["status"],
            row["date"],
            detail=row["detail"],
            evidence=tuple(evidence_ids(store.connection, row["id"])),
        )
        for row in rows
    ]
