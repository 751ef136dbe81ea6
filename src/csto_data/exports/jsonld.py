"""schema.org JSON-LD: a `Dataset` for the home and data pages, an `Event` for every event page.

Built from the data, so it is untrusted text inside a `<script>` element:
`script_safe_json` escapes `<`, `>` and `&` (and the two JavaScript line
separators) as `\\u` sequences, which JSON parsers read back unchanged and
which can never close the element (`</script>` becomes `\\u003c/script\\u003e`).
Dates keep their precision: `2025-09` is a valid ISO 8601 date for
September 2025 and is never padded to the 1st.
"""

from __future__ import annotations

import json
from typing import Any

from csto_data.exports.common import ExportContext, ExportFile
from csto_data.model import Dataset, Row, event_start

ORGANIZATION = {"@type": "Organization", "name": "Collective Security Treaty Organization", "alternateName": "CSTO"}
EVENT_STATUS = {
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_safe_json(value: Any) -> str:
    """JSON text that cannot end a <script> element or break out of it.

    >>> script_safe_json({"summary": "</script><b>&"})
    '{"summary":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(script_safe_json({"summary": "</script>"}))["summary"]
    '</script>'
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE)


def temporal_coverage(data: Dataset) -> str:
    """First and last year an event starts (years, because starts come at different precisions)."""
    years = [start.year for event in data.tables["events"] if (start := event_start(event))]
    return f"{min(years)}/{max(years)}" if years else ""


def dataset(context: ExportContext, downloads: list[ExportFile]) -> dict[str, Any]:
    """The package as a schema.org Dataset, with a DataDownload for every file."""
    data = context.data
    package = context.package
    url = context.site_url
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": context.title,
        "description": package.get("description", ""),
        "url": url,
        "version": context.version,
        "dateModified": context.as_of,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": "CSTO Open Data contributors", "url": url},
        "keywords": package.get("keywords", []),
        "citation": context.citation,
        "temporalCoverage": temporal_coverage(data),
        "spatialCoverage": [
            {"@type": "Country", "name": member["name"], "identifier": member.get("iso_alpha3", "")}
            for member in data.tables["members"]
        ],
        "about": ORGANIZATION,
        "variableMeasured": [f"{table.name}.{field.name}" for table in context.tables for field in table.fields],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": file.path,
                "description": file.description,
                "encodingFormat": file.media_type,
                "contentUrl": f"{url}{file.site_path}",
                "contentSize": f"{len(file.content)} B",
            }
            for file in downloads
        ],
    }


def _place(data: Dataset, event: Row) -> dict[str, Any] | None:
    place = data.get("places", event.get("place_id", ""))
    host = data.get("members", event.get("host_id", ""))
    if not place and not host:
        return None
    result: dict[str, Any] = {"@type": "Place", "name": place["name"] if place else host["name"]}  # type: ignore[index]
    if host:
        result["address"] = {"@type": "PostalAddress", "addressCountry": host.get("iso_alpha2", "")}
    if place and place.get("latitude") and place.get("longitude"):
        result["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place["latitude"]),
            "longitude": float(place["longitude"]),
        }
    return result


def event(data: Dataset, row: Row, page_url: str) -> dict[str, Any]:
    """One event as a schema.org Event; dates as precise as the data, no invented day."""
    organizer = data.get("bodies", row.get("organizer_id", ""))
    result: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": row["title"],
        "url": page_url,
        "description": row.get("summary", ""),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "Organization", "name": organizer["name"]} if organizer else ORGANIZATION,
    }
    if row["status"] != "unconfirmed":  # schema.org has no status for "not confirmed to have happened"
        result["eventStatus"] = EVENT_STATUS.get(row["status"], "https://schema.org/EventScheduled")
    if row.get("title_ru"):
        result["alternateName"] = row["title_ru"]
    if row.get("start"):
        result["startDate"] = row["start"]
    if row.get("end"):
        result["endDate"] = row["end"]
    place = _place(data, row)
    if place:
        result["location"] = place
    return result
