"""Build the whole site with MkDocs into a folder, atomically.

The site is built into a scratch folder under `.build/` beside the target
(ignored by git), checked, and only then swapped in (`swap.exchange`): a
failed build (bad data, a broken link under --strict, unsafe content) and an
interrupted one (SIGTERM, SIGHUP, Ctrl-C) leave the previous site whole, no
half-written one and no scratch folder. A scratch folder that a harder kill
left behind is removed by the next build.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from csto_data.paths import REPO_ROOT
from csto_data.site.safety import unsafe_content
from csto_data.site.swap import exchange


class UnsafeSiteError(Exception):
    """The built HTML contains active content that did not come from the theme."""


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` into `site_dir`, with the plugin start-up and shut-down the CLI runs."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


SCRATCH_FOLDER = ".build"


def build_site(target: Path, config_file: Path = REPO_ROOT / "mkdocs.yml") -> None:
    """Build with --strict into a scratch folder, check it, then put it in the place of `target`."""
    target = target.resolve()
    scratch_root = target.parent / SCRATCH_FOLDER
    scratch_root.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(scratch_root)
    with signals_end_the_build():
        scratch: Path | None = None
        try:
            with signals_deferred():
                scratch = Path(tempfile.mkdtemp(dir=scratch_root, prefix=f"site-{os.getpid()}-"))
            built = scratch / "site"
            mkdocs_build(config_file, built)
            findings = unsafe_content(built)
            if findings:
                raise UnsafeSiteError("unsafe content in generated pages:\n" + "\n".join(findings[:20]))
            with signals_deferred():
                exchange(built, target, scratch / "previous")
        finally:
            with signals_deferred():  # a signal now would leave the scratch folder half removed
                _end_children()
                if scratch is not None:
                    shutil.rmtree(scratch, ignore_errors=True)


ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGTERM, SIGHUP and SIGINT back for the block: they are delivered, and end the build, after it.

    Why: creating, swapping in and removing the scratch folder must not be cut
    in the middle (a kill there left a half-removed scratch folder behind).
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def signals_end_the_build() -> Iterator[None]:
    """SIGTERM and SIGHUP end the build as Ctrl-C does, through every `finally` (scratch removed, children ended).

    Their default action kills the process at once, leaving the scratch folder
    and the build's child processes behind.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    for number in previous:
        signal.signal(number, _end_the_build)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _end_children() -> None:
    """End the build's child processes that are still running (an interrupted or failed build).

    They write into the scratch folder: left running, a child would create it
    again after it was removed.
    """
    for child in multiprocessing.active_children():
        child.terminate()
        child.join()


def _end_the_build(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def _remove_abandoned(scratch_root: Path) -> None:
    """Remove scratch folders of builds whose process is gone (killed too hard to clean up)."""
    for folder in scratch_root.glob("site-*-*"):
        pid = folder.name.split("-")[1]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
