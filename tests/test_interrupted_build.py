"""`make site` interrupted at any moment leaves the previous site whole, no scratch folder and no process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from csto_data.paths import REPO_ROOT


def _descendants(pid: int) -> list[int]:
    """The process ids below `pid`, read from /proc (children of children included)."""
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(status.parent.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads the process tree from /proc")
@pytest.mark.parametrize("delay", [1.0, 3.0])
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_killed_build_keeps_the_old_site_and_leaves_nothing_behind(
    tmp_path: Path, delay: float, signal_number: int
) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("previous site")
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from csto_data.cli import site_main; sys.exit(site_main(sys.argv[1:]))",
            "build",
            str(target),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    below = _descendants(build.pid)
    build.send_signal(signal_number)
    build.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in below) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in below if Path(f"/proc/{pid}").exists() and _is_alive(pid)] == []
    site = target / "index.html"
    assert site.exists()
    if site.read_text(encoding="utf-8") != "previous site":  # the signal came once the new site was in place
        assert (target / "sitemap.xml").exists() and (target / "search" / "search_index.json").exists()
    if signal_number != signal.SIGKILL:  # a killed process cleans nothing: its scratch stays, under ignored .build/
        assert list((tmp_path / ".build").glob("*")) == []


def test_a_build_removes_the_scratch_folder_a_killed_build_left(tmp_path: Path) -> None:
    from csto_data.site.build import _remove_abandoned

    scratch_root = tmp_path / ".build"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    (scratch_root / f"site-{gone.stdout.strip()}-abc").mkdir(parents=True)
    (scratch_root / f"site-{os.getpid()}-def").mkdir()
    _remove_abandoned(scratch_root)
    assert [folder.name for folder in scratch_root.iterdir()] == [f"site-{os.getpid()}-def"]


def _is_alive(pid: int) -> bool:
    """A process that has not ended (a zombie waiting for its parent to read its status has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
