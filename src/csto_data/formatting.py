"""`make format`: rewrite every table file in its canonical form.

A file that cannot be parsed safely is left untouched, so formatting never
loses a row: the contributor fixes it by hand using the validator's message.
"""

from __future__ import annotations

from pathlib import Path

from csto_data.canonical import canonical_text
from csto_data.validation.runner import read_package


def format_package(descriptor_path: Path) -> tuple[list[str], list[str]]:
    """Rewrite files in canonical form; returns (files changed, files left alone)."""
    package = read_package(descriptor_path)
    changed, skipped = [], []
    for table in package.tables.values():
        structural = [
            problem
            for problem in table.file.problems
            if problem.type not in {"byte-order-mark", "line-ending", "column-order"}
        ]
        if structural or not table.file.header:
            skipped.append(table.file.display_path)
            continue
        text = canonical_text(table.spec, table.file.records)
        if table.file.path.read_bytes() != text.encode("utf-8"):
            table.file.path.write_bytes(text.encode("utf-8"))
            changed.append(table.file.display_path)
    return changed, skipped
