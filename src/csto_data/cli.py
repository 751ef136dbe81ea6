"""Thin command-line entry points: parse arguments, call one function, set the exit code.

No logic lives here (a test enforces that argparse appears only in this module).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from csto_data.paths import DESCRIPTOR_PATH


def validate_main(argv: list[str] | None = None) -> int:
    """`make validate`: print one line per problem and a count; exit 1 if any."""
    from csto_data.validation import validate_package

    parser = argparse.ArgumentParser(description="Validate the CSTO data package.")
    parser.add_argument("descriptor", nargs="?", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    report = validate_package(args.descriptor)
    in_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in report.problems:
        print(problem.render())
        if in_github:
            print(problem.github_annotation())
    rows = sum(report.rows_read.values())
    tables = len(report.rows_read)
    if report.problems:
        print(f"{len(report.problems)} problem(s) found in {tables} tables ({rows} rows read).", file=sys.stderr)
        return 1
    print(f"Valid: {tables} tables, {rows} rows, no problems.")
    return 0


def format_main(argv: list[str] | None = None) -> int:
    """`make format`: rewrite every CSV in canonical form."""
    from csto_data.formatting import format_package

    parser = argparse.ArgumentParser(description="Rewrite every CSV of the package in canonical form.")
    parser.add_argument("descriptor", nargs="?", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    changed, skipped = format_package(args.descriptor)
    for path in changed:
        print(f"formatted {path}")
    for path in skipped:
        print(f"left alone {path}: it cannot be parsed; run `make validate` to see why", file=sys.stderr)
    return 1 if skipped else 0
