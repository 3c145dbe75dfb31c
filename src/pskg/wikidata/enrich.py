"""``pskg link enrich``: what users want next to our facts, from Wikidata, in graphs of its own.

Labels in Russian and the languages of the region, capitals, ISO codes, inception and
dissolution dates of our linked entities, and the other members of our organisations.
Triples are copied as Wikidata states them (``wd:`` subjects, ``wdt:`` properties,
best-rank values only) into one named graph per Wikidata item the triple is about,
``id:wikidata-Q…``; the default graph says, for each, ``prov:wasDerivedFrom`` the item,
``dcterms:source`` the endpoint and ``dcterms:issued`` the retrieval date. Nothing is
ever added to the article's graph. The TriG output is sorted, so a rerun with the same
answers and date writes the same bytes.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from pskg.atomic import write_text_atomically
from pskg.sources.namespaces import ID, PREFIXES, WD, new_graph
from pskg.wikidata.client import SparqlClient
from pskg.wikidata.link import wikidata_links
from pskg.wikidata.terms import REGION_LANGUAGES

DEFAULT_OUTPUT = Path("dist") / "wikidata-enrichment.trig"
#: Truthy properties copied for each of our linked entities: capital, ISO alpha-3, inception, dissolution.
FACT_PROPERTIES = ("P36", "P298", "P571", "P576")

_LABELS = """
SELECT ?item ?label WHERE {
  VALUES ?item { %s }
  ?item rdfs:label ?label FILTER(LANG(?label) IN (%s))
}
"""

_FACTS = """
SELECT ?item ?property ?value WHERE {
  VALUES ?item { %s }
  VALUES ?property { %s }
  ?item ?property ?value .
}
"""

_CAPITAL_LABELS = """
SELECT ?item ?label WHERE {
  VALUES ?state { %s }
  ?state wdt:P36 ?item .
  ?item rdfs:label ?label FILTER(LANG(?label) IN (%s))
}
"""

_OTHER_MEMBERS = """
SELECT ?item ?organisation ?label WHERE {
  VALUES ?organisation { %s }
  ?item wdt:P463 ?organisation .
  OPTIONAL { ?item rdfs:label ?label FILTER(LANG(?label) IN ("en", "fr")) }
}
"""


@dataclass(frozen=True)
class Enrichment:
    """Triples grouped by the Wikidata item they are about, with where and when they came from."""

    triples: dict[URIRef, set[tuple[Node, Node, Node]]]
    endpoint: str
    retrieved: datetime.date


def enrich(graph: Graph, client: SparqlClient, retrieved: datetime.date) -> Enrichment:
    """Ask the endpoint for everything ``pskg link enrich`` brings in about ``graph``'s linked entities."""
    links = wikidata_links(graph)
    items = sorted({link.entity for link in links if link.kind not in ("property", "vocabulary")}, key=str)
    states = [link.entity for link in links if link.kind == "state"]
    organisations = sorted({link.entity for link in links if link.kind == "organisation"}, key=str)
    all_languages = _languages(("en", "fr", *REGION_LANGUAGES))
    region_languages = _languages(REGION_LANGUAGES)
    triples: dict[URIRef, set[tuple[Node, Node, Node]]] = defaultdict(set)

    def add(subject: Node, predicate: Node, obj: Node) -> None:
        if isinstance(subject, URIRef) and str(subject).startswith(str(WD)):
            triples[subject].add((subject, predicate, obj))

    if items:
        for row in client.select(_LABELS % (_values(items), region_languages)).bindings:
            add(row["item"], RDFS.label, row["label"])
        properties = " ".join(f"wdt:{p}" for p in FACT_PROPERTIES)
        for row in client.select(_FACTS % (_values(items), properties)).bindings:
            add(row["item"], row["property"], row["value"])
    if states:
        for row in client.select(_CAPITAL_LABELS % (_values(states), all_languages)).bindings:
            add(row["item"], RDFS.label, row["label"])
    if organisations:
        member_of = URIRef("http://www.wikidata.org/prop/direct/P463")
        for row in client.select(_OTHER_MEMBERS % _values(organisations)).bindings:
            add(row["item"], member_of, row["organisation"])
            if "label" in row:
                add(row["item"], RDFS.label, row["label"])
    return Enrichment(dict(triples), client.endpoint, retrieved)


def graph_name(item: URIRef) -> URIRef:
    """``id:wikidata-Q399``: the named graph of what Wikidata says about ``wd:Q399``."""
    return ID[f"wikidata-{str(item).removeprefix(str(WD))}"]


def to_trig(enrichment: Enrichment) -> str:
    """Deterministic TriG: sorted graphs, each serialised by rdflib's sorted Turtle writer."""
    issued = Literal(enrichment.retrieved.isoformat(), datatype=XSD.date)
    metadata = new_graph()
    for item in enrichment.triples:
        name = graph_name(item)
        metadata.add((name, RDF.type, PROV.Entity))
        metadata.add((name, PROV.wasDerivedFrom, item))
        metadata.add((name, DCTERMS.source, URIRef(enrichment.endpoint)))
        metadata.add((name, DCTERMS.issued, issued))
    header = [
        "# Wikidata enrichment of postsoviet-security-kg: NOT facts of the article.",
        f"# Retrieved {enrichment.retrieved.isoformat()} from {enrichment.endpoint} by `pskg link enrich`.",
        "# One named graph per Wikidata item (id:wikidata-Q…) holding what Wikidata states about it;",
        "# the default graph says where (dcterms:source, prov:wasDerivedFrom) and when (dcterms:issued).",
        "",
        *(f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items()),
        "",
    ]
    parts = ["\n".join(header), _turtle_body(metadata)]
    for item in sorted(enrichment.triples, key=str):
        part = new_graph()
        for triple in enrichment.triples[item]:
            part.add(triple)
        body = "\n".join(f"    {line}" if line else "" for line in _turtle_body(part).splitlines())
        parts.append(f"{graph_name(item).n3(new_graph().namespace_manager)} {{\n{body}\n}}\n")
    return "\n".join(parts)


def _turtle_body(graph: Graph) -> str:
    """rdflib's Turtle without its prefix lines (declared once at the top of the TriG file)."""
    text = graph.serialize(format="turtle")
    lines = [line for line in text.splitlines() if not line.startswith("@prefix")]
    return "\n".join(lines).strip() + "\n"


def write_enrichment(enrichment: Enrichment, output: Path) -> int:
    """Write the TriG file atomically; the number of triples written (metadata excluded)."""
    write_text_atomically(output, to_trig(enrichment))
    return sum(len(triples) for triples in enrichment.triples.values())


def _values(items: Iterable[Node]) -> str:
    return " ".join(sorted(item.n3() for item in items))


def _languages(languages: Iterable[str]) -> str:
    return ", ".join(f'"{lang}"' for lang in languages)
