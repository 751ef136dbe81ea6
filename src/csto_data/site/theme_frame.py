"""Render the theme's page once per kind of generated page, then fill in each page's own values.

Why: Material's `main.html` costs about 3 ms a page here, as much as the
whole page of a hand-written site, and a generated site has one page per
event. Yet two event pages in the same folder (the theme's links are
relative), with the same headings and the same CSV behind their edit button,
differ in the theme's output only in a few values: the title, the meta
description, the canonical address, the JSON-LD, the first heading's anchor
and the content. So the theme renders a *frame* once per such kind, with a
token in place of each of those values, and every other page of the kind is
the frame with the tokens replaced. The frame is stored compacted
(`compact`), so only each page's own values are compacted again.

Only pages outside the navigation are framed: the navigation marks the
current page, so a page inside it has output of its own. The theme's links
are relative, so a frame serves the pages from which every page of the
navigation (and the site's root) is reached by the same relative address
(`link_position`): `places/a/events/` and `places/b/events/` share one, and
so do all event pages. Everything else the theme reads from the page (its
other front matter, its edit address, its table of contents below the title)
is part of the frame's key too, so a page whose output could differ gets a
frame of its own. `tests/site_pages/
test_build.py` builds the site with and without frames (`shortcuts`) and
requires the same bytes in every file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from csto_data.site.compact import compact_html, join_compacted

TEMPLATE = "csto-framed.html"
"""The override template a framed page renders with (it calls `FRAMED_PAGE`)."""
FRAMED_PAGE = "csto_framed_page"
"""The Jinja global that renders a framed page."""

SLOT_PREFIX = "csto-frame-slot-"
SLOT = re.compile(r"(?:<h1>)?" + SLOT_PREFIX + r"([a-z]+)")
"""A token: letters and hyphens only, so no filter of the theme (`e`, `url`, `striptags`) changes it.

The content's token opens with `<h1>`: the theme adds a title of its own to content without one."""
CONTENT = "<h1>" + SLOT_PREFIX + "content"
SLOT_META = ("title", "description", "jsonld")
"""Front matter the theme prints as it is: one slot each."""


def _token(name: str) -> str:
    return SLOT_PREFIX + name


def frameable(page: Page, content: str, nav_pages: set[int]) -> bool:
    """Whether `page`, with `content`, can share a frame: outside the navigation, titled by an h1 it holds."""
    toc = list(page.toc)
    return (
        id(page) not in nav_pages and not page.is_homepage and "<h1" in content and len(toc) == 1 and toc[0].level == 1
    )


class _SlotPage:
    """The page as the theme sees it while a frame is rendered: tokens for the values of the page alone."""

    def __init__(self, page: Page) -> None:
        self._page = page
        heading = next(iter(page.toc))
        first = AnchorLink(_token("heading"), _token("anchor"), heading.level)
        first.children = heading.children
        self.toc = TableOfContents([first])
        self.meta = {**page.meta, **{name: _token(name) for name in SLOT_META if name in page.meta}}
        self.title = _token("title")
        self.canonical_url = _token("canonical") if page.canonical_url else page.canonical_url
        self.content = CONTENT

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _toc_key(items: list[AnchorLink]) -> tuple[Any, ...]:
    return tuple((item.title, item.id, item.level, _toc_key(item.children)) for item in items)


def _segments(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def link_position(page_url: str, targets: tuple[tuple[str, ...], ...]) -> tuple[int, ...]:
    """What the relative address from the page at `page_url` to each of `targets` depends on.

    From a page at folder depth d, a target sharing its first c folders is
    reached by d - c steps up and then the rest of its own address, so two
    pages with the same depth and the same c for every target print the same
    relative links. `targets` are addresses split into folders (`_segments`).

    >>> home, places = (), ("places",)
    >>> link_position("places/a/events/", (home, places)) == link_position("places/b/events/", (home, places))
    True
    >>> link_position("places/a/events/", (home, places)) == link_position("events/x/", (home, places))
    False
    """
    folders = _segments(page_url)
    return (len(folders), *(_shared(folders, target) for target in targets))


def _shared(folders: tuple[str, ...], target: tuple[str, ...]) -> int:
    """How many leading folders `folders` and `target` have in common."""
    count = 0
    for mine, theirs in zip(folders, target, strict=False):
        if mine != theirs:
            break
        count += 1
    return count


def frame_key(context: dict[str, Any], targets: tuple[tuple[str, ...], ...]) -> tuple[Any, ...]:
    """Everything of a page and its context that the theme prints, except the slots.

    `targets`: the addresses of the navigation's pages, split into folders (`_segments`).
    """
    page: Page = context["page"]
    unslotted = (name for name in page.meta if name not in (*SLOT_META, "template"))
    meta = tuple(sorted((name, repr(page.meta[name])) for name in unslotted))
    heading = next(iter(page.toc))
    return (
        link_position(page.url, targets),
        page.edit_url,
        bool(page.canonical_url),
        tuple(name for name in SLOT_META if name in page.meta),
        meta,
        _toc_key(heading.children),
    )


def slot_values(page: Page) -> dict[str, str]:
    """What each token of the frame stands for on `page`."""
    heading = next(iter(page.toc))
    values = {name: str(page.meta[name]) for name in SLOT_META if name in page.meta}
    values.update(
        heading=heading.title,
        anchor=heading.id,
        canonical=page.canonical_url or "",
        content=page.content or "",
    )
    values.setdefault("title", page.title or "")
    return values


@dataclass
class FrameCache:
    """The frames of one build, by key; `rendered` and `reused` say how much the cache saved."""

    frames: dict[tuple[Any, ...], list[str]] = field(default_factory=dict)
    """Each frame split at its tokens: text, slot name, text, slot name, ..., text; the text compacted."""
    rendered: int = 0
    reused: int = 0
    targets: tuple[tuple[str, ...], ...] | None = None
    """The navigation's page addresses, split into folders: the same for every page of a build."""

    def page(self, environment: Environment, context: dict[str, Any]) -> str:
        """The theme's output for the page in `context`, from its kind's frame, compacted (`compact`)."""
        if self.targets is None:
            self.targets = tuple(_segments(page.url) for page in context["nav"].pages)
        key = frame_key(context, self.targets)
        parts = self.frames.get(key)
        if parts is None:
            frame = environment.get_template("main.html").render({**context, "page": _SlotPage(context["page"])})
            if frame.count(CONTENT) != 1:
                raise ValueError(f"the theme printed the content of {context['page'].file.src_uri} other than once")
            parts = SLOT.split(frame)
            parts[::2] = [compact_html(part) for part in parts[::2]]
            self.frames[key] = parts
            self.rendered += 1
        else:
            self.reused += 1
        values = slot_values(context["page"])
        return join_compacted(
            [part if index % 2 == 0 else compact_html(values[part]) for index, part in enumerate(parts)]
        )


def install(environment: Environment, cache: FrameCache) -> None:
    """Make `FRAMED_PAGE` available to `TEMPLATE`, rendering from `cache`."""

    @pass_context
    def framed_page(context: Context) -> str:
        return Markup(cache.page(environment, context.get_all()))

    environment.globals[FRAMED_PAGE] = framed_page
