"""The committed country outlines of the CSTO region, read once per build.

`basemap.geojson` is Natural Earth (public domain) via the world-atlas npm
package; its `provenance` member says which version and how it was cut, and
`scripts/make_basemap.py` regenerates it. Reading it needs no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

BASEMAP_PATH = Path(__file__).parent / "basemap.geojson"


@dataclass(frozen=True)
class Country:
    """One country outline: lower-case ISO alpha-3 code (members.csv ids), Natural Earth name, shape."""

    code: str
    name: str
    outline: BaseGeometry


@cache
def _collection() -> dict[str, Any]:
    """The GeoJSON file, parsed once for the outlines and their provenance."""
    collection: dict[str, Any] = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))
    return collection


@cache
def countries() -> tuple[Country, ...]:
    return tuple(
        Country(feature["id"], feature["properties"]["name"], shape(feature["geometry"]))
        for feature in _collection()["features"]
    )


def provenance() -> dict[str, str]:
    """Where the outlines come from, for the map's caption and the data page."""
    provenance: dict[str, str] = _collection()["provenance"]
    return provenance
