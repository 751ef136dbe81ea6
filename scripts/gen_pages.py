"""mkdocs-gen-files shim: write the generated pages into the MkDocs build.

All logic lives in `csto_data.site`; this script only hands the pages to
gen-files and points each page's edit action at the CSV it comes from.
Under `mkdocs serve` the pages come from the preview session (last good
site on a bad edit), and a page whose text did not change gets an old
modification time, so `mkdocs serve --dirty` does not render it again
(nor needs its edit link set again).
"""

import os
from pathlib import Path

import mkdocs_gen_files

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.generate import generate_from_descriptor

session = preview.session()
if session is None:
    pages, unchanged = generate_from_descriptor(DESCRIPTOR_PATH), set()
else:
    pages, unchanged = session.refresh(DESCRIPTOR_PATH)
folder = Path(mkdocs_gen_files.FilesEditor.current().directory)
for page in pages:
    mode = "wb" if isinstance(page.content, bytes) else "w"
    with mkdocs_gen_files.open(page.path, mode) as handle:
        handle.write(page.content)
    if page.path in unchanged:
        os.utime(folder / page.path, (0, 0))
    elif page.edit_path:
        mkdocs_gen_files.set_edit_path(page.path, page.edit_path)
