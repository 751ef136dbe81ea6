"""The command-line tools as a contributor and CI meet them: messages, annotations, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from csto_data.cli import format_main, validate_main


def break_kind(package_dir: Path) -> None:
    events = package_dir / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace("Рубеж-2024,exercise", "Рубеж-2024,exercize"), encoding="utf-8"
    )


def test_validate_prints_one_line_per_problem_and_a_count(
    package_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    break_kind(package_dir)
    assert validate_main([str(package_dir / "datapackage.json")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [line for line in out.splitlines() if "events.csv:2: column 'kind'" in line]
    assert "did you mean 'exercise'?" in out
    assert "1 problem(s) found" in err


def test_validate_adds_github_annotations_inside_actions(
    package_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    break_kind(package_dir)
    assert validate_main([str(package_dir / "datapackage.json")]) == 1
    annotation = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("::error "))
    assert "file=" in annotation and "events.csv,line=2," in annotation


def test_valid_package_exits_zero(package_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate_main([str(package_dir / "datapackage.json")]) == 0
    assert "Valid:" in capsys.readouterr().out


def test_format_sorts_rows_and_then_validation_passes(package_dir: Path) -> None:
    places = package_dir / "data" / "places.csv"
    header, *rows = places.read_text(encoding="utf-8").splitlines()
    places.write_bytes(("\r\n".join([header, *reversed(rows)]) + "\r\n").encode())
    assert validate_main([str(package_dir / "datapackage.json")]) == 1
    assert format_main([str(package_dir / "datapackage.json")]) == 0
    assert places.read_text(encoding="utf-8").splitlines() == [header, *rows]
    assert validate_main([str(package_dir / "datapackage.json")]) == 0


def test_format_leaves_an_unparseable_file_untouched(package_dir: Path) -> None:
    members = package_dir / "data" / "members.csv"
    broken = members.read_text(encoding="utf-8").replace("Kyrgyzstan,", '"Kyrgyzstan,')
    members.write_text(broken, encoding="utf-8")
    assert format_main([str(package_dir / "datapackage.json")]) == 1
    assert members.read_text(encoding="utf-8") == broken


def test_downloads_writes_every_format_and_refuses_a_broken_package(package_dir: Path, tmp_path: Path) -> None:
    from csto_data.cli import downloads_main

    descriptor = package_dir / "datapackage.json"
    assert downloads_main([str(tmp_path / "out"), "--descriptor", str(descriptor)]) == 0
    for name in ("csto-open-data.zip", "csto-open-data.xlsx", "csto-open-data.sqlite", "csto-events.ics"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2024-10-04,day", "2024-13-04,day"), encoding="utf-8")
    assert downloads_main([str(tmp_path / "broken"), "--descriptor", str(descriptor)]) == 1
    assert not (tmp_path / "broken").exists()
