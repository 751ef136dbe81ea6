"""Cutting a release: the tag must match the descriptor, the files to attach, the changelog entry.

The changelog entry of a release is generated from the data diff since the
previous release (counts per table and the notable changes: new entries,
retired ids, new or dropped columns) under a summary written by hand.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from csto_data.descriptor import PackageSpec
from csto_data.exports import build_downloads
from csto_data.model import load_dataset
from csto_data.versions.diff import TableDiff

NOTABLE_LIMIT = 20
"""New entries listed by id per table; beyond that only the count is given."""

ENTRY_HEADING = re.compile(r"^### (\S+)", re.MULTILINE)


def tag_mismatch(spec: PackageSpec, tag: str) -> str | None:
    """Why `tag` cannot release this package (None when it can)."""
    expected = f"v{spec.raw.get('version', '')}"
    if tag != expected:
        return f"tag {tag} does not match the package version: datapackage.json says {expected}"
    return None


def release_assets(descriptor_path: Path) -> dict[str, bytes]:
    """File name -> bytes of every download, flat as a GitHub release wants them, plus SHA256SUMS.

    The package must validate: a release is cut only from data that passes today's rules.
    """
    files = {download.path.rsplit("/", 1)[-1]: download for download in build_downloads(load_dataset(descriptor_path))}
    assets = {name: download.content for name, download in files.items()}
    assets["SHA256SUMS"] = "".join(f"{download.sha256}  {name}\n" for name, download in files.items()).encode()
    return assets


def write_assets(descriptor_path: Path, folder: Path) -> list[Path]:
    """Write the release files of the package into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in release_assets(descriptor_path).items():
        (folder / name).write_bytes(content)
        written.append(folder / name)
    return written


def changelog_entry(spec: PackageSpec, summary: str, diffs: list[TableDiff], previous: str) -> str:
    """The Markdown entry of this version: heading, the hand-written summary, then the generated part."""
    lines = [f"### {spec.raw.get('version', '')} ({spec.raw.get('released', '')})", "", summary.strip(), ""]
    changed = [diff for diff in diffs if not diff.is_empty]
    if not changed:
        return "\n".join([*lines, f"No data changes since {previous}.", ""])
    lines += [
        f"Changes since {previous}, from the data diff:",
        "",
        "| table | added | removed | changed |",
        "|---|---|---|---|",
    ]
    lines += [f"| {diff.table} | {len(diff.added)} | {len(diff.removed)} | {len(diff.changed)} |" for diff in changed]
    notable = _notable(spec, changed)
    if notable:
        lines += ["", *notable]
    return "\n".join(lines) + "\n"


def _notable(spec: PackageSpec, diffs: list[TableDiff]) -> list[str]:
    retired = _retired_rows(spec)
    lines = []
    for diff in diffs:
        lines += [f"- {diff.table}: new column `{name}`" for name in diff.columns_added]
        lines += [f"- {diff.table}: column `{name}` dropped" for name in diff.columns_removed]
        if diff.table == "retired_ids":
            for key in diff.added:
                row = retired.get(key, {})
                target = f" into `{row['replaced_by']}`" if row.get("replaced_by") else ""
                lines.append(f"- retired `{key}`{target}: {markdown_literal(row.get('reason', ''))}")
        elif diff.added and spec.table(diff.table).primary_key == ("id",):
            shown = ", ".join(f"`{key}`" for key in diff.added[:NOTABLE_LIMIT])
            more = f" and {len(diff.added) - NOTABLE_LIMIT} more" if len(diff.added) > NOTABLE_LIMIT else ""
            lines.append(f"- new {diff.table}: {shown}{more}")
    return lines


def markdown_literal(text: str) -> str:
    """A data value as Markdown that shows exactly that text (no link, emphasis or HTML of its own).

    >>> print(markdown_literal('<img onerror=x> [a](b) *c*'))
    \\<img onerror=x\\> \\[a\\]\\(b\\) \\*c\\*
    """
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~&-])", r"\\\1", " ".join(text.split()))


def _retired_rows(spec: PackageSpec) -> dict[str, dict[str, str]]:
    """`table/id` -> the retired_ids row (the diff's key for that table)."""
    path = spec.csv_path(spec.table("retired_ids"))
    with path.open(encoding="utf-8", newline="") as handle:
        return {f"{row['table']}/{row['id']}": row for row in csv.DictReader(handle)}


def add_entry(changelog: Path, entry: str) -> None:
    """Put `entry` at the top of the changelog (newest first)."""
    existing = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
    changelog.write_text(entry.rstrip("\n") + "\n\n" + existing, encoding="utf-8")


def release_notes(changelog_text: str, version: str) -> str | None:
    """The changelog entry of `version` without its heading, for the GitHub release (None if missing)."""
    headings = list(ENTRY_HEADING.finditer(changelog_text))
    for index, heading in enumerate(headings):
        if heading.group(1) == version:
            end = headings[index + 1].start() if index + 1 < len(headings) else len(changelog_text)
            return changelog_text[heading.end() : end].split("\n", 1)[-1].strip() + "\n"
    return None
