"""Numbered source citations for one page: [1], [2] in order of first use."""

from __future__ import annotations

from markupsafe import Markup

from csto_data.model import Dataset, Row


class Citations:
    """Numbers each source the first time a row on the page cites it."""

    def __init__(self, data: Dataset) -> None:
        self._data = data
        self._numbers: dict[str, int] = {}

    def refs(self, row: Row) -> list[int]:
        """The numbers for the sources of `row`, adding new ones to the list."""
        numbers = []
        for source_id in row.get("source_ids", "").split(";"):
            if source_id and source_id not in self._numbers:
                self._numbers[source_id] = len(self._numbers) + 1
            if source_id:
                numbers.append(self._numbers[source_id])
        return numbers

    def sources(self) -> list[tuple[int, Row]]:
        """(number, source row) in citation order, for the page's source list."""
        return [(number, self._data.by_id["sources"][source_id]) for source_id, number in self._numbers.items()]

    def marks(self, row: Row) -> Markup:
        """Superscript links to the page's source list, e.g. ¹ ²."""
        links = ", ".join(f'<a href="#source-{number}">{number}</a>' for number in self.refs(row))
        return Markup(f"<sup>{links}</sup>") if links else Markup("")
