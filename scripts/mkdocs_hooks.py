"""MkDocs hooks: live preview under `mkdocs serve`, the package watched, indentation dropped from pages.

All logic lives in `csto_data.site.preview`; this file only tells it which
command runs and adds the data package's folder to what the server watches
(it follows `CSTO_DESCRIPTOR`, so a preview of another package reloads too).
"""

from __future__ import annotations

from typing import Any

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.compact import compact_html


def on_startup(command: str, dirty: bool) -> None:
    preview.start(serving=command == "serve")


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(DESCRIPTOR_PATH.parent))
    return server


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact_html(output)
