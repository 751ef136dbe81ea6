"""Build the downloads in a child process while the site generates its pages.

Exporting takes about a second, most of it importing pandas, pyarrow and the
other writers; the pages take longer and need the files only at the end
(the data and home pages list them, and a build renders them last:
`site.generate.LatePages`). Forking a child right after the dataset is read
lets both run at once on a machine with two cores; the child runs at a lower
priority, so that generating the pages gets the cores first. It inherits
the dataset (fork copies memory, so nothing is pickled on the way in) and
sends the files back; a build that finds the package invalid discards them.
Where forking is unsafe (other threads running, as under `mkdocs serve`) the
child comes from the fork server and the dataset is pickled to it
(`forking.child_context`); with neither, the files are built in the process
itself, with the same result.
"""

from __future__ import annotations

import os

from csto_data.exports import build_downloads
from csto_data.exports.common import ExportFile
from csto_data.forking import Caller, ChildResult, as_caller, child_context
from csto_data.model import Dataset

NICENESS = 10
"""The child's lower priority: the pages are generated first and the downloads are needed last
(`site.generate.LatePages`), so on a busy machine the child takes the time the others leave."""


def _build_in_child(data: Dataset) -> list[ExportFile]:
    os.nice(NICENESS)
    return build_downloads(data)


class PendingDownloads:
    """Downloads being built (in a child process when possible); `result()` waits for them."""

    def __init__(self, data: Dataset) -> None:
        self._data = data
        self._files: list[ExportFile] | None = None
        self._child: ChildResult[list[ExportFile]] | None = None
        context = child_context()
        if context is not None:
            self._child = ChildResult("downloads", context, as_caller, Caller(), _build_in_child, data)

    def result(self) -> list[ExportFile]:
        if self._files is None:
            self._files = build_downloads(self._data) if self._child is None else self._child.get()
            self._child = None
        return self._files

    def abandon(self) -> None:
        """Stop the downloads: the work that needed them failed.

        Left to the garbage collector instead, the child would live as long
        as anything holds the failure's traceback (a log, a test).
        """
        if self._child is not None:
            self._child.stop()
            self._child = None
