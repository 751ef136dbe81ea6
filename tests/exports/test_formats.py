"""What a user of each format meets: workbook layout, database keys, calendar, feed, Stata file, zip."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import feedparser
import pyreadstat
import pytest
import vobject
from lxml import etree
from openpyxl import load_workbook

from csto_data.exports import build_downloads
from csto_data.exports.sqlite import EXAMPLE_QUERIES
from csto_data.exports.xlsx import FORMULA_STARTS
from csto_data.model import load_dataset
from tests.exports.conftest import DASH_NOTE, EPOCH, Expected, country_year_csv

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_workbook_opens_with_a_readme_and_frozen_styled_headers(downloads: Path) -> None:
    book = load_workbook(downloads / "csto-open-data.xlsx")
    readme = [[cell for cell in row if cell is not None] for row in book["README"].iter_rows(values_only=True)]
    facts = {row[0]: row[1] for row in readme if len(row) == 2}
    assert readme[0] == ["CSTO Open Data: activities of the Collective Security Treaty Organization"]
    assert facts["Version"] and facts["Data as of"] and "CC BY 4.0" in facts["Licence"]
    assert "CSTO Open Data contributors" in facts["Citation"]
    dictionary = {(row[0], row[1]): row[2:] for row in readme if len(row) == 4}
    assert dictionary[("events", "start_precision")][0] == "string"
    assert "Gleditsch-Ward" in dictionary[("exercise_country_year", "gwcode")][1]
    events = book["events"]
    assert events.freeze_panes == "A2"
    assert events["A1"].value == "id" and events["A1"].font.bold and events["A1"].fill.fgColor.rgb.endswith("3F51B5")
    assert events["C2"].value == "Рубеж-2024"


def test_formula_like_text_stays_text_in_the_workbook(downloads: Path) -> None:
    events = load_workbook(downloads / "csto-open-data.xlsx")["events"]
    header = [cell.value for cell in events[1]]
    note = events.cell(row=2, column=header.index("note") + 1)
    assert note.value == DASH_NOTE
    assert note.data_type == "s"


@pytest.mark.parametrize("value", ["=1+1", '=HYPERLINK("http://example.org")', "+7 999", "-2", "@SUM(A1)"])
def test_formula_like_text_is_never_a_formula(export_package: Path, tmp_path: Path, value: str) -> None:
    """The validator refuses =, + and @ at the start of a cell; the workbook must be safe without it."""
    assert value.startswith(FORMULA_STARTS)
    data = load_dataset(export_package / "datapackage.json")
    data.tables["events"][0]["summary"] = value
    workbook = next(file for file in build_downloads(data) if file.path == "csto-open-data.xlsx")
    (tmp_path / "book.xlsx").write_bytes(workbook.content)
    events = load_workbook(tmp_path / "book.xlsx")["events"]
    header = [cell.value for cell in events[1]]
    cell = events.cell(row=2, column=header.index("summary") + 1)
    assert (cell.value, cell.data_type) == (value, "s")
    with zipfile.ZipFile(tmp_path / "book.xlsx") as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(name) for name in sheets)


def test_sqlite_keys_hold_and_match_the_descriptor(downloads: Path, expected: Expected) -> None:
    connection = sqlite3.connect(downloads / "csto-open-data.sqlite")
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    columns = connection.execute("PRAGMA table_info(event_participants)").fetchall()
    assert [(column[1], column[5]) for column in columns if column[5]] == [("event_id", 1), ("member_id", 2)]
    references = {(row[2], row[3], row[4]) for row in connection.execute("PRAGMA foreign_key_list(events)")}
    assert ("members", "host_id", "id") in references and ("series", "series_id", "id") in references
    indexes = {row[1] for row in connection.execute("PRAGMA index_list(events)")}
    assert "events_host_id" in indexes
    types = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(events)")}
    assert (types["personnel"], types["summary"]) == ("INTEGER", "TEXT")
    named = connection.execute("SELECT host_name, place_name, series_name FROM events_named WHERE id = 'rubezh-2024'")
    assert named.fetchone() == ("Tajikistan", "Harbmaidon range", "Rubezh")


def test_a_broken_reference_would_be_reported_by_foreign_key_check(downloads: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes((downloads / "csto-open-data.sqlite").read_bytes())
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE event_participants SET member_id = 'xyz' WHERE member_id = 'kgz'")
    assert connection.execute("PRAGMA foreign_key_check").fetchall()


@pytest.mark.parametrize(("title", "query"), EXAMPLE_QUERIES)
def test_the_example_queries_of_the_data_page_run(downloads: Path, title: str, query: str) -> None:
    assert sqlite3.connect(downloads / "csto-open-data.sqlite").execute(query).fetchall(), title


def test_country_year_has_one_row_per_participant_of_a_held_exercise(downloads: Path, expected: Expected) -> None:
    held = {event["id"] for event in expected["events"] if event["status"] == "held" and event["kind"] == "exercise"}
    participants = [
        (row["event_id"], row["member_id"]) for row in expected["event_participants"] if row["event_id"] in held
    ]
    rows = country_year_csv(downloads)
    assert [(row["event_id"], row["member_id"]) for row in rows] == participants
    host = next(row for row in rows if row["member_id"] == "tjk")
    assert (host["role"], host["gwcode"], host["ccode"], host["iso3c"], host["country"]) == (
        "host",
        702,
        702,
        "TJK",
        "Tajikistan",
    )
    assert (host["s_year"], host["s_month"], host["s_day"], host["e_day"]) == (2024, 10, 1, 4)
    assert host["Series_Name"] == "Rubezh" and host["participants_complete"] == "partial"


def test_a_month_precision_start_leaves_the_day_empty(export_package: Path, tmp_path: Path) -> None:
    data = load_dataset(export_package / "datapackage.json")
    event = data.tables["events"][0]
    event["start"], event["start_precision"], event["end"], event["end_precision"] = "2024-10", "month", "", ""
    content = next(file.content for file in build_downloads(data) if file.path == "exercise-country-year.csv")
    row = next(csv.DictReader(content.decode("utf-8").splitlines()))
    assert (row["StartDate"], row["s_year"], row["s_month"], row["s_day"], row["e_year"]) == (
        "2024-10",
        "2024",
        "10",
        "",
        "",
    )


def test_the_stata_file_holds_the_country_year_rows(downloads: Path) -> None:
    frame, meta = pyreadstat.read_dta(str(downloads / "exercise-country-year.dta"))
    rows = country_year_csv(downloads)
    assert list(frame.columns) == list(rows[0])
    assert len(frame) == len(rows)
    assert frame["country"].tolist() == [row["country"] for row in rows]
    assert frame["gwcode"].tolist() == [row["gwcode"] for row in rows]
    assert meta.column_names_to_labels["gwcode"] == "Gleditsch-Ward code"


def test_the_calendar_parses_and_handles_each_precision(downloads: Path) -> None:
    calendar = vobject.readOne((downloads / "csto-events.ics").read_text(encoding="utf-8"))
    entries = {entry.uid.value: entry for entry in calendar.vevent_list}
    held = entries["rubezh-2024@csto-open-data"]
    assert held.dtstart.value == dt.date(2024, 10, 1)
    assert held.dtend.value == dt.date(2024, 10, 5)  # all-day DTEND is the day after the last
    assert held.summary.value == "Rubezh-2024"
    planned = entries["rubezh-2025@csto-open-data"]
    assert (planned.dtstart.value, planned.dtend.value) == (dt.date(2025, 9, 1), dt.date(2025, 10, 1))
    assert "exact days unknown" in planned.summary.value
    assert "known only to the month" in planned.description.value
    assert planned.status.value == "TENTATIVE"


def test_the_feed_is_valid_atom(downloads: Path) -> None:
    content = (downloads / "csto-events.atom").read_bytes()
    parsed = feedparser.parse(content)
    assert not parsed.bozo and parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == ["Rubezh-2025", "Rubezh-2024"]
    root = etree.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{required}") is not None, required
        dt.datetime.fromisoformat(element.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}link[@rel='self']") is not None and root.find(f"{ATOM}author/{ATOM}name") is not None


def test_the_zip_holds_every_other_file(downloads: Path) -> None:
    files = sorted(str(path.relative_to(downloads)) for path in downloads.rglob("*") if path.is_file())
    with zipfile.ZipFile(downloads / "csto-open-data.zip") as archive:
        names = sorted(name.removeprefix("csto-open-data/") for name in archive.namelist())
        assert names == [name for name in files if name != "csto-open-data.zip"]
        assert (
            archive.read("csto-open-data/csto-open-data.sqlite") == (downloads / "csto-open-data.sqlite").read_bytes()
        )


def test_two_builds_with_the_same_source_date_epoch_are_identical(
    export_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = {file.path: file.content for file in build_downloads(load_dataset(export_package / "datapackage.json"))}
    second = {file.path: file.content for file in build_downloads(load_dataset(export_package / "datapackage.json"))}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_an_older_package_without_the_country_codes_still_gets_every_download(
    export_package: Path, tmp_path: Path
) -> None:
    """Releases rebuild the downloads of older versions, whose members lack the codes added later."""
    import json
    import shutil

    from csto_data.exports import write_all_downloads

    old = tmp_path / "old"
    shutil.copytree(export_package, old)
    descriptor = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    added = {"iso_alpha3", "cow_code", "gw_code"}
    members = next(resource for resource in descriptor["resources"] if resource["name"] == "members")
    members["schema"]["fields"] = [field for field in members["schema"]["fields"] if field["name"] not in added]
    (old / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with (old / "data" / "members.csv").open(encoding="utf-8", newline="") as handle:
        rows = [{key: value for key, value in row.items() if key not in added} for row in csv.DictReader(handle)]
    with (old / "data" / "members.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    written = write_all_downloads(old, tmp_path / "out")
    assert tmp_path / "out" / "csto-open-data.sqlite" in written
    view = sqlite3.connect(tmp_path / "out" / "csto-open-data.sqlite").execute(
        "SELECT country, gwcode FROM exercise_country_year"
    )
    assert ("Tajikistan", None) in view.fetchall()
