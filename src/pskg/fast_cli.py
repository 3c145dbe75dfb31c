"""``--engine fast|reference`` for build, validate and query: one switch between the two stacks.

``fast`` (the default): pyoxigraph store, targeted closure, compiled shapes, the
cached built store and the cached answers for queries. ``reference``: rdflib, owlrl and pySHACL, the
card's stack, which the agreement tests hold the fast path to.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from pskg.answer_cache import cached_fast_query
from pskg.built_store import run_fast_query
from pskg.fast_store import FastSources, load_fast_sources
from pskg.fast_validate import validate_fast
from pskg.graph import load_knowledge_graph
from pskg.load import SourceGraph, load_sources
from pskg.namespaces import new_graph
from pskg.queries import QueryResult, SavedQuery, run_query
from pskg.reason import infer
from pskg.reasoning import infer_with_fallback, print_notice
from pskg.validate import ValidationReport, load_shapes, validate

ENGINES = ("fast", "reference")


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    """The ``--engine`` option, fast by default."""
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="fast",
        help="fast (pyoxigraph, default) or reference (rdflib/owlrl/pySHACL)",
    )


def engine_query(engine: str, query: SavedQuery, values: dict[str, str], cached: bool = True) -> QueryResult:
    """Run a saved query on the chosen engine; on the fast one, an answer already computed is read back."""
    if engine == "reference":
        return run_query(load_knowledge_graph().union(), query, values)
    return cached_fast_query(query, values) if cached else run_fast_query(query, values)


def engine_validation(
    engine: str, data: Sequence[Path] | None = None, shapes: Sequence[Path] | None = None
) -> tuple[int, int, ValidationReport]:
    """Asserted triples, files and the validation report of ``data`` against ``shapes`` (default: the
    project's ontology and data, and its shapes), on the chosen engine."""
    shapes_graph = load_shapes(shapes)
    if engine == "reference":
        sources = load_sources() if data is None else SourceGraph()
        for path in data or ():
            sources.add_file(path)
        return len(sources.graph), len(sources.files), validate(sources, shapes_graph)
    fast = load_fast_sources() if data is None else FastSources()
    for path in data or ():
        fast.add_file(path)
    return fast.triple_count(), len(fast.files), validate_fast(fast, shapes_graph)


def engine_checks(engine: str, sources: SourceGraph) -> tuple[ValidationReport, Graph]:
    """The validation report and the inferred triples (rdflib) of ``sources``, for ``pskg build``."""
    if engine == "reference":
        report = validate(sources)
        return report, infer(sources.graph) if report.conforms else new_graph()
    fast = FastSources()
    for path in sources.files:
        fast.add_file(path)
    report = validate_fast(fast, reference=sources)
    for line in report.notices:
        print_notice(line)
    if not report.conforms:
        return report, new_graph()
    inferred = new_graph()
    inferred.parse(data=infer_with_fallback(fast, reference=sources).decode("utf-8"), format="nt")
    return report, inferred


def add_bench_command(commands: argparse._SubParsersAction) -> None:
    """``pskg bench``: the benchmark of issue 7 (see ``pskg.bench``)."""
    bench = commands.add_parser("bench", help="time every stage on both engines at growing sizes")
    bench.add_argument("--scales", default="1,10,100,1000", help="multiples of the real graph (default 1,10,100,1000)")
    bench.add_argument("--repeats", type=int, default=3, help="runs per measurement (median; default 3)")
    bench.add_argument("--reference-max", type=int, default=100, help="largest size the reference runs at (100)")
    bench.add_argument("--faults", type=int, default=10, help="violations injected at each size (default 10)")
    bench.add_argument("--output", type=Path, default=Path("bench.json"), help="JSON output (default bench.json)")
    bench.add_argument("--markdown", type=Path, help="also write the table, verdicts and per-query times as Markdown")
    bench.set_defaults(handler=_bench)


def _bench(args: argparse.Namespace) -> int:
    from pskg.bench import main

    scales = [int(part) for part in args.scales.split(",") if part.strip()]
    return main(scales, args.repeats, args.reference_max, args.faults, args.output, args.markdown)
