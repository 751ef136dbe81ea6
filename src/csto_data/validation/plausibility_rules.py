"""Rules against input that would break or poison the build, the downloads or a reader's trust.

Why a module of its own: each of these values once passed the schema and
then crashed the site build with a bare traceback (a year below 1000, an
integer beyond 64 bits, a 324-character id, an id that is also the address
of an index page, a control character) or reached readers unchallenged (a
source host with credentials or look-alike letters, text reordered by a
right-to-left override, a chair that was not a member, an event that is its
own parent). The validator is the only gate, so each is a positioned problem
here first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from csto_data.csvfile import Record
from csto_data.problems import Problem
from csto_data.site.paths import RESERVED_PAGE_NAMES
from csto_data.validation.tables import ReadPackage, ReadTable, cell_date, cell_problem

ID_MAX_LENGTH = 80
"""Long enough for every id in the data (the longest is under 70), short enough for any file system's names."""
EARLIEST_YEAR = 1900
"""No date of the package (a source, a treaty, a membership) can be older: the CSTO's history starts in 1992."""
YEARS_AHEAD = 10
"""How far past the as-of date a planned date may reach."""
INTEGER_LIMIT = 2**31
"""Every tool the downloads serve (Stata's long, Excel, SQLite, Parquet's int32) holds integers below this."""
URL_COLUMNS = ("url", "original_url")
_UNSEEN_CHARACTERS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Control characters (a line break inside a quoted cell excepted), bidirectional controls and invisible marks."""
DATES_NOT_AFTER_AS_OF = {
    "sources": ("published",),
    "events": ("status_confirmed",),
    "memberships": ("start", "end"),
}
"""Dates of what had happened by the as-of day, so they cannot be later (the editorial days `accessed` and
`retired` can: a source read, or an id retired, after the statuses were last reviewed)."""
DOCUMENT_STATUSES_IN_EFFECT = {"adopted", "signed", "in-force", "expired"}
FIGURES = (("personnel", "personnel_qualifier"), ("equipment", "equipment_qualifier"))
CHAIR_STATUSES = {"founding-signatory", "member"}


def check_unseen_characters(package: ReadPackage) -> Iterator[Problem]:
    """Control, bidirectional and invisible characters make a cell read differently from what it holds."""
    for table in package.readable():
        for record in table.file.records:
            for column, value in record.cells.items():
                found = _UNSEEN_CHARACTERS.search(value)
                if found:
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "unseen-character",
                        "text without control, bidirectional or invisible characters",
                        f"remove the character {_visible(found.group())} at position {found.start() + 1}",
                    )


def _visible(character: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: a character a reader cannot see, named."""
    return f"U+{ord(character):04X} ({unicodedata.name(character, 'control character')})"


def check_id_length_and_reserved_names(package: ReadPackage) -> Iterator[Problem]:
    """An id becomes a file name and an address: it must fit a file system and not take an index page's place."""
    for table in package.readable():
        if table.spec.primary_key != ("id",):
            continue
        reserved = RESERVED_PAGE_NAMES.get(table.spec.name)
        for record in table.file.records:
            value = record.cells.get("id", "")
            if len(value) > ID_MAX_LENGTH:
                yield cell_problem(
                    table,
                    record,
                    "id",
                    "id-too-long",
                    f"an id of at most {ID_MAX_LENGTH} characters (this one has {len(value)})",
                    "shorten the slug: the date and a few words are enough",
                )
            elif reserved is not None and reserved.fullmatch(value):
                yield cell_problem(
                    table,
                    record,
                    "id",
                    "reserved-id",
                    f"an id that is not the name of one of the site's own pages under {table.spec.name}/",
                    "make the slug more specific (add the year or the place)",
                )


def check_integer_ranges(package: ReadPackage) -> Iterator[Problem]:
    """Figures and numbers beyond what Stata, Excel and Parquet hold would break the downloads."""
    for table in package.readable():
        columns = [field.name for field in table.spec.fields if field.type == "integer"]
        for record in table.file.records:
            for column in columns:
                value = record.cells.get(column, "")
                if value.lstrip("-").isdigit() and abs(int(value)) >= INTEGER_LIMIT:
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "implausible-integer",
                        f"a whole number below {INTEGER_LIMIT:,}",
                        "check the figure against its source",
                    )


def check_date_years(package: ReadPackage) -> Iterator[Problem]:
    """Years outside the CSTO's history are typing mistakes (and a year below 1000 crashes the build)."""
    as_of = package.spec.as_of
    latest = (as_of.year if as_of else 2100) + YEARS_AHEAD
    for table in package.readable():
        columns = [field.name for field in table.spec.fields if field.is_date or field.name in _FULL_DAY_COLUMNS]
        for record in table.file.records:
            for column in columns:
                year = record.cells.get(column, "")[:4]
                if year.isdigit() and not EARLIEST_YEAR <= int(year) <= latest:
                    yield cell_problem(
                        table,
                        record,
                        column,
                        "implausible-year",
                        f"a year from {EARLIEST_YEAR} to {latest}",
                        "check the date against its source",
                    )


_FULL_DAY_COLUMNS = frozenset({"status_confirmed", "accessed", "retired"})


