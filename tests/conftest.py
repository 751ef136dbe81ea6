"""Shared fixtures: a tiny valid package copied into a temporary folder per test.

The fixture uses the real `datapackage.json`, so the tests exercise the
published schema, with 1-3 rows per table from `tests/fixtures/minimal/`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from csto_data.paths import DESCRIPTOR_PATH

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "minimal" / "data"
FIXTURE_AS_OF = "2025-06-01"
"""The fixture's world is frozen at this day: Rubezh-2024 is past, Rubezh-2025 still planned."""


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    """A valid minimal package in `tmp_path/datapackage/`; tests may break it."""
    target = tmp_path / "datapackage"
    shutil.copytree(FIXTURE_DATA, target / "data")
    descriptor = json.loads(DESCRIPTOR_PATH.read_text(encoding="utf-8"))
    descriptor["as_of"] = FIXTURE_AS_OF
    (target / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")
    return target
