"""Downloads built once from the minimal fixture package, written to a folder for the readers.

The expected values come from the CSV files themselves, typed by the raw
descriptor JSON with plain Python (not with the exporters' own code), so
each test compares a format against the CSV, read independently.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from csto_data.exports import write_all_downloads

from ..fixture_package import FIXTURE_DATA, write_fixture_descriptor

EPOCH = "1767225600"
# A formula-like value the validator accepts (it refuses =, +, -, @, a tab or a carriage return at the start).
DASH_NOTE = "40 °C below zero at night; =SUM(A1) -1 stays text"
Expected = dict[str, list[dict[str, object]]]


@pytest.fixture(scope="session")
def export_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal package with a note that holds a formula-like text."""
    root = tmp_path_factory.mktemp("export-package") / "datapackage"
    shutil.copytree(FIXTURE_DATA, root / "data")
    write_fixture_descriptor(root / "datapackage.json")
    events = root / "data" / "events.csv"
    rows = list(csv.DictReader(events.open(encoding="utf-8", newline="")))
    rows[0]["note"] = DASH_NOTE
    with events.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return root


@pytest.fixture(scope="session")
def downloads(export_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("downloads")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        write_all_downloads(export_package, out)
    return out


def _typed(kind: str, value: str) -> object:
    if value == "":
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    return value


@pytest.fixture(scope="session")
def expected(export_package: Path) -> Expected:
    """Every table of the package: rows as dicts, typed from the descriptor, empty cells None."""
    descriptor = json.loads((export_package / "datapackage.json").read_text(encoding="utf-8"))
    tables: Expected = {}
    for resource in descriptor["resources"]:
        types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        with (export_package / resource["path"]).open(encoding="utf-8", newline="") as handle:
            tables[resource["name"]] = [
                {name: _typed(types[name], value) for name, value in row.items()} for row in csv.DictReader(handle)
            ]
    return tables


def country_year_csv(downloads: Path) -> list[dict[str, object]]:
    """The exercise-country-year CSV, numbers typed by the looks of the column name."""
    integers = {"gwcode", "ccode", "year", "s_year", "s_month", "s_day", "e_year", "e_month", "e_day"}
    numbers = {"lat", "lon"}
    with (downloads / "exercise-country-year.csv").open(encoding="utf-8", newline="") as handle:
        return [
            {
                name: _typed("integer" if name in integers else "number" if name in numbers else "string", value)
                for name, value in row.items()
            }
            for row in csv.DictReader(handle)
        ]
