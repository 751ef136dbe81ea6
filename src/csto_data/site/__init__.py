"""The site generator: validated package -> joined `Dataset` -> Markdown pages.

`generate.generate_pages` is a plain function returning every page; the
mkdocs-gen-files shim (`scripts/gen_pages.py`) and the standalone
`csto-site generate DIR` both call it, so the site can move to another
engine that reads `mkdocs.yml` without rewriting the generator.
"""
