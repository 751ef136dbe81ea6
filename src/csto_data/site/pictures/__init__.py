"""Pictures drawn as inline SVG at build time from the data: no script, no request leaves the site.

| module | draws |
|---|---|
| map | country outlines shaded by membership, places as dots (Places page, member pages) |
| grid | member states by year: held exercises and trainings taken part in and hosted |
| strip | a series' editions as a strip of years, coloured by status |
| timeline | events per year, stacked by family of kinds |

Each picture has a title and a description, and its page shows the same
numbers in a table. `svg` holds what they share (escaping, links, colours).
"""
