"""What the pictures share: escaped text, links relative to the page, numbers kept short.

Every picture is one inline `<svg>` with a `<title>` and a `<desc>` named by
`aria-labelledby`. Pictures whose parts are links are a `group` (an `img`
may not contain links); each link carries its own `aria-label`. Colours are
attributes, not classes, so a picture reads the same printed or copied.
"""

from __future__ import annotations

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
        f'<svg viewBox="0 0 {number(width)} {number(height)}" role="{role}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT_SIZE}" class="picture">'
        f'<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
    )


def link(page_path: str, target: str, label: str, inner: str) -> str:
    """`inner` as a link to the generated page `target`, named `label` for screen readers."""
    href = escape(relative_url(page_path, target))
    return f'<a href="{href}" aria-label="{escape(label)}">{inner}<title>{escape(label)}</title></a>'


def tooltip(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def text(x: float, y: float, content: str, anchor: str = "start", extra: str = "") -> str:
    """A label in the page's text colour; `extra` adds attributes such as a halo."""
    anchor_attribute = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text x="{number(x)}" y="{number(y)}"{anchor_attribute}{extra}>{escape(content)}</text>'


def finish(parts: list[str]) -> Markup:
    """The picture as one line of markup: no blank line can end Markdown's raw HTML block."""
    return Markup("".join(parts) + "</svg>")


def rect(x: float, y: float, width: float, height: float, fill: str, extra: str = "") -> str:
    """A filled rectangle; `extra` adds attributes such as a stroke."""
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(width)}" height="{number(height)}" '
        f'fill="{fill}"{extra}/>'
    )
