"""Reading canonical events: members with their merge reasons, sources, and claimed counts.

For each count (killed, injured, detained, prisoners, hostages) every source's claim is kept. A
source's figure is the highest it states (a later sentence usually updates a toll upwards). Across
sources, ``low`` and ``high`` are the extremes and ``best`` follows the rule "most reported,
then latest": the figure the most sources give; when figures tie, the one the latest report
gives (tolls rise as bodies are found: "the death toll rose to 50" comes after "at least 12");
reports published at the same time give the higher figure. Conflicting claims are listed, not
averaged.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from accord.models import Article, Event
from accord.store import Store
from accord.store.tracking import clusters_reported_by, member_rows, members_of
from accord.track.features import tracking_rules

TRACKED_COUNTS = ("killed", "injured", "detained", "prisoners", "hostages")
QUALIFIERS = ("at least", "more than", "over", "nearly", "almost", "about", "around", "up to")


@dataclass(frozen=True)
class Claim:
    """What one report says about one count."""

    value: int
    qualifier: str | None  # 'at least', 'more than', ... or None for a plain figure
    event_id: str
    article_id: str
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class CountRange:
    """One count across the sources of a canonical event."""

    kind: str
    low: int
    best: int
    high: int
    how: str  # 'most reported', 'latest report' or 'highest of the latest'
    claims: tuple[Claim, ...]

    @property
    def conflicting(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Member:
    """An event record in a canonical event, and why it was merged."""

    event: Event
    outlet: str | None
    published: str | None
    linked_to: str | None
    score: float | None
    reasons: dict[str, str]


@dataclass(frozen=True)
class CanonicalEvent:
    """One real-world event as several reports describe it."""

    id: str
    type: str
    mode: str | None
    date: str | None  # the date most members state
    place: str | None
    sources: tuple[str, ...]  # actor names, either side of any member
    targets: tuple[str, ...]
    articles: int
    outlets: tuple[str, ...]
    first_report: str | None
    last_report: str | None
    counts: tuple[CountRange, ...]
    members: tuple[Member, ...] = field(repr=False)

    @property
    def conflicts(self) -> tuple[CountRange, ...]:
        return tuple(count for count in self.counts if count.conflicting)


def canonical_event(store: Store, cluster_id: str) -> CanonicalEvent:
    """A canonical event by id, with every member."""
    event_ids = members_of(store.connection, cluster_id)
    rows = member_rows(store.connection, cluster_id)
    articles: dict[str, Article] = {}
    members = []
    for event_id in event_ids:
        event = store.event(event_id)
        if event.article_id not in articles:
            articles[event.article_id] = store.article(event.article_id)
        article = articles[event.article_id]
        row = rows[event_id]
        members.append(
            Member(
                event=event,
                outlet=article.outlet,
                published=article.published,
                linked_to=row["linked_to"],
                score=row["score"],
                reasons=json.loads(row["reasons"]),
            )
        )
    members.sort(key=lambda member: (member.published or "", member.event.id))
    return summarise(cluster_id, members)


def summarise(cluster_id: str, members: list[Member]) -> CanonicalEvent:
    events = [member.event for member in members]
    published = sorted(member.published for member in members if member.published)
    return CanonicalEvent(
        id=cluster_id,
        type=events[0].type,
        mode=most_common(event.mode for event in events),
        date=most_common(event.date.start for event in events if event.date),
        place=most_common(event.place.name for event in events if event.place),
        sources=distinct(ref.name for event in events for ref in event.sources),
        targets=distinct(ref.name for event in events for ref in event.targets),
        articles=len({event.article_id for event in events}),
        outlets=distinct(member.outlet for member in members if member.outlet),
        first_report=published[0] if published else None,
        last_report=published[-1] if published else None,
        counts=count_ranges(members),
        members=tuple(members),
    )


def count_ranges(members: list[Member]) -> tuple[CountRange, ...]:
    """Each count's range over the members' claims; a side's part of an exchange is left out
    when a whole figure of that kind is given (rule a-side's-part-is-not-the-exchange's)."""
    ranges = []
    parts = {member.event.id for member in members if side_part(member.event)}
    for kind in TRACKED_COUNTS:
        claims = [claim_of(member, kind) for member in members]
        found = [claim for claim in claims if claim is not None]
        wholes = [claim for claim in found if claim.event_id not in parts]
        if found:
            ranges.append(count_range(kind, found, wholes or found))
    return tuple(ranges)


def side_part(event: Event) -> bool:
    """Whether a release counts one side's part of an exchange ('Russia released 16 prisoners
    in the swap in Ankara', 'an exchange that freed three Americans'), not the exchange's
    whole ('exchanged 24 prisoners', '26 prisoners ... freed in the exchange')."""
    if event.type != "RETREAT":
        return False
    rules = tracking_rules()["exchange_parts"]
    sentence = event.evidence.sentence.lower()
    trigger = (event.trigger or "").lower()
    named = trigger not in rules["words"] and any(
        re.search(rf"\b{word}\b", sentence) for word in rules["words"]
    )
    one_nationality = any(
        ref.country and rules["nationality_regex"].match(ref.text) for ref in event.targets
    )
    return (named and bool(event.sources)) or one_nationality


def claim_of(member: Member, kind: str) -> Claim | None:
    value = getattr(member.event.counts, kind)
    if value is None:
        return None
    return Claim(
        value=value,
        qualifier=qualifier_of(member.event.evidence.sentence, value),
        event_id=member.event.id,
        article_id=member.event.article_id,
        outlet=member.outlet,
        published=member.published,
    )


def qualifier_of(sentence: str, value: int) -> str | None:
    """'at least' in 'killed at least 13 people' (digits only; words are left unqualified)."""
    for qualifier in QUALIFIERS:
        if qualified_figure(qualifier, value).search(sentence):
            return qualifier
    return None


@lru_cache(maxsize=4096)
def qualified_figure(qualifier: str, value: int) -> re.Pattern[str]:
    """The pattern of a figure after its qualifier, compiled once: built anew at each claim,
    the patterns of every figure a story reports pushed each other out of ``re``'s own cache
    (a compile per claim, about 0.1 s of a crowded story's tracking update)."""
    return re.compile(rf"\b{qualifier}\s+{value:,}\b|\b{qualifier}\s+{value}\b", re.I)


def count_range(kind: str, claims: list[Claim], ranged: list[Claim] | None = None) -> CountRange:
    """Low, best and high over sources (one figure per article: the highest it states); best
    is the most reported figure, then the latest report's, then the higher (see above).
    ``ranged``: the claims the range is taken from (all of them unless given); every claim is
    kept in the range's list."""
    per_article: dict[str, tuple[int, datetime]] = {}
    for claim in claims if ranged is None else ranged:
        value, published = per_article.get(claim.article_id, (0, report_time(claim.published)))
        per_article[claim.article_id] = (max(value, claim.value), published)
    values = sorted(value for value, _ in per_article.values())
    tally = Counter(values)
    most = max(tally.values())
    tied = {value for value, times in tally.items() if times == most}
    if len(tied) == 1:
        best, how = tied.pop(), "most reported"
    else:
        latest = max(published for value, published in per_article.values() if value in tied)
        newest = [v for v, published in per_article.values() if v in tied and published == latest]
        best = max(newest)
        how = "latest report" if len(set(newest)) == 1 else "highest of the latest"
    return CountRange(kind, values[0], best, values[-1], how, tuple(claims))


def report_time(published: str | None) -> datetime:
    """When a report was published, comparable across time zones (a date alone: its start;
    unknown: earliest)."""
    try:
        moment = datetime.fromisoformat(published) if published else datetime.min
    except ValueError:
        moment = datetime.min
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def canonical_events(
    store: Store,
    *,
    min_articles: int = 1,
    type: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
) -> list[CanonicalEvent]:
    """Canonical events reported by at least ``min_articles`` articles, most reported first."""
    found = []
    for cluster_id in clusters_reported_by(store.connection, min_articles, type and type.upper()):
        event = canonical_event(store, cluster_id)
        if actor and not involves(event, actor):
            continue
        found.append(event)
        if limit is not None and len(found) >= limit:
            break
    return found


def involves(canonical: CanonicalEvent, actor: str) -> bool:
    """Whether an actor (id, country code, or part of a name) takes part in any member."""
    wanted = actor.casefold()
    for member in canonical.members:
        for ref in (*member.event.sources, *member.event.targets):
            if wanted in (ref.actor_id.casefold(), (ref.country or "").casefold()):
                return True
            if wanted in ref.name.casefold():
                return True
    return False


def most_common(values: Iterable[str | None]) -> str | None:
    tally = Counter(value for value in values if value)
    if not tally:
        return None
    return sorted(tally.items(), key=lambda item: (-item[1], item[0]))[0][0]


def distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


# -- summary rows for the workbench (store table cluster_summaries) -----------------------------

SUMMARY_BATCH = 1000  # clusters read and summarised at a time


def refresh_cluster_summaries(store: Store) -> int:
    """Write the summary row of every canonical event that has none (new or regrouped ones;
    a cluster's row goes when the cluster does). Returns how many were written."""
    missing = store.clusters_without_summary()
    for start in range(0, len(missing), SUMMARY_BATCH):
        batch = missing[start : start + SUMMARY_BATCH]
        store.save_cluster_summaries([summary_row(item) for item in read_clusters(store, batch)])
    store.forget_summary_queue()
    return len(missing)


def read_clusters(store: Store, cluster_ids: list[str]) -> list[CanonicalEvent]:
    """Canonical events read in bulk (one query for members, one for their events)."""
    member_rows = store.cluster_member_rows(cluster_ids)
    events = store.events_by_id([row["event_id"] for row in member_rows])
    grouped: dict[str, list[Member]] = {}
    for row in member_rows:
        grouped.setdefault(row["cluster_id"], []).append(
            Member(
                event=events[row["event_id"]],
                outlet=row["outlet"],
                published=row["published"],
                linked_to=row["linked_to"],
                score=row["score"],
                reasons=json.loads(row["reasons"]),
            )
        )
    found = []
    for cluster_id, members in grouped.items():
        members.sort(key=lambda member: (member.published or "", member.event.id))
        found.append(summarise(cluster_id, members))
    return found


def summary_row(canonical: CanonicalEvent) -> dict[str, object]:
    """The ``cluster_summaries`` row: what lists, maps and totals show of one real event."""
    events = [member.event for member in canonical.members]
    first = events[0]
    dated = [event for event in events if event.date and event.date.start == canonical.date]
    bound = [event for event in events if event.date and event.date.by]
    date = (dated or bound or [first])[0].date
    placed = [event for event in events if event.place and event.place.name == canonical.place]
    place = placed[0].place if placed else None
    row: dict[str, object] = {
        "cluster_id": canonical.id,
        "event_id": first.id,
        "type": canonical.type,
        "mode": canonical.mode,
        "modality": most_common(event.modality for event in events) or first.modality,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_by": date.by if date else None,
        "place_key": f"{place.name}|{place.country or ''}" if place else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_precision": place.precision if place else None,
        **main_actor("source", [event.sources for event in events]),
        **main_actor("target", [event.targets for event in events]),
        "reports": canonical.articles,
        "events": len(events),
        "outlets": len(canonical.outlets),
        "outlet_names": json.dumps(list(canonical.outlets), ensure_ascii=False),
        "first_report": canonical.first_report,
        "last_report": canonical.last_report,
    }
    row["countries"] = sorted(
        {event.place.country for event in events if event.place and event.place.country}
        | {ref.country for event in events for ref in (*event.sources, *event.targets)} - {None}
    )
    row["actor_ids"] = sorted(
        {ref.actor_id for event in events for ref in (*event.sources, *event.targets)}
    )
    ranges = {count.kind: count for count in canonical.counts}
    for kind in TRACKED_COUNTS:
        found = ranges.get(kind)
        row[f"{kind}_low"] = found.low if found else None
        row[f"{kind}_best"] = found.best if found else None
        row[f"{kind}_high"] = found.high if found else None
    return row


def main_actor(side: str, refs_by_event: list[tuple]) -> dict[str, object]:
    """The actor most members name first on a side: ``{side}_id``, ``_name``, ..."""
    firsts = [refs[0] for refs in refs_by_event if refs]
    chosen_id = most_common(ref.actor_id for ref in firsts)
    ref = next((ref for ref in firsts if ref.actor_id == chosen_id), None)
    return {
        f"{side}_id": ref.actor_id if ref else None,
        f"{side}_name": ref.name if ref else None,
        f"{side}_country": ref.country if ref else None,
        f"{side}_sector": ref.sector if ref else None,
    }
