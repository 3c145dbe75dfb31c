"""The release written from one Oxigraph store: parsed once, checked, reasoned over, serialised by Oxigraph.

The fast engine parses each source file into a named graph of its own
(``engines.fast.store``), validates and reasons there, and this module writes the
release from the same store, without copying a triple: each of the dataset's
named graphs (``release.dataset``) is the files' graphs of its part (ontology,
facts, Wikidata), the inferred graph, or the VoID description, and every RDF file
is Oxigraph's own serialisation of those graphs one after the other, under the
dataset graph's name (a triple two files state is written twice: the same triple,
the same graph). The union of the asserted and inferred graphs is what the saved
queries read: the panels are computed on it with SPARQL, and it is kept on disk as
the built store of ``pskg query``. Output is deterministic: the same files are
loaded in the same order, and the in-memory store writes each graph in insertion
order.

Oxigraph's parser draws blank node labels at random; the graph of a file that
holds blank nodes is replaced by rdflib's parse of it, whose labels are stable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
from rdflib.term import Node

from pskg.engines.base import Notice
from pskg.engines.built_store import keep_built_store, open_built_store, source_key
from pskg.engines.fast.store import INFERRED_GRAPH, FastSources, file_graph, load_fast_sources, select
from pskg.engines.fast.terms import to_oxigraph
from pskg.engines.reasoning import infer_with_fallback
from pskg.engines.results import failure_message
from pskg.engines.validation import validate_fast
from pskg.errors import ValidationFailed
from pskg.release.dataset import ASSERTED_KEYS, GRAPH_TITLES, graph_iri, source_graph_key
from pskg.release.description import EXAMPLE_CANDIDATES, describe_dataset
from pskg.release.formats import CONTEXT, JSONLD, MEDIA_TYPES, NQUADS, TRIG, VOID_FILE, jsonld_context
from pskg.sources.namespaces import PREFIXES
from pskg.sources.parse import parse_turtle_file

_FORMAT = pyoxigraph.RdfFormat
#: The dataset graphs the saved queries read: the asserted and the inferred triples (the description excluded).
_QUERIED_KEYS = (*ASSERTED_KEYS, "inferred")
#: The store's own name for the graph of the inferred triples, kept apart from the files' graphs.
_INFERRED = pyoxigraph.NamedNode("urn:pskg:release:inferred")
_METADATA = pyoxigraph.NamedNode("urn:pskg:release:metadata")


@dataclass
class CheckedStore:
    """The sources in one store, validated, with the inferred triples as N-Triples."""

    sources: FastSources
    inferred: bytes

    @property
    def store(self) -> pyoxigraph.Store:
        return self.sources.store


def checked_store(progress: Callable[[str], None], notice: Notice) -> CheckedStore:
    """Parse, validate (raise ValidationFailed if the graph does not conform) and reason, on one store."""
    progress("parsing ontology and data")
    sources = load_fast_sources()
    progress(f"validating {len(sources.files)} files against the shapes, then reasoning (OWL RL, fast engine)")
    report = validate_fast(sources)
    for line in report.notices:
        notice(line)
    if not report.conforms:
        raise ValidationFailed(failure_message(report))
    return CheckedStore(sources, infer_with_fallback(sources, notice))


@dataclass(frozen=True)
class StoreRelease:
    """Which graphs of the store make each dataset graph, and the counts the manifest and VoID give."""

    parts: dict[str, list[pyoxigraph.NamedNode]]
    graph_triples: dict[str, int] = field(default_factory=dict)
    asserted: int = 0
    inferred: int = 0
    metadata_turtle: str = ""

    def queried_graphs(self) -> list[pyoxigraph.NamedNode]:
        """The store's graphs whose union the saved queries and the panels read."""
        return [graph for key in _QUERIED_KEYS for graph in self.parts[key]]


def release_parts(checked: CheckedStore) -> StoreRelease:
    """Sort the files' graphs into the dataset's parts (with stable blank nodes) and add the inferred graph."""
    store = checked.store
    parts: dict[str, list[pyoxigraph.NamedNode]] = {key: [] for key in GRAPH_TITLES}
    for path in checked.sources.files:
        graph = file_graph(path)
        parts[source_graph_key(path)].append(graph)
        if _has_blank_nodes(store, graph):
            stable = parse_turtle_file(path, checked.sources.bases.get(path))
            store.remove_graph(graph)
            triples = sorted(stable, key=lambda triple: tuple(term.n3() for term in triple))  # not hash-seed order
            store.extend(_quad(triple, graph) for triple in triples)
    if store.contains_named_graph(INFERRED_GRAPH):  # the closure's working graph: what it found is in ``inferred``
        store.remove_graph(INFERRED_GRAPH)
    store.load(checked.inferred, format=_FORMAT.N_TRIPLES, to_graph=_INFERRED)  # one thread: insertion order kept
    parts["inferred"] = [_INFERRED]
    return StoreRelease(parts)


