"""What a reader does on the site, in a real browser: search, follow links, download.

Every record visited is picked from the data (`rubezh_event`), so the tests
follow the dataset as it grows instead of naming rows that may be renamed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from csto_data.exports.country_year import COUNTRY_YEAR_TABLE
from csto_data.model import Dataset, Row, event_start
from csto_data.paths import DESCRIPTOR_PATH

from .support import Reader

RELEASED_FOLDER = re.compile(r"^(v\d+\.\d+\.\d+|latest)/")
EVENT_PATH = re.compile(r"^/events/([a-z0-9]+(?:-[a-z0-9]+)*)/$")


def article_links(reader: Reader) -> list[str]:
    """Absolute URLs of the links in the page's main content, in document order.

    Resolved from the attribute because an SVG link's `href` property is an object, not a URL.
    """
    hrefs: list[str] = reader.page.eval_on_selector_all(
        "article a[href]", "links => links.map(link => new URL(link.getAttribute('href'), location.href).href)"
    )
    return hrefs


def test_home_page_loads_without_console_errors(reader: Reader) -> None:
    reader.visit("")
    assert reader.page.locator("article h1").count() == 1
    assert reader.own_console_errors() == []


def test_search_finds_an_exercise_and_opens_its_page(reader: Reader, rubezh_event: Row) -> None:
    reader.visit("")
    box = reader.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(rubezh_event["title"], delay=30)
    result = reader.page.locator(f'.md-search-result__list a[href*="/events/{rubezh_event["id"]}/"]').first
    result.wait_for(state="visible")
    result.click()
    reader.page.wait_for_url(lambda url: urlsplit(url).path == f"/events/{rubezh_event['id']}/")
    assert reader.heading() == rubezh_event["title"]
    assert reader.own_console_errors() == []


def test_event_to_host_member_to_another_event(reader: Reader, rubezh_event: Row, dataset: Dataset) -> None:
    reader.visit(f"events/{rubezh_event['id']}/")
    host_row = reader.page.locator("article tr").filter(
        has=reader.page.locator("td:first-child", has_text=re.compile(r"^\s*Host state\s*$"))
    )
    host_row.get_by_role("link").click()
    reader.page.wait_for_url(lambda url: urlsplit(url).path == f"/members/{rubezh_event['host_id']}/")
    member = dataset.by_id["members"][rubezh_event["host_id"]]
    assert reader.heading() == member["name"]

    events = dataset.by_id["events"]
    others = [
        match.group(1)
        for link in article_links(reader)
        if (match := EVENT_PATH.match(urlsplit(link).path)) and match.group(1) in events
    ]
    others = [event_id for event_id in others if event_id != rubezh_event["id"]]
    assert others, f"the page of {member['name']} links to no other event"
    target = others[0]
    reader.page.locator(f'article a[href$="events/{target}/"]').first.click()
    reader.page.wait_for_url(lambda url: urlsplit(url).path == f"/events/{target}/")
    assert reader.heading() == events[target]["title"]
    assert reader.own_console_errors() == []


def test_glossary_explains_abbreviations_in_a_tooltip(reader: Reader) -> None:
    reader.visit("glossary/")
    abbreviations = reader.page.locator("article abbr[title]")
    assert abbreviations.count() > 0
    first = abbreviations.first
    assert first.is_visible()
    assert first.inner_text().strip()
    assert (first.get_attribute("title") or "").strip(), "the tooltip text is empty"


def test_every_download_answers_and_each_csv_matches_the_descriptor(reader: Reader) -> None:
    descriptor = json.loads(Path(DESCRIPTOR_PATH).read_text(encoding="utf-8"))
    fields = {
        resource["path"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in descriptor["resources"]
    }
    fields[COUNTRY_YEAR_TABLE.path] = COUNTRY_YEAR_TABLE.field_names  # derived, documented on the data page
    reader.visit("data/")
    downloads = sorted({link for link in article_links(reader) if urlsplit(link).path.startswith("/download/")})
    assert downloads, "the data page links to no download"
    checked: set[str] = set()
    for url in downloads:
        response = reader.page.request.get(url)
        assert response.status == 200, f"{url} answered {response.status}"
        path = urlsplit(url).path.removeprefix("/download/")
        if RELEASED_FOLDER.match(path):
            continue  # a released version's files follow that version's descriptor (tests/test_releases.py)
        body = response.body()
        if path.endswith(".csv"):
            assert path in fields, f"{path} is offered but is not a resource of datapackage.json"
            rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
            assert rows[0] == fields[path], f"{path}: header differs from datapackage.json"
            assert all(len(row) == len(rows[0]) for row in rows[1:]), f"{path}: a row has the wrong number of cells"
            checked.add(path)
        elif path == "datapackage.json":
            assert json.loads(body)["resources"] == descriptor["resources"]
        elif path.endswith(".json"):
            parsed = json.loads(body)  # a table as records (an empty table is []), or the whole package
            assert isinstance(parsed, list) or parsed, f"{path} is empty"
        elif path.endswith(".zip"):
            names = zipfile.ZipFile(io.BytesIO(body)).namelist()
            assert all(any(name.endswith("/" + table) for name in names) for table in fields), names
    assert checked == set(fields), f"no download link for {sorted(set(fields) - checked)}"


def test_suggest_a_correction_names_the_event(reader: Reader, rubezh_event: Row) -> None:
    reader.visit(f"events/{rubezh_event['id']}/")
    link = reader.page.get_by_role("link", name="Suggest a correction")
    assert link.count() == 1
    query = parse_qs(urlsplit(link.get_attribute("href") or "").query)
    assert query.get("record") == [rubezh_event["id"]]


def test_no_request_leaves_the_site(reader: Reader, rubezh_event: Row) -> None:
    """Pages, search and downloads load from 127.0.0.1 only: no fonts, scripts or APIs elsewhere."""
    for path in ("", f"events/{rubezh_event['id']}/", f"members/{rubezh_event['host_id']}/", "documents/", "data/"):
        reader.visit(path)
    box = reader.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Rubezh", delay=30)
    reader.page.locator(".md-search-result__list a").first.wait_for(state="visible")
    assert sorted(set(reader.external_requests)) == [], "requests to hosts other than 127.0.0.1"


def test_upcoming_on_the_home_page_lists_only_events_from_the_as_of_date(reader: Reader, dataset: Dataset) -> None:
    """A reader must not see a 2002 meeting under "Upcoming": only events on or after the as-of date."""
    as_of = dataset.spec.as_of
    assert as_of is not None
    reader.visit("")
    upcoming = reader.page.locator("article h2", has_text="Upcoming and planned").locator(
        "xpath=following-sibling::*[self::table or self::h2][1]"
    )
    listed = []
    if upcoming.evaluate("node => node.tagName") == "TABLE":
        hrefs = upcoming.locator("a[href*='/events/']").evaluate_all("links => links.map(link => link.href)")
        listed = [match.group(1) for href in hrefs if (match := EVENT_PATH.match(urlsplit(href).path))]
    events = dataset.by_id["events"]
    for event_id in listed:
        start = event_start(events[event_id])
        assert start is not None and start.latest >= as_of, f"{event_id} starts before {as_of}"
        assert events[event_id]["status"] in {"planned", "postponed"}
    expected = {
        event["id"]
        for event in dataset.tables["events"]
        if event["status"] in {"planned", "postponed"} and (start := event_start(event)) and start.latest >= as_of
    }
    assert set(listed) <= expected
    assert len(listed) == min(8, len(expected))
    if not expected:
        assert reader.page.get_by_text("No upcoming event is recorded.").count() == 1
