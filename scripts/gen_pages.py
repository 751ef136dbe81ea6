"""mkdocs-gen-files shim: write the generated pages into the MkDocs build.

All logic lives in `csto_data.site`; this script only hands the pages to
gen-files and points each page's edit action at the CSV it comes from.
Under `mkdocs serve` it does nothing: the preview session hands MkDocs the
pages (`scripts/mkdocs_hooks.py`, `csto_data.site.preview`).
"""

import mkdocs_gen_files

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.generate import generate_from_descriptor

if preview.session() is None:
    for page in generate_from_descriptor(DESCRIPTOR_PATH):
        mode = "wb" if isinstance(page.content, bytes) else "w"
        with mkdocs_gen_files.open(page.path, mode) as handle:
            handle.write(page.content)
        if page.edit_path:
            mkdocs_gen_files.set_edit_path(page.path, page.edit_path)
