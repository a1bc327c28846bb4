"""Canonical events: group event records from different articles that report one real event.

Blocking keeps the cost near-linear: an event is compared only with events of the same type
whose date windows are at most ``DAY_TOLERANCE`` days apart (the ``(type, day)`` blocks), never
with all others. Linked pairs (``scoring.compare`` at or above the pair model's threshold) form
a graph; clusters are grown greedily over its edges, strongest first (average linkage): two
clusters join only when no pair across them is vetoed and the mean probability across them
reaches the threshold, so a chain of links cannot join events that differ. A person's
decisions come first: a ``merge`` is an edge that always joins, a ``split`` forbids two events
from sharing a cluster. An update re-groups only the clusters new events can change
(``grouping.LocalRegroup``), which gives exactly the clusters a full rebuild gives; a person's
merge or split re-groups the connected parts of the graph that hold the events it names.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accord.errors import NotFoundError
from accord.store import Store
from accord.store.tracking import (
    block_event_ids,
    clear_tracking,
    cluster_mates,
    cluster_of_event,
    count_clusters,
    decision_rows,
    existing_events,
    forget_clusters_of,
    forget_merges_of,
    forget_splits_between,
    insert_clusters,
    link_neighbours,
    links_among,
    links_touching,
    members_of,
    members_of_stale_clusters,
    record_decision,
    save_links,
)
from accord.track.features import (
    MAX_WINDOW_DAYS,
    Features,
    all_event_features,
    save_features,
    tracked_features,
    untracked_event_features,
)
from accord.track.grouping import (
    MANUAL_SCORE,
    Decisions,
    Link,
    LocalRegroup,
    group,
)
from accord.track.ids import hashed_id
from accord.track.scoring import (
    DAY_TOLERANCE,
    NO_ANCHOR,
    NO_EVIDENCE,
    PairModel,
    pair_features,
    reasons,
    veto,
)

PAIR_FLOOR = 0.5  # no pair in a cluster scores below this share of the threshold


@dataclass(frozen=True)
class TrackReport:
    """What a tracking run did."""

    events: int  # events newly given features (all of them on a rebuild)
    links: int  # links added
    regrouped: int  # events whose cluster was recomputed
    clusters: int  # canonical events in the store afterwards


def cluster_id_for(members: Iterable[str]) -> str:
    """A cluster's id follows from its smallest member, so a rebuild gives the same ids."""
    return hashed_id("c", min(members))


# -- finding links ---------------------------------------------------------------------------


def links_within(
    features: list[Features], model: PairModel | None = None, scores: PairScores | None = None
) -> list[Link]:
    """Every linked pair among ``features``, comparing only events in shared blocks (what
    each comparison found is kept in ``scores``, for ``AverageLinkage``)."""
    model = model or PairModel.default()
    blocks: dict[tuple[str, int], list[Features]] = defaultdict(list)
    for item in features:
        if item.mergeable:
            assert item.day_lo is not None and item.day_hi is not None
            for day in range(item.day_lo, item.day_hi + 1):
                blocks[(item.type, day)].append(item)
    links = []
    judged = PairsJudged(model)
    for item in features:
        if not item.mergeable:
            continue
        assert item.day_lo is not None and item.day_hi is not None
        seen: set[str] = set()
        for day in range(item.day_lo - DAY_TOLERANCE, item.day_hi + DAY_TOLERANCE + 1):
            for other in blocks.get((item.type, day), ()):
                if other.event_id > item.event_id and other.event_id not in seen:
                    seen.add(other.event_id)
                    links.extend(link_if_same(item, other, model, scores, judged))
    return links


Judgement = tuple[float | None, tuple[float, dict[str, str]] | None]


def judge(a: Features, b: Features, model: PairModel) -> Judgement:
    """What comparing two events of a block (in event-id order) finds: the score
    ``AverageLinkage`` would give the pair (None for a pair with no anchor, which is scored
    there on demand), and the link's rounded score and reasons, if they link."""
    why = veto(a, b, blocked=True)
    if why is not None:
        if why == NO_ANCHOR:
            return None, None
        return (UNSCORED if why in NO_EVIDENCE else DIFFERENT), None
    values = pair_features(a, b)
    terms = model.terms(values)  # the probability's, and the reasons' strongest features
    probability = model.probability_of_terms(terms)
    score = round(probability, 3)  # as ``score_pair`` rounds it
    if score < model.threshold:
        return probability, None
    return probability, (score, reasons(a, b, values, model, terms))


