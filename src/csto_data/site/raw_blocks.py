"""Hand the generator's HTML blocks past Python-Markdown, which would only copy them.

Why: a generated page is mostly HTML blocks (tables, figures with their SVG
pictures, `<div data-search-exclude>` wrappers) between Markdown headings,
lists and paragraphs. Python-Markdown copies such a block to its output
unchanged, but first parses it twice with Python's `html.parser`: once to
find where the block ends (`html_block`) and once more in MkDocs to collect
its `id`s for anchor validation. That was about a third of the build.

`stash` swaps each top-level block for an HTML comment token before
Python-Markdown sees the page, `restore` puts the block back in the HTML it
produced: the page comes out byte for byte as before, its headings still make
the table of contents, and the Markdown files on disk are untouched (any
other engine renders them as they are). A block is swapped only when it is
unambiguous: it opens at the start of a line after a blank line with a
`<table>`, `<figure>` or `<div>` tag, closes with the matching tag at the
end of a line, and is followed by a blank line. Anything else, and any page
with a fenced code block (where such lines are code), is left to
Python-Markdown. Text from the data cannot forge a token: it is escaped
before it reaches the page (`<` becomes `&lt;`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK_START = re.compile(r"<(table|figure|div)\b")
TOKEN = re.compile(r"<!--csto-raw-block-(\d+)-->")
ELEMENT_ID = re.compile(r'\sid="([^"]*)"')
"""An element's `id` attribute (it follows white space; a leading `\\b` made the search four times slower)."""
FENCES = ("```", "~~~")


@dataclass
class Stashed:
    """A page's Markdown with its HTML blocks swapped for tokens, and the blocks."""

    markdown: str
    blocks: list[str] = field(default_factory=list)

    def anchor_ids(self) -> set[str]:
        """The `id`s inside the blocks, which MkDocs' anchor validation no longer sees."""
        return {found for block in self.blocks for found in ELEMENT_ID.findall(block)}


def stash(markdown: str) -> Stashed:
    """`markdown` with each unambiguous top-level HTML block replaced by a token line.

    >>> stashed = stash("# T\\n\\n<table>\\n<tr><td>a</td></tr>\\n</table>\\n\\nText\\n")
    >>> stashed.markdown
    '# T\\n\\n<!--csto-raw-block-0-->\\n\\nText\\n'
    >>> stashed.blocks
    ['<table>\\n<tr><td>a</td></tr>\\n</table>']
    >>> stash("<div>\\nnot closed\\n").markdown
    '<div>\\nnot closed\\n'
    """
    if any(fence in markdown for fence in FENCES):
        return Stashed(markdown)
    lines = markdown.split("\n")
    kept: list[str] = []
    blocks: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        start = BLOCK_START.match(line)
        end = (
            _block_end(lines, index, start.group(1)) if start and (index == 0 or not lines[index - 1].strip()) else None
        )
        if end is None:
            kept.append(line)
            index += 1
            continue
        kept.append(f"<!--csto-raw-block-{len(blocks)}-->")
        blocks.append("\n".join(lines[index : end + 1]))
        index = end + 1
    return Stashed("\n".join(kept), blocks)


def _block_end(lines: list[str], first: int, tag: str) -> int | None:
    """The index of the line that closes the block opened on `lines[first]`, if it closes cleanly."""
    opening = re.compile(rf"<{tag}\b")
    closing = f"</{tag}>"
    depth = 0
    for index in range(first, len(lines)):
        line = lines[index]
        depth += len(opening.findall(line)) - line.count(closing)
        if depth <= 0:
            followed_by_blank = index + 1 == len(lines) or not lines[index + 1].strip()
            return index if depth == 0 and line.rstrip().endswith(closing) and followed_by_blank else None
    return None


def restore(html: str, stashed: Stashed) -> str:
    """The HTML Python-Markdown produced, with each token replaced by its block again.

    Refuses output that lost or repeated a token: the page would silently miss a table.
    """
    found = [int(number) for number in TOKEN.findall(html)]
    if sorted(found) != list(range(len(stashed.blocks))):
        raise ValueError(f"HTML blocks lost in rendering: expected {len(stashed.blocks)} tokens, found {found}")
    return TOKEN.sub(lambda match: stashed.blocks[int(match.group(1))], html)
