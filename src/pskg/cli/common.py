"""What every command group of the CLI shares: the epilog, progress and notice lines, the engine option."""

from __future__ import annotations

import argparse
import sys

from pskg.engines import DEFAULT_ENGINE, ENGINE_NAMES

EPILOG = "Exit codes: 0 ok, 1 validation or link check failed, 2 bad input, 3 endpoint error, 130 interrupted."


def progress(message: str) -> None:
    """One line on stderr for each step of a long command."""
    print(f"· {message}…", file=sys.stderr, flush=True)


def notice(line: str) -> None:
    """An engine's word on work it handed over (stderr, so that stdout stays the answer)."""
    print(f"pskg: {line}", file=sys.stderr, flush=True)


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    """The ``--engine`` option, fast by default."""
    parser.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default=DEFAULT_ENGINE,
        help="fast (pyoxigraph, default) or reference (rdflib/owlrl/pySHACL)",
    )
