"""Every namespace the project uses, declared once.

Build, CLI and tests import from here; a test checks that every ``@prefix`` /
``PREFIX`` line in the repository agrees with this table, so a prefix can never
mean two things in two files.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD, DefinedNamespace
from rdflib.term import Node

PSS = Namespace("https://w3id.org/postsoviet-security/ontology#")
ID = Namespace("https://w3id.org/postsoviet-security/id/")
PSSH = Namespace("https://w3id.org/postsoviet-security/shapes#")
ORG = Namespace("http://www.w3.org/ns/org#")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")
# Wikidata's RDF model (https://www.mediawiki.org/wiki/Wikibase/Indexing/RDF_Dump_Format): truthy
# claims (wdt:), statement nodes (p:), their main value (ps:) and qualifiers (pq:), ranks (wikibase:).
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WDS = Namespace("http://www.wikidata.org/entity/statement/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
SCHEMA = Namespace("http://schema.org/")  # Wikidata's schema: is http, not rdflib's https SDO

ONTOLOGY_IRI = "https://w3id.org/postsoviet-security/ontology"

#: prefix -> namespace, in the order written at the top of every Turtle file. rdflib's own
#: vocabularies (DCAT, OWL, RDF...) are DefinedNamespace classes, not Namespace instances.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "dcat": DCAT,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "id": ID,
    "org": ORG,
    "owl": OWL,
    "p": P,
    "pq": PQ,
    "prov": PROV,
    "ps": PS,
    "pss": PSS,
    "pssh": PSSH,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "sh": SH,
    "skos": SKOS,
    "vann": VANN,
    "void": VOID,
    "wd": WD,
    "wds": WDS,
    "wdt": WDT,
    "wikibase": WIKIBASE,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (and only those) on ``graph``; returns it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def new_graph() -> Graph:
    """An empty graph that knows the project's prefixes and no others."""
    return bind_prefixes(Graph(bind_namespaces="none"))


def sparql_prologue() -> str:
    """``PREFIX`` lines for every project prefix, for queries built in code."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def short(node: Node | None) -> str:
    """A prefixed name where one of our prefixes fits, else the N3 form."""
    if node is None:
        return "?"
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)) and "/" not in text[len(str(namespace)) :]:
            return f"{prefix}:{text[len(str(namespace)) :]}"
    return node.n3()
