"""A last check on the built HTML: no script, event handler or `javascript:` from the data.

The escaping in `escaping.py` should make this check redundant; it exists so
that a future template mistake fails the build instead of shipping. The
theme's own scripts live outside the `<article>` element, so only the page
content (where data is rendered) and the `<title>` are inspected, plus the
schema.org JSON-LD blocks of the head, which must parse as JSON: a value
that managed to close its `<script>` element would leave a broken block.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
HANDLER_HINT = re.compile(r"\son[a-z]+\s*=")
"""Any `on...=` after white space: cheap to look for; where found, `HANDLER` decides."""
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=")


def _between(html: str, start: str, end: str) -> str:
    """From the first `start` to the first `end` after it, both included ("" if either is missing)."""
    first = html.find(start)
    last = html.find(end, first) if first >= 0 else -1
    return html[first : last + len(end)] if last >= 0 else ""


def _forbidden(inspected: str) -> list[str]:
    """What active content `inspected` (lower case) carries."""
    found = []
    if "<script" in inspected and re.search(r"<script\b", inspected):
        found.append("a <script> element")
    if HANDLER_HINT.search(inspected) and HANDLER.search(inspected):
        found.append("an on* event-handler attribute")
    if "javascript:" in inspected:
        found.append("a javascript: URL")
    return found


def unsafe_content(site_dir: Path) -> list[str]:
    """'<page>: <what>' for every generated page that carries active content.

    Plain string searches on the lower-cased article and title, so that the
    check stays a small part of a build of ten thousand pages.
    """
    findings = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        inspected = (_between(html, "<article", "</article>") + _between(html, "<title>", "</title>")).lower()
        findings += [f"{page.relative_to(site_dir)}: {what}" for what in _forbidden(inspected)]
        findings += [
            f"{page.relative_to(site_dir)}: a JSON-LD block that is not valid JSON"
            for block in JSON_LD.findall(html)
            if not _parses(block)
        ]
    return findings


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
