"""What the browser tests share: where the tools are, and a reader's tab with what it saw.

Kept apart from `conftest.py` (fixtures only) so test modules can import the
types and constants by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Page, ViewportSize

from csto_data.bench.serve import HOST
from csto_data.paths import REPO_ROOT

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
MISSING_TOOLS = "run `bash scripts/browser_deps.sh` (installs Debian's chromium and the npm packages)"
LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
"""Wide enough for Material's desktop layout, where the search box sits in the header."""
TIMEOUT_MS = 20_000

AUDITED_PAGES = (
    "home",
    "event",
    "member",
    "plan glossary",
    "data",
    "places map",
    "participation grid",
    "series strips",
    "timeline",
)
"""The pages checked for accessibility, one of each kind a reader meets, and each kind of picture."""


@dataclass
class Reader:
    """One browser tab of a reader, with what it logged and what it tried to fetch elsewhere."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def visit(self, path: str) -> None:
        """Open a site path ("" for home) and wait until the page and its scripts have settled."""
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == 200, f"/{path} answered {response and response.status}"
        self.page.wait_for_load_state("networkidle")

    def heading(self) -> str:
        """The page's h1 as a reader reads it, without the permalink "¶" the toc extension appends."""
        text: str = self.page.locator("article h1").evaluate(
            "h1 => Array.from(h1.childNodes)"
            ".filter(node => !(node.classList && node.classList.contains('headerlink')))"
            ".map(node => node.textContent).join('')"
        )
        return text.strip()

    def own_console_errors(self) -> list[str]:
        """Console errors other than the failed loads of blocked external requests.

        Those come from requests to other hosts, which `external_requests`
        records and `test_no_request_leaves_the_site` judges; counting them
        here too would report one cause twice.
        """
        return [error for error in self.console_errors if not error.startswith("blocked external load")]


def is_local(url: str) -> bool:
    """A URL the site serves itself (or an inline data:, blob: or about: one), not another host."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == HOST
