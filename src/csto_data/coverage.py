"""What the dataset covers and where it has gaps, computed from the data alone.

Used by `make coverage` (plain text) and by the site's Coverage page, so
readers and maintainers see the same honest figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from csto_data.model import Dataset, Row, event_year


@dataclass(frozen=True)
class SeriesCoverage:
    """The editions of one series and the years missing between its first and last."""

    series: Row
    years: list[int]
    missing: list[int]


FIELD_KINDS = frozenset(
    {
        "exercise",
        "command-staff-training",
        "special-training",
        "operational-strategic-training",
        "operation",
        "deployment",
    }
)
"""Kinds whose participants make the exercise-country-year unit that researchers analyse."""
RECORDED_TARGET, COMPLETE_TARGET = 95.0, 75.0


@dataclass(frozen=True)
class ParticipantCoverage:
    """How many held events of a group have participants, and how complete the lists are."""

    group: str
    held: int
    recorded: int
    completeness: Counter[str]

    @property
    def recorded_share(self) -> float:
        return _share(self.recorded, self.held)

    @property
    def complete_share(self) -> float:
        return _share(self.completeness["yes"], self.held)


@dataclass
class Coverage:
    """The coverage figures shown on the site and printed by `make coverage`."""

    events: int
    per_year_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    series: list[SeriesCoverage] = field(default_factory=list)
    shares: dict[str, float] = field(default_factory=dict)
    publishers: Counter[str] = field(default_factory=Counter)
    gaps: list[Row] = field(default_factory=list)
    participants: list[ParticipantCoverage] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)

    @property
    def field_targets_met(self) -> bool:
        """The research-grade targets for exercises, trainings, operations and deployments."""
        field_events = self.participants[0]
        return field_events.recorded_share >= RECORDED_TARGET and field_events.complete_share >= COMPLETE_TARGET

    @property
    def years(self) -> list[str]:
        return sorted({year for year, _ in self.per_year_kind})

    @property
    def kinds(self) -> list[str]:
        return sorted({kind for _, kind in self.per_year_kind})


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def compute_coverage(data: Dataset) -> Coverage:
    """Count events per year and kind, series editions and gaps, and quality shares."""
    events = data.tables["events"]
    result = Coverage(events=len(events))
    for event in events:
        result.per_year_kind[(event_year(event), event["kind"])] += 1
    for series in sorted(data.tables["series"], key=lambda row: row["name"]):
        years = sorted(
            {
                int(event["edition_year"])
                for event in data.series_events.get(series["id"], [])
                if event.get("edition_year")
            }
        )
        missing = [year for year in range(years[0], years[-1] + 1) if year not in years] if years else []
        result.series.append(SeriesCoverage(series, years, missing))
    places = data.by_id["places"]
    located = sum(1 for event in events if places.get(event.get("place_id", ""), {}).get("latitude"))
    result.shares = {
        "exact day dates": _share(sum(1 for event in events if event.get("start_precision") == "day"), len(events)),
        "a place with coordinates": _share(located, len(events)),
        "at least two sources": _share(
            sum(1 for event in events if len(_sources_of_event(data, event)) >= 2), len(events)
        ),
        "participants recorded": _share(sum(1 for event in events if data.participants.get(event["id"])), len(events)),
    }
    held = [event for event in events if event["status"] == "held"]
    result.participants = [
        _participant_coverage(data, "exercises, trainings, operations, deployments", held, FIELD_KINDS.__contains__),
        _participant_coverage(data, "meetings and other events", held, lambda kind: kind not in FIELD_KINDS),
    ]
    result.statuses = Counter(event["status"] for event in events)
    result.publishers = Counter(source["publisher"] for source in data.tables["sources"])
    result.gaps = sorted(data.tables.get("gaps", []), key=lambda row: (row.get("series_id", ""), row.get("year", "")))
    return result


def _participant_coverage(
    data: Dataset, group: str, held: list[Row], in_group: Callable[[str], bool]
) -> ParticipantCoverage:
    chosen = [event for event in held if in_group(event["kind"])]
    return ParticipantCoverage(
        group=group,
        held=len(chosen),
        recorded=sum(1 for event in chosen if data.participants.get(event["id"])),
        completeness=Counter(event.get("participants_complete", "") or "not said" for event in chosen),
    )


def _sources_of_event(data: Dataset, event: Row) -> set[str]:
    """Sources cited by the event row or by its participant and body rows."""
    rows = [event, *data.participants.get(event["id"], []), *data.event_bodies.get(event["id"], [])]
    return {source for row in rows for source in row.get("source_ids", "").split(";") if source}


def render_text(coverage: Coverage) -> str:
    """The report as plain text for the terminal."""
    lines = [f"Events: {coverage.events}", "", "Events per year and kind:"]
    for year in coverage.years:
        parts = [
            f"{kind} {coverage.per_year_kind[(year, kind)]}"
            for kind in coverage.kinds
            if coverage.per_year_kind[(year, kind)]
        ]
        lines.append(f"  {year}: " + ", ".join(parts))
    lines += ["", "Series editions (missing years between first and last edition):"]
    for item in coverage.series:
        span = f"{item.years[0]}-{item.years[-1]}" if item.years else "no editions"
        missing = ", ".join(map(str, item.missing)) or "none"
        lines.append(f"  {item.series['name']}: {len(item.years)} editions, {span}; missing: {missing}")
    lines += ["", "Share of events with:"]
    lines += [f"  {label}: {share}%" for label, share in coverage.shares.items()]
    lines += ["", "Participants of held events:"]
    for group in coverage.participants:
        lines.append(
            f"  {group.group}: {group.held} held; participants recorded for {group.recorded} "
            f"({group.recorded_share}%); complete list (yes) {group.completeness['yes']} ({group.complete_share}%), "
            f"partial {group.completeness['partial']}, unknown {group.completeness['unknown']}"
        )
    verdict = "met" if coverage.field_targets_met else "NOT met"
    lines.append(
        f"  targets for exercises, trainings, operations, deployments: recorded >= {RECORDED_TARGET}%, "
        f"yes >= {COMPLETE_TARGET}%: {verdict}"
    )
    lines += ["", "Events per status:"]
    lines += [f"  {status}: {count}" for status, count in sorted(coverage.statuses.items())]
    lines += ["", "Sources per publisher:"]
    lines += [f"  {publisher}: {count}" for publisher, count in coverage.publishers.most_common()]
    if coverage.gaps:
        lines += ["", "Known gaps (certain but not dated by any stored source):"]
        lines += [f"  {gap.get('id', '')}: {gap.get('subject', '')}" for gap in coverage.gaps]
    return "\n".join(lines)
