"""The literate-nav file: sections only, never one entry per entity.

It is called `.nav.md` because MkDocs does not build dot-files as pages.

Entity pages, and the year lists, are reached from their section's index
page, so the navigation rendered into every page stays the same size whatever
the number of events or years.
"""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.site.page import Page, SiteContext

SECTIONS = (
    ("Home", "index.md"),
    ("Members", "members/index.md"),
    ("Plans and documents", "documents/index.md"),
    ("Glossary", "glossary.md"),
    ("Series", "series/index.md"),
    ("Bodies and forces", "bodies/index.md"),
    ("Outside parties", "parties/index.md"),
    ("People", "people/index.md"),
    ("Places", "places/index.md"),
    ("Sources", "sources/index.md"),
    ("Coverage", "coverage.md"),
    ("Data", "data.md"),
)


def build(site: SiteContext) -> Iterator[Page]:
    lines = ["* [Home](index.md)", "* [Events](events/index.md)", "    * [Timeline](events/timeline.md)"]
    lines += [f"* [{title}]({path})" for title, path in SECTIONS[1:]]
    members = lines.index("* [Members](members/index.md)")
    lines.insert(members + 1, "    * [Who took part, year by year](members/participation.md)")
    yield Page(".nav.md", "\n".join(lines) + "\n")
