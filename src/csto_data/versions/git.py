"""Releases as recorded in the repository, and past versions of the package read from git.

A release is a row of `datapackage/releases.csv` (version, day, commit); the
git tag `vX.Y.Z` the release workflow pushes is a convenience, not the
record, because tags are easily lost (never pushed, not fetched by a CI
checkout). Nothing from a past version is stored twice:
its files are read back from the release's commit (`git archive`) when they are needed,
into a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a ref does not exist."""


RELEASES_FILE = "releases.csv"
"""Beside datapackage.json: every release's version, day and commit, so a clone without tags knows them."""
RELEASES_HEADER = ["version", "released", "commit"]
VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Release:
    """One release: its version, the day it was made and the commit whose package it published."""

    version: str
    date: str
    commit: str

    @property
    def tag(self) -> str:
        return f"v{self.version}"


def _run(directory: Path, *args: str) -> bytes:
    try:
        completed = subprocess.run(["git", "-C", str(directory), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GitError("git is not installed") from error
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return completed.stdout


def version_key(version: str) -> tuple[int, ...]:
    """A version as numbers, for ordering (`0.10.0` after `0.9.0`)."""
    return tuple(int(part) for part in version.split("."))


def releases(directory: Path) -> list[Release]:
    """Every release recorded in `releases.csv` of the package folder `directory`, newest first.

    The file is tracked, so a clone without tags (or a shallow CI checkout
    that fetched the history) knows every release; rows that are not
    well-formed are the validator's to report and are skipped here.
    """
    path = directory / RELEASES_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = [
        Release(row["version"], row["released"], row["commit"])
        for row in rows
        if VERSION.match(row.get("version") or "") and COMMIT.match(row.get("commit") or "")
    ]
    return sorted(found, key=lambda release: version_key(release.version), reverse=True)


def latest_release(directory: Path) -> Release | None:
    """The newest recorded release in the checked-out history, or None when none is recorded.

    A release whose commit is not an ancestor of HEAD (a branch older than it)
    is skipped; one whose commit this clone lacks is a `GitError` naming it.
    """
    for release in releases(directory):
        try:
            _run(directory, "cat-file", "-e", f"{release.commit}^{{commit}}")
        except GitError as error:
            raise GitError(
                f"the commit {release.commit[:12]} of release {release.tag} is not in this clone "
                "(fetch the whole history: git fetch --unshallow)"
            ) from error
        completed = subprocess.run(
            ["git", "-C", str(directory), "merge-base", "--is-ancestor", release.commit, "HEAD"], check=False
        )
        if completed.returncode == 0:
            return release
    return None


def resolve(directory: Path, ref: str) -> str:
    """The commit to read for `ref`: a recorded release's commit for its tag (`v0.1.0`), else `ref` itself."""
    recorded = {release.tag: release.commit for release in releases(directory)}
    return recorded.get(ref, ref)


@contextmanager
def package_at(directory: Path, ref: str) -> Iterator[Path]:
    """The folder `directory` (a package) as it was at `ref`, extracted to a temporary folder.

    Yields the extracted folder; it is deleted when the block ends.
    """
    top, prefix = _run(directory, "rev-parse", "--show-toplevel", "--show-prefix").decode("utf-8").split("\n")[:2]
    # Run from the top: from a subfolder, `git archive` would apply the folder a second time.
    archive = _run(Path(top), "archive", "--format=tar", f"{ref}:{prefix}")
    with tempfile.TemporaryDirectory(prefix="csto-package-") as scratch:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(scratch, filter="data")
        yield Path(scratch)
