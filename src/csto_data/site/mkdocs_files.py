"""Generated pages as MkDocs files: held in memory for a build, read from a folder for the preview.

Why in memory: gen-files' `open()` writes every generated file into a
temporary folder, from which MkDocs reads each page back and copies every
other file. A 1,000-event site has 2,500 such files in 1,200 folders, and on
the project's build machine creating a folder costs about half a millisecond
of kernel time: writing them took 1 to 1.5 s of a 6 s build, a third of what
a hand-written site of the same events takes in all. Handed over in memory
(MkDocs 1.6's `File.generated`), each file is written once, into the site.
The preview keeps its pages in a folder instead (`preview` says why), since
`mkdocs serve --dirty` renders again only files newer than their output.
The order of the files is the one gen-files gives (its `file_sort_key`), so
the site's bytes do not depend on where the pages were held.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs_gen_files.editor import file_sort_key

from csto_data.site.page import Page

GENERATOR = "csto-generate"
"""`File.generated_by` of a generated page: the hooks treat such pages differently from hand-written ones."""


def in_memory(page: Page, config: Any) -> File:
    """`page` as a file of the build, with its edit button on the CSV it comes from."""
    file = File.generated(config, page.path, content=page.content)
    return _generated(file, page)


def in_folder(page: Page, folder: Path, config: Any) -> File:
    """`page`, written under `folder` already, as a file of the build."""
    return _generated(File(page.path, str(folder), config.site_dir, config.use_directory_urls), page)


def _generated(file: File, page: Page) -> File:
    file.generated_by = GENERATOR
    file.edit_uri = page.edit_path
    return file


def with_generated(files: Files, generated: Iterable[File], config: Any, last: tuple[str, ...] = ()) -> Files:
    """`files` and the `generated` ones in gen-files' order, except those at the docs paths `last`, which come last.

    A page in `last` that is not among `generated` starts empty: it gets its
    text when MkDocs writes it (`read_late`). A generated file replaces a
    hand-written one at the same path, as with gen-files. MkDocs'
    `exclude_docs` rules apply to generated files as to hand-written ones, so
    the literate-nav file (`.nav.md`) is read for the navigation but not
    built as a page of its own.
    """
    made = {file.src_uri: file for file in generated}
    for path in last:
        made.setdefault(path, in_memory(Page(path, ""), config))
    set_exclusions(made.values(), config)
    merged = sorted({**{file.src_uri: file for file in files}, **made}.values(), key=file_sort_key)
    return Files([*(file for file in merged if file.src_uri not in last), *(made[path] for path in last)])
