"""Growing clusters over the link graph, in full or for only what new events change.

``group`` grows clusters greedily over the links, strongest first, joining two clusters when
``may_join`` allows. ``LocalRegroup`` gives the same clusters for a graph that gained events
(or lost some) while looking only at what could come out different, so an update costs what
the new events touch, not what the connected part of the graph around them holds. Why that is
exact, in short (see ``LocalRegroup`` for the rest):

- A stored cluster only ever joined its own members: an edge across two final clusters was
  refused. So ``group`` run on one stored cluster's members and the links among them makes the
  same joins, edge by edge, as the run over the whole graph did (``Replay``): how far that
  cluster had grown by any edge is known from the cluster alone.
- Walking the new graph's edges in ``group``'s order, an event is *clean* while its cluster is
  the one the old run had at that point; the new events, and every member of a cluster that
  lost one, start *dirty*. An edge between two clean events decides as it did before, so only
  edges with a dirty end are walked; one that joins a clean cluster, or that the old run took
  and the new one refuses, makes that whole clean cluster dirty. Clean events end where they
  were; the dirty ones' clusters are the only ones that can differ.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

MANUAL_SCORE = 2.0  # a person's merge outranks any computed link
# (event a < event b, score, reasons): the reasons as a dict, or a stored link's JSON of it
Link = tuple[str, str, float, dict[str, str] | str]
EdgeKey = tuple[float, str, str]
Agreement = Callable[[set[str], set[str]], bool]


@dataclass
class Decisions:
    """A person's merges (edges that come first) and splits (pairs kept apart)."""

    merges: list[tuple[str, str]] = field(default_factory=list)
    apart: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def kept_apart(left: set[str], right: set[str], decisions: Decisions) -> bool:
    if not decisions.apart:
        return False  # no split recorded (most stores): no member to look up
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    return any(decisions.apart.get(event_id, set()) & large for event_id in small)


def manual_edges(decisions: Decisions) -> list[Link]:
    return [(min(a, b), max(a, b), MANUAL_SCORE, {}) for a, b in decisions.merges]


def edge_key(link: Link) -> EdgeKey:
    """The order ``group`` takes edges in: strongest first, ties by event ids."""
    return (-link[2], link[0], link[1])


def sorted_edges(links: Iterable[Link], decisions: Decisions) -> list[Link]:
    return sorted(manual_edges(decisions) + list(links), key=edge_key)


def may_join(
    left: set[str], right: set[str], score: float, decisions: Decisions, agree: Agreement | None
) -> bool:
    """The joining rule: never two events a person split apart; a computed link only when
    ``agree`` accepts the two clusters it would join (a manual merge always)."""
    if kept_apart(left, right, decisions):
        return False
    return score >= MANUAL_SCORE or agree is None or agree(left, right)


class Grouping:
    """Clusters as a union-find, joined by ``may_join``: the one place the rule is applied, so
    ``group``, a ``Replay`` and ``LocalRegroup`` decide every edge alike."""

    def __init__(self, decisions: Decisions, agree: Agreement | None) -> None:
        self.decisions = decisions
        self.agree = agree
        self.members: dict[str, set[str]] = {}
        self.root: dict[str, str] = {}

    def add(self, cluster: Iterable[str]) -> None:
        """Events that start as one cluster (rooted at the smallest)."""
        members = set(cluster)
        top = min(members)
        self.members[top] = members
        for event_id in members:
            self.root[event_id] = top

    def __contains__(self, event_id: str) -> bool:
        return event_id in self.root

    def find(self, event_id: str) -> str:
        root = self.root
        while root[event_id] != event_id:
            root[event_id] = root[root[event_id]]
            event_id = root[event_id]
        return event_id

    def cluster(self, event_id: str) -> set[str]:
        return self.members[self.find(event_id)]

    def union(self, a: str, b: str) -> None:
        first, second = self.find(a), self.find(b)
        if len(self.members[first]) < len(self.members[second]):
            first, second = second, first
        self.root[second] = first
        self.members[first] |= self.members.pop(second)

    def take(self, link: Link) -> bool:
        """Apply one edge as ``group`` does; whether it joined two clusters."""
        a, b, score = link[0], link[1], link[2]
        if a not in self.root or b not in self.root:
            return False
        first, second = self.find(a), self.find(b)
        if first == second:
            return False
        left, right = self.members[first], self.members[second]
        if not may_join(left, right, score, self.decisions, self.agree):
            return False
        self.union(a, b)
        return True

    def clusters(self) -> list[set[str]]:
        return [self.members[key] for key in sorted(self.members)]


