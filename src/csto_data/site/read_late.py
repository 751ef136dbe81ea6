"""Read a page when MkDocs writes it, not when it reads every page: for the pages that list the downloads.

Why: MkDocs reads and converts every page, and copies every other file,
before it writes any page. The home and data pages list the downloads, which
a child process builds meanwhile (`exports.background`); read with the
others, they and the download files made the build wait for that child
before a single page was written (0.4 s of a 5 s build at 1,000 events).
They start empty instead, and are read again just before they are written,
which is last (`mkdocs_files.with_generated`), the download files joining
the build then: by then the downloads have had the whole rendering to
finish.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page


def read_again(page: Page, text: str, config: Any, files: Files) -> None:
    """What MkDocs' reading step does for a page (`_populate_page`), again, with `text` as its source.

    Only public `Page` methods and plugin events, so every plugin sees the
    page's real text the way it saw every other page's.
    """
    page.file.content_string = text
    page.read_source(config)
    assert page.markdown is not None
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    page.render(config, files)
    assert page.content is not None
    page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)


def add_written(files: Files, new: list[File]) -> None:
    """Add the `new` files to the build's `files` and write them, unless they were added before.

    In `files`, links to them resolve; written here, since MkDocs copied the
    build's other files before it wrote the first page.
    """
    for file in new:
        if files.get_file_from_path(file.src_uri) is None:
            files.append(file)
            file.copy_file()
