"""Read a CSV file and remember on which line of the file each record starts.

Contributors fix problems in the file, not in a parsed table, so every
problem must point at a real line. The reader also catches what a lenient
parser would hide: a byte-order mark, CRLF line ends, bytes that are not
UTF-8, a record that swallows following lines because a quote was never
closed, and rows with the wrong number of cells.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from csto_data.problems import Problem, shorten

BOM = b"\xef\xbb\xbf"
MAX_CELL_LENGTH = 20_000
"""The longest cell the package allows (the longest note is under 2,000 characters)."""
FILE_LEVEL = "-"


@dataclass(frozen=True)
class Record:
    """One data row and the line of the file it starts on."""

    line: int
    cells: dict[str, str]


@dataclass
class CsvFile:
    """What reading one file produced: header, records and problems."""

    path: Path
    display_path: str
    header: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    record_lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False

    def line_of_row(self, row_number: int) -> int:
        """The file line of a frictionless row number (the header is row 1)."""
        if 1 <= row_number <= len(self.record_lines):
            return self.record_lines[row_number - 1]
        return row_number

    def problem(self, line: int, column: str, type_: str, value: str, expected: str, hint: str = "") -> None:
        self.problems.append(Problem(self.display_path, line, column, type_, shorten(value), expected, hint))


def read_csv(path: Path, display_path: str, expected_header: list[str]) -> CsvFile:
    """Read `path`; problems are collected, never raised."""
    result = CsvFile(path=path, display_path=display_path)
    if not path.exists():
        result.unreadable = True
        result.problem(
            1, FILE_LEVEL, "missing-file", "", "the file named in datapackage.json", "create it with its header row"
        )
        return result
    if path.is_symlink():
        result.unreadable = True
        result.problem(
            1,
            FILE_LEVEL,
            "symbolic-link",
            "",
            "a regular file",
            "replace the link with the file itself (it is not read)",
        )
        return result
    raw = path.read_bytes()
    if raw.startswith(BOM):
        result.problem(1, FILE_LEVEL, "byte-order-mark", "BOM", "UTF-8 without a byte-order mark", "run `make format`")
        raw = raw[len(BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        bad = raw[error.start : error.start + 4]
        result.unreadable = True
        result.problem(
            line,
            FILE_LEVEL,
            "encoding-error",
            repr(bad),
            "text encoded as UTF-8",
            "re-save the file as UTF-8 (not Windows-1251 or Latin-1)",
        )
        return result
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        result.problem(line, FILE_LEVEL, "line-ending", "CRLF", "LF line endings", "run `make format`")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _parse(text, result, expected_header)
    return result


def _parse(text: str, result: CsvFile, expected_header: list[str]) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous_end = 0
    try:
        for cells in reader:
            start, end = previous_end + 1, reader.line_num
            previous_end = end
            result.record_lines.append(start)
            if not result.header:
                result.header = cells
                _check_header(cells, expected_header, result)
                continue
            if end > start:
                _report_spanning_record(cells, start, end, result)
                continue
            if len(cells) != len(result.header):
                result.problem(
                    start,
                    FILE_LEVEL,
                    "wrong-cell-count",
                    f"{len(cells)} cells",
                    f"{len(result.header)} cells as in the header",
                    "check for an unquoted comma or a missing cell",
                )
                continue
            long_cells = [name for name, cell in zip(result.header, cells, strict=True) if len(cell) > MAX_CELL_LENGTH]
            if long_cells:
                result.problem(
                    start,
                    long_cells[0],
                    "cell-too-large",
                    f"a cell of {len(cells[result.header.index(long_cells[0])]):,} characters",
                    f"cells of at most {MAX_CELL_LENGTH:,} characters",
                    "shorten it: a note says what matters in a few sentences",
                )
                continue
            result.records.append(Record(start, dict(zip(result.header, cells, strict=True))))
    except csv.Error as error:
        result.unreadable = True
        if "field larger than field limit" in str(error):
            result.problem(
                previous_end + 1,
                FILE_LEVEL,
                "cell-too-large",
                f"a cell of more than {csv.field_size_limit():,} characters",
                f"cells of at most {MAX_CELL_LENGTH:,} characters",
                f"the record starting on line {previous_end + 1} holds a huge cell: shorten it",
            )
            return
        result.problem(
            previous_end + 1,
            FILE_LEVEL,
            "csv-syntax",
            str(error),
            "well-formed CSV",
            f"a quote opened on line {previous_end + 1} is never closed; close it, or write a quote "
            "inside a quoted cell as two quotes",
        )
    if not result.header:
        result.unreadable = True
        result.problem(1, FILE_LEVEL, "missing-header", "", "a header row", "the first line names the columns")


def _report_spanning_record(cells: list[str], start: int, end: int, result: CsvFile) -> None:
    """A record over several lines means a quote swallowed the lines after it."""
    columns = [name for name, cell in zip(result.header, cells, strict=False) if "\n" in cell]
    column = columns[0] if columns else FILE_LEVEL
    result.problem(
        start,
        column,
        "unclosed-quote",
        f"record over lines {start}-{end}",
        "one record per line (cells may not contain line breaks)",
        f"a quote opened on line {start} closes only on line {end}; {end - start} line(s) after it were swallowed",
    )


def _check_header(header: list[str], expected: list[str], result: CsvFile) -> None:
    if header == expected:
        return
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    for name in missing:
        result.problem(1, name, "missing-column", "", f"column {name!r} in the header", "add it (cells may stay empty)")
    for name in extra:
        result.problem(
            1,
            name,
            "unknown-column",
            name,
            "only the columns of datapackage.json",
            "remove it, or add it to datapackage.json first",
        )
    if not missing and not extra:
        result.problem(1, FILE_LEVEL, "column-order", ",".join(header), ",".join(expected), "run `make format`")
    result.unreadable = True
