"""The saved queries on pyoxigraph, embedded: the second engine users get without a server.

Parameters are bound as for a remote store (``pskg.stores.remote.prepared_text``: each
parameter variable replaced by its checked RDF term). pyoxigraph's own
``substitutions=`` cannot serve: it only accepts variables of the SELECT clause,
and the saved queries' parameters are not projected. The default graph is the
union of the named graphs, as the saved queries expect.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph
from rdflib import Graph

from pskg.engines.fast.store import select
from pskg.engines.fast.terms import from_oxigraph
from pskg.queries.binding import prepared_text
from pskg.queries.catalogue import QueryResult, SavedQuery


def oxigraph_store(nquads: bytes) -> pyoxigraph.Store:
    """An in-memory store holding an N-Quads document."""
    store = pyoxigraph.Store()
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def run_on_oxigraph(store: pyoxigraph.Store, query: SavedQuery, values: Mapping[str, str], names: Graph) -> QueryResult:
    """Run ``query`` with parameter ``values`` over the union of the store's graphs; ``names`` resolves acronyms."""
    solutions = select(store, prepared_text(query, values, names), use_default_graph_as_union=True)
    variables = tuple(variable.value for variable in solutions.variables)
    rows = tuple(tuple(from_oxigraph(solution[name]) for name in variables) for solution in solutions)
    return QueryResult(variables=variables, rows=rows)
