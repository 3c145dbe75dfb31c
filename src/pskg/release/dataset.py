"""The released dataset: the knowledge graph split into named graphs.

Users who load the graph into their own store (often beside much larger data)
need to replace, drop or query each part on its own, so every release file that
can carry graph names (TriG, N-Quads, JSON-LD) keeps six of them apart:

- ``…/graph/ontology``: the ontology (``ontology/``);
- ``…/graph/facts``: the asserted facts (``data/``, except Wikidata enrichment);
- ``…/graph/inferred``: the OWL RL inferences (never asserted anywhere);
- ``…/graph/wikidata``: facts taken from Wikidata, from ``data/wikidata/`` (empty
  until enrichment is added: the contract keeps them out of the article's facts);
- ``…/graph/cow``: the Correlates of War state codes, from ``data/cow/`` (another
  source than the article, so a graph of its own; its ``dcterms:source`` is the COW list);
- ``…/graph/metadata``: the VoID/DCAT description of the dataset itself.

The saved queries have no ``GRAPH`` clause: they mean the union of the six, which
is what a store's union default graph, or ``default-graph-uri`` for each, gives.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import bind_prefixes, new_graph
from pskg.sources.resources import resource_dir

BASE = "https://w3id.org/postsoviet-security"
DATASET_IRI = URIRef(f"{BASE}/dataset")
GRAPH_BASE = f"{BASE}/graph/"
#: Named-graph key -> what it holds (English title), in release order.
GRAPH_TITLES: dict[str, str] = {
    "ontology": "The ontology",
    "facts": "Asserted facts from the article",
    "inferred": "OWL RL inferences",
    "wikidata": "Wikidata enrichment",
    "cow": "Correlates of War state codes",
    "metadata": "Dataset description (VoID, DCAT)",
}
WIKIDATA_FOLDER = "wikidata"
#: Folders of ``data/`` whose facts come from another source than the article -> the graph that keeps them apart.
SOURCE_FOLDERS: dict[str, str] = {WIKIDATA_FOLDER: "wikidata", "cow": "cow"}
#: The graphs asserted in the source files, in release order.
ASSERTED_KEYS: tuple[str, ...] = ("ontology", "facts", *SOURCE_FOLDERS.values())


def source_graph_key(path: Path) -> str:
    """The named graph a source file goes to: ``ontology``, one of SOURCE_FOLDERS' graphs, else ``facts``."""
    folder = path.resolve()
    if folder.is_relative_to(resource_dir("ontology").resolve()):
        return "ontology"
    data = resource_dir("data").resolve()
    for name, key in SOURCE_FOLDERS.items():
        if folder.is_relative_to(data / name):
            return key
    return "facts"


def graph_iri(key: str) -> URIRef:
    """The IRI of one of the dataset's named graphs."""
    if key not in GRAPH_TITLES:
        raise ValueError(f"unknown graph {key!r}; expected one of {tuple(GRAPH_TITLES)}")
    return URIRef(GRAPH_BASE + key)


GRAPH_IRIS: tuple[URIRef, ...] = tuple(graph_iri(key) for key in GRAPH_TITLES)


class _OrderedDataset(Dataset):
    """A Dataset that lists its graphs in release order, so TriG and JSON-LD come out byte-identical.

    rdflib's serialisers walk ``contexts()``, which is a set: without this the graph
    order follows the process's hash seed and every build would change the checksums.
    """

    def contexts(self, triple: tuple | None = None) -> Generator[Graph, None, None]:
        order = {str(iri): index for index, iri in enumerate(GRAPH_IRIS)}
        graphs = super().contexts(triple)
        yield from sorted(graphs, key=lambda g: (order.get(str(g.identifier), len(order)), str(g.identifier)))


@dataclass(frozen=True)
class NamedGraphs:
    """The dataset's graphs by key (see GRAPH_TITLES), each a plain rdflib Graph."""

    graphs: dict[str, Graph]

    def counts_by_iri(self) -> dict[str, int]:
        """Triples per named-graph IRI: what a store must hold after a load."""
        return {str(graph_iri(key)): len(graph) for key, graph in self.graphs.items()}

    def to_dataset(self) -> Dataset:
        """An rdflib Dataset with one named graph per key (the default graph stays empty)."""
        dataset = _OrderedDataset()
        bind_prefixes(dataset)
        for key, graph in self.graphs.items():
            named = dataset.graph(graph_iri(key))
            for triple in graph:
                named.add(triple)
        return dataset


def split_knowledge(
    knowledge: KnowledgeGraph, describe: Callable[[dict[str, int]], Graph] | None = None
) -> NamedGraphs:
    """The knowledge graph cut into the named graphs; ``describe`` makes the metadata graph from the counts.

    Each source file goes to the graph of its folder (as parsed on its own, so that a
    blank node stays with its file). The union of the graphs is ``knowledge.union()``
    (up to blank node names) plus the description.
    """
    parts: dict[str, list[Path]] = {key: [] for key in ASSERTED_KEYS}
    for path in knowledge.sources.files:
        parts[source_graph_key(path)].append(path)
    inferred = new_graph()
    inferred += knowledge.inferred
    sources = {key: _merged(knowledge.sources.parts[path] for path in paths) for key, paths in parts.items()}
    graphs = {key: inferred if key == "inferred" else sources[key] for key in GRAPH_TITLES if key != "metadata"}
    counts = {key: len(graph) for key, graph in graphs.items()}
    graphs["metadata"] = describe(counts) if describe else new_graph()
    return NamedGraphs(graphs)


def _merged(graphs: Iterable[Graph]) -> Graph:
    merged = new_graph()
    for graph in graphs:
        merged += graph
    return merged
