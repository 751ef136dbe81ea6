"""Preview latency: seconds from saving a one-row edit of `events.csv` to the served page showing it.

Why: `make serve` promises a contributor that a saved fix shows in the
browser within about 3 seconds. This runs `mkdocs serve --dirty` (what
`make serve` runs) on a copy of the real package, appends a word to one
event's summary, and polls the event's page until the word appears, a few
times in a row. Not a test gate; the test of the serve loop
(`tests/test_preview.py`) checks behaviour, not time.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from csto_data.paths import DESCRIPTOR_PATH, REPO_ROOT
from csto_data.site.settings import SITE_URL

HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 600.0
EDIT_TIMEOUT_S = 120.0
POLL_S = 0.05


def free_port() -> int:
    """A port the OS reports free now (MkDocs' server needs a fixed number, not 0)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout_s: float) -> float:
    """Poll `url` until its page contains `text`; seconds waited (TimeoutError after `timeout_s`)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(POLL_S)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout_s:.0f} s")


@contextmanager
def preview_server(descriptor: Path, log_path: Path) -> Iterator[str]:
    """`mkdocs serve --dirty` of the package at `descriptor`, its output in `log_path`; yields the base URL."""
    port = free_port()
    env = {**os.environ, "CSTO_DESCRIPTOR": str(descriptor), "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"{HOST}:{port}"]
    command += ["-f", str(REPO_ROOT / "mkdocs.yml")]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT)
        try:
            # MkDocs serves the site under the path of `site_url` (/csto-open-data/).
            url = f"http://{HOST}:{port}{urlsplit(SITE_URL).path}"
            wait_for(url, "<html", STARTUP_TIMEOUT_S)
            yield url
        finally:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs shuts down and the session removes its folder
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def edit_summary(events_csv: Path, summary: str, new_summary: str) -> None:
    """Replace one event's summary in place (the CSV stays canonical: same quoting, same order)."""
    text = events_csv.read_text(encoding="utf-8")
    if text.count(summary) != 1:
        raise ValueError(f"the summary {summary!r} does not occur exactly once in {events_csv}")
    events_csv.write_text(text.replace(summary, new_summary), encoding="utf-8")


def measure_preview(edits: int = 3, source: Path = DESCRIPTOR_PATH) -> list[float]:
    """Seconds from each save to the page showing the edit, on a copy of the package at `source`."""
    with tempfile.TemporaryDirectory(prefix="csto-preview-") as scratch:
        package = Path(scratch) / "datapackage"
        shutil.copytree(source.parent, package)
        descriptor = package / source.name
        events_csv = package / "data" / "events.csv"
        event = first_event(events_csv)
        latencies = []
        with preview_server(descriptor, Path(scratch) / "serve.log") as url:
            page = f"{url}events/{event['id']}/"
            summary = event["summary"]
            for number in range(1, edits + 1):
                marker = f"Previewedit{number}"
                edit_summary(events_csv, summary, f"{summary} {marker}")
                summary = f"{summary} {marker}"
                latencies.append(wait_for(page, marker, EDIT_TIMEOUT_S))
                time.sleep(1)  # let the server settle, so each edit is timed on its own
        return latencies


def first_event(events_csv: Path) -> dict[str, str]:
    """The first event whose summary is a plain sentence that occurs once in the file."""
    import csv

    text = events_csv.read_text(encoding="utf-8")
    with events_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["summary"] and text.count(row["summary"]) == 1:
                return row
    raise ValueError(f"no event in {events_csv} has a summary to edit")


def format_latencies(latencies: list[float]) -> str:
    """The lines `scripts/bench.py preview` prints, with the 3-second target."""
    median = statistics.median(latencies)
    verdict = "PASS" if median <= 3.0 else "FAIL"
    each = ", ".join(f"{value:.1f}" for value in latencies)
    return f"preview latency s (save -> page shows the edit): {each}\n{verdict}  median {median:.1f} s (target <= 3)"
