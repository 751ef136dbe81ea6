"""Typed view of `datapackage.json`, the single definition of tables and columns.

Everything that needs to know a table's columns, keys or vocabularies reads
them from here, so the descriptor stays the one place a column is defined.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class FieldSpec:
    """One column: its name, type, documentation and constraints."""

    name: str
    type: str
    title: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def is_date(self) -> bool:
        """A partial date column has a `<name>_precision` sibling."""
        return self.pattern is not None and self.pattern.startswith("^[0-9]{4}(-")


@dataclass(frozen=True)
class ForeignKey:
    """A reference from columns of one table to the key of another."""

    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """One resource of the package: its file, columns and keys."""

    name: str
    title: str
    description: str
    path: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]

    def field(self, name: str) -> FieldSpec:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def is_fact_table(self) -> bool:
        """Fact tables must cite sources; only `sources` itself does not."""
        return "source_ids" in self.field_names


@dataclass(frozen=True)
class PackageSpec:
    """The package descriptor, with its raw JSON kept for the data dictionary."""

    root: Path
    raw: dict[str, Any]
    tables: tuple[TableSpec, ...]
    path: Path
    """The descriptor file itself: `root / "datapackage.json"`, or another one when checking with a base schema."""

    def table(self, name: str) -> TableSpec:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(f"the package has no table {name!r}")

    def csv_path(self, table: TableSpec) -> Path:
        return self.root / table.path

    @property
    def as_of(self) -> dt.date | None:
        """The day the statuses are true as of: kept in the metadata so a rebuild says the same."""
        try:
            return dt.date.fromisoformat(str(self.raw.get("as_of", "")))
        except ValueError:
            return None


def _field(raw: dict[str, Any]) -> FieldSpec:
    constraints = raw.get("constraints", {})
    return FieldSpec(
        name=raw["name"],
        type=raw["type"],
        title=raw.get("title", ""),
        description=raw.get("description", ""),
        required=bool(constraints.get("required", False)),
        enum=tuple(constraints.get("enum", ())),
        pattern=constraints.get("pattern"),
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
    )


def _table(raw: dict[str, Any]) -> TableSpec:
    schema = raw["schema"]
    primary_key = schema["primaryKey"]
    return TableSpec(
        name=raw["name"],
        title=raw.get("title", raw["name"]),
        description=raw.get("description", ""),
        path=raw["path"],
        fields=tuple(_field(field) for field in schema["fields"]),
        primary_key=tuple([primary_key] if isinstance(primary_key, str) else primary_key),
        foreign_keys=tuple(
            ForeignKey(
                fields=tuple(fk["fields"]),
                resource=fk["reference"]["resource"],
                reference_fields=tuple(fk["reference"]["fields"]),
            )
            for fk in schema.get("foreignKeys", [])
        ),
    )


def load_descriptor(descriptor_path: Path) -> PackageSpec:
    """Read a package descriptor; the CSV paths resolve against its folder."""
    raw = json.loads(descriptor_path.read_text(encoding="utf-8"))
    return PackageSpec(
        root=descriptor_path.parent,
        raw=raw,
        tables=tuple(_table(resource) for resource in raw["resources"]),
        path=descriptor_path,
    )
