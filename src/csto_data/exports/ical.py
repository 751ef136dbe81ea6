"""An iCalendar file of every dated event (all-day entries), written with the icalendar library.

A calendar application needs real days. Events known to the day get their
days (DTEND is exclusive, so one day after the last). Events known only to
the month span that whole month, and say so in the title and the
description ("dates known only to the month: September 2025"), so nobody
reads the 1st as the start. Events known only to the year, or without a
date, are left out. Cancelled events stay in, marked CANCELLED, so a
subscriber's calendar drops them. DTSTAMP is the build time, so the file is
the same for the same data.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vGeo

from csto_data.dates import PartialDate, parse_optional
from csto_data.exports.common import ExportContext, ExportFile
from csto_data.model import Row

FILE_NAME = "csto-events.ics"
ICAL_STATUS = {
    "held": "CONFIRMED",
    "ongoing": "CONFIRMED",
    "planned": "TENTATIVE",
    "postponed": "TENTATIVE",
    "unconfirmed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def calendar_days(start: PartialDate | None, end: PartialDate | None) -> tuple[dt.date, dt.date, bool] | None:
    """(first day, day after the last, month-precision?) or None when the event has no usable date.

    >>> calendar_days(PartialDate(2025, 9), None)
    (datetime.date(2025, 9, 1), datetime.date(2025, 10, 1), True)
    >>> calendar_days(PartialDate(2024, 10, 1), PartialDate(2024, 10, 4))[:2]
    (datetime.date(2024, 10, 1), datetime.date(2024, 10, 5))
    >>> calendar_days(PartialDate(2025), None) is None
    True
    """
    if start is None or start.precision == "year":
        return None
    if start.precision == "month":
        return start.earliest, start.latest + dt.timedelta(days=1), True
    last = end.latest if end is not None and end.precision == "day" and end >= start else start.earliest
    return start.earliest, last + dt.timedelta(days=1), False


def _entry(context: ExportContext, event: Row, days: tuple[dt.date, dt.date, bool]) -> Event:
    first, after_last, by_month = days
    data = context.data
    entry = Event()
    entry.add("uid", f"{event['id']}@csto-open-data")
    entry.add("dtstamp", context.built)
    title = event["title"]
    description = [event.get("summary", "")]
    if by_month:
        month = f"{first:%B %Y}"
        title = f"{title} ({month}, exact days unknown)"
        description.insert(0, f"Dates known only to the month: {month}. The entry spans the whole month.")
    entry.add("summary", title)
    entry.add("dtstart", first)
    entry.add("dtend", after_last)
    entry.add("status", ICAL_STATUS.get(event["status"], "TENTATIVE"))
    entry.add("categories", [event["kind"]])
    entry.add("url", context.event_url(event["id"]))
    place = data.get("places", event.get("place_id", ""))
    host = data.get("members", event.get("host_id", ""))
    where = ", ".join(part for part in (place["name"] if place else "", host["name"] if host else "") if part)
    if where:
        entry.add("location", where)
    if place and place.get("latitude") and place.get("longitude"):
        entry.add("geo", vGeo((float(place["latitude"]), float(place["longitude"]))))
    description.append(f"Status: {event['status']}. Details and sources: {context.event_url(event['id'])}")
    entry.add("description", "\n\n".join(part for part in description if part))
    return entry


def export(context: ExportContext) -> list[ExportFile]:
    calendar = Calendar()
    calendar.add("prodid", "-//CSTO Open Data//Events calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "CSTO events (CSTO Open Data)")
    for event in sorted(context.data.tables["events"], key=lambda row: (row.get("start", ""), row["id"])):
        days = calendar_days(parse_optional(event.get("start", "")), parse_optional(event.get("end", "")))
        if days is not None:
            calendar.add_component(_entry(context, event, days))
    return [
        ExportFile(
            FILE_NAME,
            calendar.to_ical(),
            "iCalendar file of every event dated to the day or month (subscribe from any calendar application)",
            "iCalendar (.ics)",
            "text/calendar",
            at_site_root=True,
        )
    ]
