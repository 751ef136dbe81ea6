"""The site's downloads built in a forked child equal those built in place; no fork beside other threads."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from csto_data.exports import build_downloads
from csto_data.exports.background import PendingDownloads
from csto_data.model import load_dataset
from tests.exports.conftest import EPOCH


def _files(export_package: Path) -> list[tuple[str, bytes]]:
    return [(file.path, file.content) for file in build_downloads(load_dataset(export_package / "datapackage.json"))]


def test_downloads_built_in_a_child_process_equal_those_built_in_place(
    export_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    # Other test modules may leave threads running (the browser tests' server); fork anyway here.
    monkeypatch.setattr("csto_data.exports.background.can_fork", lambda: True)
    pending = PendingDownloads(load_dataset(export_package / "datapackage.json"))
    assert multiprocessing.active_children()  # the child is at work
    assert [(file.path, file.content) for file in pending.result()] == _files(export_package)
    assert not multiprocessing.active_children()


def test_with_other_threads_running_nothing_is_forked(export_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    release = threading.Event()
    server = threading.Thread(target=release.wait)  # like the live-reload server of `mkdocs serve`
    server.start()
    try:
        pending = PendingDownloads(load_dataset(export_package / "datapackage.json"))
        assert not multiprocessing.active_children()
        assert [(file.path, file.content) for file in pending.result()] == _files(export_package)
    finally:
        release.set()
        server.join()
