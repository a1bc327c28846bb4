"""Re-grouping only what new events change gives the clusters of grouping the whole graph.

Random graphs stand in for the store: events on a line (a long chain of links, like undated
reports linking one day's news to the next), a pair score table for the average-linkage rule,
a person's merges and splits. Each case groups the graph, then adds events and links (and
drops some events), and checks ``LocalRegroup`` against ``group`` over the new graph.
"""

from __future__ import annotations

import random

import pytest

from accord.track.grouping import Decisions, Link, LocalRegroup, group

THRESHOLD = 0.5


class DictGraph:
    """A stored graph in dictionaries: its links and the clusters a full grouping made."""

    def __init__(self, links: list[Link], clusters: list[set[str]]) -> None:
        self.links = links
        self.cluster = {e: frozenset(c) for c in clusters for e in c}
        self.reads = 0

    def links_of(self, event_ids: set[str]) -> list[Link]:
        self.reads += len(event_ids)
        return [link for link in self.links if link[0] in event_ids or link[1] in event_ids]

    def clusters_of(self, event_ids: set[str]) -> dict[str, frozenset[str]]:
        found = [self.cluster[e] for e in event_ids if e in self.cluster]
        return {e: cluster for cluster in found for e in cluster}

    def links_among(self, members: set[str]) -> list[Link]:
        return [link for link in self.links if link[0] in members and link[1] in members]


def agreement(seed: int):
    """Average linkage over a fixed random score per pair, some pairs unscored or vetoed."""
    scores: dict[tuple[str, str], float] = {}

    def score(a: str, b: str) -> float:
        key = (min(a, b), max(a, b))
        if key not in scores:
            value = random.Random(f"{seed}|{key}").random()
            scores[key] = -1.0 if value < 0.15 else value  # -1: unscored
        return scores[key]

    def agree(left: set[str], right: set[str]) -> bool:
        pairs = [score(a, b) for a in sorted(left) for b in sorted(right)]
        scored = [value for value in pairs if value >= 0]
        if any(value < 0.2 for value in scored):
            return False
        return bool(scored) and sum(scored) / len(scored) >= THRESHOLD

    return agree


def chain_links(rng: random.Random, ids: list[str], reach: int, share: float) -> list[Link]:
    """Links between events at most ``reach`` apart on the line, ``share`` of such pairs."""
    links = []
    for i, a in enumerate(ids):
        for b in ids[i + 1 : i + 1 + reach]:
            if rng.random() < share:
                score = round(rng.uniform(THRESHOLD, 1.0), 2)  # ties happen
                first, second = min(a, b), max(a, b)
                links.append((first, second, score, {}))
    return links


def random_decisions(rng: random.Random, ids: list[str]) -> Decisions:
    decisions = Decisions()
    for _ in range(rng.randrange(3)):
        a, b = rng.sample(ids, 2)
        decisions.merges.append((a, b))
    for _ in range(rng.randrange(4)):
        a, b = rng.sample(ids, 2)
        decisions.apart[a].add(b)
        decisions.apart[b].add(a)
    return decisions


def case(seed: int) -> tuple[list[set[str]], list[set[str]], int]:
    """(grouping the new graph, the stored clusters with the local re-grouping's in place of
    those it replaces, how many events the local re-grouping walked)."""
    rng = random.Random(seed)
    old = [f"e{n:03d}" for n in range(rng.randrange(20, 80))]
    links = chain_links(rng, old, reach=rng.choice((2, 4, 8)), share=rng.uniform(0.3, 0.9))
    decisions = random_decisions(rng, old)
    agree = agreement(seed)
    stored = group(old, links, decisions, agree)

    gone = set(rng.sample(old, rng.randrange(3)))
    new = [f"e{rng.randrange(len(old))}{tag}" for tag in "abc"[: rng.randrange(1, 4)]]
    everything = sorted(set(old) - gone | set(new))
    kept = [link for link in links if not {link[0], link[1]} & gone]
    fresh = [
        link
        for link in chain_links(rng, everything, reach=4, share=0.8)
        if {link[0], link[1]} & set(new) and not {link[0], link[1]} <= set(old)
    ]
    expected = group(everything, kept + fresh, decisions, agree)

    remaining = [cluster - gone for cluster in stored if cluster - gone]
    stale = {e for cluster in stored if cluster & gone for e in cluster - gone}
    graph = DictGraph(kept + fresh, remaining)
    local = LocalRegroup(graph, decisions, agree, set(new), stale)
    changed = local.run()
    replaced = local.replaced()
    assert all(cluster <= replaced | set(new) for cluster in changed)
    for cluster in changed:  # what is left as stored need not be written again
        assert local.unchanged(cluster) == (cluster in remaining and not cluster & stale)
    result = [cluster for cluster in remaining if not cluster & replaced] + changed
    return expected, result, len(local.dirty.root)


@pytest.mark.parametrize("seed", range(300))
def test_local_regroup_equals_grouping_the_whole_graph(seed: int) -> None:
    expected, result, _ = case(seed)
    assert sorted(map(sorted, result)) == sorted(map(sorted, expected))


def test_local_regroup_walks_only_part_of_a_long_chain() -> None:
    walked = [case(seed)[2] for seed in range(300)]
    assert sum(walked) / len(walked) < 25, "most of a chain of 20-80 events is left alone"
