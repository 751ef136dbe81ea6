"""Where each entity's page lives in the site, and links between pages.

Page paths are built from ids, which never change once published, so page
addresses are stable too.
"""

from __future__ import annotations

import re
from collections import defaultdict

ENTITY_PAGES = {
    "events": "events/{}.md",
    "members": "members/{}.md",
    "series": "series/{}.md",
    "bodies": "bodies/{}.md",
    "documents": "documents/{}.md",
    "people": "people/{}.md",
    "places": "places/{}.md",
    "parties": "parties/{}.md",
}
RESERVED_PAGE_NAMES = {
    "events": re.compile(r"index|by-year|timeline|page-[0-9]+"),
    "members": re.compile(r"index|participation|page-[0-9]+"),
    "sources": re.compile(r"index|undated|[0-9]{4}|page-[0-9]+"),
    **{
        table: re.compile(r"index|page-[0-9]+")
        for table in ("series", "bodies", "documents", "people", "places", "parties")
    },
}
"""Names of the site's own pages inside each table's folder: an id equal to one would take that page's address
(a source's former address is `sources/<id>/`, beside the year pages `sources/2025/`)."""
SOURCE_PAGE_SIZE = 20
"""Sources per shared page: with their lists of facts, a page stays near the size of an entity page."""


def entity_page(table: str, key: str) -> str:
    """Docs-relative path of the page of one entity."""
    return ENTITY_PAGES[table].format(key)


def source_group(source: dict[str, str]) -> str:
    """The folder of shared pages a source is listed in: its publication year, or "undated".

    Sources have no page of their own: there are more sources than events,
    and MkDocs charges a fixed cost per page.

    >>> [source_group({"published": published}) for published in ("2025-03-17", "2025", "")]
    ['2025', '2025', 'undated']
    """
    return source["published"][:4] or "undated"


def source_pages(sources: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Docs path of each shared source page -> its sources, oldest first.

    A year is split into pages of `SOURCE_PAGE_SIZE` (`sources/2025/`,
    `sources/2025/page-2/`...). A source's page can change when sources
    of the same year are added before it; `legacy_source_page` is the
    address that never changes (a redirect to wherever the source is listed).

    >>> pages = source_pages([{"id": f"s{n:02}", "published": "2025-01-02"} for n in range(21)])
    >>> sorted((path, len(rows)) for path, rows in pages.items())
    [('sources/2025/index.md', 20), ('sources/2025/page-2.md', 1)]
    """
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for source in sorted(sources, key=lambda row: (row["published"], row["id"])):
        groups[source_group(source)].append(source)
    pages = {}
    for group, members in sorted(groups.items()):
        for start in range(0, len(members), SOURCE_PAGE_SIZE):
            number = start // SOURCE_PAGE_SIZE + 1
            path = f"sources/{group}/index.md" if number == 1 else f"sources/{group}/page-{number}.md"
            pages[path] = members[start : start + SOURCE_PAGE_SIZE]
    return pages


def legacy_source_page(source_id: str) -> str:
    """A source's permanent address: its own page until November 2026, a redirect to its entry since."""
    return f"sources/{source_id}.md"


def year_page(year: str) -> str:
    return f"events/by-year/{year}/index.md"


def page_url(path: str) -> str:
    """The site address of a docs-relative file, with directory URLs (`use_directory_urls`).

    >>> [page_url(path) for path in ("index.md", "events/index.md", "events/rubezh-2024.md", "download/a.zip")]
    ['', 'events/', 'events/rubezh-2024/', 'download/a.zip']
    """
    if not path.endswith(".md"):
        return path
    if path == "index.md" or path.endswith("/index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


def relative_url(from_page: str, to_path: str) -> str:
    """The href from one generated page to another page or file.

    Links are written as HTML with final addresses, so Python-Markdown has no
    link syntax to parse and the same page text works in any engine that
    uses directory URLs (the MkDocs and Zensical default).

    >>> relative_url("events/rubezh-2024.md", "members/kgz.md")
    '../../members/kgz/'
    >>> relative_url("index.md", "download/csto-open-data.zip")
    'download/csto-open-data.zip'
    >>> relative_url("events/index.md", "events/index.md")
    './'
    >>> relative_url("events/rubezh-2024.md", "events/rubezh-2025.md")
    '../rubezh-2025/'
    >>> relative_url("members/kgz/events/index.md", "members/kgz/events/page-2.md")
    'page-2/'
    """
    base = page_url(from_page).split("/")[:-1]
    target = page_url(to_path).split("/")
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    return "../" * (len(base) - common) + "/".join(target[common:]) or "./"
