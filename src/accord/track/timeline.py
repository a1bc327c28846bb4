"""What happened day by day: canonical events and proposal steps, filtered by actor or pair."""

from __future__ import annotations

from dataclasses import dataclass

from accord.store import Store
from accord.track.proposals import Proposal, proposal, proposals, takes_part
from accord.track.summary import CanonicalEvent, canonical_events, involves


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a timeline: a canonical event or a proposal step on a day."""

    date: str
    kind: str  # 'event' or 'proposal'
    id: str  # canonical event id or proposal id
    text: str
    articles: int
    event_ids: tuple[str, ...]


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    proposal_id: str | None = None,
    min_articles: int = 1,
) -> list[TimelineEntry]:
    """Entries by date; ``pair`` keeps what involves both actors, ``proposal_id`` one proposal."""
    if proposal_id:
        return proposal_entries(proposal(store, proposal_id))
    wanted = [name for name in (actor, *(pair or ())) if name]
    entries = []
    for event in canonical_events(store, min_articles=min_articles):
        if all(involves(event, name) for name in wanted):
            entries.extend(event_entry(event))
    for item in proposals(store):
        if all(takes_part(item, name) for name in wanted):
            entries.extend(proposal_entries(item))
    return sorted(entries, key=lambda entry: (entry.date, entry.kind, entry.id, entry.text))


def event_entry(event: CanonicalEvent) -> list[TimelineEntry]:
    day = event.date or event.first_report
    if not day:
        return []
    kind = f"{event.type}/{event.mode}" if event.mode else event.type
    who = ", ".join(event.sources) or "?"
    whom = f" -> {', '.join(event.targets)}" if event.targets else ""
    counts = "; ".join(
        f"{c.kind} {c.best}" + (f" ({c.low}-{c.high})" if c.conflicting else "")
        for c in event.counts
    )
    text = f"{kind} {who}{whom}" + (f": {counts}" if counts else "")
    ids = tuple(member.event.id for member in event.members)
    return [TimelineEntry(day[:10], "event", event.id, text, event.articles, ids)]


def proposal_entries(item: Proposal) -> list[TimelineEntry]:
    entries = []
    for step in item.steps:
        if not step.date:
            continue
        text = f"{item.title}: {step.text()}"
        if step.date_inferred:
            text += " [date of report]"
        entries.append(TimelineEntry(step.date, "proposal", item.id, text, 0, step.event_ids))
    return entries
