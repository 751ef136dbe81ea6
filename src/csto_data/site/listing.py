"""Paginated event lists, so no page grows with the number of events.

An entity page (a member, a series, a body, a place, a year) shows a short
preview and links to its full list, split into pages of `PAGE_SIZE` events.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from csto_data.model import Row, event_sort_key
from csto_data.site.page import Page, SiteContext, markdown_page

PAGE_SIZE = 100
PREVIEW_SIZE = 10


@dataclass(frozen=True)
class EventList:
    """A titled list of (event, role) pairs, newest first, and where its pages go."""

    folder: str
    title: str
    description: str
    events: list[tuple[Row, str]]
    edit_table: str = "events"
    preview_size: int = PREVIEW_SIZE
    """How many of the newest an entity page shows before linking to the list."""

    @classmethod
    def newest_first(cls, folder: str, title: str, description: str, events: list[Row]) -> EventList:
        """A list of events without roles (a place's, a series' or a year's), newest first."""
        ordered = sorted(events, key=event_sort_key, reverse=True)
        return cls(folder, title, description, [(event, "") for event in ordered])

    @property
    def first_page(self) -> str:
        return f"{self.folder}/index.md"

    def page_path(self, number: int) -> str:
        return self.first_page if number == 1 else f"{self.folder}/page-{number}.md"

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.events) // PAGE_SIZE))

    @property
    def preview(self) -> list[tuple[Row, str]]:
        return self.events[: self.preview_size]


def list_pages(site: SiteContext, listing: EventList) -> Iterator[Page]:
    """The pages of one list, each with links to the previous and next page."""
    for number in range(1, listing.page_count + 1):
        chunk = listing.events[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        yield markdown_page(
            site,
            listing.page_path(number),
            "pages/event_list.md.j2",
            listing.edit_table,
            searchable=False,
            listing=listing,
            number=number,
            events=chunk,
            previous_page=listing.page_path(number - 1) if number > 1 else None,
            next_page=listing.page_path(number + 1) if number < listing.page_count else None,
        )


def index_pages(
    site: SiteContext,
    folder: str,
    items: list[Row],
    template: str,
    edit_table: str,
    page_size: int,
    **context: Any,
) -> Iterator[Page]:
    """An index of entities split into pages of `page_size` (`folder/index.md`, `folder/page-2.md`, ...).

    The template gets `items`, `number`, `pages`, `total` and links to the
    previous and next page; only the first page goes into the search index.
    """
    pages = max(1, -(-len(items) // page_size))

    def path(number: int) -> str:
        return f"{folder}/index.md" if number == 1 else f"{folder}/page-{number}.md"

    for number in range(1, pages + 1):
        yield markdown_page(
            site,
            path(number),
            template,
            edit_table,
            searchable=number == 1,
            items=items[(number - 1) * page_size : number * page_size],
            number=number,
            pages=pages,
            total=len(items),
            previous_page=path(number - 1) if number > 1 else None,
            next_page=path(number + 1) if number < pages else None,
            **context,
        )
