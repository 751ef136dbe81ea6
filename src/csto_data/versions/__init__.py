"""Versions of the package: release tags in git, keyed data diffs between versions, changelog entries."""
