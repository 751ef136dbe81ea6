"""Partial dates: a year, a month or a day, never more precise than the source.

A date known only to the month is stored as `2025-09` with precision `month`
and shown as "September 2025"; it is never padded to the 1st.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}
_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DateError(ValueError):
    """A date cell that is not a real date in one of the three shapes."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with its precision; orders by (earliest day, precision)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        if self.day:
            return self.earliest
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        return self.earliest.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]

    def human(self) -> str:
        """ "17 March 2025", "March 2025" or "2025".

        >>> PartialDate(2025, 9).human()
        'September 2025'
        """
        if self.day:
            return f"{self.day} {self.earliest:%B} {self.year}"
        if self.month:
            return f"{self.earliest:%B} {self.year}"
        return str(self.year)


@lru_cache(maxsize=65536)
def parse_date(value: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.

    Cached: pages sort and format the same few thousand dates many times.

    >>> parse_date("2025-02-30")
    Traceback (most recent call last):
    ...
    csto_data.dates.DateError: 2025-02-30 is not a real date
    """
    if not _SHAPE.match(value):
        raise DateError(f"{value} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as error:
        raise DateError(f"{value} is not a real date") from error
    return PartialDate(*parts)


def parse_optional(value: str) -> PartialDate | None:
    """A cell's date, or None when it is empty or not a date (the validator reports those).

    >>> parse_optional("") is None, parse_optional("2025-09").human()
    (True, 'September 2025')
    """
    try:
        return parse_date(value.strip())
    except DateError:
        return None


def human_range(start: PartialDate | None, end: PartialDate | None) -> str:
    """A period as a reader says it: "17–20 March 2025", "September 2025".

    >>> human_range(parse_date("2025-03-17"), parse_date("2025-03-20"))
    '17–20 March 2025'
    >>> human_range(parse_date("2025-08-31"), parse_date("2025-09-06"))
    '31 August – 6 September 2025'
    >>> human_range(parse_date("2025-10"), None)
    'October 2025'
    """
    if start is None and end is None:
        return "date unknown"
    if start is None or end is None or start == end:
        return (start or end).human()  # type: ignore[union-attr]
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.human()}"
        return f"{start.day} {start.earliest:%B} – {end.human()}"
    return f"{start.human()} – {end.human()}"
