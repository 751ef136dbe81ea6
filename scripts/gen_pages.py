"""mkdocs-gen-files script: generate the pages and hand them to the MkDocs build.

All logic lives in `csto_data.site`. The pages reach MkDocs as files in
memory, not through `mkdocs_gen_files.open()`, which writes each to a
temporary folder first (`csto_data.site.mkdocs_files` says why): the hooks
(`scripts/mkdocs_hooks.py`) add them. Each page's edit action points at the
CSV it comes from. The pages that list the downloads (home, data) get their
text when MkDocs reaches them (`csto_data.site.generate.LatePages`), so the
downloads are built beside the rendering, and the validation's verdict is
asked for when the build ends (`generate.Handover`). Under `mkdocs serve` this script
does nothing: the preview session hands MkDocs the pages (`csto_data.site.preview`).
"""

from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import preview
from csto_data.site.generate import defer, generate_for_build

if preview.session() is None:
    defer(generate_for_build(DESCRIPTOR_PATH))
