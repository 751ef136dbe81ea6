"""Build the downloads in a child process while the site generates its pages.

Exporting takes about a second, most of it importing pandas, pyarrow and the
other writers; the pages take longer and need the files only at the end
(the data and home pages list them, and a build renders them last:
`site.generate.LatePages`). Forking a child right after the dataset is read
lets both run at once on a machine with two cores; the child runs at a lower
priority, so that generating the pages gets the cores first. It inherits
the dataset (fork copies memory, so nothing is pickled on the way in) and
returns the files; a build that finds the package invalid discards them.
Where forking is unsafe (other threads running, as under `mkdocs serve`) the
child comes from the fork server and the dataset is pickled to it
(`forking.child_context`); with neither, the files are built in the process
itself, with the same result.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor

from csto_data.exports import build_downloads
from csto_data.exports.common import ExportFile
from csto_data.forking import Caller, as_caller, child_context
from csto_data.model import Dataset

NICENESS = 10
"""The child's lower priority: the pages are generated first and the downloads are needed last
(`site.generate.LatePages`), so on a busy machine the child takes the time the others leave."""
# The dataset handed to the forked child; set just before forking, cleared when done.
_HANDOFF: dict[str, Dataset] = {}


def _build_in_child(data: Dataset | None) -> list[ExportFile]:
    """The downloads of `data`, or of the dataset the forked child inherited (`_HANDOFF`) when None."""
    os.nice(NICENESS)
    return build_downloads(data if data is not None else _HANDOFF["dataset"])


class PendingDownloads:
    """Downloads being built (in a child process when possible); `result()` waits for them."""

    def __init__(self, data: Dataset) -> None:
        self._data = data
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future[list[ExportFile]] | None = None
        context = child_context()
        if context is not None:
            inherited = context.get_start_method() == "fork"
            if inherited:
                _HANDOFF["dataset"] = data
            self._executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
            self._future = self._executor.submit(as_caller, Caller(), _build_in_child, None if inherited else data)

    def result(self) -> list[ExportFile]:
        if self._future is None or self._executor is None:
            return build_downloads(self._data)
        try:
            return self._future.result()
        finally:
            self._executor.shutdown()
            _HANDOFF.clear()

    def abandon(self) -> None:
        """Stop waiting for the downloads: the work that needed them failed.

        The child finishes the file it is writing and ends. Left to the
        garbage collector instead, the worker would live as long as anything
        holds the failure's traceback (a log, a test), idle.
        """
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._future = None
        _HANDOFF.clear()
