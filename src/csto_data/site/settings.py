"""Where the project is published; used for edit, correction and source-line links."""

REPO_URL = "https://github.com/csto-open-data/csto-open-data"
BRANCH = "main"
SITE_URL = "https://csto-open-data.github.io/csto-open-data/"
DATA_DIR = "datapackage/data"


def csv_line_url(table: str, line: int) -> str:
    """The exact line of a row in the CSV file on GitHub."""
    return f"{REPO_URL}/blob/{BRANCH}/{DATA_DIR}/{table}.csv#L{line}"


def correction_url(table: str, record: str) -> str:
    """A prefilled 'suggest a correction' issue form for one record."""
    from urllib.parse import urlencode

    query = urlencode(
        {"template": "correction.yml", "record": record, "table": table, "title": f"Correction: {table} {record}"}
    )
    return f"{REPO_URL}/issues/new?{query}"
