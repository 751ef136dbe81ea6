"""How the pipeline grows with the number of events: time, page sizes, search index.

Why: the site is rebuilt from scratch on every push, so its build time and
the size of what a reader downloads must stay roughly linear in the number
of events, and no single page or the search index may grow without bound.
The real dataset is far too small to show that, so this times synthetic
packages (`csto_data.bench.synthetic`) of 1,000 and 10,000 events through:

- validation alone (`validate_package`, what `make validate` runs; the pipeline
  runs it again, alongside generation: `validation.background`);
- generation (`load_dataset`, then `generate_pages` + `write_pages` to disk);
- the pipeline build: `build_site` with the real `mkdocs.yml`, its gen-files
  script pointed at the synthetic descriptor (what `make site` runs);
- a bare MkDocs build of the already generated Markdown, same theme,
  extensions and plugins but no gen-files (`pipeline / bare`: what the
  generator adds to MkDocs);
- the anchor (`csto_data.bench.anchor`): a plain Material site with one
  page per event of about the same text, the site a person would write by
  hand. `pipeline / anchor` (validation included) is the headline figure:
  measured in the same run, it does not depend on how busy the machine is.

Not a test gate: it prints numbers and which targets they miss.
"""

from __future__ import annotations

import cProfile
import gzip
import io
import os
import pstats
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

import csto_data.paths
from csto_data.bench.anchor import write_anchor
from csto_data.bench.synthetic import generate_package
from csto_data.model import load_dataset
from csto_data.paths import REPO_ROOT
from csto_data.site.build import build_site, mkdocs_build
from csto_data.site.generate import generate_pages, write_pages
from csto_data.validation import validate_package
from csto_data.validation.runner import forget

DESCRIPTOR_VARIABLE = "CSTO_DESCRIPTOR"
"""The environment variable `csto_data.paths` reads to find the package (see `descriptor_override`)."""

DEFAULT_SIZES = (1000, 10000)
ENTITY_PAGE = re.compile(
    r"^(events|members|places|series|bodies|people|documents)/(?!page-\d+/|by-year/|timeline/|participation/)[^/]+/index\.html$"
)
"""One record's own page (an event, a member...), not a listing or a paginated index.

Sources are entries on shared year pages (listings), not pages of their own."""
REDIRECT_MARK = b'http-equiv="refresh"'
REDIRECT_MAX_BYTES = 2048
"""A redirect file (`csto_data.site.redirects`) is a few hundred bytes; it is counted apart from pages."""


@dataclass(frozen=True)
class SiteStats:
    """What a reader downloads: total size, HTML page sizes and the search index."""

    total_bytes: int
    html_pages: int
    redirects: int
    median_html: int
    largest_html: tuple[int, str]
    largest_entity: tuple[int, str]
    search_index_bytes: int
    search_index_gzipped: int
    search_documents: int


@dataclass(frozen=True)
class ScaleResult:
    """Timings and sizes for one package size."""

    events: int
    pages: int
    synthesis_s: float
    validation_s: float
    load_s: float
    generation_s: float
    pipeline_s: float
    bare_s: float
    anchor_s: float
    anchor_pages: int
    runs: int
    site: SiteStats

    @property
    def per_thousand_s(self) -> float:
        return self.pipeline_s / (self.events / 1000)

    @property
    def pipeline_ratio(self) -> float:
        return self.pipeline_s / self.bare_s

    @property
    def anchor_ratio(self) -> float:
        """`make site` (the pipeline, validation included) / the hand-written one-page-per-event site."""
        return self.pipeline_s / self.anchor_s


@contextmanager
def descriptor_override(descriptor: Path) -> Iterator[None]:
    """Point the gen-files script at `descriptor` for the duration of the block.

    `scripts/gen_pages.py` reads `csto_data.paths.DESCRIPTOR_PATH` each time
    MkDocs runs it. `paths` reads `CSTO_DESCRIPTOR` only when first imported,
    so the variable reaches subprocesses, and the attribute is patched for
    this process, where `paths` is already imported.
    """
    previous_value, previous_variable = csto_data.paths.DESCRIPTOR_PATH, os.environ.get(DESCRIPTOR_VARIABLE)
    os.environ[DESCRIPTOR_VARIABLE] = str(descriptor)
    csto_data.paths.DESCRIPTOR_PATH = descriptor
    try:
        yield
    finally:
        csto_data.paths.DESCRIPTOR_PATH = previous_value
        if previous_variable is None:
            os.environ.pop(DESCRIPTOR_VARIABLE, None)
        else:
            os.environ[DESCRIPTOR_VARIABLE] = previous_variable


