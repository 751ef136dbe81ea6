"""datapackage.json and the CSV files -> the data page (downloads, versions, dictionary) and the files."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from csto_data.site.downloads import changelog, downloads
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.releases import LATEST_FOLDER


def build(site: SiteContext) -> Iterator[Page]:
    files = downloads(site.data.spec)
    for download in files:
        yield Page(download.path, download.content)
    # Released versions: kept apart so the data page template changes by one include.
    latest = (site.releases[0].moved_to(LATEST_FOLDER),) if site.releases else ()
    for version in (*site.releases, *latest):
        yield from (Page(download.path, download.content) for download in version.files)
        yield Page(f"{version.folder}SHA256SUMS", version.checksums())
    tables = [(table, table.foreign_keys) for table in site.data.spec.tables]
    yield markdown_page(
        site,
        "data.md",
        "pages/data.md.j2",
        None,
        downloads=files,
        releases=site.releases,
        tables=tables,
        package=site.data.spec.raw,
        rows={name: len(rows) for name, rows in site.data.tables.items()},
        # The changelog is the project's own Markdown, not data: it is trusted as written.
        changelog=Markup(changelog(site.data.spec)),
    )
