"""Where each entity's page lives in the site, and links between pages.

Page paths are built from ids, which never change once published, so page
addresses are stable too.
"""

from __future__ import annotations

ENTITY_PAGES = {
    "events": "events/{}.md",
    "members": "members/{}.md",
    "series": "series/{}.md",
    "bodies": "bodies/{}.md",
    "documents": "documents/{}.md",
    "people": "people/{}.md",
    "places": "places/{}.md",
    "sources": "sources/{}.md",
}


def entity_page(table: str, key: str) -> str:
    """Docs-relative path of the page of one entity."""
    return ENTITY_PAGES[table].format(key)


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
