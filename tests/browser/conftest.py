"""A real browser reading the built site: the site is built once and served on 127.0.0.1.

Why a browser: the unit tests check the generated Markdown and HTML files,
but only a browser shows what a reader meets: the search box (a web worker
fetching the index), links that resolve from the page they are on, console
errors, requests to other hosts, and accessibility as assistive technology
sees the rendered page.

Playwright drives Debian's chromium (`/usr/bin/chromium`), never its own
browser build, which CI machines cannot download. `scripts/browser_deps.sh`
installs chromium and the pinned npm packages (axe-core). When either is
missing the tests fail, naming the fix: they never skip silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Playwright, Route, sync_playwright

from csto_data.bench.chromium import CHROMIUM, CHROMIUM_ARGS
from csto_data.bench.scale import descriptor_override
from csto_data.bench.serve import serve_directory
from csto_data.model import Dataset, Row, load_dataset
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.site.build import build_site

from ..release_repo import delete_event, delete_row, make_release_repo, retire
from .support import AXE, MISSING_TOOLS, TIMEOUT_MS, VIEWPORT, Reader, is_local


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The package the site is built from, to pick real records to visit."""
    return load_dataset(DESCRIPTOR_PATH)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once for the session exactly as `make site` builds it."""
    target = tmp_path_factory.mktemp("browser") / "site"
    build_site(target)
    return target


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL ("http://127.0.0.1:PORT/") of the built site, served for the session."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def retired_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site whose data retired two released ids: an event merged into another, a withdrawn document.

    Built from a throwaway repository with release tags (the real data has
    retired nothing yet), so the old addresses exist to be visited.
    """
    root = tmp_path_factory.mktemp("retired")
    descriptor = make_release_repo(root / "repo")
    delete_event(descriptor, "rubezh-2025")
    delete_row(descriptor, "documents", "joint-training-plan-2025")
    retire(descriptor, "events", "rubezh-2025", "rubezh-2024", "A duplicate of Rubezh-2024.")
    retire(descriptor, "documents", "joint-training-plan-2025", "", "No source shows that the plan was adopted.")
    with descriptor_override(descriptor):
        build_site(root / "site")
    with serve_directory(root / "site") as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Debian chromium; a missing browser fails the test with the fix, never skips it."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: {MISSING_TOOLS}", pytrace=False)
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    """axe-core from node_modules (pinned in package-lock.json)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: {MISSING_TOOLS}", pytrace=False)
    return AXE


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Reader]:
    """A fresh browser context per test: requests to any host but 127.0.0.1 are recorded and blocked."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    result = Reader(page, site_url)

    def route(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            result.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and source and not is_local(source):
            result.console_errors.append(f"blocked external load: {source}")
        else:
            result.console_errors.append(f"{message.text} ({source})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda error: result.console_errors.append(f"uncaught: {error}"))
    yield result
    context.close()


@pytest.fixture
def retired_reader(browser: Browser, retired_site_url: str) -> Iterator[Reader]:
    """A browser tab on the site with retired ids."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    yield Reader(context.new_page(), retired_site_url)
    context.close()


@pytest.fixture(scope="session")
def rubezh_event(dataset: Dataset) -> Row:
    """A Rubezh edition whose host state took part in other events too.

    Rubezh is the project's best-known exercise series; the host must have
    other events so the journey event -> host -> another event can go on.
    Chosen from the data, so the tests follow it as it grows.
    """
    candidates = sorted(
        (event for event in dataset.tables["events"] if "rubezh" in event["title"].lower() and event.get("host_id")),
        key=lambda event: event["id"],
    )
    for event in candidates:
        if any(row["event_id"] != event["id"] for row in dataset.member_events[event["host_id"]]):
            return event
    pytest.fail("the data has no Rubezh event whose host state took part in another event", pytrace=False)


@pytest.fixture(scope="session")
def audited_pages(rubezh_event: Row) -> dict[str, str]:
    """Name -> site path of the pages checked for accessibility (one of each kind a reader meets)."""
    return {
        "home": "",
        "event": f"events/{rubezh_event['id']}/",
        "member": f"members/{rubezh_event['host_id']}/",
        "plan glossary": "documents/",
        "data": "data/",
        "places map": "places/",
        "participation grid": "members/participation/",
        "series strips": f"series/{rubezh_event['series_id']}/",
        "timeline": "events/timeline/",
    }
