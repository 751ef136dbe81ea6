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
    from csto_data.validation.base_schema import schema_of
    from csto_data.versions.git import GitError

    parser = argparse.ArgumentParser(description="Validate the CSTO data package.")
    parser.add_argument("descriptor", nargs="?", type=Path, default=DESCRIPTOR_PATH)
    parser.add_argument(
        "--schema-from",
        metavar="REF",
        help="check the data against datapackage.json as it is at git ref REF (a pull request's base branch)",
    )
    args = parser.parse_args(argv)
    try:
        with schema_of(args.descriptor, args.schema_from) as descriptor:
            report = validate_package(descriptor)
    except GitError as error:
        print(f"cannot read datapackage.json at {args.schema_from}: {error}", file=sys.stderr)
        return 2
    if args.schema_from:
        print(f"Schema: datapackage.json as at {args.schema_from}.", file=sys.stderr)
    in_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for note in report.notes:  # what could not be checked; stdout stays one line per problem
        print(note, file=sys.stderr)
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


def diff_main(argv: list[str] | None = None) -> int:
    """`make diff`: what the data changes since a git ref, per table and keyed by primary key."""
    from csto_data.versions.diff import (
        diff_since,
        file_changes_since,
        render_file_changes,
        render_markdown,
        render_text,
    )
    from csto_data.versions.git import GitError, resolve

    parser = argparse.ArgumentParser(description="Print the rows added, removed and changed since a git ref.")
    parser.add_argument("base", nargs="?", default="main", help="git ref to compare with (default: main)")
    parser.add_argument("--descriptor", type=Path, default=DESCRIPTOR_PATH)
    args = parser.parse_args(argv)
    try:
        base = resolve(args.descriptor.parent, args.base)
        text = render_text(diff_since(args.descriptor, base), args.base)
        text += render_file_changes(file_changes_since(args.descriptor, base))
    except GitError as error:
        print(f"cannot read the package at {args.base}: {error}", file=sys.stderr)
        return 2
    print(text, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as handle:
            handle.write(render_markdown(text))
    return 0


def release_main(argv: list[str] | None = None) -> int:
    """Release steps: check a tag, write the release files, write or print the changelog entry."""
    from csto_data.descriptor import load_descriptor
    from csto_data.versions.diff import diff_since
    from csto_data.versions.git import GitError, resolve
    from csto_data.versions.release import add_entry, changelog_entry, release_notes, tag_mismatch, write_assets

    parser = argparse.ArgumentParser(description="Cut a release of the CSTO data package (see CONTRIBUTING.md).")
    parser.add_argument("--descriptor", type=Path, default=DESCRIPTOR_PATH)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check-tag", help="fail unless TAG is v<version of datapackage.json>").add_argument("tag")
    commands.add_parser("files", help="write every download, flat, into FOLDER").add_argument("folder", type=Path)
    changelog = commands.add_parser("changelog", help="add this version's entry to CHANGELOG.md")
    changelog.add_argument("--since", required=True, help="the previous release tag, e.g. v0.1.0")
    changelog.add_argument("--summary", required=True, type=Path, help="a file with the hand-written summary")
    commands.add_parser("notes", help="print this version's changelog entry (the GitHub release text)")
    args = parser.parse_args(argv)
    spec = load_descriptor(args.descriptor)
    changelog_path = args.descriptor.parent / "CHANGELOG.md"
    if args.command == "check-tag":
        problem = tag_mismatch(spec, args.tag)
        print(problem or f"{args.tag} matches the package version", file=sys.stderr if problem else sys.stdout)
        return 1 if problem else 0
    if args.command == "files":
        for path in write_assets(args.descriptor, args.folder):
            print(f"wrote {path}")
        return 0
    if args.command == "changelog":
        try:
            diffs = diff_since(args.descriptor, resolve(args.descriptor.parent, args.since))
        except GitError as error:
            print(f"cannot read the package at {args.since}: {error}", file=sys.stderr)
            return 2
        add_entry(changelog_path, changelog_entry(spec, args.summary.read_text(encoding="utf-8"), diffs, args.since))
        print(f"added the {spec.raw.get('version')} entry to {changelog_path}")
        return 0
    notes = release_notes(changelog_path.read_text(encoding="utf-8"), str(spec.raw.get("version", "")))
    if notes is None:
        print(f"{changelog_path} has no entry for version {spec.raw.get('version')}", file=sys.stderr)
        return 1
    print(notes, end="")
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
