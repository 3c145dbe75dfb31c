"""``pskg load``: put the dataset's named graphs into a store, all or nothing.

Every graph is first written to a fresh staging graph (Graph Store Protocol PUT
then POSTs in chunks, or SPARQL Update ``INSERT DATA`` where the store has no
Graph Store endpoint), its triple count checked, and only then are all staging
graphs moved over their targets in *one* SPARQL Update request (``MOVE``), which
SPARQL 1.1 asks a store to apply atomically. A failure before that point drops the staging
graphs and leaves the targets as they were; loading twice gives the same triples,
since ``MOVE`` replaces a target graph whole. The counts are checked again after.

Triples that touch a blank node travel in one chunk, so a node stays one node.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from rdflib import BNode, Graph

from pskg.errors import EndpointError
from pskg.progress import ProgressBar
from pskg.sources.namespaces import new_graph
from pskg.stores.client import StoreClient

CHUNK_TRIPLES = 2000
STAGING_PREFIX = "urn:pskg:staging:"


class LoadFailed(EndpointError):
    """The load did not complete; the message says whether the store was left unchanged."""


@dataclass(frozen=True)
class LoadReport:
    """Triples now in each target graph, and the protocol used to send them."""

    counts: dict[str, int]
    protocol: str


def load_graphs(
    client: StoreClient, graphs: Mapping[str, Graph], progress: Callable[[int], ProgressBar] | None = None
) -> LoadReport:
    """Replace each target graph (IRI -> triples) in the store; nothing changes unless all are staged."""
    protocol = "graph-store" if client.gsp_url else "update"
    run = uuid.uuid4().hex
    # An empty graph is not staged: the switch drops its target (MOVE from a graph a store
    # never created would fail silently and leave the old triples).
    staging = {target: f"{STAGING_PREFIX}{run}:{index}" for index, target in enumerate(graphs) if len(graphs[target])}
    bar = progress(sum(len(g) for g in graphs.values())) if progress else None
    try:
        for target, name in staging.items():
            _stage(client, name, graphs[target], protocol, bar)
            found = client.count(name)
            if found != len(graphs[target]):
                raise LoadFailed(
                    f"staging graph for <{target}> holds {found} triples, expected {len(graphs[target])}; "
                    "the store is unchanged"
                )
        client.update(" ;\n".join(_switch(target, staging.get(target)) for target in graphs))
    except BaseException as error:
        _drop_quietly(client, staging.values())
        if isinstance(error, EndpointError) and not isinstance(error, LoadFailed):
            raise LoadFailed(f"load failed, the store is unchanged: {error}") from error
        raise
    counts = {target: client.count(target) for target in graphs}
    wrong = {t: n for t, n in counts.items() if n != len(graphs[t])}
    if wrong:
        detail = ", ".join(f"<{t}> holds {n}, expected {len(graphs[t])}" for t, n in wrong.items())
        raise LoadFailed(f"after loading, {detail}")
    return LoadReport(counts, protocol)


def _switch(target: str, staging: str | None) -> str:
    """The update operation that puts the new triples of ``target`` in place."""
    if staging is None:
        return f"DROP SILENT GRAPH <{target}>"
    return f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{target}>"


def _stage(client: StoreClient, staging: str, graph: Graph, protocol: str, bar: ProgressBar | None) -> None:
    for index, chunk in enumerate(chunks(graph)):
        data = chunk.serialize(format="nt", encoding="utf-8")
        if protocol == "graph-store":
            client.put_graph(staging, data, append=index > 0)
        else:
            client.update(f"INSERT DATA {{ GRAPH <{staging}> {{\n{data.decode('utf-8')}}} }}")
        if bar:
            bar.advance(len(chunk))


def chunks(graph: Graph, size: int = CHUNK_TRIPLES) -> Iterator[Graph]:
    """The graph in pieces of at most ``size`` triples, except that all blank-node triples share one."""
    with_blank = new_graph()
    current = new_graph()
    for triple in graph:
        if any(isinstance(term, BNode) for term in triple):
            with_blank.add(triple)
            continue
        current.add(triple)
        if len(current) >= size:
            yield current
            current = new_graph()
    if len(current):
        yield current
    if len(with_blank):
        yield with_blank


def _drop_quietly(client: StoreClient, graphs: Iterable[str]) -> None:
    """Remove staging graphs; a store that cannot even do that is reported by the original error."""
    with contextlib.suppress(EndpointError):
        client.update(" ;\n".join(f"DROP SILENT GRAPH <{iri}>" for iri in graphs))
