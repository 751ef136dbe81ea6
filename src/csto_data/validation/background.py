"""Validate the package in a child process while the build goes on with its rows.

Why: validation (the project's rules and frictionless) is a tenth of a
build, and generating the pages needs only the rows as read, not the
verdict. On a machine with two cores both can run at once. Nothing is
published on the strength of that: the caller raises as soon as the report
has problems, whether its own work finished or failed on the bad rows
(`model.dataset_under_validation`), and the site is swapped in only after a
successful build (`site.build`). Where forking is unsafe (other threads
running, as under `mkdocs serve`) the child comes from the fork server and
the rows are pickled to it (`forking.child_context`); with neither, the
package is validated first, in the process itself. A package validated
before in this process is not validated again (`runner.read_and_validate`).
"""

from __future__ import annotations

import os
from pathlib import Path

from csto_data.forking import Caller, ChildResult, as_caller, child_context
from csto_data.validation.runner import (
    Report,
    fingerprint,
    read_and_validate,
    read_package,
    remember,
    remembered,
    validate_read,
)
from csto_data.validation.tables import ReadPackage


def _validate_in_child(package: ReadPackage, niceness: int) -> Report:
    os.nice(niceness)
    return validate_read(package)


class PendingValidation:
    """The rows of a package, read now, and its validation report, which `report()` waits for.

    `niceness`: how much lower than the caller's the validating child's priority is.
    """

    def __init__(self, descriptor_path: Path, niceness: int = 0) -> None:
        self._files = fingerprint(descriptor_path)  # before reading: see `runner.remember`
        self._report: Report | None = None
        self._child: ChildResult[Report] | None = None
        checked = remembered(self._files)
        if checked is not None:
            self._report, self.package = checked
        elif (context := child_context()) is not None:
            self.package = read_package(descriptor_path)
            arguments = (Caller(), _validate_in_child, self.package, niceness)
            self._child = ChildResult("validation", context, as_caller, *arguments)
        else:
            self._report, self.package = read_and_validate(descriptor_path)

    def report(self) -> Report:
        """The validation report (remembered for this process, as `read_and_validate` does)."""
        if self._report is None:
            assert self._child is not None
            self._report = self._child.get()
            remember(self._files, self._report, self.package)
        return self._report
