"""The data page's files: every download built by `csto_data.exports`, served under `download/`.

Building them is the exporters' job (and needs no MkDocs); this module only
places them in the site and describes them for the page's linked data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from csto_data.descriptor import PackageSpec
from csto_data.exports import ExportContext, ExportFile, jsonld
from csto_data.model import Dataset
from csto_data.site.page import Page
from csto_data.site.settings import SITE_URL


def download_pages(files: list[ExportFile]) -> Iterator[Page]:
    for file in files:
        yield Page(file.site_path, file.content)


def dataset_jsonld(data: Dataset, files: list[ExportFile]) -> str:
    """The schema.org Dataset of the home and data pages, as script-safe JSON."""
    return jsonld.script_safe_json(jsonld.dataset(ExportContext(data, SITE_URL), files))


def changelog(spec: PackageSpec) -> str:
    path: Path = spec.root / "CHANGELOG.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def group(files: list[ExportFile]) -> dict[str, Any]:
    """The files in the sections the data page shows them in."""
    return {
        "package": [file for file in files if file.format.startswith(("CSV", "JSON (Frictionless"))],
        "formats": [file for file in files if not file.format.startswith(("CSV", "JSON", "Parquet", "ZIP"))],
        "json": [file for file in files if file.format == "JSON"],
        "parquet": [file for file in files if file.format == "Parquet"],
    }
