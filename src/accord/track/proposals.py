"""Proposals and agreements across articles, with a dated status history backed by events.

Each stored event whose sentence names a subject (``data/proposal_subjects.json``: ceasefire,
prisoner exchange, summit, withdrawal, sanctions) becomes a candidate step: its status follows
from the event's type and modality (REQUEST or a proposed modality: proposed; considered;
AGREE by one side: accepted by it, by both: agreed; REJECT: declined; an asserted release,
ceasefire or withdrawal: implemented). Steps join the proposal with the same subject, sharing a
participant country, with compatible terms (a 30-day truce is not a 60-day one), within
``LINK_DAYS``. Reports of the same step merge into one, dated by what most reports say; an
undated report and a mention of an earlier step ("the exchange agreed in Istanbul") back an
existing step rather than start a new one. Derived in full each run (proposal steps are few).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from accord.errors import NotFoundError
from accord.store import Store

LINK_DAYS = 45  # a step further from a proposal's last step starts a new proposal
ATTACH_DAYS = 3  # an undated report backs a step up to this many days before publication
ONCE = ("proposed", "considered", "accepted", "declined", "agreed")  # not repeated daily
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
            "expired",
        )
    )
}
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


BY_STATUSES = ("proposed", "considered", "accepted", "declined")


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


@cache
def subject_data() -> dict[str, Any]:
    """The subject keywords and term patterns (validated once)."""
    text = files("accord").joinpath("data/proposal_subjects.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for key in ("subjects", "mode_subjects", "terms", "status_words"):
        if key not in data:
            raise ValueError(f"proposal_subjects.json lacks {key!r}")
    data["term_patterns"] = [re.compile(pattern, re.I) for pattern in data["terms"]]
    return data


def keyword_positions(sentence: str, keyword: str) -> list[int]:
    pattern = rf"\b{re.escape(keyword)}(?:s|es)?\b"
    return [match.start() for match in re.finditer(pattern, sentence, re.I)]


def find_subject(sentence: str, trigger_at: int, type_mode: tuple[str, str | None]) -> str | None:
    """The subject named nearest the trigger (or implied by the event's type and mode)."""
    data = subject_data()
    implied = data["mode_subjects"].get(f"{type_mode[0]}/{type_mode[1]}") or data[
        "mode_subjects"
    ].get(type_mode[0])
    if implied:
        return implied
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
    return best[1] if best else None


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


def find_terms(sentence: str, subject: str) -> dict[str, int]:
    """Terms stated in the sentence: days (30-day), a/b (390-for-390), count.

    A prisoner exchange has figures, anything else a number of days (a sentence on a
    ceasefire may also mention a swap of 390 prisoners each)."""
    data = subject_data()
    terms: dict[str, int] = {}
    lowered = sentence.lower()
    if "month-long" in lowered or "a month" in lowered:
        terms["days"] = data.get("month_long_days", 30)
    for pattern in data["term_patterns"]:
        for match in pattern.finditer(sentence):
            groups = {k: int(v.replace(",", "")) for k, v in match.groupdict().items() if v}
            if "each" in groups:
                groups = {"a": groups["each"], "b": groups["each"]}
            for key, value in groups.items():
                terms.setdefault(key, value)
    wanted = ("a", "b", "count") if subject == "prisoner exchange" else ("days",)
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


def word_before(sentence: str, at: int) -> str:
    words = re.findall(r"[A-Za-z']+", sentence[:at])
    return words[-1].lower() if words else ""


@cache
def all_keywords() -> frozenset[str]:
    return frozenset(word for words in subject_data()["subjects"].values() for word in words)


def status_of(row: sqlite3.Row, sentence: str, trigger_at: int, sources: int) -> str | None:
    """The status an event gives its proposal, or None when it gives none."""
    data = subject_data()
    trigger = row["trigger"]
    lowered = sentence.lower()
    for status, words in data["status_words"].items():
        if any(keyword_positions(lowered, word) for word in words):
            return status
    modality, kind, mode = row["modality"], row["type"], row["mode"]
    if modality in SKIPPED_MODALITIES:
        return None
    if modality in ("proposed", "considered"):
        return modality
    if kind == "REJECT" or modality == "rejected":
        return "declined"
    if kind == "AGREE":
        return "agreed" if sources >= 2 else "accepted"
    if kind == "REQUEST":
        return "proposed"
    if kind == "RETREAT" and mode in ("release", "ceasefire", "withdraw"):
        if trigger.lower() in all_keywords():
            return None  # 'the swap showed ...' names the thing, it does not do it
        if word_before(sentence, trigger_at) in data["plan_before_trigger"]:
            return "agreed" if mentions_agreement(sentence) else None
        return "implemented"
    if kind in ("SANCTION", "CONSULT"):
        return "implemented"
    return None


def candidates(connection: sqlite3.Connection) -> list[Candidate]:
    """Every stored event that reads as a step of a proposal."""
    cursor = connection.execute(
        "SELECT e.id, e.type, e.mode, e.modality, e.trigger, e.start, e.sentence_start, e.sentence,"
        " e.date_start, e.date_precision, e.prisoners, a.published"
        " FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id"
    )
    actors = actors_by_event(connection)
    found = []
    for row in cursor:
        candidate = candidate_of(row, actors.get(row["id"], {}))
        if candidate is not None:
            found.append(candidate)
    return found


def actors_by_event(connection: sqlite3.Connection) -> dict[str, dict[str, list[sqlite3.Row]]]:
    grouped: dict[str, dict[str, list[sqlite3.Row]]] = defaultdict(lambda: defaultdict(list))
    cursor = connection.execute(
        "SELECT event_id, side, name, actor_id, country FROM event_actors"
        " WHERE NOT inferred ORDER BY event_id, side, position"  # only actors the text names
    )
    for row in cursor:
        grouped[row["event_id"]][row["side"]].append(row)
    return grouped


def candidate_of(row: sqlite3.Row, sides: dict[str, list[sqlite3.Row]]) -> Candidate | None:
    sentence = row["sentence"]
    trigger_at = max(0, row["start"] - row["sentence_start"])
    subject = find_subject(sentence, trigger_at, (row["type"], row["mode"]))
    if subject is None:
        return None
    sources, targets = sides.get("source", []), sides.get("target", [])
    source_countries = {actor["country"] or actor["actor_id"] for actor in sources}
    status = status_of(row, sentence, trigger_at, len(source_countries))
    published = day_of(row["published"])
    if status is None or published is None:
        return None
    explicit = day_of(row["date_start"]) if row["date_precision"] == "day" else None
    before = word_before(sentence, trigger_at)
    back_reference = before in subject_data()["back_reference_before_trigger"]
    return Candidate(
        event_id=row["id"],
        subject=subject,
        status=status,
        actors=tuple(sorted({actor["name"] for actor in sources})),
        countries=frozenset(
            actor["country"] or actor["actor_id"] for actor in (*sources, *targets)
        ),
        counterparts=tuple(sorted({actor["name"] for actor in targets})),
        terms=find_terms(sentence, subject),
        day=explicit if explicit is not None else published,
        inferred=explicit is None,
        back_reference=back_reference,
        published=published,
        prisoners=row["prisoners"],
    )


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


@dataclass
class Draft:
    """A proposal being assembled: its steps as groups of candidates."""

    subject: str
    terms: dict[str, int] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    groups: list[list[Candidate]] = field(default_factory=list)

    @property
    def last_day(self) -> int:
        return max(candidate.day for group in self.groups for candidate in group)

    def accepts(self, candidate: Candidate) -> bool:
        """Same subject, a shared participant, close in time, terms that do not differ
        (an implementation's stage figures and a mention's stray numbers are not terms)."""
        if candidate.subject != self.subject:
            return False
        if abs(candidate.day - self.last_day) > LINK_DAYS:
            return False
        if candidate.countries and self.countries and not candidate.countries & self.countries:
            return False
        if candidate.status == "implemented" or candidate.back_reference:
            return True
        return terms_agree(candidate.terms, self.terms)

    def add(self, candidate: Candidate, group: list[Candidate] | None = None) -> None:
        if group is None:
            self.groups.append([candidate])
        else:
            group.append(candidate)
        self.countries |= candidate.countries
        if candidate.status != "implemented":
            for key in ("days", "a", "b"):
                if key in candidate.terms:
                    self.terms.setdefault(key, candidate.terms[key])


def terms_agree(left: dict[str, int], right: dict[str, int]) -> bool:
    return all(
        left[key] == right[key] for key in ("days", "a", "b") if key in left and key in right
    )


def same_step(group: list[Candidate], candidate: Candidate, window: tuple[int, int]) -> bool:
    """Same status by the same actors (an implementation: any shared actor) on a nearby day."""
    first = group[0]
    if first.status != candidate.status:
        return False
    if first.status == "implemented":
        if first.actors and candidate.actors and not set(first.actors) & set(candidate.actors):
            return False
    elif first.actors != candidate.actors:
        return False
    return any(window[0] <= member.day <= window[1] for member in group if not member.inferred)


def link(found: list[Candidate]) -> list[Draft]:
    """Dated first-hand reports make steps; undated reports and mentions back them."""
    drafts: list[Draft] = []
    first_hand = [c for c in found if not c.inferred and not c.back_reference]
    backing = [c for c in found if c.inferred or c.back_reference]
    for candidate in sorted(first_hand, key=lambda c: (c.day, c.event_id)):
        if not place_first_hand(drafts, candidate):
            backing.append(replace(candidate, day=candidate.published, inferred=True))
    for candidate in sorted(backing, key=lambda c: (c.day, c.event_id)):
        place_backing(drafts, candidate)
    return absorb_lone_steps(drafts)


def absorb_lone_steps(drafts: list[Draft]) -> list[Draft]:
    """A one-step proposal joins a fuller one that now shares its participants (Russia's
    refusal comes before the refusal reports that name the American proposer)."""
    kept = []
    for draft in drafts:
        others = [d for d in drafts if d is not draft and len(d.groups) > 1]
        home = None
        if len(draft.groups) == 1:
            home = next((d for d in others if all(d.accepts(c) for c in draft.groups[0])), None)
        if home is None:
            kept.append(draft)
            continue
        for candidate in draft.groups[0]:
            place_first_hand([home], candidate)
    return kept


def place_first_hand(drafts: list[Draft], candidate: Candidate) -> bool:
    """Add a dated report as a step; False when its date cannot be its own (see below)."""
    draft = next((d for d in reversed(drafts) if d.accepts(candidate)), None)
    if draft is not None and implemented_before_agreed(draft, candidate):
        return False  # one date per sentence: it belongs to the agreement the sentence names
    if draft is None:
        draft = Draft(candidate.subject)
        drafts.append(draft)
    tolerance = 1 if candidate.status in ONCE else 0
    window = (candidate.day - tolerance, candidate.day + tolerance)
    group = next((g for g in draft.groups if same_step(g, candidate, window)), None)
    draft.add(candidate, group)
    return True


def implemented_before_agreed(draft: Draft, candidate: Candidate) -> bool:
    if candidate.status != "implemented":
        return False
    agreed = [c.day for g in draft.groups for c in g if c.status == "agreed" and not c.inferred]
    return bool(agreed) and candidate.day <= min(agreed)


def place_backing(drafts: list[Draft], candidate: Candidate) -> None:
    """An undated report backs a step of the days before it; a mention any earlier step."""
    earliest = candidate.published - (LINK_DAYS if candidate.back_reference else ATTACH_DAYS)
    for draft in reversed(drafts):
        if not draft.accepts(replace(candidate, day=draft.last_day)):
            continue
        for group in reversed(draft.groups):
            if same_step(group, candidate, (earliest, candidate.published)):
                draft.add(candidate, group)
                return
    if candidate.back_reference and candidate.status != "proposed":
        return  # a mention of a step no report gives first-hand says too little
    place_first_hand(drafts, candidate)


# -- drafts to proposals ---------------------------------------------------------------------


def step_of(group: list[Candidate]) -> Step:
    dated = [c.day for c in group if not c.inferred]
    days = dated or [c.day for c in group]
    day = sorted(Counter(days).items(), key=lambda item: (-item[1], item[0]))[0][0]
    return Step(
        date=date.fromordinal(day).isoformat(),
        status=group[0].status,
        actors=group[0].actors,
        event_ids=tuple(sorted(c.event_id for c in group)),
        date_inferred=not dated,
    )


def with_progress(
    steps: list[Step], groups: list[list[Candidate]], total: int | None
) -> list[Step]:
    """'130 of 390' on each implemented stage of an exchange (running total)."""
    done = 0
    result = []
    for step, group in zip(steps, groups, strict=True):
        counts = Counter(c.prisoners for c in group if c.prisoners)
        if step.status == "implemented" and counts:
            stage = counts.most_common(1)[0][0]
            done += stage
            of = f" of {total:,}" if total else ""
            step = replace(step, detail=f"{stage:,} each; {done:,}{of} so far")
        result.append(step)
    return result


def proposal_of(draft: Draft) -> Proposal:
    ordered = sorted(
        draft.groups, key=lambda g: (step_of(g).date or "", STATUS_ORDER.get(g[0].status, 99))
    )
    steps = with_progress([step_of(g) for g in ordered], ordered, draft.terms.get("a"))
    first_event = min(c.event_id for g in draft.groups for c in g)
    return Proposal(
        id="p" + hashlib.sha1(f"{draft.subject}|{first_event}".encode()).hexdigest()[:8],
        subject=draft.subject,
        terms=dict(draft.terms),
        proposer=proposer_of(ordered),
        participants=tuple(sorted(draft.countries)),
        steps=tuple(steps),
    )


def proposer_of(groups: list[list[Candidate]]) -> tuple[str, ...]:
    """Who made the proposal: the first proposer, else whose offer was accepted or declined."""
    for group in groups:
        if group[0].status == "proposed" and group[0].actors:
            return group[0].actors
    for group in groups:
        if group[0].status in ("accepted", "declined") and group[0].counterparts:
            return group[0].counterparts
    return ()


def derive_proposals(store: Store) -> list[Proposal]:
    """Rebuild the proposal tables from the stored events."""
    found = [proposal_of(draft) for draft in link(candidates(store.connection))]
    with store.transaction() as connection:
        connection.execute("DELETE FROM proposals")
        for item in found:
            save_proposal(connection, item)
    return found


def save_proposal(connection: sqlite3.Connection, item: Proposal) -> None:
    dates = [step.date for step in item.steps if step.date]
    connection.execute(
        "INSERT INTO proposals (id, subject, terms, proposer, participants, status, first_date,"
        " last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.id,
            item.subject,
            json.dumps(item.terms),
            json.dumps(item.proposer),
            json.dumps(item.participants),
            item.steps[-1].status,
            min(dates, default=None),
            max(dates, default=None),
        ),
    )
    for position, step in enumerate(item.steps):
        cursor = connection.execute(
            "INSERT INTO proposal_steps (proposal_id, position, date, date_inferred, status,"
            " actors, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                item.id,
                position,
                step.date,
                int(step.date_inferred),
                step.status,
                json.dumps(step.actors),
                step.detail,
            ),
        )
        connection.executemany(
            "INSERT INTO proposal_evidence (step_id, event_id) VALUES (?, ?)",
            ((cursor.lastrowid, event_id) for event_id in step.event_ids),
        )


