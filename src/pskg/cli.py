"""The ``pskg`` command: a thin layer over the package, with documented exit codes.

Exit codes: 0 success; 1 the graph violates the shapes; 2 bad input (syntax
error, unknown query, bad parameter, unreadable file, unwritable output);
130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pskg import __version__
from pskg.build import build
from pskg.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, ParameterError, PskgError
from pskg.fast_cli import add_bench_command, add_engine_option, engine_query, engine_validation
from pskg.fmt import format_files
from pskg.info import describe_graph, render_info
from pskg.link_cli import add_link_commands
from pskg.load import load_sources
from pskg.output import FORMATS, render
from pskg.queries import find_query, saved_queries
from pskg.reasoning import print_notice
from pskg.report_cli import add_report_command
from pskg.store_cli import add_endpoint_options, add_store_commands, endpoint_result
from pskg.validation_output import FORMATS as REPORT_FORMATS
from pskg.validation_output import render_report, verdict

EPILOG = "Exit codes: 0 ok, 1 validation or link check failed, 2 bad input, 3 endpoint error, 130 interrupted."


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

    build_cmd = commands.add_parser("build", help="parse, reason, validate and write dist/", epilog=EPILOG)
    build_cmd.add_argument("--dist", type=Path, default=Path("dist"), help="output folder (default: dist)")
    add_engine_option(build_cmd)
    build_cmd.set_defaults(handler=_build)

    validate_cmd = commands.add_parser(
        "validate",
        help="check the data against the SHACL shapes",
        description="Validate Turtle data against SHACL shapes: the project's by default, or any files given. "
        "Shapes the fast engine does not compile are checked by pySHACL, and a line on stderr says which.",
        epilog="Example: check a new data file with the ontology and the project's shapes before sending it:\n"
        "  pskg validate --data ontology/pss.ttl data/*.ttl my-new-facts.ttl\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate_cmd.add_argument(
        "--data", nargs="+", type=Path, metavar="FILE", help="Turtle files to validate (default: ontology/ and data/)"
    )
    validate_cmd.add_argument(
        "--shapes", nargs="+", type=Path, metavar="FILE", help="SHACL shape files (default: validation/)"
    )
    validate_cmd.add_argument(
        "--format", "-f", choices=REPORT_FORMATS, default="text", help="report format (default: text)"
    )
    add_engine_option(validate_cmd)
    validate_cmd.set_defaults(handler=_validate)

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

    info_cmd = commands.add_parser("info", help="counts by class, organisations, years covered", epilog=EPILOG)
    info_cmd.set_defaults(handler=_info)

    fmt_cmd = commands.add_parser(
        "fmt", help="rewrite Turtle files in the canonical form (--check only reports)", epilog=EPILOG
    )
    fmt_cmd.add_argument("files", nargs="*", type=Path, help="files (default: ontology/, data/, validation/)")
    fmt_cmd.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not canonical")
    fmt_cmd.set_defaults(handler=_fmt)
    add_store_commands(commands)

    add_link_commands(commands)
    add_report_command(commands)
    add_bench_command(commands)
    return parser


def _progress(message: str) -> None:
    print(f"· {message}…", file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> int:
    _check_output_folder(args.dist)
    try:
        result = build(args.dist, progress=_progress, engine=args.engine)
    except OSError as exc:
        raise PskgError(f"cannot write {args.dist}: {exc.strerror or exc}; nothing was changed there") from exc
    print(f"built {result.dist}/: {result.asserted_triples} asserted triples, {result.inferred_triples} inferred")
    for name in result.files:
        print(f"  {result.dist / name}")
    print("validation: the graph conforms to the shapes")
    return EXIT_OK


def _check_output_folder(folder: Path) -> None:
    """Fail before the work, not after it, when ``folder`` cannot be written."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise PskgError(f"cannot write {folder}: {existing} is a file, not a folder")
    if not os.access(existing if existing != folder else folder.parent, os.W_OK):
        raise PskgError(f"cannot write {folder}: no permission to write in {existing}")


def _validate(args: argparse.Namespace) -> int:
    triples, files, report = engine_validation(args.engine, args.data, args.shapes)
    for notice in report.notices:
        print_notice(notice)
    sys.stdout.write(render_report(report, triples, files, args.format))
    if args.format == "text":  # the verdict: to stdout when it conforms, to stderr when it does not (as before)
        print(verdict(report, triples, files), file=sys.stdout if report.conforms else sys.stderr)
    return EXIT_OK if report.conforms else EXIT_INVALID


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
        else engine_query(args.engine, query, values, cached=not args.no_cache)
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


def _info(_: argparse.Namespace) -> int:
    sys.stdout.write(render_info(describe_graph(load_sources().graph)))
    return EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    result = format_files(list(args.files) or None, check_only=args.check)
    for path in result.changed:
        print(f"{'not canonical' if args.check else 'reformatted'}: {path}")
    print(f"{len(result.checked)} files checked, {len(result.changed)} {'not canonical' if args.check else 'changed'}")
    return EXIT_INVALID if args.check and result.changed else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
