"""The project's own rules: what a Table Schema cannot express.

Each rule is a function of the read package that yields problems; `RULES`
lists them in the order their problems are most useful to a contributor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlparse

from csto_data.csvfile import Record
from csto_data.dates import PRECISION_OF_LENGTH, DateError, PartialDate, parse_date
from csto_data.problems import Problem
from csto_data.validation.event_status_rules import (
    check_as_of_declared,
    check_participants_complete,
    check_participants_reported,
    check_statuses_as_of,
)
from csto_data.validation.plausibility_rules import (
    check_chairs_were_members,
    check_date_years,
    check_dates_not_after_as_of,
    check_id_length_and_reserved_names,
    check_integer_ranges,
    check_parent_cycles,
    check_qualifiers_have_figures,
    check_unseen_characters,
    check_url_hosts,
)
from csto_data.validation.releases import check_retired_ids
from csto_data.validation.tables import ReadPackage, ReadTable, cell_date, cell_problem

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MEMBER_STATUSES = {"founding-signatory", "member"}
DATE_RANGES = (("start", "end"),)
YEAR_RANGES = (("period_start", "period_end"),)


def check_whitespace(package: ReadPackage) -> Iterator[Problem]:
    """Cells with stray spaces break joins and sorting in every tool downstream."""
    for table in package.readable():
        for record in table.file.records:
            for column, value in record.cells.items():
                if value != value.strip():
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "whitespace",
                        "no leading or trailing spaces",
                        "remove the spaces around the value",
                    )


def check_formula_injection(package: ReadPackage) -> Iterator[Problem]:
    """A cell starting with = + - @, a tab or a carriage return runs as a formula when opened in a spreadsheet."""
    for table in package.readable():
        text_columns = [field.name for field in table.spec.fields if field.type == "string"]
        for record in table.file.records:
            for column in text_columns:
                if record.cells.get(column, "").startswith(FORMULA_STARTS):
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "formula-injection",
                        "text not starting with =, +, -, @, a tab or a carriage return",
                        "reword the cell so it starts with a letter or digit",
                    )


def check_ids_unique_ignoring_case(package: ReadPackage) -> Iterator[Problem]:
    """`Rubezh-2024` and `rubezh-2024` would be one page on a case-insensitive disk."""
    for table in package.readable():
        seen: dict[tuple[str, ...], int] = {}
        for record in table.file.records:
            key = tuple(record.cells.get(name, "").lower() for name in table.spec.primary_key)
            if key in seen:
                yield cell_problem(
                    table,
                    record,
                    table.spec.primary_key[-1],
                    "duplicate-id",
                    "an id used by no other row (ignoring case)",
                    f"line {seen[key]} already uses it",
                )
            else:
                seen[key] = record.line


def check_dates_match_precision(package: ReadPackage) -> Iterator[Problem]:
    """A date must be real and exactly as precise as its precision column says."""
    for table in package.readable():
        for field in table.spec.fields:
            if not field.is_date:
                continue
            precision_column = f"{field.name}_precision"
            for record in table.file.records:
                yield from _date_problems(table, record, field.name, precision_column)


def _date_problems(table: ReadTable, record: Record, column: str, precision_column: str) -> Iterator[Problem]:
    value = record.cells.get(column, "").strip()
    precision = record.cells.get(precision_column, "").strip()
    if not value:
        if precision:
            yield cell_problem(
                table,
                record,
                precision_column,
                "precision-without-date",
                f"empty, because {column} is empty",
                f"fill in {column} or clear the precision",
            )
        return
    try:
        parse_date(value)
    except DateError as error:
        yield cell_problem(table, record, column, "bad-date", "a real date as YYYY-MM-DD, YYYY-MM or YYYY", str(error))
        return
    actual = PRECISION_OF_LENGTH[len(value)]
    if precision != actual:
        yield cell_problem(
            table,
            record,
            precision_column,
            "date-precision-mismatch",
            f"{actual!r} for {value!r}",
            f"a date known only to the {precision or '?'} is written with fewer parts "
            f"(2025-09 for a month, 2025 for a year), never padded with 01",
        )


def check_end_not_before_start(package: ReadPackage) -> Iterator[Problem]:
    """A period cannot end before it starts (dates, and years covered by a document)."""
    for table in package.readable():
        names = table.spec.field_names
        for start_column, end_column in DATE_RANGES:
            if start_column in names and end_column in names:
                for record in table.file.records:
                    start, end = cell_date(record, start_column), cell_date(record, end_column)
                    if start and end and end.latest < start.earliest:
                        yield cell_problem(
                            table,
                            record,
                            end_column,
                            "end-before-start",
                            f"a date not before {start_column} {start.iso()}",
                            "swap or correct the dates",
                        )
        for start_column, end_column in YEAR_RANGES:
            if start_column in names and end_column in names:
                for record in table.file.records:
                    start_year, end_year = record.cells.get(start_column, ""), record.cells.get(end_column, "")
                    if start_year.isdigit() and end_year.isdigit() and int(end_year) < int(start_year):
                        yield cell_problem(
                            table,
                            record,
                            end_column,
                            "end-before-start",
                            f"a year not before {start_column} {start_year}",
                            "swap or correct the years",
                        )


def check_citations(package: ReadPackage) -> Iterator[Problem]:
    """Every fact row names at least one source, and every named source exists."""
    sources = package.tables.get("sources")
    known = {record.cells.get("id", "") for record in sources.file.records} if sources else set()
    for table in package.readable():
        if not table.spec.is_fact_table:
            continue
        for record in table.file.records:
            cell = record.cells.get("source_ids", "").strip()
            if not cell:
                yield cell_problem(
                    table,
                    record,
                    "source_ids",
                    "missing-citation",
                    "at least one source id",
                    "every fact needs a source: add the source to sources.csv and its id here",
                )
                continue
            for source_id in cell.split(";"):
                if source_id and source_id not in known:
                    yield Problem(
                        table.file.display_path,
                        record.line,
                        "source_ids",
                        "unknown-source",
                        source_id,
                        "an id from sources.csv",
                        "add the source row or fix the id",
                    )


def check_urls(package: ReadPackage) -> Iterator[Problem]:
    """Only http(s) addresses may reach a link on the site (no `javascript:`, no `file:`)."""
    for table in package.readable():
        for column in (name for name in ("url", "original_url") if name in table.spec.field_names):
            for record in table.file.records:
                url = record.cells.get(column, "").strip()
                if url and not _http_address(url):
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "bad-url",
                        "an http:// or https:// address, or empty",
                        "leave the address empty when unknown; never guess one",
                    )


def _http_address(url: str) -> bool:
    try:
        parts = urlparse(url)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def check_participants_were_members(package: ReadPackage) -> Iterator[Problem]:
    """A participating state must have been a member on the event's first day (observers excepted)."""
    participants, events, memberships = (
        package.tables.get(name) for name in ("event_participants", "events", "memberships")
    )
    if not participants or not events or not memberships:
        return
    event_starts = {
        record.cells["id"]: cell_date(record, "start") for record in events.file.records if "id" in record.cells
    }
    periods: dict[str, list[Record]] = {}
    for record in memberships.file.records:
        if record.cells.get("status") in MEMBER_STATUSES:
            periods.setdefault(record.cells.get("member_id", ""), []).append(record)
    for record in participants.file.records:
        if record.cells.get("role") == "observer":
            continue
        start = event_starts.get(record.cells.get("event_id", ""))
        if start is None:
            continue
        member = record.cells.get("member_id", "")
        if not any(_covers(period, start) for period in periods.get(member, [])):
            yield cell_problem(
                participants,
                record,
                "member_id",
                "not-a-member",
                f"a state that was a member on {start.iso()}",
                "mark the state as `observer`, or add/fix its period in memberships.csv",
            )


def _covers(period: Record, day: PartialDate) -> bool:
    start, end = cell_date(period, "start"), cell_date(period, "end")
    return bool(start) and start.earliest <= day.latest and (end is None or day.earliest <= end.latest)  # type: ignore[union-attr]


Rule = Callable[[ReadPackage], Iterator[Problem]]
RULES: tuple[Rule, ...] = (
    check_citations,
    check_dates_match_precision,
    check_end_not_before_start,
    check_ids_unique_ignoring_case,
    check_urls,
    check_whitespace,
    check_formula_injection,
    check_participants_were_members,
    check_unseen_characters,
    check_id_length_and_reserved_names,
    check_integer_ranges,
    check_date_years,
    check_dates_not_after_as_of,
    check_url_hosts,
    check_parent_cycles,
    check_chairs_were_members,
    check_qualifiers_have_figures,
    check_as_of_declared,
    check_statuses_as_of,
    check_participants_complete,
    check_participants_reported,
    check_retired_ids,
)
