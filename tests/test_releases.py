"""Ids never vanish silently, releases are kept file for file, and the citation agrees.

Tags live only in throwaway repositories (`release_repo.py`): v0.1.0 is the
fixture package, v0.2.0 corrects Rubezh-2024's end date.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from csto_data.cli import diff_main, release_main, validate_main
from csto_data.descriptor import load_descriptor
from csto_data.site.generate import generate_from_descriptor
from csto_data.site.releases import released_downloads
from csto_data.validation import validate_package
from csto_data.versions.diff import diff_since
from csto_data.versions.release import changelog_entry, release_notes, tag_mismatch, write_assets

from .release_repo import delete_event, git, make_release_repo, retire, set_cell


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The descriptor of a repository with tags v0.1.0 and v0.2.0."""
    return make_release_repo(tmp_path / "repo")


def rendered_problems(descriptor: Path) -> list[str]:
    return [problem.render() for problem in validate_package(descriptor).problems]


def test_deleting_a_released_event_fails_naming_the_file_the_id_and_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rendered_problems(repo) == []
    delete_event(repo, "rubezh-2025")
    assert validate_main([str(repo)]) == 1
    problems = capsys.readouterr().out.splitlines()
    assert len(problems) == 1
    assert problems[0].startswith("datapackage/data/events.csv:1: column 'id': released-id-missing")
    assert "rubezh-2025" in problems[0]
    assert "v0.2.0" in problems[0]
    assert "retired_ids.csv" in problems[0]


def test_a_retired_id_passes_and_its_old_address_redirects_to_the_new_page(repo: Path) -> None:
    delete_event(repo, "rubezh-2025")
    retire(repo, "events", "rubezh-2025", "rubezh-2024", "A duplicate of Rubezh-2024.")
    assert rendered_problems(repo) == []
    pages = {page.path: page.content for page in generate_from_descriptor(repo)}
    redirect = pages["events/rubezh-2025/index.html"]
    assert isinstance(redirect, str)
    assert '<meta http-equiv="refresh" content="0; url=../rubezh-2024/">' in redirect
    assert '<a href="../rubezh-2024/">Rubezh-2024</a>' in redirect
    assert "A duplicate of Rubezh-2024." in redirect
    assert "events/rubezh-2025.md" not in pages


def test_a_withdrawn_id_gets_a_page_that_says_when_and_why(repo: Path) -> None:
    delete_event(repo, "rubezh-2025")
    retire(repo, "events", "rubezh-2025", "", "No source dates this edition.")
    assert rendered_problems(repo) == []
    page = {page.path: page for page in generate_from_descriptor(repo)}["events/rubezh-2025.md"]
    assert isinstance(page.content, str)
    assert '<h1 id="withdrawn-rubezh-2025">Withdrawn: rubezh-2025<a class="headerlink"' in page.content
    assert "withdrawn on\n1 April 2026. No source dates this edition." in page.content
    assert page.edit_path == "datapackage/data/retired_ids.csv"


def test_a_retired_id_cannot_be_in_use_or_point_at_a_missing_row(package_dir: Path) -> None:
    descriptor = package_dir / "datapackage.json"
    retire(descriptor, "events", "rubezh-2024", "rubezh-1999", "Renamed.")
    problems = validate_package(descriptor).problems
    assert [(problem.path, problem.line, problem.column, problem.type) for problem in problems] == [
        ("datapackage/data/retired_ids.csv", 2, "id", "retired-id-in-use"),
        ("datapackage/data/retired_ids.csv", 2, "replaced_by", "unknown-replacement"),
    ]


