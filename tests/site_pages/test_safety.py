"""The post-build check catches active content that escaping should have prevented."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "content", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>']
)
def test_active_content_inside_the_article_is_reported(tmp_path: Path, content: str) -> None:
    from csto_data.site.safety import unsafe_content

    page = tmp_path / "events" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        f'<html><script src="assets/app.js"></script><article class="md-content">{content}</article></html>'
    )
    assert [finding.split(":")[0] for finding in unsafe_content(tmp_path)] == ["events/x/index.html"]


def test_theme_scripts_outside_the_article_are_allowed(tmp_path: Path) -> None:
    from csto_data.site.safety import unsafe_content

    (tmp_path / "index.html").write_text('<script src="assets/app.js"></script><article>text</article>')
    assert unsafe_content(tmp_path) == []


def test_a_json_ld_block_broken_by_a_value_is_reported(tmp_path: Path) -> None:
    from csto_data.site.safety import unsafe_content

    (tmp_path / "index.html").write_text(
        '<head><script type="application/ld+json">{"name": "x</script><script>alert(1)//"}</script></head>'
        "<article>text</article>"
    )
    (tmp_path / "ok.html").write_text('<head><script type="application/ld+json">{"name": "x"}</script></head>')
    assert unsafe_content(tmp_path) == ["index.html: a JSON-LD block that is not valid JSON"]
