"""The downloads of every released version, rebuilt from its tag for `download/vX.Y.Z/`.

A citation of "version 0.1.0" must lead to the files as they were; they are
rebuilt from the tag's data by the same `downloads` function as the current
files (so every format it offers is offered for every version), and nothing
is stored twice. The newest release is also served at `download/latest/`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from csto_data.descriptor import load_descriptor
from csto_data.site.downloads import Download, downloads
from csto_data.versions.git import GitError, Release, package_at, releases

LATEST_FOLDER = "download/latest/"


@dataclass(frozen=True)
class ReleasedFiles:
    """One release and its files, under its own folder of the site."""

    release: Release
    folder: str
    files: tuple[Download, ...]

    @property
    def archive(self) -> Download:
        """The zip of the whole package (`downloads` lists it first)."""
        return self.files[0]

    def checksums(self) -> str:
        """A `SHA256SUMS` file for `sha256sum -c`, with paths relative to the version's folder."""
        return "".join(f"{file.sha256}  {file.path.removeprefix(self.folder)}\n" for file in self.files)

    def moved_to(self, folder: str) -> ReleasedFiles:
        """The same files under another folder (the newest release under `download/latest/`)."""
        files = tuple(replace(file, path=folder + file.path.removeprefix(self.folder)) for file in self.files)
        return ReleasedFiles(self.release, folder, files)


def released_downloads(descriptor_path: Path) -> tuple[ReleasedFiles, ...]:
    """Every release's files, newest first (none without git or release tags)."""
    try:
        found = releases(descriptor_path.parent)
    except GitError:
        return ()
    result = []
    for release in found:
        folder = f"download/{release.tag}/"
        with package_at(descriptor_path.parent, release.tag) as package:
            spec = load_descriptor(package / descriptor_path.name)
            result.append(ReleasedFiles(release, folder, tuple(downloads(spec, folder))))
    return tuple(result)
