"""Jinja filters: all formatting of values for pages happens here, not in templates."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from csto_data.dates import human_range, parse_optional
from csto_data.site.escaping import escape_attribute, escape_text
from csto_data.site.paths import entity_page, relative_url

Row = dict[str, str]
# Characters that could end an HTML attribute or open a tag where the theme prints the description.
META_UNSAFE = str.maketrans(dict.fromkeys('<>"&`', " "))
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
}
