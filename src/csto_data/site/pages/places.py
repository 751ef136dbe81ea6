"""places.csv and events.csv -> the places index with its map, and place pages."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, index_pages, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page
from csto_data.site.pictures.basemap import provenance
from csto_data.site.pictures.map import frame_around, located, place_box, place_map
from csto_data.site.pictures.membership import current_standings

PAGE_SIZE = 150


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    places = sorted(data.tables["places"], key=lambda row: row["name"])
    counts = {place_id: len(events) for place_id, events in data.place_events.items()}
    # The map shows every place with coordinates; it sits on the first page only.
    with_coordinates = located(places)
    picture = (
        place_map(
            "places/index.md",
            "places-map",
            with_coordinates,
            counts,
            current_standings(data),
            frame_around(place_box(place) for place in with_coordinates),
            "Map of the places where CSTO events took place",
        )
        if with_coordinates
        else None
    )
    yield from index_pages(
        site,
        "places",
        places,
        "pages/places_index.md.j2",
        "places",
        PAGE_SIZE,
        picture=picture,
        outlines=provenance()["data"],
    )
    for place in places:
        listing = EventList.newest_first(
            f"places/{place['id']}/events",
            f"Events at {place['name']}",
            f"CSTO events held at {place['name']}, newest first.",
            data.place_events.get(place["id"], []),
        )
        yield markdown_page(
            site,
            entity_page("places", place["id"]),
            "pages/place.md.j2",
            "places",
            place=place,
            cite=Citations(data),
            listing=listing,
        )
        yield from list_pages(site, listing)
