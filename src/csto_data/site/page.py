"""What a page builder returns: a file of the site and the CSV it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markupsafe import Markup

from csto_data.exports import ExportFile, build_downloads
from csto_data.exports.background import PendingDownloads
from csto_data.model import Dataset
from csto_data.site.escaping import escape_text
from csto_data.site.filters import HeadingIds
from csto_data.site.paths import source_pages
from csto_data.site.prerendered import HTML_MARKUP
from csto_data.site.releases import ReleasedFiles
from csto_data.site.render import render
from csto_data.site.settings import SITE_URL

HTML_TEMPLATES = frozenset(
    {
        "pages/event.md.j2",
        "pages/place.md.j2",
        "pages/member.md.j2",
        "pages/body.md.j2",
        "pages/series.md.j2",
        "pages/person.md.j2",
        "pages/document.md.j2",
        "pages/event_list.md.j2",
        "pages/source_group.md.j2",
        "pages/withdrawn.md.j2",
    }
)
"""Templates that write their page's body as HTML (`markup: html`, see `prerendered`).

Only pages outside the navigation: MkDocs then skips Python-Markdown on them.
The templates write what Python-Markdown wrote for their Markdown (checked
byte for byte when they were converted), except that an abbreviation's
tooltip marks only its first use (the `abbr` and `heading` filters).
"""


@dataclass(frozen=True)
class Page:
    """One generated file: docs-relative path, content, and the source file to edit."""

    path: str
    content: str | bytes
    edit_path: str | None = None


@dataclass(frozen=True)
class SiteContext:
    """What every page shares: the dataset, the abbreviations for tooltips and the released versions."""

    data: Dataset
    abbreviations: tuple[tuple[str, str], ...]
    releases: tuple[ReleasedFiles, ...] = ()
    pending_downloads: PendingDownloads | None = None

    @cached_property
    def downloads(self) -> list[ExportFile]:
        """Every download, built once per site (the data page lists them, the home page's metadata too)."""
        return self.pending_downloads.result() if self.pending_downloads else build_downloads(self.data)

    @cached_property
    def source_pages(self) -> dict[str, list[dict[str, str]]]:
        """Docs path of each shared source page -> the sources listed on it."""
        return source_pages(self.data.tables["sources"])

    @cached_property
    def source_page_of(self) -> dict[str, str]:
        """Source id -> docs path of the shared page that lists it (its anchor is the id)."""
        return {source["id"]: path for path, sources in self.source_pages.items() for source in sources}

    @cached_property
    def _abbreviation_pattern(self) -> re.Pattern[str]:
        names = sorted((re.escape(name) for name, _ in self.abbreviations), key=len, reverse=True)
        return re.compile(r"\b(" + "|".join(names) + r")\b") if names else re.compile(r"(?!)")

    def abbreviation_definitions(self, text: str) -> str:
        """Markdown definitions (`*[CRRF]: ...`) for the abbreviations that occur in `text`.

        Only those are appended: the tooltip appears wherever the abbreviation
        does, and Python-Markdown is not made to look for twenty-odd others
        on every page.
        """
        used = set(self._abbreviation_pattern.findall(text))
        return "".join(
            f"*[{name}]: {escape_text(expansion)}\n" for name, expansion in self.abbreviations if name in used
        )


def markdown_page(
    site: SiteContext,
    path: str,
    template: str,
    edit_table: str | None = None,
    searchable: bool = True,
    **context: Any,
) -> Page:
    """Render `template` for `path`; the edit action points at `edit_table`'s CSV.

    Pages that only repeat what entity pages say (paginated lists, source
    pages) are kept out of the search index, so it grows slowly with the data.
    A template in `HTML_TEMPLATES` writes HTML; the others write Markdown, to
    which the abbreviation definitions for the tooltips are appended.
    """
    markup = HTML_MARKUP if template in HTML_TEMPLATES else ""
    text = render(
        template,
        page_path=path,
        data=site.data,
        abbreviations=site.abbreviations,
        site_url=Markup(SITE_URL),
        source_page_of=site.source_page_of,
        searchable=searchable,
        markup=markup,
        heading_ids=HeadingIds(),
        abbreviations_marked=set(),
        **context,
    )
    definitions = "" if markup else site.abbreviation_definitions(text)
    if definitions:
        text += "\n" + definitions
    edit_path = f"datapackage/data/{edit_table}.csv" if edit_table else None
    return Page(path, text, edit_path)
