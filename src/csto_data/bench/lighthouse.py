"""Lighthouse scores of representative pages of the built site (a benchmark, not a test gate).

Why: the browser tests say whether a reader can use the site; Lighthouse
says how well it does on performance, accessibility, best practices and
SEO, and names the audits that cost points, so the developer can fix the
templates and CSS. Four pages stand for the whole site: the home page, an
event, a member (the longest entity pages) and the plan glossary.

Lighthouse is the pinned npm package (`package.json`), run from
`node_modules/.bin`, driving Debian's chromium, against the site served on
127.0.0.1 (`scripts/browser_deps.sh` installs both).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csto_data.bench.chromium import CHROMIUM, CHROMIUM_ARGS
from csto_data.bench.serve import serve_directory
from csto_data.paths import DESCRIPTOR_PATH, REPO_ROOT
from csto_data.site.build import build_site
from csto_data.validation.runner import read_package

LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new", *CHROMIUM_ARGS, "--disable-dev-shm-usage")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCORED_MODES = frozenset({"binary", "numeric", "metricSavings"})
FAILING_BELOW = 0.9
"""Lighthouse shows an audit as passed (green) from 0.9; anything below costs points."""
RUN_TIMEOUT_S = 300


class LighthouseError(RuntimeError):
    """Lighthouse or its browser is missing, or a run failed."""


@dataclass(frozen=True)
class Audit:
    """One audit that costs points, with the id to look it up in the Lighthouse docs."""

    category: str
    id: str
    title: str
    score: float
    weight: float
    display_value: str


@dataclass(frozen=True)
class PageReport:
    """The four category scores (0-100) of one page and its failing audits."""

    name: str
    path: str
    scores: dict[str, int | None]
    failing: list[Audit]


def representative_pages(descriptor: Path = DESCRIPTOR_PATH) -> list[tuple[str, str]]:
    """(name, site path) of the pages to score: home, an event, its host member, the plan glossary.

    The event is the Rubezh edition with the most participating states (a
    full facts table and participants list), else any event with a host.
    """
    package = read_package(descriptor)
    events = [record.cells for record in package.tables["events"].file.records if record.cells.get("host_id")]
    if not events:
        raise LighthouseError("no event with a host state to score")
    counts: dict[str, int] = {}
    for record in package.tables["event_participants"].file.records:
        counts[record.cells["event_id"]] = counts.get(record.cells["event_id"], 0) + 1
    rubezh = [event for event in events if "rubezh" in event["title"].lower()] or events
    event = max(rubezh, key=lambda row: (counts.get(row["id"], 0), row["id"]))
    return [
        ("home", ""),
        ("event", f"events/{event['id']}/"),
        ("member", f"members/{event['host_id']}/"),
        ("glossary", "documents/"),
    ]


def check_tools() -> None:
    """Fail early, naming the fix, when Lighthouse or chromium is not installed."""
    missing = [str(path) for path in (LIGHTHOUSE, CHROMIUM) if not path.exists()]
    if missing:
        raise LighthouseError(f"missing {', '.join(missing)}: run scripts/browser_deps.sh")


def run_lighthouse(url: str, output: Path, preset: str = "mobile") -> dict[str, Any]:
    """Run Lighthouse on one URL, keep its JSON report at `output`, and return it parsed."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    completed = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False
    )
    if completed.returncode != 0 or not output.exists():
        raise LighthouseError(f"lighthouse failed on {url} ({completed.returncode}):\n{completed.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise LighthouseError(f"lighthouse could not load {url}: {report['runtimeError']}")
    return report


def summarize(name: str, path: str, report: dict[str, Any]) -> PageReport:
    """Scores as 0-100 and every scored audit below 0.9, heaviest first within each category."""
    scores: dict[str, int | None] = {}
    failing: list[Audit] = []
    for category in CATEGORIES:
        data = report["categories"].get(category)
        if data is None:
            scores[category] = None
            continue
        scores[category] = None if data["score"] is None else round(data["score"] * 100)
        for reference in data["auditRefs"]:
            audit = report["audits"][reference["id"]]
            score = audit.get("score")
            if audit.get("scoreDisplayMode") in SCORED_MODES and score is not None and score < FAILING_BELOW:
                failing.append(
                    Audit(
                        category,
                        audit["id"],
                        audit["title"],
                        float(score),
                        float(reference.get("weight", 0)),
                        str(audit.get("displayValue", "")),
                    )
                )
    failing.sort(key=lambda audit: (CATEGORIES.index(audit.category), -audit.weight, audit.score, audit.id))
    return PageReport(name, path, scores, failing)


def score_site(site_dir: Path, output_dir: Path, preset: str = "mobile") -> list[PageReport]:
    """Serve `site_dir` and score every representative page; JSON reports go to `output_dir`."""
    check_tools()
    output_dir.mkdir(parents=True, exist_ok=True)
    reports = []
    with serve_directory(site_dir, like_github_pages=True) as base_url:
        for name, path in representative_pages():
            report = run_lighthouse(base_url + path, output_dir / f"{name}.json", preset)
            reports.append(summarize(name, path, report))
    return reports


def benchmark(
    site_dir: Path | None, output_dir: Path, preset: str = "mobile", report: Callable[[str], None] = print
) -> list[PageReport]:
    """Score a built site, or build the current package into a temporary folder first."""
    if site_dir is not None:
        results = score_site(site_dir, output_dir, preset)
    else:
        with tempfile.TemporaryDirectory(prefix="csto-lighthouse-") as scratch:
            built = Path(scratch) / "site"
            build_site(built)
            results = score_site(built, output_dir, preset)
    report(format_reports(results))
    return results


def format_reports(results: list[PageReport]) -> str:
    """The table of scores per page, then each page's failing audits with their ids.

    Audits that weigh in a category score come first; weight-0 diagnostics
    (Lighthouse's "insights") follow on one line, as hints.
    """
    header = ["page".ljust(10)] + [category.rjust(len(category)) for category in CATEGORIES]
    lines = ["  ".join(header)]
    for result in results:
        cells = [result.name.ljust(10)]
        for category in CATEGORIES:
            score = result.scores.get(category)
            cells.append(("-" if score is None else str(score)).rjust(len(category)))
        lines.append("  ".join(cells) + f"  /{result.path}")
    for result in results:
        weighted = [audit for audit in result.failing if audit.weight > 0]
        hints = [audit for audit in result.failing if audit.weight == 0]
        lines.append("")
        lines.append(f"{result.name} (/{result.path}): {len(weighted)} audit(s) cost points")
        for audit in weighted:
            value = f" [{audit.display_value}]" if audit.display_value else ""
            lines.append(
                f"  {audit.category:<14} {audit.id:<26} score {audit.score:.2f} weight {audit.weight:g}: "
                f"{audit.title}{value}"
            )
        if hints:
            lines.append("  diagnostics: " + ", ".join(_hint(audit) for audit in hints))
    return "\n".join(lines)


def _hint(audit: Audit) -> str:
    return f"{audit.id} ({audit.display_value})" if audit.display_value else audit.id
