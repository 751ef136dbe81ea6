"""A series' editions as a strip of years: held, planned, cancelled, postponed, unconfirmed or none.

One row per series over a shared run of years, so the rhythm of a series
(every year, every other year, a gap in 2020, a cancellation) shows at a
glance. Each status has its own colour and mark, so none is told by colour
alone; each edition links to its event page. Editions without a year are
left out of the strip and stay in the table beside it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from csto_data.model import Row, event_sort_key, event_year
from csto_data.site.paths import entity_page, year_page
from csto_data.site.pictures import svg

NAME_WIDTH, CELL_WIDTH, CELL_HEIGHT, HEADER, MIN_WIDTH = 150.0, 21.0, 18.0, 16.0, 480.0
ROW_GAP = 4.0
STATUSES = ("held", "ongoing", "planned", "postponed", "cancelled", "unconfirmed")
STATUS_LABELS = {status: status.capitalize() for status in STATUSES}
EMPTY_FILL, GRID_LINE, MANY_FILL = "#ffffff", "#bdbdbd", "#003a5c"
MAX_MARKS = 3
"""More editions than this in one year are drawn as one count, so the strip stays small."""


def _mark(status: str, x: float, y: float, width: float) -> str:
    """The cell of one edition: a colour and a mark that tells the status without colour."""

    def box(fill: str, extra: str = "") -> str:
        return svg.rect(x + 1, y + 1, width - 2, CELL_HEIGHT - 2, fill, extra)

    def sign(character: str, ink: str) -> str:
        return svg.text(x + width / 2, y + CELL_HEIGHT / 2 + 4, character, "middle", f' fill="{ink}"')

    if status == "held":
        return box("#0068a5")
    if status == "ongoing":
        return box("#00785a") + sign("…", "#ffffff")
    if status == "planned":
        return box("#ffffff", ' stroke="#0068a5" stroke-width="2"')
    if status == "postponed":
        return box("#ffe3c4", ' stroke="#c45400" stroke-width="2"') + sign("›", "#7a3300")
    if status == "cancelled":
        near, far = (svg.number(x + 4), svg.number(y + 4)), (svg.number(x + width - 4), svg.number(y + CELL_HEIGHT - 4))
        cross = (
            f'<path d="M{near[0]} {near[1]}L{far[0]} {far[1]}M{far[0]} {near[1]}L{near[0]} {far[1]}" stroke="#ffffff"/>'
        )
        return box("#6b6b6b") + cross
    return box("#f2f2f2", ' stroke="#595959" stroke-dasharray="2 2"') + sign("?", "#1a1a1a")


@dataclass(frozen=True)
class SeriesRow:
    """A series and its editions that have a year, grouped by year."""

    series: Row
    by_year: dict[int, list[Row]]

    @classmethod
    def of(cls, series: Row, editions: list[Row]) -> SeriesRow:
        by_year: dict[int, list[Row]] = {}
        for event in sorted(editions, key=event_sort_key):
            year = event_year(event)
            if year.isdigit():
                by_year.setdefault(int(year), []).append(event)
        return cls(series, by_year)

    def status_counts(self) -> Counter[str]:
        """Editions with a year per status, for the table beside the strip."""
        return Counter(event["status"] for events in self.by_year.values() for event in events)


def year_span(rows: list[SeriesRow]) -> list[int]:
    years = [year for row in rows for year in row.by_year]
    return list(range(min(years), max(years) + 1)) if years else []


def series_strips(page_path: str, prefix: str, rows: list[SeriesRow], title: str, names: bool = True) -> Markup:
    """The strips, one per series, over the same years; with `names`, each row starts with a linked name."""
    years = year_span(rows)
    left = NAME_WIDTH if names else 8.0
    width = max(left + CELL_WIDTH * len(years) + 4, MIN_WIDTH)
    crowded = any(len(editions) > MAX_MARKS for row in rows for editions in row.by_year.values())
    strips_bottom = HEADER + (CELL_HEIGHT + ROW_GAP) * len(rows)
    legend, legend_height = svg.legend(_legend_items(crowded), width, strips_bottom)
    height = strips_bottom + legend_height
    description = (
        "Each square is a year; a coloured square is an edition (held, ongoing, planned, postponed, cancelled or "
        "unconfirmed), an empty one a year without an edition. Each edition links to its page; "
        "the table beside has the same editions."
    )
    parts = [
        svg.opening(prefix, width, height, title, description, links=True),
        svg.rect(0, 0, width, height, "#ffffff"),
    ]
    step = 2 if len(years) <= 40 else 5
    parts.append('<g aria-hidden="true" fill="#1a1a1a" text-anchor="middle">')
    parts.extend(
        svg.text(left + CELL_WIDTH * (index + 0.5), 11, str(year))
        for index, year in enumerate(years)
        if year % step == 0
    )
    parts.append("</g>")
    for row_index, row in enumerate(rows):
        top = HEADER + (CELL_HEIGHT + ROW_GAP) * row_index
        if names:
            name = svg.text(2, top + 13, row.series["name"], extra=' fill="#1a1a1a"')
            parts.append(svg.link(page_path, entity_page("series", row.series["id"]), row.series["name"], name))
        # Shared by the crowded years' counts, the most repeated mark of a large strip.
        parts.append(f'<g fill="{MANY_FILL}" text-anchor="middle">')
        parts.extend(
            _year_cell(page_path, row, year, left + CELL_WIDTH * index, top) for index, year in enumerate(years)
        )
        parts.append("</g>")
    parts.append(legend)
    return svg.finish(parts)


def _year_cell(page_path: str, row: SeriesRow, year: int, x: float, y: float) -> str:
    """An empty year, one linked mark per edition, or past `MAX_MARKS` one count linked to the year's list.

    Empty years have no tooltip (the legend says it) and a crowded year's
    tooltip gives only its count (the table has the statuses), so the file
    stays small however many editions a year has.
    """
    editions = row.by_year.get(year, [])
    if not editions:
        return svg.rect(x + 1, y + 1, CELL_WIDTH - 2, CELL_HEIGHT - 2, EMPTY_FILL, f' stroke="{GRID_LINE}"')
    if len(editions) > MAX_MARKS:
        count = svg.text(x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2 + 4, str(len(editions)), extra=' fill="#fff"')
        mark = svg.rect(x + 1, y + 1, CELL_WIDTH - 2, CELL_HEIGHT - 2, "") + count
        label = f"{row.series['name']}, {year}: {len(editions)} editions"
        return svg.link(page_path, year_page(str(year)), label, mark)
    share = CELL_WIDTH / len(editions)
    return "".join(
        svg.link(
            page_path,
            entity_page("events", event["id"]),
            f"{event['title']}, {year}: {STATUS_LABELS.get(event['status'], event['status']).lower()}",
            _mark(event["status"], x + share * index, y, share),
        )
        for index, event in enumerate(editions)
    )


def _legend_items(many: bool) -> list[tuple[str, str]]:
    """Each status's mark, an empty year, and (when drawn) the count of a crowded year."""
    items = [(_mark(status, 0, 0, 16), STATUS_LABELS[status]) for status in STATUSES]
    items.append((svg.rect(1, 1, 14, 16, EMPTY_FILL, f' stroke="{GRID_LINE}"'), "No edition"))
    if many:
        items.append((svg.rect(1, 1, 14, 16, MANY_FILL), f"More than {MAX_MARKS}: their number"))
    return items
