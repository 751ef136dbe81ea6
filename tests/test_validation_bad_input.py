"""One case per failure class: each must fail with the file, the line and the column.

Every case starts from the valid minimal package and breaks one thing, the way
a contributor's pull request might.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from csto_data.validation import validate_package


def replace_in(table: str, old: str, new: str) -> Callable[[Path], None]:
    def breaker(package: Path) -> None:
        path = package / "data" / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return breaker


def write_bytes(table: str, transform: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def breaker(package: Path) -> None:
        path = package / "data" / f"{table}.csv"
        path.write_bytes(transform(path.read_bytes()))

    return breaker


def both(first: Callable[[Path], None], second: Callable[[Path], None]) -> Callable[[Path], None]:
    def breaker(package: Path) -> None:
        first(package)
        second(package)

    return breaker


# (case id, how to break the package, file, line, column, problem type)
CASES = [
    (
        "unclosed-quote",
        replace_in("members", "Kyrgyzstan,Киргизия", '"Kyrgyzstan,Киргизия'),
        "members.csv",
        3,
        "-",
        "csv-syntax",
    ),
    (
        "unclosed-quote-swallowing-rows",
        both(
            replace_in("members", "arm,Armenia,", 'arm,"Armenia,'),
            replace_in("members", "kgz,Kyrgyzstan,", 'kgz,Kyrgyzstan",'),
        ),
        "members.csv",
        2,
        "name",
        "unclosed-quote",
    ),
    (
        "wrong-column-count",
        replace_in("places", "dushanbe,Dushanbe,", "dushanbe,Dushanbe,extra,"),
        "places.csv",
        2,
        "-",
        "wrong-cell-count",
    ),
    ("bad-date", replace_in("events", "2024-10-04,day", "2024-02-30,day"), "events.csv", 2, "end", "bad-date"),
    (
        "date-not-matching-precision",
        replace_in("events", "2025-09,month", "2025-09-01,month"),
        "events.csv",
        3,
        "start_precision",
        "date-precision-mismatch",
    ),
    (
        "end-before-start",
        replace_in("events", "2024-10-04,day", "2024-09-30,day"),
        "events.csv",
        2,
        "end",
        "end-before-start",
    ),
    ("duplicate-id", replace_in("places", "harbmaidon-range,", "dushanbe,"), "places.csv", 3, "id", "duplicate-id"),
    (
        "duplicate-id-differing-by-case",
        replace_in("places", "harbmaidon-range,", "Dushanbe,"),
        "places.csv",
        3,
        "id",
        "duplicate-id",
    ),
    (
        "dangling-reference",
        replace_in("events", "tjk,harbmaidon-range", "tjk,nowhere-range"),
        "events.csv",
        2,
        "place_id",
        "foreign-key",
    ),
    (
        "enum-typo",
        replace_in(
            "events", "rubezh-2024,Rubezh-2024,Рубеж-2024,exercise", "rubezh-2024,Rubezh-2024,Рубеж-2024,exercize"
        ),
        "events.csv",
        2,
        "kind",
        "constraint-error",
    ),
    (
        "blank-required-cell",
        replace_in("people", "andrei-serdyukov,Andrei Serdyukov", "andrei-serdyukov,"),
        "people.csv",
        2,
        "name",
        "constraint-error",
    ),
    (
        "non-utf8-bytes",
        write_bytes("members", lambda data: data.replace("Таджик".encode(), "Таджик".encode("cp1251"))),
        "members.csv",
        4,
        "-",
        "encoding-error",
    ),
    (
        "byte-order-mark",
        write_bytes("series", lambda data: b"\xef\xbb\xbf" + data),
        "series.csv",
        1,
        "-",
        "byte-order-mark",
    ),
    ("crlf", write_bytes("bodies", lambda data: data.replace(b"\n", b"\r\n")), "bodies.csv", 1, "-", "line-ending"),
    (
        "javascript-url",
        replace_in("sources", "https://example.org/rubezh-2024", "javascript:alert(1)"),
        "sources.csv",
        2,
        "url",
        "bad-url",
    ),
    (
        "formula-injection",
        replace_in("bodies", "Plans and commands joint training.", '=HYPERLINK("http://x")'),
        "bodies.csv",
        3,
        "description",
        "formula-injection",
    ),
    (
        "fact-row-without-citation",
        replace_in(
            "series",
            "Central Asian rapid deployment forces.,csto-2024-10-01-rubezh",
            "Central Asian rapid deployment forces.,",
        ),
        "series.csv",
        2,
        "source_ids",
        "missing-citation",
    ),
    (
        "unknown-source",
        replace_in("people", ",,csto-2024-10-01-rubezh", ",,no-such-source"),
        "people.csv",
        2,
        "source_ids",
        "unknown-source",
    ),
    (
        "participant-not-a-member",
        replace_in("event_participants", "rubezh-2024,kgz,", "rubezh-2024,arm,"),
        "event_participants.csv",
        2,
        "member_id",
        "not-a-member",
    ),
    (
        "past-event-still-planned",
        replace_in("events", "2025-09,month,,,planned", "2025-05,month,,,planned"),
        "events.csv",
        3,
        "status",
        "stale-plan",
    ),
    (
        "held-event-without-completeness",
        replace_in("events", "joint-staff,partial,", "joint-staff,,"),
        "events.csv",
        2,
        "participants_complete",
        "participants-completeness",
    ),
    (
        "planned-event-with-completeness",
        replace_in("events", "2025-05-20,kgz,,joint-staff,,", "2025-05-20,kgz,,joint-staff,yes,"),
        "events.csv",
        3,
        "participants_complete",
        "participants-completeness",
    ),
    (
        "completeness-unknown-but-rows-exist",
        replace_in("events", "joint-staff,partial,", "joint-staff,unknown,"),
        "events.csv",
        2,
        "participants_complete",
        "participants-completeness",
    ),
    (
        "participant-cited-only-from-a-plan",
        replace_in("sources", "CSTO,2024-10-01,day", "CSTO,2024-06-15,day"),
        "event_participants.csv",
        2,
        "source_ids",
        "participant-not-reported",
    ),
    ("leading-whitespace", replace_in("places", ",Dushanbe,", ", Dushanbe,"), "places.csv", 2, "name", "whitespace"),
    ("not-canonical-order", replace_in("places", "dushanbe,", "zzz-dushanbe,"), "places.csv", 2, "-", "not-canonical"),
    # Inputs that once passed `make validate` and then crashed `make site` (issue 23).
    (
        "control-character",
        replace_in("places", ",Dushanbe,", ",Dush\x07anbe,"),
        "places.csv",
        2,
        "name",
        "unseen-character",
    ),
    (
        "year-below-1000",
        replace_in("events", "2024-10-04,day", "0999-10-04,day"),
        "events.csv",
        2,
        "end",
        "implausible-year",
    ),
    (
        "integer-beyond-64-bits",
        replace_in("events", "partial,1000,more-than", "partial,99999999999999999999999,more-than"),
        "events.csv",
        2,
        "personnel",
        "implausible-integer",
    ),
    (
        "id-of-324-characters",
        replace_in("places", "harbmaidon-range,Harbmaidon", "harbmaidon-" + "x" * 313 + ",Harbmaidon"),
        "places.csv",
        3,
        "id",
        "id-too-long",
    ),
    (
        "id-colliding-with-an-index-page",
        replace_in("places", "harbmaidon-range,Harbmaidon", "index,Harbmaidon"),
        "places.csv",
        3,
        "id",
        "reserved-id",
    ),
    (
        "source-id-colliding-with-a-year-page",
        both(
            replace_in("sources", "news-2025-09,Test", "2025,Test"),
            replace_in("events", ",news-2025-09", ",2025"),
        ),
        "sources.csv",
        3,
        "id",
        "reserved-id",
    ),
    # Wrong data that was accepted (issue 23).
    (
        "credentials-in-a-source-host",
        replace_in("sources", "https://example.org/rubezh-2024", "https://editor:secret@example.org/rubezh-2024"),
        "sources.csv",
        2,
        "url",
        "suspicious-host",
    ),
    (
        "look-alike-letters-in-a-source-host",
        replace_in("sources", "https://example.org/rubezh-2024", "https://ex\u0430mple.org/rubezh-2024"),
        "sources.csv",
        2,
        "url",
        "suspicious-host",
    ),
    (
        "right-to-left-override-in-text",
        replace_in("events", "A joint exercise of the Central Asian forces.", "A joint \u202eexercise."),
        "events.csv",
        2,
        "summary",
        "unseen-character",
    ),
    (
        "formula-prefix-minus",
        replace_in("bodies", "Plans and commands joint training.", "-2+3+cmd|' /C calc'!A0"),
        "bodies.csv",
        3,
        "description",
        "formula-injection",
    ),
    (
        "chair-not-a-member",
        replace_in("chairmanships", "2025,kgz,", "2025,arm,"),
        "chairmanships.csv",
        2,
        "member_id",
        "chair-not-a-member",
    ),
    (
        "place-its-own-parent",
        replace_in("places", "dushanbe,Dushanbe,Душанбе,city,tjk,,", "dushanbe,Dushanbe,Душанбе,city,tjk,dushanbe,"),
        "places.csv",
        2,
        "parent_id",
        "parent-cycle",
    ),
    (
        "bodies-in-a-parent-cycle",
        both(
            replace_in("bodies", "CRDF CA,force,,", "CRDF CA,force,joint-staff,"),
            replace_in("bodies", "JS,permanent,,", "JS,permanent,crdf-ca,"),
        ),
        "bodies.csv",
        2,
        "parent_id",
        "parent-cycle",
    ),
    (
        "source-published-after-the-as-of-date",
        replace_in("sources", "Test Agency,2025-05,month", "Test Agency,2025-07,month"),
        "sources.csv",
        3,
        "published",
        "after-as-of",
    ),
    (
        "figure-qualifier-without-a-figure",
        replace_in("events", "partial,1000,more-than", "partial,,more-than"),
        "events.csv",
        2,
        "personnel_qualifier",
        "qualifier-without-figure",
    ),
]


def test_the_fixture_package_is_valid(package_dir: Path) -> None:
    report = validate_package(package_dir / "datapackage.json")
    assert report.problems == []
    assert report.rows_read["events"] == 2


@pytest.mark.parametrize(
    ("breaker", "file", "line", "column", "type_"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_is_reported_with_file_line_and_column(
    package_dir: Path, breaker: Callable[[Path], None], file: str, line: int, column: str, type_: str
) -> None:
    breaker(package_dir)
    report = validate_package(package_dir / "datapackage.json")
    found = [(Path(problem.path).name, problem.line, problem.column, problem.type) for problem in report.problems]
    assert not report.valid
    assert (file, line, column, type_) in found, found


def test_enum_typo_suggests_the_closest_allowed_value(package_dir: Path) -> None:
    replace_in("events", "Рубеж-2024,exercise", "Рубеж-2024,exercize")(package_dir)
    problem = next(p for p in validate_package(package_dir / "datapackage.json").problems if p.column == "kind")
    assert "did you mean 'exercise'?" in problem.render()
    assert "exercize" in problem.render()


def test_observer_need_not_be_a_member(package_dir: Path) -> None:
    replace_in("event_participants", "rubezh-2024,kgz,participant", "rubezh-2024,arm,observer")(package_dir)
    assert validate_package(package_dir / "datapackage.json").valid


def test_a_file_changed_after_validation_is_checked_again(package_dir: Path) -> None:
    assert validate_package(package_dir / "datapackage.json").valid
    replace_in("places", ",Dushanbe,", ", Dushanbe,")(package_dir)
    assert not validate_package(package_dir / "datapackage.json").valid


def test_a_report_published_on_the_first_day_supports_a_participant(package_dir: Path) -> None:
    """The fixture's participant rows cite a report dated the event's first day: that is a report, not a plan."""
    sources = (package_dir / "data" / "sources.csv").read_text(encoding="utf-8")
    assert "csto-2024-10-01-rubezh,Rubezh-2024 exercise held in Tajikistan,CSTO,2024-10-01,day" in sources
    assert validate_package(package_dir / "datapackage.json").valid


def test_a_missing_or_malformed_as_of_date_is_a_positioned_problem(package_dir: Path) -> None:
    descriptor = package_dir / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace('"as_of": "2025-06-01"', '"as_of": "June 2025"'),
        encoding="utf-8",
    )
    problems = validate_package(descriptor).problems
    as_of = [problem for problem in problems if problem.column == "as_of"]
    assert [(Path(p.path).name, p.type, p.value) for p in as_of] == [("datapackage.json", "bad-as-of", "June 2025")]
    assert as_of[0].line > 1


def test_a_symlinked_csv_is_refused_without_echoing_its_target(package_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret first line\n", encoding="utf-8")
    members = package_dir / "data" / "members.csv"
    members.unlink()
    members.symlink_to(secret)
    report = validate_package(package_dir / "datapackage.json")
    rendered = "\n".join(problem.render() for problem in report.problems)
    assert ("members.csv", 1, "-", "symbolic-link") in [
        (Path(p.path).name, p.line, p.column, p.type) for p in report.problems
    ]
    assert "secret first line" not in rendered


@pytest.mark.parametrize("size", [50_000, 1_000_000])
def test_a_huge_cell_is_reported_on_its_own_line_not_as_an_unclosed_quote(package_dir: Path, size: int) -> None:
    replace_in("places", ",Dushanbe,", ",Dushanbe" + "e" * size + ",")(package_dir)
    problems = validate_package(package_dir / "datapackage.json").problems
    found = [(Path(p.path).name, p.line, p.type) for p in problems if Path(p.path).name == "places.csv"]
    assert ("places.csv", 2, "cell-too-large") in found
    assert not [p for p in problems if p.type in {"unclosed-quote", "csv-syntax"}]
