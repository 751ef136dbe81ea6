"""MkDocs hooks: live preview under `mkdocs serve`, the package watched, HTML blocks of generated
pages handed past Python-Markdown, indentation dropped from pages.

All logic lives in `csto_data.site` (`preview`, `raw_blocks`, `compact`). Under `serve`,
the pages come from the preview session's folder instead of gen-files (see
`csto_data.site.preview` for why), and the data package's folder is watched
(it follows `CSTO_DESCRIPTOR`, so a preview of another package reloads too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview, theme_frame
from csto_data.site.compact import compact_html
from csto_data.site.prerendered import PrerenderedPage, is_html
from csto_data.site.raw_blocks import Stashed, restore, stash

PREVIEW_GENERATOR = "csto-preview"
STASHED = "csto_stashed"
"""The page attribute that carries a generated page's HTML blocks from `on_page_markdown` to `on_page_content`."""


@dataclass
class BuildState:
    """What one build's hooks share: the pages in its navigation (by identity) and its theme frames."""

    nav_pages: set[int] = field(default_factory=set)
    frames: theme_frame.FrameCache = field(default_factory=theme_frame.FrameCache)


STATE = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    preview.start(serving=command == "serve")


def on_shutdown() -> None:
    preview.stop()


def on_files(files: Files, config: Any) -> Files:
    session = preview.session()
    if session is not None:  # under serve; in a real build, gen-files runs scripts/gen_pages.py
        for page in session.refresh(DESCRIPTOR_PATH):
            file = File(page.path, str(session.folder), config.site_dir, config.use_directory_urls)
            file.generated_by = PREVIEW_GENERATOR
            file.edit_uri = page.edit_path
            files.append(file)
    return files


def on_nav(nav: Navigation, config: Any, files: Files) -> Navigation:
    STATE.nav_pages = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        if file.generated_by is not None and id(file.page) not in STATE.nav_pages:
            PrerenderedPage(None, file, config)  # replaces file.page; outside the nav, nothing else holds it
    return nav


def on_env(env: Environment, config: Any, files: Files) -> Environment:
    STATE.frames = theme_frame.FrameCache()
    theme_frame.install(env, STATE.frames)
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(DESCRIPTOR_PATH.parent))
    return server


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if page.file.generated_by is None or is_html(page.meta):
        return markdown  # hand-written pages go through Python-Markdown whole; HTML pages skip it
    stashed = stash(markdown)
    setattr(page, STASHED, stashed)
    return stashed.markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    stashed: Stashed | None = getattr(page, STASHED, None)
    if stashed is not None:
        delattr(page, STASHED)
        page.present_anchor_ids |= stashed.anchor_ids()
        html = restore(html, stashed)
    generated = page.file.generated_by is not None
    if generated and theme_frame.enabled() and theme_frame.frameable(page, html, STATE.nav_pages):
        page.meta["template"] = theme_frame.TEMPLATE
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact_html(output)
