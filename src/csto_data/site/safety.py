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

ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
FORBIDDEN = (
    ("a <script> element", re.compile(r"<script\b", re.IGNORECASE)),
    ("an on* event-handler attribute", re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)),
    ("a javascript: URL", re.compile(r"javascript:", re.IGNORECASE)),
)


def unsafe_content(site_dir: Path) -> list[str]:
    """'<page>: <what>' for every generated page that carries active content."""
    findings = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        inspected = "".join(ARTICLE.findall(html) + TITLE.findall(html))
        findings += [
            f"{page.relative_to(site_dir)}: {what}" for what, pattern in FORBIDDEN if pattern.search(inspected)
        ]
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
