"""The built graph (asserted and inferred), cached on disk so ``pskg query`` does not rebuild it each call.

Key: SHA-256 of every ontology, data, shapes and query file (path and bytes)
and of the package's own code (the reasoner, the parameter binding); a change
to any of them is a new key, so nothing stale is ever read, in a working copy
under edit as in a release. The store is one N-Quads file written to a temporary name
and renamed: two processes racing write the same bytes and either rename wins.
Location: ``$PSKG_CACHE_DIR`` or ``.pskg-cache/`` in the project folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from pskg import __version__
from pskg.atomic import atomic_path
from pskg.errors import ParameterError
from pskg.fast_store import load_fast_sources
from pskg.load import read_turtle_text
from pskg.namespaces import ID, PSS
from pskg.queries import PARAMETER_CLASSES, QueryResult, SavedQuery, _expand_or_none, bind_parameters
from pskg.reasoning import infer_with_fallback
from pskg.remote import substitute
from pskg.resources import project_root, resource_dir
from pskg.solution_rows import solution_rows

_NAME_PREDICATES = (RDF.type, RDFS.subClassOf, RDFS.label, PSS.acronym, PSS.isoAlpha3)


def cache_dir() -> Path:
    """Where built stores are kept."""
    override = os.environ.get("PSKG_CACHE_DIR")
    return Path(override) if override else project_root() / ".pskg-cache"


def source_key() -> str:
    """The content hash of everything the built graph depends on."""
    digest = hashlib.sha256(__version__.encode())
    folders = {kind: resource_dir(kind) for kind in ("ontology", "data", "validation", "queries")}
    for kind, folder in (*folders.items(), ("code", Path(__file__).parent)):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(f"\n{kind}/{path.relative_to(folder)}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def built_store(key: str | None = None) -> BuiltStore:
    """The asserted and inferred graph in an in-memory store, from the cache when the sources have not changed.

    The cache file is the engine's own output, so it is read without checking
    each IRI again (7.4 s instead of 9.6 at ×1000); a file
    that cannot be read is built again. Writing a new one removes the stores
    and answers of older sources: at ×1000 each store is 0.7 GB.
    """
    key = source_key() if key is None else key
    path = cache_dir() / f"{key}.nq"
    if path.is_file():
        store = pyoxigraph.Store()
        try:
            store.bulk_load(path=path, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
            return BuiltStore(store)
        except (OSError, SyntaxError, ValueError):
            del store  # damaged or unreadable: built again below
    sources = load_fast_sources()
    files, inferred = sources.files, infer_with_fallback(sources)
    del sources  # one graph in memory at a time
    store = one_graph(files, inferred)
    del inferred
    with contextlib.suppress(OSError):  # a cache not written only costs time
        with atomic_path(path) as temporary:
            store.dump(output=temporary, format=pyoxigraph.RdfFormat.N_QUADS)  # to the file: 0.7 GB not held
        remove_stale(key)
    return BuiltStore(store)


def answers_dir(key: str) -> Path:
    """Where the answers computed on the sources of ``key`` are kept (see ``pskg.answer_cache``)."""
    return cache_dir() / "answers" / key


def remove_stale(key: str) -> None:
    """Remove the built stores and answers of every source key but ``key``."""
    for old in cache_dir().glob("*.nq"):
        if old.stem != key:
            old.unlink(missing_ok=True)
    for old in (cache_dir() / "answers").glob("*"):
        if old.name != key:
            shutil.rmtree(old, ignore_errors=True)


def one_graph(files: list[Path], inferred: bytes) -> pyoxigraph.Store:
    """The files' triples and the inferred ones in one default graph, each triple once: what the queries read.

    The reasoner's store keeps each file in a graph of its own, and pyoxigraph's
    union of graphs is a bag: a triple two files state would match twice, where
    rdflib, Virtuoso or an Oxigraph server holding one graph match it once.
    Parsing again costs less than moving the triples (a removal frees no memory).
    """
    store = pyoxigraph.Store()
    for path in files:
        store.load(read_turtle_text(path), format=pyoxigraph.RdfFormat.TURTLE)
    store.load(inferred, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


@dataclass
class BuiltStore:
    """The built graph in memory, with an index of the names IRI parameters may use (made at the first need).

    ``queries.bind_parameters`` matches a value against every instance's IRI,
    local name, acronyms, ISO code and labels, case-insensitively: on the whole
    graph that is a scan, a second at ×1000. The index maps each casefolded name
    to the instances that bear it, so resolving a value looks at those only.
    """

    store: pyoxigraph.Store
    _index: dict[str, set[str]] | None = field(default=None, repr=False)

    def named(self, raw: str) -> set[str]:
        """The instances (of a parameter class) one of whose names may be ``raw``."""
        if self._index is None:
            self._index = _name_index(self.store)
        keys = {raw.strip().casefold(), _expand_or_none(raw.strip()).casefold()}
        return {iri for key in keys for iri in self._index.get(key, ())}


def _name_index(store: pyoxigraph.Store) -> dict[str, set[str]]:
    classes = " ".join(f"<{c}>" for c in sorted(set(PARAMETER_CLASSES.values())))
    names = " ".join(f"<{p}>" for p in _NAME_PREDICATES[2:])
    query = f"""SELECT DISTINCT ?i ?name WHERE {{
        VALUES ?class {{ {classes} }} ?c <{RDFS.subClassOf}>* ?class . ?i a ?c . FILTER(isIRI(?i))
        OPTIONAL {{ VALUES ?p {{ {names} }} ?i ?p ?name }} }}"""
    index: dict[str, set[str]] = {}
    for row in store.query(query, use_default_graph_as_union=True):
        iri, name = row["i"].value, row["name"]
        keys = {iri, iri.removeprefix(str(ID))} | ({name.value} if name is not None else set())
        for key in keys:
            index.setdefault(key.casefold(), set()).add(iri)
    return index


def names_graph(built: BuiltStore, query: SavedQuery, values: dict[str, str]) -> Graph:
    """The triples that resolve ``query``'s IRI parameters: the classes, and the candidates' types and names."""
    raws = [values.get(p.name, p.default) for p in query.parameters if p.name in PARAMETER_CLASSES]
    found = " ".join(f"<{iri}>" for raw in raws if raw for iri in sorted(built.named(raw)))
    if not found:
        return Graph()
    names = " ".join(f"<{p}>" for p in _NAME_PREDICATES[2:])
    return _construct(
        built.store,
        f"{{ ?s <{RDFS.subClassOf}> ?o BIND(<{RDFS.subClassOf}> AS ?p) }} UNION "
        f"{{ VALUES ?s {{ {found} }} VALUES ?p {{ <{RDF.type}> {names} }} ?s ?p ?o }}",
    )


def _all_names(store: pyoxigraph.Store) -> Graph:
    """Every triple names are resolved with: the list of known names a failed resolution prints."""
    predicates = " ".join(f"<{p}>" for p in _NAME_PREDICATES)
    return _construct(store, f"VALUES ?p {{ {predicates} }} ?s ?p ?o")


def _construct(store: pyoxigraph.Store, where: str) -> Graph:
    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", use_default_graph_as_union=True)
    graph = Graph(bind_namespaces="none")
    graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return graph


def run_fast_query(query: SavedQuery, values: dict[str, str], built: BuiltStore | None = None) -> QueryResult:
    """A saved query on the built store (cached), parameters bound as checked RDF terms."""
    solutions = fast_solutions(query, values, built_store() if built is None else built)
    variables = tuple(variable.value for variable in solutions.variables)
    return QueryResult(variables=variables, rows=solution_rows(solutions))


def fast_solutions(query: SavedQuery, values: dict[str, str], built: BuiltStore) -> pyoxigraph.QuerySolutions:
    """The engine's solutions of a saved query on ``built``, parameters bound as checked RDF terms.

    Unlike ``remote.prepared_text``, the substituted text is not parsed again by
    rdflib to check it (20 ms, twice the whole budget of a query): pyoxigraph
    parses it, and the terms substituted are checked ones.
    """
    try:
        bindings = bind_parameters(names_graph(built, query, values), query, dict(values))
    except ParameterError:
        bind_parameters(_all_names(built.store), query, dict(values))  # raises, listing every known name
        raise
    return built.store.query(substitute(query.text, bindings), use_default_graph_as_union=True)
