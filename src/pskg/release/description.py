"""The dataset describes itself (VoID and DCAT), in its own ``metadata`` named graph.

So that a store holding many datasets can tell what this one is, under which
licence and version, how big each graph is, what to look at first, where it came
from and how to query it, without reading our README. Checksums are not here (the
release files contain this graph, a checksum of themselves cannot be): they are in
``SHA256SUMS`` and ``manifest.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from pskg import __version__
from pskg.release.dataset import DATASET_IRI, GRAPH_TITLES, graph_iri
from pskg.sources.namespaces import ID, ONTOLOGY_IRI, ORG, PROV, PSS, SKOS, new_graph

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CREATOR = "postsoviet-security-kg contributors"
SOURCE_ARTICLE = ID.momzikoff
#: Where ``pskg serve`` answers SPARQL by default (there is no public endpoint).
DCAT_VERSION = URIRef(f"{DCAT}version")  # DCAT 3; rdflib's DCAT namespace predates it
LOCAL_ENDPOINT = URIRef("http://127.0.0.1:7878/query")
#: Resources worth opening first, kept when they exist in the data.
EXAMPLE_CANDIDATES = (ID.ARM, ID.CSTO, ID["membership-ARM-CSTO-1992"], ID["momzikoff-tableau-2"], ID.momzikoff)


def describe_dataset(counts: Mapping[str, int], examples: Iterable[URIRef], distributions: Mapping[str, str]) -> Graph:
    """The VoID/DCAT description: counts per graph key (the metadata graph's own is filled in here).

    ``distributions`` maps release file names to their media types.
    """
    graph = new_graph()
    dataset = DATASET_IRI
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("Post-Soviet security alliances knowledge graph", lang="en")))
    graph.add(
        (
            dataset,
            DCTERMS.title,
            Literal("Graphe de connaissances des alliances de sécurité postsoviétiques", lang="fr"),
        )
    )
    graph.add((dataset, DCTERMS.description, Literal(_DESCRIPTION, lang="en")))
    graph.add((dataset, DCTERMS.license, LICENCE))
    graph.add((dataset, DCTERMS.creator, Literal(CREATOR)))
    graph.add((dataset, DCTERMS.source, SOURCE_ARTICLE))
    graph.add((dataset, PROV.wasDerivedFrom, SOURCE_ARTICLE))
    graph.add((dataset, DCAT_VERSION, Literal(__version__)))
    graph.add((dataset, OWL.versionInfo, Literal(__version__)))
    graph.add((dataset, DCTERMS.conformsTo, URIRef(f"{ONTOLOGY_IRI}/{__version__}")))
    graph.add((dataset, FOAF.homepage, URIRef("https://w3id.org/postsoviet-security")))
    graph.add((dataset, VOID.sparqlEndpoint, LOCAL_ENDPOINT))
    graph.add((dataset, RDFS.comment, Literal(_ENDPOINT_NOTE, lang="en")))
    graph.add((dataset, VOID.uriSpace, Literal(str(ID))))
    for vocabulary in (PSS, ORG, PROV, SKOS, DCTERMS):
        graph.add((dataset, VOID.vocabulary, URIRef(str(vocabulary))))
    for keyword in ("post-Soviet space", "security alliances", "CSTO", "NATO", "membership"):
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    for example in examples:
        graph.add((dataset, VOID.exampleResource, example))
    _add_distributions(graph, distributions)
    _add_graph_counts(graph, counts)
    return graph


def _add_distributions(graph: Graph, distributions: Mapping[str, str]) -> None:
    for name, media_type in distributions.items():
        distribution = URIRef(f"{DATASET_IRI}/{__version__}/{name}")
        graph.add((DATASET_IRI, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.identifier, Literal(name)))
        graph.add((distribution, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media_type}")))
        graph.add((distribution, DCTERMS.license, LICENCE))
        if media_type in {"application/n-quads", "application/trig"}:
            graph.add((DATASET_IRI, VOID.dataDump, distribution))


def _add_graph_counts(graph: Graph, counts: Mapping[str, int]) -> None:
    """One void:subset per named graph with its triple count; the totals last.

    The metadata graph counts itself: adding a count triple adds one triple whatever
    its value, so the count is taken with placeholders and the values set after.
    """
    for key, title in GRAPH_TITLES.items():
        subset = graph_iri(key)
        graph.add((DATASET_IRI, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, DCTERMS.title, Literal(title, lang="en")))
        graph.add((subset, VOID.triples, Literal(0, datatype=XSD.integer)))
    graph.add((DATASET_IRI, VOID.triples, Literal(0, datatype=XSD.integer)))
    final = {**counts, "metadata": len(graph)}
    for key in GRAPH_TITLES:
        graph.set((graph_iri(key), VOID.triples, Literal(final.get(key, 0), datatype=XSD.integer)))
    graph.set((DATASET_IRI, VOID.triples, Literal(sum(final.values()), datatype=XSD.integer)))


_DESCRIPTION = (
    "Membership periods of the fifteen post-Soviet states (and the other states the facts name) in NATO, "
    "the CST/CSTO, the SCO, GUAM, NATO's Partnership for Peace, the CIS and the OSCE, each with the verbatim "
    "words of Sophie Momzikoff's article « Alliances et coopérations sécuritaires au sein de l'espace "
    "postsoviétique » that state it, linked to Wikidata and to the Correlates of War state codes. "
    "Named graphs: ontology, facts, inferred, wikidata, cow, metadata."
)
_ENDPOINT_NOTE = (
    "The SPARQL endpoint is the one `pskg serve` starts on this machine; there is no public endpoint. "
    "Queries without GRAPH clauses mean the union of the named graphs."
)
