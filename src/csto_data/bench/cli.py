"""Command line of the benchmarks (`scripts/bench.py`): parse arguments, call one function.

Argument parsing lives here, as `csto_data/cli.py` does for the project's
own commands, so every other module of `bench` stays importable logic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from csto_data.paths import REPO_ROOT

DEFAULT_OUTPUT = REPO_ROOT / "bench-output"


def main(argv: list[str] | None = None) -> int:
    """`scripts/bench.py {lighthouse,scale,preview,synthetic} ...`; exit 0 when the run finished."""
    parser = argparse.ArgumentParser(description="Benchmarks of the CSTO Open Data site (not test gates).")
    commands = parser.add_subparsers(dest="command", required=True)

    lighthouse = commands.add_parser("lighthouse", help="Lighthouse scores of home, an event, a member, documents/")
    lighthouse.add_argument("--site", type=Path, help="an already built site folder (default: build one now)")
    lighthouse.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    lighthouse.add_argument("--output", type=Path, default=DEFAULT_OUTPUT / "lighthouse", help="JSON reports")

    scale = commands.add_parser("scale", help="time validation, generation and builds of synthetic packages")
    scale.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    scale.add_argument("--work-dir", type=Path, help="keep packages and sites here (default: a temporary folder)")
    scale.add_argument("--seed", type=int, default=6)
    scale.add_argument("--profile", action="store_true", help="print a cProfile of each pipeline build")
    scale.add_argument("--repeat", type=int, default=3, help="build pipeline and anchor N times each, compare medians")

    preview = commands.add_parser("preview", help="seconds from saving an edit of events.csv to the served page")
    preview.add_argument("--edits", type=int, default=3)

    synthetic = commands.add_parser("synthetic", help="write a synthetic package of N events")
    synthetic.add_argument("events", type=int)
    synthetic.add_argument("target", type=Path, help="folder for datapackage.json and data/")
    synthetic.add_argument("--seed", type=int, default=6)

    args = parser.parse_args(argv)
    if args.command == "lighthouse":
        from csto_data.bench.lighthouse import benchmark

        benchmark(args.site, args.output, args.preset)
    elif args.command == "scale":
        from csto_data.bench.scale import format_targets, run_scale

        results = run_scale(tuple(args.events), args.work_dir, args.seed, args.profile, repeat=args.repeat)
        print(format_targets(results))
    elif args.command == "preview":
        from csto_data.bench.preview import format_latencies, measure_preview

        print(format_latencies(measure_preview(args.edits)))
    else:
        from csto_data.bench.synthetic import generate_package

        print(generate_package(args.target, args.events, args.seed))
    return 0
