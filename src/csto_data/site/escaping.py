"""Escaping of data values for Markdown pages that become HTML.

Decision: every value from a CSV is escaped twice over. HTML-special
characters become entities (so `<script>` shows as text), and the Markdown
punctuation that can start inline syntax anywhere in a line becomes numeric
entities (so `[x](javascript:...)`, `*`, `_`, `` ` `` or `{: onclick=...}` in
a summary stay literal text instead of becoming links, emphasis, code or
attributes). Characters that are syntax only at the start of a line (`#`,
`-`, `+`, `1.`, `>`) are escaped when a value starts with them, because a
value may open a line. Escaping no more than that keeps pages small and
Python-Markdown fast. The Jinja environment applies this to every
`{{ value }}` automatically (see `render.py`); templates never opt out.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_ENTITIES = {character: f"&#{ord(character)};" for character in "&<>\"'\\`*_{}[]()|~^"}
_TABLE = str.maketrans(_ENTITIES)
# Headings, list items, quotes, setext underlines and definitions when at the start of a line.
_LINE_START_SYNTAX = re.compile(r"[#\-+>=:]|\d+[.)]")


def escape_text(value: object) -> Markup:
    """Data value -> Markdown-inert, HTML-safe text.

    >>> str(escape_text("<script>alert(1)</script>"))
    '&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;'
    >>> str(escape_text("[x](javascript:alert(1))")).count("&#91;")
    1
    >>> str(escape_text("- a list? 1. no"))
    '&#45; a list? 1. no'
    >>> str(escape_text("2025. Not an ordered list"))
    '&#50;025. Not an ordered list'
    >>> str(escape_text("13 events"))
    '13 events'
    >>> str(escape_text("Rubezh-2024"))
    'Rubezh-2024'
    """
    if isinstance(value, Markup):
        return value
    text = str(value)
    if _LINE_START_SYNTAX.match(text):
        return Markup(f"&#{ord(text[0])};" + text[1:].translate(_TABLE))
    return Markup(text.translate(_TABLE))


def escape_attribute(value: object) -> Markup:
    """Text for a quoted HTML attribute value, e.g. a link's href (HTML-escaped only)."""
    return escape(str(value))
