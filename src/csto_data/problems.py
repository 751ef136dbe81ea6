"""Problems found in the data, as typed records with positions.

Checks yield `Problem`s instead of raising, so a contributor sees every
problem in one run; the CLI prints them and exits non-zero.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one cell (or line, or file) of the package."""

    path: str
    line: int
    column: str
    type: str
    value: str
    expected: str
    hint: str = ""

    def render(self) -> str:
        """One line: where, which column, the bad value, what is expected, a hint."""
        text = f"{self.path}:{self.line}: column {self.column!r}: {self.type}: "
        text += f"found {self.value!r}; expected {self.expected}"
        if self.hint:
            text += f". Hint: {self.hint}"
        return text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions annotation shown on the PR diff."""
        message = self.render().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},title={self.type}::{message}"


def closest(value: str, allowed: Iterable[str]) -> str:
    """The allowed value nearest to a typo, as a ready-made hint (or "")."""
    matches = difflib.get_close_matches(value.strip().lower(), list(allowed), n=1, cutoff=0.5)
    return f"did you mean {matches[0]!r}?" if matches else ""


def shorten(value: str, limit: int = 60) -> str:
    """Keep long cells readable in a one-line message."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
