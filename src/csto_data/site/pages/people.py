"""people.csv, positions.csv and event_people.csv -> people pages."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import event_sort_key
from csto_data.site.citations import Citations
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    people = sorted(data.tables["people"], key=lambda row: row["name"])
    yield markdown_page(site, "people/index.md", "pages/people_index.md.j2", "people", people=people)
    for person in people:
        rows = data.person_events.get(person["id"], [])
        yield markdown_page(
            site,
            entity_page("people", person["id"]),
            "pages/person.md.j2",
            "people",
            person=person,
            cite=Citations(data),
            positions=sorted(data.positions.get(person["id"], []), key=lambda row: row["start"]),
            events=sorted(rows, key=lambda row: event_sort_key(data.by_id["events"][row["event_id"]]), reverse=True),
        )
