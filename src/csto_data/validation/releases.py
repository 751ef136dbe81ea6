"""Checks that tie the package to its releases: no released id vanishes, and the citation agrees.

Ids are published: readers link to their pages and cite them. An id that the
latest release (the newest `vX.Y.Z` tag) had must still be in the data, or
be listed in `retired_ids.csv` with what became of it. Which tables have
such stable ids is said once, by the `table` column's vocabulary in
`retired_ids`.

These checks need git and a CITATION.cff beside the package; where either is
missing (a tarball, a clone without tags, a test fixture) they say so in a
note instead of failing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import yaml

from csto_data.descriptor import load_descriptor
from csto_data.problems import Problem
from csto_data.validation.tables import ReadPackage, ReadTable
from csto_data.versions.git import (
    COMMIT,
    RELEASES_FILE,
    RELEASES_HEADER,
    VERSION,
    GitError,
    Release,
    latest_release,
    package_at,
    version_key,
)

RETIRED_TABLE = "retired_ids"
CITATION_FILE = "CITATION.cff"


@dataclass
class ReleaseCheck:
    """Problems found, and one-line notes on what could not be checked and why."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def stable_id_tables(package: ReadPackage) -> tuple[str, ...]:
    """Tables whose ids never vanish: the vocabulary of `retired_ids.table`."""
    if RETIRED_TABLE not in package.tables:
        return ()
    return package.spec.table(RETIRED_TABLE).field("table").enum


def retired_keys(package: ReadPackage) -> set[tuple[str, str]]:
    """(table, id) of every retired id."""
    retired = package.tables.get(RETIRED_TABLE)
    if retired is None:
        return set()
    return {(record.cells.get("table", ""), record.cells.get("id", "")) for record in retired.file.records}


def _ids(table: ReadTable) -> set[str]:
    return {record.cells.get("id", "") for record in table.file.records}


def check_retired_ids(package: ReadPackage) -> Iterator[Problem]:
    """A retired id is not in use again, and the id it was replaced by exists in the same table."""
    retired = package.tables.get(RETIRED_TABLE)
    if retired is None or retired.file.unreadable:
        return
    for record in retired.file.records:
        table = package.tables.get(record.cells.get("table", ""))
        if table is None or table.file.unreadable:
            continue  # an unknown table is reported by the schema's vocabulary
        ids = _ids(table)
        old, new = record.cells.get("id", ""), record.cells.get("replaced_by", "")
        if old in ids:
            yield Problem(
                retired.file.display_path,
                record.line,
                "id",
                "retired-id-in-use",
                old,
                f"an id that {table.file.display_path} no longer has",
                "an id is never reused: remove this row, or give the row in the table a new id",
            )
        if new and new not in ids:
            yield Problem(
                retired.file.display_path,
                record.line,
                "replaced_by",
                "unknown-replacement",
                new,
                f"an id from {table.file.display_path}",
                "name the row the entry was merged or renamed into, or leave it empty for a withdrawal",
            )


def check_released_ids(package: ReadPackage) -> ReleaseCheck:
    """Every id of the latest release is still in the data or retired (a note when there is no release)."""
    result = ReleaseCheck()
    if not stable_id_tables(package):
        result.notes.append(f"The package has no {RETIRED_TABLE} table: ids not compared with a release.")
        return result
    try:
        release = latest_release(package.spec.root)
    except GitError as error:
        result.notes.append(f"Ids not compared with a release: {error}.")
        return result
    if release is None:
        result.notes.append(f"No release recorded in {RELEASES_FILE}: ids not compared with a release.")
        return result
    try:
        released = _released_ids(package, release)
    except GitError as error:
        result.notes.append(f"Ids not compared with release {release.tag}: {error}.")
        return result
    retired = retired_keys(package)
    retired_path = package.tables[RETIRED_TABLE].file.display_path
    for name, ids in released.items():
        table = package.tables.get(name)
        if table is not None and table.file.problems:
            result.notes.append(
                f"{table.file.display_path}: ids not compared with {release.tag} until it reads cleanly."
            )
            continue
        current = _ids(table) if table else set()
        path = table.file.display_path if table else f"{name} (a table the package no longer has)"
        for missing in sorted(ids - current):
            if (name, missing) in retired:
                continue
            result.problems.append(
                Problem(
                    path,
                    1,
                    "id",
                    "released-id-missing",
                    f"no row with id {missing}",
                    f"the row with id {missing!r}, which release {release.tag} published",
                    f"restore the row, or add a row to {retired_path} "
                    f"({name},{missing},<id it became or empty>,<reason>,<today>)",
                )
            )
    result.notes.append(f"Ids compared with release {release.tag} ({release.date}, commit {release.commit[:12]}).")
    return result


