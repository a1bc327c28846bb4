"""The JSON the web views draw, shaped from the store's SQL sums (``store/aggregates.py``):
canonical events (clusters), stats, map points, the actor network, export rows.

The sums themselves are ``GROUP BY`` queries in the store; here rows become the API's objects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from accord.display import date_display, date_json, event_date_json
from accord.models import Article, Event
from accord.store.aggregates import TRACKED_COUNTS, json_list, place_key

PLOVER_TABLE = "data/plover.json"
Row = Mapping[str, Any]


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


def figure_range(row: Row, kind: str) -> dict[str, int] | None:
    """``{low, best, high}`` of one count in a summary or sum row, None when nobody gave it."""
    if row[f"{kind}_best"] is None:
        return None
    return {bound: row[f"{kind}_{bound}"] for bound in ("low", "best", "high")}


def figure_ranges(row: Row) -> dict[str, dict[str, int]]:
    ranges = {kind: figure_range(row, kind) for kind in TRACKED_COUNTS}
    return {kind: found for kind, found in ranges.items() if found is not None}


def figures_display(counts: dict[str, dict[str, int]], reports: int, outlets: int) -> str:
    """'12-14 killed, 4 reports, 4 outlets': the best figure's range as people read it."""
    parts = []
    for kind, found in counts.items():
        low, high = found["low"], found["high"]
        parts.append(f"{low}-{high} {kind}" if low != high else f"{found['best']} {kind}")
    parts.append(f"{reports} report{'s' if reports != 1 else ''}")
    parts.append(f"{outlets} outlet{'s' if outlets != 1 else ''}")
    return ", ".join(parts)


def actor_json(row: Row, side: str) -> dict[str, Any] | None:
    if row[f"{side}_id"] is None:
        return None
    return {field: row[f"{side}_{field}"] for field in ("id", "name", "country", "sector")}


def place_json(row: Row, prefix: str = "place_") -> dict[str, Any] | None:
    name = row[f"{prefix}name"]
    if name is None:
        return None
    return {
        "key": place_key(name, row[f"{prefix}country"]),
        "name": name,
        "country": row[f"{prefix}country"],
        "lat": row[f"{prefix}lat"],
        "lon": row[f"{prefix}lon"],
        "precision": row[f"{prefix}precision"],
    }


