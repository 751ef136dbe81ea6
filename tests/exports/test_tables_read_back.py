"""Every table read back from xlsx, SQLite, Parquet and JSON by a reader other than the writer."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from pathlib import Path

import pytest
from fastparquet import ParquetFile
from python_calamine import CalamineWorkbook

from tests.exports.conftest import Expected, country_year_csv


def _same(value: object) -> object:
    """One comparable form across readers: numbers as float, missing as None, dates as ISO text."""
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()[:10]
    return value


def _normal(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{name: _same(value) for name, value in row.items()} for row in rows]


def _all_tables(expected: Expected, downloads: Path) -> dict[str, list[dict[str, object]]]:
    return {**expected, "exercise_country_year": country_year_csv(downloads)}


def test_every_sheet_of_the_workbook_holds_exactly_the_csv_rows(expected: Expected, downloads: Path) -> None:
    book = CalamineWorkbook.from_path(str(downloads / "csto-open-data.xlsx"))
    tables = _all_tables(expected, downloads)
    assert book.sheet_names == ["README", *tables]
    for name, rows in tables.items():
        values = book.get_sheet_by_name(name).to_python()
        header, body = values[0], values[1:]
        assert _normal([dict(zip(header, row, strict=True)) for row in body]) == _normal(rows), name


def test_every_sqlite_table_holds_exactly_the_csv_rows(expected: Expected, downloads: Path) -> None:
    connection = sqlite3.connect(downloads / "csto-open-data.sqlite")
    connection.row_factory = sqlite3.Row
    for name, rows in expected.items():
        found = [dict(row) for row in connection.execute(f'SELECT * FROM "{name}"')]
        assert _normal(found) == _normal(rows), name


def test_the_sqlite_country_year_view_agrees_with_the_csv(downloads: Path) -> None:
    connection = sqlite3.connect(downloads / "csto-open-data.sqlite")
    connection.row_factory = sqlite3.Row
    found = [dict(row) for row in connection.execute("SELECT * FROM exercise_country_year")]
    assert found and _normal(found) == _normal(country_year_csv(downloads))


def test_every_parquet_file_holds_exactly_the_csv_rows(expected: Expected, downloads: Path) -> None:
    for name, rows in _all_tables(expected, downloads).items():
        frame = ParquetFile(str(downloads / "parquet" / f"{name}.parquet")).to_pandas()
        found = [dict(zip(frame.columns, row, strict=True)) for row in frame.itertuples(index=False)]
        assert _normal(found) == _normal(rows), name


def test_parquet_columns_carry_the_descriptor_types(downloads: Path) -> None:
    frame = ParquetFile(str(downloads / "parquet" / "events.parquet")).to_pandas()
    assert frame["edition_year"].dtype.kind in "iuf"
    assert frame["status_confirmed"].dtype.kind == "M"
    assert frame["start"].dtype == object  # partial dates stay text beside their precision
    places = ParquetFile(str(downloads / "parquet" / "places.parquet")).to_pandas()
    assert places["latitude"].dtype.kind == "f"


@pytest.mark.parametrize("source", ["per-table", "package"])
def test_every_json_table_holds_exactly_the_csv_rows(expected: Expected, downloads: Path, source: str) -> None:
    package = json.loads((downloads / "csto-open-data.json").read_text(encoding="utf-8"))
    for name, rows in _all_tables(expected, downloads).items():
        if source == "per-table":
            found = json.loads((downloads / "json" / f"{name}.json").read_text(encoding="utf-8"))
        else:
            found = package["tables"][name]
        assert _normal(found) == _normal(rows), name
    assert package["metadata"]["version"] and "resources" not in package["metadata"]
    assert package["dictionary"]["exercise_country_year"]["fields"][0]["name"] == "event_id"


def test_json_keeps_numbers_as_numbers_and_unknown_as_null(downloads: Path) -> None:
    events = json.loads((downloads / "json" / "events.json").read_text(encoding="utf-8"))
    assert events[0]["personnel"] == 1000
    assert events[1]["personnel"] is None
