"""The release written from one Oxigraph store: parsed once, checked, reasoned over, serialised by Oxigraph.

The fast engine parses each source file into a named graph of its own
(``engines.fast.store``), validates and reasons there, and this module turns the
same store into the release: the files' graphs are gathered into the dataset's
named graphs (``release.dataset``), the VoID description is added, and every
RDF file is Oxigraph's own serialisation of them. The store's default graph then
becomes what the saved queries read (the asserted and inferred triples, each
once): the panels are computed on it with SPARQL, and it is kept on disk as the
built store of ``pskg query``. Output is deterministic: the same files are
loaded in the same order, and the in-memory store writes in insertion order.

Oxigraph's parser draws blank node labels at random; a file that holds blank
nodes is released from rdflib's parse, whose labels are stable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
from pskg.release.dataset import GRAPH_TITLES, WIKIDATA_FOLDER, graph_iri
from pskg.release.description import EXAMPLE_CANDIDATES, describe_dataset
from pskg.release.formats import CONTEXT, JSONLD, MEDIA_TYPES, NQUADS, TRIG, VOID_FILE, jsonld_context
from pskg.sources.namespaces import PREFIXES
from pskg.sources.parse import parse_turtle_file
from pskg.sources.resources import resource_dir

_FORMAT = pyoxigraph.RdfFormat
_ASSERTED_KEYS = ("ontology", "facts", "wikidata")


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


#: The dataset graphs the saved queries read: the asserted and the inferred triples (the description excluded).
QUERIED_KEYS = (*_ASSERTED_KEYS, "inferred")


@dataclass(frozen=True)
class StoreRelease:
    """The store, its dataset graphs filled: triples per named graph (by IRI), asserted and inferred counts."""

    graph_triples: dict[str, int]
    asserted: int
    inferred: int
    metadata_turtle: str

    @staticmethod
    def queried_graphs() -> list[pyoxigraph.NamedNode]:
        """The named graphs whose union the saved queries and the panels read."""
        return [_graph(key) for key in QUERIED_KEYS]


def prepare_store_release(checked: CheckedStore) -> StoreRelease:
    """Gather the files' graphs into the dataset's named graphs and add the VoID description (its metadata graph)."""
    store = checked.store
    _gather_named_graphs(checked)
    counts = {key: _count(store, _graph(key)) for key in GRAPH_TITLES if key != "metadata"}
    examples = [iri for iri in EXAMPLE_CANDIDATES if store.query(f"ASK {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}")]
    metadata = describe_dataset(counts, examples, MEDIA_TYPES)
    lines = sorted(metadata.serialize(format="nt", encoding="utf-8").splitlines())  # not in hash-seed order
    store.load(b"\n".join(lines) + b"\n", format=_FORMAT.N_TRIPLES, to_graph=_graph("metadata"))
    counts["metadata"] = len(metadata)
    return StoreRelease(
        {str(graph_iri(key)): count for key, count in counts.items()},
        _union_count(store, {key: counts[key] for key in _ASSERTED_KEYS}),
        counts["inferred"],
        metadata.serialize(format="longturtle"),
    )


def write_rdf_files(
    store: pyoxigraph.Store, release: StoreRelease, staging: Path, asserted: str, inferred: str
) -> None:
    """Write every RDF file of the release (and the JSON-LD context) into ``staging``, with Oxigraph's writers.

    The asserted graph's files are its parts one after the other (ontology, facts,
    Wikidata): one graph, since a triple two parts state is the same triple.
    """
    prefixes = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}
    store.dump(output=staging / TRIG, format=_FORMAT.TRIG, prefixes=prefixes)
    store.dump(output=staging / NQUADS, format=_FORMAT.N_QUADS)
    context = jsonld_context()
    (staging / CONTEXT).write_text(json.dumps(context, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with (staging / JSONLD).open("wb") as out:  # Oxigraph's expanded JSON-LD, under the published context
        published = json.dumps(context["@context"], ensure_ascii=False).encode("utf-8")
        out.write(b'{"@context": ' + published + b',\n"@graph": ')
        store.dump(output=out, format=_FORMAT.JSON_LD)
        out.write(b"}\n")
    (staging / VOID_FILE).write_text(release.metadata_turtle, encoding="utf-8")
    for name, keys in ((asserted, _ASSERTED_KEYS), (inferred, ("inferred",))):
        parts = [_graph(key) for key in keys if release.graph_triples[str(graph_iri(key))]]
        with (staging / f"{name}.ttl").open("wb") as turtle, (staging / f"{name}.nt").open("wb") as ntriples:
            for graph in parts or [_graph(keys[0])]:
                store.dump(output=turtle, format=_FORMAT.TURTLE, from_graph=graph, prefixes=prefixes)
                store.dump(output=ntriples, format=_FORMAT.N_TRIPLES, from_graph=graph)


def _union_count(store: pyoxigraph.Store, counts: dict[str, int]) -> int:
    """Triples in the union of the graphs ``counts`` names (key -> size): sizes less what two or three share.

    Each intersection is joined from the smallest graph, so it costs that graph's size, not the facts'.
    """
    keys = sorted((key for key, size in counts.items() if size), key=counts.__getitem__)
    total = sum(counts[key] for key in keys)
    for index, first in enumerate(keys):
        for second in keys[index + 1 :]:
            total -= _shared(store, first, second)
    if len(keys) == 3:
        total += _shared(store, *keys)
    return total


def _shared(store: pyoxigraph.Store, *keys: str) -> int:
    patterns = " ".join(f"GRAPH <{graph_iri(key)}> {{ ?s ?p ?o }}" for key in keys)
    return int(next(iter(select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {patterns} }}")))["n"].value)


def _gather_named_graphs(checked: CheckedStore) -> None:
    """Each file's graph into its dataset graph (ontology, facts, wikidata), the inferred triples into theirs.

    A file with blank nodes is taken from rdflib's parse instead, whose labels are
    stable (``sources.parse``): the store keeps the labels it is given, not those
    its own parser draws.
    """
    store = checked.store
    ontology = resource_dir("ontology").resolve()
    wikidata = (resource_dir("data") / WIKIDATA_FOLDER).resolve()
    parts: dict[str, list[Path]] = {key: [] for key in _ASSERTED_KEYS}
    for path in checked.sources.files:
        folder = path.resolve()
        in_ontology = folder.is_relative_to(ontology)
        parts["wikidata" if folder.is_relative_to(wikidata) else "ontology" if in_ontology else "facts"].append(path)
    for key, paths in parts.items():
        target = graph_iri(key)
        blank = [path for path in paths if _has_blank_nodes(store, file_graph(path))]
        for path in blank:
            stable = parse_turtle_file(path, checked.sources.bases.get(path))
            triples = sorted(stable, key=lambda triple: tuple(term.n3() for term in triple))  # not hash-seed order
            store.extend(_quad(triple, _graph(key)) for triple in triples)
        graphs = " ".join(f"<{file_graph(path).value}>" for path in paths if path not in blank)
        if graphs:
            where = f"VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }}"
            store.update(f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} WHERE {{ {where} }}")
    for path in checked.sources.files:
        store.remove_graph(file_graph(path))
    if store.contains_named_graph(INFERRED_GRAPH):
        store.remove_graph(INFERRED_GRAPH)
    store.bulk_load(checked.inferred, format=_FORMAT.N_TRIPLES, to_graph=_graph("inferred"))


def _quad(triple: tuple[Node, Node, Node], graph: pyoxigraph.NamedNode) -> pyoxigraph.Quad:
    subject, predicate, obj = (to_oxigraph(term) for term in triple)
    if isinstance(subject, pyoxigraph.Literal) or not isinstance(predicate, pyoxigraph.NamedNode):
        raise TypeError(f"not an RDF triple: {triple}")  # pragma: no cover - a parsed graph holds none
    return pyoxigraph.Quad(subject, predicate, obj, graph)


def _graph(key: str) -> pyoxigraph.NamedNode:
    """The dataset's named graph ``key`` as a store term."""
    return pyoxigraph.NamedNode(str(graph_iri(key)))


