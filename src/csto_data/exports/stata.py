"""The exercise-country-year table as a Stata file, written with pandas (`DataFrame.to_stata`).

Many users of the MME dataset work in Stata. The file is format 118
(Unicode, so Cyrillic survives), carries a variable label per column and
the build time from SOURCE_DATE_EPOCH (or the data's as-of day), so two
builds give the same bytes. Numeric columns are doubles, so an unknown value
is Stata's missing value `.`; unknown text is an empty string.
"""

from __future__ import annotations

import io

import pandas as pd

from csto_data.exports.common import ExportContext, ExportFile
from csto_data.exports.country_year import COUNTRY_YEAR_TABLE

FILE_NAME = "exercise-country-year.dta"
STATA_LABEL_LIMIT = 80


def _frame(context: ExportContext) -> pd.DataFrame:
    rows = context.rows(COUNTRY_YEAR_TABLE)
    columns: dict[str, pd.Series] = {}
    for field in COUNTRY_YEAR_TABLE.fields:
        values = [row[field.name] for row in rows]
        if field.type == "string":
            columns[field.name] = pd.Series(["" if value is None else value for value in values], dtype=object)
        else:
            columns[field.name] = pd.Series(values, dtype="float64")
    return pd.DataFrame(columns)


def export(context: ExportContext) -> list[ExportFile]:
    buffer = io.BytesIO()
    labels = {field.name: field.title[:STATA_LABEL_LIMIT] for field in COUNTRY_YEAR_TABLE.fields}
    _frame(context).to_stata(
        buffer,
        write_index=False,
        version=118,
        data_label=COUNTRY_YEAR_TABLE.title[:STATA_LABEL_LIMIT],
        variable_labels=labels,
        time_stamp=context.built.replace(tzinfo=None),
    )
    return [
        ExportFile(
            FILE_NAME,
            buffer.getvalue(),
            f"{COUNTRY_YEAR_TABLE.title} (Stata 14+, .dta)",
            "Stata (.dta)",
            "application/x-stata-dta",
        )
    ]
