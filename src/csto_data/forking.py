"""How work is handed to a child process (downloads, validation): forked where safe, else from a fork server.

Forking copies the parent's memory, so a child starts with the data already
read and nothing is pickled on the way in. It is safe only where fork exists
and no other thread runs (a forked thread's locks stay held in the child), so
not under `mkdocs serve`, whose file watcher and server are threads. There,
multiprocessing's fork server takes over: a single-threaded process started
once, which forks each child from itself, with the heavy libraries the
children use imported once (`PRELOAD`). The child's data is then pickled
(a few milliseconds for the real package), and the preview validates and
exports on the second core while it regenerates the pages, instead of one
after the other (`preview`). The project's own modules are not preloaded: a
child imports them afresh, so the preview's reload of edited code
(`preview.PreviewSession`) reaches the children too. A child of the fork
server would inherit the server's environment and working folder, not the
caller's; `as_caller` gives it the caller's (`SOURCE_DATE_EPOCH` stamps the
downloads).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.context import ForkContext, ForkServerContext
from pathlib import Path
from typing import Any, TypeVar

Result = TypeVar("Result")

PRELOAD = ("pandas", "pyarrow.parquet", "xlsxwriter", "icalendar", "feedgen.feed", "frictionless", "yaml")
"""The libraries of the downloads and the validation: imported once by the fork server, not by every child."""


def can_fork() -> bool:
    """Whether a child may be forked from this process now."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def child_context() -> ForkContext | ForkServerContext | None:
    """How to start a child process now: by fork where safe, else from the fork server, else None (no child)."""
    if can_fork():
        return multiprocessing.get_context("fork")
    return _fork_server()


def start_fork_server() -> None:
    """Start the fork server now, so that the first child need not wait while it imports `PRELOAD`."""
    if _fork_server() is not None:
        forkserver.ensure_running()


def _fork_server() -> ForkServerContext | None:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    return context


@dataclass(frozen=True)
class Caller:
    """The environment and working folder of the process that hands work to a child."""

    environment: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    folder: Path = field(default_factory=Path.cwd)


def as_caller(caller: Caller, function: Callable[..., Result], *args: Any) -> Result:
    """Run `function(*args)` in a child with the environment and working folder of `caller` (the child's target)."""
    os.environ.clear()
    os.environ.update(caller.environment)
    os.chdir(caller.folder)
    return function(*args)
