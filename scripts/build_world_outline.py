"""Build ``src/accord/serve/static/world.json``, the map outline the web UI draws.

Input: ``countries-110m.json`` from the npm package ``world-atlas`` 2.0.2 (TopoJSON made from
Natural Earth 1:110m admin-0 countries; Natural Earth is public domain, world-atlas is ISC):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_outline.py package/countries-110m.json

Output: a GeoJSON FeatureCollection (one MultiPolygon per country, name and ISO numeric id),
coordinates rounded to 0.1 degree and consecutive duplicates dropped, so the file stays small
and the browser needs no TopoJSON decoder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src/accord/serve/static/world.json"
DECIMALS = 1


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (quantised, delta-encoded in TopoJSON)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join the arcs of one ring (a negative index is arc ~i reversed), rounded."""
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        for lon, lat in arc[1:] if points else arc:
            point = [round(lon, DECIMALS), round(lat, DECIMALS)]
            if not points or points[-1] != point:
                points.append(point)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def features(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        shapes = [[ring(indexes, arcs) for indexes in polygon] for polygon in polygons(geometry)]
        shapes = [[r for r in shape if len(r) >= 4] for shape in shapes]
        shapes = [shape for shape in shapes if shape]
        if shapes:
            found.append(
                {
                    "type": "Feature",
                    "id": geometry.get("id"),
                    "properties": {"name": geometry.get("properties", {}).get("name")},
                    "geometry": {"type": "MultiPolygon", "coordinates": shapes},
                }
            )
    return found


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2",
        "features": features(topology),
    }
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(collection['features'])} countries to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1])
