"""datapackage.json and the CSV files -> the data page (downloads, dictionary) and the files."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from csto_data.site.downloads import changelog, downloads
from csto_data.site.page import Page, SiteContext, markdown_page


def build(site: SiteContext) -> Iterator[Page]:
    files = downloads(site.data.spec)
    for download in files:
        yield Page(download.path, download.content)
    tables = [(table, table.foreign_keys) for table in site.data.spec.tables]
    yield markdown_page(
        site,
        "data.md",
        "pages/data.md.j2",
        None,
        downloads=files,
        tables=tables,
        package=site.data.spec.raw,
        rows={name: len(rows) for name, rows in site.data.tables.items()},
        # The changelog is the project's own Markdown, not data: it is trusted as written.
        changelog=Markup(changelog(site.data.spec)),
    )
