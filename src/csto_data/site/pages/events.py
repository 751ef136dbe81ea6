"""events.csv and its link tables -> event profiles, year lists and the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from csto_data.exports import jsonld
from csto_data.model import Row, event_sort_key
from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page, page_url, year_page
from csto_data.site.pictures.families import FAMILIES, FAMILY_COLOURS, FAMILY_LABELS, family
from csto_data.site.pictures.timeline import Timeline, timeline_chart
from csto_data.site.settings import SITE_URL, correction_url, csv_line_url


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    years = sorted(data.year_events, reverse=True)
    yield markdown_page(
        site,
        "events/index.md",
        "pages/events_index.md.j2",
        "events",
        years=[(year, len(data.year_events[year])) for year in years],
        latest=data.events_newest_first()[:10],
    )
    for year in years:
        yield from list_pages(
            site,
            EventList.newest_first(
                year_page(year).removesuffix("/index.md"),
                f"Events in {year}",
                f"CSTO exercises, summits, meetings and operations in {year}, with dates, kind, host and status.",
                data.year_events[year],
            ),
        )
    yield markdown_page(site, "events/timeline.md", "pages/timeline.md.j2", "events", **timeline(site))
    neighbours = editions(site)
    for event in data.tables["events"]:
        yield profile(site, event, *neighbours.get(event["id"], (None, None)))


def timeline(site: SiteContext) -> dict[str, Any]:
    """Counts per year and kind: a chart by family (SVG, no script) and the table by kind beside it."""
    chart_data = Timeline.of(site.data.tables["events"])
    counts = chart_data.counts  # every event, the undated ones included (the chart draws dated years only)
    years = sorted({year for year, _ in counts})
    kinds = sorted({kind for _, kind in counts})
    totals = {year: sum(counts[(year, kind)] for kind in kinds) for year in years}
    chart = timeline_chart("events/timeline.md", "timeline", chart_data, "Events per year, by family")
    return {
        "years": years,
        "kinds": kinds,
        "counts": counts,
        "totals": totals,
        "picture": chart,
        "families": [
            (FAMILY_LABELS[name], FAMILY_COLOURS[name], [kind for kind in kinds if family(kind) == name])
            for name in FAMILIES
        ],
    }


def editions(site: SiteContext) -> dict[str, tuple[Row | None, Row | None]]:
    """The previous and next editions of each event in a series, by event id.

    Each series is sorted once: sorting it again for every one of its events
    made generation grow with the square of a series' length.
    """
    neighbours: dict[str, tuple[Row | None, Row | None]] = {}
    for rows in site.data.series_events.values():
        ordered = sorted(rows, key=event_sort_key)
        for position, row in enumerate(ordered):
            previous = ordered[position - 1] if position > 0 else None
            following = ordered[position + 1] if position + 1 < len(ordered) else None
            neighbours[row["id"]] = (previous, following)
    return neighbours


def profile(site: SiteContext, event: Row, previous: Row | None, following: Row | None) -> Page:
    data = site.data
    page_path = entity_page("events", event["id"])
    return markdown_page(
        site,
        page_path,
        "pages/event.md.j2",
        "events",
        event=event,
        cite=Citations(data),
        previous=previous,
        following=following,
        children=sorted(data.children.get(event["id"], []), key=event_sort_key),
        participants=sorted(data.participants.get(event["id"], []), key=lambda row: row["member_id"]),
        bodies=data.event_bodies.get(event["id"], []),
        people=data.event_people.get(event["id"], []),
        parties=data.event_parties.get(event["id"], []),
        documents=data.event_documents.get(event["id"], []),
        line_url=csv_line_url("events", data.line("events", event["id"])),
        correction_url=correction_url("events", event["id"]),
        jsonld=jsonld.script_safe_json(jsonld.event(data, event, SITE_URL + page_url(page_path))),
    )
