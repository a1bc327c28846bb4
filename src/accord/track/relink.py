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

What the part needs is read from the store as it is asked for (``Kept``): the readings of
some events, the evidence of some proposals, the readings of a subject near some days and
the proposals whose span is near them (each reading's subject and days, and each proposal's
span, are columns of their tables, migration 012). So an update that stays local reads what
is near its new candidates, not every kept reading and every step of the store.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from accord.store import Store
from accord.store.tracking import (
    digests_of,
    evidence_count,
    evidence_readings,
    proposals_near,
    reading_count,
    readings_near,
    readings_of,
    spans_missing,
    step_owners_of,
    widest_reading,
)
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
    candidates,
    place_all,
    proposal_digest,
    proposal_of,
    relink_all,
    steps_of,
    subject_data,
    write_changed,
)

LOCAL_SHARE = 0.25  # a part holding more of the candidates than this: derive them all
MEMBERS_READ = 32  # stored proposals whose evidence one query reads while testing their reach
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


def near_days(candidate: Candidate, first: int, last: int) -> bool:
    """Whether the candidate is dated or published within [first, last]."""
    return first <= candidate.day <= last or first <= candidate.published <= last


class Kept:
    """The kept candidates and the stored proposals they make, read from the store as an
    update asks for them (by event, by proposal, or by subject and days through the columns
    of migration 012): an update reads what is near its new candidates, not the whole store."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.count = reading_count(connection)  # every kept candidate, for ``LOCAL_SHARE``
        self.widest = widest_reading(connection)  # the most days between day and publication
        # by event id, those read so far (an event may read as two steps: ``steps_told``)
        self.found: dict[str, tuple[Candidate, ...]] = {}
        self.owners: dict[str, str | None] = {}  # event id -> proposal id (None: unplaced)
        self.evidence: dict[str, list[Candidate] | None] = {}  # None: a piece has no reading

    def read(self, event_ids: Iterable[str]) -> list[Candidate]:
        """The kept candidates of those events that read as a step."""
        wanted = [e for e in event_ids if e not in self.found]
        for text in readings_of(self.connection, wanted):
            steps = steps_of(text)
            self.found[steps[0].event_id] = steps
        return [step for e in event_ids if e in self.found for step in self.found[e]]

    def owner(self, event_id: str) -> str | None:
        """The stored proposal whose steps the event is evidence of, if any."""
        if event_id not in self.owners:
            self.learn_owners([event_id])
        return self.owners[event_id]

    def learn_owners(self, event_ids: Iterable[str]) -> None:
        wanted = [e for e in event_ids if e not in self.owners]
        self.owners.update(dict.fromkeys(wanted))
        self.owners.update((row[0], row[1]) for row in step_owners_of(self.connection, wanted))

    def members(self, pid: str) -> list[Candidate] | None:
        """A stored proposal's evidence, one candidate per piece; None when a piece has no
        kept reading (the store is not what linking made)."""
        self.learn_members([pid])
        return self.evidence[pid]

    def size(self, pid: str) -> int:
        """How many pieces of evidence a stored proposal has (counted, not read, when its
        members are not read yet: a part that reaches a story of years stops there)."""
        members = self.evidence.get(pid)
        return len(members) if members is not None else evidence_count(self.connection, pid)

    def learn_members(self, pids: Iterable[str]) -> None:
        wanted = [pid for pid in pids if pid not in self.evidence]
        read: dict[str, list[Candidate] | None] = {pid: [] for pid in wanted}
        seen: set[tuple[str, str]] = set()  # an event read as two steps backs both
        for pid, event_id, text in evidence_readings(self.connection, wanted):
            members = read[pid]
            if text is None or members is None:
                read[pid] = None
            elif (pid, event_id) not in seen:
                seen.add((pid, event_id))
                members.extend(steps_of(text))
        self.evidence.update(read)

    def near(self, subjects: Iterable[str], first: int, last: int) -> Iterator[Candidate]:
        """Those of ``subjects`` dated or published within [first, last]: ``Reach.takes``
        only takes a candidate of a subject of the draft's or a generic 'the agreement'."""
        for subject in subjects:
            for text in readings_near(self.connection, first, last, self.widest, subject):
                for candidate in steps_of(text):
                    if near_days(candidate, first, last):
                        yield candidate

    def unplaced_near(self, first: int, last: int) -> ByDay:
        """The candidates no stored step holds that may be dated or published within
        [first, last], found by day."""
        found = readings_near(self.connection, first, last, self.widest, unplaced=True)
        return ByDay(step for text in found for step in steps_of(text))


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


class Failed(Exception):
    """The part cannot be known to link as the whole store does: link them all."""


def update_proposals(store: Store, new: list[Candidate]) -> bool:
    """Bring the proposals up to date after ``new`` candidates were kept, linking only what
    they can reach; True when that sufficed, False when all were linked again."""
    with store.transaction() as connection:
        if relink_near(connection, {c.event_id for c in new}):
            return True
        relink_all(connection, candidates(connection))
    return False


def relink_near(connection: Any, new: set[str]) -> bool:
    """Link and write the proposals the new candidates (event ids) can reach; False, having
    written nothing, when that cannot be known to equal linking them all."""
    if spans_missing(connection):
        return False  # a stored proposal's evidence has no kept reading
    kept = Kept(connection)
    kept.learn_owners(new)
    kept.read(new)
    if any(e not in kept.found for e in new) or any(kept.owner(e) for e in new):
        return False
    try:
        return link_the_part(connection, kept, new)
    except Failed:
        return False


