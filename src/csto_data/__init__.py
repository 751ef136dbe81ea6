"""CSTO Open Data: load, validate and publish the CSTO data package.

Module map (which module turns which table into which page lives in
`csto_data.site.pages`, one module per page kind):

- `descriptor`: reads `datapackage.json` (the contract) into typed table specs.
- `csvfile`: reads a CSV file with the line number of every record.
- `dates`: partial dates with precision (2025, 2025-09, 2025-09-17).
- `validation`: frictionless plus the project's own checks, as `Problem` records.
- `canonical`: the canonical form of a CSV file (`make format`).
- `model`: the validated package as typed, joined tables for the site.
- `coverage`: what the dataset does and does not cover.
- `site`: the page generator (plain functions; gen-files calls them).
- `cli`: thin command-line wrappers.
"""
