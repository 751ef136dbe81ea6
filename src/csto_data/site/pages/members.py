"""members.csv, memberships.csv, chairmanships.csv and participations -> member pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from csto_data.model import Row, event_sort_key, event_year
from csto_data.site.citations import Citations
from csto_data.site.listing import PREVIEW_SIZE, EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page


def build(site: SiteContext) -> Iterator[Page]:
    members = sorted(site.data.tables["members"], key=lambda row: row["name"])
    yield markdown_page(site, "members/index.md", "pages/members_index.md.j2", "members", members=members)
    for member in members:
        listing = member_events(site, member)
        yield profile(site, member, listing)
        yield from list_pages(site, listing)


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
    )


def yearly_counts(listing: EventList) -> list[tuple[str, int, int]]:
    """(year, events hosted, events taken part in otherwise), newest year first."""
    hosted: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for event, role in listing.events:
        (hosted if role == "host" else other)[event_year(event)] += 1
    years = sorted(set(hosted) | set(other), reverse=True)
    return [(year, hosted[year], other[year]) for year in years]


def profile(site: SiteContext, member: Row, listing: EventList) -> Page:
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
        people=sorted(data.member_people.get(member["id"], []), key=lambda row: row["name"]),
        documents=[data.by_id["documents"][document_id] for document_id in document_ids],
        limit=PREVIEW_SIZE * 2,
    )
