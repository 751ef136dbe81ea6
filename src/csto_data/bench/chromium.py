"""Debian's chromium and the flags it runs with here, shared by the browser tests and Lighthouse.

The flags keep a headless chromium from calling home (background networking,
component updates, sync), which a machine with no network answers with
errors; `--no-sandbox` because the tests run as root.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
