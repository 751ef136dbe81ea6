"""JSON: one file per table (an array of records) and one file with the whole package.

Cells keep the descriptor's types (numbers are numbers), an empty cell is
`null`, and dates stay ISO text. The package file holds the descriptor's
metadata, the column dictionary and every table, so one download is enough
for a JavaScript user.
"""

from __future__ import annotations

import datetime as dt
import json

from csto_data.exports.common import ExportContext, ExportFile, TypedRow

PACKAGE_FILE = "csto-open-data.json"


def _plain(row: TypedRow) -> dict[str, object]:
    return {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in row.items()}


def _dumps(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def export(context: ExportContext) -> list[ExportFile]:
    tables = {table.name: [_plain(row) for row in context.rows(table)] for table in context.tables}
    files = [
        ExportFile(
            f"json/{table.name}.json",
            _dumps(tables[table.name]),
            f"{table.title} (JSON array of records)",
            "JSON",
            "application/json",
        )
        for table in context.tables
    ]
    metadata = {key: value for key, value in context.package.items() if key != "resources"}
    dictionary = {
        table.name: {
            "title": table.title,
            "description": table.description,
            "primaryKey": list(table.primary_key),
            "fields": [{"name": f.name, "type": f.type, "description": f.description} for f in table.fields],
        }
        for table in context.tables
    }
    files.insert(
        0,
        ExportFile(
            PACKAGE_FILE,
            _dumps({"metadata": metadata, "dictionary": dictionary, "tables": tables}),
            "The whole package in one JSON file: metadata, column dictionary and every table",
            "JSON",
            "application/json",
        ),
    )
    return files
