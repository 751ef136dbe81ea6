"""sources.csv and every table's source_ids -> the bibliography and one page per source."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import Citation, Dataset
from csto_data.site.listing import index_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import ENTITY_PAGES, entity_page
from csto_data.site.settings import csv_line_url

PAGE_SIZE = 250
# Link-table rows are shown on the page of the entity they describe.
OWNER_TABLE = {
    "event_participants": "events",
    "event_bodies": "events",
    "event_documents": "events",
    "event_people": "events",
    "memberships": "members",
    "chairmanships": "members",
    "positions": "people",
}


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    sources = sorted(data.tables["sources"], key=lambda row: (row["publisher"].lower(), row["published"], row["id"]))
    yield from index_pages(site, "sources", sources, "pages/sources_index.md.j2", "sources", PAGE_SIZE)
    chairs = {row["year"]: row["member_id"] for row in data.tables["chairmanships"]}
    for source in sources:
        facts = [fact(data, chairs, citation) for citation in data.citations.get(source["id"], [])]
        yield markdown_page(
            site,
            entity_page("sources", source["id"]),
            "pages/source.md.j2",
            "sources",
            searchable=False,
            source=source,
            facts=facts,
        )


def fact(data: Dataset, chairs: dict[str, str], citation: Citation) -> dict[str, str]:
    """What a citation supports: a readable label, the page to read it on, the CSV line."""
    owner_table = OWNER_TABLE.get(citation.table, citation.table)
    if citation.table == "chairmanships":
        owner_key = chairs[citation.key]
    elif citation.table == "memberships":
        owner_key = data.by_id["memberships"][citation.key]["member_id"]
    elif citation.table == "positions":
        owner_key = data.by_id["positions"][citation.key]["person_id"]
    else:
        owner_key = citation.key.split("/")[0]
    page = entity_page(owner_table, owner_key) if owner_table in ENTITY_PAGES else ""
    return {
        "table": citation.table,
        "key": citation.key,
        "page": page,
        "line_url": csv_line_url(citation.table, citation.line),
    }
