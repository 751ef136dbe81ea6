"""The whole package as one Excel workbook, written with XlsxWriter.

The first sheet says what the workbook is (title, version, as-of date,
licence, citation) and documents every column; then one sheet per table,
each with a frozen, styled header row and a filter. Every text cell is
written as text (`strings_to_formulas` is off), so a value that starts with
`=`, `+`, `-` or `@` is never a formula; such cells also carry Excel's quote
prefix, so editing them in Excel keeps them text. Excel opens the UTF-8
workbook correctly, so Cyrillic names arrive intact (a CSV without BOM
does not). XlsxWriter writes its zip with fixed timestamps and we set the
document's creation time from the build time, so the bytes depend only on
the data.
"""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from csto_data.descriptor import TableSpec
from csto_data.exports.common import ExportContext, ExportFile
from csto_data.exports.country_year import Cell

FILE_NAME = "csto-open-data.xlsx"
README_SHEET = "README"
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_WIDTH = 60
SAMPLE_ROWS = 300


class _Formats:
    """The workbook's few cell formats, created once."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.header: Format = book.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#3F51B5"})
        self.title: Format = book.add_format({"bold": True, "font_size": 14})
        self.wrap: Format = book.add_format({"text_wrap": True, "valign": "top"})
        self.quoted: Format = book.add_format({"quote_prefix": True})


def write_cell(sheet: Worksheet, row: int, column: int, value: Cell, formats: _Formats) -> None:
    """One value with its type: text as text (formula-like text quote-prefixed), numbers as numbers."""
    if value is None:
        return
    if isinstance(value, bool | int | float):
        sheet.write_number(row, column, value)
    elif isinstance(value, dt.date):
        sheet.write_string(row, column, value.isoformat())
    elif value.startswith(FORMULA_STARTS):
        sheet.write_string(row, column, value, formats.quoted)
    else:
        sheet.write_string(row, column, value)


def _readme(book: xlsxwriter.Workbook, context: ExportContext, formats: _Formats) -> None:
    sheet = book.add_worksheet(README_SHEET)
    for column, width in enumerate((28, 22, 10, 100)):
        sheet.set_column(column, column, width)
    sheet.write_string(0, 0, context.title, formats.title)
    facts = (
        ("Version", context.version),
        ("Data as of", context.as_of),
        ("Licence", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"),
        ("Citation", context.citation),
        ("Home page", context.site_url),
        ("Dates", "YYYY-MM-DD, YYYY-MM or YYYY, with their precision in the *_precision column beside them."),
        ("Unknown", "An empty cell means unknown, never zero."),
    )
    for row, (label, value) in enumerate(facts, start=1):
        sheet.write_string(row, 0, label)
        sheet.write_string(row, 1, value)
    row = len(facts) + 2
    sheet.write_row(row, 0, ["Sheet", "Column", "Type", "Description"], formats.header)
    for table in context.tables:
        for field in table.fields:
            row += 1
            sheet.write_string(row, 0, sheet_name(table))
            sheet.write_string(row, 1, field.name)
            sheet.write_string(row, 2, field.type)
            sheet.write_string(row, 3, f"{field.title}. {field.description}", formats.wrap)


def sheet_name(table: TableSpec) -> str:
    """Excel allows 31 characters in a sheet name."""
    return table.name[:31]


def _table_sheet(book: xlsxwriter.Workbook, context: ExportContext, table: TableSpec, formats: _Formats) -> None:
    sheet = book.add_worksheet(sheet_name(table))
    names = table.field_names
    rows = context.rows(table)
    sheet.write_row(0, 0, names, formats.header)
    sheet.freeze_panes(1, 0)
    for number, row in enumerate(rows, start=1):
        for column, name in enumerate(names):
            write_cell(sheet, number, column, row[name], formats)
    for column, name in enumerate(names):
        longest = max([len(name)] + [len(str(row[name])) for row in rows[:SAMPLE_ROWS] if row[name] is not None])
        sheet.set_column(column, column, min(longest + 2, MAX_WIDTH))
    sheet.autofilter(0, 0, max(len(rows), 1), len(names) - 1)


def export(context: ExportContext) -> list[ExportFile]:
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties(
        {"title": context.title, "author": "CSTO Open Data contributors", "created": context.built.replace(tzinfo=None)}
    )
    formats = _Formats(book)
    _readme(book, context, formats)
    for table in context.tables:
        _table_sheet(book, context, table, formats)
    book.close()
    return [
        ExportFile(
            FILE_NAME,
            buffer.getvalue(),
            "Excel workbook: a README sheet (citation and column dictionary), then one sheet per table",
            "Excel (.xlsx)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    ]
