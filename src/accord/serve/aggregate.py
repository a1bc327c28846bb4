"""Summaries the web views draw, computed from events: timeline, actor network, map.

Pure functions over ``Event`` records (read with the same filters as ``/api/events``), so the
views agree with the event table by construction.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from itertools import combinations
from typing import Any

from accord.models import COUNT_KINDS, Event

PLOVER_TABLE = "data/plover.json"
DAY_PRECISIONS = ("day", "week")  # dates a day-by-day timeline can place


@cache
def plover_types() -> dict[str, dict[str, Any]]:
    """PLOVER event types by name, from the bundled table."""
    table = json.loads(files("accord").joinpath(PLOVER_TABLE).read_text(encoding="utf-8"))
    return table["types"]


def quad(event_type: str) -> str | None:
    """``verbal cooperation``, ``material conflict``, ... for a PLOVER type."""
    return plover_types().get(event_type, {}).get("quad")


def is_conflict(event_type: str) -> bool:
    return (quad(event_type) or "").endswith("conflict")


def type_table() -> list[dict[str, Any]]:
    """The types with their quad, for legends and filter menus."""
    return [{"type": name, "quad": row.get("quad")} for name, row in plover_types().items()]


def timeline(events: Iterable[Event]) -> dict[str, Any]:
    """Counts by type, by modality and by (day, type); coarse or missing dates counted apart."""
    by_type: Counter[str] = Counter()
    by_modality: Counter[str] = Counter()
    by_day: Counter[tuple[str, str]] = Counter()
    undated = coarse = total = 0
    for event in events:
        total += 1
        by_type[event.type] += 1
        by_modality[event.modality] += 1
        if event.date is None or event.date.start is None:
            undated += 1
        elif event.date.precision in DAY_PRECISIONS:
            by_day[(event.date.start[:10], event.type)] += 1
        else:
            coarse += 1
    return {
        "events": total,
        "by_type": dict(by_type.most_common()),
        "by_modality": dict(by_modality.most_common()),
        "by_day": [
            {"date": day, "type": event_type, "count": count}
            for (day, event_type), count in sorted(by_day.items())
        ],
        "coarse_dates": coarse,
        "undated": undated,
    }


def actor_pairs(event: Event) -> list[tuple[str, str]]:
    """Who acts on whom: each source with each target; without targets, the sources together."""
    sources = list(dict.fromkeys(ref.actor_id for ref in event.sources))
    targets = list(dict.fromkeys(ref.actor_id for ref in event.targets))
    if targets:
        pairs = [(source, target) for source in sources for target in targets]
    else:
        pairs = list(combinations(sources, 2))
    return [(a, b) for a, b in pairs if a != b]


def network(events: Iterable[Event], max_nodes: int = 60) -> dict[str, Any]:
    """Actor nodes and undirected edges, weight = events linking the two actors.

    Each edge counts cooperation and conflict events (from the PLOVER quad) and is labelled
    by the majority; only the ``max_nodes`` most active actors are kept.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        for ref in (*event.sources, *event.targets):
            node = nodes.setdefault(
                ref.actor_id,
                {
                    "id": ref.actor_id,
                    "name": ref.name,
                    "country": ref.country,
                    "sector": ref.sector,
                    "events": 0,
                    "event_ids": set(),
                },
            )
            node["event_ids"].add(event.id)
        for a, b in actor_pairs(event):
            key = (a, b) if a < b else (b, a)
            edge = edges.setdefault(
                key,
                {
                    "source": key[0],
                    "target": key[1],
                    "weight": 0,
                    "cooperation": 0,
                    "conflict": 0,
                    "types": Counter(),
                },
            )
            edge["weight"] += 1
            edge["conflict" if is_conflict(event.type) else "cooperation"] += 1
            edge["types"][event.type] += 1
    for node in nodes.values():
        node["events"] = len(node.pop("event_ids"))
    kept = sorted(nodes.values(), key=lambda node: (-node["events"], node["name"]))[:max_nodes]
    kept_ids = {node["id"] for node in kept}
    kept_edges = [edge for key, edge in edges.items() if set(key) <= kept_ids]
    for edge in kept_edges:
        edge["kind"] = "conflict" if edge["conflict"] > edge["cooperation"] else "cooperation"
        edge["types"] = dict(edge["types"].most_common())
    kept_edges.sort(key=lambda edge: (-edge["weight"], edge["source"], edge["target"]))
    return {"nodes": kept, "edges": kept_edges}


def map_points(events: Iterable[Event], max_ids: int = 50) -> dict[str, Any]:
    """Geocoded events grouped by place, with event counts, casualty sums and types."""
    points: dict[tuple[str, float, float], dict[str, Any]] = {}
    without_place = not_geocoded = 0
    for event in events:
        place = event.place
        if place is None:
            without_place += 1
            continue
        if place.lat is None or place.lon is None:
            not_geocoded += 1
            continue
        key = (place.name, place.lat, place.lon)
        point = points.setdefault(
            key,
            {
                "name": place.name,
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "precision": place.precision,
                "events": 0,
                "types": Counter(),
                "event_ids": [],
                **dict.fromkeys(COUNT_KINDS, 0),
            },
        )
        point["events"] += 1
        point["types"][event.type] += 1
        if len(point["event_ids"]) < max_ids:
            point["event_ids"].append(event.id)
        for kind in COUNT_KINDS:
            point[kind] += getattr(event.counts, kind) or 0
    found = sorted(points.values(), key=lambda point: (-point["events"], point["name"]))
    for point in found:
        point["types"] = dict(point["types"].most_common())
    return {"points": found, "without_place": without_place, "not_geocoded": not_geocoded}
