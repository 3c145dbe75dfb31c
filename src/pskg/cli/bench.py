"""``pskg bench``: the benchmark (see ``pskg.devtools.bench``)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_bench_command(commands: argparse._SubParsersAction) -> None:
    """``pskg bench``: the benchmark of issue 7 (see ``pskg.devtools.bench``)."""
    bench = commands.add_parser("bench", help="time every stage on both engines at growing sizes")
    bench.add_argument("--scales", default="1,10,100,1000", help="multiples of the real graph (default 1,10,100,1000)")
    bench.add_argument("--repeats", type=int, default=3, help="runs per measurement (median; default 3)")
    bench.add_argument("--reference-max", type=int, default=100, help="largest size the reference runs at (100)")
    bench.add_argument("--faults", type=int, default=10, help="violations injected at each size (default 10)")
    bench.add_argument("--output", type=Path, default=Path("bench.json"), help="JSON output (default bench.json)")
    bench.add_argument("--markdown", type=Path, help="also write the table, verdicts and per-query times as Markdown")
    bench.set_defaults(handler=_bench)


def _bench(args: argparse.Namespace) -> int:
    from pskg.devtools.bench import main

    scales = [int(part) for part in args.scales.split(",") if part.strip()]
    return main(scales, args.repeats, args.reference_max, args.faults, args.output, args.markdown)
