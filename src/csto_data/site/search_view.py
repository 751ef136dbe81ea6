"""Let Material's search plugin read only the part of a generated page it would index.

Why: the plugin parses each page's whole HTML with `html.parser`, splits it
at the headings and drops every section whose heading carries
`data-search-exclude`. A generated page marks every section after its
title's so (facts, participants, sources: what the entity pages of other
records already say), so most of the parse is thrown away: about a tenth of
the build. The plugin is therefore told to skip such a page, and is handed
instead a view of it whose content stops where the excluded sections begin;
it makes the same entries from that (the frame test compares the search
index byte for byte).
"""

from __future__ import annotations

import re
from typing import Any

HEADING_TAG = re.compile(r"<h[1-6]\b([^>]*)>")
EXCLUDED = "data-search-exclude"
EXCLUDED_BLOCK = re.compile(r'<div data-search-exclude="">(?:(?!<div\b).)*?</div>', re.DOTALL)
"""A `<div data-search-exclude="">` wrapper (the templates' facts tables) with no `div` inside it."""


def searchable_part(html: str) -> str | None:
    """`html` up to the first of the headings that, with all after it, are excluded; None if there is none.

    A section ends at the next heading, so the cut changes no section the
    plugin keeps. The first heading (the title's) is never cut. Excluded
    `div` wrappers before the cut are dropped too: the plugin skips their text.
    """
    headings = list(HEADING_TAG.finditer(html))
    cut = None
    for heading in reversed(headings[1:]):
        if EXCLUDED not in heading.group(1):
            break
        cut = heading.start()
    return None if cut is None else EXCLUDED_BLOCK.sub("", html[:cut])


def is_excluded(meta: dict[str, Any]) -> bool:
    """Whether a page's front matter already keeps it out of the search index."""
    search = meta.get("search") or {}
    return bool(search.get("exclude"))


class SearchView:
    """The page as the search plugin reads it: its own front matter and only its searchable HTML."""

    def __init__(self, page: Any, meta: dict[str, Any], content: str) -> None:
        self._page = page
        self.meta = meta
        self.content = content

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)
