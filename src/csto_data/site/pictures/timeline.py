"""Events per year as columns stacked by family of kinds, each year linked to its list.

Four families instead of fifteen kinds keep the colours few and distinct
(`families.py`); the detail by kind is in each segment's tooltip and in the
table beside the chart. Events without a year are counted in the table only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from csto_data.model import Row, event_year
from csto_data.site.filters import label
from csto_data.site.paths import year_page
from csto_data.site.pictures import svg
from csto_data.site.pictures.families import FAMILIES, FAMILY_COLOURS, FAMILY_LABELS, family

WIDTH, PLOT_HEIGHT, AXIS, TOP, LEFT = 800.0, 220.0, 18.0, 16.0, 28.0


@dataclass(frozen=True)
class Timeline:
    """Events per (year, kind) for the dated events, years in order."""

    years: list[str]
    counts: Counter[tuple[str, str]]

    @classmethod
    def of(cls, events: list[Row]) -> Timeline:
        counts = Counter((event_year(event), event["kind"]) for event in events)
        return cls(sorted({year for year, _ in counts if year.isdigit()}), counts)

    def family_count(self, year: str, name: str) -> int:
        return sum(
            count for (each_year, kind), count in self.counts.items() if each_year == year and family(kind) == name
        )

    def total(self, year: str) -> int:
        return sum(count for (each_year, _), count in self.counts.items() if each_year == year)

    def detail(self, year: str, name: str) -> str:
        """'Exercise 8, Command-staff training 4': the kinds behind one segment."""
        kinds = sorted(
            (kind, count)
            for (each_year, kind), count in self.counts.items()
            if each_year == year and family(kind) == name
        )
        return ", ".join(f"{label(kind)} {count}" for kind, count in kinds)


def timeline_chart(page_path: str, prefix: str, timeline: Timeline, title: str) -> Markup:
    """Columns of events per year stacked by family; a column links to that year's list."""
    if not timeline.years:
        return Markup("")
    first, last = int(timeline.years[0]), int(timeline.years[-1])
    years = [str(year) for year in range(first, last + 1)]
    column = (WIDTH - LEFT) / len(years)
    largest = max(timeline.total(year) for year in timeline.years)
    scale = PLOT_HEIGHT / largest
    swatches = [(svg.rect(1, 2, 14, 12, FAMILY_COLOURS[name]), FAMILY_LABELS[name]) for name in FAMILIES]
    legend, legend_height = svg.legend(swatches, WIDTH, TOP + PLOT_HEIGHT + AXIS)
    height = TOP + PLOT_HEIGHT + AXIS + legend_height
    description = (
        f"Events per year from {first} to {last}, each column stacked by family: "
        + ", ".join(FAMILY_LABELS[name].lower() for name in FAMILIES)
        + f". The busiest year has {largest} events. Each column links to that year's list; "
        "the table beside has the numbers by kind."
    )
    parts = [
        svg.opening(prefix, WIDTH, height, title, description, links=True),
        svg.rect(0, 0, WIDTH, height, "#ffffff"),
    ]
    parts.append(_axis(largest, scale))
    for index, year in enumerate(years):
        x = LEFT + column * index
        if int(year) % 2 == 0 or len(years) <= 20:
            parts.append(svg.text(x + column / 2, TOP + PLOT_HEIGHT + 13, year, "middle", ' fill="#1a1a1a"'))
        if year not in timeline.years:
            continue
        segments = []
        bottom = TOP + PLOT_HEIGHT
        for name in FAMILIES:
            count = timeline.family_count(year, name)
            if not count:
                continue
            bottom -= count * scale
            tip = f"{year}, {FAMILY_LABELS[name].lower()}: {count} ({timeline.detail(year, name)})"
            rect = svg.rect(
                x + 1, bottom, column - 2, count * scale, FAMILY_COLOURS[name], ' stroke="#ffffff" stroke-width=".5"'
            )
            segments.append(f"<g>{rect}{svg.tooltip(tip)}</g>")
        total = timeline.total(year)
        segments.append(svg.text(x + column / 2, bottom - 3, str(total), "middle", ' fill="#1a1a1a"'))
        parts.append(
            svg.link(page_path, year_page(year), f"{year}: {total} event{'s' if total != 1 else ''}", "".join(segments))
        )
    parts.append(legend)
    return svg.finish(parts)


def _axis(largest: int, scale: float) -> str:
    """Horizontal guides at round numbers of events."""
    step = 5 if largest <= 40 else 10 if largest <= 100 else 50
    parts = ['<g aria-hidden="true" fill="#1a1a1a" stroke-width=".5">']
    for value in range(0, largest + 1, step):
        y = TOP + PLOT_HEIGHT - value * scale
        parts.append(f'<path d="M{svg.number(LEFT)} {svg.number(y)}H{svg.number(WIDTH)}" stroke="#d0d0d0"/>')
        parts.append(svg.text(LEFT - 4, y + 4, str(value), "end"))
    parts.append("</g>")
    return "".join(parts)
