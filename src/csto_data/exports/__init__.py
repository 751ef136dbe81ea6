"""Every download of the package, built from the validated dataset by one exporter per format.

`EXPORTERS` is the registry (in the spirit of OpenSanctions' zavod
exporters): each takes an `ExportContext` (the dataset plus shared,
typed rows) and returns `ExportFile`s. `build_downloads` runs them all and
adds the zip of everything; `write_all_downloads` writes the files to a
folder and needs no MkDocs, so a release script can rebuild every download
of an older version of the data from its package folder.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from csto_data.exports.common import FIXED_ZIP_TIME, ExportContext, ExportFile
from csto_data.model import Dataset, load_dataset
from csto_data.site.settings import SITE_URL

Exporter = Callable[[ExportContext], list[ExportFile]]
# Format -> module of this package with an `export(context)` function. Modules are imported
# when used: their libraries (pandas, pyarrow, XlsxWriter...) are slow to import, and the
# site builds its downloads in a child process (see `background`), so the parent never needs them.
EXPORTERS: dict[str, str] = {
    "csv": "csv_files",
    "xlsx": "xlsx",
    "sqlite": "sqlite",
    "parquet": "parquet",
    "json": "json_export",
    "stata": "stata",
    "ical": "ical",
    "atom": "atom",
}
ZIP_NAME = "csto-open-data.zip"
ZIP_FOLDER = "csto-open-data"
COMPRESSED = (".xlsx", ".parquet")

__all__ = ["EXPORTERS", "ExportContext", "ExportFile", "build_downloads", "exporter", "write_all_downloads"]


def exporter(name: str) -> Exporter:
    """The `export` function of one registered format."""
    module = importlib.import_module(f"{__name__}.{EXPORTERS[name]}")
    function: Exporter = module.export
    return function


def zip_of(files: list[ExportFile]) -> ExportFile:
    """One zip of the files, with fixed timestamps and order, so its bytes depend only on the data."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{file.path}", date_time=FIXED_ZIP_TIME)
            # Workbooks and Parquet files are compressed already; deflating them again gains nothing.
            info.compress_type = zipfile.ZIP_STORED if file.path.endswith(COMPRESSED) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.content)
    return ExportFile(
        ZIP_NAME,
        buffer.getvalue(),
        "Everything on this page in one zip: the data package and every other format",
        "ZIP",
        "application/zip",
    )


def build_downloads(data: Dataset, site_url: str = SITE_URL) -> list[ExportFile]:
    """The zip first, then every exporter's files in registry order; paths are unique."""
    context = ExportContext(data, site_url)
    files = [file for name in EXPORTERS for file in exporter(name)(context)]
    paths = [file.path for file in files]
    duplicates = sorted({path for path in paths if paths.count(path) > 1})
    if duplicates:
        raise ValueError(f"two exporters wrote the same file: {', '.join(duplicates)}")
    return [zip_of(files), *files]


def write_all_downloads(source: Dataset | Path, out_dir: Path) -> list[Path]:
    """Validate and load `source` (a Dataset, a package folder or its datapackage.json), write every download.

    Returns the written paths. Raises `InvalidPackageError` for a package that does not validate.
    """
    if isinstance(source, Path):
        data = load_dataset(source / "datapackage.json" if source.is_dir() else source)
    else:
        data = source
    written = []
    for file in build_downloads(data):
        target = out_dir / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        written.append(target)
    return written
