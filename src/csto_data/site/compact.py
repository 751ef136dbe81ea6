"""Drop the indentation the theme's templates leave in every page (a fifth of its bytes).

Material's templates are indented for their authors; the browser collapses
that whitespace anyway. A run of whitespace that holds a line break becomes
a single line break, which HTML treats the same, except inside `<pre>` and
`<textarea>`, which are left as they are.
"""

from __future__ import annotations

import re

PRESERVED = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
INDENTED_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


def compact_html(html: str) -> str:
    """`html` with each whitespace run that contains a line break reduced to one line break.

    >>> compact_html("<ul>\\n    <li>a</li>\\n\\n    <li>b</li>\\n</ul>")
    '<ul>\\n<li>a</li>\\n<li>b</li>\\n</ul>'
    >>> compact_html("<pre>  keep\\n    this</pre>\\n  x")
    '<pre>  keep\\n    this</pre>\\nx'
    """
    parts = PRESERVED.split(html)
    return "".join(part if index % 2 else INDENTED_BREAK.sub("\n", part) for index, part in enumerate(parts))


def join_compacted(pieces: list[str]) -> str:
    """`compact_html` of the pieces joined, for pieces that are each compacted already.

    Why: a page filled in from a theme frame (`theme_frame`) is compacted
    piece by piece, the frame once for all its pages; only the white space
    where two pieces meet must then be compacted again, as one run.

    >>> join_compacted(["<p>a</p>\\n", "\\n<p>b</p>", " ", "c"]) == compact_html("<p>a</p>\\n\\n<p>b</p> c")
    True
    """
    out: list[str] = []
    pending = ""
    for piece in pieces:
        body = piece.lstrip()
        if not body:
            pending += piece
            continue
        core = body.rstrip()
        out.append(compact_html(pending + piece[: len(piece) - len(body)]))
        out.append(core)
        pending = body[len(core) :]
    out.append(compact_html(pending))
    return "".join(out)
