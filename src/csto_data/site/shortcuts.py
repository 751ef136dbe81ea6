"""One switch for the build's shortcuts: theme frames (`theme_frame`) and search views (`search_view`).

Both change how MkDocs gets to a page's output, never the output. With
`CSTO_BUILD_SHORTCUTS=off` every page goes the theme's and the search
plugin's own way, which is the reference `tests/site_pages/test_build.py`
compares the normal build with, byte for byte.
"""

from __future__ import annotations

import os

SWITCH = "CSTO_BUILD_SHORTCUTS"


def enabled() -> bool:
    """The shortcuts are on unless `CSTO_BUILD_SHORTCUTS=off`."""
    return os.environ.get(SWITCH, "on") != "off"
