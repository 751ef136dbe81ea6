"""What the pictures share: escaped text, links relative to the page, numbers kept short.

Every picture is one inline `<svg>` of its natural size (the stylesheet lets
it shrink to the column, never grow) with a `<title>` and a `<desc>` named by
`aria-labelledby`. Pictures whose parts are links are a `group` (an `img`
may not contain links); each link is named by its own `<title>`, which
is also its tooltip. Colours are
attributes, not classes, so a picture reads the same printed or copied.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from csto_data.site.paths import relative_url

TEXT_COLOUR = "#1a1a1a"
FONT_SIZE = 12


def number(value: float) -> str:
    """A coordinate rounded to 0.1 without a trailing ".0" (keeps the files small).

    >>> number(12.04), number(3.0), number(-0.04)
    ('12', '3', '0')
    """
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def opening(prefix: str, width: float, height: float, title: str, description: str, links: bool) -> str:
    """The `<svg>` start tag with its title and description (ids start with `prefix`, unique per page)."""
    role = "group" if links else "img"
    return (
        f'<svg viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}" height="{number(height)}" '
        f'role="{role}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT_SIZE}" class="picture">'
        f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
    )


def link(page_path: str, target: str, label: str, inner: str) -> str:
    """`inner` as a link to the generated page `target`, named by its `<title>`: tooltip and accessible name."""
    href = escape(relative_url(page_path, target))
    return f'<a href="{href}">{inner}<title>{escape(label)}</title></a>'


def tooltip(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def text(x: float, y: float, content: str, anchor: str = "start", extra: str = "") -> str:
    """A label; "start" writes no anchor, so the text inherits its group's; `extra` adds attributes."""
    anchor_attribute = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text x="{number(x)}" y="{number(y)}"{anchor_attribute}{extra}>{escape(content)}</text>'


def finish(parts: list[str]) -> Markup:
    """The picture as one line of markup: no blank line can end Markdown's raw HTML block."""
    return Markup("".join(parts) + "</svg>")


PAGE_FONT = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
"""The theme's font stack (no web font): a picture in a file of its own does not inherit the page's."""
SIZE = re.compile(r'<svg viewBox="0 0 ([0-9.]+) ([0-9.]+)"')


def as_file(picture: Markup) -> str:
    """An inline picture as an SVG file of its own, for `embedded`.

    Its links open in the page that shows it, not inside the picture's frame
    (`target="_top"`), and it names the page's font, which it no longer inherits.

    >>> as_file(Markup('<svg viewBox="0 0 4 2" class="picture"><a href="x/">d</a></svg>')).split(" font-family")[1]
    '="-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"><a target="_top" href="x/">d</a></svg>'
    """
    with_font = str(picture).replace(' class="picture">', f' font-family="{PAGE_FONT}">', 1)
    return with_font.replace("<a href=", '<a target="_top" href=')


def embedded(file_name: str, picture: Markup, label: str) -> Markup:
    """The picture's file (`file_name`, beside the page) shown in the page at the picture's size.

    Why: the pictures of a member page are a third of its HTML, and its
    readers need them once, not on every visit of the page (a file is cached).
    An `<object>` keeps the picture's links, tooltips and text alternative;
    the link inside is what a browser without SVG shows.
    """
    found = SIZE.match(picture)
    if found is None:
        raise ValueError("not a picture of csto_data.site.pictures")
    width, height = found.groups()
    return Markup(
        f'<object class="picture" data="{escape(file_name)}" type="image/svg+xml" width="{width}" height="{height}" '
        f'style="aspect-ratio: {width} / {height}" aria-label="{escape(label)}">'
        f'<a href="{escape(file_name)}">{escape(label)}</a></object>'
    )


def rect(x: float, y: float, width: float, height: float, fill: str, extra: str = "") -> str:
    """A filled rectangle (an empty `fill` inherits its group's); `extra` adds attributes such as a stroke."""
    fill_attribute = f' fill="{fill}"' if fill else ""
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(width)}" height="{number(height)}"'
        f"{fill_attribute}{extra}/>"
    )


LEGEND_LINE = 20.0


def legend(items: list[tuple[str, str]], width: float, top: float) -> tuple[str, float]:
    """Swatches (drawn in a 16×16 box at the origin) with their names, wrapped to `width`.

    Returns the markup (hidden from screen readers: the description and the
    table say the same) and the height it takes.
    """
    parts = [f'<g aria-hidden="true" fill="{TEXT_COLOUR}">']
    x, y = 2.0, top + 4
    for swatch, name in items:
        size = 20 + len(name) * 6.2 + 10
        if x > 2.0 and x + size > width:
            x, y = 2.0, y + LEGEND_LINE
        parts.append(f'<g transform="translate({number(x)} {number(y)})">{swatch}</g>')
        parts.append(text(x + 20, y + 13, name))
        x += size
    parts.append("</g>")
    return "".join(parts), y + LEGEND_LINE - top
