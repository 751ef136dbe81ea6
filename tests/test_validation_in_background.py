"""The build validates the package while it generates the pages, and still refuses bad rows.

`model.dataset_under_validation` hands the rows to the build at once and
validates them in a forked child (`validation.background`); whatever the
build did with them, an invalid package ends in `InvalidPackageError` with
the positioned problems, as `make validate` prints them.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from csto_data.model import InvalidPackageError, dataset_under_validation
from csto_data.site.generate import generate_from_descriptor
from csto_data.validation import background
from csto_data.validation.runner import Report, validate_read
from csto_data.validation.tables import ReadPackage


def break_a_host(package_dir: Path) -> Path:
    """A participant row naming a member state that does not exist (a foreign-key problem)."""
    path = package_dir / "data" / "event_participants.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert ",kgz," in lines[1], "the fixture's first participant row changed"
    lines[1] = lines[1].replace(",kgz,", ",xxx,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    return package_dir / "datapackage.json"


def test_validation_runs_in_a_child_while_the_rows_are_in_use(
    package_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where forking is safe (a build), the report comes from another process; the rows are there at once."""
    monkeypatch.setattr("csto_data.forking.can_fork", lambda: True)  # other tests may leave threads running

    def validate_and_say_where(package: ReadPackage) -> Report:
        report = validate_read(package)
        report.notes.append(str(os.getpid()))
        return report

    monkeypatch.setattr(background, "validate_read", validate_and_say_where)
    pending = background.PendingValidation(package_dir / "datapackage.json")
    assert pending.package.tables["events"].file.records  # the rows, before the verdict
    report = pending.report()
    assert report.valid
    assert int(report.notes[-1]) != os.getpid(), "validated in this process, not beside it"


def test_a_bad_row_stops_the_build_with_its_position(package_dir: Path) -> None:
    with pytest.raises(InvalidPackageError, match=r"event_participants\.csv:2: column 'member_id'"):
        generate_from_descriptor(break_a_host(package_dir))


def test_a_build_that_fails_on_bad_rows_reports_the_rows_not_its_own_error(package_dir: Path) -> None:
    descriptor = break_a_host(package_dir)
    with pytest.raises(InvalidPackageError, match="member_id") as raised, dataset_under_validation(descriptor):
        raise KeyError("xxx")  # what a page builder meets on a dangling id
    assert isinstance(raised.value.__cause__, KeyError)


def swap_two_events(package_dir: Path) -> Path:
    """Two rows out of order: every page generates, and validation refuses the package."""
    events = package_dir / "data" / "events.csv"
    header, first, second, *rest = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join([header, second, first, *rest]), encoding="utf-8")
    return package_dir / "datapackage.json"


@pytest.mark.parametrize("breaking", [break_a_host, swap_two_events], ids=["generation fails", "refused after"])
def test_a_refused_package_leaves_no_child_process_behind(package_dir: Path, breaking: Callable[[Path], Path]) -> None:
    """Under `mkdocs serve` (threads running) every bad edit is refused; none may leave a worker behind."""
    before = set(multiprocessing.active_children())
    release = threading.Event()
    server = threading.Thread(target=release.wait)  # like the live-reload server: children come from the fork server
    server.start()
    try:
        with pytest.raises(InvalidPackageError):
            generate_from_descriptor(breaking(package_dir))
        deadline = time.monotonic() + 60
        while set(multiprocessing.active_children()) - before and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not set(multiprocessing.active_children()) - before
    finally:
        release.set()
        server.join()
