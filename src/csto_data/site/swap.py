"""Put a newly built folder in the place of the old one without a moment in which neither is whole.

Why: deleting the old site and then renaming the new one in left a window
in which a kill (a cancelled CI job, Ctrl-C in a terminal) leaves a half
deleted site. On Linux, `renameat2(RENAME_EXCHANGE)` swaps two folders in
one step of the file system; the old one then sits in the scratch folder and
is deleted with it. Elsewhere (or on a file system without the exchange) the
old folder is moved aside first and the new one renamed in, two renames that
leave the old site whole, under the scratch folder, if a kill falls between
them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(new: Path, target: Path, aside: Path) -> None:
    """Make `new` be `target`; the previous `target`, if any, ends up at `aside` (same file system)."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        new.rename(aside)  # `new` now holds the old site
        return
    target.rename(aside)
    new.rename(target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing has changed)."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP}:
        return False
    raise OSError(code, os.strerror(code), str(second))
