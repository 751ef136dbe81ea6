"""The downloads of every released version, rebuilt from its recorded commit for `download/vX.Y.Z/`.

A citation of "version 0.1.0" must lead to the files as they were; they are
rebuilt from the tag's data by the same exporters as the current files (so
every format is offered for every version), and nothing is stored twice. The
newest release is also served at `download/latest/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from csto_data.exports import ExportFile, build_downloads
from csto_data.model import load_released_dataset
from csto_data.versions.delta import delta_files
from csto_data.versions.git import GitError, Release, package_at, releases

LATEST_FOLDER = "download/latest/"


@dataclass(frozen=True)
class ReleasedFiles:
    """One release and its files (paths relative to the version's folder), under its own folder of the site."""

    release: Release
    folder: str
    files: tuple[ExportFile, ...]

    @property
    def archive(self) -> ExportFile:
        """The zip of the whole package (`build_downloads` lists it first)."""
        return self.files[0]

    @property
    def archive_path(self) -> str:
        return f"{self.folder}{self.archive.path}"

    def site_files(self) -> list[tuple[str, bytes]]:
        """(site path, bytes) of every file of the version, feeds included, all inside its folder."""
        return [(f"{self.folder}{file.path}", file.content) for file in self.files]

    def checksums(self) -> str:
        """A `SHA256SUMS` file for `sha256sum -c`, with paths relative to the version's folder."""
        return "".join(f"{file.sha256}  {file.path}\n" for file in self.files)

    def moved_to(self, folder: str) -> ReleasedFiles:
        """The same files under another folder (the newest release under `download/latest/`)."""
        return ReleasedFiles(self.release, folder, self.files)


def released_downloads(descriptor_path: Path) -> tuple[ReleasedFiles, ...]:
    """Every release's files, newest first (none without git or release tags)."""
    try:
        found = releases(descriptor_path.parent)
        return tuple(
            ReleasedFiles(
                release,
                f"download/{release.tag}/",
                _files_at(descriptor_path, release.commit)
                + _delta_at(descriptor_path, release, found[index + 1] if index + 1 < len(found) else None),
            )
            for index, release in enumerate(found)
        )
    except GitError:
        return ()


@cache
def _delta_at(descriptor_path: Path, release: Release, previous: Release | None) -> tuple[ExportFile, ...]:
    """`delta.json` and the per-table CSVs of `release` against `previous` (`versions.delta`), built once."""
    with package_at(descriptor_path.parent, release.commit) as package:
        new = package / descriptor_path.name
        if previous is None:
            return tuple(delta_files(new, None, release.version, None))
        with package_at(descriptor_path.parent, previous.commit) as older:
            return tuple(delta_files(new, older / descriptor_path.name, release.version, previous.version))


@cache
def _files_at(descriptor_path: Path, commit: str) -> tuple[ExportFile, ...]:
    """The download files of the package as it was at `commit`, built once per process.

    A released package never changes, so `make serve` does not rebuild them on every saved edit.
    """
    with package_at(descriptor_path.parent, commit) as package:
        return tuple(build_downloads(load_released_dataset(package / descriptor_path.name)))
