"""The sources in a pyoxigraph store: the fast path's parse, with one named graph per file.

rdflib needs about a kilobyte and tens of microseconds per triple; pyoxigraph a
fraction of both, which is what lets the graph grow a thousandfold. Each file
goes into its own named graph, so the file that describes a focus node is a
lookup rather than a map kept on the side. A file pyoxigraph refuses is parsed
again by ``load.parse_turtle_file``, whose messages (file, line, why) users know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib.namespace import RDF, XSD

from pskg.engines.literal_forms import AlteredLiteral, altered_literals
from pskg.errors import PskgError
from pskg.sources.parse import parse_turtle_file, read_turtle_text
from pskg.sources.resources import turtle_files

#: The graph that holds what reasoning adds; never one of the files'.
INFERRED_GRAPH = pyoxigraph.NamedNode("urn:pskg:inferred")
RDF_TYPE = pyoxigraph.NamedNode(str(RDF.type))


@dataclass
class FastSources:
    """A store with each source file in its own named graph."""

    store: pyoxigraph.Store = field(default_factory=pyoxigraph.Store)
    files: list[Path] = field(default_factory=list)
    #: Base IRI of each file read with one (relative IRIs resolved against it); others must have none.
    bases: dict[Path, str] = field(default_factory=dict)
    #: ``altered_literals()``'s answer once asked (validation and the release both ask; files are not added after).
    _altered: list[AlteredLiteral] | None = field(default=None, repr=False)

    @property
    def graphs(self) -> list[pyoxigraph.NamedNode]:
        """The files' graphs: the asserted triples, without the inferred ones."""
        return [file_graph(path) for path in self.files]

    def add_file(self, path: Path, base: str | None = None) -> None:
        """Parse ``path`` into its graph; a refusal is explained by the reference parser.

        ``base``: resolve relative IRIs against it (the SHACL test suite's files use them); without it they
        are refused, as the reference parser refuses them.
        """
        text = read_turtle_text(path)
        try:
            self.store.load(text, format=pyoxigraph.RdfFormat.TURTLE, to_graph=file_graph(path), base_iri=base)
        except (SyntaxError, ValueError) as exc:
            parse_turtle_file(path, base)  # raises the error users know, with file and line
            raise PskgError(f"{path}: {exc}") from exc
        self.files.append(path)
        self._altered = None
        if base is not None:
            self.bases[path] = base

    def altered_literals(self) -> list[AlteredLiteral]:
        """The literals of the files that the store does not keep as written (see ``pskg.engines.literal_forms``)."""
        if self._altered is None:
            self._altered = self._find_altered_literals()
        return self._altered

    def _find_altered_literals(self) -> list[AlteredLiteral]:
        by_graph = {file_graph(path): path for path in self.files}
        query = (
            "SELECT DISTINCT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(isLiteral(?o) && LANG(?o) = "" && DATATYPE(?o) != <{XSD.string}>) }}'
        )
        stored = ((by_graph[row["g"]], row["o"]) for row in select(self.store, query) if row["g"] in by_graph)
        return altered_literals(((path, self.bases.get(path)) for path in self.files), stored)

    def files_of(self, subject: pyoxigraph.NamedNode | pyoxigraph.BlankNode) -> tuple[Path, ...]:
        """The files that describe ``subject``, in load order."""
        by_graph = {file_graph(path): path for path in self.files}
        found = {quad.graph_name for quad in self.store.quads_for_pattern(subject, None, None)}
        return tuple(path for graph, path in by_graph.items() if graph in found)

    def triple_count(self) -> int:
        """Asserted triples, counted once even when two files state them."""
        query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        solution = next(iter(select(self.store, query, default_graph=self.graphs)))
        return int(solution["n"].value)


def select(
    store: pyoxigraph.Store,
    query: str,
    *,
    use_default_graph_as_union: bool = False,
    default_graph: Sequence[pyoxigraph.NamedNode] | None = None,
) -> pyoxigraph.QuerySolutions:
    """The solutions of a SELECT query: pyoxigraph types any query's answer as solutions, triples or a boolean."""
    graphs: list[pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.DefaultGraph] | None = None
    if default_graph is not None:
        graphs = [*default_graph]
    result = store.query(query, use_default_graph_as_union=use_default_graph_as_union, default_graph=graphs)
    if not isinstance(result, pyoxigraph.QuerySolutions):  # a CONSTRUCT, DESCRIBE or ASK: no table
        raise PskgError(f"a SELECT query was expected, not: {' '.join(query.split())[:120]}")
    return result


def file_graph(path: Path) -> pyoxigraph.NamedNode:
    """The named graph of one source file."""
    return pyoxigraph.NamedNode(path.resolve().as_uri())


def load_fast_sources(kinds: tuple[str, ...] = ("ontology", "data")) -> FastSources:
    """Every Turtle file of the given resource folders, in a fresh in-memory store."""
    sources = FastSources()
    for kind in kinds:
        for path in turtle_files(kind):
            sources.add_file(path)
    return sources
