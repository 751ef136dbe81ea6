"""Rules that keep statuses and participant lists true as of the package's as-of date.

A researcher builds country-year panels from `event_participants`, so a
participant row must rest on a report of the event itself (not on a plan
published before it), every held event must say how complete its list is,
and no event in the past may still read `planned`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from csto_data.dates import PartialDate
from csto_data.problems import Problem
from csto_data.validation.tables import ReadPackage, cell_date, cell_problem

RESOLVED_STATUSES = "held, cancelled, postponed or unconfirmed"


def check_as_of_declared(package: ReadPackage) -> Iterator[Problem]:
    """Statuses mean nothing without the day they are true as of, so the descriptor must give it."""
    if package.spec.as_of is not None:
        return
    descriptor = package.spec.path
    text = descriptor.read_text(encoding="utf-8") if descriptor.exists() else ""
    line = next((number for number, content in enumerate(text.splitlines(), 1) if '"as_of"' in content), 1)
    yield Problem(
        f"{package.spec.root.name}/datapackage.json",
        line,
        "as_of",
        "bad-as-of",
        str(package.spec.raw.get("as_of", "")),
        "the day the statuses are true as of, as YYYY-MM-DD",
        'add "as_of": "YYYY-MM-DD" next to "version" and update it when statuses are reviewed',
    )


def check_statuses_as_of(package: ReadPackage) -> Iterator[Problem]:
    """Nothing that started before the as-of date stays `planned`; nothing after it is `held` yet."""
    events, as_of = package.tables.get("events"), package.spec.as_of
    if not events or events.file.unreadable or as_of is None:
        return
    for record in events.file.records:
        start, status = cell_date(record, "start"), record.cells.get("status", "")
        if start is None:
            continue
        if status == "planned" and start.latest < as_of:
            yield cell_problem(
                events,
                record,
                "status",
                "stale-plan",
                f"{RESOLVED_STATUSES}: the event starts before the package's as-of date {as_of.isoformat()}",
                "cite a report of what happened; if none can be found, use `unconfirmed` "
                "and record what was searched in gaps.csv",
            )
        elif status == "held" and start.earliest > as_of:
            yield cell_problem(
                events,
                record,
                "status",
                "held-in-future",
                f"planned: the event starts after the package's as-of date {as_of.isoformat()}",
                "an event cannot have been held before it starts; check the date or the as_of date",
            )


def check_participants_complete(package: ReadPackage) -> Iterator[Problem]:
    """Every held event says how complete its participant list is, and the rows agree with it."""
    events, participants = package.tables.get("events"), package.tables.get("event_participants")
    if not events or events.file.unreadable or "participants_complete" not in events.spec.field_names:
        return
    rows_per_event: dict[str, int] = defaultdict(int)
    if participants and not participants.file.unreadable:
        for record in participants.file.records:
            rows_per_event[record.cells.get("event_id", "")] += 1
    for record in events.file.records:
        completeness = record.cells.get("participants_complete", "")
        held = record.cells.get("status") == "held"
        rows = rows_per_event[record.cells.get("id", "")]
        if held and not completeness:
            expected, hint = "yes, partial or unknown for a held event", "say whether the reports name every state"
        elif not held and completeness:
            expected, hint = "empty, because the event is not held", "clear the cell"
        elif completeness == "unknown" and rows:
            expected, hint = "yes or partial, because event_participants has rows for it", "set yes or partial"
        elif completeness in {"yes", "partial"} and not rows:
            expected = "unknown, because event_participants has no row for it"
            hint = "add the participant rows with their sources, or set unknown"
        else:
            continue
        yield cell_problem(events, record, "participants_complete", "participants-completeness", expected, hint)


def check_participants_reported(package: ReadPackage) -> Iterator[Problem]:
    """A participant of a held event cites a source dated on or after the event's start.

    A plan or announcement published before the event says who was expected,
    not who came, so it cannot be the only support of a participant row. A
    source without a publication date cannot be placed, so it does not fail
    the row; reviewers read it.
    """
    events, participants, sources = (package.tables.get(name) for name in ("events", "event_participants", "sources"))
    if not events or not participants or not sources or participants.file.unreadable:
        return
    held_starts = {
        record.cells.get("id", ""): cell_date(record, "start")
        for record in events.file.records
        if record.cells.get("status") == "held"
    }
    published = {record.cells.get("id", ""): cell_date(record, "published") for record in sources.file.records}
    for record in participants.file.records:
        start = held_starts.get(record.cells.get("event_id", ""))
        if start is None:
            continue
        cited = [published.get(source_id) for source_id in record.cells.get("source_ids", "").split(";")]
        if all(_before(day, start) for day in cited):
            yield cell_problem(
                participants,
                record,
                "source_ids",
                "participant-not-reported",
                f"at least one source published on or after the event's start ({start.iso()}), or undated",
                "a plan or announcement says who was expected, not who came: cite a report of the event, "
                "or remove the row and say in the event's note what the plan said",
            )


def _before(day: PartialDate | None, start: PartialDate) -> bool:
    """Published surely before the start; an undated source is left to the reviewer, not rejected."""
    return day is not None and day.latest < start.earliest
