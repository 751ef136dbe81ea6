"""Create the site's folders and write its static generated files in a child process, beside the rendering.

Why: with directory URLs every page is a folder of its own (`events/x/index.html`),
and every old source address keeps a redirect file in a folder of its own
(`redirects`). A 1,000-event site has 2,500 folders, where a hand-written site of
the same events has 1,000, and on the project's build machine creating a folder
costs about half a millisecond of kernel time. MkDocs creates each folder just
before it writes the page, one after the other. A child process forked once the
files are known creates them all, in the order MkDocs will write the pages, and
writes the files MkDocs would only copy (the redirects, the member maps), while
MkDocs reads and renders; the parent then finds the folders there. Nothing links
to those files from Markdown, so MkDocs need not know them.

The build waits for the child before it ends (`wait`), and fails if the child
did; a build that fails stops it first, so nothing writes into a site that is
being thrown away. Where forking is unsafe (`forking.can_fork`) everything is
written in the process itself, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from csto_data.forking import can_fork, die_with_parent

StaticFile = tuple[Path, bytes]
"""A file to write: its path in the site, and its bytes."""


def _write(folders: list[Path], files: list[StaticFile]) -> None:
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    for path, content in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _write_when_told(parent: int, receiver: Connection, sender: Connection) -> None:
    die_with_parent(parent)
    sender.close()  # the parent's end, copied by the fork
    job = receiver.recv()
    if job is not None:  # None: the build had nothing to write
        _write(*job)


class WrittenBeside:
    """A writer of folders and files (a child process when possible): `write()` them, then `wait()`.

    The child is forked when the writer is made, at the start of a build:
    the process is small then and has forked its other children at about
    the same time, so the fork costs little; forked later, with the pages in
    memory, it cost the parent a third of a second.
    """

    def __init__(self) -> None:
        self._child: multiprocessing.process.BaseProcess | None = None
        self._sender: Connection | None = None
        self._sent = False
        if can_fork():
            context = multiprocessing.get_context("fork")
            receiver, self._sender = context.Pipe(duplex=False)
            self._child = context.Process(
                target=_write_when_told, args=(os.getpid(), receiver, self._sender), daemon=True
            )
            self._child.start()
            receiver.close()

    def write(self, folders: Iterable[Path], files: Iterable[StaticFile]) -> None:
        """Create `folders` (in this order, once each) and write `files`, beside whatever the caller does next.

        Once per build: the child writes one batch and ends.
        """
        job = (list(dict.fromkeys(folders)), list(files))
        if self._sender is None:
            _write(*job)
            return
        self._sender.send(job)
        self._sent = True

    def wait(self) -> None:
        """Return when everything is written; raises if the child failed."""
        if self._child is None or self._sender is None:
            return
        if not self._sent:
            # Said, not left to the pipe's end: children forked later hold copies of that end.
            self._sender.send(None)
        self._sender.close()
        self._child.join()
        code, self._child, self._sender = self._child.exitcode, None, None
        if code != 0:
            raise RuntimeError(f"writing the site's folders and static files failed (exit code {code}); see above")

    def stop(self) -> None:
        """Stop writing: the build failed, and its site is thrown away."""
        if self._child is not None and self._sender is not None:
            self._child.terminate()
            self._child.join()
            self._sender.close()
            self._child, self._sender = None, None
