"""A keyed diff of two versions of the package: rows added, removed and changed, per table.

Rows are matched by primary key, not by line, so a re-sorted file shows no
change and a one-cell fix shows as that cell, old -> new. pandas does the
matching and the cell comparison (`Index.difference`, `DataFrame.compare`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from csto_data.descriptor import PackageSpec, TableSpec, load_descriptor
from csto_data.versions.git import package_at


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    key: str
    cells: tuple[CellChange, ...]


@dataclass(frozen=True)
class TableDiff:
    """What changed in one table between two versions."""

    table: str
    added: tuple[str, ...] = ()
    added_rows: tuple[tuple[tuple[str, str], ...], ...] = ()
    """The non-empty cells (column, value) of each added row, in the order of `added`."""
    removed: tuple[str, ...] = ()
    changed: tuple[RowChange, ...] = ()
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)

    def counts(self) -> str:
        """E.g. "1 added, 1 removed, 1 changed"."""
        parts = [
            f"{len(keys)} {label}"
            for keys, label in ((self.added, "added"), (self.removed, "removed"), (self.changed, "changed"))
            if keys
        ]
        parts += [f"column {name} added" for name in self.columns_added]
        parts += [f"column {name} removed" for name in self.columns_removed]
        return ", ".join(parts)


def read_table(spec: PackageSpec, table: TableSpec) -> pd.DataFrame:
    """The table's rows as text, indexed by primary key (a missing file is an empty table)."""
    path = spec.csv_path(table)
    frame = (
        pd.read_csv(path, dtype=str, keep_default_na=False)
        if path.exists()
        else pd.DataFrame(columns=list(table.field_names), dtype=str)
    )
    frame = frame.set_index(list(table.primary_key))
    # A duplicated key is the validator's to report; the diff keeps the first row.
    return frame[~frame.index.duplicated()].sort_index()


def _key(value: object) -> str:
    return "/".join(str(part) for part in value) if isinstance(value, tuple) else str(value)


def diff_table(name: str, old: pd.DataFrame, new: pd.DataFrame) -> TableDiff:
    """Compare two versions of one table, indexed by the same primary key."""
    columns = [column for column in new.columns if column in old.columns]
    common = old.index.intersection(new.index)
    before = old.loc[common, columns].sort_index()
    after = new.loc[common, columns].sort_index()
    compared = before.compare(after, result_names=("old", "new"))
    changed = []
    for key, row in compared.iterrows():
        cells = tuple(
            CellChange(str(column), str(row[(column, "old")]), str(row[(column, "new")]))
            for column in compared.columns.get_level_values(0).unique()
            if not (pd.isna(row[(column, "old")]) and pd.isna(row[(column, "new")]))
        )
        changed.append(RowChange(_key(key), cells))
    added = new.index.difference(old.index)
    return TableDiff(
        name,
        added=tuple(_key(key) for key in added),
        added_rows=tuple(
            tuple((str(column), str(value)) for column, value in new.loc[key].items() if value != "") for key in added
        ),
        removed=tuple(_key(key) for key in old.index.difference(new.index)),
        changed=tuple(changed),
        columns_added=tuple(column for column in new.columns if column not in old.columns),
        columns_removed=tuple(column for column in old.columns if column not in new.columns),
    )


def diff_packages(old_descriptor: Path, new_descriptor: Path) -> list[TableDiff]:
    """Per table of either version, in the new descriptor's order, what changed from old to new."""
    old_spec, new_spec = load_descriptor(old_descriptor), load_descriptor(new_descriptor)
    old_tables = {table.name: table for table in old_spec.tables}
    new_tables = {table.name: table for table in new_spec.tables}
    diffs = []
    for name, table in new_tables.items():
        new = read_table(new_spec, table)
        if name in old_tables and old_tables[name].primary_key == table.primary_key:
            old = read_table(old_spec, old_tables[name])
        else:
            old = new.iloc[0:0]  # a new table, or a new key: every row is new
        diffs.append(diff_table(name, old, new))
    for name, table in old_tables.items():
        if name not in new_tables:
            old = read_table(old_spec, table)
            diffs.append(diff_table(name, old, old.iloc[0:0]))
    return diffs


def diff_since(descriptor_path: Path, base: str) -> list[TableDiff]:
    """What changed from git ref `base` to the package as it is on disk."""
    with package_at(descriptor_path.parent, base) as folder:
        return diff_packages(folder / descriptor_path.name, descriptor_path)


