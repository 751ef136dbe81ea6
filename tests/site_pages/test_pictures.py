"""The pictures (map, participation grid, series strips, timeline) say what the data says.

Each SVG is parsed as XML, as a browser would, and its links, tooltips and
numbers are compared with the minimal fixture package: Tajikistan hosted
Rubezh-2024 (held, Kyrgyzstan took part), Rubezh-2025 is planned, Armenia's
participation has been suspended since February 2024.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest

from csto_data.descriptor import load_descriptor
from csto_data.model import load_dataset
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site.generate import generate_pages
from csto_data.site.page import Page
from csto_data.site.pictures.basemap import countries, provenance
from csto_data.site.pictures.families import FAMILIES, FAMILY_COLOURS
from csto_data.site.pictures.map import Dot, label_positions
from csto_data.site.pictures.membership import STANDING_LABELS
from csto_data.site.pictures.natural_earth import country_shape, decode_arcs
from csto_data.site.pictures.strip import SeriesRow, series_strips

SVG = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 100_000


def pages_of(package_dir: Path) -> dict[str, Page]:
    return {page.path: page for page in generate_pages(load_dataset(package_dir / "datapackage.json"))}


def pictures(page: Page) -> list[ET.Element]:
    """Every inline SVG of a page, parsed (a malformed one fails here)."""
    assert isinstance(page.content, str)
    return [ET.fromstring(match) for match in re.findall(r"<svg .*?</svg>", page.content, re.DOTALL)]


def the_picture(page: Page) -> ET.Element:
    found = [svg for svg in pictures(page) if svg.get("class") == "picture"]
    assert len(found) == 1, f"{page.path} has {len(found)} pictures"
    return found[0]


def links(svg: ET.Element) -> dict[str, str]:
    """Accessible name (its own `<title>`) -> href of every link in the picture."""
    named = {}
    for link in svg.iter(f"{SVG}a"):
        title = link.find(f"{SVG}title")
        assert title is not None and title.text, "a link in a picture has no name"
        named[title.text] = link.get("href", "")
    return named


def tooltips(svg: ET.Element) -> list[str]:
    return [title.text or "" for title in svg.iter(f"{SVG}title")]


def assert_accessible(svg: ET.Element) -> None:
    """Named by its own title and description, as the text alternative a screen reader reads."""
    title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text and description is not None and description.text
    assert svg.get("aria-labelledby") == f"{title.get('id')} {description.get('id')}"
    assert svg.get("role") == ("group" if svg.find(f".//{SVG}a") is not None else "img")


@pytest.fixture
def pages(package_dir: Path) -> dict[str, Page]:
    return pages_of(package_dir)


def test_places_map_draws_outlines_and_links_each_located_place(pages: dict[str, Page]) -> None:
    svg = the_picture(pages["places/index.md"])
    assert_accessible(svg)
    # Dushanbe has coordinates and no event; Harbmaidon range has an event but no coordinates.
    assert links(svg) == {"Dushanbe: 0 events": "dushanbe/"}
    assert "Tajikistan: member" in tooltips(svg)
    assert len(list(svg.iter(f"{SVG}path"))) > 3, "country outlines are drawn around the place"


def picture_file(pages: dict[str, Page], member: str, name: str) -> ET.Element:
    """A member page's picture: an SVG file beside the page, which the page shows in an `<object>`."""
    page, picture = pages[f"members/{member}.md"].content, pages[f"members/{member}/{name}"].content
    assert isinstance(page, str) and isinstance(picture, str)
    assert f'<object class="picture" data="{name}" type="image/svg+xml"' in page
    svg = ET.fromstring(picture)
    assert all(link.get("target") == "_top" for link in svg.iter(f"{SVG}a")), "a link would open inside the picture"
    return svg


def test_member_map_outlines_the_state_and_shades_a_suspended_member(pages: dict[str, Page]) -> None:
    tajikistan = picture_file(pages, "tjk", "map.svg")
    assert_accessible(tajikistan)
    assert links(tajikistan) == {"Dushanbe: 0 events": "../../places/dushanbe/"}
    armenia = picture_file(pages, "arm", "map.svg")
    assert f"Armenia: {STANDING_LABELS['suspended']}" in tooltips(armenia)
    assert links(armenia) == {}, "Armenia has no place in the fixture"
    assert armenia.get("role") == "img"


def test_participation_grid_counts_held_exercises_taken_part_in_and_hosted(pages: dict[str, Page]) -> None:
    svg = the_picture(pages["members/participation.md"])
    assert_accessible(svg)
    cells = links(svg)
    year_list = "../../events/by-year/2024/"
    assert cells["Tajikistan in 2024 (member): took part in 1 held exercise or training, hosted 1"] == year_list
    assert cells["Kyrgyzstan in 2024 (member): took part in 1 held exercise or training"] == year_list
    assert not any(label.startswith("Kyrgyzstan in 2025") for label in cells), "Rubezh-2025 is only planned"
    assert "Armenia in 2025 (participation suspended): took part in 0 held exercises and trainings" in tooltips(svg)
    table = pages["members/participation.md"].content
    assert isinstance(table, str)
    assert "<tr><td>2024</td>" in table and "<td>1 (1 hosted)</td>" in table


