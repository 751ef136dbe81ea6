"""Serve a built site folder over HTTP on 127.0.0.1, in a background thread.

A browser must load the site over HTTP, not from `file://`: Material's search
runs in a web worker that fetches `search/search_index.json`, which browsers
refuse from disk. Binding to port 0 lets the OS pick a free port, so parallel
runs and a developer's `mkdocs serve` on 8000 never collide.

For Lighthouse the server can behave like the production host (GitHub Pages):
text compressed with gzip and a 10-minute cache lifetime. Without that,
Lighthouse's simulated slow network charges every page for the uncompressed
search index, CSS and JavaScript, and the performance score says more about
`http.server` than about the site.
"""

from __future__ import annotations

import functools
import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HOST = "127.0.0.1"
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map"})
CACHE_CONTROL = "max-age=600"
"""What GitHub Pages sends for every file."""


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not print one line per request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: a page load makes dozens and they drown test output."""


class PagesLikeHandler(QuietHandler):
    """Like GitHub Pages: gzip for text files when the client accepts it, and a cache lifetime."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def do_GET(self) -> None:
        """Send text files gzipped; everything else (and redirects, 404s) as the base class does."""
        request_path = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir() and request_path.endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and path.suffix in COMPRESSED_SUFFIXES):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_directory(root: Path, like_github_pages: bool = False) -> Iterator[str]:
    """Serve `root` until the block ends; yields the base URL, ending in "/"."""
    handler_class = PagesLikeHandler if like_github_pages else QuietHandler
    handler = functools.partial(handler_class, directory=str(root))
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