SHORT_VALUE = 60
"""Values up to this length are shown whole, old -> new; longer ones as the words that changed, in context."""
CONTEXT_WORDS = 4
_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """Text with every control, bidirectional and invisible character written as an escape.

    A reviewer's terminal then shows what the cell holds: a right-to-left
    override cannot reorder the line, an escape sequence cannot recolour or
    rewrite the screen.

    >>> print(visible("abc\\u202edef\\x1b[31m"))
    abc\\u202edef\\x1b[31m
    """
    return _UNSEEN.sub(lambda found: _escape(found.group()), text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


REVIEWED_FILES = {
    "datapackage.json": "the schema every row is checked against: a change to it needs its own review",
    "CHANGELOG.md": "shown on the site's data page",
}
"""Files beside the tables whose every change a reviewer must see, and why."""


@dataclass(frozen=True)
class FileChange:
    """A changed file of the package other than a table, as unified-diff lines."""

    name: str
    why: str
    lines: tuple[str, ...]


def file_changes_since(descriptor_path: Path, base: str) -> list[FileChange]:
    """The descriptor's and the changelog's changes since git ref `base`, line by line."""
    with package_at(descriptor_path.parent, base) as folder:
        changes = []
        for name, why in REVIEWED_FILES.items():
            old_path, new_path = folder / name, descriptor_path.parent / name
            old = old_path.read_text(encoding="utf-8").splitlines() if old_path.exists() else []
            new = new_path.read_text(encoding="utf-8").splitlines() if new_path.exists() else []
            lines = tuple(difflib.unified_diff(old, new, f"{base}:{name}", name, n=2, lineterm=""))
            if lines:
                changes.append(FileChange(name, why, lines))
    return changes


def render_file_changes(changes: list[FileChange]) -> str:
    """Each changed file under a heading that says why it matters, its lines made visible."""
    lines = []
    for change in changes:
        lines.append(f"{change.name} changed ({change.why}):")
        lines += [f"  {visible(line)}" for line in change.lines]
    return "\n".join(lines) + "\n" if lines else ""


def _show(value: str) -> str:
    if value == "":
        return "(empty)"
    value = visible(value)
    return f'"{value}"' if " " in value else value


def word_difference(old: str, new: str) -> str:
    """The changed words of a long value, marked [-old-]{+new+}, with a few words of context either side.

    >>> word_difference("a b c d e f g h i j k l", "a b c d e f g X i j k l")
    '… d e f g [-h-]{+X+} i j k l'
    >>> word_difference("x y", "x  y")  # a doubled space shows as an added empty word
    'x {++} y'
    """
    before, after = visible(old).split(" "), visible(new).split(" ")
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    parts = []
    for index, (tag, first, last, new_first, new_last) in enumerate(opcodes):
        if tag != "equal":
            removed, added = " ".join(before[first:last]), " ".join(after[new_first:new_last])
            parts.append(
                (f"[-{removed}-]" if last > first else "") + (f"{{+{added}+}}" if new_last > new_first else "")
            )
            continue
        words = before[first:last]
        if index == 0 and len(words) > CONTEXT_WORDS:
            words = ["…", *words[-CONTEXT_WORDS:]]
        elif index == len(opcodes) - 1 and len(words) > CONTEXT_WORDS:
            words = [*words[:CONTEXT_WORDS], "…"]
        elif len(words) > 2 * CONTEXT_WORDS:
            words = [*words[:CONTEXT_WORDS], "…", *words[-CONTEXT_WORDS:]]
        parts.append(" ".join(words))
    return " ".join(parts)


def render_cell_change(cell: CellChange) -> str:
    """`column old -> new` for short values; the changed words in context for long ones."""
    if len(cell.old) <= SHORT_VALUE and len(cell.new) <= SHORT_VALUE:
        return f"{cell.column} {_show(cell.old)} -> {_show(cell.new)}"
    return f"{cell.column} {word_difference(cell.old, cell.new)}"


def render_change(change: RowChange) -> str:
    """E.g. "rubezh-2016: end 2016-10-06 -> 2016-10-07"."""
    return f"{visible(change.key)}: " + "; ".join(render_cell_change(cell) for cell in change.cells)


def render_added(key: str, cells: tuple[tuple[str, str], ...]) -> str:
    """E.g. "uzb: name Uzbekistan; iso_alpha2 UZ": every value an added row brings."""
    return f"{visible(key)}: " + "; ".join(f"{column} {_show(value)}" for column, value in cells)


def render_text(diffs: list[TableDiff], base: str, limit: int = 100) -> str:
    """One block per changed table: its counts, then each row added, removed and changed.

    At most `limit` rows of each kind are listed per table, so a bulk import
    stays readable; the counts are always complete.
    """
    changed = [diff for diff in diffs if not diff.is_empty]
    if not changed:
        return f"No data changes since {base}.\n"
    lines = [f"Data changes since {base}:"]
    for diff in changed:
        lines.append(f"{diff.table}: {diff.counts()}")
        for label, items in (
            ("added", [render_added(key, cells) for key, cells in zip(diff.added, diff.added_rows, strict=True)]),
            ("removed", [visible(key) for key in diff.removed]),
            ("changed", [render_change(change) for change in diff.changed]),
        ):
            lines += [f"  {label} {item}" for item in items[:limit]]
            if len(items) > limit:
                lines.append(f"  ... and {len(items) - limit} more {label}")
    return "\n".join(lines) + "\n"


def render_markdown(text: str) -> str:
    """The text diff for a GitHub job summary, fenced so no cell can turn into Markdown or HTML."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"## Data changes\n\n{fence}text\n{text}{fence}\n"
