"""One Parquet file per table, with typed columns, written with pyarrow.

Integers, numbers and full dates get Parquet's own types; a partial date
(`2025-09`) stays text beside its `*_precision` column, because no Parquet
date type can say "September 2025" without inventing a day. Each column
carries the descriptor's description in its field metadata.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from csto_data.descriptor import TableSpec
from csto_data.exports.common import ExportContext, ExportFile

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}


def arrow_schema(table: TableSpec) -> pa.Schema:
    fields = [
        pa.field(field.name, ARROW_TYPES[field.type], metadata={"description": f"{field.title}. {field.description}"})
        for field in table.fields
    ]
    return pa.schema(fields, metadata={"title": table.title, "description": table.description})


def export(context: ExportContext) -> list[ExportFile]:
    files = []
    for table in context.tables:
        arrow_table = pa.Table.from_pylist(context.rows(table), schema=arrow_schema(table))
        sink = pa.BufferOutputStream()
        pq.write_table(arrow_table, sink, compression="zstd")
        files.append(
            ExportFile(
                f"parquet/{table.name}.parquet",
                sink.getvalue().to_pybytes(),
                f"{table.title} (Parquet)",
                "Parquet",
                "application/vnd.apache.parquet",
            )
        )
    return files
