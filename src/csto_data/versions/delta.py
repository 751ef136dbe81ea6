"""A release's machine-readable delta against the release before it: `delta.json` and per-table CSVs.

Why: a data user who has loaded 0.1.0 wants to apply 0.2.0 without
diffing it themselves. Each release folder (`download/vX.Y.Z/`) carries
`delta.json` (counts per table, columns added and removed, the file list)
and, per changed table, `delta/<table>-added.csv` and `-removed.csv` (whole
rows, as in the release's own CSV) and `-changed.csv` (key, column, old
value, new value), all computed by the keyed diff (`versions.diff`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from csto_data.descriptor import load_descriptor
from csto_data.exports.common import ExportFile
from csto_data.versions.diff import diff_packages, read_table

DELTA_FOLDER = "delta"


def delta_files(
    new_descriptor: Path, old_descriptor: Path | None, version: str, previous: str | None
) -> list[ExportFile]:
    """The delta of the package at `new_descriptor` against `old_descriptor` (None for the first release)."""
    if old_descriptor is None:
        return [_json({"version": version, "previous": None, "tables": {}, "files": []}, version)]
    old_spec, new_spec = load_descriptor(old_descriptor), load_descriptor(new_descriptor)
    old_tables = {table.name: table for table in old_spec.tables}
    new_names = {table.name for table in new_spec.tables}
    files: list[ExportFile] = []
    tables: dict[str, dict[str, object]] = {}
    for diff in diff_packages(old_descriptor, new_descriptor):
        if diff.is_empty:
            continue
        tables[diff.table] = {
            "added": len(diff.added),
            "removed": len(diff.removed),
            "changed": len(diff.changed),
            "columns_added": list(diff.columns_added),
            "columns_removed": list(diff.columns_removed),
        }
        new = read_table(new_spec, new_spec.table(diff.table)) if diff.table in new_names else None
        old = read_table(old_spec, old_tables[diff.table]) if diff.table in old_tables else None
        if diff.added and new is not None:
            files.append(_csv(diff.table, "added", new.loc[new.index.difference(old.index if old is not None else [])]))
        if diff.removed and old is not None:
            files.append(
                _csv(diff.table, "removed", old.loc[old.index.difference(new.index if new is not None else [])])
            )
        if diff.changed:
            rows = [(change.key, cell.column, cell.old, cell.new) for change in diff.changed for cell in change.cells]
            changed = pd.DataFrame(rows, columns=["key", "column", "old", "new"]).set_index("key")
            files.append(_csv(diff.table, "changed", changed))
    summary = {
        "version": version,
        "previous": previous,
        "tables": tables,
        "files": [file.path for file in files],
    }
    return [_json(summary, version), *files]


def _csv(table: str, what: str, frame: pd.DataFrame) -> ExportFile:
    text = io.StringIO()
    frame.reset_index().to_csv(text, index=False, lineterminator="\n")
    return ExportFile(
        f"{DELTA_FOLDER}/{table}-{what}.csv",
        text.getvalue().encode("utf-8"),
        f"Rows of {table} {what} since the previous release",
        "CSV",
        "text/csv",
    )


def _json(summary: Mapping[str, object], version: str) -> ExportFile:
    content = json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return ExportFile(
        "delta.json",
        content.encode("utf-8"),
        f"What {version} changes since the previous release, per table",
        "JSON",
        "application/json",
    )
