"""What every exporter shares: the file it returns, typed cells, package metadata and the build time.

Exporters never read CSV text themselves: they take the validated
`Dataset` (the same rows the site shows) and convert each cell once, by the
column's type in the descriptor, so every format carries the same values.
An empty cell is "unknown" and becomes each format's null, never 0 or "".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property

from csto_data.descriptor import FieldSpec, TableSpec
from csto_data.exports.country_year import COUNTRY_YEAR_TABLE, Cell, country_year_rows
from csto_data.model import Dataset
from csto_data.site.paths import entity_page, page_url
from csto_data.site.settings import SITE_URL

TypedRow = dict[str, Cell]
# Zip members carry this time, so two builds of the same data give the same bytes.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportFile:
    """One downloadable file: its path in the downloads folder, bytes, description, format and media type."""

    path: str
    content: bytes
    description: str
    format: str
    media_type: str
    # Feeds live at the site root: a short address to subscribe to, and MkDocs
    # Material, which looks for a sitemap beside every <link rel="alternate">,
    # finds the site's own sitemap there.
    at_site_root: bool = False

    @property
    def site_path(self) -> str:
        """Where the site serves the file."""
        return self.path if self.at_site_root else f"download/{self.path}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> str:
        """Human size, e.g. "12.3 KB"."""
        size = len(self.content)
        return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


def typed_cell(spec: FieldSpec, value: str) -> Cell:
    """A CSV cell as the descriptor types it: int, float, date or text; empty is None.

    >>> typed_cell(FieldSpec("n", "integer", "", ""), "12"), typed_cell(FieldSpec("n", "integer", "", ""), "")
    (12, None)
    """
    if value == "":
        return None
    if spec.type == "integer":
        return int(value)
    if spec.type == "number":
        return float(value)
    if spec.type == "date":
        return dt.date.fromisoformat(value)
    return value


def build_time(as_of: dt.date) -> dt.datetime:
    """The time stamped into files: SOURCE_DATE_EPOCH when set, else the package's as-of day.

    Either way two builds of the same data give byte-identical files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)


@dataclass
class ExportContext:
    """The validated dataset plus everything several exporters need, computed once."""

    data: Dataset
    site_url: str = SITE_URL
    _typed: dict[str, list[TypedRow]] = field(default_factory=dict)

    @property
    def package(self) -> dict[str, object]:
        return self.data.spec.raw

    @property
    def title(self) -> str:
        return str(self.package["title"])

    @property
    def version(self) -> str:
        return str(self.package["version"])

    @property
    def as_of(self) -> str:
        return str(self.package.get("as_of", ""))

    @cached_property
    def built(self) -> dt.datetime:
        return build_time(self.data.spec.as_of or dt.date(1980, 1, 1))

    @property
    def citation(self) -> str:
        return (
            f"CSTO Open Data contributors ({self.version}). {self.title}. {self.site_url}. "
            "Licensed CC BY 4.0. For a specific fact, cite the original source listed on its page as well."
        )

    @property
    def tables(self) -> tuple[TableSpec, ...]:
        """The package's tables followed by the derived exercise-country-year table."""
        return (*self.data.spec.tables, COUNTRY_YEAR_TABLE)

    def rows(self, table: TableSpec) -> list[TypedRow]:
        """The table's rows with typed cells, in the CSV's (primary-key) order."""
        if table.name not in self._typed:
            if table.name == COUNTRY_YEAR_TABLE.name:
                self._typed[table.name] = country_year_rows(self.data)
            else:
                specs = table.fields
                self._typed[table.name] = [
                    {spec.name: typed_cell(spec, row.get(spec.name, "")) for spec in specs}
                    for row in self.data.tables[table.name]
                ]
        return self._typed[table.name]

    def event_url(self, event_id: str) -> str:
        return self.site_url + page_url(entity_page("events", event_id))
