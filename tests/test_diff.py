"""`make diff`: a reviewer reads the rows a change adds, removes and edits, keyed by primary key."""

from __future__ import annotations

from pathlib import Path

import pytest

from csto_data.cli import diff_main
from csto_data.versions.diff import render_markdown

from .release_repo import add_row, git, make_release_repo, read_rows, set_cell, write_rows


@pytest.fixture
def descriptor(tmp_path: Path) -> Path:
    return make_release_repo(tmp_path / "repo")


def test_one_changed_cell_one_added_and_one_removed_row_are_exactly_what_it_prints(
    descriptor: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    set_cell(descriptor, "events", "rubezh-2025", "title", "Rubezh-2025 (planned)")
    add_row(
        descriptor, "members", {"id": "uzb", "name": "Uzbekistan", "iso_alpha2": "UZ", "source_ids": "news-2025-09"}
    )
    header, rows = read_rows(descriptor.parent / "data" / "memberships.csv")
    write_rows(
        descriptor.parent / "data" / "memberships.csv", header, [row for row in rows if row["id"] != "arm-member"]
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    assert diff_main(["--descriptor", str(descriptor)]) == 0

    expected = (
        "Data changes since main:\n"
        "members: 1 added\n"
        "  added uzb: name Uzbekistan; iso_alpha2 UZ; source_ids news-2025-09\n"
        "memberships: 1 removed\n"
        "  removed arm-member\n"
        "events: 1 changed\n"
        '  changed rubezh-2025: title Rubezh-2025 -> "Rubezh-2025 (planned)"\n'
    )
    assert capsys.readouterr().out == expected
    assert summary.read_text(encoding="utf-8") == f"## Data changes\n\n```text\n{expected}```\n"


def test_rows_are_matched_by_key_so_reordering_a_file_is_no_change(
    descriptor: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = descriptor.parent / "data" / "memberships.csv"
    header, rows = read_rows(path)
    write_rows(path, list(reversed(header)), list(reversed(rows)))
    assert diff_main(["--descriptor", str(descriptor), "v0.2.0"]) == 0
    assert capsys.readouterr().out == "No data changes since v0.2.0.\n"


def test_the_diff_between_two_releases_names_the_corrected_cell(
    descriptor: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert diff_main(["--descriptor", str(descriptor), "v0.1.0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Data changes since v0.1.0:\nevents: 1 changed\n  changed rubezh-2024: end 2024-10-04 -> 2024-10-05\n"
        "datapackage.json changed (the schema every row is checked against"
    )
    assert '  +  "version": "0.2.0",' in out


def test_an_unknown_base_is_a_clear_error(descriptor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff_main(["--descriptor", str(descriptor), "no-such-branch"]) == 2
    assert capsys.readouterr().err.startswith("cannot read the package at no-such-branch: ")


def test_the_job_summary_fence_outlasts_any_backticks_in_a_cell() -> None:
    text = "events: 1 changed\n  changed x: note (empty) -> ```<b>bold</b>```\n"
    assert render_markdown(text) == f"## Data changes\n\n````text\n{text}````\n"


def test_a_change_past_the_60th_character_shows_the_changed_words(
    descriptor: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_summary = "Planned edition in Kyrgyzstan, with contingents of every member state and a long text after it."
    set_cell(descriptor, "events", "rubezh-2025", "summary", long_summary)
    git(descriptor.parent.parent, "commit", "-qam", "longer summary")
    set_cell(descriptor, "events", "rubezh-2025", "summary", long_summary.replace("every member", "four member"))
    assert diff_main(["--descriptor", str(descriptor), "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "summary … Kyrgyzstan, with contingents of [-every-]{+four+} member state and a …" in out


def test_invisible_characters_and_terminal_escapes_are_shown_not_obeyed(
    descriptor: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(descriptor, "events", "rubezh-2025", "title", "Rubezh\u202e-2025\x1b[2J")
    assert diff_main(["--descriptor", str(descriptor)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "Rubezh\\u202e-2025\\x1b[2J" in out


def test_descriptor_and_changelog_changes_are_in_the_diff(descriptor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = descriptor
    path.write_text(path.read_text(encoding="utf-8").replace('"required": true', '"required": false', 1), "utf-8")
    (descriptor.parent / "CHANGELOG.md").write_text("### 9.9.9\n\n- a new entry\n", encoding="utf-8")
    assert diff_main(["--descriptor", str(descriptor)]) == 0
    out = capsys.readouterr().out
    assert "datapackage.json changed (the schema every row is checked against" in out
    assert "+" in out and '"required": false' in out
    assert "CHANGELOG.md changed" in out and "  +- a new entry" in out
