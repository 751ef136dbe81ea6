"""The package in every format -> the data page (downloads, versions, dictionary, formats) and the files."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from csto_data.exports.country_year import COUNTRY_YEAR_TABLE, EXERCISE_KINDS, MME_VARIABLES, country_year_rows
from csto_data.exports.sqlite import EXAMPLE_QUERIES
from csto_data.site.downloads import changelog_html, dataset_jsonld, download_pages, group
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.releases import LATEST_FOLDER

PATH = "data.md"


def build(site: SiteContext) -> Iterator[Page]:
    files = site.downloads
    yield from download_pages(files)
    # Released versions: kept apart so the data page template changes by one include.
    latest = (site.releases[0].moved_to(LATEST_FOLDER),) if site.releases else ()
    for version in (*site.releases, *latest):
        yield from (Page(path, content) for path, content in version.site_files())
        yield Page(f"{version.folder}SHA256SUMS", version.checksums())
    tables = [(table, table.foreign_keys) for table in site.data.spec.tables]
    rows = {table.path: len(site.data.tables[table.name]) for table in site.data.spec.tables}
    rows[COUNTRY_YEAR_TABLE.path] = len(country_year_rows(site.data))
    yield markdown_page(
        site,
        PATH,
        "pages/data.md.j2",
        None,
        downloads=files,
        releases=site.releases,
        groups=group(files),
        tables=tables,
        country_year=COUNTRY_YEAR_TABLE,
        mme_variables=MME_VARIABLES,
        exercise_kinds=sorted(EXERCISE_KINDS),
        # The example queries are the project's own SQL, shown verbatim in code blocks.
        example_queries=[(title, Markup(query)) for title, query in EXAMPLE_QUERIES],
        package=site.data.spec.raw,
        rows=rows,
        jsonld=dataset_jsonld(site.data, files),
        # The changelog is the project's own Markdown, not data: it is trusted as written.
        changelog=changelog_html(site.data.spec),
    )
