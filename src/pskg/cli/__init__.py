"""The ``pskg`` command: a thin layer over the package, with documented exit codes.

One module per command group; this one assembles them. Exit codes: 0 success;
1 the graph violates the shapes; 2 bad input (syntax error, unknown query, bad
parameter, unreadable file, unwritable output); 3 endpoint error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from pskg import __version__
from pskg.cli.bench import add_bench_command
from pskg.cli.common import EPILOG
from pskg.cli.graph import add_build_commands, add_graph_commands
from pskg.cli.link import add_link_commands
from pskg.cli.query import add_query_command
from pskg.cli.report import add_report_command
from pskg.cli.store import add_store_commands
from pskg.errors import EXIT_USAGE, PskgError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``pskg`` script."""
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except PskgError as error:
        print(f"pskg: error: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print("pskg: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pskg",
        description="Build, validate and query the post-Soviet security knowledge graph.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"pskg {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_build_commands(commands)
    add_query_command(commands)
    add_graph_commands(commands)
    add_store_commands(commands)
    add_link_commands(commands)
    add_report_command(commands)
    add_bench_command(commands)
    return parser
