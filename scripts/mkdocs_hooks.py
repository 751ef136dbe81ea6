"""MkDocs hooks: live preview under `mkdocs serve`, the package watched, indentation dropped from pages.

All logic lives in `csto_data.site` (`preview`, `compact`). Under `serve`,
the pages come from the preview session's folder instead of gen-files (see
`csto_data.site.preview` for why), and the data package's folder is watched
(it follows `CSTO_DESCRIPTOR`, so a preview of another package reloads too).
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.compact import compact_html


def on_startup(command: str, dirty: bool) -> None:
    preview.start(serving=command == "serve")


def on_shutdown() -> None:
    preview.stop()


def on_files(files: Files, config: Any) -> Files:
    session = preview.session()
    if session is None:
        return files  # a real build: gen-files runs scripts/gen_pages.py
    for page in session.refresh(DESCRIPTOR_PATH):
        file = File(page.path, str(session.folder), config.site_dir, config.use_directory_urls)
        file.edit_uri = page.edit_path
        files.append(file)
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(DESCRIPTOR_PATH.parent))
    return server


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact_html(output)
