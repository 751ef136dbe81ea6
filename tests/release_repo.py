"""A throwaway git repository holding the minimal package with two release tags.

Tests that need release tags build one of these under their temporary folder:
the shared repository never gets a tag. History: the fixture package is
released as v0.1.0; then Rubezh-2024's end date is corrected and the result
is released as v0.2.0.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from csto_data.paths import REPO_ROOT

from .fixture_package import FIXTURE_DATA, write_fixture_descriptor

RELEASE_DATES = {"v0.1.0": "2026-01-10T12:00:00+00:00", "v0.2.0": "2026-03-05T12:00:00+00:00"}
LINK_TABLES = ("event_participants", "event_bodies", "event_documents", "event_people")


def git(repo: Path, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
    """Run git in `repo` with a fixed identity and date, so the history is the same on every machine."""
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    completed = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=environment, check=False
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(descriptor: Path, table: str, key: str, column: str, value: str) -> None:
    path = descriptor.parent / "data" / f"{table}.csv"
    header, rows = read_rows(path)
    for row in rows:
        if row["id"] == key:
            row[column] = value
    write_rows(path, header, rows)


def add_row(descriptor: Path, table: str, row: dict[str, str]) -> None:
    """Append a row (and keep the file canonical: rows sorted by the first column)."""
    path = descriptor.parent / "data" / f"{table}.csv"
    header, rows = read_rows(path)
    rows.append({name: row.get(name, "") for name in header})
    write_rows(path, header, sorted(rows, key=lambda item: tuple(item[name] for name in header[:2])))


def delete_row(descriptor: Path, table: str, key: str) -> None:
    path = descriptor.parent / "data" / f"{table}.csv"
    header, rows = read_rows(path)
    write_rows(path, header, [row for row in rows if row["id"] != key])


def delete_event(descriptor: Path, event_id: str) -> None:
    """Remove an event and every link-table row that names it, as a contributor would."""
    for table, column in (("events", "id"), *((table, "event_id") for table in LINK_TABLES)):
        path = descriptor.parent / "data" / f"{table}.csv"
        header, rows = read_rows(path)
        write_rows(path, header, [row for row in rows if row[column] != event_id])


def retire(descriptor: Path, table: str, old: str, replaced_by: str, reason: str) -> None:
    add_row(
        descriptor,
        "retired_ids",
        {"table": table, "id": old, "replaced_by": replaced_by, "reason": reason, "retired": "2026-04-01"},
    )


def set_version(root: Path, version: str, day: str) -> None:
    """Give the descriptor and CITATION.cff of the repository at `root` a release's version and day."""
    descriptor = root / "datapackage" / "datapackage.json"
    raw = json.loads(descriptor.read_text(encoding="utf-8"))
    raw["version"], raw["released"] = version, day
    descriptor.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    citation = root / "CITATION.cff"
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", citation.read_text(encoding="utf-8"))
    citation.write_text(re.sub(r"(?m)^date-released: .*$", f"date-released: {day}", text), encoding="utf-8")


def make_release_repo(root: Path) -> Path:
    """The repository under `root` with releases 0.1.0 and 0.2.0, tagged and recorded; returns its descriptor."""
    package = root / "datapackage"
    shutil.copytree(FIXTURE_DATA, package / "data")
    write_fixture_descriptor(package / "datapackage.json")
    shutil.copy(REPO_ROOT / "CITATION.cff", root / "CITATION.cff")
    descriptor = package / "datapackage.json"
    git(root, "init", "--quiet", "--initial-branch=main")
    for tag, when in RELEASE_DATES.items():
        set_version(root, tag.removeprefix("v"), when[:10])
        if tag == "v0.2.0":
            set_cell(descriptor, "events", "rubezh-2024", "end", "2024-10-05")
        git(root, "add", "--all")
        git(root, "commit", "--quiet", "--message", f"Release {tag}", when=when)
        git(root, "tag", tag, when=when)
    recorded = [
        f"{tag.removeprefix('v')},{when[:10]},{git(root, 'rev-parse', tag).strip()}\n"
        for tag, when in reversed(RELEASE_DATES.items())
    ]
    (package / "releases.csv").write_text("version,released,commit\n" + "".join(recorded), encoding="utf-8")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Record the releases", when="2026-03-06T12:00:00+00:00")
    return descriptor