def _released_ids(package: ReadPackage, release: Release) -> dict[str, set[str]]:
    """Table name -> the ids the release had, for the tables whose ids are stable."""
    stable = set(stable_id_tables(package))
    with package_at(package.spec.root, release.commit) as folder:
        descriptor = folder / "datapackage.json"
        if not descriptor.exists():
            raise GitError(f"the tag has no {descriptor.name} in this folder")
        spec = load_descriptor(descriptor)
        released = {}
        for table in spec.tables:
            path = spec.csv_path(table)
            if table.name in stable and table.primary_key == ("id",) and path.exists():
                with path.open(encoding="utf-8", newline="") as handle:
                    released[table.name] = {row.get("id", "") for row in csv.DictReader(handle)}
    return released


def check_citation(package: ReadPackage) -> ReleaseCheck:
    """CITATION.cff gives the descriptor's `version` and its `released` day as `date-released`."""
    result = ReleaseCheck()
    path = package.spec.root.parent / CITATION_FILE
    if not path.exists():
        result.notes.append(f"No {CITATION_FILE} beside the package: version and date not compared.")
        return result
    text = path.read_text(encoding="utf-8")
    citation = yaml.safe_load(text) or {}
    display = CITATION_FILE
    expectations = (
        ("version", "version", str(package.spec.raw.get("version", ""))),
        ("date-released", "released", str(package.spec.raw.get("released", ""))),
    )
    for key, descriptor_key, expected in expectations:
        found = citation.get(key, "")
        found = found.isoformat() if isinstance(found, date) else str(found)
        if found != expected:
            result.problems.append(
                Problem(
                    display,
                    _line_of_key(text, key),
                    key,
                    "citation-disagrees",
                    found,
                    f"{expected!r}, the {descriptor_key!r} of datapackage.json",
                    "a release sets both together; see CONTRIBUTING.md, 'Cutting a release'",
                )
            )
    return result


def _line_of_key(text: str, key: str) -> int:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def check_releases_file(package: ReadPackage) -> ReleaseCheck:
    """`releases.csv` is well-formed, newest first, and the descriptor's version is its newest or the next."""
    result = ReleaseCheck()
    path = package.spec.root / RELEASES_FILE
    display = f"datapackage/{RELEASES_FILE}"
    if not path.exists():
        result.notes.append(f"No {display}: no release recorded.")
        return result
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        rows = list(reader)
    if not rows or rows[0] != RELEASES_HEADER:
        result.problems.append(
            Problem(display, 1, "-", "bad-header", ",".join(rows[0] if rows else []), ",".join(RELEASES_HEADER))
        )
        return result
    versions: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        cells = dict(zip(RELEASES_HEADER, row, strict=False))
        checks = (
            ("version", VERSION.match(cells.get("version", "")), "a version X.Y.Z"),
            ("released", _is_day(cells.get("released", "")), "a day YYYY-MM-DD"),
            ("commit", COMMIT.match(cells.get("commit", "")), "the 40-character commit the release published"),
        )
        for column, ok, expected in checks:
            if not ok:
                result.problems.append(Problem(display, line, column, "bad-release", cells.get(column, ""), expected))
        if VERSION.match(cells.get("version", "")):
            if versions and version_key(cells["version"]) >= version_key(versions[-1]):
                result.problems.append(
                    Problem(display, line, "version", "release-order", cells["version"], "newest release first")
                )
            versions.append(cells["version"])
    current = str(package.spec.raw.get("version", ""))
    if versions and VERSION.match(current) and version_key(current) < version_key(versions[0]):
        result.problems.append(
            Problem(
                "datapackage/datapackage.json",
                1,
                "version",
                "version-behind-release",
                current,
                f"at least {versions[0]}, the newest release in {display}",
            )
        )
    return result


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
