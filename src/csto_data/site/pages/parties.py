"""parties.csv and event_parties.csv -> outside-party pages: what the CSTO did with China, the UN, the SCO, by year.

A researcher counting the CSTO's contacts with an outside party needs the
events and a count per year and kind; the party's page gives both, and its
full list of events is paginated like every other entity's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from csto_data.model import Row, event_sort_key, event_year
from csto_data.site.citations import Citations
from csto_data.site.listing import EventList, list_pages
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page

KIND_ORDER = ("international-organization", "organization-body", "state", "national-body", "other")


def build(site: SiteContext) -> Iterator[Page]:
    data = site.data
    parties = sorted(data.tables.get("parties", []), key=lambda row: (KIND_ORDER.index(row["kind"]), row["name"]))
    counts = {party["id"]: len(data.party_events.get(party["id"], [])) for party in parties}
    yield markdown_page(
        site, "parties/index.md", "pages/parties_index.md.j2", "parties", parties=parties, counts=counts
    )
    for party in parties:
        links = data.party_events.get(party["id"], [])
        events = [(data.by_id["events"][row["event_id"]], row["role"]) for row in links]
        events.sort(key=lambda pair: event_sort_key(pair[0]), reverse=True)
        listing = EventList(
            f"parties/{party['id']}/events",
            f"CSTO events with {party['name']}",
            f"Every recorded CSTO activity involving {party['name']}, newest first.",
            events,
        )
        yield markdown_page(
            site,
            entity_page("parties", party["id"]),
            "pages/party.md.j2",
            "parties",
            party=party,
            cite=Citations(data),
            parts=sorted(data.party_parts.get(party["id"], []), key=lambda row: row["name"]),
            listing=listing,
            years=contacts_by_year([event for event, _ in events]),
            representatives=_representatives(links),
        )
        yield from list_pages(site, listing)


def contacts_by_year(events: list[Row]) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """(year, number of events, (kind, count) of each kind) per year, newest first.

    >>> contacts_by_year([{"start": "2024-05-01", "kind": "visit"}, {"start": "2024", "kind": "visit"},
    ...                   {"start": "2019-02", "kind": "conference"}])
    [('2024', 2, [('visit', 2)]), ('2019', 1, [('conference', 1)])]
    """
    by_year: dict[str, Counter[str]] = {}
    for event in events:
        by_year.setdefault(event_year(event), Counter())[event["kind"]] += 1
    return [(year, sum(kinds.values()), sorted(kinds.items())) for year, kinds in sorted(by_year.items(), reverse=True)]


def _representatives(links: list[Row]) -> list[tuple[str, str]]:
    """Who represented the party, with their post, each once, in the order first met."""
    seen: dict[str, str] = {}
    for row in links:
        if row.get("representative") and row["representative"] not in seen:
            seen[row["representative"]] = row.get("representative_post", "")
    return list(seen.items())
