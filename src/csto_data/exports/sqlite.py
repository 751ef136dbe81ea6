"""The whole package as one SQLite database, written with the standard sqlite3 module.

Each table keeps the descriptor's column types, primary key and foreign
keys, with an index on every foreign-key column, so joins are fast and
`PRAGMA foreign_key_check` proves the references hold. Two views save the
common joins: `events_named` (events with host, place, series and
organiser names) and `exercise_country_year` (the MME-style table, derived
here in SQL from the same tables, so it double-checks the Python one).
The file opens in `sqlite3` and Datasette without any setup.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from csto_data.descriptor import PackageSpec, TableSpec
from csto_data.exports.common import ExportContext, ExportFile
from csto_data.exports.country_year import EXERCISE_KINDS, TOOK_PLACE

FILE_NAME = "csto-open-data.sqlite"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "date": "TEXT", "string": "TEXT"}

# Shown on the data page; a test runs each one against the built database.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Events per year and kind",
        "SELECT substr(start, 1, 4) AS year, kind, count(*) AS events\n"
        "FROM events GROUP BY year, kind ORDER BY year DESC, events DESC;",
    ),
    (
        "Every exercise a state took part in, with host and place names",
        "SELECT e.start, e.title, e.host_name, e.place_name, p.role\n"
        "FROM events_named AS e JOIN event_participants AS p ON p.event_id = e.id\n"
        "WHERE p.member_id = 'tjk' AND e.kind = 'exercise' ORDER BY e.start;",
    ),
    (
        "Exercise-country-year rows per state (MME layout)",
        "SELECT country, gwcode, count(*) AS exercises, min(year) AS first, max(year) AS last\n"
        "FROM exercise_country_year GROUP BY country, gwcode ORDER BY exercises DESC;",
    ),
    (
        "The sources behind one event",
        "SELECT s.publisher, s.published, s.title, s.url FROM events AS e\n"
        "JOIN sources AS s ON instr(';' || e.source_ids || ';', ';' || s.id || ';') > 0\n"
        "WHERE e.id = 'rubezh-2024';",
    ),
)

EVENTS_NAMED = """
CREATE VIEW events_named AS
SELECT e.*, host.name AS host_name, place.name AS place_name, series.name AS series_name,
       organizer.name AS organizer_name
FROM events AS e
LEFT JOIN members AS host ON host.id = e.host_id
LEFT JOIN places AS place ON place.id = e.place_id
LEFT JOIN series ON series.id = e.series_id
LEFT JOIN bodies AS organizer ON organizer.id = e.organizer_id
"""


def _date_part(column: str, start: int, length: int) -> str:
    """SQL for one part of a partial date, NULL where the date stops before it."""
    last = start + length - 1
    return f"CASE WHEN length(e.{column}) >= {last} THEN CAST(substr(e.{column}, {start}, {length}) AS INTEGER) END"


def _country_year_view(spec: PackageSpec) -> str:
    """The view's SQL; columns an older package does not have yet are NULL (older releases rebuild too)."""
    kinds = ", ".join(f"'{kind}'" for kind in sorted(EXERCISE_KINDS))
    statuses = ", ".join(f"'{status}'" for status in sorted(TOOK_PLACE))
    year = f"COALESCE({_date_part('start', 1, 4)}, e.edition_year)"
    members, events = spec.table("members").field_names, spec.table("events").field_names

    def column(alias: str, names: list[str], name: str) -> str:
        return f"{alias}.{name}" if name in names else "NULL"

    return f"""
CREATE VIEW exercise_country_year AS
SELECT e.id AS event_id, e.title AS Ex_Name, s.name AS Series_Name, {column("m", members, "gw_code")} AS gwcode,
       {column("m", members, "cow_code")} AS ccode, {column("m", members, "iso_alpha3")} AS iso3c,
       m.name AS country, {year} AS year, pl.name AS Location,
       pl.latitude AS lat, pl.longitude AS lon, e.start AS StartDate,
       {_date_part("start", 1, 4)} AS s_year, {_date_part("start", 6, 2)} AS s_month,
       {_date_part("start", 9, 2)} AS s_day, e."end" AS EndDate,
       {_date_part('"end"', 1, 4)} AS e_year, {_date_part('"end"', 6, 2)} AS e_month,
       {_date_part('"end"', 9, 2)} AS e_day, p.role, e.kind, e.status,
       {column("e", events, "participants_complete")} AS participants_complete,
       m.id AS member_id, e.series_id, p.source_ids
FROM event_participants AS p
JOIN events AS e ON e.id = p.event_id
JOIN members AS m ON m.id = p.member_id
LEFT JOIN series AS s ON s.id = e.series_id
LEFT JOIN places AS pl ON pl.id = e.place_id
WHERE e.kind IN ({kinds}) AND e.status IN ({statuses})
ORDER BY year, event_id, member_id
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: TableSpec) -> str:
    """CREATE TABLE with the descriptor's types, NOT NULL, primary and foreign keys."""
    columns = [
        f"{_quote(field.name)} {SQL_TYPES[field.type]}{' NOT NULL' if field.required else ''}" for field in table.fields
    ]
    columns.append(f"PRIMARY KEY ({', '.join(_quote(name) for name in table.primary_key)})")
    for key in table.foreign_keys:
        columns.append(
            f"FOREIGN KEY ({', '.join(map(_quote, key.fields))}) "
            f"REFERENCES {_quote(key.resource)} ({', '.join(map(_quote, key.reference_fields))})"
        )
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def _index_sql(table: TableSpec) -> list[str]:
    statements = []
    for key in table.foreign_keys:
        name = _quote(table.name + "_" + "_".join(key.fields))
        statements.append(f"CREATE INDEX {name} ON {_quote(table.name)} ({', '.join(map(_quote, key.fields))})")
    return statements


def _sql_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _write(connection: sqlite3.Connection, context: ExportContext) -> None:
    for table in context.data.spec.tables:
        connection.execute(create_table_sql(table))
        for statement in _index_sql(table):
            connection.execute(statement)
        names = table.field_names
        placeholders = ", ".join("?" for _ in names)
        connection.executemany(
            f"INSERT INTO {_quote(table.name)} VALUES ({placeholders})",
            ([_sql_value(row[name]) for name in names] for row in context.rows(table)),
        )
    connection.execute(EVENTS_NAMED)
    connection.execute(_country_year_view(context.data.spec))


def export(context: ExportContext) -> list[ExportFile]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / FILE_NAME
        connection = sqlite3.connect(path)
        # A scratch file read back at once: no journal and no fsync (which only cost time).
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        try:
            with connection:
                _write(connection, context)
            connection.execute("VACUUM")
        finally:
            connection.close()
        content = path.read_bytes()
    return [
        ExportFile(
            FILE_NAME,
            content,
            "SQLite database: every table with its keys and indexes, and the views events_named and "
            "exercise_country_year",
            "SQLite",
            "application/vnd.sqlite3",
        )
    ]
