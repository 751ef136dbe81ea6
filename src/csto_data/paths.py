"""Where the repository keeps things, so no module hard-codes a relative path."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATAPACKAGE_DIR = REPO_ROOT / "datapackage"
DESCRIPTOR_PATH = DATAPACKAGE_DIR / "datapackage.json"
