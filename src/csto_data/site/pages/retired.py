"""retired_ids -> a page at every retired id's old address, so no published link breaks.

An id merged or renamed into another gets a redirect: a plain HTML file
with a meta refresh and a visible link, which any static host and any site
engine serves as is. A withdrawn id gets a short themed page saying when and
why. Retired ids of tables without pages (memberships, positions) need none.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from csto_data.dates import parse_optional
from csto_data.model import Row
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import ENTITY_PAGES, entity_page, page_url, relative_url
from csto_data.site.settings import SITE_URL

REDIRECT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>This entry ({table} <code>{old}</code>) was merged or renamed into
<a href="{href}">{title}</a> on {day}: {reason}</p>
</body>
</html>
"""


def build(site: SiteContext) -> Iterator[Page]:
    for row in site.data.tables.get("retired_ids", []):
        if row["table"] not in ENTITY_PAGES:
            continue
        if row["replaced_by"]:
            yield redirect_page(site, row)
        else:
            yield markdown_page(
                site,
                entity_page(row["table"], row["id"]),
                "pages/withdrawn.md.j2",
                "retired_ids",
                searchable=False,
                retired=row,
            )


def redirect_page(site: SiteContext, row: Row) -> Page:
    """The HTML file at the old address (`events/<old>/index.html`) that sends the reader on."""
    old_page, new_page = entity_page(row["table"], row["id"]), entity_page(row["table"], row["replaced_by"])
    target = site.data.get(row["table"], row["replaced_by"]) or {}
    title = target.get("title") or target.get("name") or row["replaced_by"]
    day = parse_optional(row["retired"])
    html = REDIRECT.format(
        title=escape(title),
        canonical=escape(SITE_URL + page_url(new_page)),
        href=escape(relative_url(old_page, new_page)),
        table=escape(row["table"]),
        old=escape(row["id"]),
        day=escape(day.human() if day else row["retired"]),
        reason=escape(row["reason"]),
    )
    return Page(page_url(old_page) + "index.html", html)
