"""series.csv and events.csv -> one page per series with all its editions, and their strips of years."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page
from csto_data.site.pictures.strip import STATUS_LABELS, STATUSES, SeriesRow, series_strips


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    series = sorted(data.tables["series"], key=lambda row: row["name"])
    strips = [SeriesRow.of(row, data.series_events.get(row["id"], [])) for row in series]
    yield markdown_page(
        site,
        "series/index.md",
        "pages/series_index.md.j2",
        "series",
        strips=strips,
        picture=series_strips("series/index.md", "series-strips", strips, "Editions of every series, year by year"),
        statuses=STATUSES,
        status_labels=STATUS_LABELS,
    )
    for row, strip in zip(series, strips, strict=True):
        listing = EventList.newest_first(
            f"series/{row['id']}/editions",
            f"Editions of {row['name']}",
            f"Every edition of {row['name']} in the dataset, newest first.",
            data.series_events.get(row["id"], []),
        )
        page_path = entity_page("series", row["id"])
        yield markdown_page(
            site,
            page_path,
            "pages/series.md.j2",
            "series",
            series=row,
            cite=Citations(data),
            listing=listing,
            strip=strip,
            picture=series_strips(
                page_path, "series-strip", [strip], f"Editions of {row['name']}, year by year", names=False
            )
            if strip.by_year
            else None,
            statuses=STATUSES,
            status_labels=STATUS_LABELS,
        )
        yield from list_pages(site, listing)
