"""series.csv and events.csv -> one page per series with all its editions."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    series = sorted(data.tables["series"], key=lambda row: row["name"])
    yield markdown_page(site, "series/index.md", "pages/series_index.md.j2", "series", series=series)
    for row in series:
        listing = EventList.newest_first(
            f"series/{row['id']}/editions",
            f"Editions of {row['name']}",
            f"Every edition of {row['name']} in the dataset, newest first.",
            data.series_events.get(row["id"], []),
        )
        yield markdown_page(
            site,
            entity_page("series", row["id"]),
            "pages/series.md.j2",
            "series",
            series=row,
            cite=Citations(data),
            listing=listing,
        )
        yield from list_pages(site, listing)
