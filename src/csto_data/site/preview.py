"""Live preview (`make serve`): regenerate on every save, keep the last good site on a bad edit.

Why: a contributor fixes a date in `events.csv` and expects the open page to
change within seconds, and a typo must not kill the server. So, only while
`mkdocs serve` runs (the MkDocs hook in `scripts/mkdocs_hooks.py` starts a
session; `make site` and CI never do, and fail on bad data):

- a package that does not validate, or a generator that raises, prints the
  validator's positioned problems (or the error) and hands MkDocs the pages
  of the last good run, so the served site stays as it was;
- pages whose text did not change since the previous run are reported, so
  the gen-files script can mark them old and `mkdocs serve --dirty` renders
  only the pages an edit touched;
- when a Python file of the generator changed, its modules are imported
  afresh, so a change to the generator shows without a restart (templates
  are reloaded by Jinja itself).
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: this module must not hold on to modules it may reload
    from csto_data.site.page import Page

PACKAGE_DIR = Path(__file__).resolve().parents[1]
"""`src/csto_data`: the generator's code, watched for changes."""


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class PreviewSession:
    """What one `mkdocs serve` remembers between rebuilds."""

    report: Callable[[str], None] = _stderr
    last_good: list[Page] | None = None
    digests: dict[str, str] = field(default_factory=dict)
    code_stamp: tuple[tuple[str, int], ...] = ()

    def refresh(self, descriptor: Path) -> tuple[list[Page], set[str]]:
        """The pages to serve now, and the paths whose content is the same as in the previous run."""
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
        digests = {page.path: _digest(page.content) for page in pages}
        unchanged = {path for path, digest in digests.items() if self.digests.get(path) == digest}
        self.digests = digests
        return pages, unchanged

    def _reload_changed_code(self) -> None:
        """Forget the generator's modules when one of its files changed, so the next import reads them anew."""
        stamp = tuple((str(path), path.stat().st_mtime_ns) for path in sorted(PACKAGE_DIR.rglob("*.py")))
        if self.code_stamp and stamp != self.code_stamp:
            for name in [name for name in sys.modules if name.startswith("csto_data.") and name != __name__]:
                del sys.modules[name]
        self.code_stamp = stamp


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_running: dict[str, PreviewSession] = {}


def start(serving: bool) -> None:
    """Called once per MkDocs command: a session for `serve`, none for `build` (which must fail on bad data)."""
    _running.clear()
    if serving:
        _running["session"] = PreviewSession()


def session() -> PreviewSession | None:
    """The running preview session, or None when building for real."""
    return _running.get("session")
