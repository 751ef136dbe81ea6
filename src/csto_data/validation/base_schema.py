"""Check a pull request's data against the schema of its base branch, not against the schema it brings.

Why: the rules a contributor's rows are checked against live in
`datapackage.json`; read from the pull request itself, a change that loosens
a pattern or drops a `required` would pass its own check. CI validates the
data with the base branch's descriptor (`make validate SCHEMA_BASE=...`),
and `make diff` lists a change to the descriptor for a review of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from csto_data.versions.git import package_at

BASE_DESCRIPTOR_PREFIX = ".base-"
"""The base descriptor is written beside the data, so that its table paths lead to the files checked."""


@contextmanager
def schema_of(descriptor_path: Path, ref: str | None) -> Iterator[Path]:
    """The descriptor to validate with: `descriptor_path` itself, or its version at git `ref`, beside it."""
    if not ref:
        yield descriptor_path
        return
    with package_at(descriptor_path.parent, ref) as folder:
        text = (folder / descriptor_path.name).read_bytes()
    beside = descriptor_path.parent / f"{BASE_DESCRIPTOR_PREFIX}{os.getpid()}-{descriptor_path.name}"
    beside.write_bytes(text)
    try:
        yield beside
    finally:
        beside.unlink(missing_ok=True)