# -- reads -----------------------------------------------------------------------------------


def proposals(
    store: Store, *, status: str | None = None, actor: str | None = None
) -> list[Proposal]:
    """Stored proposals, earliest first; ``status`` is the current status, ``actor`` a
    participant country code or part of a name in any step."""
    rows = store.connection.execute("SELECT * FROM proposals ORDER BY first_date, id").fetchall()
    found = [read_proposal(store.connection, row) for row in rows]
    if status:
        found = [item for item in found if item.steps and item.steps[-1].status == status]
    if actor:
        found = [item for item in found if takes_part(item, actor)]
    return found


def proposal(store: Store, proposal_id: str) -> Proposal:
    row = store.connection.execute(
        "SELECT * FROM proposals WHERE id = ?", (proposal_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no proposal with id {proposal_id!r}")
    return read_proposal(store.connection, row)


def read_proposal(connection: sqlite3.Connection, row: sqlite3.Row) -> Proposal:
    steps = []
    for step in connection.execute(
        "SELECT * FROM proposal_steps WHERE proposal_id = ? ORDER BY position", (row["id"],)
    ).fetchall():
        evidence = connection.execute(
            "SELECT event_id FROM proposal_evidence WHERE step_id = ? ORDER BY event_id",
            (step["id"],),
        )
        steps.append(
            Step(
                date=step["date"],
                status=step["status"],
                actors=tuple(json.loads(step["actors"])),
                event_ids=tuple(r[0] for r in evidence),
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
