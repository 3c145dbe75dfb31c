"""The release files beside the Turtle of ``pskg build``: the named-graph dataset and the CSV exports.

Every format a store or a notebook reads directly: TriG and N-Quads (the named
graphs, see ``pskg.release.dataset``), JSON-LD with its ``@context`` also published as a
file of its own, the VoID/DCAT description, the CSV panels and their codebook (``datapackage.json``). ``SHA256SUMS``
(``sha256sum -c`` format) lists every file of ``dist/``; each file carries the one
version number that the package and the ontology's ``owl:versionIRI`` share.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from pskg.errors import PskgError
from pskg.release.dataset import GRAPH_IRIS, NamedGraphs, graph_iri, split_knowledge
from pskg.release.description import EXAMPLE_CANDIDATES, describe_dataset
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import PREFIXES, new_graph

NAME = "postsoviet-security-kg"
TRIG = f"{NAME}.trig"
NQUADS = f"{NAME}.nq"
JSONLD = f"{NAME}.jsonld"
CONTEXT = "context.jsonld"
VOID_FILE = "void.ttl"
PANEL = "state-year-panel.csv"
DYADS = "dyad-year.csv"
OTHER_STATES = "state-year-other-states.csv"
DATAPACKAGE = "datapackage.json"  # the CSV files' codebook (Frictionless Data Package)
CHECKSUMS = "SHA256SUMS"
ENRICHMENT = "wikidata-enrichment.trig"  # written by `pskg link enrich`, outside the build
#: Release file -> media type (IANA), as the DCAT distributions list them.
MEDIA_TYPES: dict[str, str] = {
    TRIG: "application/trig",
    NQUADS: "application/n-quads",
    JSONLD: "application/ld+json",
    CONTEXT: "application/ld+json",
    VOID_FILE: "text/turtle",
    PANEL: "text/csv",
    DYADS: "text/csv",
    OTHER_STATES: "text/csv",
    DATAPACKAGE: "application/json",
}


def named_graphs(knowledge: KnowledgeGraph) -> NamedGraphs:
    """The five named graphs, the metadata one describing the release."""
    subjects = set(knowledge.asserted.subjects())
    examples = [iri for iri in EXAMPLE_CANDIDATES if iri in subjects]
    return split_knowledge(knowledge, lambda counts: describe_dataset(counts, examples, MEDIA_TYPES))


@dataclass(frozen=True)
class Release:
    """The release files (name -> text, checksums excepted) and the triples per named graph IRI."""

    files: dict[str, str]
    graph_triples: dict[str, int]


def release_files(knowledge: KnowledgeGraph) -> Release:
    """Every RDF release file (and the JSON-LD context), made from the knowledge graph with rdflib."""
    graphs = named_graphs(knowledge)
    dataset = graphs.to_dataset()
    context = jsonld_context()
    files = {
        TRIG: dataset.serialize(format="trig"),
        NQUADS: nquads(dataset.serialize(format="nquads")),
        JSONLD: canonical_jsonld(
            dataset.serialize(format="json-ld", context=context["@context"], indent=1, auto_compact=True)
        ),
        CONTEXT: json.dumps(context, indent=2, ensure_ascii=False) + "\n",
        VOID_FILE: graphs.graphs["metadata"].serialize(format="longturtle"),
    }
    return Release(files, graphs.counts_by_iri())


def canonical_jsonld(text: str) -> str:
    """JSON-LD with keys and unordered arrays sorted: rdflib writes nodes in hash-seed order.

    JSON-LD arrays are sets except under ``@list``, so sorting them changes nothing a
    reader sees and makes every build of the same graph byte-identical.
    """

    def canonical(value: object, ordered: bool = False) -> object:
        if isinstance(value, dict):
            return {key: canonical(value[key], key == "@list") for key in sorted(value)}
        if isinstance(value, list):
            items = [canonical(item) for item in value]
            return items if ordered else sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False))
        return value

    return json.dumps(canonical(json.loads(text)), indent=1, ensure_ascii=False)


def jsonld_context() -> dict:
    """The published JSON-LD context: the project's prefixes, years as integers."""
    terms: dict[str, object] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    for year in ("startYear", "endYear", "year", "foundingYear", "institutionalisationYear", "page"):
        terms[year] = {"@id": f"pss:{year}", "@type": "xsd:integer"}
    return {"@context": terms}


def nquads(text: str) -> str:
    """N-Quads sorted line by line, so two builds of the same data give the same bytes."""
    return "\n".join(sorted(line for line in text.splitlines() if line.strip())) + "\n"


def checksums(digests: Mapping[str, str]) -> str:
    """``SHA256SUMS`` for the given files' SHA-256 digests, in ``sha256sum -c`` format, sorted by name."""
    return "".join(f"{digests[name]}  {name}\n" for name in sorted(digests))


def read_release_graphs(dist: Path) -> dict[str, Graph]:
    """The named graphs of a built release (graph IRI -> triples), from its N-Quads, in release order."""
    graphs = {str(iri): new_graph() for iri in GRAPH_IRIS}
    return _read_graphs(dist / NQUADS, "nquads", graphs, "run `pskg build`")


def read_enrichment_graphs(dist: Path) -> dict[str, Graph]:
    """``pskg link enrich``'s graphs, one per Wikidata item; its default graph (where and when each was
    retrieved) goes to the release's ``wikidata`` graph, since a store's default graph is not ours to fill."""
    return _read_graphs(dist / ENRICHMENT, "trig", {}, "run `pskg link enrich`")


def _read_graphs(path: Path, fmt: str, graphs: dict[str, Graph], remedy: str) -> dict[str, Graph]:
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt)
    except (OSError, ValueError) as exc:
        raise PskgError(f"{path}: cannot read ({exc}); {remedy}") from exc
    for subject, predicate, obj, context in dataset.quads():
        name = str(graph_iri("wikidata")) if context in (None, DATASET_DEFAULT_GRAPH_ID) else str(context)
        graphs.setdefault(name, new_graph()).add((subject, predicate, obj))
    return graphs
