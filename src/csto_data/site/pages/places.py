"""places.csv and events.csv -> the places index with its map, and place pages."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import event_sort_key
from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page
from csto_data.site.svgmap import HEIGHT, WIDTH, map_points

PAGE_SIZE = 150


def places_page(number: int) -> str:
    return "places/index.md" if number == 1 else f"places/page-{number}.md"


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    places = sorted(data.tables["places"], key=lambda row: row["name"])
    counts = {place_id: len(events) for place_id, events in data.place_events.items()}
    pages = max(1, -(-len(places) // PAGE_SIZE))
    for number in range(1, pages + 1):
        yield markdown_page(
            site,
            places_page(number),
            "pages/places_index.md.j2",
            "places",
            places=places[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
            number=number,
            pages=pages,
            previous_page=places_page(number - 1) if number > 1 else None,
            next_page=places_page(number + 1) if number < pages else None,
            points=map_points(places, counts) if number == 1 else [],
            width=WIDTH,
            height=HEIGHT,
        )
    for place in places:
        events = sorted(data.place_events.get(place["id"], []), key=event_sort_key, reverse=True)
        listing = EventList(
            f"places/{place['id']}/events",
            f"Events at {place['name']}",
            f"CSTO events held at {place['name']}, newest first.",
            [(event, "") for event in events],
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
