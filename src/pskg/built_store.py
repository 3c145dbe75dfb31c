"""The built graph (asserted and inferred), cached on disk so ``pskg query`` does not rebuild it each call.

Key: SHA-256 of every ontology, data, shapes and query file (path and bytes)
and the package version; a change to any of them is a new key, so nothing
stale is ever read. The store is one N-Quads file written to a temporary name
and renamed: two processes racing write the same bytes and either rename wins.
Location: ``$PSKG_CACHE_DIR`` or ``.pskg-cache/`` in the project folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from pskg import __version__
from pskg.engines import run_on_oxigraph
from pskg.fast_reason import infer_fast
from pskg.fast_store import load_fast_sources
from pskg.namespaces import PSS
from pskg.queries import QueryResult, SavedQuery
from pskg.resources import project_root, resource_dir

_NAME_PREDICATES = (RDF.type, RDFS.subClassOf, RDFS.label, PSS.acronym, PSS.isoAlpha3)


def cache_dir() -> Path:
    """Where built stores are kept."""
    override = os.environ.get("PSKG_CACHE_DIR")
    return Path(override) if override else project_root() / ".pskg-cache"


def source_key() -> str:
    """The content hash of everything the built graph depends on."""
    digest = hashlib.sha256(__version__.encode())
    for kind in ("ontology", "data", "validation", "queries"):
        for path in sorted(p for p in resource_dir(kind).rglob("*") if p.is_file()):
            digest.update(f"\n{kind}/{path.relative_to(resource_dir(kind))}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def built_store() -> pyoxigraph.Store:
    """The asserted and inferred graph in an in-memory store, from the cache when the sources have not changed."""
    path = cache_dir() / f"{source_key()}.nq"
    store = pyoxigraph.Store()
    if path.is_file():
        store.bulk_load(path=path, format=pyoxigraph.RdfFormat.N_QUADS)
        return store
    sources = load_fast_sources()
    infer_fast(sources)
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
        _write_atomically(path, sources.store.dump(format=pyoxigraph.RdfFormat.N_QUADS))
    return sources.store


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def names_graph(store: pyoxigraph.Store) -> Graph:
    """The triples parameter values are resolved with (types, classes, labels, acronyms, ISO codes)."""
    values = " ".join(f"<{p}>" for p in _NAME_PREDICATES)
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"
    triples = store.query(query, use_default_graph_as_union=True)
    graph = Graph(bind_namespaces="none")
    graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return graph


def run_fast_query(query: SavedQuery, values: dict[str, str], store: pyoxigraph.Store | None = None) -> QueryResult:
    """A saved query on the built store (cached), parameters bound as checked RDF terms."""
    store = built_store() if store is None else store
    names = names_graph(store) if query.parameters else Graph()
    result = run_on_oxigraph(store, query, values, names)
    return replace(result, rows=tuple(tuple(_simple(cell) for cell in row) for row in result.rows))


def _simple(cell: Node | None) -> Node | None:
    """An ``xsd:string`` literal written as rdflib writes it, without the datatype (the same in RDF 1.1)."""
    if isinstance(cell, Literal) and cell.datatype == XSD.string:
        return Literal(str(cell))
    return cell
