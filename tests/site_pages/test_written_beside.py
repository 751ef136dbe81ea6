"""The site's folders and static files are written by a child process beside the rendering.

`site.written_beside` forks its writer at the start of a build and hands it
the work once the files are known. A build must end whether or not it had
anything to write, must fail when the writer failed, and must find every
file written when it ends.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from csto_data.site import written_beside
from csto_data.site.written_beside import WrittenBeside


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork as a build does (other tests may leave threads running, which turns forking off)."""
    monkeypatch.setattr(written_beside, "can_fork", lambda: True)


def ends_well(writer: WrittenBeside, seconds: float = 60) -> bool:
    """Whether `writer.wait()` returns, without an error, within `seconds` (a hung writer hangs the build)."""
    failures: list[BaseException] = []

    def wait() -> None:
        try:
            writer.wait()
        except BaseException as error:
            failures.append(error)

    waiting = threading.Thread(target=wait, daemon=True)
    waiting.start()
    waiting.join(seconds)
    return not waiting.is_alive() and not failures


def test_the_folders_and_files_are_there_when_the_build_ends(tmp_path: Path) -> None:
    writer = WrittenBeside()
    redirect = tmp_path / "sources" / "tass-1" / "index.html"
    writer.write([tmp_path / "events" / "x", tmp_path / "events" / "y"], [(redirect, b"<p>moved</p>")])
    assert ends_well(writer)
    assert (tmp_path / "events" / "x").is_dir()
    assert (tmp_path / "events" / "y").is_dir()
    assert redirect.read_bytes() == b"<p>moved</p>"


def test_a_build_with_nothing_to_write_still_ends() -> None:
    """A build without generated pages (the benchmark's bare site) never hands the writer any work."""
    assert ends_well(WrittenBeside())


def test_a_failed_write_fails_the_build(tmp_path: Path) -> None:
    in_the_way = tmp_path / "events"
    in_the_way.write_text("a file where a folder must go", encoding="utf-8")
    writer = WrittenBeside()
    writer.write([in_the_way / "x"], [])
    with pytest.raises(RuntimeError, match="writing the site's folders and static files failed"):
        writer.wait()


def test_without_fork_everything_is_written_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `mkdocs serve` (threads running) there is no child: the files are there when `write` returns."""
    monkeypatch.setattr(written_beside, "can_fork", lambda: False)
    writer = WrittenBeside()
    page = tmp_path / "members" / "arm" / "map.svg"
    writer.write([], [(page, b"<svg/>")])
    assert page.read_bytes() == b"<svg/>"
    writer.wait()
