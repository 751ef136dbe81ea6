"""Half the page builders run in a forked child (`site.builders_beside`); the pages must not depend on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from csto_data.model import load_dataset
from csto_data.site import builders_beside
from csto_data.site.builders_beside import BuildersBeside
from csto_data.site.generate import generate_in_two
from csto_data.site.page import Page, SiteContext


def _pages(package_dir: Path) -> list[tuple[str, str | bytes]]:
    pages, _ = generate_in_two(load_dataset(package_dir / "datapackage.json"))
    return [(page.path, page.content) for page in pages]


def test_the_pages_are_the_same_with_and_without_the_child(package_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builders_beside, "can_fork", lambda: True)  # other tests may leave threads running
    forked = _pages(package_dir)
    monkeypatch.setattr(builders_beside, "can_fork", lambda: False)
    assert forked == _pages(package_dir)
    assert any(path.startswith("members/") for path, _ in forked), "the child's builders made no page"


def _failing_builder(site: SiteContext) -> Iterator[Page]:
    raise KeyError("xxx")  # what a builder meets on a dangling id
    yield  # pragma: no cover


def test_a_builder_that_fails_in_the_child_fails_the_caller(package_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builders_beside, "can_fork", lambda: True)
    site = SiteContext(load_dataset(package_dir / "datapackage.json"), ())
    with pytest.raises(RuntimeError, match="KeyError: 'xxx'"):
        BuildersBeside({"broken": _failing_builder}, site).pages()
