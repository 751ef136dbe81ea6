"""Live preview (`make serve`): regenerate on every save, keep the last good site on a bad edit.

Why: a contributor fixes a date in `events.csv` and expects the open page to
change within seconds, and a typo must not kill the server. So, only while
`mkdocs serve` runs (the MkDocs hook in `scripts/mkdocs_hooks.py` starts a
session; `make site` and CI never do, and fail on bad data):

- a package that does not validate, or a generator that raises, prints the
  validator's positioned problems (or the error) and hands MkDocs the pages
  of the last good run, so the served site stays as it was;
- the pages are kept as files in a folder of the session's own, and only a
  page whose text changed is written again, so `mkdocs serve --dirty`
  renders only the pages an edit touched (and no time goes into writing
  two thousand unchanged files to a fresh folder, as gen-files would);
- when a Python file of the generator changed, its modules are imported
  afresh, so a change to the generator shows without a restart (templates
  are reloaded by Jinja itself);
- the validation and the downloads run in child processes from a fork
  server while the pages are generated (`forking`), as in a build.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from csto_data.forking import start_fork_server

if TYPE_CHECKING:  # only for annotations: this module must not hold on to modules it may reload
    from csto_data.site.page import Page

PACKAGE_DIR = Path(__file__).resolve().parents[1]
"""`src/csto_data`: the generator's code, watched for changes."""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class PreviewSession:
    """What one `mkdocs serve` remembers between rebuilds."""

    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="csto-preview-")))
    report: Callable[[str], None] = _stderr
    last_good: list[Page] | None = None
    digests: dict[str, str] = field(default_factory=dict)
    code_stamp: tuple[tuple[str, int], ...] = ()

    def refresh(self, descriptor: Path) -> list[Page]:
        """The pages to serve now (the last good ones if this run fails), written to `folder` if changed."""
        self._reload_changed_code()
        try:
            generate = importlib.import_module("csto_data.site.generate")
            pages: list[Page] = generate.generate_from_descriptor(descriptor)
        except Exception as error:  # any failure caused by an edit must keep the site served
            if self.last_good is None:
                raise
            self.report(f"{error}\nThe preview still shows the last good site; fix the problem above and save.")
            pages = self.last_good
        else:
            if self.last_good is not None:
                self.report(f"Preview regenerated from {descriptor}.")
            self.last_good = pages
        self._write(pages)
        return pages

    def _write(self, pages: list[Page]) -> None:
        """Bring `folder` to exactly `pages`, touching only files whose content changed."""
        digests = {page.path: _digest(page.content) for page in pages}
        for page in pages:
            if self.digests.get(page.path) != digests[page.path]:
                target = self.folder / page.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(page.content if isinstance(page.content, bytes) else page.content.encode("utf-8"))
        for gone in set(self.digests) - set(digests):
            (self.folder / gone).unlink(missing_ok=True)
        self.digests = digests

    def _reload_changed_code(self) -> None:
        """Forget the generator's modules when one of its files changed, so the next import reads them anew."""
        stamp = tuple((str(path), path.stat().st_mtime_ns) for path in sorted(PACKAGE_DIR.rglob("*.py")))
        if self.code_stamp and stamp != self.code_stamp:
            for name in [name for name in sys.modules if name.startswith("csto_data.") and name != __name__]:
                del sys.modules[name]
        self.code_stamp = stamp

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_running: dict[str, PreviewSession] = {}


def start(serving: bool) -> None:
    """Called once per MkDocs command: a session for `serve`, none for `build` (which must fail on bad data).

    A session starts the fork server too: under `serve` the validation and
    the downloads of each refresh run in children from it (`forking`).
    """
    stop()
    if serving:
        _running["session"] = PreviewSession()
        start_fork_server()


def stop() -> None:
    """End the session, if any, and remove its folder."""
    running = _running.pop("session", None)
    if running is not None:
        running.close()


def session() -> PreviewSession | None:
    """The running preview session, or None when building for real."""
    return _running.get("session")
