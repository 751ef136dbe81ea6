"""Argument parsing lives only in `cli.py`; every other module is importable logic."""

from __future__ import annotations

from pathlib import Path

import csto_data


def test_argparse_is_used_only_in_the_cli_module() -> None:
    package = Path(csto_data.__file__).parent
    offenders = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "argparse" in path.read_text(encoding="utf-8") and path.name != "cli.py"
    ]
    assert offenders == []
