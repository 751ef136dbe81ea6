"""Where the repository keeps things, so no module hard-codes a relative path.

`CSTO_DESCRIPTOR` points the whole pipeline (validation, the gen-files
script, the site build) at another package, e.g. a test fixture or a
synthetic benchmark package, without touching the real data.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATAPACKAGE_DIR = REPO_ROOT / "datapackage"
DESCRIPTOR_PATH = Path(os.environ.get("CSTO_DESCRIPTOR", DATAPACKAGE_DIR / "datapackage.json"))
