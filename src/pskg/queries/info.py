"""``pskg info``: what the graph holds, in numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from rdflib import Graph
from rdflib.query import ResultRow

from pskg.sources.namespaces import short, sparql_prologue

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class . FILTER(STRSTARTS(STR(?s), STR(id:)))
} GROUP BY ?class ORDER BY DESC(?n) ?class
"""

_ORGANISATIONS = """
SELECT ?org (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?state) AS ?states) WHERE {
  ?org a/rdfs:subClassOf* pss:Organisation ; rdfs:label ?label . FILTER(LANG(?label) = "en")
  OPTIONAL { ?m org:organization ?org ; org:member ?state . }
} GROUP BY ?org ORDER BY DESC(?states) ?org
"""

_YEARS = """
SELECT (MIN(?y) AS ?first) (MAX(?y) AS ?last) WHERE {
  { ?f pss:startYear ?y } UNION { ?f pss:endYear ?y } UNION { ?f pss:year ?y }
}
"""


@dataclass(frozen=True)
class GraphInfo:
    """Counts by class, organisations with their member counts, the years covered."""

    triples: int
    classes: tuple[tuple[str, int], ...]
    organisations: tuple[tuple[str, str, int], ...]
    first_year: int
    last_year: int


def describe_graph(graph: Graph) -> GraphInfo:
    """Summarise an asserted graph."""
    prologue = sparql_prologue()
    classes = tuple((short(r[0]), int(r[1])) for r in _select(graph, prologue + _CLASS_COUNTS))
    organisations = tuple((short(r[0]), str(r[1] or ""), int(r[2])) for r in _select(graph, prologue + _ORGANISATIONS))
    years = next(iter(_select(graph, prologue + _YEARS)))
    return GraphInfo(len(graph), classes, organisations, int(years[0]), int(years[1]))


def _select(graph: Graph, query: str) -> Iterable[ResultRow]:
    """The rows of a SELECT query: rdflib types any result as rows, triples or a boolean."""
    return cast(Iterable[ResultRow], graph.query(query))


def render_info(info: GraphInfo) -> str:
    """The summary as text."""
    lines = [f"triples (asserted): {info.triples}", f"years covered: {info.first_year}–{info.last_year}", ""]
    lines.append("resources by class:")
    lines += [f"  {count:5d}  {name}" for name, count in info.classes]
    lines += ["", "organisations (states with at least one membership period):"]
    lines += [f"  {count:5d}  {iri:<15} {name}" for iri, name, count in info.organisations]
    return "\n".join(lines) + "\n"
