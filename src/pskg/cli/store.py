"""The CLI of the triple-store commands: ``serve``, ``load``, ``export`` and ``query --endpoint``.

Kept apart from ``pskg.cli`` so that it only has to call ``add_store_commands``
and ``add_endpoint_options``. Credentials are read from the environment only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pskg.cli.common import progress
from pskg.errors import EXIT_OK, PskgError
from pskg.progress import ProgressBar
from pskg.queries.catalogue import QueryResult, SavedQuery
from pskg.release.build import build
from pskg.release.dataset import GRAPH_IRIS
from pskg.release.export import export_tables
from pskg.release.formats import NQUADS, read_enrichment_graphs, read_release_graphs
from pskg.sources.namespaces import new_graph
from pskg.stores.client import PASSWORD_VARIABLE, USER_VARIABLE, StoreClient, credentials_from_environment
from pskg.stores.endpoints import KINDS, store_client
from pskg.stores.front import DEFAULT_TIMEOUT, served_site
from pskg.stores.remote import run_remote_query
from pskg.stores.serve import DEFAULT_PORT, HOST, needs_build, run_until_interrupted
from pskg.stores.service_policy import is_loopback
from pskg.stores.upload import load_graphs

_CREDENTIALS = f"Credentials, if the store needs them: ${USER_VARIABLE} and ${PASSWORD_VARIABLE}."


def add_store_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``serve``, ``load`` and ``export`` to the ``pskg`` sub-commands."""
    serve = commands.add_parser(
        "serve",
        help="serve the dataset: SPARQL endpoint, resource pages, saved queries (Ctrl-C stops)",
        description="Build if needed, load the release into an Oxigraph server and serve it (on 127.0.0.1 "
        "unless --host) behind a front server: a landing page listing the saved queries, the resources at "
        "/id/NAME and /ontology (HTML, Turtle, N-Triples, JSON-LD by Accept), the SPARQL endpoint at /query. "
        "Prints the landing page's URL.",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free)")
    serve.add_argument("--host", default=HOST, help=f"address to listen on (default {HOST}: this machine only)")
    serve.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop any query after this long, with an error answer (default {DEFAULT_TIMEOUT:g})",
    )
    serve.add_argument("--cors", action="store_true", help="allow cross-origin requests (CORS headers, preflight)")
    serve.add_argument("--writable", action="store_true", help="accept SPARQL Update (default: read-only)")
    serve.add_argument(
        "--allow-service",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run federated queries (SERVICE) and LOAD, which make this machine fetch the URLs they name "
        "(default: allowed on a loopback --host without --cors, refused with a 403 otherwise)",
    )
    serve.add_argument("--dist", type=Path, default=Path("dist"), help="release folder (default: dist)")
    serve.set_defaults(handler=_serve)

    load = commands.add_parser(
        "load",
        help="load the dataset into a SPARQL 1.1 store (all or nothing)",
        description="Replace the dataset's named graphs in a store, by the Graph Store Protocol or SPARQL Update, "
        "then check the triple counts. " + _CREDENTIALS,
    )
    _add_store_arguments(load, required=True)
    load.add_argument("--graph", metavar="IRI", help="load everything into this one named graph instead")
    load.add_argument(
        "--with-enrichment",
        action="store_true",
        help="also load dist/wikidata-enrichment.trig (pskg link enrich), one graph per Wikidata item",
    )
    load.add_argument("--dist", type=Path, default=Path("dist"), help="release folder (default: dist)")
    load.set_defaults(handler=_load)

    export = commands.add_parser(
        "export",
        help="write the CSV panels (state-year, other states, dyad-year) and their codebook, datapackage.json",
        description="Write the COW-coded state-year panel, the other states' file and the dyad-year file, "
        "with their Frictionless codebook (datapackage.json), from the validated graph.",
    )
    export.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    export.set_defaults(handler=_export)


