"""Benchmarks of the site, not test gates: `python scripts/bench.py {lighthouse,scale,synthetic} --help`.

All logic lives in `csto_data.bench`; this file only calls its command line.
"""

from csto_data.bench.cli import main

raise SystemExit(main())
