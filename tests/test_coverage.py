"""The coverage report counts what is there and shows what is missing."""

from __future__ import annotations

from pathlib import Path

from csto_data.coverage import compute_coverage, render_text
from csto_data.model import load_dataset


def test_series_gaps_are_the_years_between_first_and_last_edition(package_dir: Path) -> None:
    events = package_dir / "data" / "events.csv"
    text = events.read_text(encoding="utf-8").replace(
        "rubezh-2025,Rubezh-2025,,exercise,rubezh,2025", "rubezh-2027,Rubezh-2027,,exercise,rubezh,2027"
    )
    events.write_text(text.replace("2025-09,month,,,planned", "2027-09,month,,,planned"), encoding="utf-8")
    (package_dir / "data" / "event_documents.csv").write_text("event_id,document_id,relation,source_ids\n")
    coverage = compute_coverage(load_dataset(package_dir / "datapackage.json"))
    rubezh = next(item for item in coverage.series if item.series["id"] == "rubezh")
    assert rubezh.years == [2024, 2027]
    assert rubezh.missing == [2025, 2026]


def test_shares_and_publishers(package_dir: Path) -> None:
    coverage = compute_coverage(load_dataset(package_dir / "datapackage.json"))
    assert coverage.events == 2
    assert coverage.shares["exact day dates"] == 50.0
    assert coverage.shares["participants recorded"] == 50.0
    assert coverage.publishers["CSTO"] == 1
    report = render_text(coverage)
    assert "Rubezh: 2 editions, 2024-2025; missing: none" in report
    assert "2024: exercise 1" in report


def test_participant_completeness_and_targets(package_dir: Path) -> None:
    """Rubezh-2024 (held, rows from a report, list partial) is the fixture's only field event."""
    coverage = compute_coverage(load_dataset(package_dir / "datapackage.json"))
    field_events = coverage.participants[0]
    assert (field_events.held, field_events.recorded, field_events.completeness["partial"]) == (1, 1, 1)
    assert field_events.recorded_share == 100.0
    assert field_events.complete_share == 0.0
    assert not coverage.field_targets_met
    assert coverage.statuses == {"held": 1, "planned": 1}
    report = render_text(coverage)
    assert "participants recorded for 1 (100.0%); complete list (yes) 0 (0.0%), partial 1" in report
    assert "yes >= 75.0%: NOT met" in report


def test_a_complete_list_meets_the_targets(package_dir: Path) -> None:
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("joint-staff,partial,", "joint-staff,yes,"))
    coverage = compute_coverage(load_dataset(package_dir / "datapackage.json"))
    assert coverage.participants[0].complete_share == 100.0
    assert coverage.field_targets_met


def test_recall_per_kind_is_counted_from_the_newest_audit(package_dir: Path) -> None:
    audits = package_dir / "audits"
    audits.mkdir()
    (audits / "2026-01-01-listing-recall.csv").write_text("listing_url,kind,in_before,in_now\nold,visit,,\n")
    (audits / "2026-12-04-listing-recall.csv").write_text(
        "listing_url,listing_section,item_date,item_title,kind,in_before,in_now\n"
        "https://a,news,2024-01,A,visit,,v-1\n"
        "https://a,news,2024-01,B,visit,v-2,v-2\n"
        "https://b,news,2024-02,C,body-session,,\n"
    )
    coverage = compute_coverage(load_dataset(package_dir / "datapackage.json"))
    assert coverage.recall is not None
    assert coverage.recall.listing_pages == 2
    assert [(k.kind, k.sampled, k.before, k.now) for k in coverage.recall.kinds] == [
        ("body-session", 1, 0, 0),
        ("visit", 2, 1, 2),
    ]
    assert not coverage.recall.target_met
    assert "visit: 2 listed; in the data before the harvest 1 (50.0%), now 2 (100.0%)" in render_text(coverage)