def check_dates_not_after_as_of(package: ReadPackage) -> Iterator[Problem]:
    """A source cannot be published, or a membership begin, after the day the package is true as of."""
    as_of = package.spec.as_of
    if as_of is None:
        return
    for name, columns in DATES_NOT_AFTER_AS_OF.items():
        table = package.tables.get(name)
        if table is None or table.file.unreadable:
            continue
        for record in table.file.records:
            for column in columns:
                yield from _after_as_of(table, record, column, as_of.isoformat())
    documents = package.tables.get("documents")
    if documents is not None and not documents.file.unreadable:
        for record in documents.file.records:
            if record.cells.get("status") in DOCUMENT_STATUSES_IN_EFFECT:
                yield from _after_as_of(documents, record, "adopted", as_of.isoformat())


def _after_as_of(table: ReadTable, record: Record, column: str, as_of: str) -> Iterator[Problem]:
    day = cell_date(record, column)
    if day is not None and day.earliest.isoformat() > as_of:
        yield cell_problem(
            table,
            record,
            column,
            "after-as-of",
            f"a date on or before the package's as-of day {as_of}",
            "correct the date, or move `as_of` in datapackage.json forward after reviewing the statuses",
        )


def check_url_hosts(package: ReadPackage) -> Iterator[Problem]:
    """A source's host is what a reader trusts: no credentials in it, and its letters all of one script."""
    for table in package.readable():
        for column in (name for name in URL_COLUMNS if name in table.spec.field_names):
            for record in table.file.records:
                value = record.cells.get(column, "")
                if not value:
                    continue
                problem = _host_problem(value)
                if problem:
                    expected, hint = problem
                    yield cell_problem(table, record, column, "suspicious-host", expected, hint)


def _host_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with the address's host, as (expected, hint), or None.

    >>> _host_problem("https://tass.ru/a"), _host_problem("https://кремль.рф/")
    (None, None)
    >>> _host_problem("https://user:pw@tass.ru/")[0]
    'an address without a user name or password'
    >>> _host_problem("https://t\u0430ss.ru/")[1]
    'the host mixes Cyrillic and Latin letters (look-alikes): type the address again from the page'
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return ("an address that parses", "copy the address again from the browser")
    if "@" in parts.netloc:
        return ("an address without a user name or password", "remove everything up to and including the '@'")
    scripts = sorted({_script(character) for character in host if character.isalpha()})
    if len(scripts) > 1:
        return (
            "a host written in one script",
            f"the host mixes {' and '.join(scripts)} letters (look-alikes): type the address again from the page",
        )
    return None


def _script(letter: str) -> str:
    """The script of a letter, from its Unicode name (`CYRILLIC SMALL LETTER A` -> `Cyrillic`)."""
    return unicodedata.name(letter, "UNKNOWN").split()[0].title()


def check_parent_cycles(package: ReadPackage) -> Iterator[Problem]:
    """An event, place, body or party cannot be part of itself, directly or through others."""
    for table in package.readable():
        if "parent_id" not in table.spec.field_names or table.spec.primary_key != ("id",):
            continue
        parents = {record.cells.get("id", ""): record.cells.get("parent_id", "") for record in table.file.records}
        for record in table.file.records:
            cycle = _cycle_from(record.cells.get("id", ""), parents)
            if cycle:
                yield cell_problem(
                    table,
                    record,
                    "parent_id",
                    "parent-cycle",
                    "a parent that is not the row itself nor one of its parts",
                    "the chain " + " -> ".join(cycle) + " comes back to this row: fix one parent_id",
                )


def _cycle_from(start: str, parents: dict[str, str]) -> list[str]:
    """The chain of parents from `start` if it comes back to `start`, else []."""
    chain, current = [start], parents.get(start, "")
    while current and current not in chain:
        chain.append(current)
        current = parents.get(current, "")
    return [*chain, start] if current == start else []


def check_chairs_were_members(package: ReadPackage) -> Iterator[Problem]:
    """The chairing state of a year must have been a member in that year."""
    chairmanships, memberships = package.tables.get("chairmanships"), package.tables.get("memberships")
    if chairmanships is None or memberships is None or chairmanships.file.unreadable or memberships.file.unreadable:
        return
    periods: dict[str, list[tuple[int, int]]] = {}
    for record in memberships.file.records:
        start, end = cell_date(record, "start"), cell_date(record, "end")
        if record.cells.get("status") in CHAIR_STATUSES and start is not None:
            periods.setdefault(record.cells.get("member_id", ""), []).append((start.year, end.year if end else 9999))
    for record in chairmanships.file.records:
        year = record.cells.get("year", "")
        if not year.isdigit():
            continue
        member = record.cells.get("member_id", "")
        if not any(first <= int(year) <= last for first, last in periods.get(member, [])):
            yield cell_problem(
                chairmanships,
                record,
                "member_id",
                "chair-not-a-member",
                f"a state that was a member in {year}",
                "check the chairing state, or its periods in memberships.csv",
            )


def check_qualifiers_have_figures(package: ReadPackage) -> Iterator[Problem]:
    """`about` or `more-than` says something of a figure: without one it says nothing."""
    for table in package.readable():
        for figure, qualifier in FIGURES:
            if figure not in table.spec.field_names:
                continue
            for record in table.file.records:
                if record.cells.get(qualifier) and not record.cells.get(figure):
                    yield cell_problem(
                        table,
                        record,
                        qualifier,
                        "qualifier-without-figure",
                        f"empty, because {figure} is empty",
                        f"fill in {figure} from the source, or clear {qualifier}",
                    )
