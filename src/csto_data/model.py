"""The validated package as joined tables, built once for every page renderer.

Rows stay plain `dict[str, str]` (the CSV's own cells, so templates and the
data dictionary speak the same column names), while every join a page needs
is computed here once. Renderers then look things up in O(1) and the build
stays linear in the number of events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from csto_data.dates import PartialDate, parse_optional
from csto_data.descriptor import PackageSpec
from csto_data.validation.background import PendingValidation
from csto_data.validation.runner import Report, read_and_validate, read_package
from csto_data.validation.tables import ReadPackage

Row = dict[str, str]


class InvalidPackageError(Exception):
    """Raised when a page build is asked for a package that does not validate."""


@dataclass(frozen=True)
class Citation:
    """A row that cites a source: which table, which record, and its line in the CSV."""

    table: str
    key: str
    line: int


@dataclass
class Dataset:
    """All tables plus the indexes the pages need."""

    spec: PackageSpec
    tables: dict[str, list[Row]]
    lines: dict[tuple[str, str], int]
    by_id: dict[str, dict[str, Row]] = field(default_factory=dict)
    participants: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    event_bodies: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    event_documents: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    document_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    hosted_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    member_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    series_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    place_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    body_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    year_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    memberships: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    chairmanships: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    positions: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    event_people: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    person_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    event_parties: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    party_events: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    party_parts: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    member_people: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    body_documents: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    citations: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))

    def get(self, table: str, key: str) -> Row | None:
        return self.by_id.get(table, {}).get(key) if key else None

    def line(self, table: str, key: str) -> int:
        return self.lines.get((table, key), 1)

    def events_newest_first(self) -> list[Row]:
        return sorted(self.tables["events"], key=event_sort_key, reverse=True)


def event_start(event: Row) -> PartialDate | None:
    return parse_optional(event.get("start", ""))


def event_year(event: Row) -> str:
    """The year an event is filed under: its start, else its edition year, else "undated"."""
    start = event_start(event)
    if start:
        return str(start.year)
    return event.get("edition_year") or "undated"


def event_sort_key(event: Row) -> tuple[str, str]:
    start = event_start(event)
    return (start.earliest.isoformat() if start else event.get("edition_year", "0000"), event["id"])


def row_key(table: str, row: Row, primary_key: tuple[str, ...]) -> str:
    return "/".join(row.get(name, "") for name in primary_key)


def load_dataset(descriptor_path: Path) -> Dataset:
    """Read and index the package; refuses a package that does not validate."""
    report, package = read_and_validate(descriptor_path)
    _refuse_invalid(report)
    return _dataset_of(package)


class ValidationUnderway:
    """A package's rows, usable now, and its validation, running meanwhile (`validation.background`).

    `niceness` lowers the validating child's priority, for a caller that
    asks for the verdict only at the end of a longer job (a build).
    """

    def __init__(self, descriptor_path: Path, niceness: int = 0) -> None:
        self._pending = PendingValidation(descriptor_path, niceness)
        self.dataset = _dataset_of(self._pending.package)

    def refuse_if_invalid(self, cause: Exception | None = None) -> None:
        """Wait for the verdict; raise `InvalidPackageError` with the positioned problems if there are any.

        `cause`: the error the caller met on the rows meanwhile, chained to the problems that explain it.
        """
        _refuse_invalid(self._pending.report(), cause)


@contextmanager
def dataset_under_validation(descriptor_path: Path) -> Iterator[Dataset]:
    """The package's rows for the body of the `with`, validated meanwhile in the background.

    On leaving, the package is refused (`InvalidPackageError`) if it does not
    validate, also when the body failed on its rows: the problems say why.
    See `validation.background` for why and when validation runs alongside.
    """
    underway = ValidationUnderway(descriptor_path)
    try:
        yield underway.dataset
    except Exception as error:
        underway.refuse_if_invalid(error)
        raise
    underway.refuse_if_invalid()


def _refuse_invalid(report: Report, cause: Exception | None = None) -> None:
    if not report.valid:
        details = "\n".join(problem.render() for problem in report.problems[:50])
        raise InvalidPackageError(f"the data package has {len(report.problems)} problem(s):\n{details}") from cause


def load_released_dataset(descriptor_path: Path) -> Dataset:
    """Read and index a released package as it was published, without today's rules.

    A release was validated by the rules of its day; rules added since (such as
    the as-of check) must not stop its files from being rebuilt for citation.
    Only a file that cannot be read at all is refused.
    """
    package = read_package(descriptor_path)
    unreadable = [table.file.display_path for table in package.tables.values() if table.file.unreadable]
    if unreadable:
        raise InvalidPackageError(f"the released package has unreadable files: {', '.join(unreadable)}")
    return _dataset_of(package)


def _dataset_of(package: ReadPackage) -> Dataset:
    tables: dict[str, list[Row]] = {}
    lines: dict[tuple[str, str], int] = {}
    for name, table in package.tables.items():
        tables[name] = [dict(record.cells) for record in table.file.records]
        for record in table.file.records:
            lines[(name, row_key(name, record.cells, table.spec.primary_key))] = record.line
    dataset = Dataset(spec=package.spec, tables=tables, lines=lines)
    _index(dataset)
    return dataset


def _index(data: Dataset) -> None:
    for spec in data.spec.tables:
        if spec.primary_key == ("id",):
            data.by_id[spec.name] = {row["id"]: row for row in data.tables[spec.name]}
    _index_events(data)
    _index_link_tables(data)
    _index_citations(data)


def _index_events(data: Dataset) -> None:
    for event in data.tables["events"]:
        data.year_events[event_year(event)].append(event)
        for column, index in (
            ("series_id", data.series_events),
            ("host_id", data.hosted_events),
            ("parent_id", data.children),
            ("place_id", data.place_events),
            ("organizer_id", data.body_events),
        ):
            if event.get(column):
                index[event[column]].append(event)


def _index_link_tables(data: Dataset) -> None:
    """Group each link table by the entity whose page lists it."""
    groupings: tuple[tuple[str, str, dict[str, list[Row]]], ...] = (
        ("event_participants", "event_id", data.participants),
        ("event_participants", "member_id", data.member_events),
        ("event_bodies", "event_id", data.event_bodies),
        ("event_documents", "event_id", data.event_documents),
        ("event_documents", "document_id", data.document_events),
        ("event_people", "event_id", data.event_people),
        ("event_people", "person_id", data.person_events),
        ("event_parties", "event_id", data.event_parties),
        ("event_parties", "party_id", data.party_events),
        ("parties", "parent_id", data.party_parts),
        ("memberships", "member_id", data.memberships),
        ("chairmanships", "member_id", data.chairmanships),
        ("positions", "person_id", data.positions),
        ("people", "member_id", data.member_people),
        ("documents", "adopting_body_id", data.body_documents),
    )
    for table, column, index in groupings:
        for row in data.tables.get(table, []):
            if row.get(column):
                index[row[column]].append(row)
    for row in data.tables["event_bodies"]:
        linked = data.get("events", row["event_id"])
        if linked and linked.get("organizer_id") != row["body_id"]:
            data.body_events[row["body_id"]].append(linked)


def _index_citations(data: Dataset) -> None:
    for spec in data.spec.tables:
        if not spec.is_fact_table:
            continue
        for row in data.tables[spec.name]:
            key = row_key(spec.name, row, spec.primary_key)
            for source_id in row.get("source_ids", "").split(";"):
                data.citations[source_id].append(Citation(spec.name, key, data.line(spec.name, key)))
