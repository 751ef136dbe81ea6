"""Run every check over the package and collect one report.

Order matters for the reader: the file-level reader runs first (a file that
cannot be parsed gets no row checks), then the project's rules, then
frictionless. A frictionless error on a cell the project's rules already
explained is dropped, so each mistake is reported once, in the clearer words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from csto_data.canonical import canonical_text, first_difference
from csto_data.csvfile import FILE_LEVEL, read_csv
from csto_data.descriptor import load_descriptor
from csto_data.problems import Problem
from csto_data.validation.frictionless_errors import frictionless_problems
from csto_data.validation.releases import check_citation, check_released_ids, check_releases_file
from csto_data.validation.rules import RULES
from csto_data.validation.tables import ReadPackage, ReadTable


@dataclass
class Report:
    """All problems found, how many rows were read from each file, and what could not be checked."""

    problems: list[Problem] = field(default_factory=list)
    rows_read: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def read_package(descriptor_path: Path) -> ReadPackage:
    """Read every table file named by the descriptor, collecting file-level problems."""
    spec = load_descriptor(descriptor_path)
    repo_root = descriptor_path.parent.parent
    tables = {}
    for table in spec.tables:
        path = spec.csv_path(table)
        display = path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else str(path)
        tables[table.name] = ReadTable(table, read_csv(path, display, table.field_names))
    return ReadPackage(spec, tables)


def _canonical_problems(package: ReadPackage) -> list[Problem]:
    problems = []
    for table in package.readable():
        if any(problem.column == FILE_LEVEL for problem in table.file.problems):
            continue  # `make format` fixes BOM/CRLF too; the reader already said so.
        actual = table.file.path.read_text(encoding="utf-8")
        expected = canonical_text(table.spec, table.file.records)
        if actual != expected:
            problems.append(
                Problem(
                    table.file.display_path,
                    first_difference(actual, expected),
                    FILE_LEVEL,
                    "not-canonical",
                    "row order or quoting differs",
                    "rows sorted by primary key, minimal quoting, LF line ends",
                    "run `make format` and commit the result",
                )
            )
    return problems


def fingerprint(descriptor_path: Path) -> Fingerprint:
    """Path, modification time and size of the descriptor and every table file, as they are now."""
    spec = load_descriptor(descriptor_path)
    paths = [descriptor_path, *(spec.csv_path(table) for table in spec.tables)]
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else (str(path), -1, -1)
        for path in paths
    )


Fingerprint = tuple[tuple[str, int, int], ...]
"""Path, modification time and size of the descriptor and every table file."""
_CHECKED: dict[Fingerprint, tuple[Report, ReadPackage]] = {}


def validate_package(descriptor_path: Path) -> Report:
    """Every problem in the package at `descriptor_path`; an empty list means valid."""
    return read_and_validate(descriptor_path)[0]


def read_and_validate(descriptor_path: Path) -> tuple[Report, ReadPackage]:
    """The validation report and the files as read for it.

    Both are remembered for files that have not changed since, so a build
    that validates before generating pages (and whose gen-files script
    validates again before loading the rows) reads and checks the package
    once per process.
    """
    files = fingerprint(descriptor_path)
    checked = remembered(files)
    if checked is None:
        package = read_package(descriptor_path)
        checked = (validate_read(package), package)
        remember(files, *checked)
    return checked


def remembered(files: Fingerprint) -> tuple[Report, ReadPackage] | None:
    """The report and files of an earlier validation of the same, unchanged files in this process."""
    return _CHECKED.get(files)


def forget() -> None:
    """Drop the remembered validation, so that the next one reads and checks the files again."""
    _CHECKED.clear()


def remember(files: Fingerprint, report: Report, package: ReadPackage) -> None:
    """Keep a validation's report and files for `remembered` (the last package only).

    `files` is the fingerprint taken before the files were read: were a file
    saved again meanwhile (under `make serve`), the next look-up misses and
    validates the new file, instead of finding this report under its stamp.
    """
    _CHECKED.clear()
    _CHECKED[files] = (report, package)


def validate_read(package: ReadPackage) -> Report:
    """Every problem of a package already read (`read_package`)."""
    problems: list[Problem] = [problem for table in package.tables.values() for problem in table.file.problems]
    for rule in RULES:
        problems.extend(rule(package))
    problems.extend(_canonical_problems(package))
    explained = {(problem.path, problem.line, problem.column) for problem in problems}
    explained_lines = {(problem.path, problem.line) for problem in problems if problem.column == FILE_LEVEL}
    for problem in frictionless_problems(package):
        if (problem.path, problem.line, problem.column) in explained or (problem.path, problem.line) in explained_lines:
            continue
        problems.append(problem)
    notes = []
    for check in (check_releases_file(package), check_released_ids(package), check_citation(package)):
        problems.extend(check.problems)
        notes.extend(check.notes)
    rows_read = {name: len(table.file.records) for name, table in package.tables.items()}
    return Report(sorted(set(problems)), rows_read, notes)
