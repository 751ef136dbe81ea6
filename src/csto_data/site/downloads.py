"""The files offered for download: every CSV, the descriptor and a zip of the package.

The zip is built in memory with fixed timestamps and a fixed file order, so
two builds of the same data give byte-identical downloads.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from csto_data.descriptor import PackageSpec

ZIP_NAME = "csto-open-data.zip"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Download:
    """One downloadable file: its site path, bytes and checksum."""

    path: str
    content: bytes
    description: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> str:
        """Human size, e.g. "12.3 KB"."""
        size = len(self.content)
        return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


def package_files(spec: PackageSpec) -> list[tuple[str, bytes]]:
    """(path inside the package, bytes): the descriptor first, then every table."""
    files = [("datapackage.json", (spec.root / "datapackage.json").read_bytes())]
    files += [(table.path, spec.csv_path(table).read_bytes()) for table in spec.tables]
    return files


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(f"csto-open-data/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def downloads(spec: PackageSpec, folder: str = "download/") -> list[Download]:
    """Everything the data page offers, under `folder` in the site (a released version has its own)."""
    files = package_files(spec)
    descriptions = {table.path: table.title for table in spec.tables}
    result = [Download(f"{folder}{ZIP_NAME}", zip_bytes(files), "The whole data package (descriptor and all tables)")]
    for name, content in files:
        result.append(Download(f"{folder}{name}", content, descriptions.get(name, "Data package descriptor")))
    return result


def changelog(spec: PackageSpec) -> str:
    path: Path = spec.root / "CHANGELOG.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""
