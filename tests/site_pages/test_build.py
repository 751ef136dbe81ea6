"""Build the real site with MkDocs (strict) and check it as a reader would meet it.

One module-scoped build keeps the suite fast; the reproducibility test builds
a second time and compares every file byte for byte.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from csto_data.model import InvalidPackageError, load_dataset
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site import shortcuts
from csto_data.site.build import build_site
from csto_data.site.safety import unsafe_content

EPOCH = "1767225600"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("build") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        build_site(target)
    return target


def test_every_event_has_a_page(built_site: Path) -> None:
    data = load_dataset(DESCRIPTOR_PATH)
    for event in data.tables["events"]:
        assert (built_site / "events" / event["id"] / "index.html").exists(), event["id"]
    for member in data.tables["members"]:
        assert (built_site / "members" / member["id"] / "index.html").exists()


def test_every_former_source_address_leads_to_the_sources_entry(built_site: Path) -> None:
    """`sources/<id>/` was a page of its own; it must keep answering, on the source's entry."""
    lost = []
    for source in load_dataset(DESCRIPTOR_PATH).tables["sources"]:
        redirect = built_site / "sources" / source["id"] / "index.html"
        found = re.search(
            r'http-equiv="refresh" content="0; url=([^"#]+)#([^"]+)"', redirect.read_text(encoding="utf-8")
        )
        assert found, source["id"]
        target = (redirect.parent / found.group(1) / "index.html").resolve()
        if found.group(2) != source["id"] or f'<section id="{source["id"]}">' not in target.read_text(encoding="utf-8"):
            lost.append(source["id"])
    assert lost == []