class PairsJudged:
    """What ``judge`` found for pairs of one model, by the two events' contents
    (``Features.content``, every field but the ids) and whether they share an article: all
    that judging a pair reads. Copies of one wire story make events of one content in many
    articles (a crowded story: 40,055 pairs of 4,137 kinds on the 100 bench articles), and
    each kind of pair is judged once. Keyed by event id: one run's features, one per id."""

    def __init__(self, model: PairModel) -> None:
        self.model = model
        self.contents: dict[tuple, int] = {}  # an event content -> its number
        self.kinds: dict[str, int] = {}  # event id -> the number of its content
        self.found: dict[tuple[int, int, bool], Judgement] = {}

    def __call__(self, a: Features, b: Features) -> Judgement:
        key = (self.kind(a), self.kind(b), a.article_id == b.article_id)
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = judge(a, b, self.model)
        return found

    def kind(self, item: Features) -> int:
        kind = self.kinds.get(item.event_id)
        if kind is None:
            kind = self.kinds[item.event_id] = self.contents.setdefault(
                item.content, len(self.contents)
            )
        return kind


def link_if_same(
    a: Features,
    b: Features,
    model: PairModel,
    scores: PairScores | None = None,
    judged: PairsJudged | None = None,
) -> list[Link]:
    """The link between two events of a block (same type, dated, close), if they match.
    The pair is compared in event-id order, so its reasons read the same whichever of the two
    was stored first (a rebuild and an incremental update write the same words).

    ``scores`` is given what ``AverageLinkage`` would compute for the pair (the block's
    guarantees are its first vetoes, so the pair's veto is the same), when this comparison
    found it: grouping asks about most linked pairs again, and need not score them twice.
    Pairs with no anchor are left out (not linked here, they are scored there on demand).
    ``judged``: pairs of the same kinds judged before (of ``model``), judged once."""
    if b.event_id < a.event_id:
        a, b = b, a
    probability, link = judge(a, b, model) if judged is None else judged(a, b)
    if scores is not None and probability is not None:
        scores[(a.event_id, b.event_id)] = probability
    if link is None:
        return []
    return [(a.event_id, b.event_id, link[0], dict(link[1]))]


def stored_candidates(
    connection: Any,
    item: Features,
    decoded: dict[str, Features],
    blocks: dict[tuple[str, int, int, int], list[str]] | None = None,
) -> list[Features]:
    """Stored events in the blocks of ``item`` (same type, date windows within tolerance).
    ``decoded`` keeps features already read, so a batch of new events sharing blocks decodes
    each stored row once; ``blocks`` keeps what each block query found, for the next event
    of the same type and windows (the events of one sentence, and wire copy told by several
    outlets, share them), while nothing writes the features it reads."""
    assert item.day_lo is not None and item.day_hi is not None
    query = (
        item.type,
        item.day_lo - DAY_TOLERANCE - MAX_WINDOW_DAYS,
        item.day_hi + DAY_TOLERANCE,
        item.day_lo - DAY_TOLERANCE,
    )
    found = blocks.get(query) if blocks is not None else None
    if found is None:
        found = block_event_ids(connection, *query)
        if blocks is not None:
            blocks[query] = found
    ids = [event_id for event_id in found if event_id != item.event_id]
    unread = [event_id for event_id in ids if event_id not in decoded]
    decoded.update((f.event_id, f) for f in features_of(connection, unread))
    return [decoded[event_id] for event_id in ids if event_id in decoded]


def features_of(connection: Any, event_ids: Iterable[str]) -> list[Features]:
    """Features of tracked events, computed from their stored events."""
    ids = sorted(event_ids)
    found: list[Features] = []
    for start in range(0, len(ids), 500):
        found.extend(tracked_features(connection, ids[start : start + 500]))
    return found


# -- decisions -------------------------------------------------------------------------------