def test_member_page_carries_its_row_of_the_grid_with_the_same_numbers(pages: dict[str, Page]) -> None:
    row = picture_file(pages, "tjk", "years.svg")
    assert_accessible(row)
    assert {label.split(" in ")[0] for label in links(row) if " in 20" in label} == {"Tajikistan"}
    content = pages["members/tjk.md"].content
    assert isinstance(content, str)
    assert "<tr><td>2024</td><td>1</td><td></td><td>1 (1)</td></tr>" in content


def test_series_strip_marks_each_edition_by_status_and_links_it(pages: dict[str, Page]) -> None:
    strip = the_picture(pages["series/rubezh.md"])
    assert_accessible(strip)
    assert links(strip) == {
        "Rubezh-2024, 2024: held": "../../events/rubezh-2024/",
        "Rubezh-2025, 2025: planned": "../../events/rubezh-2025/",
    }
    index = the_picture(pages["series/index.md"])
    assert links(index)["Rubezh"] == "rubezh/"
    assert links(index)["Rubezh-2025, 2025: planned"] == "../events/rubezh-2025/"


def test_timeline_stacks_families_with_the_kinds_in_each_tooltip(pages: dict[str, Page]) -> None:
    svg = the_picture(pages["events/timeline.md"])
    assert_accessible(svg)
    assert links(svg) == {"2024: 1 event": "../by-year/2024/", "2025: 1 event": "../by-year/2025/"}
    assert "2024, exercises and trainings: 1 (Exercise 1)" in tooltips(svg)


def test_every_event_kind_belongs_to_a_family_with_a_colour_that_passes_contrast() -> None:
    kinds = next(
        field.enum
        for table in load_descriptor(DESCRIPTOR_PATH).tables
        if table.name == "events"
        for field in table.fields
        if field.name == "kind"
    )
    assert sorted(kind for members in FAMILIES.values() for kind in members) == sorted(kinds)
    for colour in FAMILY_COLOURS.values():
        assert contrast(colour, "#ffffff") >= 3, f"{colour} is too pale against the page (WCAG 1.4.11)"
    for first, second in combinations(FAMILY_COLOURS.values(), 2):
        assert first != second


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_labels_never_overlap_and_the_busiest_place_keeps_its_name() -> None:
    names = ("Bishkek", "Kant", "Tokmok", "Ala-Archa", "Cholpon-Ata", "Karakol")
    dots = [
        Dot({"id": name, "name": name}, 100 + 6 * index, 50 + 3 * index, 5, 10 - index)
        for index, name in enumerate(names)
    ]
    placed = label_positions(dots, 400, 200)
    assert "Bishkek" in placed
    for first, second in combinations(placed.values(), 2):
        a, b = first.box, second.box
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (first, second)
    assert all(label.box[0] >= 0 and label.box[2] <= 400 for label in placed.values())


def test_real_package_pictures_stay_small_and_never_call_another_host() -> None:
    """The real data's largest pictures (Russia's map, the grid, the series index) stay under 100 KB."""
    for page in generate_pages(load_dataset(DESCRIPTOR_PATH)):
        if not isinstance(page.content, str) or "<svg" not in page.content:
            continue
        for match in re.findall(r"<svg .*?</svg>", page.content, re.DOTALL):
            assert len(match.encode()) < MAX_BYTES, f"a picture on {page.path} is {len(match.encode()):,} bytes"
            addresses = re.findall(r'(?:href|src)="([^"]*)"', match)
            assert not [address for address in addresses if "//" in address], page.path


def test_basemap_names_its_source_and_outlines_every_member_state() -> None:
    assert "Natural Earth" in provenance()["data"] and "world-atlas@2.0.2" in provenance()["package"]
    codes = {country.code for country in countries()}
    members = {row["id"] for row in load_dataset(DESCRIPTOR_PATH).tables["members"]}
    assert members <= codes
    russia = next(country for country in countries() if country.code == "rus")
    assert russia.outline.bounds[2] > 185, "Chukotka stays beside the rest of Russia, east of 180°"


def test_topojson_arcs_are_decoded_and_reversed_arcs_walk_backwards() -> None:
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
    }
    arcs = decode_arcs(topology)
    assert arcs[0] == [(0, 0), (2, 0), (2, 2)]
    square = country_shape(arcs, {"type": "Polygon", "arcs": [[0, ~1]]})
    assert square is not None and square.area == 4


def test_a_crowded_year_of_a_series_is_one_count_linked_to_the_year() -> None:
    editions = [
        {"id": f"drill-{number}", "title": f"Drill {number}", "status": "held", "start": f"2024-0{number}"}
        for number in range(1, 5)
    ] + [{"id": "drill-5", "title": "Drill 5", "status": "planned", "start": "2025-05"}]
    row = SeriesRow.of({"id": "drill", "name": "Drill"}, editions)
    strip = ET.fromstring(series_strips("series/drill.md", "strip", [row], "Drill", names=False))
    assert links(strip) == {
        "Drill, 2024: 4 editions": "../../events/by-year/2024/",
        "Drill 5, 2025: planned": "../../events/drill-5/",
    }
    assert "More than 3: their number" in ET.tostring(strip, encoding="unicode")
