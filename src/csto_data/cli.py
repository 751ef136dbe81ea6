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


def coverage_main(argv: list[str] | None = None) -> int:
    """`make coverage`: print events per year and kind, series gaps and sourcing shares."""
    from csto_data.coverage import compute_coverage, render_text
    from csto_data.model import InvalidPackageError, load_dataset

    parser = argparse.ArgumentParser(description="Print what the dataset covers and its gaps.")
    parser.add_argument("descriptor", nargs="?", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    try:
        print(render_text(compute_coverage(load_dataset(args.descriptor))))
    except InvalidPackageError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def site_main(argv: list[str] | None = None) -> int:
    """`make site`: build the site (atomically) or write the generated Markdown to a folder."""
    from mkdocs.exceptions import Abort, MkDocsException

    from csto_data.model import InvalidPackageError
    from csto_data.site.build import UnsafeSiteError, build_site
    from csto_data.site.generate import generate_from_descriptor, write_pages

    parser = argparse.ArgumentParser(description="Build the CSTO Open Data site.")
    parser.add_argument("command", choices=["build", "generate"], help="build the HTML site, or only write Markdown")
    parser.add_argument("target", type=Path, help="output folder (replaced only when the build succeeds)")
    parser.add_argument("--descriptor", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            build_site(args.target)
        else:
            write_pages(generate_from_descriptor(args.descriptor), args.target)
    except (InvalidPackageError, UnsafeSiteError, Abort, MkDocsException) as error:
        print(f"site not built: {error}", file=sys.stderr)
        return 1
    print(f"site written to {args.target}")
    return 0


def downloads_main(argv: list[str] | None = None) -> int:
    """`make downloads`: write every download format of a package to a folder (no site, no MkDocs)."""
    from csto_data.exports import write_all_downloads
    from csto_data.model import InvalidPackageError

    parser = argparse.ArgumentParser(description="Write the package in every download format to a folder.")
    parser.add_argument("target", type=Path, help="output folder")
    parser.add_argument("--descriptor", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    try:
        written = write_all_downloads(args.descriptor, args.target)
    except InvalidPackageError as error:
        print(f"downloads not written: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} files written to {args.target}")
    return 0
