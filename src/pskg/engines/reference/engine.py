"""The reference engine: rdflib, owlrl and pySHACL, the stack the fast engine is held to."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from pskg.engines.base import Engine, Notice, Validation
from pskg.engines.reference.reason import infer
from pskg.engines.reference.validate import validate
from pskg.engines.results import ValidationReport
from pskg.queries.catalogue import QueryResult, SavedQuery, run_query
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import new_graph
from pskg.sources.parse import SourceGraph, load_sources
from pskg.sources.shapes import load_shapes


def load_knowledge_graph() -> KnowledgeGraph:
    """Parse the ontology and data, and reason over them with owlrl."""
    sources = load_sources()
    return KnowledgeGraph(sources=sources, inferred=infer(sources.graph))


class ReferenceEngine(Engine):
    """rdflib, owlrl and pySHACL."""

    name = "reference"
    summary = "rdflib/owlrl/pySHACL"
    keeps_a_store = False

    def validate(self, data: Sequence[Path] | None = None, shapes: Sequence[Path] | None = None) -> Validation:
        shapes_graph = load_shapes(shapes)
        sources = load_sources() if data is None else SourceGraph()
        for path in data or ():
            sources.add_file(path)
        return Validation(len(sources.graph), len(sources.files), validate(sources, shapes_graph))

    def checks(self, sources: SourceGraph, notice: Notice) -> tuple[ValidationReport, Graph]:
        report = validate(sources)
        return report, infer(sources.graph) if report.conforms else new_graph()

    def query(self, query: SavedQuery, values: dict[str, str], cached: bool = True) -> QueryResult:
        return run_query(load_knowledge_graph().union(), query, values)
