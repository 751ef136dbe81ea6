"""members.csv, memberships.csv, chairmanships.csv and participations -> member pages.

Each member page shows a map of the state's places and its row of the
participation grid, each an SVG file beside the page (`members/<id>/map.svg`,
`years.svg`: see `pictures.svg.embedded` for why); the whole grid has a page
of its own (`members/participation.md`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from markupsafe import Markup

from csto_data.model import Row, event_sort_key, event_year
from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page
from csto_data.site.pictures import svg
from csto_data.site.pictures.grid import Participation, participation, participation_grid, participation_table_rows
from csto_data.site.pictures.map import frame_around, located, outline_box, place_box, place_map
from csto_data.site.pictures.membership import STANDING_LABELS, current_standings

PARTICIPATION_PAGE = "members/participation.md"
MAP_FILE = "map.svg"
YEARS_FILE = "years.svg"
MEMBER_PREVIEW = 5
"""How many of its events (newest), places (busiest), officials and documents a member page lists.

Each list links to the whole (the events list, the map and Places, People, the plan glossary);
the year table and picture count every event. Keeps the page under 30 KB at 10,000 events."""


def build(site: SiteContext) -> Iterator[Page]:
    members = sorted(site.data.tables["members"], key=lambda row: row["name"])
    grid = participation(site.data)
    yield markdown_page(site, "members/index.md", "pages/members_index.md.j2", "members", members=members)
    yield participation_page(site, grid)
    standings = current_standings(site.data)
    places_of: dict[str, list[Row]] = {}
    for place in sorted(site.data.tables["places"], key=lambda row: row["name"]):
        places_of.setdefault(place["member_id"], []).append(place)
    for member in members:
        listing = member_events(site, member)
        places = places_of.get(member["id"], [])
        folder = f"members/{member['id']}/"
        picture = member_map(site, member, located(places), standings)
        if picture is not None:
            yield Page(folder + MAP_FILE, svg.as_file(picture))
        member_grid = grid.row_of(member["id"])
        row = member_row(member, member_grid)
        yield Page(folder + YEARS_FILE, svg.as_file(row))
        yield profile(site, member, listing, member_grid, row, picture, places)
        yield from list_pages(site, listing)


def member_row(member: Row, grid: Participation) -> Markup:
    """The member's row of the participation grid."""
    return participation_grid(
        entity_page("members", member["id"]),
        "participation",
        grid,
        f"Held exercises and trainings {member['name']} took part in, by year",
    )


def participation_page(site: SiteContext, grid: Participation) -> Page:
    """The whole grid of member states by year, with the same numbers as a table of years."""
    picture = participation_grid(
        PARTICIPATION_PAGE,
        "participation",
        grid,
        "Held exercises and trainings each member state took part in, by year",
    )
    return markdown_page(
        site,
        PARTICIPATION_PAGE,
        "pages/participation.md.j2",
        "event_participants",
        picture=picture,
        grid=grid,
        table=participation_table_rows(grid),
        standing_labels=STANDING_LABELS,
    )


def member_map(site: SiteContext, member: Row, places: list[Row], standings: dict[str, str]) -> Markup | None:
    """The state's outline and its places with coordinates, framed on the state (and any place beyond it).

    None for a state the basemap does not outline and with no located place: nothing to frame.
    """
    boxes = [place_box(place) for place in places]
    outline = outline_box(member["id"])
    if outline:
        boxes.append(outline)
    if not boxes:
        return None
    counts = {place["id"]: len(site.data.place_events.get(place["id"], [])) for place in places}
    return place_map(
        entity_page("members", member["id"]),
        "member-map",
        places,
        counts,
        standings,
        frame_around(boxes),
        f"Map of {member['name']} and the places where CSTO events took place there",
        focus=member["id"],
    )


def member_events(site: SiteContext, member: Row) -> EventList:
    """Events the state hosted or took part in, newest first, with its role."""
    data = site.data
    roles: dict[str, str] = {row["event_id"]: row["role"] for row in data.member_events.get(member["id"], [])}
    for event in data.hosted_events.get(member["id"], []):
        roles.setdefault(event["id"], "host")
    events = sorted(
        ((data.by_id["events"][event_id], role) for event_id, role in roles.items()),
        key=lambda item: event_sort_key(item[0]),
        reverse=True,
    )
    return EventList(
        f"members/{member['id']}/events",
        f"Events of {member['name']}",
        f"CSTO events hosted or taken part in by {member['name']}, newest first.",
        events,
        preview_size=MEMBER_PREVIEW,
    )


def yearly_counts(listing: EventList) -> list[tuple[str, int, int]]:
    """(year, events hosted, events taken part in otherwise), newest year first."""
    hosted: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for event, role in listing.events:
        (hosted if role == "host" else other)[event_year(event)] += 1
    years = sorted(set(hosted) | set(other), reverse=True)
    return [(year, hosted[year], other[year]) for year in years]


def profile(
    site: SiteContext,
    member: Row,
    listing: EventList,
    grid: Participation,
    row: Markup,
    picture: Markup | None,
    places: list[Row],
) -> Page:
    data = site.data
    event_ids = {event["id"] for event, _ in listing.events}
    document_ids = sorted(
        {row["document_id"] for event_id in event_ids for row in data.event_documents.get(event_id, [])}
    )
    return markdown_page(
        site,
        entity_page("members", member["id"]),
        "pages/member.md.j2",
        "members",
        member=member,
        cite=Citations(data),
        memberships=sorted(data.memberships.get(member["id"], []), key=lambda row: row["start"]),
        chairmanships=sorted(data.chairmanships.get(member["id"], []), key=lambda row: int(row["year"])),
        listing=listing,
        years=yearly_counts(listing),
        picture=picture and svg.embedded(MAP_FILE, picture, f"Map of {member['name']} and its places"),
        places=sorted(  # the busiest first: the page lists `preview` of them, the map all
            ((place, len(data.place_events.get(place["id"], []))) for place in places),
            key=lambda item: (-item[1], item[0]["name"]),
        ),
        grid_row=svg.embedded(YEARS_FILE, row, f"Held exercises and trainings of {member['name']}, by year"),
        exercises={str(cell.year): cell for _, cells in grid.rows for cell in cells},
        people=sorted(data.member_people.get(member["id"], []), key=lambda row: row["name"]),
        documents=[data.by_id["documents"][document_id] for document_id in document_ids],
        preview=MEMBER_PREVIEW,
    )
