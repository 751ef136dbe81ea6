"""What a page builder returns: a file of the site and the CSV it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from csto_data.model import Dataset
from csto_data.site.render import render
from csto_data.site.settings import SITE_URL


@dataclass(frozen=True)
class Page:
    """One generated file: docs-relative path, content, and the source file to edit."""

    path: str
    content: str | bytes
    edit_path: str | None = None


@dataclass(frozen=True)
class SiteContext:
    """What every page shares: the dataset and the abbreviations for tooltips."""

    data: Dataset
    abbreviations: tuple[tuple[str, str], ...]


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
    """
    text = render(
        template,
        page_path=path,
        data=site.data,
        abbreviations=site.abbreviations,
        site_url=Markup(SITE_URL),
        searchable=searchable,
        **context,
    )
    edit_path = f"datapackage/data/{edit_table}.csv" if edit_table else None
    return Page(path, text, edit_path)
