"""What the dataset covers and where it has gaps, computed from the data alone.

Used by `make coverage` (plain text) and by the site's Coverage page, so
readers and maintainers see the same honest figures.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
RECALL_TARGET = 90.0
RECALL_AUDITS = "*-listing-recall.csv"
"""Recall audits in `datapackage/audits/`: activities listed on sampled CSTO listing pages, looked up in the data."""


@dataclass(frozen=True)
class KindRecall:
    """Of the activities of one kind on the sampled listing pages, how many the data had before and has now."""

    kind: str
    sampled: int
    before: int
    now: int

    @property
    def before_share(self) -> float:
        return _share(self.before, self.sampled)

    @property
    def now_share(self) -> float:
        return _share(self.now, self.sampled)


@dataclass(frozen=True)
class RecallAudit:
    """The newest recall audit: its file, how many listing pages it sampled, and recall per kind."""

    file: str
    listing_pages: int
    kinds: list[KindRecall]

    @property
    def target_met(self) -> bool:
        return all(kind.now_share >= RECALL_TARGET for kind in self.kinds)


def recall_audit(audits: Path) -> RecallAudit | None:
    """Recall per kind from the newest audit file (None when there is none), counted from its rows."""
    files = sorted(audits.glob(RECALL_AUDITS))
    if not files:
        return None
    with files[-1].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = []
    for kind in sorted({row["kind"] for row in rows}):
        chosen = [row for row in rows if row["kind"] == kind]
        kinds.append(
            KindRecall(
                kind,
                len(chosen),
                sum(1 for row in chosen if row["in_before"]),
                sum(1 for row in chosen if row["in_now"]),
            )
        )
    return RecallAudit(files[-1].name, len({row["listing_url"] for row in rows}), kinds)


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
    recall: RecallAudit | None = None

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
    result.recall = recall_audit(data.spec.root / "audits")
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
    if coverage.recall is not None:
        audit = coverage.recall
        lines += ["", f"Recall on sampled CSTO listing pages ({audit.file}, {audit.listing_pages} pages):"]
        lines += [
            f"  {kind.kind}: {kind.sampled} listed; in the data before the harvest {kind.before} "
            f"({kind.before_share}%), now {kind.now} ({kind.now_share}%)"
            for kind in audit.kinds
        ]
        lines.append(f"  target >= {RECALL_TARGET}% for every kind: {'met' if audit.target_met else 'NOT met'}")
    lines += ["", "Events per status:"]
    lines += [f"  {status}: {count}" for status, count in sorted(coverage.statuses.items())]
    lines += ["", "Sources per publisher:"]
    lines += [f"  {publisher}: {count}" for publisher, count in coverage.publishers.most_common()]
    if coverage.gaps:
        lines += ["", "Known gaps (certain but not dated by any stored source):"]
        lines += [f"  {gap.get('id', '')}: {gap.get('subject', '')}" for gap in coverage.gaps]
    return "\n".join(lines)