def cluster_json(row: Row) -> dict[str, Any]:
    """A canonical event as lists show it (a ``cluster_summaries`` row joined to the first
    report's sentence and article)."""
    counts = figure_ranges(row)
    return {
        "id": row["cluster_id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "quad": quad(row["type"]),
        "date": date_json(
            row["date_start"], row["date_end"], row["date_precision"], row["date_by"]
        ),
        "place": place_json(row),
        "source": actor_json(row, "source"),
        "target": actor_json(row, "target"),
        "summary": row["sentence"],
        "trigger": row["trigger"],
        "event_id": row["event_id"],
        "outlet": row["outlet"],
        "url": row["url"],
        "reports": row["reports"],
        "events": row["events"],
        "outlets": row["outlets"],
        "outlet_names": json_list(row["outlet_names"]),
        "first_report": row["first_report"],
        "last_report": row["last_report"],
        "counts": counts,
        "conflicts": [kind for kind, found in counts.items() if found["low"] != found["high"]],
        "figures": figures_display(counts, row["reports"], row["outlets"]),
    }


def member_json(member: Any, article: Article) -> dict[str, Any]:
    """One report of a canonical event: its article, sentence, own figures and merge link."""
    event: Event = member.event
    counts = {kind: getattr(event.counts, kind) for kind in TRACKED_COUNTS}
    return {
        "event_id": event.id,
        "article_id": event.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "sentence": event.evidence.sentence,
        "trigger": event.trigger,
        "modality": event.modality,
        "counts": {kind: value for kind, value in counts.items() if value is not None},
        "date": event_date_json(event.date),
        "place": None
        if event.place is None
        else {
            "key": place_key(event.place.name, event.place.country),
            "name": event.place.name,
            "country": event.place.country,
        },
        "linked_to": member.linked_to,
        "score": member.score,
        "reasons": member.reasons,
    }


def why_merged(members: Sequence[Any]) -> list[str]:
    """Why each report joined the canonical event, in words."""
    lines = []
    for member in members:
        if member.linked_to is None:
            continue
        reasons = ", ".join(f"{field}: {what}" for field, what in member.reasons.items())
        score = f" (score {member.score:.2f})" if member.score is not None else ""
        lines.append(f"{member.event.id} joined {member.linked_to}{score}: {reasons}")
    return lines


def claims_json(canonical: Any) -> dict[str, Any]:
    """Each count's figures by source, and how the best one was chosen."""
    return {
        count.kind: {
            "low": count.low,
            "best": count.best,
            "high": count.high,
            "how": count.how,
            "claims": [
                {
                    "value": claim.value,
                    "qualifier": claim.qualifier,
                    "event_id": claim.event_id,
                    "outlet": claim.outlet,
                    "published": claim.published,
                }
                for claim in count.claims
            ],
        }
        for count in canonical.counts
    }


def map_json(
    rows: Sequence[Row], type_rows: Sequence[Row], unplaced: int, max_ids: int = 0
) -> dict[str, Any]:
    """Places with clusters, reports and figure ranges; places without coordinates counted."""
    types: dict[str | None, dict[str, int]] = {}
    for row in type_rows:
        types.setdefault(place_key(row["name"], row["country"]), {})[row["type"]] = row["n"]
    points, not_geocoded = [], 0
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            not_geocoded += row["clusters"] or row["events"]
            continue
        key = place_key(row["name"], row["country"])
        found_types = types.get(key, {})
        points.append(
            {
                "key": key,
                "name": row["name"],
                "country": row["country"],
                "lat": row["lat"],
                "lon": row["lon"],
                "precision": row["precision"],
                "clusters": row["clusters"],
                "events": row["events"],
                **{kind: figure_range(row, kind) or zero() for kind in TRACKED_COUNTS},
                "types": dict(sorted(found_types.items(), key=lambda item: (-item[1], item[0]))),
            }
        )
    points.sort(key=lambda point: (-point["clusters"], -point["events"], point["name"]))
    return {"points": points, "without_place": unplaced, "not_geocoded": not_geocoded}


def zero() -> dict[str, int]:
    return {"low": 0, "best": 0, "high": 0}


def place_page_json(row: Row, type_rows: Sequence[Row]) -> dict[str, Any]:
    """A place with its clusters, reports, figure ranges and types."""
    return {
        "key": place_key(row["name"], row["country"]),
        "name": row["name"],
        "country": row["country"],
        "lat": row["lat"],
        "lon": row["lon"],
        "precision": row["precision"],
        "clusters": row["clusters"],
        "events": row["events"],
        "counts": figure_ranges(row),
        "types": {type_row["type"]: type_row["n"] for type_row in type_rows},
    }


def network_json(nodes: Sequence[Row], edge_rows: Sequence[Row]) -> dict[str, Any]:
    """Nodes and undirected edges (weight = events linking the two); each edge counts its
    cooperation and conflict events (PLOVER quad) and is labelled by the majority."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in edge_rows:
        edge = edges.setdefault(
            (row["low"], row["high"]),
            {
                "source": row["low"],
                "target": row["high"],
                "weight": 0,
                "cooperation": 0,
                "conflict": 0,
                "types": {},
            },
        )
        edge["weight"] += row["n"]
        edge["conflict" if is_conflict(row["type"]) else "cooperation"] += row["n"]
        edge["types"][row["type"]] = row["n"]
    found = list(edges.values())
    for edge in found:
        edge["kind"] = "conflict" if edge["conflict"] > edge["cooperation"] else "cooperation"
        edge["types"] = dict(sorted(edge["types"].items(), key=lambda item: (-item[1], item[0])))
    found.sort(key=lambda edge: (-edge["weight"], edge["source"], edge["target"]))
    return {"nodes": [dict(node) for node in nodes], "edges": found}


def cluster_export_row(row: Row) -> dict[str, Any]:
    """The export row of a canonical event (columns ``export.CLUSTER_COLUMNS``)."""
    return {
        "id": row["cluster_id"],
        "type": row["type"],
        "mode": row["mode"],
        "modality": row["modality"],
        "date": row["date_start"],
        "date_end": row["date_end"],
        "date_precision": row["date_precision"],
        "date_by": row["date_by"],
        "date_display": date_display(
            row["date_start"], row["date_end"], row["date_precision"], row["date_by"]
        ),
        "place": row["place_name"],
        "place_country": row["place_country"],
        "lat": row["place_lat"],
        "lon": row["place_lon"],
        "place_precision": row["place_precision"],
        "source": row["source_name"],
        "source_country": row["source_country"],
        "target": row["target_name"],
        "target_country": row["target_country"],
        "reports": row["reports"],
        "events": row["events"],
        "outlets": row["outlets"],
        "outlet_names": json_list(row["outlet_names"]),
        "first_report": row["first_report"],
        "last_report": row["last_report"],
        **{
            f"{kind}_{bound}": row[f"{kind}_{bound}"]
            for kind in TRACKED_COUNTS
            for bound in ("low", "best", "high")
        },
        "outlet": row["outlet"],
        "article_url": row["url"],
        "sentence": row["sentence"],
    }
