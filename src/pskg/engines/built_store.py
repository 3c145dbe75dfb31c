"""The built graph (asserted and inferred), kept on disk as an Oxigraph store that queries open read-only.

Key: SHA-256 of every ontology, data, shapes and query file (path and bytes)
and of the package's Python code (``resources.package_code``): a change to any
of them is a new key, so nothing stale is ever read, in a working copy under
edit as in a release; the key never covers the cache itself. The store is built
in a temporary folder beside its final place and renamed there whole, so a
reader never opens a half-written store; two processes racing build the same
store and the first rename wins. A new store removes the stores and kept
answers of older keys. Location: ``stores/`` under ``resources.cache_root()``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from pskg import __version__
from pskg.atomic import write_text_atomically
from pskg.engines.fast.store import load_fast_sources, select
from pskg.engines.fast.terms import from_oxigraph
from pskg.engines.reasoning import infer_with_fallback
from pskg.errors import ParameterError
from pskg.queries.answers import answers_root
from pskg.queries.binding import substitute
from pskg.queries.catalogue import PARAMETER_CLASSES, QueryResult, SavedQuery, _expand_or_none, bind_parameters
from pskg.queries.rows import solution_rows
from pskg.sources.namespaces import ID, PSS
from pskg.sources.parse import read_turtle_text
from pskg.sources.resources import cache_root, package_code, resource_dir

#: Written last into a store's folder: a folder without it is not a store to open.
_COMPLETE = "pskg-complete"
#: The name index of a kept store (``BuiltStore.named``), made when the store is.
_NAMES = "pskg-names.json"
#: Written into a store whose sources passed the shapes.
_VALIDATED = "pskg-validated"
_NT = pyoxigraph.RdfFormat.N_TRIPLES
#: The last key computed, with the files' signatures it was computed from (``source_key``).
_KEY_MEMO = ".source-key.json"

_NAME_PREDICATES = (RDF.type, RDFS.subClassOf, RDFS.label, PSS.acronym, PSS.isoAlpha3)


def stores_dir() -> Path:
    """Where built stores are kept, one folder per source key."""
    return cache_root() / "stores"


def source_key() -> str:
    """The content hash of everything the built graph depends on: the resource files and the package's code.

    Hashing reads every file (a second at ×1000), so the key is kept beside the stores
    with each file's size, modification time (ns) and inode, as git's index keeps
    them: while none of these changed, the recorded key is the key. Any edit, or a
    file replaced (``pskg fmt`` writes a new file), makes it hash again.
    """
    files = _key_files()
    listing = [[label, *_signature(path)] for label, path in files]
    memo = stores_dir() / _KEY_MEMO
    try:
        recorded = json.loads(memo.read_text(encoding="utf-8"))
        if recorded.get("listing") == listing and recorded.get("version") == __version__:
            return str(recorded["key"])
    except (OSError, ValueError, AttributeError, KeyError):
        pass  # none yet, or unreadable: hashed below
    digest = hashlib.sha256(__version__.encode())
    for label, path in files:
        digest.update(f"\n{label}\n".encode())
        digest.update(path.read_bytes())
    key = digest.hexdigest()
    with contextlib.suppress(OSError):  # a memo not written only costs the next hash
        write_text_atomically(memo, json.dumps({"version": __version__, "key": key, "listing": listing}))
    return key


def _key_files() -> list[tuple[str, Path]]:
    """Every file the key covers, labelled by its place (``data/memberships.ttl``, ``code/cli/query.py``)."""
    files = []
    for kind in ("ontology", "data", "validation", "queries"):
        folder = resource_dir(kind)
        files += [(f"{kind}/{path.relative_to(folder)}", path) for path in sorted(folder.rglob("*")) if path.is_file()]
    code = package_code()
    top = code[0].parent if code else Path()
    files += [(f"code/{path.relative_to(top) if path.is_relative_to(top) else path.name}", path) for path in code]
    return files


def _signature(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def built_store(key: str | None = None) -> BuiltStore:
    """The asserted and inferred graph, opened read-only from the cache, or built there first (unvalidated:
    ``pskg query`` answers whatever the sources say; ``pskg build`` leaves a validated one).

    A store that cannot be opened (damaged, or from another version of the
    engine) is built again; a store that cannot be written (a read-only cache
    folder) is kept in memory for this process only.
    """
    key = source_key() if key is None else key
    kept = open_built_store(key)
    if kept is not None:
        return kept
    sources = load_fast_sources()
    files, inferred = sources.files, infer_with_fallback(sources)
    del sources  # one graph in memory at a time
    store = one_graph(files, inferred, pyoxigraph.Store())
    del inferred
    return keep_built_store(store, key) or BuiltStore(store)


def open_built_store(key: str, validated: bool = False) -> BuiltStore | None:
    """The kept store of ``key`` opened read-only (``validated``: only one that passed the shapes), else None."""
    path = stores_dir() / key
    if not (path / _COMPLETE).is_file() or (validated and not (path / _VALIDATED).is_file()):
        return None
    try:
        return BuiltStore(pyoxigraph.Store.read_only(str(path)), path)
    except (OSError, RuntimeError):  # damaged (RocksDB's own errors come as RuntimeError): built again
        shutil.rmtree(path, ignore_errors=True)
        return None


def keep_built_store(
    store: pyoxigraph.Store,
    key: str,
    validated: bool = False,
    graphs: Sequence[pyoxigraph.NamedNode] = (),
) -> BuiltStore | None:
    """Keep the default graph of ``store`` (or the union of its ``graphs``) on disk as the default graph of the
    built store of ``key``, opened read-only; None when the cache cannot be written (it only costs time).

    Built in a temporary folder beside its place and renamed there whole; if
    another process renamed the same store first, theirs is kept. ``validated``
    marks a store whose sources passed the shapes (``pskg build``, ``pskg export``).
    """
    path = stores_dir() / key
    try:
        if not (path / _COMPLETE).is_file():
            _write_store(store, path, graphs or [pyoxigraph.DefaultGraph()])
        if validated:
            (path / _VALIDATED).write_text(__version__, encoding="utf-8")
        remove_stale(key)
        return BuiltStore(pyoxigraph.Store.read_only(str(path)), path)
    except (OSError, RuntimeError):
        return None


def _write_store(
    store: pyoxigraph.Store,
    path: Path,
    graphs: Sequence[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    written = path.with_name(f".{path.name}.{os.getpid()}.nt")
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        disk = pyoxigraph.Store(str(temporary))
        for graph in graphs:  # a graph at a time, through a file: the loader's memory stays small
            store.dump(output=str(written), format=_NT, from_graph=graph)
            disk.bulk_load(path=str(written), format=_NT)  # into the default graph: a triple two graphs state, once
        disk.flush()
        index = json.dumps(name_index(disk), ensure_ascii=False, separators=(",", ":"))
        del disk  # closed: RocksDB lets go of the folder
        (temporary / _NAMES).write_text(index, encoding="utf-8")
        (temporary / _COMPLETE).write_text(__version__, encoding="utf-8")
        if path.exists() and not (path / _COMPLETE).is_file():  # not renamed here whole: left by something else
            shutil.rmtree(path, ignore_errors=True)
        try:
            os.rename(temporary, path)
        except OSError:
            if not (path / _COMPLETE).is_file():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        written.unlink(missing_ok=True)


def remove_stale(key: str) -> None:
    """Remove the built stores and kept answers of every source key but ``key`` (not temporary folders in use)."""
    for old in stores_dir().glob("*"):
        if old.name != key and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    for old in answers_root().glob("*"):
        if old.name != key:
            shutil.rmtree(old, ignore_errors=True)
    for old in cache_root().glob("*.nq"):  # the N-Quads stores of pskg 0.1.0 and earlier
        old.unlink(missing_ok=True)


def one_graph(files: list[Path], inferred: bytes, store: pyoxigraph.Store) -> pyoxigraph.Store:
    """The files' triples and the inferred ones in one default graph, each triple once: what the queries read.

    The reasoner's store keeps each file in a graph of its own, and pyoxigraph's
    union of graphs is a bag: a triple two files state would match twice, where
    rdflib, Virtuoso or an Oxigraph server holding one graph match it once.
    Parsing again costs less than moving the triples (a removal frees no memory).
    """
    for path in files:
        store.bulk_load(read_turtle_text(path), format=pyoxigraph.RdfFormat.TURTLE)
    store.bulk_load(inferred, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


@dataclass
class BuiltStore:
    """The built graph's store, with an index of the names IRI parameters may use (made at the first need).

    ``queries.bind_parameters`` matches a value against every instance's IRI,
    local name, acronyms, ISO code and labels, case-insensitively: on the whole
    graph that is a scan, a second at ×1000. The index maps each casefolded name
    to the instances that bear it, so resolving a value looks at those only.
    """

    store: pyoxigraph.Store
    #: The kept store's folder, where its name index was written when it was built (read instead of made).
    folder: Path | None = None
    _index: dict[str, list[str]] | None = field(default=None, repr=False)

    def named(self, raw: str) -> set[str]:
        """The instances (of a parameter class) one of whose names may be ``raw``."""
        if self._index is None:
            self._index = _read_index(self.folder) if self.folder is not None else None
        if self._index is None:
            self._index = name_index(self.store)
        keys = {raw.strip().casefold(), _expand_or_none(raw.strip()).casefold()}
        return {iri for key in keys for iri in self._index.get(key, ())}


def _read_index(folder: Path) -> dict[str, list[str]] | None:
    """The name index kept beside a store, or None when it is missing or unreadable (it is made again)."""
    try:
        index = json.loads((folder / _NAMES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return index if isinstance(index, dict) else None


def name_index(store: pyoxigraph.Store) -> dict[str, list[str]]:
    """Each casefolded name (IRI, local name, acronym, ISO code, label) -> the instances of a parameter class that
    bear it, sorted."""
    classes = " ".join(f"<{c}>" for c in sorted(set(PARAMETER_CLASSES.values())))
    names = ", ".join(f"<{p}>" for p in _NAME_PREDICATES[2:])
    query = f"""SELECT DISTINCT ?i ?name WHERE {{
        VALUES ?class {{ {classes} }} ?c <{RDFS.subClassOf}>* ?class . ?i a ?c . FILTER(isIRI(?i))
        OPTIONAL {{ ?i ?p ?name FILTER(?p IN ({names})) }} }}"""
    index: dict[str, set[str]] = {}
    for row in select(store, query, use_default_graph_as_union=True):
        iri, name = row["i"].value, row["name"]
        keys = {iri, iri.removeprefix(str(ID))} | ({name.value} if name is not None else set())
        for key in keys:
            index.setdefault(key.casefold(), set()).add(iri)
    return {name: sorted(iris) for name, iris in index.items()}


def names_graph(built: BuiltStore, query: SavedQuery, values: dict[str, str]) -> Graph:
    """The triples that resolve ``query``'s IRI parameters: the classes, and the candidates' types and names."""
    raws = [values.get(p.name, p.default) for p in query.parameters if p.name in PARAMETER_CLASSES]
    found = " ".join(f"<{iri}>" for raw in raws if raw for iri in sorted(built.named(raw)))
    if not found:
        return Graph()
    names = ", ".join(f"<{p}>" for p in (RDF.type, *_NAME_PREDICATES[2:]))
    return _construct(  # ``?p`` filtered, not a VALUES block: with one, the engine scans every triple
        built.store,
        f"{{ ?s <{RDFS.subClassOf}> ?o BIND(<{RDFS.subClassOf}> AS ?p) }} UNION "
        f"{{ VALUES ?s {{ {found} }} ?s ?p ?o FILTER(?p IN ({names})) }}",
    )


def _all_names(store: pyoxigraph.Store) -> Graph:
    """Every triple names are resolved with: the list of known names a failed resolution prints."""
    predicates = " ".join(f"<{p}>" for p in _NAME_PREDICATES)
    return _construct(store, f"VALUES ?p {{ {predicates} }} ?s ?p ?o")


def _construct(store: pyoxigraph.Store, where: str) -> Graph:
    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", use_default_graph_as_union=True)
    if not isinstance(triples, pyoxigraph.QueryTriples):  # pragma: no cover - a CONSTRUCT always gives triples
        raise TypeError("a CONSTRUCT query gave no triples")
    graph = Graph(bind_namespaces="none")  # terms converted one by one: rdflib's N-Triples parser is 10× slower
    for triple in triples:
        subject, predicate, obj = (from_oxigraph(term) for term in (triple.subject, triple.predicate, triple.object))
        if subject is not None and predicate is not None and obj is not None:  # a triple's terms are all bound
            graph.add((subject, predicate, obj))
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
    return select(built.store, substitute(query.text, bindings), use_default_graph_as_union=True)
