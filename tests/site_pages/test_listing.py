"""Long event lists are split into pages, so no page grows with the number of events."""

from __future__ import annotations

from pathlib import Path

from csto_data.model import load_dataset
from csto_data.site.listing import PAGE_SIZE, EventList, list_pages
from csto_data.site.page import SiteContext


def test_a_long_list_is_split_into_linked_pages(package_dir: Path) -> None:
    data = load_dataset(package_dir / "datapackage.json")
    event = data.tables["events"][0]
    listing = EventList(
        "members/kgz/events", "Events of Kyrgyzstan", "All events", [(event, "host")] * (2 * PAGE_SIZE + 1)
    )
    pages = list(list_pages(SiteContext(data, ()), listing))
    assert [page.path for page in pages] == [
        "members/kgz/events/index.md",
        "members/kgz/events/page-2.md",
        "members/kgz/events/page-3.md",
    ]
    first, last = (page.content for page in (pages[0], pages[-1]))
    assert isinstance(first, str) and isinstance(last, str)
    assert first.count('href="../../../events/') == PAGE_SIZE
    assert '<a href="page-2/">Older events →</a>' in first
    assert "page 3 of 3" in last
