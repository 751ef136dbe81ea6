"""Generated pages rendered with their HTML blocks handed past Python-Markdown come out unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from csto_data.model import load_dataset
from csto_data.paths import REPO_ROOT
from csto_data.site.generate import generate_pages
from csto_data.site.raw_blocks import Stashed, restore, stash


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the site's mkdocs.yml."""
    config: dict[str, Any] = yaml_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            settings[name] = options
    return markdown.Markdown(extensions=names, extension_configs=settings)


def body(content: str) -> str:
    """The Markdown after the front matter, which MkDocs strips before rendering."""
    return content.split("\n---\n", 1)[1] if content.startswith("---\n") else content


def test_every_generated_page_renders_the_same_with_its_blocks_stashed(package_dir: Path) -> None:
    pages = [  # the pages whose body is HTML already (`markup: html`) skip Python-Markdown altogether
        page
        for page in generate_pages(load_dataset(package_dir / "datapackage.json"))
        if page.path.endswith(".md") and "\nmarkup: html\n" not in str(page.content)
    ]
    stashed_any = 0
    for page in pages:
        assert isinstance(page.content, str)
        source = body(page.content)
        whole = site_markdown()
        expected = whole.convert(source)
        stashed = stash(source)
        stashed_any += len(stashed.blocks)
        split = site_markdown()
        assert restore(split.convert(stashed.markdown), stashed) == expected, page.path
        assert split.toc_tokens == whole.toc_tokens, page.path  # type: ignore[attr-defined]
    assert stashed_any > len(pages)  # the tables, figures and wrappers of the pages were stashed


def test_a_block_that_does_not_close_cleanly_is_left_to_markdown() -> None:
    for source in (
        "<table>\n<tr><td>a</td></tr>\n",
        "<div>\n<div>\n</div>\n",
        "<table><tr><td>a</td></tr></table> tail\n",
    ):
        assert stash(source).blocks == []
    assert stash("```html\n\n<table></table>\n\n```\n").blocks == []


def test_restore_refuses_html_that_lost_a_block() -> None:
    with pytest.raises(ValueError, match="lost"):
        restore("<p>nothing</p>", Stashed("<!--csto-raw-block-0-->", ["<table></table>"]))
