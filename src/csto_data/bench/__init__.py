"""Benchmarks of the published site: not test gates, numbers for the developer.

- `serve`: serve a built site on 127.0.0.1 (shared with the browser tests).
- `lighthouse`: Lighthouse scores of a few representative pages.
- `synthetic`: a valid synthetic package of N events that follows the real schema.
- `scale`: how validation, generation and the MkDocs build grow with N.
- `cli`: the command-line entry point (`scripts/bench.py`).

Nothing here runs at import time: `pytest --doctest-modules` imports every
module of the package.
"""
