"""Shared fixtures: a tiny valid package copied into a temporary folder per test.

The fixture uses the real `datapackage.json`, so the tests exercise the
published schema, with 1-3 rows per table from `tests/fixtures/minimal/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from csto_data.paths import DESCRIPTOR_PATH

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "minimal" / "data"


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    """A valid minimal package in `tmp_path/datapackage/`; tests may break it."""
    target = tmp_path / "datapackage"
    shutil.copytree(FIXTURE_DATA, target / "data")
    shutil.copy(DESCRIPTOR_PATH, target / "datapackage.json")
    return target
