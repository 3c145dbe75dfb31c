"""``pskg link check|compare|enrich``: the Wikidata commands, added to the main parser by ``pskg.cli``."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from pskg.errors import EXIT_INVALID, EXIT_OK, ParameterError
from pskg.queries.render import FORMATS, render
from pskg.sources.parse import load_sources
from pskg.wikidata.client import DEFAULT_ENDPOINT, DEFAULT_TIMEOUT, SparqlClient
from pskg.wikidata.compare import compare_memberships, full_result, table_result
from pskg.wikidata.compare import summary as compare_summary
from pskg.wikidata.enrich import DEFAULT_OUTPUT, enrich, write_enrichment
from pskg.wikidata.link import FAILED, check_links, check_result
from pskg.wikidata.link import summary as check_summary
from pskg.wikidata.response_cache import ResponseCache
from pskg.wikidata.terms import ACCEPTED_CLASSES

LINK_EPILOG = (
    "Exit codes: 0 ok, 1 a link failed its check, 2 bad input, 3 the endpoint is unreachable or answered garbage, "
    "130 interrupted."
)


def add_link_commands(commands: argparse._SubParsersAction) -> None:
    """``pskg link …`` and its three subcommands."""
    link = commands.add_parser(
        "link",
        help="check, compare and enrich the links to Wikidata",
        description="Check the links to Wikidata, compare memberships with it, bring in its labels and facts.",
        epilog=LINK_EPILOG,
    )
    link.set_defaults(handler=lambda _: _help(link))
    sub = link.add_subparsers(title="link commands", metavar="COMMAND")

    check = sub.add_parser("check", help="does every link point to a live item with our label and a fitting type?")
    _endpoint_options(check)
    check.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="KIND=LABEL",
        help="also accept instances of the class with this English label for KIND (state, organisation, conflict …)",
    )
    check.set_defaults(handler=_check)

    compare = sub.add_parser("compare", help="our memberships beside Wikidata's member-of (P463) statements")
    _endpoint_options(compare)
    compare.set_defaults(handler=_compare)

    enrich_cmd = sub.add_parser("enrich", help="write Wikidata's labels and facts into their own named graphs (TriG)")
    _endpoint_options(enrich_cmd, formats=False)
    enrich_cmd.add_argument("--output", "-o", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}")
    enrich_cmd.add_argument(
        "--retrieved", type=_date, default=None, metavar="YYYY-MM-DD", help="retrieval date recorded (default: today)"
    )
    enrich_cmd.set_defaults(handler=_enrich)


def _endpoint_options(parser: argparse.ArgumentParser, formats: bool = True) -> None:
    parser.epilog = LINK_EPILOG
    parser.add_argument("--endpoint", default=DEFAULT_ENDPOINT, help=f"SPARQL endpoint (default: {DEFAULT_ENDPOINT})")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help=f"seconds per request (default: {DEFAULT_TIMEOUT:g})"
    )
    parser.add_argument("--no-cache", action="store_true", help="ask the endpoint even if a cached answer is fresh")
    if formats:
        parser.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")


def _client(args: argparse.Namespace) -> SparqlClient:
    return SparqlClient(args.endpoint, timeout=args.timeout, cache=None if args.no_cache else ResponseCache())


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _check(args: argparse.Namespace) -> int:
    accepted = {kind: set(labels) for kind, labels in ACCEPTED_CLASSES.items()}
    for pair in args.accept:
        kind, sep, label = pair.partition("=")
        if not sep or not kind.strip() or not label.strip():
            raise ParameterError(f"--accept expects KIND=LABEL (e.g. state='historical country'), got {pair!r}")
        accepted.setdefault(kind.strip(), set()).add(label.strip())
    frozen = {kind: frozenset(labels) for kind, labels in accepted.items()}
    rows = check_links(load_sources().graph, _client(args), frozen)
    _emit(render(check_result(rows), args.format), check_summary(rows), args.format)
    return EXIT_INVALID if any(row.status == FAILED for row in rows) else EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    report = compare_memberships(load_sources().graph, _client(args))
    result = table_result(report) if args.format == "table" else full_result(report)
    _emit(render(result, args.format), compare_summary(report), args.format)
    return EXIT_OK


def _enrich(args: argparse.Namespace) -> int:
    retrieved = args.retrieved or datetime.date.today()
    enrichment = enrich(load_sources().graph, _client(args), retrieved)
    count = write_enrichment(enrichment, args.output)
    print(f"wrote {args.output}: {count} triples about {len(enrichment.triples)} Wikidata items, retrieved {retrieved}")
    return EXIT_OK


def _emit(text: str, summary: str, fmt: str) -> None:
    """The result on stdout; the summary too for a table, on stderr for CSV/JSON (kept parseable)."""
    sys.stdout.write(text)
    if fmt == "table":
        print(f"\n{summary}")
    else:
        print(summary, file=sys.stderr)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from error
