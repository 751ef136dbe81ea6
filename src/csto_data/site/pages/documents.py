"""documents.csv and event_documents.csv -> the plan glossary and document pages;
bodies.csv abbreviations -> the glossary of terms."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from csto_data.model import Row
from csto_data.site.citations import Citations
from csto_data.site.page import Page, SiteContext, markdown_page
from csto_data.site.paths import entity_page

# Terms that are not names of bodies; written in the project's own words.
TERMS = (
    ("CSTO", "Collective Security Treaty Organization: the military-political alliance founded on the 1992 Treaty."),
    ("CIS", "Commonwealth of Independent States: the association of former Soviet republics."),
    ("NBC", "Nuclear, biological and chemical (protection)."),
    ("UAV", "Unmanned aerial vehicle (drone)."),
)


def abbreviations(bodies: list[Row]) -> tuple[tuple[str, str], ...]:
    """Abbreviation -> expansion, for the tooltip on every page."""
    pairs = dict(TERMS)
    for body in bodies:
        for abbreviation in filter(None, (part.strip() for part in body.get("abbreviation", "").split(";"))):
            pairs.setdefault(abbreviation, body["name"])
    return tuple(sorted(pairs.items()))


def build(site: SiteContext) -> Iterator[Page]:
    documents = sorted(site.data.tables["documents"], key=lambda row: row["title"].lower())
    letters = [(letter, list(rows)) for letter, rows in groupby(documents, key=lambda row: row["title"][:1].upper())]
    yield markdown_page(site, "documents/index.md", "pages/documents_index.md.j2", "documents", letters=letters)
    yield markdown_page(
        site,
        "glossary.md",
        "pages/glossary.md.j2",
        "bodies",
        bodies={row["name"]: row for row in site.data.tables["bodies"]},
    )
    for document in documents:
        yield markdown_page(
            site,
            entity_page("documents", document["id"]),
            "pages/document.md.j2",
            "documents",
            document=document,
            cite=Citations(site.data),
            events=site.data.document_events.get(document["id"], []),
        )
