"""The minimal fixture package: its data folder and the real descriptor frozen at the fixture's as-of day."""

from __future__ import annotations

import json
from pathlib import Path

from csto_data.paths import DESCRIPTOR_PATH

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "minimal" / "data"
FIXTURE_AS_OF = "2025-06-01"
"""The fixture's world is frozen at this day: Rubezh-2024 is past, Rubezh-2025 still planned."""


def write_fixture_descriptor(target: Path) -> Path:
    """Write the real descriptor with the fixture's as-of day to `target` (a datapackage.json path)."""
    descriptor = json.loads(DESCRIPTOR_PATH.read_text(encoding="utf-8"))
    descriptor["as_of"] = FIXTURE_AS_OF
    target.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
