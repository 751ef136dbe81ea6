"""Build the whole site with MkDocs into a folder, atomically.

The site is built into a temporary folder beside the target, checked, and
only then swapped in: a failed build (bad data, a broken link under
--strict, unsafe content) leaves the previous site untouched and no
half-written one.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from csto_data.paths import REPO_ROOT
from csto_data.site.safety import unsafe_content


class UnsafeSiteError(Exception):
    """The built HTML contains active content that did not come from the theme."""


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` into `site_dir`, with the plugin start-up and shut-down the CLI runs."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_site(target: Path, config_file: Path = REPO_ROOT / "mkdocs.yml") -> None:
    """Build with --strict into a temporary folder, check it, then replace `target`."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".site-build-") as scratch:
        built = Path(scratch) / "site"
        mkdocs_build(config_file, built)
        findings = unsafe_content(built)
        if findings:
            raise UnsafeSiteError("unsafe content in generated pages:\n" + "\n".join(findings[:20]))
        if target.exists():
            shutil.rmtree(target)
        built.rename(target)
