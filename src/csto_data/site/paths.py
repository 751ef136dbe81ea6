"""Where each entity's page lives in the site, and links between pages.

Page paths are built from ids, which never change once published, so page
addresses are stable too.
"""

from __future__ import annotations

import posixpath

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


def relative(from_page: str, to_page: str) -> str:
    """A link from one Markdown page to another, as MkDocs resolves it.

    >>> relative("events/rubezh-2024.md", "members/kgz.md")
    '../members/kgz.md'
    """
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
