"""The live preview (`make serve`): a saved edit shows on the served page; a bad edit keeps the last good site.

Runs the real `mkdocs serve --dirty` on a copy of the minimal fixture
package and reads the pages over HTTP, as a contributor's browser would.
"""

from __future__ import annotations

import time
from pathlib import Path

from csto_data.bench.preview import edit_summary, fetch, preview_server, wait_for

SUMMARY = "A joint exercise of the Central Asian forces."
TIMEOUT_S = 120.0


def wait_for_log(log: Path, text: str, timeout_s: float = TIMEOUT_S) -> str:
    """The server's output once it contains `text`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        output = log.read_text(encoding="utf-8")
        if text in output:
            return output
        time.sleep(0.2)
    raise AssertionError(f"the server never printed {text!r}; its output:\n{log.read_text(encoding='utf-8')[-3000:]}")


def test_a_good_edit_changes_the_page_and_a_bad_one_keeps_the_last_good_site(package_dir: Path, tmp_path: Path) -> None:
    events = package_dir / "data" / "events.csv"
    log = tmp_path / "serve.log"
    with preview_server(package_dir / "datapackage.json", log) as url:
        page = f"{url}events/rubezh-2024/"
        assert SUMMARY in (fetch(page) or "")

        edit_summary(events, SUMMARY, "A joint exercise now corrected.")
        wait_for(page, "A joint exercise now corrected.", TIMEOUT_S)

        edit_summary(events, "2024-10-04", "2024-13-04")  # no 13th month
        output = wait_for_log(log, "The preview still shows the last good site")
        assert "events.csv:2: column 'end': bad-date" in output
        served = fetch(page) or ""
        assert "A joint exercise now corrected." in served
        assert "4 October 2024" in served or "1–4 October 2024" in served

        edit_summary(events, "2024-13-04", "2024-10-05")
        wait_for(page, "1–5 October 2024", TIMEOUT_S)
