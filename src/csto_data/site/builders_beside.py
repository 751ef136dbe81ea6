"""Run some page builders in a forked child while the caller runs the others.

Why: at 1,000 events the event pages are half of the generation and the
member, place, body, series and source pages the other half. On two cores a
child makes the second half while the parent makes the first; the pages come
back pickled (a few megabytes, a hundredth of a second) and are put back in
the registry's order, so the result is the same as one process would make.
The builders it runs never ask for the downloads (the child gets a site
without them). Where forking is unsafe, the builders run in the caller when
their pages are asked for.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator

from csto_data.forking import ChildResult, can_fork
from csto_data.site.page import Page, SiteContext

PageBuilder = Callable[[SiteContext], Iterator[Page]]
Built = dict[str, list[Page]]


def _build(builders: dict[str, PageBuilder], site: SiteContext) -> Built:
    return {name: list(build(site)) for name, build in builders.items()}


def _build_in_child(builders: dict[str, PageBuilder], site: SiteContext) -> Built | str:
    try:
        return _build(builders, site)
    except Exception:
        return traceback.format_exc()  # a traceback pickles where an exception may not


class BuildersBeside:
    """The pages of `builders`, being made now in a child process when possible; `pages()` waits for them."""

    def __init__(self, builders: dict[str, PageBuilder], site: SiteContext) -> None:
        self._builders = builders
        self._site = site
        self._child: ChildResult[Built | str] | None = None
        if can_fork() and builders:
            context = multiprocessing.get_context("fork")
            self._child = ChildResult("page builders'", context, _build_in_child, builders, site)

    def pages(self) -> Built:
        """Each builder's pages, by the builder's name."""
        if self._child is None:
            return _build(self._builders, self._site)
        child, self._child = self._child, None
        result = child.get()
        if isinstance(result, str):
            raise RuntimeError(f"a page builder failed in the child process:\n{result}")
        return result

    def abandon(self) -> None:
        """Stop the child: the caller failed, and will not read the pages (the child would wait to send them)."""
        if self._child is not None:
            self._child.stop()
            self._child = None
