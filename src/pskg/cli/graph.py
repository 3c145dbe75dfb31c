"""``pskg build``, ``validate``, ``info`` and ``fmt``: the commands that make and check the graph."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pskg.cli.common import EPILOG, add_engine_option, notice, progress
from pskg.engines import get_engine
from pskg.engines.validation_output import FORMATS as REPORT_FORMATS
from pskg.engines.validation_output import render_report, verdict
from pskg.errors import EXIT_INVALID, EXIT_OK, PskgError
from pskg.queries.info import describe_graph, render_info
from pskg.release.build import build
from pskg.release.description import DEFAULT_PUBLIC_BASE, PUBLIC_BASE_VARIABLE, published_at
from pskg.sources.canonical import format_files
from pskg.sources.parse import load_sources


def add_build_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``build`` and ``validate``."""
    build_cmd = commands.add_parser("build", help="parse, reason, validate and write dist/", epilog=EPILOG)
    build_cmd.add_argument("--dist", type=Path, default=Path("dist"), help="output folder (default: dist)")
    build_cmd.add_argument(
        "--public-base",
        metavar="URL",
        help=f"where the dataset is published: its VoID/DCAT endpoint (URL/query) and download URLs derive from it "
        f"(default: ${PUBLIC_BASE_VARIABLE}, else {DEFAULT_PUBLIC_BASE})",
    )
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


def add_graph_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``info`` and ``fmt``."""
    info_cmd = commands.add_parser("info", help="counts by class, organisations, years covered", epilog=EPILOG)
    info_cmd.set_defaults(handler=_info)

    fmt_cmd = commands.add_parser(
        "fmt", help="rewrite Turtle files in the canonical form (--check only reports)", epilog=EPILOG
    )
    fmt_cmd.add_argument("files", nargs="*", type=Path, help="files (default: ontology/, data/, validation/)")
    fmt_cmd.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not canonical")
    fmt_cmd.set_defaults(handler=_fmt)


def _build(args: argparse.Namespace) -> int:
    check_output_folder(args.dist)
    try:
        with published_at(args.public_base):
            result = build(args.dist, progress=progress, engine=get_engine(args.engine), notice=notice)
    except OSError as exc:
        raise PskgError(f"cannot write {args.dist}: {exc.strerror or exc}; nothing was changed there") from exc
    print(f"built {result.dist}/: {result.asserted_triples} asserted triples, {result.inferred_triples} inferred")
    for name in result.files:
        print(f"  {result.dist / name}")
    print("validation: the graph conforms to the shapes")
    return EXIT_OK


def check_output_folder(folder: Path) -> None:
    """Fail before the work, not after it, when ``folder`` cannot be written."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise PskgError(f"cannot write {folder}: {existing} is a file, not a folder")
    if not os.access(existing if existing != folder else folder.parent, os.W_OK):
        raise PskgError(f"cannot write {folder}: no permission to write in {existing}")


def _validate(args: argparse.Namespace) -> int:
    validation = get_engine(args.engine).validate(args.data, args.shapes)
    triples, files, report = validation.triples, validation.files, validation.report
    for line in report.notices:
        notice(line)
    sys.stdout.write(render_report(report, triples, files, args.format))
    if args.format == "text":  # the verdict: to stdout when it conforms, to stderr when it does not (as before)
        print(verdict(report, triples, files), file=sys.stdout if report.conforms else sys.stderr)
    return EXIT_OK if report.conforms else EXIT_INVALID


def _info(_: argparse.Namespace) -> int:
    sys.stdout.write(render_info(describe_graph(load_sources().graph)))
    return EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    result = format_files(list(args.files) or None, check_only=args.check)
    for path in result.changed:
        print(f"{'not canonical' if args.check else 'reformatted'}: {path}")
    print(f"{len(result.checked)} files checked, {len(result.changed)} {'not canonical' if args.check else 'changed'}")
    return EXIT_INVALID if args.check and result.changed else EXIT_OK
