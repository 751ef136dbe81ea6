"""One Jinja environment over `templates/`, with escaping decided once.

Templates hold only loops and conditionals; formatting lives in `filters`.
A missing template or an undefined variable raises (StrictUndefined), so a
broken template fails the build instead of printing an empty page.
Compiled templates are kept between runs (Jinja's bytecode cache, keyed by
each template's text, so an edited template is compiled afresh): compiling
them took a third of a second of every build and every preview process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from csto_data.site import filters
from csto_data.site.escaping import escape_text

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    """The shared environment: autoescape on, and every output passes `escape_text`."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=FileSystemBytecodeCache(),  # Jinja's own folder in the system's temporary one
        autoescape=True,
        finalize=escape_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters.FILTERS)
    return env


def render(template: str, **context: Any) -> str:
    """Render `templates/<template>` with `context`."""
    return environment().get_template(template).render(**context)
