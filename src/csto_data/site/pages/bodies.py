"""bodies.csv with the events and documents that name them -> bodies and forces pages."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import event_sort_key
from csto_data.site.citations import Citations
from csto_data.site.listing import PREVIEW_SIZE, EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page

KIND_ORDER = ("statutory", "permanent", "subsidiary", "parliamentary", "force", "partner")


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    bodies = sorted(data.tables["bodies"], key=lambda row: (KIND_ORDER.index(row["kind"]), row["name"]))
    yield markdown_page(site, "bodies/index.md", "pages/bodies_index.md.j2", "bodies", bodies=bodies)
    children: dict[str, list[dict[str, str]]] = {}
    for body in bodies:
        if body.get("parent_id"):
            children.setdefault(body["parent_id"], []).append(body)
    for body in bodies:
        events = {event["id"]: event for event in data.body_events.get(body["id"], [])}
        listing = EventList(
            f"bodies/{body['id']}/events",
            f"Events of the {body['name']}",
            f"CSTO events organized by or involving the {body['name']}, newest first.",
            [(event, _role(body["id"], event)) for event in sorted(events.values(), key=event_sort_key, reverse=True)],
        )
        yield markdown_page(
            site,
            entity_page("bodies", body["id"]),
            "pages/body.md.j2",
            "bodies",
            body=body,
            cite=Citations(data),
            children=children.get(body["id"], []),
            listing=listing,
            documents=sorted(data.body_documents.get(body["id"], []), key=lambda row: row["adopted"], reverse=True),
            limit=PREVIEW_SIZE * 2,
        )
        yield from list_pages(site, listing)


def _role(body_id: str, event: dict[str, str]) -> str:
    return "organizer" if event.get("organizer_id") == body_id else "participant"
