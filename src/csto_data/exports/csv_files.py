"""The package as published (descriptor and CSV tables) and the exercise-country-year table as CSV.

The package files are copied byte for byte: they are the canonical form
that `make format` writes. The derived table is written in the same CSV
dialect (UTF-8 without BOM, LF, minimal quoting, empty for unknown).
"""

from __future__ import annotations

import csv
import io

from csto_data.exports.common import ExportContext, ExportFile
from csto_data.exports.country_year import COUNTRY_YEAR_TABLE


def country_year_csv(context: ExportContext) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = COUNTRY_YEAR_TABLE.field_names
    writer.writerow(names)
    for row in context.rows(COUNTRY_YEAR_TABLE):
        writer.writerow(["" if row[name] is None else row[name] for name in names])
    return buffer.getvalue().encode("utf-8")


def export(context: ExportContext) -> list[ExportFile]:
    spec = context.data.spec
    files = [
        ExportFile(
            "datapackage.json",
            (spec.root / "datapackage.json").read_bytes(),
            "Data package descriptor (Frictionless): tables, columns, types, keys",
            "JSON (Frictionless Data Package)",
            "application/json",
        )
    ]
    files += [
        ExportFile(table.path, spec.csv_path(table).read_bytes(), table.title, "CSV", "text/csv")
        for table in spec.tables
    ]
    files.append(
        ExportFile(
            COUNTRY_YEAR_TABLE.path,
            country_year_csv(context),
            f"{COUNTRY_YEAR_TABLE.title}: one row per state per held exercise, in the layout of MME",
            "CSV",
            "text/csv",
        )
    )
    return files