def load_decisions(connection: Any) -> Decisions:
    decisions = Decisions()
    for row in decision_rows(connection):
        a, b = row["event_a"], row["event_b"]
        if row["kind"] == "merge":
            decisions.merges.append((a, b))
        else:
            decisions.apart[a].add(b)
            decisions.apart[b].add(a)
    return decisions


# -- grouping --------------------------------------------------------------------------------


PairScores = dict[tuple[str, str], float]  # (event a < event b) -> ``AverageLinkage.score``
UNSCORED = -1.0  # a pair nothing links (no usable date, no anchor): left out of the mean
DIFFERENT = -2.0  # a pair a veto separates


class AverageLinkage:
    """Whether two clusters may join: no pair across them separated by a veto or scored below
    ``PAIR_FLOOR`` of the threshold, and the mean probability of the scored pairs across them at
    least the model's threshold (pairs are scored once, on demand). A pair with no anchor in
    common is not linked directly but scored like the others here (a background mention joins
    a cluster through the members it shares an anchor with, if the rest do not speak against
    it); a pair too vaguely dated to score is left out."""

    def __init__(
        self, features: dict[str, Features], model: PairModel, scores: PairScores | None = None
    ) -> None:
        self.features = features
        self.model = model
        self.scores: PairScores = scores if scores is not None else {}

    def score(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self.scores:
            left, right = self.features.get(key[0]), self.features.get(key[1])
            if left is None or right is None:
                self.scores[key] = DIFFERENT
            else:
                why = veto(left, right)
                if why is None or why == NO_ANCHOR:
                    self.scores[key] = self.model.probability(pair_features(left, right))
                else:
                    self.scores[key] = UNSCORED if why in NO_EVIDENCE else DIFFERENT
        return self.scores[key]

    def __call__(self, left: set[str], right: set[str]) -> bool:
        floor = self.model.threshold * PAIR_FLOOR
        total, scored = 0.0, 0
        scores = self.scores
        for a in left:
            for b in right:
                # most pairs were scored already: their score read here, without a call
                score = scores.get((a, b) if a < b else (b, a))
                if score is None:
                    score = self.score(a, b)
                if score == UNSCORED:
                    continue
                if score < floor:
                    return False
                total += score
                scored += 1
        return scored > 0 and total / scored >= self.model.threshold


def membership_rows(
    cluster: set[str], links: dict[str, list[Link]]
) -> list[tuple[str, str, str | None, float | None, str]]:
    """Why each member is in the cluster: its strongest link to another member (of equal
    scores, the one to the smallest event id, so the row does not depend on the order in which
    the links were found, i.e. on which writer stored which article first)."""
    cluster_id = cluster_id_for(cluster)
    rows = []
    for event_id in sorted(cluster):
        best, other = None, ""
        for link in links.get(event_id, ()):
            candidate = link[1] if link[0] == event_id else link[0]
            if candidate not in cluster:
                continue
            if best is None or (link[2], other) > (best[2], candidate):
                best, other = link, candidate
        if best is None:
            rows.append((event_id, cluster_id, None, None, "{}"))
            continue
        reasons = decoded(best[3]) or {"manual": "merged by hand"}
        rows.append((event_id, cluster_id, other, best[2], json.dumps(reasons)))
    return rows


def decoded(reasons: dict[str, str] | str) -> dict[str, str]:
    """A link's reasons as a dict (a stored link's are read as the JSON text stored)."""
    return json.loads(reasons) if isinstance(reasons, str) else reasons


def save_clusters(connection: Any, clusters: list[set[str]], links: list[Link]) -> None:
    by_event: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_event[link[0]].append(link)
        by_event[link[1]].append(link)
    insert_clusters(
        connection,
        ((cluster_id_for(cluster), len(cluster)) for cluster in clusters),
        (row for cluster in clusters for row in membership_rows(cluster, by_event)),
    )


def manual_links(decisions: Decisions) -> list[Link]:
    return [
        (min(a, b), max(a, b), MANUAL_SCORE, {"manual": "merged by hand"})
        for a, b in decisions.merges
    ]


# -- rebuild and update ----------------------------------------------------------------------


def rebuild_clusters(store: Store, model: PairModel | None = None) -> TrackReport:
    """Recompute every feature, link and cluster from the events (decisions are kept)."""
    model = model or PairModel.default()
    connection = store.connection
    with store.transaction():
        clear_tracking(connection)
        features = list(all_event_features(connection))
        save_features(connection, features)
        scores: PairScores = {}
        links = links_within(features, model, scores)
        save_links(connection, links)
        decisions = load_decisions(connection)
        by_id = {item.event_id: item for item in features}
        clusters = group(by_id, links, decisions, AverageLinkage(by_id, model, scores))
        save_clusters(connection, clusters, links + manual_links(decisions))
        return TrackReport(len(features), len(links), len(features), count_clusters(connection))


def update_clusters(store: Store, model: PairModel | None = None) -> TrackReport:
    """Track the events added since the last run; re-group only the parts they touch."""
    model = model or PairModel.default()
    connection = store.connection
    with store.transaction():
        new = list(untracked_event_features(connection))
        save_features(connection, new)
        scores: PairScores = {}
        links = new_links(connection, new, model, scores)
        added = save_links(connection, links)
        stale = members_of_stale_clusters(connection)
        known = {item.event_id: item for item in new}
        regrouped = regroup_new(
            connection, set(known), stale, model, known=known, scores=scores, fresh=links
        )
        return TrackReport(len(new), added, regrouped, count_clusters(connection))


def new_links(
    connection: Any, new: list[Features], model: PairModel, scores: PairScores | None = None
) -> list[Link]:
    """Links of the ``new`` events (their features already stored) to every event in their
    blocks. A pair of two new events is scored once, when the first of them is compared: the
    second finds the other among its candidates too, and would only repeat the same link.
    What each comparison found is kept in ``scores``, for ``AverageLinkage``."""
    links: list[Link] = []
    decoded: dict[str, Features] = {item.event_id: item for item in new}
    compared: set[str] = set()
    judged = PairsJudged(model)
    blocks: dict[tuple[str, int, int, int], list[str]] = {}
    for item in new:
        if item.mergeable:
            for other in stored_candidates(connection, item, decoded, blocks):
                if other.event_id not in compared:
                    links.extend(link_if_same(item, other, model, scores, judged))
            compared.add(item.event_id)
    return links


class StoredGraph:
    """The stored link graph and clusters as ``LocalRegroup`` reads them, with the features
    of every event it looks at (read once, for ``AverageLinkage``).

    ``fresh``: the links an update has just found for its new events (``known``), which are
    all the links those events have (an event gets its first links with its features: links
    go with its features, on a rebuild or when it is deleted), so they are not read back."""

    def __init__(
        self,
        connection: Any,
        known: dict[str, Features] | None = None,
        fresh: list[Link] | None = None,
    ) -> None:
        self.connection = connection
        self.features: dict[str, Features] = dict(known or {})
        self.fresh: dict[str, list[Link]] = {}
        if fresh is not None:
            self.fresh = {event_id: [] for event_id in known or {}}
            for link in fresh:
                for end in link[:2]:
                    if end in self.fresh:  # the other end may be a stored event
                        self.fresh[end].append(link)

    def prepare(self, event_ids: set[str]) -> None:
        """Read the features of those not read yet (each event's set is tested against the
        features held, never the other way: ``keys() - set`` walks every feature held, and a
        regroup that spreads over a long story asks thousands of times)."""
        missing = {event_id for event_id in event_ids if event_id not in self.features}
        self.features.update((f.event_id, f) for f in features_of(self.connection, missing))

    def links_of(self, event_ids: set[str]) -> list[Link]:
        """The links with an end in ``event_ids``, each once: a new event's from ``fresh``,
        the others' read from the store."""
        found: dict[tuple[str, str], Link] = {}
        stored = set()
        for event_id in event_ids:
            if event_id in self.fresh:
                for link in self.fresh[event_id]:
                    found[(link[0], link[1])] = link
            else:
                stored.add(event_id)
        if stored:
            for link in links_touching(self.connection, stored):
                found.setdefault((link[0], link[1]), link)
        return list(found.values())

    def clusters_of(self, event_ids: set[str]) -> dict[str, frozenset[str]]:
        members: dict[str, set[str]] = defaultdict(set)
        for event_id, cluster_id in cluster_mates(self.connection, event_ids):
            members[cluster_id].add(event_id)
        return {e: frozenset(cluster) for cluster in members.values() for e in cluster}

    def links_among(self, members: set[str]) -> list[Link]:
        return links_among(self.connection, members)


def regroup_new(
    connection: Any,
    new: set[str],
    stale: set[str],
    model: PairModel | None = None,
    *,
    known: dict[str, Features] | None = None,
    scores: PairScores | None = None,
    fresh: list[Link] | None = None,
) -> int:
    """Re-group what the ``new`` events and the members of ``stale`` clusters (they lost a
    member) can change, as a full grouping would (``LocalRegroup``); only clusters that came
    out different are written again. Returns how many events were re-grouped. ``known``:
    features already computed from the stored events (the new ones), not read again;
    ``scores``: pairs the update already compared (``link_if_same``), not scored again;
    ``fresh``: the links the update found for ``known``, not read back from the store."""
    if not new and not stale:
        return 0
    model = model or PairModel.default()
    decisions = load_decisions(connection)
    graph = StoredGraph(connection, known, fresh)
    local = LocalRegroup(
        graph, decisions, AverageLinkage(graph.features, model, scores), new, stale, graph.prepare
    )
    changed = [cluster for cluster in local.run() if not local.unchanged(cluster)]
    forget_clusters_of(connection, {event_id for cluster in changed for event_id in cluster})
    save_clusters(connection, changed, list(local.links.values()) + manual_links(decisions))
    return len(local.dirty.root)


def regroup(connection: Any, start: set[str], model: PairModel | None = None) -> int:
    """Re-group the connected parts of the link graph that hold ``start``; returns their size."""
    if not start:
        return 0
    model = model or PairModel.default()
    decisions = load_decisions(connection)
    part = connected_part(connection, start, decisions)
    links = links_among(connection, part)
    by_id = {item.event_id: item for item in features_of(connection, part)}
    clusters = group(sorted(part), links, decisions, AverageLinkage(by_id, model))
    forget_clusters_of(connection, part)
    save_clusters(connection, clusters, links + manual_links(decisions))
    return len(part)


def connected_part(connection: Any, start: set[str], decisions: Decisions) -> set[str]:
    """Every event reachable from ``start`` through links or manual merges."""
    merged: dict[str, set[str]] = defaultdict(set)
    for a, b in decisions.merges:
        merged[a].add(b)
        merged[b].add(a)
    part, frontier = set(start), list(start)
    while frontier:
        batch, frontier = frontier[:500], frontier[500:]
        neighbours = link_neighbours(connection, batch)
        for event_id in batch:
            neighbours |= merged.get(event_id, set())
        fresh = neighbours - part
        part |= fresh
        frontier.extend(sorted(fresh))
    return existing_events(connection, part)


# -- a person's decisions --------------------------------------------------------------------


def resolve_cluster(connection: Any, reference: str) -> str:
    """A cluster id, or the id of an event in it."""
    owning = cluster_of_event(connection, reference)
    if owning:
        return owning
    members_of(connection, reference)  # raises NotFoundError for an unknown id
    return reference


def merge_clusters(store: Store, first: str, second: str, note: str | None = None) -> str:
    """Keep two canonical events (ids, or ids of member events) together from now on."""
    connection = store.connection
    with store.transaction():
        left = members_of(connection, resolve_cluster(connection, first))
        right = members_of(connection, resolve_cluster(connection, second))
        forget_splits_between(connection, set(left), set(right))
        record_decision(connection, "merge", left[0], right[0], note)
        regroup(connection, set(left) | set(right))
        return cluster_of_event(connection, left[0]) or ""


def split_event(store: Store, cluster: str, event_id: str, note: str | None = None) -> str:
    """Take one event out of a canonical event, and keep it out on every rebuild."""
    connection = store.connection
    with store.transaction():
        members = members_of(connection, resolve_cluster(connection, cluster))
        if event_id not in members:
            raise NotFoundError(f"event {event_id!r} is not in canonical event {cluster!r}")
        others = [member for member in members if member != event_id]
        forget_merges_of(connection, event_id)
        for other in others:
            record_decision(connection, "split", event_id, other, note)
        regroup(connection, set(members))
        return cluster_of_event(connection, event_id) or ""