def test_internal_links_resolve(built_site: Path) -> None:
    broken = []
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":  # served from any depth, so it links from the site root
            continue
        for href in re.findall(r'href="([^"#:?/][^"#:?]*)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            if not (target.exists() or (target / "index.html").exists()):
                broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert broken == []


def test_pages_have_titles_descriptions_and_an_edit_link_to_the_csv(built_site: Path) -> None:
    event = next((built_site / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="[^"]{20,}"', event)
    assert "/edit/main/datapackage/data/events.csv" in event
    assert "<abbr title=" in (built_site / "glossary" / "index.html").read_text(encoding="utf-8")


def test_downloads_are_in_the_site(built_site: Path) -> None:
    assert (built_site / "download" / "csto-open-data.zip").stat().st_size > 0
    for name in (
        "csto-open-data.xlsx",
        "csto-open-data.sqlite",
        "csto-open-data.json",
        "exercise-country-year.csv",
        "exercise-country-year.dta",
        "parquet/events.parquet",
        "json/events.json",
    ):
        assert (built_site / "download" / name).stat().st_size > 0, name
    for feed in ("csto-events.ics", "csto-events.atom"):  # at the root, the address to subscribe to
        assert (built_site / feed).stat().st_size > 0, feed
    header = (built_site / "download" / "data" / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,title,title_ru,kind,")


def _json_ld(html: str) -> list[dict[str, object]]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def test_page_heads_carry_json_ld_and_advertise_the_feed_and_calendar(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    head = home.split("</head>")[0]
    assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]+href="\./csto-events.atom"', head)
    assert re.search(r'<link rel="alternate" type="text/calendar"[^>]+href="\./csto-events.ics"', head)
    assert [block["@type"] for block in _json_ld(head)] == ["Dataset"]
    data = _json_ld((built_site / "data" / "index.html").read_text(encoding="utf-8").split("</head>")[0])
    versions = re.compile(r"^(v\d+\.\d+\.\d+|latest)$")  # released versions' folders are not the current data
    downloads = sum(
        1
        for path in (built_site / "download").rglob("*")
        if path.is_file() and not versions.match(path.relative_to(built_site / "download").parts[0])
    )
    assert len(data[0]["distribution"]) == downloads + 2  # and the feed and calendar at the root
    event = _json_ld((built_site / "events" / "rubezh-2024" / "index.html").read_text(encoding="utf-8"))
    assert event[0]["@type"] == "Event" and event[0]["startDate"] == "2024-10-17"


def test_no_generated_page_carries_active_content(built_site: Path) -> None:
    assert unsafe_content(built_site) == []


def test_two_builds_with_source_date_epoch_are_identical(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    second = tmp_path / "site"
    build_site(second)
    first_files = sorted(path.relative_to(built_site) for path in built_site.rglob("*") if path.is_file())
    second_files = sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert first_files == second_files
    different = [str(path) for path in first_files if (built_site / path).read_bytes() != (second / path).read_bytes()]
    assert different == []


def test_script_in_a_summary_is_text_in_the_built_html(
    package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = package_dir / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "A joint exercise of the Central Asian forces.", "<script>alert(1)</script>"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("CSTO_DESCRIPTOR", str(package_dir / "datapackage.json"))
    monkeypatch.setattr("csto_data.paths.DESCRIPTOR_PATH", package_dir / "datapackage.json")
    build_site(tmp_path / "site")
    html = (tmp_path / "site" / "events" / "rubezh-2024" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.replace("&#60;", "&lt;").replace("&#62;", "&gt;").replace(
        "&#40;", "("
    ).replace("&#41;", ")")
    assert "<script>alert(1)</script>" not in html


def test_a_broken_package_builds_no_site_and_keeps_the_old_one(
    package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("previous site")
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("2024-10-04,day", "2024-13-04,day"), encoding="utf-8")
    monkeypatch.setattr("csto_data.paths.DESCRIPTOR_PATH", package_dir / "datapackage.json")
    with pytest.raises(Exception, match="problem"):
        build_site(target)
    assert (target / "index.html").read_text() == "previous site"
    assert not list((tmp_path / ".build").glob("*"))


def test_rows_that_generate_but_break_a_rule_stop_the_build_at_its_end(
    package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build asks for the validation's verdict when it ends (`generate.Handover`), not before it renders.

    Two rows out of order generate every page; the build must still refuse
    the package with the validator's positioned problem, and write no site.
    """
    events = package_dir / "data" / "events.csv"
    header, first, second, *rest = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join([header, second, first, *rest]), encoding="utf-8")
    monkeypatch.setattr("csto_data.paths.DESCRIPTOR_PATH", package_dir / "datapackage.json")
    target = tmp_path / "site"
    with pytest.raises(InvalidPackageError, match=r"events\.csv:2: column '-': not-canonical"):
        build_site(target)
    assert not target.exists()
    assert not list((tmp_path / ".build").glob("*"))


def test_the_build_shortcuts_change_no_byte(built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Theme frames and search views (`csto_data.site.shortcuts`) only make the build faster.

    The reference renders every page with the theme and lets the search plugin
    parse every page whole; every file, the search index included, must match.
    """
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv(shortcuts.SWITCH, "off")
    reference = tmp_path / "site"
    build_site(reference)
    built = {path.relative_to(built_site) for path in built_site.rglob("*") if path.is_file()}
    assert built == {path.relative_to(reference) for path in reference.rglob("*") if path.is_file()}
    differing = [path for path in sorted(built) if (built_site / path).read_bytes() != (reference / path).read_bytes()]
    assert [str(path) for path in differing] == []


HOSTILE_CHANGELOG = """### 9.9.9 (2026-01-01)

- retired `x`: <img src=x onerror="alert(1)">
- <iframe src="https://evil.example/"></iframe> <form action="https://evil.example/"><input></form>
- <meta http-equiv="refresh" content="0; url=https://evil.example/">
- [an entity-encoded link](&#106;avascript:alert(1)) and [a plain one](javascript:alert(2))
- A harmless mention of javascript: in text, and [a real link](https://example.org/).
"""


def test_a_hostile_changelog_never_reaches_the_data_page_live(
    package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The changelog is rendered as untrusted Markdown: raw HTML is text, script links are no links."""
    from csto_data.site.safety import active_content

    (package_dir / "CHANGELOG.md").write_text(HOSTILE_CHANGELOG, encoding="utf-8")
    monkeypatch.setenv("CSTO_DESCRIPTOR", str(package_dir / "datapackage.json"))
    monkeypatch.setattr("csto_data.paths.DESCRIPTOR_PATH", package_dir / "datapackage.json")
    build_site(tmp_path / "site")
    html = (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")
    changelog = html.split('<div class="changelog">', 1)[1].split("</div>", 1)[0]
    assert active_content(changelog) == []
    assert "&lt;iframe" in changelog
    assert "A harmless mention of javascript: in text" in changelog
    assert '<a href="https://example.org/">a real link</a>' in changelog


def test_a_new_site_takes_the_old_ones_place_in_one_step(tmp_path: Path) -> None:
    """The swap never leaves `site/` missing or half deleted: afterwards the old site is gone with the scratch."""
    from csto_data.site.swap import exchange

    target, new, aside = tmp_path / "site", tmp_path / "new", tmp_path / "aside"
    target.mkdir()
    (target / "index.html").write_text("old")
    new.mkdir()
    (new / "index.html").write_text("new")
    exchange(new, target, aside)
    assert (target / "index.html").read_text() == "new"
    assert (aside / "index.html").read_text() == "old"
    assert not new.exists()
