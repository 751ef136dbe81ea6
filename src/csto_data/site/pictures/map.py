"""A map of places on Natural Earth country outlines, member states shaded by their standing.

Projection: equirectangular with longitudes shrunk by the cosine of the
middle latitude, which keeps shapes recognisable at the scale of the CSTO
region; it is a locator, not a survey. Outlines are clipped to the frame and
simplified to under a pixel, so the file grows with the area shown, not with
the number of events. Dots are sized by the number of events and link to
their place page; labels are placed greedily, busiest place first, in the
first of four positions that collides with nothing already drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import shapely
from markupsafe import Markup
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from csto_data.model import Row
from csto_data.site.paths import entity_page
from csto_data.site.pictures import svg
from csto_data.site.pictures.basemap import countries
from csto_data.site.pictures.membership import STANDING_LABELS

WIDTH, MAX_HEIGHT = 800.0, 400.0
PADDING_DEGREES, MIN_SPAN_DEGREES = 1.5, 6.0
SEA, LAND, BORDER = "#dce9f5", "#f4f1ea", "#8c8c8c"
STANDING_FILLS = {"member": "#b9c4ec", "suspended": "#f7c99a", "former": "#d9d0cb"}
DOT = "#b3261e"
CHARACTER_WIDTH, LABEL_HEIGHT = 6.6, 13.0
SIMPLIFY_PIXELS = 0.7
HALO = ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Frame:
    """The part of the globe shown, and its size in pixels."""

    west: float
    south: float
    east: float
    north: float

    @property
    def shrink(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        """Pixels per degree of latitude: fill the width unless that makes the map too tall."""
        across = WIDTH / ((self.east - self.west) * self.shrink)
        return min(across, MAX_HEIGHT / (self.north - self.south))

    @property
    def width(self) -> float:
        return (self.east - self.west) * self.shrink * self.scale

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale)

    def project_array(self, coordinates: NDArray[np.float64]) -> NDArray[np.float64]:
        projected = np.empty_like(coordinates)
        projected[:, 0] = (coordinates[:, 0] - self.west) * self.shrink * self.scale
        projected[:, 1] = (self.north - coordinates[:, 1]) * self.scale
        return projected


def frame_around(boxes: Iterable[Box]) -> Frame:
    """The smallest frame holding every (west, south, east, north) box, padded, at least a few degrees wide."""
    boxes = list(boxes)
    west, south = min(box[0] for box in boxes), min(box[1] for box in boxes)
    east, north = max(box[2] for box in boxes), max(box[3] for box in boxes)
    west, east = _widen(west - PADDING_DEGREES, east + PADDING_DEGREES, MIN_SPAN_DEGREES * 1.5)
    south, north = _widen(south - PADDING_DEGREES, north + PADDING_DEGREES, MIN_SPAN_DEGREES)
    return Frame(max(west, -180.0), max(south, -85.0), min(east, 191.0), min(north, 85.0))


def _widen(low: float, high: float, span: float) -> tuple[float, float]:
    missing = max(0.0, span - (high - low)) / 2
    return low - missing, high + missing


def located(places: Iterable[Row]) -> list[Row]:
    return [place for place in places if place.get("latitude") and place.get("longitude")]


def place_box(place: Row) -> Box:
    lon, lat = float(place["longitude"]), float(place["latitude"])
    return (lon, lat, lon, lat)


def outline_box(code: str) -> Box | None:
    """The bounds of a country's outline, for framing a member page's map."""
    for country in countries():
        if country.code == code:
            west, south, east, north = country.outline.bounds
            return (west, south, east, north)
    return None


def path_data(shape: BaseGeometry) -> str:
    """SVG path commands for the polygons of a projected shape, one subpath per ring.

    Points after the first of a ring are relative moves between the rounded
    points: short numbers (a third of the file for a large state) and no drift.

    >>> from shapely.geometry import Polygon
    >>> path_data(Polygon([(10, 10), (12.5, 10), (12.5, 14)]))
    'M10 10l2.5 0 0 4Z'
    """
    commands = []
    for polygon in getattr(shape, "geoms", [shape]):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            points = [(round(x, 1), round(y, 1)) for x, y in ring.coords[:-1]]
            if len(points) < 3:
                continue
            (x0, y0), steps = points[0], itertools.pairwise(points)
            moves = " ".join(f"{svg.number(x - px)} {svg.number(y - py)}" for (px, py), (x, y) in steps)
            commands.append(f"M{svg.number(x0)} {svg.number(y0)}l{moves}Z")
    return "".join(commands)


def dot_radius(events: int) -> float:
    return min(3.0 + 1.6 * math.sqrt(events), 16.0)


@dataclass(frozen=True)
class Dot:
    place: Row
    x: float
    y: float
    radius: float
    events: int


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class Label:
    """Where a place's name is written: the text position, its anchor and the box it covers."""

    x: float
    y: float
    anchor: str
    box: Box