def timed(action: Callable[[], object]) -> float:
    """Wall-clock seconds `action` takes (perf_counter: monotonic, high resolution)."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def validate_clean(descriptor: Path) -> None:
    """Validate, refusing to time a package that has problems (that would time the error path)."""
    report = validate_package(descriptor)
    if report.problems:
        details = "\n".join(problem.render() for problem in report.problems[:20])
        raise RuntimeError(f"the synthetic package has {len(report.problems)} problem(s):\n{details}")


def bare_config(docs_dir: Path, config_dir: Path, config_file: Path = REPO_ROOT / "mkdocs.yml") -> Path:
    """A copy of the real `mkdocs.yml` without gen-files, reading Markdown from `docs_dir`."""
    with config_file.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle)
    config["plugins"] = [plugin for plugin in config.get("plugins", []) if _plugin_name(plugin) != "gen-files"]
    config["docs_dir"] = str(docs_dir)
    for key in ("hooks", "watch"):  # paths relative to the real config, which this copy leaves
        config[key] = [str((config_file.parent / path).resolve()) for path in config.get(key, [])]
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((config_file.parent / theme["custom_dir"]).resolve())
    target = config_dir / "mkdocs-bare.yml"
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _plugin_name(plugin: object) -> str:
    if isinstance(plugin, dict):
        return str(next(iter(plugin), ""))
    return str(plugin)


def site_stats(site_dir: Path) -> SiteStats:
    """Sizes of everything under `site_dir`, the HTML pages and the search index."""
    total = 0
    html: list[tuple[int, str]] = []
    redirects = 0
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix != ".html":
            continue
        if size <= REDIRECT_MAX_BYTES and REDIRECT_MARK in path.read_bytes():
            redirects += 1
        else:
            html.append((size, path.relative_to(site_dir).as_posix()))
    entities = [page for page in html if ENTITY_PAGE.match(page[1])]
    index = site_dir / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    documents = raw.count(b'"location":')
    return SiteStats(
        total_bytes=total,
        html_pages=len(html),
        redirects=redirects,
        median_html=int(statistics.median(size for size, _ in html)) if html else 0,
        largest_html=max(html, default=(0, "")),
        largest_entity=max(entities, default=(0, "")),
        search_index_bytes=len(raw),
        search_index_gzipped=len(gzip.compress(raw, compresslevel=6)),
        search_documents=documents,
    )


def profile_top(action: Callable[[], object], limit: int = 30) -> str:
    """Run `action` under cProfile; the top functions by cumulative time, as text."""
    profiler = cProfile.Profile()
    profiler.runcall(action)
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(limit)
    return buffer.getvalue()


def measure(
    events: int, work_dir: Path, seed: int = 6, profile: bool = False, repeat: int = 1
) -> tuple[ScaleResult, str]:
    """Generate a package of `events` events under `work_dir` and time every stage.

    The pipeline and the anchor are built `repeat` times, one after the other,
    each into an empty folder, and their medians are compared: on a shared
    machine one pair of builds moves the ratio by a fifth.
    """
    package_dir = work_dir / f"n{events}" / "datapackage"
    holder: dict[str, Path] = {}
    synthesis_s = timed(lambda: holder.setdefault("descriptor", generate_package(package_dir, events, seed)))
    descriptor = holder["descriptor"]
    validation_s = timed(lambda: validate_clean(descriptor))
    loaded: dict[str, Any] = {}
    load_s = timed(lambda: loaded.setdefault("dataset", load_dataset(descriptor)))
    docs_dir = work_dir / f"n{events}" / "docs"

    def generate() -> None:
        pages = generate_pages(loaded["dataset"])
        loaded["pages"] = len(pages)
        write_pages(pages, docs_dir)

    generation_s = timed(generate)
    shutil.copytree(REPO_ROOT / "docs", docs_dir, dirs_exist_ok=True)
    pipeline_site = work_dir / f"n{events}" / "site"
    anchor_config = write_anchor(loaded["dataset"], work_dir / f"n{events}" / "anchor")
    anchor_site = work_dir / f"n{events}" / "site-anchor"
    report = ""
    pipeline_runs: list[float] = []
    anchor_runs: list[float] = []
    for _ in range(1 if profile else repeat):  # alternately, so that both meet the same load
        shutil.rmtree(pipeline_site, ignore_errors=True)
        forget()  # the pipeline validates again, as `make site` does in a process of its own
        with descriptor_override(descriptor):
            if profile:
                started = time.perf_counter()
                report = profile_top(lambda: build_site(pipeline_site))
                pipeline_runs.append(time.perf_counter() - started)
            else:
                pipeline_runs.append(timed(lambda: build_site(pipeline_site)))
        shutil.rmtree(anchor_site, ignore_errors=True)
        anchor_runs.append(timed(lambda: mkdocs_build(anchor_config, anchor_site)))
    config = bare_config(docs_dir, work_dir / f"n{events}")
    bare_site = work_dir / f"n{events}" / "site-bare"
    bare_s = timed(lambda: mkdocs_build(config, bare_site))
    result = ScaleResult(
        events=events,
        pages=int(loaded["pages"]),
        synthesis_s=synthesis_s,
        validation_s=validation_s,
        load_s=load_s,
        generation_s=generation_s,
        pipeline_s=statistics.median(pipeline_runs),
        bare_s=bare_s,
        anchor_s=statistics.median(anchor_runs),
        runs=len(pipeline_runs),
        anchor_pages=sum(1 for _ in anchor_site.rglob("*.html")),
        site=site_stats(pipeline_site),
    )
    return result, report


def run_scale(
    sizes: tuple[int, ...] = DEFAULT_SIZES,
    work_dir: Path | None = None,
    seed: int = 6,
    profile: bool = False,
    report: Callable[[str], None] = print,
    repeat: int = 1,
) -> list[ScaleResult]:
    """Measure every size in turn, reporting each as it finishes; the work folder is removed unless given."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    results: list[ScaleResult] = []
    with tempfile.TemporaryDirectory(prefix="csto-scale-") as scratch:
        root = work_dir or Path(scratch)
        for events in sizes:
            result, profiled = measure(events, root, seed, profile, repeat)
            results.append(result)
            report(format_result(result))
            if profiled:
                report(profiled)
    return results


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def format_result(result: ScaleResult) -> str:
    """One block of lines per size: every number the brief asks for, with units."""
    site = result.site
    rows = [
        ("events", f"{result.events:,}"),
        ("generated files", f"{result.pages:,}"),
        ("synthesis s (not in the pipeline)", f"{result.synthesis_s:.1f}"),
        ("validation alone s (the pipeline runs it alongside)", f"{result.validation_s:.1f}"),
        ("load s (indexing: the validation is remembered)", f"{result.load_s:.1f}"),
        ("generation s", f"{result.generation_s:.1f}"),
        ("pipeline s (make site, validation included)", f"{result.pipeline_s:.1f} (median of {result.runs})"),
        ("MkDocs build s (bare)", f"{result.bare_s:.1f}"),
        ("anchor build s (plain site)", f"{result.anchor_s:.1f} (median; {result.anchor_pages:,} HTML pages)"),
        ("s per 1,000 events", f"{result.per_thousand_s:.1f}"),
        ("ratio pipeline/bare", f"{result.pipeline_ratio:.2f}"),
        ("ratio pipeline/anchor", f"{result.anchor_ratio:.2f}"),
        ("HTML pages per event", f"{site.html_pages / result.events:.2f}"),
        ("site size", f"{site.total_bytes / 1024**2:,.1f} MB"),
        ("HTML pages", f"{site.html_pages:,} (and {site.redirects:,} redirect files)"),
        ("median HTML page", _kb(site.median_html)),
        ("largest HTML page", f"{_kb(site.largest_html[0])} {site.largest_html[1]}"),
        ("largest entity page", f"{_kb(site.largest_entity[0])} {site.largest_entity[1]}"),
        ("search index", f"{site.search_index_bytes / 1024**2:,.1f} MB, {site.search_documents:,} entries"),
        ("search index gzipped", f"{site.search_index_gzipped / 1024**2:,.2f} MB"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows) + "\n"


def format_targets(results: list[ScaleResult]) -> str:
    """Each target of issue 6 with the measured value and PASS or FAIL."""
    lines = []
    for result in results:
        lines.append(_target(f"{result.events:,}: s per 1,000 events", result.per_thousand_s, 12.0))
        lines.append(_target(f"{result.events:,}: largest entity page KB", result.site.largest_entity[0] / 1024, 30.0))
        lines.append(_target(f"{result.events:,}: ratio pipeline/bare", result.pipeline_ratio, 1.2))
        lines.append(_target(f"{result.events:,}: ratio pipeline/anchor", result.anchor_ratio, 1.5))
    by_size = {result.events: result for result in results}
    if 1000 in by_size and 10000 in by_size:
        small, large = by_size[1000], by_size[10000]
        lines.append(_target("10k/1k pipeline time ratio", large.pipeline_s / small.pipeline_s, 11.0))
        growth = large.site.largest_entity[0] / max(small.site.largest_entity[0], 1)
        lines.append(_target("10k/1k largest entity page ratio (should not grow)", growth, 1.1))
        lines.append(_target("10k: search index MB gzipped", large.site.search_index_gzipped / 1024**2, 1.0))
    return "\n".join(lines)


def _target(name: str, value: float, limit: float) -> str:
    return f"{'PASS' if value <= limit else 'FAIL'}  {name}: {value:,.2f} (target <= {limit:g})"
