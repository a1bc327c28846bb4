"""An update's proposals: link again only the part of the store the new candidates can reach.

``derive_proposals`` links every kept candidate in one pass (``link``), so what one report
becomes may depend on any report before it. The pass is still local in a precise sense: a
candidate only ever joins, or is weighed against, a draft that ``Draft.accepts`` it, and that
needs a shared subject (or a generic 'the agreement'), a shared participant (or none named on
one side) and a day within ``RUNNING_DAYS`` of the draft's span. ``Reach`` is a looser test of
the same three (against a draft's last state, which only grows): when no candidate of one part
of the store passes it against a draft of the other part, and the other way round, linking
the two parts apart gives what linking them together gives, draft for draft.

So an update starts from the new candidates, links them with the stored proposals and the
unplaced candidates they reach, and adds whatever the drafts so made reach (or whatever reaches
them), until nothing outside is reached. Linking the same part without the new candidates must
then give exactly the stored proposals of that part (else the store is not what a rebuild
made: everything is derived again). Only the part's proposals are written; ids are the same
as a rebuild's (a subject and the first event, ``proposal_of``). When the part grows past
``LOCAL_SHARE`` of the candidates, or an event tracking had seen is gone, everything is
derived again, as a rebuild does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from accord.store import Store
from accord.store.tracking import proposal_digests, step_owner_rows, stored_candidates
from accord.track.proposals import (
    ATTACH_DAYS,
    CARRIED_OUT,
    CONTINUING,
    IN_TRAIN,
    LATER_IN_FORCE,
    LINK_DAYS,
    ONCE,
    RUNNING_DAYS,
    Candidate,
    Draft,
    absorb_lone_steps,
    candidate_from_json,
    candidates,
    place_all,
    proposal_digest,
    proposal_of,
    relink_all,
    subject_data,
    write_changed,
)

LOCAL_SHARE = 0.25  # a part holding more of the candidates than this: derive them all
assert RUNNING_DAYS >= LINK_DAYS >= ATTACH_DAYS  # ``Reach.in_time`` takes the farthest


@dataclass
class Reach:
    """What a draft may ever accept, from every candidate it holds or may have held: the
    subjects they name, the countries, whether one names none (the draft then named none when
    it opened), the span of their days and publication days, their statuses, per status the
    span of the days the text gives, and the first such day of an implementation. Each only
    grows as a draft does, so a test against the last state holds for every earlier one."""

    subjects: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    countryless: bool = False
    first: int = 10**9
    last: int = -(10**9)
    statuses: set[str] = field(default_factory=set)
    dated: dict[str, tuple[int, int]] = field(default_factory=dict)
    first_implemented: int | None = None

    @classmethod
    def of(cls, members: Iterable[Candidate]) -> Reach:
        reach = cls()
        for candidate in members:
            reach.add(candidate)
        return reach

    def add(self, candidate: Candidate) -> None:
        self.subjects.add(candidate.subject)
        self.subjects |= candidate.subjects
        self.countries |= candidate.countries
        self.countryless = self.countryless or not candidate.countries
        self.first = min(self.first, candidate.day, candidate.published)
        self.last = max(self.last, candidate.day, candidate.published)
        self.statuses.add(candidate.status)
        if not candidate.inferred:
            low, high = self.dated.get(candidate.status, (candidate.day, candidate.day))
            self.dated[candidate.status] = (min(low, candidate.day), max(high, candidate.day))
            if candidate.status == "implemented":
                known = self.first_implemented
                self.first_implemented = (
                    candidate.day if known is None else min(known, candidate.day)
                )

    def takes(self, candidate: Candidate) -> bool:
        """False when no state of the draft can accept the candidate (``Draft.accepts``)."""
        if candidate.subject not in self.subjects and candidate.subject not in generic():
            return False
        shared = candidate.countries & self.countries
        if candidate.countries and not self.countryless and not shared:
            return False
        return self.in_time(candidate)

    def in_time(self, candidate: Candidate) -> bool:
        """Whether a state of the draft may be near enough: to the candidate's day or its
        publication day (a dated report read as undated), within ``Draft.reach``; or, as an
        undated report (``place_backing``), in force by then or with a step of its status
        dated near it (``Draft.may_take``)."""
        status = candidate.status
        far = (
            (status in CONTINUING and self.statuses & set(IN_TRAIN))
            or (status in LATER_IN_FORCE and self.statuses & set(CARRIED_OUT))
            or (status in IN_TRAIN and self.statuses & set(CARRIED_OUT))
        )
        reach = RUNNING_DAYS if far else LINK_DAYS
        if min(self.distance(candidate.day), self.distance(candidate.published)) <= reach:
            return True
        if self.distance(candidate.published) > RUNNING_DAYS:
            return False
        implemented = self.first_implemented
        if status in ONCE and implemented is not None and implemented <= candidate.published:
            return True
        span = self.dated.get(status)
        if span is None:
            return False
        windows = (
            (candidate.published - LINK_DAYS, candidate.published),
            (candidate.day - 1, candidate.day + 1),
        )
        return any(span[0] <= high and span[1] >= low for low, high in windows)

    def distance(self, day: int) -> int:
        return max(0, self.first - day, day - self.last)


def generic() -> dict[str, Any]:
    return subject_data()["agreement_subjects"]


class ByDay:
    """Candidates found by day or publication day."""

    def __init__(self, found: Iterable[Candidate]) -> None:
        listed = list(found)
        self.found = listed
        self.days = sorted((c.day, n) for n, c in enumerate(listed))
        self.published = sorted((c.published, n) for n, c in enumerate(listed))

    def near(self, first: int, last: int) -> list[Candidate]:
        """Those dated or published within [first, last]."""
        numbers: set[int] = set()
        for keys in (self.days, self.published):
            low = bisect_left(keys, (first, -1))
            high = bisect_right(keys, (last, len(self.found)))
            numbers.update(n for _, n in keys[low:high])
        return [self.found[n] for n in sorted(numbers)]


@dataclass
class Stored:
    """The kept candidates and the stored proposals they make."""

    found: dict[str, Candidate]  # by event id
    members: dict[str, list[Candidate]]  # by proposal id, its steps' evidence
    owner: dict[str, str]  # event id -> proposal id
    digests: dict[str, str | None]


def update_proposals(store: Store, new: list[Candidate]) -> bool:
    """Bring the proposals up to date after ``new`` candidates were kept, linking only what
    they can reach; True when that sufficed, False when all were linked again."""
    with store.transaction() as connection:
        stored = read_stored(connection)
        if stored is not None and relink_near(connection, stored, {c.event_id for c in new}):
            return True
        relink_all(connection, list(stored.found.values()) if stored else candidates(connection))
    return False


def relink_near(connection: Any, stored: Stored, new: set[str]) -> bool:
    """Link and write the proposals the new candidates (event ids) can reach; False, having
    written nothing, when that cannot be known to equal linking them all."""
    if not new <= stored.found.keys() or new & stored.owner.keys():
        return False
    everyone = BySubject(stored.found.values())
    outside: Outside | None = None  # worked out when first needed
    proposal_ids: set[str] = set()  # the stored proposals in the part
    loose: set[str] = {*new}  # its candidates placed in none (the new ones among them)
    while True:
        part = [stored.found[e] for e in sorted(loose)]
        part += [c for pid in sorted(proposal_ids) for c in stored.members[pid]]
        if len(part) > LOCAL_SHARE * len(stored.found):
            return False
        before = place_all([c for c in part if c.event_id not in new])
        after = place_all(part)
        kept_before, kept_after = absorb_lone_steps(before), absorb_lone_steps(after)
        inside = {c.event_id for c in part}
        room = LOCAL_SHARE * len(stored.found) - len(part)
        reached = reached_from(
            before.opened + after.opened, everyone, inside, Weighing(stored, room)
        )
        for event_id in reached:
            if event_id in stored.owner:
                proposal_ids.add(stored.owner[event_id])
            else:
                loose.add(event_id)
        if not reached:
            outside = outside or Outside(stored, new)
            room = int(LOCAL_SHARE * len(stored.found)) - len(part)
            reaching = outside.reaching(part, proposal_ids, room)
            if not reaching:
                break
            proposal_ids |= reaching
    was = {item.id: proposal_digest(item) for item in map(proposal_of, kept_before)}
    if was != {pid: stored.digests.get(pid) for pid in proposal_ids}:
        return False  # the stored proposals are not what linking their candidates gives
    found = [item for item in map(proposal_of, kept_after) if item.steps]
    if any(item.id in stored.digests and item.id not in proposal_ids for item in found):
        return False  # an id taken by a proposal outside the part
    write_changed(connection, found, replacing=proposal_ids, stored=stored.digests)
    return True


def read_stored(connection: Any) -> Stored | None:
    """The kept candidates and who holds each; None when a step's evidence has no kept
    reading (the store is not what linking made)."""
    found = {}
    for text in stored_candidates(connection):
        candidate = candidate_from_json(text)
        found[candidate.event_id] = candidate
    members: dict[str, list[Candidate]] = defaultdict(list)
    owner = {}
    for event_id, pid in step_owner_rows(connection):
        if event_id not in found:
            return None
        owner[event_id] = pid
        members[pid].append(found[event_id])
    digests = proposal_digests(connection)
    if members.keys() != digests.keys():
        return None
    return Stored(found, members, owner, digests)


class Outside:
    """The stored proposals, for what each may have accepted: its evidence and every unplaced
    candidate it may have taken (a step of a one-step draft it absorbed that did not become
    one of its own). Worked out only for the proposals near enough in time to matter."""

    def __init__(self, stored: Stored, new: set[str]) -> None:
        self.stored = stored
        unplaced = [c for e, c in stored.found.items() if e not in stored.owner and e not in new]
        self.unplaced = ByDay(unplaced)
        # how far an unplaced candidate's other day may lie from the one near a proposal
        self.apart = max((abs(c.day - c.published) for c in unplaced), default=0)
        self.spans = {pid: days_spanned(members) for pid, members in stored.members.items()}
        self.reaches: dict[str, Reach] = {}

    def reach(self, pid: str) -> Reach:
        if pid not in self.reaches:
            reach = Reach.of(self.stored.members[pid])
            near = self.unplaced.near(reach.first - RUNNING_DAYS, reach.last + RUNNING_DAYS)
            for candidate in [c for c in near if reach.takes(c)]:
                reach.add(candidate)
            self.reaches[pid] = reach
        return self.reaches[pid]

    def reaching(self, part: list[Candidate], inside: set[str], room: int) -> set[str]:
        """The proposals not ``inside`` the part that may accept one of its candidates; or,
        once those found hold more than ``room`` candidates, those found so far (the part
        with them is past ``LOCAL_SHARE``: all are linked again, whatever else reaches it)."""
        margin = 2 * RUNNING_DAYS + self.apart
        first = min(min(c.day, c.published) for c in part) - margin
        last = max(max(c.day, c.published) for c in part) + margin
        found = set()
        for pid, (low, high) in self.spans.items():
            if pid in inside or high < first or low > last:
                continue
            reach = self.reach(pid)
            if any(reach.takes(c) for c in part):
                found.add(pid)
                room -= len(self.stored.members[pid])
                if room < 0:
                    break
        return found


def days_spanned(members: list[Candidate]) -> tuple[int, int]:
    """The first and last of the members' days and publication days (four passes of the
    built-in ``min`` and ``max``: made for every stored proposal once per update, and
    a long story's proposal holds thousands of members)."""
    days = [c.day for c in members]
    published = [c.published for c in members]
    return min(min(days), min(published)), max(max(days), max(published))