def prepare_store_release(checked: CheckedStore) -> StoreRelease:
    """The dataset's parts, their counts (each triple once) and the VoID description, added as a graph."""
    store = checked.store
    release = release_parts(checked)
    parts = release.parts
    counts = {key: _distinct(store, parts[key]) for key in GRAPH_TITLES if key != "metadata"}
    examples = [iri for iri in EXAMPLE_CANDIDATES if _describes(store, parts, iri)]
    metadata = describe_dataset(counts, examples, MEDIA_TYPES)
    lines = sorted(metadata.serialize(format="nt", encoding="utf-8").splitlines())  # not in hash-seed order
    store.load(b"\n".join(lines) + b"\n", format=_FORMAT.N_TRIPLES, to_graph=_METADATA)
    parts["metadata"] = [_METADATA]
    counts["metadata"] = len(metadata)
    return StoreRelease(
        parts,
        {str(graph_iri(key)): count for key, count in counts.items()},
        _union_count(store, {key: (parts[key], counts[key]) for key in ASSERTED_KEYS}),
        counts["inferred"],
        metadata.serialize(format="longturtle"),
    )


def write_rdf_files(store: pyoxigraph.Store, release: StoreRelease, staging: Path, names: tuple[str, str]) -> None:
    """Write every RDF file of the release (and the JSON-LD context) into ``staging``.

    ``names``: the file names (without extension) of the asserted and the inferred graph. Each graph of the store
    is written once in N-Triples and once in Turtle, to a file beside ``staging``, and copied from there into every
    release file that holds it, a block at a time: no graph's text is ever whole in memory.
    """
    asserted, inferred = names
    prefixes = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}
    directives = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes.items()).encode()
    context = jsonld_context()
    (staging / CONTEXT).write_text(json.dumps(context, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (staging / VOID_FILE).write_text(release.metadata_turtle, encoding="utf-8")
    published = json.dumps(context["@context"], ensure_ascii=False).encode("utf-8")
    single = {key: asserted for key in ASSERTED_KEYS} | {"inferred": inferred}
    ntriples, turtle = staging.with_name(staging.name + ".graph.nt"), staging.with_name(staging.name + ".graph.ttl")
    try:
        files = (TRIG, NQUADS, JSONLD, *(f"{name}.{extension}" for name in names for extension in ("ttl", "nt")))
        with _Outputs(staging, files) as out:
            out[TRIG].write(directives)
            out[JSONLD].write(b'{"@context": ' + published + b',\n"@graph": [')
            for name in names:
                out[f"{name}.ttl"].write(directives)
            separator = b""
            for key in GRAPH_TITLES:
                target = f"<{graph_iri(key)}>".encode()
                for graph in release.parts[key]:
                    store.dump(output=str(ntriples), format=_FORMAT.N_TRIPLES, from_graph=graph)
                    if not ntriples.stat().st_size:
                        continue
                    store.dump(output=str(turtle), format=_FORMAT.TURTLE, from_graph=graph, prefixes=prefixes)
                    _copy(ntriples, out[NQUADS], _in_graph(target))
                    out[TRIG].write(target + b" {\n")
                    _copy(turtle, out[TRIG], skip_directives=True)
                    out[TRIG].write(b"}\n")
                    out[JSONLD].write(separator + b'{"@id": "' + target[1:-1] + b'", "@graph": ')
                    out[JSONLD].flush()
                    store.dump(output=out[JSONLD], format=_FORMAT.JSON_LD, from_graph=graph)
                    out[JSONLD].write(b"}")
                    separator = b",\n"
                    if key in single:
                        _copy(ntriples, out[f"{single[key]}.nt"])
                        _copy(turtle, out[f"{single[key]}.ttl"], skip_directives=True)
            out[JSONLD].write(b"]}\n")
    finally:
        ntriples.unlink(missing_ok=True)
        turtle.unlink(missing_ok=True)


def _in_graph(target: bytes) -> Callable[[bytes], bytes]:
    """N-Triples lines made N-Quads lines of graph ``target`` (a line ends in `` .\\n`` only: N-Triples escapes
    the line breaks of literals)."""
    quad_end = b" " + target + b" .\n"
    return lambda block: block.replace(b" .\n", quad_end)


#: Bytes copied at a time from a graph's file into the release files.
_BLOCK = 1 << 24


def _copy(
    source: Path, target: BinaryIO, change: Callable[[bytes], bytes] | None = None, skip_directives: bool = False
) -> None:
    """Append ``source`` to ``target`` a block of whole lines at a time, each block passed through ``change``;
    ``skip_directives``: without the leading ``@prefix`` lines (the file declares them once, at its top)."""
    with source.open("rb") as stream:
        rest = b""
        first = True
        while block := stream.read(_BLOCK):
            block, cut = rest + block, -1
            cut = block.rfind(b"\n") + 1
            block, rest = block[:cut], block[cut:]
            if first and skip_directives:
                block = _without_directives(block)
            first = False
            target.write(change(block) if change else block)
        target.write(change(rest) if change and rest else rest)


class _Outputs:
    """The release files being written, by name; all closed together."""

    def __init__(self, staging: Path, names: tuple[str, ...]) -> None:
        self.files: dict[str, BinaryIO] = {name: (staging / name).open("wb") for name in names}

    def __getitem__(self, name: str) -> BinaryIO:
        return self.files[name]

    def __enter__(self) -> _Outputs:
        return self

    def __exit__(self, *_: object) -> None:
        for stream in self.files.values():
            stream.close()


def _without_directives(turtle: bytes) -> bytes:
    """Oxigraph's Turtle without its leading ``@prefix`` lines."""
    start = 0
    while turtle.startswith(b"@prefix ", start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


def validated_store(progress: Callable[[str], None], notice: Notice) -> tuple[pyoxigraph.Store, list]:
    """The built store of the current sources, validated, and the graphs its queries read (none: the default
    graph): the kept one, or checked and kept now."""
    key = source_key()
    kept = open_built_store(key, validated=True)
    if kept is not None:
        return kept.store, []
    checked = checked_store(progress, notice)
    release = release_parts(checked)
    kept = keep_built_store(checked.store, key, validated=True, graphs=release.queried_graphs())
    if kept is not None:
        return kept.store, []
    return checked.store, release.queried_graphs()  # the cache cannot be written: the union is read where it is


def _has_blank_nodes(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> bool:
    return bool(store.query(f"ASK {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} FILTER(isBlank(?s) || isBlank(?o)) }}"))


def _describes(store: pyoxigraph.Store, parts: dict[str, list[pyoxigraph.NamedNode]], iri: Node) -> bool:
    graphs = " ".join(f"<{graph.value}>" for key in ASSERTED_KEYS for graph in parts[key])
    return bool(store.query(f"ASK {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ <{iri}> ?p ?o }} }}")) if graphs else False


def _quad(triple: tuple[Node, Node, Node], graph: pyoxigraph.NamedNode) -> pyoxigraph.Quad:
    subject, predicate, obj = (to_oxigraph(term) for term in triple)
    if isinstance(subject, pyoxigraph.Literal) or not isinstance(predicate, pyoxigraph.NamedNode):
        raise TypeError(f"not an RDF triple: {triple}")  # pragma: no cover - a parsed graph holds none
    return pyoxigraph.Quad(subject, predicate, obj, graph)


def _union_count(store: pyoxigraph.Store, parts: dict[str, tuple[list[pyoxigraph.NamedNode], int]]) -> int:
    """Triples in the union of the parts (key -> graphs, distinct triples): their sizes less what two or three
    share, each shared set found by a join from the smaller part (the ontology), never a pass over the facts."""
    keys = sorted((key for key, (_, size) in parts.items() if size), key=lambda key: parts[key][1])
    total = sum(parts[key][1] for key in keys)
    for index, first in enumerate(keys):
        for second in keys[index + 1 :]:
            total -= _shared(store, parts[first][0], parts[second][0])
    if len(keys) == 3:
        total += _shared(store, *(parts[key][0] for key in keys))
    return total


def _shared(store: pyoxigraph.Store, *graph_sets: list[pyoxigraph.NamedNode]) -> int:
    """Distinct triples that each of the graph sets holds (in one of its graphs), joined from the first set."""
    patterns = " ".join(
        f"VALUES ?g{index} {{ {' '.join(f'<{graph.value}>' for graph in graphs)} }} GRAPH ?g{index} {{ ?s ?p ?o }}"
        for index, graphs in enumerate(graph_sets)
    )
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {patterns} }} }}"
    return int(next(iter(select(store, query)))["n"].value)


def _distinct(store: pyoxigraph.Store, graphs: list[pyoxigraph.NamedNode]) -> int:
    """Triples in the union of ``graphs``, each once (a triple two files state is counted once)."""
    if not graphs:
        return 0
    values = " ".join(f"<{graph.value}>" for graph in graphs)
    triples = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {triples} }}"
    return int(next(iter(select(store, query)))["n"].value)
