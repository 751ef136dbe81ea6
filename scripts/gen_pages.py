"""mkdocs-gen-files shim: write the generated pages into the MkDocs build.

All logic lives in `csto_data.site`; this script only hands the pages to
gen-files and points each page's edit action at the CSV it comes from. The
pages that list the downloads (home, data) get a placeholder here and their
text later, when MkDocs reaches them (`csto_data.site.generate.LatePages`,
`scripts/mkdocs_hooks.py`), so the downloads are built beside the rendering.
Under `mkdocs serve` it does nothing: the preview session hands MkDocs the
pages (`scripts/mkdocs_hooks.py`, `csto_data.site.preview`).
"""

import mkdocs_gen_files

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.generate import defer, generate_in_two_from_descriptor

PLACEHOLDER = "<!-- The hooks put this page's text here when the downloads are ready. -->\n"

if preview.session() is None:
    pages, late = generate_in_two_from_descriptor(DESCRIPTOR_PATH)
    for page in pages:
        mode = "wb" if isinstance(page.content, bytes) else "w"
        with mkdocs_gen_files.open(page.path, mode) as handle:
            handle.write(page.content)
        if page.edit_path:
            mkdocs_gen_files.set_edit_path(page.path, page.edit_path)
    for path in late.markdown_paths:
        with mkdocs_gen_files.open(path, "w") as handle:
            handle.write(PLACEHOLDER)
    defer(late)
