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

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkServerContext
from pathlib import Path
from typing import Any, Generic, TypeVar

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


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """In a child: be killed when the parent dies, even by SIGKILL (Linux `prctl`), so no child outlives a build.

    A parent killed outright runs no cleanup; its children, waiting on a pipe
    or writing a site nobody will publish, would otherwise run on. If the
    parent is already gone when this runs, the child ends at once. `parent`
    is None for a child of the fork server (`serve`), whose parent is the
    server: it then dies with the server.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _send_result(parent: int | None, sender: Connection, function: Callable[..., Any], *args: Any) -> None:
    die_with_parent(parent)
    sender.send(function(*args))
    sender.close()


def _parent_pid(context: ForkContext | ForkServerContext) -> int | None:
    """This process's id for a child it forks itself; None for one the fork server forks."""
    return os.getpid() if context.get_start_method() == "fork" else None


class ChildResult(Generic[Result]):
    """`function(*args)` running in a child process started from `context`; `get()` waits for its return value.

    The value comes back pickled through a pipe. A child that dies without
    sending one (an exception, a kill) makes `get()` raise, naming `what`.
    """

    def __init__(
        self, what: str, context: ForkContext | ForkServerContext, function: Callable[..., Result], *args: Any
    ) -> None:
        self._what = what
        self._receiver, sender = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_send_result, args=(_parent_pid(context), sender, function, *args), daemon=True
        )
        self._child.start()
        sender.close()

    def get(self) -> Result:
        """The child's return value, once (the child is then gone)."""
        try:
            result: Result = self._receiver.recv()
        except EOFError as error:
            raise RuntimeError(f"the {self._what} process ended without its result") from error
        except BaseException:  # interrupted (SIGTERM, Ctrl-C): a child left to send its result would never end
            self._child.terminate()
            raise
        finally:
            self._child.join()
            self._receiver.close()
        return result

    def stop(self) -> None:
        """End the child without its result (a child with a large result waits until it is read)."""
        self._child.terminate()
        self._child.join()
        self._receiver.close()
