"""The former per-source pages (`sources/<id>/`) -> redirects to the source's entry on its shared page.

Links to those addresses were published (citations, other sites), so each
keeps answering. Built from the same grouping as the shared pages, so the
redirect always lands where the source is listed now.
"""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.site.page import Page, SiteContext
from csto_data.site.paths import legacy_source_page
from csto_data.site.redirects import redirect_page


def build(site: SiteContext) -> Iterator[Page]:
    for source_id, path in site.source_page_of.items():
        yield redirect_page(legacy_source_page(source_id), path, source_id)