def add_endpoint_options(query_command: argparse.ArgumentParser) -> None:
    """Let ``pskg query`` run on a remote store."""
    _add_store_arguments(query_command, required=False)
    query_command.add_argument(
        "--graph",
        metavar="IRI",
        action="append",
        help="with --endpoint: a graph holding the dataset (repeatable; default: the release's named graphs; "
        "'default': the store's own default graph)",
    )


def _add_store_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--endpoint", metavar="URL", required=required, help="the store's SPARQL query endpoint")
    parser.add_argument("--store", choices=("auto", *KINDS), default="auto", help="store kind (default: from URL)")
    parser.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (default: from kind)")
    parser.add_argument("--gsp-endpoint", metavar="URL", help="Graph Store Protocol endpoint (default: from kind)")


def _client(args: argparse.Namespace) -> StoreClient:
    return store_client(
        args.endpoint,
        kind=args.store,
        update_url=args.update_endpoint,
        gsp_url=args.gsp_endpoint,
        credentials=credentials_from_environment(),
    )


def endpoint_result(args: argparse.Namespace, query: SavedQuery, values: dict[str, str]) -> QueryResult:
    """``pskg query --endpoint``: the saved query on the remote store."""
    graphs = args.graph or [str(iri) for iri in GRAPH_IRIS]
    default_graphs = [] if graphs == ["default"] else graphs
    return run_remote_query(_client(args), query, values, default_graphs)


def _ensure_release(dist: Path) -> None:
    if needs_build(dist):
        progress(f"building {dist} first")
        build(dist, progress=progress)


def _load(args: argparse.Namespace) -> int:
    client = _client(args)
    _ensure_release(args.dist)
    graphs = read_release_graphs(args.dist)
    if args.with_enrichment:
        for iri, graph in read_enrichment_graphs(args.dist).items():
            target = graphs.setdefault(iri, new_graph())
            for triple in graph:
                target.add(triple)
    if args.graph:
        merged = new_graph()
        for graph in graphs.values():
            merged += graph
        graphs = {args.graph: merged}
    report = load_graphs(client, graphs, progress=lambda total: ProgressBar(total, "triples"))
    print(f"loaded into {args.endpoint} by {report.protocol}; triple counts verified:")
    for iri, count in report.counts.items():
        print(f"  {count:6d}  <{iri}>")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port < 65536:
        raise PskgError(f"--port must be between 0 (any free port) and 65535, got {args.port}")
    if not 0 < args.timeout <= 86400:
        raise PskgError(f"--timeout must be a number of seconds above 0 (at most a day), got {args.timeout:g}")
    _ensure_release(args.dist)
    allow_service, policy = _service_policy(args.allow_service, args.host, args.cors)
    with served_site(
        args.dist,
        args.host,
        args.port,
        args.timeout,
        cors=args.cors,
        writable=args.writable,
        allow_service=allow_service,
    ) as served:
        mode = "read-write" if args.writable else "read-only"
        cors = ", CORS on" if args.cors else ""
        print(f"pskg serve: {args.dist / NQUADS} ({mode}, queries stopped after {args.timeout:g} s{cors})")
        print(f"  landing page: {served.url}/")
        print(f"  SPARQL endpoint: {served.url}/query")
        print(f"  federated queries (SERVICE): {policy}")
        print("Press Ctrl-C to stop.", flush=True)
        status = run_until_interrupted(served.oxigraph)
    print("pskg serve: stopped", file=sys.stderr)
    return status


def _service_policy(asked: bool | None, host: str, cors: bool) -> tuple[bool, str]:
    """Whether SERVICE and LOAD run, and the start-up line's account of it: as asked, else only on a loopback
    address without --cors (with it, any web page the user opens could send them and read the answers)."""
    if asked is not None:
        return asked, "allowed (--allow-service)" if asked else "refused (--no-allow-service)"
    if not is_loopback(host):
        return False, "refused on a non-loopback address (--allow-service allows them)"
    if cors:
        return False, "refused with --cors, any web page could send them (--allow-service allows them)"
    return True, "allowed on a loopback address (--no-allow-service refuses them)"


def _export(args: argparse.Namespace) -> int:
    for path in export_tables(args.out, progress=progress):
        print(path)
    return EXIT_OK
