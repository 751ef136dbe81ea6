"""Run some page builders in a forked child while the caller runs the others.

Why: at 1,000 events the event pages are half of the generation and the
member, place, body, series and source pages the other half. On two cores a
child makes the second half while the parent makes the first; the pages come
back pickled (a few megabytes, a hundredth of a second) and are put back in
the registry's order, so the result is the same as one process would make.
The child must be forked before the downloads' child starts, which runs a
thread in the parent (`forking.can_fork`); the builders it runs never ask for
the downloads. Where forking is unsafe, the builders run in the caller when
their pages are asked for.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

from csto_data.forking import can_fork
from csto_data.site.page import Page, SiteContext

PageBuilder = Callable[[SiteContext], Iterator[Page]]
Built = dict[str, list[Page]]


def _build(builders: dict[str, PageBuilder], site: SiteContext) -> Built:
    return {name: list(build(site)) for name, build in builders.items()}


def _build_in_child(builders: dict[str, PageBuilder], site: SiteContext, sender: Connection) -> None:
    try:
        result: Built | str = _build(builders, site)
    except Exception:
        result = traceback.format_exc()  # a traceback pickles where an exception may not
    sender.send(result)
    sender.close()


class BuildersBeside:
    """The pages of `builders`, being made now in a child process when possible; `pages()` waits for them."""

    def __init__(self, builders: dict[str, PageBuilder], site: SiteContext) -> None:
        self._builders = builders
        self._site = site
        self._receiver: Connection | None = None
        self._child: multiprocessing.process.BaseProcess | None = None
        if can_fork() and builders:
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._child = context.Process(target=_build_in_child, args=(builders, site, sender), daemon=True)
            self._child.start()
            sender.close()

    def pages(self) -> Built:
        """Each builder's pages, by the builder's name."""
        if self._child is None or self._receiver is None:
            return _build(self._builders, self._site)
        try:
            result: Built | str = self._receiver.recv()
        except EOFError as error:
            raise RuntimeError("the child process building pages ended without them") from error
        finally:
            self._child.join()
            self._receiver.close()
            self._child = self._receiver = None
        if isinstance(result, str):
            raise RuntimeError(f"a page builder failed in the child process:\n{result}")
        return result

    def abandon(self) -> None:
        """Stop the child: the caller failed, and will not read the pages (the child would wait to send them)."""
        if self._child is not None and self._receiver is not None:
            self._child.terminate()
            self._child.join()
            self._receiver.close()
            self._child = self._receiver = None
