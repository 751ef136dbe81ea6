"""Cut the committed basemap out of Natural Earth's country outlines, as world-atlas ships them.

Run by `scripts/make_basemap.py` only, never at build time: the build reads
the result, `basemap.geojson`, from this package. The world-atlas npm
package redistributes Natural Earth's Admin 0 countries (public domain) as
TopoJSON keyed by ISO 3166-1 numeric codes; the outlines of the CSTO region
are decoded, clipped to `REGION`, simplified and rounded here, and each
country gets its lower-case alpha-3 code, the id members.csv uses.
"""

from __future__ import annotations

import itertools
from typing import Any

import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Polygon, mapping

REGION = (14.0, 24.0, 191.0, 82.0)
"""west, south, east, north: Poland to the Bering Strait, the Gulf to the Arctic coast.

East of 180° longitudes run on past 180 (Chukotka near 190°), so Russia stays one piece.
"""
TOLERANCE_DEGREES = 0.04
DECIMALS = 2

Position = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """The topology's arcs as absolute longitude/latitude (TopoJSON stores quantised deltas)."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Position]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Position] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Position]], indexes: list[int]) -> list[Position]:
    """One closed ring from arc indexes; `~i` (negative) means arc i reversed."""
    points: list[Position] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return _unwrapped(points)


def country_shape(arcs: list[list[Position]], geometry: dict[str, Any]) -> MultiPolygon | None:
    """A TopoJSON Polygon or MultiPolygon as a shapely shape (None for a country without outline)."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    shapes = [Polygon(ring(arcs, rings[0]), [ring(arcs, hole) for hole in rings[1:]]) for rings in polygons]
    return MultiPolygon([_east_of_antimeridian(shape) for shape in shapes])


def _east_of_antimeridian(polygon: Polygon) -> Polygon:
    """A polygon that lies west of -150° (after unwrapping) moved 360° east, beside the rest of Russia."""
    west, _, east, _ = polygon.bounds
    if east < -150 or west < -180:
        return shapely.affinity.translate(polygon, xoff=360.0)
    return polygon


def _unwrapped(points: list[Position]) -> list[Position]:
    """Longitudes made continuous: a ring that crosses ±180° runs on past it instead of jumping back.

    >>> _unwrapped([(179.0, 65.0), (-179.0, 66.0), (-178.0, 65.0)])
    [(179.0, 65.0), (181.0, 66.0), (182.0, 65.0)]
    """
    offset = 0.0
    result = [points[0]]
    for (previous, _), (lon, lat) in itertools.pairwise(points):
        if lon - previous > 180:
            offset -= 360.0
        elif previous - lon > 180:
            offset += 360.0
        result.append((lon + offset, lat))
    return result


def region_subset(
    topology: dict[str, Any], alpha3_of_numeric: dict[str, str], provenance: dict[str, str]
) -> dict[str, Any]:
    """GeoJSON of every country that reaches into `REGION`, clipped, simplified and rounded."""
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        shape = country_shape(arcs, geometry)
        if shape is None:
            continue
        clipped = shapely.clip_by_rect(shapely.make_valid(shape), *REGION)
        simplified = shapely.set_precision(clipped.simplify(TOLERANCE_DEGREES), 10**-DECIMALS)
        if simplified.is_empty or simplified.area < 0.01:
            continue
        features.append(
            {
                "type": "Feature",
                "id": alpha3_of_numeric.get(geometry.get("id", ""), ""),
                "properties": {"name": geometry["properties"]["name"]},
                "geometry": mapping(simplified),
            }
        )
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {"type": "FeatureCollection", "provenance": provenance, "features": features}
