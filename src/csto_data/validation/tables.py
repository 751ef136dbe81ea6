"""The package's files as read for validation, with their specs side by side."""

from __future__ import annotations

from dataclasses import dataclass

from csto_data.csvfile import CsvFile, Record
from csto_data.dates import PartialDate, parse_optional
from csto_data.descriptor import PackageSpec, TableSpec
from csto_data.problems import Problem, shorten


@dataclass(frozen=True)
class ReadTable:
    """One table's spec and what reading its file produced."""

    spec: TableSpec
    file: CsvFile


@dataclass(frozen=True)
class ReadPackage:
    """Every table of the package, read once and shared by all rules."""

    spec: PackageSpec
    tables: dict[str, ReadTable]

    def readable(self) -> list[ReadTable]:
        """Tables whose rows can be checked (their file parsed with the right header)."""
        return [table for table in self.tables.values() if not table.file.unreadable]


def cell_problem(table: ReadTable, record: Record, column: str, type_: str, expected: str, hint: str = "") -> Problem:
    """A problem positioned at one cell, showing the cell's value."""
    value = shorten(record.cells.get(column, ""))
    return Problem(table.file.display_path, record.line, column, type_, value, expected, hint)


def cell_date(record: Record, column: str) -> PartialDate | None:
    """The cell as a partial date, or None when empty or malformed (another rule reports that)."""
    return parse_optional(record.cells.get(column, ""))
