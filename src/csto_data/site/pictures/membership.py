"""A state's standing in the CSTO on a day or over a year, from memberships.csv periods.

The four statuses of memberships.csv fold into what a picture shows: a
member (founding signatory or member), suspended (participation suspended
or frozen), former (withdrawn); no period at all means not (yet) a member.
"""

from __future__ import annotations

import datetime as dt

from csto_data.dates import parse_optional
from csto_data.model import Dataset, Row

STANDING_OF_STATUS = {
    "founding-signatory": "member",
    "member": "member",
    "suspended-participation": "suspended",
    "withdrawn": "former",
}
STANDING_LABELS = {
    "member": "member",
    "suspended": "participation suspended",
    "former": "former member",
    "outside": "not a member",
}


def _bounds(period: Row) -> tuple[dt.date, dt.date]:
    """First and last day of a period; an open end runs to the end of time."""
    start = parse_optional(period.get("start", ""))
    end = parse_optional(period.get("end", ""))
    return (start.earliest if start else dt.date.min, end.earliest if end else dt.date.max)


def standing_on(periods: list[Row], day: dt.date) -> str:
    """member / suspended / former / outside on `day` (a period ends on the day the next begins).

    >>> periods = [{"status": "member", "start": "1992-05-15", "end": "2024-02"},
    ...            {"status": "suspended-participation", "start": "2024-02", "end": ""}]
    >>> standing_on(periods, dt.date(1990, 1, 1)), standing_on(periods, dt.date(2025, 1, 1))
    ('outside', 'suspended')
    """
    standing = "outside"
    for period in sorted(periods, key=lambda row: _bounds(row)[0]):
        start, end = _bounds(period)
        if start <= day < end:
            standing = STANDING_OF_STATUS.get(period["status"], "outside")
    return standing


def standing_in_year(periods: list[Row], year: int) -> str:
    """The standing that covers most of `year` (a state that joins in December was outside that year).

    >>> standing_in_year([{"status": "member", "start": "1993-12-31", "end": ""}], 1993)
    'outside'
    """
    days: dict[str, int] = {}
    first, last = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    covered = 0
    for period in periods:
        start, end = _bounds(period)
        overlap = (min(end, last) - max(start, first)).days
        if overlap > 0:
            standing = STANDING_OF_STATUS.get(period["status"], "outside")
            days[standing] = days.get(standing, 0) + overlap
            covered += overlap
    days["outside"] = days.get("outside", 0) + (last - first).days - covered
    return max(days, key=lambda standing: days[standing])


def as_of(data: Dataset) -> dt.date:
    """The package's `as_of` day (the day the data describes), else today."""
    return data.spec.as_of or dt.date.today()


def current_standings(data: Dataset) -> dict[str, str]:
    """Member id -> standing on the package's `as_of` day, for shading the map."""
    day = as_of(data)
    return {member["id"]: standing_on(data.memberships.get(member["id"], []), day) for member in data.tables["members"]}