def test_without_a_recorded_release_validation_says_so_in_one_line_and_passes(
    package_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(package_dir.parent, "init", "--quiet")
    git(package_dir.parent, "add", "--all")
    git(package_dir.parent, "commit", "--quiet", "--message", "Data, never released")
    assert validate_main([str(package_dir / "datapackage.json")]) == 0
    out, err = capsys.readouterr()
    assert "No release recorded in releases.csv: ids not compared with a release.\n" in err
    assert "Valid:" in out


def test_outside_git_validation_says_so_and_passes(package_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (package_dir / "releases.csv").write_text("version,released,commit\n0.1.0,2026-01-10," + "a" * 40 + "\n")
    assert validate_main([str(package_dir / "datapackage.json")]) == 0
    err = capsys.readouterr().err
    assert "Ids not compared with a release: the commit aaaaaaaaaaaa of release v0.1.0 is not in this clone" in err


def test_a_clone_without_tags_knows_every_release(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Releases are recorded in releases.csv: a `git clone --no-tags` compares ids and builds every version."""
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--no-tags", str(repo.parent.parent), str(clone))
    assert git(clone, "tag") == ""
    descriptor = clone / "datapackage" / "datapackage.json"
    assert validate_main([str(descriptor)]) == 0
    assert "Ids compared with release v0.2.0 (2026-03-05, commit " in capsys.readouterr().err
    assert [files.release.tag for files in released_downloads(descriptor)] == ["v0.2.0", "v0.1.0"]
    assert diff_main(["--descriptor", str(descriptor), "v0.1.0"]) == 0
    assert "changed rubezh-2024: end 2024-10-04 -> 2024-10-05" in capsys.readouterr().out


def test_a_malformed_releases_file_is_a_positioned_problem(package_dir: Path) -> None:
    (package_dir / "releases.csv").write_text("version,released,commit\n0.1,2026-13-01,abc\n", encoding="utf-8")
    problems = validate_package(package_dir / "datapackage.json").problems
    found = {(p.path, p.line, p.column, p.type) for p in problems}
    assert {
        ("datapackage/releases.csv", 2, "version", "bad-release"),
        ("datapackage/releases.csv", 2, "released", "bad-release"),
        ("datapackage/releases.csv", 2, "commit", "bad-release"),
    } <= found


def test_citation_must_give_the_descriptor_version_and_release_day(repo: Path) -> None:
    citation = repo.parent.parent / "CITATION.cff"
    text = citation.read_text(encoding="utf-8")
    citation.write_text(text.replace("version: 0.2.0", "version: 0.2.1"), encoding="utf-8")
    problems = validate_package(repo).problems
    line = text.splitlines().index("version: 0.2.0") + 1
    assert [(problem.path, problem.line, problem.column, problem.value) for problem in problems] == [
        ("CITATION.cff", line, "version", "0.2.1")
    ]
    assert "'0.2.0', the 'version' of datapackage.json" in problems[0].render()


def test_the_site_keeps_both_versions_files_with_their_checksums(repo: Path) -> None:
    root = repo.parent.parent
    pages = {page.path: page.content for page in generate_from_descriptor(repo)}
    data_page = pages["data.md"]
    assert isinstance(data_page, str)
    for tag, day in (("v0.1.0", "10 January 2026"), ("v0.2.0", "5 March 2026")):
        archive = pages[f"download/{tag}/csto-open-data.zip"]
        assert isinstance(archive, bytes)
        released_events = git(root, "show", f"{tag}:datapackage/data/events.csv").encode()
        with zipfile.ZipFile(io.BytesIO(archive)) as package:
            assert package.read("csto-open-data/data/events.csv") == released_events
        assert pages[f"download/{tag}/data/events.csv"] == released_events
        digest = hashlib.sha256(archive).hexdigest()
        assert f"<code>{digest}</code>" in data_page
        assert day in data_page
        sums = pages[f"download/{tag}/SHA256SUMS"]
        assert isinstance(sums, str)
        for line in sums.splitlines():
            expected, name = line.split("  ")
            content = pages[f"download/{tag}/{name}"]
            assert hashlib.sha256(content if isinstance(content, bytes) else content.encode()).hexdigest() == expected
    assert b"2024-10-05" in pages["download/v0.2.0/data/events.csv"]  # type: ignore[operator]
    assert b"2024-10-05" not in pages["download/v0.1.0/data/events.csv"]  # type: ignore[operator]
    assert pages["download/latest/csto-open-data.zip"] == pages["download/v0.2.0/csto-open-data.zip"]


def test_a_site_without_releases_says_none_was_made(package_dir: Path) -> None:
    pages = {page.path: page.content for page in generate_from_descriptor(package_dir / "datapackage.json")}
    assert "No release has been recorded yet" in str(pages["data.md"])
    assert not any(path.startswith("download/latest/") for path in pages)


def test_a_release_tag_must_match_the_descriptor_version(repo: Path) -> None:
    spec = load_descriptor(repo)
    assert tag_mismatch(spec, "v0.2.0") is None
    assert tag_mismatch(spec, "v0.3.0") == "tag v0.3.0 does not match the package version: datapackage.json says v0.2.0"
    assert release_main(["--descriptor", str(repo), "check-tag", "v0.3.0"]) == 1


def test_the_changelog_entry_is_generated_from_the_diff_under_the_summary(repo: Path) -> None:
    entry = changelog_entry(load_descriptor(repo), "Corrected dates.", diff_since(repo, "v0.1.0"), "v0.1.0")
    assert entry.startswith("### 0.2.0 (2026-03-05)\n\nCorrected dates.\n\nChanges since v0.1.0")
    assert "| events | 0 | 0 | 1 |" in entry
    changelog = entry + "\n### 0.0.9 (2026-01-01)\n\nOlder.\n"
    assert release_notes(changelog, "0.2.0") == entry.split("\n", 2)[2].strip() + "\n"
    assert release_notes(changelog, "0.0.9") == "Older.\n"


def test_the_changelog_command_adds_the_entry_on_top(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("A new series.\n", encoding="utf-8")
    retire(repo, "events", "rubezh-2023", "", "Never held.")
    changelog = repo.parent / "CHANGELOG.md"
    changelog.write_text("### 0.0.1 (2026-01-01)\n\nFirst.\n", encoding="utf-8")
    assert release_main(["--descriptor", str(repo), "changelog", "--since", "v0.2.0", "--summary", str(summary)]) == 0
    text = changelog.read_text(encoding="utf-8")
    assert text.startswith("### 0.2.0 (2026-03-05)\n\nA new series.\n")
    assert "| retired_ids | 1 | 0 | 0 |" in text
    assert "- retired `events/rubezh-2023`: Never held." in text
    assert text.endswith("### 0.0.1 (2026-01-01)\n\nFirst.\n")


def test_release_files_are_flat_and_listed_with_checksums(repo: Path, tmp_path: Path) -> None:
    written = {path.name: path.read_bytes() for path in write_assets(repo, tmp_path / "dist")}
    assert {"csto-open-data.zip", "datapackage.json", "events.csv", "SHA256SUMS"} <= set(written)
    for line in written["SHA256SUMS"].decode().splitlines():
        expected, name = line.split("  ")
        assert hashlib.sha256(written[name]).hexdigest() == expected


def test_an_older_checkout_is_compared_with_the_release_it_grew_from(repo: Path) -> None:
    root = repo.parent.parent
    recorded = (repo.parent / "releases.csv").read_text(encoding="utf-8")
    git(root, "checkout", "--quiet", "-b", "fix-of-0.1.0", "v0.1.0")
    (repo.parent / "releases.csv").write_text(recorded, encoding="utf-8")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", "Record the releases on the older branch")
    assert validate_package(repo).notes[0].startswith("Ids compared with release v0.1.0 (2026-01-10, commit ")


def test_a_pull_request_that_loosens_its_own_schema_is_checked_against_the_base_one(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rules come from the base branch: a descriptor edited to admit a bad value does not let it through."""
    raw = json.loads(repo.read_text(encoding="utf-8"))
    events = next(resource for resource in raw["resources"] if resource["name"] == "events")
    next(field for field in events["schema"]["fields"] if field["name"] == "kind")["constraints"]["enum"].append(
        "exercize"
    )
    repo.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    set_cell(repo, "events", "rubezh-2024", "kind", "exercize")
    assert validate_main([str(repo)]) == 0
    capsys.readouterr()
    assert validate_main([str(repo), "--schema-from", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert "events.csv:2: column 'kind'" in out and "exercize" in out
    assert not list(repo.parent.glob(".base-*"))


def test_each_release_folder_carries_its_delta_against_the_previous_one(repo: Path) -> None:
    pages = {page.path: page.content for page in generate_from_descriptor(repo)}
    first = json.loads(pages["download/v0.1.0/delta.json"])
    assert first["previous"] is None and first["tables"] == {}
    delta = json.loads(pages["download/v0.2.0/delta.json"])
    assert delta["previous"] == "0.1.0"
    assert delta["tables"]["events"]["changed"] == 1
    assert delta["files"] == ["delta/events-changed.csv"]
    changed = pages["download/v0.2.0/delta/events-changed.csv"]
    assert isinstance(changed, bytes)
    assert list(csv.reader(io.StringIO(changed.decode()))) == [
        ["key", "column", "old", "new"],
        ["rubezh-2024", "end", "2024-10-04", "2024-10-05"],
    ]


def test_a_row_that_cannot_be_read_is_not_also_called_a_vanished_released_id(repo: Path) -> None:
    events = repo.parent / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace("rubezh-2025,Rubezh-2025,", "rubezh-2025,Rubezh,2025,")
    )
    problems = rendered_problems(repo)
    assert any("wrong-cell-count" in problem for problem in problems), problems
    assert not any("released-id-missing" in problem for problem in problems), problems
