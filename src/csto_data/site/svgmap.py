"""A map of places drawn as inline SVG at build time: no tiles, no script, no network.

Points are placed with an equirectangular projection over the box that holds
all places with coordinates, padded a little; it is a locator, not a survey.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from csto_data.model import Row

WIDTH, HEIGHT, PADDING = 800, 420, 2.0
LABEL_WIDTH, LABEL_HEIGHT = 70, 14


@dataclass(frozen=True)
class MapPoint:
    """One place at its SVG position."""

    place: Row
    x: float
    y: float
    events: int
    labelled: bool = True


def map_points(places: list[Row], event_counts: dict[str, int]) -> list[MapPoint]:
    """SVG positions for every place that has coordinates."""
    located = [place for place in places if place.get("latitude") and place.get("longitude")]
    if not located:
        return []
    lats = [float(place["latitude"]) for place in located]
    lons = [float(place["longitude"]) for place in located]
    west, east = min(lons) - PADDING, max(lons) + PADDING
    south, north = min(lats) - PADDING, max(lats) + PADDING
    scale = min(WIDTH / (east - west), HEIGHT / (north - south))
    points = [
        MapPoint(
            place,
            round((float(place["longitude"]) - west) * scale, 1),
            round((north - float(place["latitude"])) * scale, 1),
            event_counts.get(place["id"], 0),
        )
        for place in sorted(located, key=lambda row: row["id"])
    ]
    return _label_without_overlap(points)


def _label_without_overlap(points: list[MapPoint]) -> list[MapPoint]:
    """Label the busiest places first and drop labels that would overlap one already placed.

    Unlabelled dots keep their name as a tooltip and in the table below the map.
    """
    placed: list[MapPoint] = []
    for point in sorted(points, key=lambda item: (-item.events, item.place["id"])):
        if all(abs(point.x - other.x) > LABEL_WIDTH or abs(point.y - other.y) > LABEL_HEIGHT for other in placed):
            placed.append(point)
    labelled = {point.place["id"] for point in placed}
    return [replace(point, labelled=point.place["id"] in labelled) for point in points]
