"""Read release tags and past versions of the package from git.

A release is a tag `vX.Y.Z`. Nothing from a past version is stored twice:
its files are read back from the tag (`git archive`) when they are needed,
into a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RELEASE_TAG = re.compile(r"^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
"""A SemVer release tag; pre-release and build suffixes are not releases."""


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a ref does not exist."""


@dataclass(frozen=True)
class Release:
    """One release tag and the day it was made."""

    tag: str
    date: str

    @property
    def version(self) -> str:
        return self.tag.removeprefix("v")


def _run(directory: Path, *args: str) -> bytes:
    try:
        completed = subprocess.run(["git", "-C", str(directory), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GitError("git is not installed") from error
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return completed.stdout


def releases(directory: Path, reachable_from: str | None = None) -> list[Release]:
    """Every release tag of the repository holding `directory`, newest version first.

    With `reachable_from`, only the releases in that commit's history: an
    older branch is compared with the release it grew from, not a later one.
    """
    merged = [f"--merged={reachable_from}"] if reachable_from else []
    output = _run(
        directory,
        "for-each-ref",
        *merged,
        "--sort=-v:refname",
        "--format=%(refname:short) %(creatordate:short)",
        "refs/tags/v*",
    )
    found = []
    for line in output.decode("utf-8").splitlines():
        tag, _, date = line.partition(" ")
        if RELEASE_TAG.match(tag):
            found.append(Release(tag, date))
    return found


def latest_release(directory: Path) -> Release | None:
    """The newest release in the checked-out history, or None when there is none (or a clone fetched none)."""
    found = releases(directory, reachable_from="HEAD")
    return found[0] if found else None


def commit_of(directory: Path, ref: str) -> str:
    """The commit a ref (a tag, a branch) points at."""
    return _run(directory, "rev-parse", f"{ref}^{{commit}}").decode("utf-8").strip()


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
