"""The site's downloads built in a child process equal those built in place.

The child is forked where that is safe, and comes from the fork server beside
other threads (`forking.child_context`), as under `mkdocs serve`.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.context import ForkServerProcess
from pathlib import Path

import pytest

from csto_data.exports import build_downloads
from csto_data.exports.background import PendingDownloads
from csto_data.forking import start_fork_server
from csto_data.model import load_dataset
from tests.exports.conftest import EPOCH


def _files(export_package: Path) -> list[tuple[str, bytes]]:
    return [(file.path, file.content) for file in build_downloads(load_dataset(export_package / "datapackage.json"))]


def test_downloads_built_in_a_child_process_equal_those_built_in_place(
    export_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    # Other test modules may leave threads running (the browser tests' server); fork anyway here.
    monkeypatch.setattr("csto_data.forking.can_fork", lambda: True)
    pending = PendingDownloads(load_dataset(export_package / "datapackage.json"))
    assert multiprocessing.active_children()  # the child is at work
    assert [(file.path, file.content) for file in pending.result()] == _files(export_package)
    assert not multiprocessing.active_children()


def test_with_other_threads_running_the_child_comes_from_the_fork_server(
    export_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child gets this process's environment, not the server's: the server starts before it is set."""
    start_fork_server()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    release = threading.Event()
    server = threading.Thread(target=release.wait)  # like the live-reload server of `mkdocs serve`
    server.start()
    try:
        pending = PendingDownloads(load_dataset(export_package / "datapackage.json"))
        children = multiprocessing.active_children()
        assert children, "the downloads were built in this process"
        assert all(isinstance(child, ForkServerProcess) for child in children), "forked beside a thread"
        assert [(file.path, file.content) for file in pending.result()] == _files(export_package)
    finally:
        release.set()
        server.join()
