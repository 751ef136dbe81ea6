"""Run frictionless on the package and turn its errors into `Problem`s.

Frictionless checks what a Table Schema can say: types, required cells,
patterns, enums, ranges, unique primary keys and foreign keys. Its row
numbers are mapped back to file lines, and enum errors get a "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frictionless import Package

from csto_data.problems import Problem, closest, shorten
from csto_data.validation.tables import ReadPackage

# File-structure errors that the project's own reader reports more precisely.
# frictionless ships no type information for its error classes.
FrictionlessError = Any

STRUCTURAL = {
    "extra-cell",
    "missing-cell",
    "blank-row",
    "extra-label",
    "missing-label",
    "incorrect-label",
    "duplicate-label",
    "blank-label",
    "source-error",
    "encoding-error",
    "byte-order-mark",
}


def frictionless_problems(package: ReadPackage) -> Iterator[Problem]:
    """Validate the whole package with frictionless, skipping files already unreadable."""
    report = Package(str(package.spec.path)).validate(limit_errors=100_000)
    for error in report.errors:
        yield Problem(
            "datapackage/datapackage.json", 1, "-", error.type, "", "a valid Data Package descriptor", error.message
        )
    for task in report.tasks:
        table = package.tables.get(task.name or "")
        if table is None or table.file.unreadable:
            continue
        for error in task.errors:
            if error.type in STRUCTURAL or _refers_to_unreadable(package, task.name or "", error):
                continue
            yield _problem(package, task.name or "", error)


def _refers_to_unreadable(package: ReadPackage, name: str, error: FrictionlessError) -> bool:
    """A broken file already has its own problem; missing references into it are noise."""
    if error.type != "foreign-key":
        return False
    columns = tuple(getattr(error, "field_names", []) or [])
    spec = package.tables[name].spec
    targets = [fk.resource for fk in spec.foreign_keys if fk.fields == columns]
    return any(package.tables[target].file.unreadable for target in targets if target in package.tables)


def _problem(package: ReadPackage, name: str, error: FrictionlessError) -> Problem:
    table = package.tables[name]
    row_number = getattr(error, "row_number", None) or 1
    line = table.file.line_of_row(row_number)
    column = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", []) or []) or "-"
    value = getattr(error, "cell", None) or ",".join(str(cell) for cell in getattr(error, "cells", []) or []) or ""
    expected, hint = _expectation(package, name, column, error)
    return Problem(table.file.display_path, line, column, error.type, shorten(str(value)), expected, hint)


def _expectation(package: ReadPackage, name: str, column: str, error: FrictionlessError) -> tuple[str, str]:
    spec = package.tables[name].spec
    note = getattr(error, "note", "") or ""
    if error.type == "constraint-error" and '"enum"' in note:
        allowed = spec.field(column).enum
        return "one of " + ", ".join(allowed), closest(str(getattr(error, "cell", "")), allowed)
    if error.type == "constraint-error" and '"required"' in note:
        return "a value (this column is required)", f"fill in {spec.field(column).title.lower()}"
    if error.type == "constraint-error" and '"pattern"' in note:
        return f"text matching {spec.field(column).pattern}", "ids are lower-case slugs like `rubezh-2024`"
    if error.type == "type-error":
        field = spec.field(column)
        return f"a {field.type}", "dates are YYYY-MM-DD; numbers are plain digits without separators"
    if error.type == "foreign-key":
        reference = next((fk for fk in spec.foreign_keys if ",".join(fk.fields) == column), None)
        target = f"an existing id in {reference.resource}.csv" if reference else "an existing id"
        return target, "add the referenced row first, or fix the id"
    if error.type in {"primary-key", "unique-error"}:
        return "a value no other row has", "ids must be unique; pick another slug"
    return "a valid value", note
