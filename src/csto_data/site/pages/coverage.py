"""The coverage figures (`csto_data.coverage`) -> coverage.md."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.coverage import compute_coverage
from csto_data.site.page import Page, SiteContext, markdown_page


def build(site: SiteContext) -> Iterator[Page]:
    yield markdown_page(site, "coverage.md", "pages/coverage.md.j2", "events", coverage=compute_coverage(site.data))
