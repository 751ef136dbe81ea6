"""The exercise-country-year table: one row per state taking part in a held exercise, MME's layout.

The Multinational Military Exercises dataset (MME, D'Orazio and Galambos)
publishes a long file with one row per participating state per exercise
per year. This table follows its variable names (dots become underscores,
since Stata and SQL reject them), so CSTO exercises can be appended to it;
our own keys, the state's role, the completeness of the event's
participant list and the sources travel with each row. `MME_VARIABLES`
says what each column corresponds to in MME, for the data page.

A date known only to the month keeps an empty day (`s_day`), never the 1st.
"""

from __future__ import annotations

import datetime as dt

from csto_data.dates import PartialDate, parse_optional
from csto_data.descriptor import FieldSpec, TableSpec
from csto_data.model import Dataset

EXERCISE_KINDS = frozenset({"exercise", "command-staff-training", "special-training", "operational-strategic-training"})
TOOK_PLACE = frozenset({"held", "ongoing"})
Cell = str | int | float | dt.date | None


def _column(name: str, type_: str, title: str, description: str) -> FieldSpec:
    return FieldSpec(name=name, type=type_, title=title, description=description)


COUNTRY_YEAR_TABLE = TableSpec(
    name="exercise_country_year",
    title="Exercise-country-year table",
    description=(
        "One row per state taking part in a held (or ongoing) CSTO exercise or training, in the layout of the "
        "Multinational Military Exercises (MME) long file. Derived from events, event_participants, members, "
        "series and places."
    ),
    path="exercise-country-year.csv",
    fields=(
        _column(
            "event_id", "string", "Event id", "Our id of the exercise (events.id); MME's own MMEID does not cover it."
        ),
        _column("Ex_Name", "string", "Exercise name", "Name of the exercise as the sources give it (events.title)."),
        _column("Series_Name", "string", "Series name", "Name of the recurring series it belongs to; empty if none."),
        _column("gwcode", "integer", "Gleditsch-Ward code", "The state's Gleditsch-Ward number (members.gw_code)."),
        _column("ccode", "integer", "COW code", "The state's Correlates of War number (members.cow_code)."),
        _column("iso3c", "string", "ISO alpha-3", "The state's ISO 3166-1 alpha-3 code (members.iso_alpha3)."),
        _column("country", "string", "Country", "The state's short English name (members.name)."),
        _column("year", "integer", "Year", "Year the exercise started (its edition year when the start is unknown)."),
        _column("Location", "string", "Location", "Name of the place where it was held; empty when not recorded."),
        _column("lat", "number", "Latitude", "Latitude of the place (WGS 84); empty when not recorded."),
        _column("lon", "number", "Longitude", "Longitude of the place (WGS 84); empty when not recorded."),
        _column("StartDate", "string", "Start date", "First day as YYYY-MM-DD, YYYY-MM or YYYY, as precise as known."),
        _column("s_year", "integer", "Start year", "Year of the start date."),
        _column("s_month", "integer", "Start month", "Month of the start date; empty when only the year is known."),
        _column("s_day", "integer", "Start day", "Day of the start date; empty when only the month or year is known."),
        _column("EndDate", "string", "End date", "Last day as YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown."),
        _column("e_year", "integer", "End year", "Year of the end date; empty when unknown."),
        _column(
            "e_month", "integer", "End month", "Month of the end date; empty when unknown or only the year is known."
        ),
        _column("e_day", "integer", "End day", "Day of the end date; empty unless the day is known."),
        _column("role", "string", "Role", "The state's role: host, participant, observer (event_participants.role)."),
        _column("kind", "string", "Kind", "Kind of exercise or training (events.kind)."),
        _column("status", "string", "Status", "held or ongoing (events.status)."),
        _column(
            "participants_complete",
            "string",
            "Participant list complete",
            "yes, partial or unknown: whether the sources name every participating state of this exercise.",
        ),
        _column("member_id", "string", "Member id", "Our id of the state (members.id)."),
        _column("series_id", "string", "Series id", "Our id of the series (series.id); empty if none."),
        _column(
            "source_ids", "string", "Sources", "Ids of the sources that name the state as taking part, `;`-separated."
        ),
    ),
    primary_key=("event_id", "member_id"),
    foreign_keys=(),
)

MME_VARIABLES: dict[str, str] = {
    "event_id": "none (MME's MMEID numbers MME's own exercises)",
    "Ex_Name": "Ex_Name",
    "Series_Name": "Series_Name",
    "gwcode": "gwcode",
    "ccode": "not in MME's long file (added for COW-keyed data)",
    "iso3c": "not in MME (added)",
    "country": "country",
    "year": "year",
    "Location": "Location",
    "lat": "lat",
    "lon": "lon",
    "StartDate": "StartDate (MME writes m/d/yy, or yyyy-mm-xx)",
    "s_year": "s.year",
    "s_month": "s.month",
    "s_day": "s.day (MME writes xx where we leave it empty)",
    "EndDate": "EndDate",
    "e_year": "e.year",
    "e_month": "e.month",
    "e_day": "e.day",
}


def _parts(date: PartialDate | None) -> tuple[int | None, int | None, int | None]:
    if date is None:
        return None, None, None
    return date.year, date.month, date.day


def _number(value: str) -> float | None:
    return float(value) if value else None


def country_year_rows(data: Dataset) -> list[dict[str, Cell]]:
    """The table's rows, sorted by year, event and state; one per participant row of a held exercise."""
    rows: list[dict[str, Cell]] = []
    for event in data.tables["events"]:
        if event["kind"] not in EXERCISE_KINDS or event["status"] not in TOOK_PLACE:
            continue
        start, end = parse_optional(event.get("start", "")), parse_optional(event.get("end", ""))
        series = data.get("series", event.get("series_id", ""))
        place = data.get("places", event.get("place_id", ""))
        s_year, s_month, s_day = _parts(start)
        e_year, e_month, e_day = _parts(end)
        year = s_year if s_year is not None else int(event["edition_year"]) if event.get("edition_year") else None
        for participant in data.participants.get(event["id"], []):
            member = data.by_id["members"][participant["member_id"]]
            rows.append(
                {
                    "event_id": event["id"],
                    "Ex_Name": event["title"],
                    "Series_Name": series["name"] if series else None,
                    "gwcode": int(member["gw_code"]) if member.get("gw_code") else None,
                    "ccode": int(member["cow_code"]) if member.get("cow_code") else None,
                    "iso3c": member.get("iso_alpha3") or None,
                    "country": member["name"],
                    "year": year,
                    "Location": place["name"] if place else None,
                    "lat": _number(place.get("latitude", "")) if place else None,
                    "lon": _number(place.get("longitude", "")) if place else None,
                    "StartDate": event.get("start") or None,
                    "s_year": s_year,
                    "s_month": s_month,
                    "s_day": s_day,
                    "EndDate": event.get("end") or None,
                    "e_year": e_year,
                    "e_month": e_month,
                    "e_day": e_day,
                    "role": participant["role"],
                    "kind": event["kind"],
                    "status": event["status"],
                    "participants_complete": event.get("participants_complete") or None,
                    "member_id": member["id"],
                    "series_id": event.get("series_id") or None,
                    "source_ids": participant["source_ids"],
                }
            )
    rows.sort(key=lambda row: (row["year"] or 0, str(row["event_id"]), str(row["member_id"])))
    return rows