def group(
    event_ids: Iterable[str],
    links: list[Link],
    decisions: Decisions,
    agree: Agreement | None = None,
) -> list[set[str]]:
    """Clusters of ``event_ids``: manual merges, then links from the strongest, never joining
    two events a person split apart, and a computed link only when ``agree`` accepts the two
    clusters it would join. Deterministic: ties are broken by event ids."""
    grouping = Grouping(decisions, agree)
    for event_id in event_ids:
        grouping.add((event_id,))
    for link in sorted_edges(links, decisions):
        grouping.take(link)
    return grouping.clusters()


class Replay:
    """How one stored cluster grew, edge by edge, as the last run grew it: ``group`` over its
    members and the links among them (it never joined anything else, so nothing else could
    have changed its course). Advanced only forwards, as ``LocalRegroup`` walks its edges."""

    def __init__(
        self, members: set[str], links: list[Link], decisions: Decisions, agree: Agreement | None
    ) -> None:
        self.grouping = Grouping(decisions, agree)
        for event_id in members:
            self.grouping.add((event_id,))
        self.edges = sorted_edges(links, decisions)
        self.done = 0

    def before(self, key: EdgeKey) -> None:
        """Take every edge that comes before ``key``."""
        while self.done < len(self.edges) and edge_key(self.edges[self.done]) < key:
            self.grouping.take(self.edges[self.done])
            self.done += 1

    def cluster(self, event_id: str, key: EdgeKey) -> set[str]:
        """The event's cluster just before the edge ``key``."""
        self.before(key)
        return self.grouping.cluster(event_id)

    def took(self, link: Link) -> bool:
        """Whether the last run joined two clusters with this edge (one of the cluster's)."""
        key = edge_key(link)
        self.before(key)
        if self.done < len(self.edges) and edge_key(self.edges[self.done]) == key:
            self.done += 1
            return self.grouping.take(link)
        return False


class Graph(Protocol):
    """What ``LocalRegroup`` reads of the stored graph (a store, or a test's dictionaries)."""

    def links_of(self, event_ids: set[str]) -> list[Link]:
        """Stored links (computed ones, not manual merges) with an end in ``event_ids``."""
        ...

    def clusters_of(self, event_ids: set[str]) -> dict[str, frozenset[str]]:
        """The stored cluster (its members) of each of ``event_ids`` that has one."""
        ...

    def links_among(self, members: set[str]) -> list[Link]:
        """Stored links with both ends in ``members``."""
        ...


