"""Member states by year: how many held exercises and trainings each took part in, and hosted.

A state takes part in an event when event_participants lists it in any role
but observer, or when it is the event's host. Cells are shaded by the state's
standing that year (not yet a member, member, suspended, former), so
Armenia's absence since 2024 or Uzbekistan's exit and return show at once.
A cell with events links to that year's list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from csto_data.model import Dataset, Row, event_year
from csto_data.site.paths import entity_page, year_page
from csto_data.site.pictures import svg
from csto_data.site.pictures.families import family
from csto_data.site.pictures.membership import STANDING_LABELS, as_of, standing_in_year

NAME_WIDTH, CELL_WIDTH, CELL_HEIGHT, HEADER, MIN_WIDTH = 96.0, 21.0, 20.0, 18.0, 480.0
COUNT_SHADES = (
    (10, "#2b3f8f", "#ffffff"),
    (6, "#4a60b4", "#ffffff"),
    (3, "#94a5de", "#1a1a1a"),
    (1, "#c9d2f0", "#1a1a1a"),
)
STANDING_FILLS = {"outside": "#ffffff", "member": "#eef1f9", "suspended": "#fbe1c6", "former": "#e3ddd9"}
GRID_LINE, HOSTED_MARK = "#9e9e9e", "#1a1a1a"
NOT_TAKING_PART = "observer"


@dataclass(frozen=True)
class Cell:
    year: int
    standing: str
    took_part: int
    hosted: int

    def sentence(self, member: Row) -> str:
        """The cell's numbers in words, for its tooltip and its link.

        >>> Cell(2024, "member", 1, 1).sentence({"name": "Tajikistan"})
        'Tajikistan in 2024 (member): took part in 1 held exercise or training, hosted 1'
        """
        done = (
            "1 held exercise or training" if self.took_part == 1 else f"{self.took_part} held exercises and trainings"
        )
        hosted = f", hosted {self.hosted}" if self.hosted else ""
        return f"{member['name']} in {self.year} ({STANDING_LABELS[self.standing]}): took part in {done}{hosted}"


@dataclass(frozen=True)
class Participation:
    """The grid's numbers: one row of cells per member state, over the same years."""

    years: list[int]
    rows: list[tuple[Row, list[Cell]]]

    def row_of(self, member_id: str) -> Participation:
        return Participation(self.years, [row for row in self.rows if row[0]["id"] == member_id])


def participation(data: Dataset) -> Participation:
    """Count, in one pass over the events, the held exercises and trainings of each state per year."""
    took_part: Counter[tuple[str, int]] = Counter()
    hosted: Counter[tuple[str, int]] = Counter()
    for event in data.tables["events"]:
        year = event_year(event)
        if event["status"] != "held" or family(event["kind"]) != "exercises-and-trainings" or not year.isdigit():
            continue
        states = {row["member_id"] for row in data.participants.get(event["id"], []) if row["role"] != NOT_TAKING_PART}
        hosts = {row["member_id"] for row in data.participants.get(event["id"], []) if row["role"] == "host"}
        hosts |= {event["host_id"]} if event.get("host_id") in data.by_id["members"] else set()
        for state in states | hosts:
            took_part[(state, int(year))] += 1
        for state in hosts:
            hosted[(state, int(year))] += 1
    last = as_of(data).year
    first = min((year for _, year in took_part), default=last)
    years = list(range(first, last + 1))
    rows = [
        (
            member,
            [
                Cell(
                    year,
                    standing_in_year(data.memberships.get(member["id"], []), year),
                    took_part[(member["id"], year)],
                    hosted[(member["id"], year)],
                )
                for year in years
            ],
        )
        for member in sorted(data.tables["members"], key=lambda row: row["name"])
    ]
    return Participation(years, rows)


def _cell_colours(cell: Cell) -> tuple[str, str]:
    """Fill and text colour: a blue that darkens with the count, else the standing's shade."""
    for least, fill, ink in COUNT_SHADES:
        if cell.took_part >= least:
            return fill, ink
    return STANDING_FILLS[cell.standing], "#1a1a1a"


def participation_grid(page_path: str, prefix: str, grid: Participation, title: str) -> Markup:
    """The grid; member names link to member pages, cells with events to the year's list."""
    width = max(NAME_WIDTH + CELL_WIDTH * len(grid.years) + 4, MIN_WIDTH)
    legend, legend_height = svg.legend(_legend_items(), width, HEADER + CELL_HEIGHT * len(grid.rows) + 2)
    height = HEADER + CELL_HEIGHT * len(grid.rows) + 2 + legend_height
    description = (
        "Rows are member states, columns are years; each number is the count of held exercises and trainings "
        "the state took part in, a dark corner marks a year it hosted one, and the shade of an empty cell shows "
        "whether it was a member, suspended, a former member or not yet a member. "
        "The table beside has the same numbers."
    )
    parts = [svg.opening(prefix, width, height, title, description, links=True)]
    parts.append(svg.rect(0, 0, width, height, "#ffffff"))
    parts.append('<g aria-hidden="true" fill="#1a1a1a" text-anchor="middle">')
    parts.extend(
        svg.text(NAME_WIDTH + CELL_WIDTH * (index + 0.5), 12, str(year))
        for index, year in enumerate(grid.years)
        if year % 2 == 0
    )
    parts.append("</g>")
    for row_index, (member, cells) in enumerate(grid.rows):
        top = HEADER + CELL_HEIGHT * row_index
        parts.append(
            svg.link(
                page_path,
                entity_page("members", member["id"]),
                member["name"],
                svg.text(2, top + 14, member["name"], extra=' fill="#1a1a1a"'),
            )
        )
        parts.append(f'<g stroke="{GRID_LINE}" stroke-width=".5">')
        parts.extend(
            _cell(page_path, member, cell, NAME_WIDTH + CELL_WIDTH * index, top) for index, cell in enumerate(cells)
        )
        parts.append("</g>")
    parts.append(legend)
    return svg.finish(parts)


def _cell(page_path: str, member: Row, cell: Cell, x: float, y: float) -> str:
    fill, ink = _cell_colours(cell)
    shape = svg.rect(x, y, CELL_WIDTH, CELL_HEIGHT, fill)
    if cell.hosted:
        shape += (
            f'<path d="M{svg.number(x + CELL_WIDTH - 7)} {svg.number(y)}h7v7Z" fill="{HOSTED_MARK}" stroke="none"/>'
        )
    if not cell.took_part:
        return f"<g>{shape}{svg.tooltip(cell.sentence(member))}</g>"
    shape += svg.text(x + CELL_WIDTH / 2, y + 14, str(cell.took_part), "middle", f' fill="{ink}" stroke="none"')
    return svg.link(page_path, year_page(str(cell.year)), cell.sentence(member), shape)


def _legend_items() -> list[tuple[str, str]]:
    """Swatches for the standings and the hosted corner (a count is written in its cell)."""
    items = [
        (svg.rect(1, 2, 12, 12, STANDING_FILLS[name], f' stroke="{GRID_LINE}"'), STANDING_LABELS[name].capitalize())
        for name in ("outside", "member", "suspended", "former")
    ]
    items.append((f'<path d="M1 2h12v12Z" fill="{HOSTED_MARK}"/>', "Hosted"))
    return items


def participation_table_rows(grid: Participation) -> list[tuple[int, list[Cell]]]:
    """The grid turned on its side for the table beside it: one row per year, one cell per state."""
    return [(year, [cells[index] for _, cells in grid.rows]) for index, year in enumerate(grid.years)]
