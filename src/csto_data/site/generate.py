"""Generate every page of the site from the package: a plain function, no MkDocs needed.

`PAGE_BUILDERS` and `LATE_BUILDERS` are the registry of page kinds (see
`pages/__init__.py` for which table feeds which page). `generate_pages`
returns them all; `write_pages` writes them to a folder for another engine
or for inspection. A MkDocs build generates in two steps (`generate_in_two`):
the gen-files script hands the pages over (`defer`), the hooks give them to
MkDocs as files in memory (`mkdocs_files`) and make the late ones when
MkDocs reaches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from csto_data.exports.background import PendingDownloads
from csto_data.model import Dataset, ValidationUnderway, dataset_under_validation
from csto_data.site.builders_beside import BuildersBeside, PageBuilder
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
    parties,
    people,
    places,
    retired,
    series,
    source_redirects,
    sources,
)
from csto_data.site.paths import page_url
from csto_data.site.releases import ReleasedFiles, released_downloads

PAGE_BUILDERS: dict[str, PageBuilder] = {
    "events": events.build,
    "members": members.build,
    "documents": documents.build,
    "series": series.build,
    "bodies": bodies.build,
    "parties": parties.build,
    "people": people.build,
    "places": places.build,
    "sources": sources.build,
    "source_redirects": source_redirects.build,
    "coverage": coverage.build,
    "retired": retired.build,
    "navigation": navigation.build,
}
VALIDATION_NICENESS = 10
"""A build asks for the verdict at its end: until then the page builders' child goes first."""
BUILT_BESIDE = frozenset({"members", "documents", "series", "bodies", "people", "places", "sources", "coverage"})
"""The builders that run in a child process beside the others (`builders_beside`): about half the work."""
LATE_BUILDERS: dict[str, tuple[PageBuilder, str]] = {
    "home": (home.build, home.PATH),
    "data": (data.build, data.PATH),
}
"""The pages that list the downloads (built meanwhile, see `exports.background`), with their page's path.

They come last, and a build may ask for them later still (`LatePages`).
"""


class LatePages:
    """The pages that need the downloads: made when first asked for, once."""

    def __init__(self, site: SiteContext, early_addresses: set[str]) -> None:
        self._site = site
        self._early_addresses = early_addresses
        self._pages: list[Page] | None = None

    @property
    def markdown_paths(self) -> tuple[str, ...]:
        """The docs paths of their pages, known before they are made."""
        return tuple(path for _, path in LATE_BUILDERS.values())

    def pages(self) -> list[Page]:
        """The pages and the download files (waits for the downloads)."""
        if self._pages is None:
            self._pages = [page for build, _ in LATE_BUILDERS.values() for page in build(self._site)]
            _check_unique(self._pages, set(self._early_addresses))
        return self._pages

    def text_of(self, path: str) -> str:
        """The text of the late page at docs path `path`."""
        content = next(page.content for page in self.pages() if page.path == path)
        assert isinstance(content, str)
        return content

    def files(self) -> list[Page]:
        """The late files that are not pages: the downloads and each version's files."""
        return [page for page in self.pages() if page.path not in self.markdown_paths]


@dataclass(frozen=True)
class Handover:
    """What the gen-files script hands the hooks: the pages, the late ones, and the validation underway.

    The build asks for the verdict (`validation.refuse_if_invalid`) when it
    ends, or fails: meanwhile the validating child had the whole build to
    finish, at a lower priority.
    """

    pages: list[Page]
    late: LatePages
    validation: ValidationUnderway


_DEFERRED: list[Handover] = []


def defer(handover: Handover) -> None:
    """Hand the pages of the build in progress to the hooks (the gen-files script and they share a process)."""
    _DEFERRED[:] = [handover]


def deferred() -> Handover | None:
    """The pages handed over by this build's gen-files script, if any."""
    return _DEFERRED[0] if _DEFERRED else None


def forget_deferred() -> None:
    """Drop the pages when a build ends, so that no later build sees them."""
    _DEFERRED.clear()


def generate_in_two(dataset: Dataset, releases: tuple[ReleasedFiles, ...] = ()) -> tuple[list[Page], LatePages]:
    """Every page but those that list the downloads, and those, made when asked for.

    Why: on two cores the downloads are built in a child process while the
    pages are generated; a build that asks for the late pages only when it
    reaches them (`scripts/mkdocs_hooks.py` renders them last) lets the
    downloads go on beside MkDocs' rendering too, instead of being waited for.
    The builders in `BUILT_BESIDE` run in a child of their own meanwhile
    (`builders_beside`); the pages come out in the registry's order either way.
    """
    abbreviations = documents.abbreviations(dataset.tables["bodies"])
    beside = {name: build for name, build in PAGE_BUILDERS.items() if name in BUILT_BESIDE}
    theirs = BuildersBeside(beside, SiteContext(dataset, abbreviations, releases))
    downloads: PendingDownloads | None = None
    try:
        downloads = PendingDownloads(dataset)
        site = SiteContext(dataset, abbreviations, releases, downloads)
        own = {name: list(build(site)) for name, build in PAGE_BUILDERS.items() if name not in BUILT_BESIDE}
        built = {**own, **theirs.pages()}
        pages = [page for name in PAGE_BUILDERS for page in built[name]]
        addresses = _check_unique(pages, set())
    except Exception:  # no child is left waiting for a build that failed
        theirs.abandon()
        if downloads is not None:
            downloads.abandon()
        raise
    return pages, LatePages(site, addresses)


def generate_pages(dataset: Dataset, releases: tuple[ReleasedFiles, ...] = ()) -> list[Page]:
    """Every generated file of the site, in a stable order; paths are unique."""
    pages, late = generate_in_two(dataset, releases)
    return [*pages, *late.pages()]


def _check_unique(pages: list[Page], seen: set[str]) -> set[str]:
    """The addresses of `pages` added to `seen`; refuses two pages at one address."""
    for page in pages:
        address = page_url(page.path).removesuffix("index.html")
        if address in seen:
            raise ValueError(f"two generated pages share the address {address or '/'} ({page.path})")
        seen.add(address)
    return seen


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
    """Load, generate and validate meanwhile, with every release's files; all pages at once.

    Raises `InvalidPackageError` when the package does not validate, and then no page is returned
    (nor waited for: the pages that list the downloads are made only once the verdict is in).
    """
    with dataset_under_validation(descriptor_path) as dataset:
        pages, late = generate_in_two(dataset, released_downloads(descriptor_path))
    return [*pages, *late.pages()]


def generate_for_build(descriptor_path: Path) -> Handover:
    """What the gen-files script runs: `generate_in_two` on the package, with its validation still underway.

    The caller must ask for the verdict before it publishes anything
    (`Handover.validation`). If generation fails on the rows, the verdict is
    waited for here, so that an invalid package is refused with its
    positioned problems rather than with the error they caused.
    """
    underway = ValidationUnderway(descriptor_path, niceness=VALIDATION_NICENESS)
    try:
        pages, late = generate_in_two(underway.dataset, released_downloads(descriptor_path))
    except Exception as error:
        underway.refuse_if_invalid(error)
        raise
    return Handover(pages, late, underway)
