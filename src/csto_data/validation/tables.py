"""The package's files as read for validation, with their specs side by side."""

from __future__ import annotations

from dataclasses import dataclass

from csto_data.csvfile import CsvFile
from csto_data.descriptor import PackageSpec, TableSpec


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
