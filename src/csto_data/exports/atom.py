"""An Atom feed of the newest events, written with feedgen.

"Newest" is by the event's own date (the site's order), and each entry's
`updated` is the day its status was last confirmed, so a feed reader sees
an entry again when it changes from planned to held. No timestamp comes
from the clock: the feed is the same for the same data.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from csto_data.dates import human_range, parse_optional
from csto_data.exports.common import ExportContext, ExportFile
from csto_data.model import Row

FILE_NAME = "csto-events.atom"
ENTRIES = 50


def _updated(context: ExportContext, event: Row) -> dt.datetime:
    confirmed = event.get("status_confirmed", "")
    if confirmed:
        return dt.datetime.combine(dt.date.fromisoformat(confirmed), dt.time(), tzinfo=dt.UTC)
    return context.built


def export(context: ExportContext) -> list[ExportFile]:
    events = context.data.events_newest_first()[:ENTRIES]
    feed = FeedGenerator()
    feed.id(f"{context.site_url}{FILE_NAME}")
    feed.title("CSTO Open Data: newest events")
    feed.subtitle("Exercises, summits, meetings and operations of the CSTO, newest first, with sources.")
    feed.author({"name": "CSTO Open Data contributors"})
    feed.link(href=context.site_url, rel="alternate")
    feed.link(href=f"{context.site_url}{FILE_NAME}", rel="self")
    feed.language("en")
    feed.rights("Data CC BY 4.0, CSTO Open Data contributors")
    feed.updated(max([_updated(context, event) for event in events], default=context.built))
    for event in reversed(events):
        entry = feed.add_entry()
        entry.id(context.event_url(event["id"]))
        entry.title(event["title"])
        entry.link(href=context.event_url(event["id"]), rel="alternate")
        entry.updated(_updated(context, event))
        when = human_range(parse_optional(event.get("start", "")), parse_optional(event.get("end", "")))
        entry.summary(f"{when} · {event['kind']} · {event['status']}. {event.get('summary', '')}".strip())
        entry.category(term=event["kind"])
    return [
        ExportFile(
            FILE_NAME,
            feed.atom_str(pretty=True),
            f"Atom feed of the {ENTRIES} newest events",
            "Atom",
            "application/atom+xml",
            at_site_root=True,
        )
    ]
