"""Validation of the data package: frictionless first, then the project's own rules.

`validate_package` is the one entry point; it never raises on bad data but
returns every problem it finds, each with file, line and column.
"""

from csto_data.validation.runner import Report, validate_package

__all__ = ["Report", "validate_package"]
