"""Counts and the latest and upcoming events -> index.md (the home page)."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import Dataset, Row, event_sort_key, event_start
from csto_data.site.downloads import dataset_jsonld
from csto_data.site.page import Page, SiteContext, markdown_page

PATH = "index.md"


def upcoming_events(data: Dataset) -> Iterator[Row]:
    """Planned or postponed events that start on or after the package's as-of date.

    The as-of date, not the build day, decides, so a rebuild of an old version
    shows what was upcoming when that version was published.
    """
    as_of = data.spec.as_of
    for event in data.tables["events"]:
        start = event_start(event)
        if event["status"] in {"planned", "postponed"} and start and (as_of is None or start.latest >= as_of):
            yield event


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    newest = data.events_newest_first()
    upcoming = sorted(upcoming_events(data), key=event_sort_key)[:8]
    held = [event for event in newest if event["status"] == "held"][:8]
    counts = {
        name: len(data.tables.get(name, []))
        for name in ("events", "members", "documents", "sources", "series", "parties")
    }
    yield markdown_page(
        site,
        PATH,
        "pages/home.md.j2",
        None,
        counts=counts,
        latest=held,
        upcoming=upcoming,
        package=data.spec.raw,
        as_of=data.spec.as_of,
        jsonld=dataset_jsonld(data, site.downloads),
    )