def label_positions(dots: list[Dot], width: float, height: float) -> dict[str, Label]:
    """Where each label goes, busiest place first; a label that fits nowhere is left out.

    Unlabelled dots keep their name in their tooltip, their link and the table beside the map.
    """
    taken: list[Box] = [
        (dot.x - dot.radius, dot.y - dot.radius, dot.x + dot.radius, dot.y + dot.radius) for dot in dots
    ]
    placed: dict[str, Label] = {}
    for dot in sorted(dots, key=lambda item: (-item.events, item.place["name"])):
        length = len(dot.place["name"]) * CHARACTER_WIDTH
        gap = dot.radius + 2
        candidates = (
            (dot.x + gap, dot.y + 4, "start", (dot.x + gap, dot.y - 7, dot.x + gap + length, dot.y + 5)),
            (dot.x - gap, dot.y + 4, "end", (dot.x - gap - length, dot.y - 7, dot.x - gap, dot.y + 5)),
            (
                dot.x,
                dot.y - gap - 2,
                "middle",
                (dot.x - length / 2, dot.y - gap - LABEL_HEIGHT, dot.x + length / 2, dot.y - gap),
            ),
            (
                dot.x,
                dot.y + gap + 10,
                "middle",
                (dot.x - length / 2, dot.y + gap, dot.x + length / 2, dot.y + gap + LABEL_HEIGHT),
            ),
        )
        own = (dot.x - dot.radius, dot.y - dot.radius, dot.x + dot.radius, dot.y + dot.radius)
        for x, y, anchor, box in candidates:
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(_overlaps(box, other) for other in taken if other != own):
                placed[dot.place["id"]] = Label(x, y, anchor, box)
                taken.append(box)
                break
    return placed


def place_map(
    page_path: str,
    prefix: str,
    places: list[Row],
    event_counts: Mapping[str, int],
    standings: Mapping[str, str],
    frame: Frame,
    title: str,
    focus: str = "",
) -> Markup:
    """The map: outlines shaded by `standings` (member id -> standing), one linked dot per place.

    `focus` is the code of a country to outline in black (the state of a member page).
    """
    width, height = frame.width, frame.height
    dots = sorted(
        (
            Dot(
                place,
                *frame.project(float(place["longitude"]), float(place["latitude"])),
                dot_radius(event_counts.get(place["id"], 0)),
                event_counts.get(place["id"], 0),
            )
            for place in located(places)
        ),
        key=lambda dot: (-dot.events, dot.place["id"]),
    )
    shown = [name for name in STANDING_FILLS if name in standings.values()]
    description = (
        f"{len(dots)} places drawn on country outlines (Natural Earth); a larger dot marks more events. "
        + ("Shading: " + ", ".join(STANDING_LABELS[name] for name in shown) + ". " if shown else "")
        + "Each dot links to its place page; the table beside the map has the same numbers."
    )
    legend, legend_height = svg.legend(_legend_items(shown), width, height)
    parts = [svg.opening(prefix, width, height + legend_height, title, description, links=bool(dots))]
    parts.append(svg.rect(0, 0, width, height + legend_height, "#ffffff") + svg.rect(0, 0, width, height, SEA))
    parts.append(_outlines(frame, standings, focus))
    parts.append(f'<g stroke="#ffffff" stroke-width="1" fill="{DOT}" fill-opacity=".8">')
    for dot in dots:
        label = f"{dot.place['name']}: {dot.events} event{'s' if dot.events != 1 else ''}"
        circle = f'<circle cx="{svg.number(dot.x)}" cy="{svg.number(dot.y)}" r="{svg.number(dot.radius)}"/>'
        parts.append(svg.link(page_path, entity_page("places", dot.place["id"]), label, circle))
    parts.append('</g><g aria-hidden="true" fill="#1a1a1a"' + HALO + ">")
    labels = label_positions(dots, width, height)
    for dot in dots:
        if dot.place["id"] in labels:
            where = labels[dot.place["id"]]
            parts.append(svg.text(where.x, where.y, dot.place["name"], where.anchor))
    parts.append("</g>")
    parts.append(legend)
    return svg.finish(parts)


def _outlines(frame: Frame, standings: Mapping[str, str], focus: str) -> str:
    """Every country in the frame, clipped and simplified; member states shaded and named in a tooltip.

    The `focus` country is drawn last with a dark border, so no neighbour covers its outline.
    """
    view = (frame.west, frame.south, frame.east, frame.north)
    parts = [f'<g stroke="{BORDER}" stroke-width=".6" stroke-linejoin="round">']
    focused = ""
    for country in countries():
        if not _overlaps(country.outline.bounds, view):
            continue
        clipped = shapely.clip_by_rect(country.outline, *view)
        drawn = shapely.transform(clipped, frame.project_array).simplify(SIMPLIFY_PIXELS)
        data = path_data(drawn)
        if not data:
            continue
        standing = standings.get(country.code)
        fill = STANDING_FILLS.get(standing, LAND) if standing else LAND
        tip = svg.tooltip(f"{country.name}: {STANDING_LABELS[standing]}") if standing in STANDING_FILLS else ""
        if country.code == focus:
            focused = f'<path fill="{fill}" stroke="#1a1a1a" stroke-width="1.6" d="{data}">{tip}</path>'
        else:
            parts.append(f'<path fill="{fill}" d="{data}">{tip}</path>')
    parts.append(focused + "</g>")
    return "".join(parts)


def _legend_items(standings: list[str]) -> list[tuple[str, str]]:
    """Swatches for the standings shown, and what a dot's size means."""
    items = [
        (
            svg.rect(1, 3, 14, 10, STANDING_FILLS[standing], f' stroke="{BORDER}"'),
            STANDING_LABELS[standing].capitalize(),
        )
        for standing in standings
    ]
    items.append((f'<circle cx="8" cy="8" r="5" fill="{DOT}"/>', "Place (larger: more events)"))
    return items
