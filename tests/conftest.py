"""Shared fixtures: a tiny valid package copied into a temporary folder per test.

The fixture uses the real `datapackage.json`, so the tests exercise the
published schema, with 1-3 rows per table from `tests/fixtures/minimal/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .fixture_package import FIXTURE_DATA, write_fixture_descriptor


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    """A valid minimal package in `tmp_path/datapackage/`; tests may break it."""
    target = tmp_path / "datapackage"
    shutil.copytree(FIXTURE_DATA, target / "data")
    write_fixture_descriptor(target / "datapackage.json")
    return target