def link_the_part(connection: Any, kept: Kept, new: set[str]) -> bool:
    """``relink_near`` once the new candidates are known to be read and unplaced."""
    outside: Outside | None = None  # worked out when first needed
    proposal_ids: set[str] = set()  # the stored proposals in the part
    loose: set[str] = {*new}  # its candidates placed in none (the new ones among them)
    share = LOCAL_SHARE * kept.count
    while True:
        part = kept.read(sorted(loose))
        part += [c for pid in sorted(proposal_ids) for c in members_of(kept, pid)]
        inside = {c.event_id for c in part}  # kept readings, counted as ``kept.count`` is
        if len(inside) > share:
            return False
        before = place_all([c for c in part if c.event_id not in new])
        after = place_all(part)
        kept_before, kept_after = absorb_lone_steps(before), absorb_lone_steps(after)
        reached = reached_from(
            before.opened + after.opened, kept, inside, Weighing(kept, share - len(inside))
        )
        kept.learn_owners(reached)
        for event_id in reached:
            owner = kept.owner(event_id)
            if owner is not None:
                proposal_ids.add(owner)
            else:
                loose.add(event_id)
        if not reached:
            outside = outside or Outside(kept, new)
            reaching = outside.reaching(part, proposal_ids, int(share) - len(inside))
            if not reaching:
                break
            proposal_ids |= reaching
    stored = digests_of(connection, proposal_ids)
    was = {item.id: proposal_digest(item) for item in map(proposal_of, kept_before)}
    if was != {pid: stored.get(pid) for pid in proposal_ids}:
        return False  # the stored proposals are not what linking their candidates gives
    found = [item for item in map(proposal_of, kept_after) if item.steps]
    if set(digests_of(connection, [item.id for item in found])) - proposal_ids:
        return False  # an id taken by a proposal outside the part
    write_changed(connection, found, replacing=proposal_ids, stored=stored)
    return True


def members_of(kept: Kept, pid: str) -> list[Candidate]:
    members = kept.members(pid)
    if members is None:
        raise Failed(f"a piece of evidence of {pid} has no kept reading")
    return members


class Outside:
    """The stored proposals near the part, for what each may have accepted: its evidence
    and every unplaced candidate it may have taken (a step of a one-step draft it absorbed
    that did not become one of its own). Worked out only for the proposals near enough in
    time to matter."""

    def __init__(self, kept: Kept, new: set[str]) -> None:
        self.kept = kept
        self.new = new
        self.reaches: dict[str, Reach] = {}

    def reach(self, pid: str, unplaced: ByDay) -> Reach:
        if pid not in self.reaches:
            reach = Reach.of(members_of(self.kept, pid))
            near = unplaced.near(reach.first - RUNNING_DAYS, reach.last + RUNNING_DAYS)
            for candidate in [c for c in near if c.event_id not in self.new and reach.takes(c)]:
                reach.add(candidate)
            self.reaches[pid] = reach
        return self.reaches[pid]

    def reaching(self, part: list[Candidate], inside: set[str], room: int) -> set[str]:
        """The proposals not ``inside`` the part that may accept one of its candidates; or,
        once those found hold more than ``room`` candidates, those found so far (the part
        with them is past ``LOCAL_SHARE``: all are linked again, whatever else reaches it).
        Only a proposal whose span comes within twice ``RUNNING_DAYS`` (and the widest gap
        between a candidate's day and its publication) of the part's days may."""
        margin = 2 * RUNNING_DAYS + self.kept.widest
        first = min(min(c.day, c.published) for c in part) - margin
        last = max(max(c.day, c.published) for c in part) + margin
        near = [
            row for row in proposals_near(self.kept.connection, first, last) if row[0] not in inside
        ]
        if not near:
            return set()
        unplaced = self.kept.unplaced_near(
            min(low for _, low, _ in near) - RUNNING_DAYS,
            max(high for _, _, high in near) + RUNNING_DAYS,
        )
        found = set()
        for number, (pid, _, _) in enumerate(near):
            if number % MEMBERS_READ == 0:  # read in batches, as far as the walk goes
                self.kept.learn_members(row[0] for row in near[number : number + MEMBERS_READ])
            reach = self.reach(pid, unplaced)
            if any(reach.takes(c) for c in part):
                found.add(pid)
                room -= len(members_of(self.kept, pid))
                if room < 0:
                    break
        return found


@dataclass
class Weighing:
    """What candidates found outside a part add to it (an unplaced one itself, one placed the
    whole stored proposal holding it), against the ``room`` left below ``LOCAL_SHARE``."""

    kept: Kept
    room: float
    weight: int = 0
    taken: set[str] = field(default_factory=set)  # proposals whose evidence is counted

    def add(self, event_id: str) -> None:
        owner = self.kept.owner(event_id)
        if owner is None:
            self.weight += 1
        elif owner not in self.taken:
            self.taken.add(owner)
            self.weight += self.kept.size(owner)

    def full(self) -> bool:
        return self.weight > self.room


def reached_from(drafts: list[Draft], kept: Kept, inside: set[str], weighing: Weighing) -> set[str]:
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
        subjects = sorted(reach.subjects | generic().keys())
        for candidate in kept.near(subjects, reach.first - RUNNING_DAYS, reach.last + RUNNING_DAYS):
            event_id = candidate.event_id
            if event_id in inside or event_id in reached or not reach.takes(candidate):
                continue
            reached.add(event_id)
            weighing.add(event_id)
            if weighing.full():
                return reached
    return reached
