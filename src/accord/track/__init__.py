"""Tracking across articles: canonical events, proposals and their status history.

Everything here reads the events the pipeline stored and writes derived tables (migration
002); a person's merge and split decisions are the only input kept across rebuilds.

    with accord.open("news.db") as db:
        accord.track.update(db)                  # after ingest: only what is new
        for event in accord.track.canonical_events(db, min_articles=2):
            print(event.id, event.articles, [(c.kind, c.low, c.best, c.high) for c in event.counts])
        for proposal in accord.track.proposals(db, status="agreed"):
            print(proposal.subject, [step.status for step in proposal.steps])
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from accord.store import Store
from accord.store.tracking import settle_queues
from accord.track.clustering import (
    TrackReport,
    merge_clusters,
    rebuild_clusters,
    split_event,
    update_clusters,
)
from accord.track.evaluate import (
    EventOutcome,
    PairwiseScore,
    ProposalOutcome,
    StepOutcome,
    TrackingReport,
    evaluate_tracking,
    score_grouping,
)
from accord.track.proposals import (
    Proposal,
    Step,
    derive_proposals,
    proposal,
    proposals,
    proposals_may_change,
    readings_kept_beside,
)
from accord.track.relink import update_proposals
from accord.track.summary import (
    CanonicalEvent,
    Claim,
    CountRange,
    canonical_event,
    canonical_events,
    refresh_cluster_summaries,
)
from accord.track.timeline import TimelineEntry, timeline

__all__ = [
    "CanonicalEvent",
    "Claim",
    "CountRange",
    "EventOutcome",
    "PairwiseScore",
    "Proposal",
    "ProposalOutcome",
    "Step",
    "StepOutcome",
    "TimelineEntry",
    "TrackReport",
    "TrackingReport",
    "canonical_event",
    "canonical_events",
    "evaluate_tracking",
    "merge",
    "proposal",
    "proposals",
    "proposals_may_change",
    "rebuild",
    "refresh_cluster_summaries",
    "score_grouping",
    "split",
    "timeline",
    "update",
    "update_if_pending",
    "update_proposals",
]


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collection off while tracking runs, back as it was after. Tracking makes
    hundreds of thousands of short-lived tuples, sets and dicts and no cyclic garbage (none
    found after a crowded update), so the collections those allocations set off, each walking
    every object the process holds, were all cost: a sixth of a crowded update's CPU here,
    more in an ingest's process, which holds the model and the parsed texts."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def update(store: Store, helper: Executor | None = None) -> TrackReport:
    """Track the events stored since the last run (clusters of touched blocks, proposals).

    Clusters and proposals change in one transaction that also clears the store's pending
    mark: an interrupted update leaves the mark, and the next one starts over. ``helper``: an
    idle worker pool (an ingest's with jobs) that reads the new events' proposal readings
    while this process links their pairs (the same readings, kept in the same order).
    """
    with cycle_collection_paused(), store.transaction():
        keep_readings = readings_kept_beside(store, helper)
        report = update_clusters(store)
        new_candidates = keep_readings()
        if new_candidates is None:
            derive_proposals(store)
        elif new_candidates:
            update_proposals(store, new_candidates)
        refresh_cluster_summaries(store)
        settle_queues(store.connection)
        store.mark_tracking_done()
    return report


def update_if_pending(store: Store, helper: Executor | None = None) -> TrackReport | None:
    """``update`` when events were stored or removed since tracking last ran, else None.

    The mark is read again under the write lock: of several writers finishing at once, the
    first brings tracking up to date and the others find nothing left to do."""
    if not store.tracking_pending():
        return None
    with store.transaction():
        return update(store, helper) if store.tracking_pending() else None


def rebuild(store: Store) -> TrackReport:
    """Recompute all tracking from the stored events; manual decisions are applied again."""
    with cycle_collection_paused(), store.transaction():
        report = rebuild_clusters(store)
        derive_proposals(store, reread=True)
        refresh_cluster_summaries(store)
        settle_queues(store.connection)
        store.mark_tracking_done()
    return report


def merge(store: Store, first: str, second: str, note: str | None = None) -> str:
    """Join two canonical events (cluster ids or member event ids); returns the merged id."""
    with store.transaction():
        merged = merge_clusters(store, first, second, note)
        derive_proposals(store)
        refresh_cluster_summaries(store)
    return merged


def split(store: Store, cluster: str, event_id: str, note: str | None = None) -> str:
    """Take an event out of a canonical event; returns the event's new cluster id."""
    with store.transaction():
        moved = split_event(store, cluster, event_id, note)
        derive_proposals(store)
        refresh_cluster_summaries(store)
    return moved
