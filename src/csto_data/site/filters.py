"""Jinja filters: all formatting of values for pages happens here, not in templates."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markdown.extensions.toc import slugify, strip_tags, unique  # type: ignore[import-untyped]
from markupsafe import Markup

from csto_data.dates import human_range, parse_optional
from csto_data.site.escaping import escape_attribute, escape_text
from csto_data.site.paths import entity_page, relative_url

Row = dict[str, str]
# Characters that could end an HTML attribute or open a tag where the theme prints the description.
META_UNSAFE = str.maketrans(dict.fromkeys('<>"&`', " "))
# What the abbreviation tooltips skip: tags (their attributes), code and abbreviations already marked.
NOT_TEXT = re.compile(r"(<code>.*?</code>|<abbr\b.*?</abbr>|<[^>]*>)", re.DOTALL)
QUALIFIERS = {"exact": "", "about": "about ", "more-than": "more than ", "up-to": "up to "}


def period(row: Row, start: str = "start", end: str = "end") -> str:
    """A row's dates as a reader says them, each at its own precision.

    >>> period({"start": "2025-09", "end": ""})
    'September 2025'
    """
    return human_range(parse_optional(row.get(start, "")), parse_optional(row.get(end, "")))


def human_date(value: str) -> str:
    """One partial date: "17 March 2025", "March 2025", "2025", or "" when empty.

    >>> human_date("2025-03")
    'March 2025'
    """
    parsed = parse_optional(value)
    return parsed.human() if parsed else ""


def label(value: str) -> str:
    """A vocabulary value as words.

    >>> label("command-staff-training")
    'Command-staff training'
    """
    words = value.replace("-", " ")
    if value == "command-staff-training":
        words = "command-staff training"
    return words[:1].upper() + words[1:]


def figure(value: str, qualifier: str = "exact") -> str:
    """A sourced count with the source's hedge.

    >>> figure("5000", "more-than")
    'more than 5,000'
    """
    return QUALIFIERS.get(qualifier or "exact", "") + f"{int(value):,}" if value else ""


@pass_context
def link(context: Context, table: str, key: str, text: str = "") -> Markup:
    """A link from the page being rendered to an entity's page."""
    return _anchor(relative_url(context["page_path"], entity_page(table, key)), text or key)


@pass_context
def source_link(context: Context, source_id: str, text: str, element_id: str = "") -> Markup:
    """A link to a source's entry (anchor = its id) on the shared page that lists it.

    `element_id` makes the link itself the target of a page's citation marks
    (`#source-1`), so a page's source list needs no empty element per source.
    """
    target = context["source_page_of"][source_id]
    page = "" if target == context["page_path"] else relative_url(context["page_path"], target)
    return _anchor(f"{page}#{source_id}", text, element_id=element_id)


@pass_context
def page_link(context: Context, path: str, text: str, css: str = "") -> Markup:
    """A link to any generated page or file, by its docs-relative path (`css`: e.g. "md-button")."""
    return _anchor(relative_url(context["page_path"], path), text, css)


@pass_context
def url(context: Context, path: str) -> Markup:
    """The href of a generated page or file, for hand-written HTML (the map, the timeline)."""
    return escape_attribute(relative_url(context["page_path"], path))


def external(text: str, url: str, css: str = "") -> Markup:
    """A link out of the site; the validator allows only http(s) addresses here."""
    if not url.startswith(("http://", "https://")):
        return escape_text(text)
    return _anchor(url, text, css)


def _anchor(href: str, text: str, css: str = "", element_id: str = "") -> Markup:
    """An HTML link: valid both in Markdown paragraphs and in raw HTML blocks such as tables."""
    css_attribute = f' class="{escape_attribute(css)}"' if css else ""
    id_attribute = f' id="{escape_attribute(element_id)}"' if element_id else ""
    return Markup(f'<a{id_attribute}{css_attribute} href="{escape_attribute(href)}">{escape_text(text)}</a>')


def meta_text(value: str, limit: int = 155) -> Markup:
    """Plain text for a front-matter value (page title, description), quoted as YAML.

    >>> str(meta_text('Say "hi" <b>'))
    '"Say hi b"'
    """
    text = " ".join(html.unescape(str(value)).translate(META_UNSAFE).split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return Markup(json.dumps(text, ensure_ascii=False))


def yaml_string(value: str) -> Markup:
    """Any text as one double-quoted YAML scalar (JSON string syntax is valid YAML).

    >>> print(yaml_string('say "hi"'))
    "say \\"hi\\""
    """
    return Markup(json.dumps(str(value), ensure_ascii=False))


@dataclass
class HeadingIds:
    """The heading ids used so far on the page being rendered, kept as Python-Markdown's `toc` keeps them."""

    used: set[str] = field(default_factory=set)
    counters: dict[str, int] = field(default_factory=dict)

    def new(self, inner_html: str) -> str:
        """The id of a heading with this content: slugified, and unique on the page (`_1`, `_2`, ...)."""
        return str(unique(slugify(html.unescape(strip_tags(inner_html)), "-"), self.used, self.counters))


@cache
def _abbreviation_marker(abbreviations: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern and `<abbr>` elements of Python-Markdown's `abbr` extension for these definitions."""
    names = sorted((name for name, _ in abbreviations), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b" if names else r"(?!)")
    elements = {name: f'<abbr title="{escape_text(expansion)}">{name}</abbr>' for name, expansion in abbreviations}
    return pattern, elements


@pass_context
def abbr(context: Context, value: object) -> Markup:
    """`value` (escaped) with the first use on the page of each abbreviation marked with its tooltip.

    On an HTML page this marks what the `abbr` extension marked where the
    page was Markdown (headings, paragraphs, list items, link text), and only
    there: tables and other HTML blocks never had tooltips. Only the first
    use is marked, as a style guide expands an abbreviation once: the
    extension marked every one, a tenth of a member page's bytes spent on
    the same expansion.
    """
    pattern, elements = _abbreviation_marker(context["abbreviations"])
    marked: set[str] = context["abbreviations_marked"]

    def mark(match: re.Match[str]) -> str:
        name = match.group(0)
        if name in marked:
            return name
        marked.add(name)
        return elements[name]

    parts = NOT_TEXT.split(escape_text(value))
    for index in range(0, len(parts), 2):
        parts[index] = pattern.sub(mark, parts[index])
    return Markup("".join(parts))


@pass_context
def paragraph(context: Context, value: object) -> Markup:
    """Lines of text as Python-Markdown makes a paragraph of them: nothing when they are blank.

    For `{% filter paragraph %}` around lines whose optional parts may all be empty.
    """
    text = escape_text(value).strip()
    return Markup("<p>") + abbr(context, text) + Markup("</p>") if text else Markup("")


@pass_context
def heading(context: Context, value: object, level: int, search_exclude: bool = False) -> Markup:
    """A heading as Python-Markdown writes `## Text { data-search-exclude }` (toc with permalink, abbr)."""
    inner = abbr(context, value)
    anchor = context["heading_ids"].new(inner)
    exclude = " data-search-exclude" if search_exclude else ""
    permalink = f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a>'
    return Markup(f'<h{level}{exclude} id="{anchor}">{inner}{permalink}</h{level}>')


FILTERS: dict[str, Callable[..., Any]] = {
    "period": period,
    "human_date": human_date,
    "label": label,
    "figure": figure,
    "link": link,
    "page_link": page_link,
    "source_link": source_link,
    "url": url,
    "external": external,
    "meta_text": meta_text,
    "yaml_string": yaml_string,
    "abbr": abbr,
    "paragraph": paragraph,
    "heading": heading,
}
