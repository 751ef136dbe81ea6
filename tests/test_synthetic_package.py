"""The scale benchmark's synthetic package must keep following the real schema.

If a column is renamed, a rule is added or a vocabulary changes, the
generator has to follow, or the benchmark would time an error path. A small
package (50 events) keeps this fast.
"""

from __future__ import annotations

from pathlib import Path

from csto_data.bench.synthetic import Sizes, generate_package
from csto_data.validation import validate_package


def test_a_small_synthetic_package_validates_clean(tmp_path: Path) -> None:
    descriptor = generate_package(tmp_path / "datapackage", events=50)
    report = validate_package(descriptor)
    assert [problem.render() for problem in report.problems] == []
    assert report.rows_read["events"] == 50
    assert report.rows_read["event_participants"] >= 50 * 2
    assert report.rows_read["places"] == Sizes.for_events(50).places


def test_the_same_seed_gives_the_same_package(tmp_path: Path) -> None:
    first = generate_package(tmp_path / "a" / "datapackage", events=20, seed=3).parent
    second = generate_package(tmp_path / "b" / "datapackage", events=20, seed=3).parent
    files = sorted(path.relative_to(first) for path in first.rglob("*.csv"))
    assert files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
