"""The HTML of the resource pages, built from a small graph (no server): titles and local links."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from pskg import __version__
from pskg.release.dataset import BASE
from pskg.stores.resource_pages import local_href, render_resource

DATASET = URIRef(f"{BASE}/dataset")
DISTRIBUTION = URIRef("http://www.w3.org/ns/dcat#distribution")


def test_the_dataset_page_is_titled_by_its_title_not_its_iri() -> None:
    """The dataset has no rdfs:label: its dcterms:title names the page (in both languages)."""
    graph = Graph()
    graph.add((DATASET, DCTERMS.title, Literal("Post-Soviet security alliances knowledge graph", lang="en")))
    graph.add((DATASET, DCTERMS.title, Literal("Graphe de connaissances", lang="fr")))
    page = render_resource(graph, str(DATASET), "/dataset").decode("utf-8")
    assert "<h1>Post-Soviet security alliances knowledge graph</h1>" in page
    assert "<title>Post-Soviet security alliances knowledge graph</title>" in page
    assert "Graphe de connaissances" in page


def test_the_release_files_link_to_where_this_server_serves_them() -> None:
    """The distributions' IRIs are BASE/dataset/VERSION/FILE, which pskg serve answers: a local link."""
    assert local_href(URIRef(f"{BASE}/dataset/{__version__}/void.ttl")) == f"/dataset/{__version__}/void.ttl"
    graph = Graph()
    graph.add((DATASET, DISTRIBUTION, URIRef(f"{BASE}/dataset/{__version__}/void.ttl")))
    page = render_resource(graph, str(DATASET), "/dataset").decode("utf-8")
    assert f'href="/dataset/{__version__}/void.ttl"' in page


def test_a_source_without_page_or_locator_gets_no_dangling_dash() -> None:
    """The dataset derives from the article as a whole: the source is listed, with no empty "where" before it."""
    graph = Graph()
    article = URIRef(f"{BASE}/id/momzikoff")
    graph.add((DATASET, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), article))
    graph.add((article, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Momzikoff", lang="en")))
    page = render_resource(graph, str(DATASET), "/dataset").decode("utf-8")
    assert '<a href="/id/momzikoff">Momzikoff</a>' in page
    assert "> — <a" not in page


def test_a_passage_is_cited_once_by_its_page_and_locator() -> None:
    """The passage's label repeats its page and locator: the link says them once, and names the passage's IRI."""
    graph = Graph()
    fact, passage = URIRef(f"{BASE}/id/fact"), URIRef(f"{BASE}/id/passage-f10-ARM")
    pss = "https://w3id.org/postsoviet-security/ontology#"
    graph.add((fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), passage))
    graph.add((passage, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Figure 10, Armenia", lang="en")))
    graph.add((passage, URIRef(pss + "page"), Literal(4)))
    graph.add((passage, URIRef(pss + "locator"), Literal("Figure 10, Arménie")))
    graph.add((passage, URIRef(pss + "quote"), Literal("45,3", lang="fr")))
    page = render_resource(graph, str(fact), "/id/fact").decode("utf-8")
    assert '<a href="/id/passage-f10-ARM">page 4, Figure 10, Arménie</a>' in page
    assert "Figure 10, Armenia" not in page
