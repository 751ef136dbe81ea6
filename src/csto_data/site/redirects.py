"""Small HTML pages that keep an old address answering: they send the reader on to the new one.

Written as finished `.html` files rather than Markdown, so MkDocs copies
them as they are (no page rendering, no theme) and any other engine serves
them the same way. The refresh works without script; the link is there for
readers and crawlers that do not follow it.
"""

from __future__ import annotations

from csto_data.site.escaping import escape_attribute
from csto_data.site.page import Page
from csto_data.site.paths import page_url, relative_url
from csto_data.site.settings import SITE_URL

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>{note}This page has moved to <a href="{href}">{link_text}</a>.</p>
</body>
</html>
"""


def redirect_page(old_page: str, new_page: str, anchor: str = "", title: str = "", note: str = "") -> Page:
    """The file answering at the address `old_page` had, pointing to `new_page` (and `#anchor` on it).

    `title` (the new page's name, else its address is shown) and `note` (why it moved) are
    plain text, escaped here.

    >>> page = redirect_page("sources/tass-1.md", "sources/2025/index.md", "tass-1")
    >>> page.path
    'sources/tass-1/index.html'
    >>> 'url=../2025/#tass-1"' in page.content
    True
    """
    fragment = f"#{anchor}" if anchor else ""
    href = relative_url(old_page, new_page) + fragment
    canonical = SITE_URL + page_url(new_page) + fragment
    content = TEMPLATE.format(
        href=escape_attribute(href),
        canonical=escape_attribute(canonical),
        title=escape_attribute(f"Moved: {title}" if title else f"Moved to {canonical}"),
        link_text=escape_attribute(title or canonical),
        note=escape_attribute(f"{note} ") if note else "",
    )
    return Page(page_url(old_page) + "index.html", content)
