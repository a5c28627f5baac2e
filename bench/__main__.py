"""``python -m bench``: PO Tracker against the floors no Python Qt app can beat, at
1,000, 10,000 and 100,000 entries; prints the table and writes it to
docs/performance.md. ``--quick`` is a smoke run (1,000 and 10,000, fewer runs)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.processes import REPO

SIZES = [1_000, 10_000, 100_000]
QUICK_SIZES = [1_000, 10_000]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 entries, 3 runs")
    parser.add_argument("--sizes", type=lambda t: [int(s) for s in t.split(",")],
                        help="comma-separated entry counts, e.g. 1000,100000")  # fmt: skip
    parser.add_argument("--runs", type=int, help="runs of each process (default 7, quick 3)")
    parser.add_argument("--repeats", type=int, help="of each interaction (default 5, quick 3)")
    parser.add_argument("--import-runs", type=int, help="of each import (default 3, quick 1)")
    parser.add_argument("--display", choices=("auto", "xvfb", "offscreen"), default="auto")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md",
                        help="where the table goes (default docs/performance.md)")  # fmt: skip
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    return parser


def config_from(args):
    from bench.runner import Config

    quick = args.quick
    return Config(
        sizes=sorted(args.sizes or (QUICK_SIZES if quick else SIZES)),
        runs=args.runs or (3 if quick else 7),
        repeats=args.repeats or (3 if quick else 5),
        import_runs=args.import_runs or (1 if quick else 3),
        display=args.display,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from bench import report
    from bench.runner import run_benchmark

    began = time.monotonic()
    results = run_benchmark(config_from(args))
    text = report.render(results)
    print(text)
    print(f"({time.monotonic() - began:.0f} s)", file=sys.stderr)
    if not args.no_write:
        report.write(args.output, text)
        print(f"Written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
