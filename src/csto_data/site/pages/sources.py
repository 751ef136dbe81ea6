"""sources.csv and every table's source_ids -> the bibliography and the shared source pages.

Each source is an entry (anchor = its id) on a shared page of its
publication year (`sources/2025/#<id>`, `sources/2025/page-2/#<id>`),
listing the facts it supports, instead of a page of its own: there are more sources than events,
and MkDocs charges a fixed cost per page. The addresses of the former
per-source pages answer with a redirect (`source_redirects.py`).
"""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import Citation, Dataset, Row
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
    paths = list(site.source_pages)
    for position, (path, group) in enumerate(site.source_pages.items()):
        yield markdown_page(
            site,
            path,
            "pages/source_group.md.j2",
            "sources",
            searchable=False,
            heading=group_heading(path),
            previous_page=paths[position - 1] if position > 0 else None,
            next_page=paths[position + 1] if position + 1 < len(paths) else None,
            entries=[
                (source, [fact(data, chairs, citation) for citation in data.citations.get(source["id"], [])])
                for source in group
            ],
        )


def group_heading(path: str) -> str:
    """ "Sources published in 2025" for `sources/2025/index.md`, "(page 2)" on later pages.

    >>> group_heading("sources/undated/page-2.md")
    'Sources without a publication date (page 2)'
    """
    group, page = path.removeprefix("sources/").split("/")
    heading = "Sources without a publication date" if group == "undated" else f"Sources published in {group}"
    return heading if page == "index.md" else f"{heading} (page {page.removeprefix('page-').removesuffix('.md')})"


def fact(data: Dataset, chairs: dict[str, str], citation: Citation) -> Row:
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
