"""A last check on the built site: no live script, handler, frame, form, refresh or script URL from the data.

The escaping in `escaping.py` (and the changelog's untrusted rendering in
`downloads.changelog_html`) should make this check redundant; it exists so
that a future template mistake fails the build instead of shipping. Each
page is parsed as a browser parses it (Lexbor, an HTML5-conformant parser,
through selectolax: entities in attribute values are decoded, `<img/src=x
/onerror=...>` has its handler), so `&#106;avascript:` is caught and escaped
text that merely mentions `javascript:` or `onclick=` is not refused. It is
also about seven times faster than the standard library's `html.parser`.

What is inspected: the page content (`<article>`, where data is rendered),
the `<title>` and the head's `<meta>` tags (which carry data in their
`content`), and the schema.org JSON-LD blocks, which must parse as JSON (a
value that closed its `<script>` element would leave a broken block). The
theme's own scripts live outside the article and are not data. The SVG
pictures beside the pages are checked whole: they are drawn from the data
and opened as documents.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
FORBIDDEN_ELEMENTS = {
    "script": "a <script> element",
    "iframe": "an <iframe> element",
    "frame": "a <frame> element",
    "frameset": "a <frameset> element",
    "embed": "an <embed> element",
    "form": "a <form> element",
    "base": "a <base> element",
    "foreignobject": "a <foreignObject> element",
}
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset", "background"}
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg")
_IGNORED_IN_SCHEMES = re.compile(r"[\x00-\x20]+")
"""Browsers drop control characters and white space inside a URL's scheme (`java\\tscript:`)."""


def script_url(value: str) -> bool:
    """Whether a URL attribute's value (entities already decoded) would run script.

    >>> script_url("JaVa\\tScRipt:alert(1)"), script_url(" data:text/html,x"), script_url("https://a.org/javascript:")
    (True, True, False)
    """
    compact = _IGNORED_IN_SCHEMES.sub("", value).lower()
    return compact.startswith(SCRIPT_SCHEMES)


def _leaves_the_site(meta: dict[str, str]) -> bool:
    """Whether a `<meta>` is a refresh to anything but a relative address on this site.

    The redirects of former addresses (`redirects.py`) refresh to a relative
    address; a refresh elsewhere, or to a script URL, could only come from data.

    >>> _leaves_the_site({"http-equiv": "refresh", "content": "0; url=../x/"})
    False
    >>> _leaves_the_site({"http-equiv": "Refresh", "content": "0;URL='https://evil.example/'"})
    True
    """
    if (meta.get("http-equiv") or "").lower() != "refresh":
        return False
    target = re.sub(r"^\s*\d*\s*;?\s*(url\s*=\s*)?", "", meta.get("content") or "", flags=re.IGNORECASE).strip("'\" ")
    return not target or target.startswith("//") or ":" in target.split("/", 1)[0]


def active_content(fragment: str) -> list[str]:
    """What active content `fragment` carries (an empty list for inert HTML), each kind once."""
    found: list[str] = []
    root = LexborHTMLParser(fragment).root
    for node in root.traverse() if root is not None else ():
        tag = (node.tag or "").lower()
        kinds = [FORBIDDEN_ELEMENTS[tag]] if tag in FORBIDDEN_ELEMENTS else []
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        if any(name.startswith("on") for name in attributes):
            kinds.append("an on* event-handler attribute")
        if any(name in URL_ATTRIBUTES and script_url(value) for name, value in attributes.items()):
            kinds.append("a script URL")
        if tag == "meta" and _leaves_the_site(attributes):
            kinds.append("a meta refresh")
        found += [kind for kind in kinds if kind not in found]
    return found


def _between(html: str, start: str, end: str) -> str:
    """From the first `start` to the first `end` after it, both included ("" if either is missing)."""
    first = html.find(start)
    last = html.find(end, first) if first >= 0 else -1
    return html[first : last + len(end)] if last >= 0 else ""


def _inspected_part(html: str) -> str:
    """The parts of a page where data is rendered: the article, the title and the head's meta tags."""
    head = _between(html, "<head", "</head>")
    metas = "".join(re.findall(r"<meta\b[^>]*>", head))
    return _between(html, "<article", "</article>") + _between(html, "<title>", "</title>") + metas


def unsafe_content(site_dir: Path) -> list[str]:
    """'<file>: <what>' for every page or picture of the built site that carries active content."""
    findings = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site_dir)
        findings += [f"{name}: {what}" for what in active_content(_inspected_part(html))]
        findings += [
            f"{name}: a JSON-LD block that is not valid JSON" for block in JSON_LD.findall(html) if not _parses(block)
        ]
    for picture in sorted(site_dir.rglob("*.svg")):
        name = picture.relative_to(site_dir)
        findings += [f"{name}: {what}" for what in active_content(picture.read_text(encoding="utf-8"))]
    return findings


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
