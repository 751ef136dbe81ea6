"""Generate every page of the site from the package: a plain function, no MkDocs needed.

`PAGE_BUILDERS` is the registry of page kinds (see `pages/__init__.py` for
which table feeds which page). `generate_pages` returns them all;
`write_pages` writes them to a folder for another engine or for inspection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from csto_data.exports.background import PendingDownloads
from csto_data.model import Dataset, dataset_under_validation
from csto_data.site.page import Page, SiteContext
from csto_data.site.pages import (
    bodies,
    coverage,
    data,
    documents,
    events,
    home,
    members,
    navigation,
    people,
    places,
    retired,
    series,
    source_redirects,
    sources,
)
from csto_data.site.paths import page_url
from csto_data.site.releases import ReleasedFiles, released_downloads

PageBuilder = Callable[[SiteContext], Iterator[Page]]
# The home and data pages list the downloads, which are built in the background
# meanwhile (see `exports.background`), so they come after the other pages.
PAGE_BUILDERS: dict[str, PageBuilder] = {
    "events": events.build,
    "members": members.build,
    "documents": documents.build,
    "series": series.build,
    "bodies": bodies.build,
    "people": people.build,
    "places": places.build,
    "sources": sources.build,
    "source_redirects": source_redirects.build,
    "coverage": coverage.build,
    "home": home.build,
    "data": data.build,
    "retired": retired.build,
    "navigation": navigation.build,
}


def generate_pages(dataset: Dataset, releases: tuple[ReleasedFiles, ...] = ()) -> list[Page]:
    """Every generated file of the site, in a stable order; paths are unique."""
    site = SiteContext(dataset, documents.abbreviations(dataset.tables["bodies"]), releases, PendingDownloads(dataset))
    pages = [page for build in PAGE_BUILDERS.values() for page in build(site)]
    seen: set[str] = set()
    for page in pages:
        address = page_url(page.path).removesuffix("index.html")
        if address in seen:
            raise ValueError(f"two generated pages share the address {address or '/'} ({page.path})")
        seen.add(address)
    return pages


def write_pages(pages: list[Page], out_dir: Path) -> None:
    """Write pages as real files under `out_dir` (for engines without gen-files)."""
    for page in pages:
        target = out_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(page.content, bytes):
            target.write_bytes(page.content)
        else:
            target.write_text(page.content, encoding="utf-8")


def generate_from_descriptor(descriptor_path: Path) -> list[Page]:
    """Load, generate and validate meanwhile (what the gen-files script runs), with every release's files.

    Raises `InvalidPackageError` when the package does not validate, and then no page is returned.
    """
    with dataset_under_validation(descriptor_path) as dataset:
        return generate_pages(dataset, released_downloads(descriptor_path))
