"""Counts and the latest and upcoming events -> index.md (the home page)."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.model import event_sort_key
from csto_data.site.downloads import dataset_jsonld
from csto_data.site.page import Page, SiteContext, markdown_page


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    newest = data.events_newest_first()
    upcoming = sorted(
        (event for event in data.tables["events"] if event["status"] in {"planned", "postponed"}), key=event_sort_key
    )[:8]
    held = [event for event in newest if event["status"] == "held"][:8]
    counts = {name: len(data.tables[name]) for name in ("events", "members", "documents", "sources", "series")}
    yield markdown_page(
        site,
        "index.md",
        "pages/home.md.j2",
        None,
        counts=counts,
        latest=held,
        upcoming=upcoming,
        package=data.spec.raw,
        jsonld=dataset_jsonld(data, site.downloads),
    )
