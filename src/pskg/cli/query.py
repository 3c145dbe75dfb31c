"""``pskg query``: a saved query (or any .rq file) on the built graph or on a remote store."""

from __future__ import annotations

import argparse
import sys

from pskg.cli.common import EPILOG, add_engine_option
from pskg.cli.store import add_endpoint_options, endpoint_result
from pskg.engines import get_engine
from pskg.errors import EXIT_OK, ParameterError
from pskg.queries.catalogue import find_query, saved_queries
from pskg.queries.render import FORMATS, render


def add_query_command(commands: argparse._SubParsersAction) -> None:
    """Add ``query``."""
    query_cmd = commands.add_parser(
        "query",
        help="run a saved query (or a .rq file)",
        description="Run a saved query by name, or any .rq file. `pskg query --list` lists them.",
        epilog="Example: pskg query members-in-year --param org=CSTO --param year=2019\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query_cmd.add_argument("name", nargs="?", help="saved query name or path to a .rq file")
    query_cmd.add_argument("--list", action="store_true", help="list the saved queries and their parameters")
    query_cmd.add_argument(
        "--param", "-p", action="append", default=[], metavar="KEY=VALUE", help="a parameter value (repeatable)"
    )
    query_cmd.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")
    query_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help="fast engine: compute the answer even if the same one was computed before",
    )
    add_endpoint_options(query_cmd)
    add_engine_option(query_cmd)
    query_cmd.set_defaults(handler=_query)


def _query(args: argparse.Namespace) -> int:
    if args.list:
        for query in saved_queries():
            params = ", ".join(p.describe() for p in query.parameters)
            print(f"{query.name}\n    {query.summary}" + (f"\n    parameters: {params}" if params else ""))
        return EXIT_OK
    if not args.name:
        raise ParameterError("name a saved query (see `pskg query --list`) or a .rq file")
    query = find_query(args.name)
    query.prepared()  # a syntax error is reported before the graph is built
    values = _parse_params(args.param)
    result = (
        endpoint_result(args, query, values)
        if args.endpoint
        else get_engine(args.engine).query(query, values, cached=not args.no_cache)
    )
    sys.stdout.write(render(result, args.format))
    return EXIT_OK


def _parse_params(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param expects KEY=VALUE, got {pair!r}")
        values[key.strip()] = value
    return values