class BySubject:
    """Candidates found by subject, then by day or publication day: ``Reach.takes`` only
    takes a candidate of a subject of the draft's or a generic 'the agreement', so a draft's
    reach is tested against those alone (testing every candidate near its days, whatever its
    subject, was most of an update that gave up at the tail of a years-long story)."""

    def __init__(self, found: Iterable[Candidate]) -> None:
        grouped: dict[str, list[Candidate]] = defaultdict(list)
        for candidate in found:
            grouped[candidate.subject].append(candidate)
        self.by_subject = {subject: ByDay(listed) for subject, listed in grouped.items()}

    def near(self, subjects: Iterable[str], first: int, last: int) -> Iterator[Candidate]:
        """Those of ``subjects`` dated or published within [first, last]."""
        for subject in subjects:
            found = self.by_subject.get(subject)
            if found is not None:
                yield from found.near(first, last)


@dataclass
class Weighing:
    """What candidates found outside a part add to it (an unplaced one itself, one placed the
    whole stored proposal holding it), against the ``room`` left below ``LOCAL_SHARE``."""

    stored: Stored
    room: float
    weight: int = 0
    taken: set[str] = field(default_factory=set)  # proposals whose evidence is counted

    def add(self, event_id: str) -> None:
        owner = self.stored.owner.get(event_id)
        if owner is None:
            self.weight += 1
        elif owner not in self.taken:
            self.taken.add(owner)
            self.weight += len(self.stored.members[owner])

    def full(self) -> bool:
        return self.weight > self.room


def reached_from(
    drafts: list[Draft], everyone: BySubject, inside: set[str], weighing: Weighing
) -> set[str]:
    """Candidates outside the part that a draft linked in it may accept; or, once those found
    bring the part past ``LOCAL_SHARE`` (``weighing``), those found so far: all are then
    linked again, whatever else is reached. A draft holding the same candidates as one tested
    (linked before and after the new ones, most drafts are alike) reaches the same ones."""
    reached: set[str] = set()
    tested: set[frozenset[int]] = set()
    for draft in drafts:
        members = [c for group in draft.groups for c in group]
        key = frozenset(map(id, members))
        if key in tested:
            continue
        tested.add(key)
        reach = Reach.of(members)
        subjects = reach.subjects | generic().keys()
        for candidate in everyone.near(
            subjects, reach.first - RUNNING_DAYS, reach.last + RUNNING_DAYS
        ):
            event_id = candidate.event_id
            if event_id in inside or event_id in reached or not reach.takes(candidate):
                continue
            reached.add(event_id)
            weighing.add(event_id)
            if weighing.full():
                return reached
    return reached
