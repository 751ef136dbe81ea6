"""MkDocs hooks: live preview under `mkdocs serve`, the package watched, and generated pages
taken through MkDocs by the shortest way that gives the same output.

All logic lives in `csto_data.site`. In the order of a build:

- `on_pre_build`: the child that writes the site's folders and static files is forked
  (`written_beside`), while the process is still small;
- `on_files`: in a build, the pages the gen-files script generated become files in memory
  (`mkdocs_files`), the writer is handed the folders of the pages and the files MkDocs would
  only copy, and the pages that list the downloads (`generate.LatePages`) come last, empty;
  under `serve`, the pages come from the preview session's folder instead (`preview` says
  why), and the data package's folder is watched (it follows `CSTO_DESCRIPTOR`, so a
  preview of another package reloads too);
- `on_nav`: generated pages outside the navigation become `prerendered.PrerenderedPage`s,
  which skip Python-Markdown when their body is HTML already;
- `on_page_markdown` / `on_page_content`: the HTML blocks of generated Markdown pages are
  handed past Python-Markdown (`raw_blocks`); a generated page is then marked for a theme
  frame (`theme_frame`) and given a search view (`search_view`), unless `shortcuts` are off;
- `on_env`: the frames of this build;
- `on_page_context` (before the search plugin's): a page that lists the downloads is read
  again with its text, the download files joining the build (`read_late`): meanwhile they
  were built beside the rendering (`exports.background`); the search plugin indexes a
  generated page's view;
- `on_post_page`: indentation dropped (`compact`);
- `on_post_build`: the writer waited for, and the validation's verdict asked for (an invalid
  package fails the build here, or in `on_build_error` if the build failed first); how many
  pages shared a frame, in the log; the handed-over pages forgotten.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from csto_data.model import InvalidPackageError
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import mkdocs_files, preview, read_late, search_view, shortcuts, theme_frame, written_beside
from csto_data.site.compact import compact_html
from csto_data.site.generate import deferred, forget_deferred
from csto_data.site.prerendered import PrerenderedPage, is_html
from csto_data.site.raw_blocks import Stashed, restore, stash

LOG = logging.getLogger("mkdocs.hooks.csto")
STASHED = "csto_stashed"
"""The page attribute that carries a generated page's HTML blocks from `on_page_markdown` to `on_page_content`."""
SEARCH_VIEW = "csto_search_view"
"""The page attribute that carries what the search plugin indexes of a generated page (`search_view`)."""


@dataclass
class BuildState:
    """What one build's hooks share: the pages in its navigation (by identity), its theme frames, its files."""

    nav_pages: set[int] = field(default_factory=set)
    frames: theme_frame.FrameCache = field(default_factory=theme_frame.FrameCache)
    files: Files = field(default_factory=lambda: Files([]))
    beside: written_beside.WrittenBeside | None = None


STATE = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    forget_deferred()
    preview.start(serving=command == "serve")


def on_shutdown() -> None:
    preview.stop()


def on_pre_build(config: Any) -> None:
    STATE.beside = written_beside.WrittenBeside()


def on_build_error(error: Exception) -> None:
    handover = deferred()
    forget_deferred()
    if STATE.beside is not None:
        STATE.beside.stop()
    if handover is not None and not isinstance(error, InvalidPackageError):
        handover.validation.refuse_if_invalid(error)  # bad rows explain a failure better than what they caused


def on_files(files: Files, config: Any) -> Files:
    session = preview.session()
    if session is not None:  # under serve; in a real build, gen-files runs scripts/gen_pages.py, which calls defer
        written = (mkdocs_files.in_folder(page, session.folder, config) for page in session.refresh(DESCRIPTOR_PATH))
        return mkdocs_files.with_generated(files, written, config)
    handover = deferred()
    if handover is None:
        return files
    made = [mkdocs_files.in_memory(page, config) for page in handover.pages]
    # The pages that list the downloads are read last, when the downloads are ready.
    pages = (file for file in made if file.is_documentation_page())
    files = mkdocs_files.with_generated(files, pages, config, last=handover.late.markdown_paths)
    assert STATE.beside is not None, "made by on_pre_build"
    STATE.beside.write(
        (Path(file.abs_dest_path).parent for file in files.documentation_pages()),
        ((Path(file.abs_dest_path), file.content_bytes) for file in made if not file.is_documentation_page()),
    )
    return files


def on_nav(nav: Navigation, config: Any, files: Files) -> Navigation:
    STATE.nav_pages = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        if file.generated_by is not None and id(file.page) not in STATE.nav_pages:
            PrerenderedPage(None, file, config)  # replaces file.page; outside the nav, nothing else holds it
    return nav


def on_env(env: Environment, config: Any, files: Files) -> Environment:
    STATE.files = files
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
    if page.file.generated_by is None or not shortcuts.enabled():
        return html
    if theme_frame.frameable(page, html, STATE.nav_pages):
        page.meta["template"] = theme_frame.TEMPLATE
    searchable = None if search_view.is_excluded(page.meta) else search_view.searchable_part(html)
    if searchable is not None:  # the search plugin skips the page and indexes this view of it instead
        setattr(page, SEARCH_VIEW, search_view.SearchView(page, dict(page.meta), searchable))
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Navigation) -> dict[str, Any]:
    handover = deferred()
    if handover is not None and page.file.src_uri in handover.late.markdown_paths:
        read_late.add_written(STATE.files, [mkdocs_files.in_memory(file, config) for file in handover.late.files()])
        read_late.read_again(page, handover.late.text_of(page.file.src_uri), config, STATE.files)
    view: search_view.SearchView | None = getattr(page, SEARCH_VIEW, None)
    if view is not None:
        delattr(page, SEARCH_VIEW)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and search.config.enabled:
            search.search_index.add_entry_from_context(view)
    return context


def on_post_build(config: Any) -> None:
    handover = deferred()
    forget_deferred()
    if STATE.beside is not None:
        STATE.beside.wait()
    if handover is not None:
        handover.validation.refuse_if_invalid()  # before `site.build` checks and publishes the site
    frames = STATE.frames
    if frames.rendered:
        LOG.info(f"theme frames: {frames.rendered} rendered for {frames.rendered + frames.reused} generated pages")


def on_post_page(output: str, page: Any, config: Any) -> str:
    if page.meta.get("template") == theme_frame.TEMPLATE:
        return output  # a framed page comes out compacted (`theme_frame.FrameCache.page`)
    return compact_html(output)