def _has_blank_nodes(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode) -> bool:
    return bool(store.query(f"ASK {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} FILTER(isBlank(?s) || isBlank(?o)) }}"))


def _in_list() -> str:
    return ", ".join(f"<{graph.value}>" for graph in StoreRelease.queried_graphs())


def _count(store: pyoxigraph.Store, graph: pyoxigraph.NamedNode | pyoxigraph.DefaultGraph) -> int:
    where = (
        "{ ?s ?p ?o }" if isinstance(graph, pyoxigraph.DefaultGraph) else f"{{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
    )
    solution = next(iter(select(store, f"SELECT (COUNT(*) AS ?n) WHERE {where}")))
    return int(solution["n"].value)


def validated_store(progress: Callable[[str], None], notice: Notice) -> pyoxigraph.Store:
    """The built store of the current sources, validated: the kept one, or checked and kept now."""
    key = source_key()
    kept = open_built_store(key, validated=True)
    if kept is not None:
        return kept.store
    checked = checked_store(progress, notice)
    _gather_named_graphs(checked)
    kept = keep_built_store(checked.store, key, validated=True, graphs=StoreRelease.queried_graphs())
    if kept is not None:
        return kept.store
    checked.store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g IN ({_in_list()})) }}")
    return checked.store  # the cache cannot be written: its default graph is what a kept store would hold
