"""The post-build check catches active content that escaping should have prevented."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "content",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;ava&#x73;cript&colon;alert(1)">entity-encoded scheme</a>',
        '<a href="java\tscript:alert(1)">tab in the scheme</a>',
        '<iframe src="https://example.org/"></iframe>',
        '<frameset><frame src="x.html"></frameset>',
        '<form action="https://example.org/"><input name="q"></form>',
        '<meta http-equiv="refresh" content="0; url=https://example.org/">',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "<svg><foreignObject><p>x</p></foreignObject></svg>",
        '<img/src="x"/onerror=alert(1)>',
    ],
)
def test_active_content_inside_the_article_is_reported(tmp_path: Path, content: str) -> None:
    from csto_data.site.safety import unsafe_content

    page = tmp_path / "events" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        f'<html><script src="assets/app.js"></script><article class="md-content">{content}</article></html>'
    )
    assert {finding.split(":")[0] for finding in unsafe_content(tmp_path)} == {"events/x/index.html"}


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


@pytest.mark.parametrize(
    "content",
    [
        "The note says javascript: is not a scheme we allow.",
        "&lt;script&gt;alert(1)&lt;/script&gt; shown as text",
        "A summary about onclick= handlers and &lt;iframe&gt; tags",
        '<a href="https://example.org/javascript:/page">a path that mentions it</a>',
    ],
)
def test_escaped_or_inert_text_that_mentions_active_content_is_not_refused(tmp_path: Path, content: str) -> None:
    from csto_data.site.safety import unsafe_content

    (tmp_path / "index.html").write_text(f"<article>{content}</article>")
    assert unsafe_content(tmp_path) == []


def test_a_redirect_within_the_site_is_allowed_and_one_that_leaves_it_is_not(tmp_path: Path) -> None:
    from csto_data.site.safety import unsafe_content

    (tmp_path / "old.html").write_text('<head><meta http-equiv="refresh" content="0; url=../new/"></head>')
    (tmp_path / "away.html").write_text('<head><meta http-equiv="refresh" content="0;URL=//evil.example/"></head>')
    assert unsafe_content(tmp_path) == ["away.html: a meta refresh"]


def test_a_picture_with_a_script_is_reported(tmp_path: Path) -> None:
    from csto_data.site.safety import unsafe_content

    (tmp_path / "map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    assert unsafe_content(tmp_path) == ["map.svg: a <script> element"]
