"""The fast engine: the built store kept on disk, the targeted closure, the compiled shapes, kept answers.

Each step hands what it does not cover to the reference libraries, with one
notice line (``engines.validation``, ``engines.reasoning``), so its answers are
always the reference's.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from pskg.engines.base import Engine, Notice, Validation
from pskg.engines.built_store import built_store, fast_solutions, run_fast_query, source_key
from pskg.engines.fast.store import FastSources, load_fast_sources
from pskg.engines.reasoning import infer_with_fallback
from pskg.engines.results import ValidationReport
from pskg.engines.validation import validate_fast
from pskg.queries.answers import answer_path, keep_answer, read_answer, table_result
from pskg.queries.catalogue import QueryResult, SavedQuery
from pskg.queries.rows import solution_table
from pskg.sources.namespaces import new_graph
from pskg.sources.parse import SourceGraph
from pskg.sources.shapes import load_shapes


class FastEngine(Engine):
    """pyoxigraph, the targeted closure and the compiled shapes (the default)."""

    name = "fast"
    summary = "pyoxigraph, default"
    keeps_a_store = True

    def validate(self, data: Sequence[Path] | None = None, shapes: Sequence[Path] | None = None) -> Validation:
        shapes_graph = load_shapes(shapes)
        sources = load_fast_sources() if data is None else FastSources()
        for path in data or ():
            sources.add_file(path)
        return Validation(sources.triple_count(), len(sources.files), validate_fast(sources, shapes_graph))

    def checks(self, sources: SourceGraph, notice: Notice) -> tuple[ValidationReport, Graph]:
        fast = FastSources()
        for path in sources.files:
            fast.add_file(path)
        report = validate_fast(fast, reference=sources)
        for line in report.notices:
            notice(line)
        inferred = new_graph()
        if report.conforms:
            inferred.parse(data=infer_with_fallback(fast, notice, reference=sources).decode("utf-8"), format="nt")
        return report, inferred

    def query(self, query: SavedQuery, values: dict[str, str], cached: bool = True) -> QueryResult:
        """On the built store; with ``cached``, an answer computed before on the same sources is read back."""
        key = source_key()
        if not cached:
            return run_fast_query(query, values, built_store(key))
        path = answer_path(query, values, key)
        kept = read_answer(path)
        if kept is not None:
            return kept
        solutions = fast_solutions(query, values, built_store(key))
        if not solutions.variables:  # a table with no columns does not say how many rows it has: not kept
            return QueryResult(variables=(), rows=tuple(() for _ in solutions))
        table = solution_table(solutions)
        keep_answer(path, table)
        return table_result(table)