class LocalRegroup:
    """The clusters ``group`` gives the whole graph, for the events whose cluster may differ
    from the stored one: the new events (no stored cluster) and the members of ``stale``
    clusters (they lost a member) to begin with, then every stored cluster an edge from them
    joins, or that the last run joined to one of them and this one does not.

    Edges are walked in ``group``'s order, only those with a *dirty* end (see the module's
    docstring). An edge between a dirty and a clean event is decided with the clean event's
    cluster as it was at that edge in the last run (its ``Replay``); if this run joins them, or
    the last one did (the dirty event was then a member of the same stored cluster), the clean
    cluster's later course may differ and it turns dirty, its edges still to come walked too.
    Every clean event then ends in its stored cluster, untouched; ``run`` returns the clusters
    of the dirty events, which take the place of the stored clusters they held."""

    def __init__(
        self,
        graph: Graph,
        decisions: Decisions,
        agree: Agreement | None,
        new: set[str],
        stale: set[str],
        prepare: Callable[[set[str]], None] | None = None,
    ) -> None:
        self.graph = graph
        self.decisions = decisions
        self.agree = agree
        self.prepare = prepare or (lambda _ids: None)  # e.g. read features before ``agree``
        self.dirty = Grouping(decisions, agree)
        self.stored: dict[str, frozenset[str]] = {}  # a clean event's stored cluster
        self.replays: dict[frozenset[str], Replay] = {}
        self.queue: list[tuple[EdgeKey, Link]] = []  # a heap of the edges found while walking
        self.first: list[tuple[EdgeKey, Link]] = []  # the first dirty events' edges, last first
        self.queued: set[EdgeKey] = set()
        self.links: dict[EdgeKey, Link] = {}  # every link with a dirty end (membership rows)
        self.manual: dict[str, list[Link]] = defaultdict(list)
        for link in manual_edges(decisions):
            self.manual[link[0]].append(link)
            self.manual[link[1]].append(link)
        self.new, self.stale = set(new), set(stale)

    def run(self) -> list[set[str]]:
        """The clusters of the dirty events once every edge that could change them is taken."""
        old = self.graph.clusters_of(self.new | self.stale)
        self.stale |= {event_id for cluster in old.values() for event_id in cluster}
        self.new -= self.stale
        singles = [{event_id} for event_id in sorted(self.new | self.stale)]
        self.turn_dirty(singles, None)
        self.first.sort(reverse=True)
        while self.queue or self.first:
            self.decide(self.next_edge())
        return self.dirty.clusters()

    def next_edge(self) -> Link:
        """The next edge in ``group``'s order: the first dirty events' edges are sorted once
        (most of a regroup's edges, every edge of an update that only adds events), the ones
        found later come from the heap (each comes after the edge that found it)."""
        if self.queue and (not self.first or self.queue[0][0] < self.first[-1][0]):
            return heapq.heappop(self.queue)[1]
        return self.first.pop()[1]

    def replaced(self) -> set[str]:
        """The dirty events that had a stored cluster: their stored clusters give way."""
        return {e for e in self.dirty.root if e in self.stale or e in self.stored}

    def unchanged(self, cluster: set[str]) -> bool:
        """Whether a cluster ``run`` returned is a stored one, as stored (not a stale one)."""
        first = min(cluster)
        return first not in self.stale and self.stored.get(first) == cluster

    def turn_dirty(self, clusters: list[set[str]], after: EdgeKey | None) -> None:
        """Walk these clusters' edges from ``after`` on, with this run's joins."""
        events = {event_id for cluster in clusters for event_id in cluster}
        self.prepare(events)
        for cluster in clusters:
            self.dirty.add(cluster)
        found = self.graph.links_of(events)
        found += [link for event_id in sorted(events) for link in self.manual.get(event_id, ())]
        ends = {event_id for link in found for event_id in link[:2]}
        # the ends tested one by one: a set of every stored cluster read so far, made at each
        # call, grew with the square of a regroup that spreads over a long story
        self.remember({e for e in ends if e not in events and e not in self.stored})
        for link in found:
            key = edge_key(link)
            if link[2] < MANUAL_SCORE:
                self.links[key] = link
            if key not in self.queued and (after is None or key > after):
                self.queued.add(key)
                if after is None:
                    self.first.append((key, link))
                else:
                    heapq.heappush(self.queue, (key, link))

    def remember(self, event_ids: set[str]) -> None:
        """Read the stored clusters of events an edge reaches (once, in one go)."""
        fresh = {event_id for event_id in event_ids if event_id not in self.dirty}
        if fresh:
            self.stored.update(self.graph.clusters_of(fresh))

    def decide(self, link: Link) -> None:
        """One edge with a dirty end, as ``group`` over the whole graph would take it."""
        a, b, score = link[0], link[1], link[2]
        key = edge_key(link)
        ends = [self.where(a), self.where(b)]
        if None in ends:
            return  # an event no longer stored (a manual merge may name one)
        left, right = (self.cluster_at(event_id, key) for event_id in (a, b))
        if left is right:
            return  # already one cluster
        now = may_join(left, right, score, self.decisions, self.agree)
        clean = [set(self.cluster_at(e, key)) for e in (a, b) if e not in self.dirty]
        before = bool(clean) and ends[0] == ends[1] and self.replays[ends[0]].took(link)
        if now or before:
            self.turn_dirty(clean, key)
        if now:
            self.dirty.union(a, b)

    def where(self, event_id: str) -> frozenset[str] | None:
        """An event's stored cluster (empty for a dirty one), None when it is not stored."""
        if event_id in self.dirty:
            return self.stored.get(event_id, frozenset())
        if event_id not in self.stored:
            self.remember({event_id})
            if event_id not in self.stored:
                return None
        cluster = self.stored[event_id]
        if cluster not in self.replays:
            self.prepare(set(cluster))
            links = self.graph.links_among(set(cluster))
            self.replays[cluster] = Replay(set(cluster), links, self.decisions, self.agree)
        return cluster

    def cluster_at(self, event_id: str, key: EdgeKey) -> set[str]:
        if event_id in self.dirty:
            return self.dirty.cluster(event_id)
        return self.replays[self.stored[event_id]].cluster(event_id, key)
