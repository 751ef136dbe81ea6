"""Serve a built site folder over HTTP on 127.0.0.1, in a background thread.

A browser must load the site over HTTP, not from `file://`: Material's search
runs in a web worker that fetches `search/search_index.json`, which browsers
refuse from disk. Binding to port 0 lets the OS pick a free port, so parallel
runs and a developer's `mkdocs serve` on 8000 never collide.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not print one line per request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: a page load makes dozens and they drown test output."""


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve `root` until the block ends; yields the base URL, ending in "/"."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
