"""The dataset describes itself (VoID and DCAT), in its own ``metadata`` named graph.

So that a store holding many datasets can tell what this one is, under which
licence and version, how big each graph is, what to look at first, where it came
from and how to query it, without reading our README. Checksums are not here (the
release files contain this graph, a checksum of themselves cannot be): they are in
``SHA256SUMS`` and ``manifest.json``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

from pskg import __version__
from pskg.errors import PskgError
from pskg.release.dataset import BASE, DATASET_IRI, GRAPH_TITLES, graph_iri
from pskg.sources.namespaces import ID, ONTOLOGY_IRI, ORG, PROV, PSS, SKOS, new_graph

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CREATOR = "postsoviet-security-kg contributors"
SOURCE_ARTICLE = ID.momzikoff
DCAT_VERSION = URIRef(f"{DCAT}version")  # DCAT 3; rdflib's DCAT namespace predates it
#: The one setting that says where the dataset is published: the SPARQL endpoint is ``BASE/query`` and each
#: release file ``BASE/dataset/VERSION/NAME``, as ``pskg serve`` answers them. By default the w3id address,
#: which ``deploy/w3id/.htaccess`` redirects to the host that runs ``pskg serve``; never a loopback address.
PUBLIC_BASE_VARIABLE = "PSKG_PUBLIC_BASE"
DEFAULT_PUBLIC_BASE = BASE
_override: list[str] = []
_URL = re.compile(r"https?://[^\s/?#<>\"{}|\\^`]+(/[^\s?#<>\"{}|\\^`]*)?")
#: Resources worth opening first, kept when they exist in the data.
EXAMPLE_CANDIDATES = (ID.ARM, ID.CSTO, ID["membership-ARM-CSTO-1992"], ID["momzikoff-tableau-2"], ID.momzikoff)


def public_base() -> str:
    """Where the dataset is published: ``pskg build --public-base``, else ``$PSKG_PUBLIC_BASE``, else w3id."""
    value = _override[-1] if _override else os.environ.get(PUBLIC_BASE_VARIABLE, "") or DEFAULT_PUBLIC_BASE
    return check_public_base(value)


def check_public_base(value: str) -> str:
    """``value`` without its trailing slash; PskgError unless it is an http(s) URL without query or fragment."""
    if not _URL.fullmatch(value.strip()):
        raise PskgError(f"the public base must be an http(s) URL such as https://kg.example.org, not {value!r}")
    return value.strip().rstrip("/")


@contextmanager
def published_at(base: str | None) -> Iterator[None]:
    """Describe the dataset as published at ``base`` inside this block (None: the usual setting)."""
    if base is None:
        yield
        return
    _override.append(check_public_base(base))
    try:
        yield
    finally:
        _override.pop()


def endpoint_url(base: str) -> URIRef:
    """The SPARQL endpoint of the dataset published at ``base``."""
    return URIRef(f"{base}/query")


def download_url(base: str, name: str) -> URIRef:
    """Where the release file ``name`` of this version is downloaded from."""
    return URIRef(f"{base}/dataset/{__version__}/{name}")


def describe_dataset(counts: Mapping[str, int], examples: Iterable[URIRef], distributions: Mapping[str, str]) -> Graph:
    """The VoID/DCAT description: counts per graph key (the metadata graph's own is filled in here).

    ``distributions`` maps release file names to their media types.
    """
    base = public_base()
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
    graph.add((dataset, VOID.sparqlEndpoint, endpoint_url(base)))
    graph.add((dataset, RDFS.comment, Literal(_ENDPOINT_NOTE, lang="en")))
    graph.add((dataset, VOID.uriSpace, Literal(str(ID))))
    for vocabulary in (PSS, ORG, PROV, SKOS, DCTERMS):
        graph.add((dataset, VOID.vocabulary, URIRef(str(vocabulary))))
    for keyword in ("post-Soviet space", "security alliances", "CSTO", "NATO", "membership"):
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    for example in examples:
        graph.add((dataset, VOID.exampleResource, example))
    _add_distributions(graph, distributions, base)
    _add_graph_counts(graph, counts)
    return graph


def _add_distributions(graph: Graph, distributions: Mapping[str, str], base: str) -> None:
    for name, media_type in distributions.items():
        distribution = URIRef(f"{DATASET_IRI}/{__version__}/{name}")
        graph.add((DATASET_IRI, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.downloadURL, download_url(base, name)))
        graph.add((distribution, DCAT.accessURL, download_url(base, name)))
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
    "The SPARQL endpoint and the download URLs are where `pskg serve` answers for the dataset's public base "
    "(PSKG_PUBLIC_BASE or `pskg build --public-base` when the release was built; by default the w3id address, "
    "redirected to the host that serves it). Anyone can serve the release files the same way with `pskg serve`. "
    "Queries without GRAPH clauses mean the union of the named graphs."
)
