"""retired_ids -> a page at every retired id's old address, so no published link breaks.

An id merged or renamed into another gets a redirect: a plain HTML file
with a meta refresh and a visible link, which any static host and any site
engine serves as is. A withdrawn id gets a short themed page saying when and
why. Retired ids of tables without pages (memberships, positions) need none.
"""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.dates import parse_optional
from csto_data.model import Row
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import ENTITY_PAGES, entity_page, legacy_source_page
from csto_data.site.redirects import redirect_page


def old_page(table: str, key: str) -> str:
    """The address an id's page had: its entity page, or for a source its permanent per-source address."""
    return legacy_source_page(key) if table == "sources" else entity_page(table, key)


def build(site: SiteContext) -> Iterator[Page]:
    for row in site.data.tables.get("retired_ids", []):
        if row["table"] not in ENTITY_PAGES and row["table"] != "sources":
            continue
        if row["replaced_by"]:
            yield retired_redirect(site, row)
        else:
            yield markdown_page(
                site,
                old_page(row["table"], row["id"]),
                "pages/withdrawn.md.j2",
                "retired_ids",
                searchable=False,
                retired=row,
            )


def retired_redirect(site: SiteContext, row: Row) -> Page:
    """The HTML file at the old address (`events/<old>/index.html`) that sends the reader on, saying why."""
    target = site.data.get(row["table"], row["replaced_by"]) or {}
    title = target.get("title") or target.get("name") or row["replaced_by"]
    day = parse_optional(row["retired"])
    note = (
        f"This entry ({row['table']} {row['id']}) was merged or renamed into {title} "
        f"on {day.human() if day else row['retired']}: {row['reason']}"
    )
    if row["table"] == "sources":
        new_page, anchor = site.source_page_of[row["replaced_by"]], row["replaced_by"]
    else:
        new_page, anchor = entity_page(row["table"], row["replaced_by"]), ""
    return redirect_page(old_page(row["table"], row["id"]), new_page, anchor, title=title, note=note)
