"""The canonical form of a table file, so pull-request diffs show only real changes.

Canonical means: UTF-8 without BOM, LF line ends, the header in the
descriptor's column order, rows sorted by primary key, minimal quoting.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from csto_data.csvfile import Record
from csto_data.descriptor import TableSpec


def sort_key(table: TableSpec, cells: dict[str, str]) -> tuple[tuple[int, float, str], ...]:
    """Primary-key order, numeric for integer keys (2009 before 2010, 9 before 10)."""
    key = []
    for name in table.primary_key:
        value = cells.get(name, "")
        numeric = table.field(name).type == "integer" and value.lstrip("-").isdigit()
        key.append((0, float(value), "") if numeric else (1, 0.0, value))
    return tuple(key)


def canonical_text(table: TableSpec, records: Sequence[Record]) -> str:
    """The exact text the file should have for these records."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.field_names)
    for record in sorted(records, key=lambda record: sort_key(table, record.cells)):
        writer.writerow([record.cells.get(name, "") for name in table.field_names])
    return buffer.getvalue()


def first_difference(actual: str, expected: str) -> int:
    """Line number of the first line where two texts differ."""
    for number, (left, right) in enumerate(zip(actual.split("\n"), expected.split("\n"), strict=False), start=1):
        if left != right:
            return number
    return min(actual.count("\n"), expected.count("\n")) + 1
