"""The coverage figures (`csto_data.coverage`) -> coverage.md."""

from __future__ import annotations

from collections.abc import Iterator

from csto_data.coverage import COMPLETE_TARGET, RECALL_TARGET, RECORDED_TARGET, compute_coverage
from csto_data.site.page import Page, SiteContext, markdown_page


def build(site: SiteContext) -> Iterator[Page]:
    yield markdown_page(
        site,
        "coverage.md",
        "pages/coverage.md.j2",
        "events",
        coverage=compute_coverage(site.data),
        as_of=site.data.spec.as_of,
        targets={"recorded": RECORDED_TARGET, "complete": COMPLETE_TARGET, "recall": RECALL_TARGET},
    )
