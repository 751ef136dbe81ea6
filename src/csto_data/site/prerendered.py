"""Generated pages whose body the generator already wrote as HTML: MkDocs takes it as it is.

Why: Python-Markdown costs about as much per page as a whole hand-written
page, and on a generated page it has nothing to do: the templates write the
HTML (headings with their anchors, tables, lists) themselves. A page whose
front matter says `markup: html` is therefore not converted; its table of
contents and title are read from the headings the template wrote, which have
the form Python-Markdown's `toc` extension gives them. Other engines read the
same file as Markdown, in which HTML passes through unchanged.

Pages without that key (the home, data and coverage pages, hand-written
pages) go through Python-Markdown as usual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import unescape
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from csto_data.site.raw_blocks import ELEMENT_ID

MARKUP_KEY = "markup"
HTML_MARKUP = "html"
HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)<a class="headerlink"', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def is_html(meta: Mapping[str, Any]) -> bool:
    """Whether a page's front matter says its body is HTML already."""
    return meta.get(MARKUP_KEY) == HTML_MARKUP


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """The headings of `html` nested by level, as Python-Markdown's `toc` extension lists them."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, anchor, inner in HEADING.findall(html):
        name = TAG.sub("", inner).strip()
        token = {"level": int(level), "id": anchor, "name": name, "html": inner, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


class PrerenderedPage(Page):
    """A generated page: its HTML body is used as it is when its front matter says `markup: html`."""

    def render(self, config: Any, files: Files) -> None:
        if not is_html(self.meta):
            super().render(config, files)
            return
        assert self.markdown is not None
        self.content = self.markdown
        tokens = toc_tokens(self.content)
        self.toc = get_toc(tokens)  # type: ignore[arg-type]
        first = tokens[0] if tokens else None
        self._title_from_render = unescape(first["name"]) if first and first["level"] == 1 else None
        self.present_anchor_ids = set(ELEMENT_ID.findall(self.content))
