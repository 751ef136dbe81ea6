"""The data page's files: every download built by `csto_data.exports`, served under `download/`.

Building them is the exporters' job (and needs no MkDocs); this module only
places them in the site and describes them for the page's linked data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

from csto_data.descriptor import PackageSpec
from csto_data.exports import ExportContext, ExportFile, jsonld
from csto_data.model import Dataset
from csto_data.site.page import Page
from csto_data.site.settings import SITE_URL


def download_pages(files: list[ExportFile]) -> Iterator[Page]:
    for file in files:
        yield Page(file.site_path, file.content)


def dataset_jsonld(data: Dataset, files: list[ExportFile]) -> str:
    """The schema.org Dataset of the home and data pages, as script-safe JSON."""
    return jsonld.script_safe_json(jsonld.dataset(ExportContext(data, SITE_URL), files))


UNTRUSTED_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
"""CommonMark with raw HTML shown as text and links to script URLs left unlinked (markdown-it's `validateLink`)."""


def changelog_html(spec: PackageSpec) -> Markup:
    """The changelog as HTML, rendered as untrusted Markdown.

    Why: the changelog is written by the release step from the data and by
    hand in pull requests, so it is not trusted more than a CSV cell. No raw
    HTML passes (`<iframe>` shows as text); a link whose address is a script
    URL, even entity-encoded, stays text. The HTML is one `<div>` block, which
    the page's Markdown passes through as it is.
    """
    path: Path = spec.root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return Markup(f'<div class="changelog">\n{UNTRUSTED_MARKDOWN.render(text)}</div>')


def group(files: list[ExportFile]) -> dict[str, Any]:
    """The files in the sections the data page shows them in."""
    return {
        "package": [file for file in files if file.format.startswith(("CSV", "JSON (Frictionless"))],
        "formats": [file for file in files if not file.format.startswith(("CSV", "JSON", "Parquet", "ZIP"))],
        "json": [file for file in files if file.format == "JSON"],
        "parquet": [file for file in files if file.format == "Parquet"],
    }
