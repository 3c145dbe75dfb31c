"""The OWL RL entailments our ontology actually licenses, computed directly: the fast reasoner.

owlrl applies every OWL RL rule to every triple until nothing changes, in Python
(about 50 s for 90k triples). Our ontology uses few constructs; this module
reads their axioms, closes the schema in Python (small), and applies each rule
kind to the data as one SPARQL update on pyoxigraph. It covers:

- ``rdfs:subClassOf`` and ``rdfs:subPropertyOf`` (closed transitively), ``rdfs:domain``, ``rdfs:range``;
- ``owl:inverseOf`` between named properties;
- ``owl:propertyChainAxiom`` whose links are named properties or ``[ owl:inverseOf p ]``;
- ``owl:FunctionalProperty`` and ``owl:InverseFunctionalProperty`` while no subject has two values of one
  (no value two subjects), asserted or inferred: owlrl then entails only ``x owl:sameAs x``, which ``reason`` drops.

Any other OWL RL construct with consequences ``reason`` keeps (``UNSUPPORTED``: equality, transitive,
symmetric and equivalent properties, keys, class expressions and restrictions, two values of a functional
property, inverses of blank nodes, blank nodes or ``id:`` resources in the schema) makes ``infer_fast``
raise ``UnsupportedOntology``, naming each with a use; ``reasoning.infer_with_fallback``, which the build
and the queries call, then runs owlrl on the same files. Consistency checks (``owl:disjointWith``, ...)
and constructs outside OWL 2 RL entail nothing ``reason`` keeps, on either engine: ``reasoning`` names them.
``reason.infer`` stays the reference: tests check that both yield the same triples.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from pskg.engines.entailments import SUBSUMED_DATATYPES, UNINFORMATIVE_TYPES
from pskg.engines.fast.store import INFERRED_GRAPH, FastSources, select
from pskg.errors import PskgError
from pskg.sources.namespaces import ID, PREFIXES


def _curie(iri: str) -> str:
    """``owl:sameAs`` for a term of a project prefix, ``<iri>`` for any other."""
    for prefix, namespace in sorted(((p, str(n)) for p, n in PREFIXES.items()), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri.removeprefix(namespace)}"
    return f"<{iri}>"


@dataclass(frozen=True)
class Construct:
    """An OWL construct, and the graph pattern that finds a use of it (``?x``: the term a notice names)."""

    name: str
    where: str
    case: str = ""

    def described(self, term: str) -> str:
        """``owl:TransitiveProperty (ex:partOf)``: what a notice says of one use."""
        return f"{self.name} ({term}: {self.case})" if self.case else f"{self.name} ({term})"


def vocabulary(*terms: URIRef) -> tuple[Construct, ...]:
    """One construct per OWL term, used as a predicate or as a type (owlrl's rules dispatch on both)."""
    return tuple(Construct(_curie(str(t)), f"{{ ?x <{t}> ?y }} UNION {{ ?x a <{t}> }}") for t in terms)


_SCHEMA = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
_IN_ID = f'FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{ID}"))'
#: A blank node that is more than ``[ owl:inverseOf p ]`` in a list: something a chain link cannot say.
_NOT_A_LINK = (
    f"NOT EXISTS {{ ?l <{RDF.first}> ?x }} || EXISTS {{ ?x ?p ?o FILTER(?p != <{OWL.inverseOf}>) }} "
    f"|| EXISTS {{ ?s ?q ?x FILTER(?q != <{RDF.first}>) }}"
)
_DATATYPES = " ".join(f"<{t}>" for t in sorted(SUBSUMED_DATATYPES))

#: What owlrl entails and the closure does not compute; its use means: OWL RL with owlrl.
UNSUPPORTED: tuple[Construct, ...] = (
    *vocabulary(
        OWL.sameAs,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.TransitiveProperty,
        OWL.SymmetricProperty,
        OWL.hasKey,
        OWL.intersectionOf,
        OWL.unionOf,
        OWL.oneOf,
        OWL.hasValue,
        OWL.someValuesFrom,
        OWL.allValuesFrom,
        OWL.maxCardinality,
        OWL.maxQualifiedCardinality,
    ),
    Construct(
        "owl:FunctionalProperty",
        f"?x a <{OWL.FunctionalProperty}> . ?s ?x ?a , ?b FILTER(!sameTerm(?a, ?b))",
        "a subject with two values",
    ),
    Construct(
        "owl:InverseFunctionalProperty",
        f"?x a <{OWL.InverseFunctionalProperty}> . ?a ?x ?o . ?b ?x ?o FILTER(!sameTerm(?a, ?b))",
        "a value with two subjects",
    ),
    Construct(
        "owl:inverseOf",
        f"?x <{OWL.inverseOf}> ?y FILTER(isBlank(?y) || (isBlank(?x) && ({_NOT_A_LINK})))",
        "a blank node, not a property chain's link",
    ),
    Construct("owl:propertyChainAxiom", f"?x <{OWL.propertyChainAxiom}> ?y FILTER(isBlank(?x))", "an inverse's chain"),
    *(Construct(_curie(str(p)), f"?x <{p}> ?y FILTER(isBlank(?x) || isBlank(?y))", "a blank node") for p in _SCHEMA),
    *(Construct(_curie(str(p)), f"?x <{p}> ?y {_IN_ID}", "an id: resource in the schema") for p in _SCHEMA),
    *(
        Construct(_curie(str(t)), f"?x a <{t}> {_IN_ID}", "an id: resource in the schema")
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    ),
    Construct("rdf:type", f"?x a ?t VALUES ?t {{ {_DATATYPES} }} {_IN_ID}", "an id: resource of an XSD datatype"),
)


class UnsupportedOntology(PskgError):
    """The sources use OWL constructs the targeted closure does not cover: ``constructs`` names each, with a use."""

    def __init__(self, constructs: list[str]) -> None:
        self.constructs = constructs
        verb = "is" if len(constructs) == 1 else "are"
        super().__init__(f"{', '.join(constructs)} {verb} not in the fast closure")


Pairs = set[tuple[str, str]]
#: A link of a property chain: the property, and whether the chain follows it backwards (``[ owl:inverseOf p ]``).
Link = tuple[str, bool]
_NIL = pyoxigraph.NamedNode(str(RDF.nil))


def infer_fast(sources: FastSources) -> bytes:
    """The useful entailments (as ``reason.infer`` keeps them), as N-Triples, each triple once.

    Property triples (sub-properties, inverses, chains) feed one another, so they
    go into the store's inferred graph until nothing changes; they are few. Types
    (domains, ranges, super-classes) feed nothing, and are most of what is
    inferred: they are computed by one read-only query and never inserted (an
    insertion costs more than the query that finds it).
    """
    store = sources.store
    sub_class = _closure(_pairs(store, RDFS.subClassOf))
    sub_property = _closure(_pairs(store, RDFS.subPropertyOf))
    inverse = _pairs(store, OWL.inverseOf)
    inverse |= {(b, a) for a, b in inverse}
    chains = _chains(store)
    while True:  # property rules feed one another (a chain yields a sub-property's triples)
        before = _inferred_count(store)
        _update(store, "?s ?q ?o", "?s ?p ?o", "p q", sub_property)
        _update(store, "?o ?q ?s", "?s ?p ?o", "p q", inverse)
        for target, links in chains:
            _update_chain(store, target, links)
        if _inferred_count(store) == before:
            break
    _refuse_unsupported(sources)
    supers = defaultdict(set)
    for sub, sup in sub_class:
        supers[sub].add(sup)
    types = _types(
        store,
        ("?s ?p ?o", _typed(_pairs(store, RDFS.domain), supers)),
        ("?o ?p ?s FILTER(!isLiteral(?s))", _typed(_pairs(store, RDFS.range), supers)),
        ("?s a ?p", sub_class),
    )
    _drop_useless(store)  # after typing: a triple it drops may still type its object
    return (store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH) or b"") + types


def _types(store: pyoxigraph.Store, *rules: tuple[str, Pairs]) -> bytes:
    """N-Triples ``?s a ?c`` for each rule (``body``, (``?p``, ``?c``) pairs) where ``body`` holds, when no graph
    says it already and ``?s`` is an ``id:`` resource (``_drop_useless`` for types, done on the text).

    One query, so that the engine keeps each triple once in its compact form. Its
    rows are written as TSV by the engine, whose ``<s>\t<c>`` lines (IRIs only:
    ``?c`` is a class and an ``id:`` subject an IRI) become N-Triples by
    replacements on the whole text: three times faster than a CONSTRUCT, and no
    Python object per triple (a million of them at ×1000).
    """
    useless = {str(term) for term in UNINFORMATIVE_TYPES}
    parts = [
        f"{{ {_values('p c', useful)} {body} }}"
        for body, pairs in rules
        if (useful := {(p, c) for p, c in pairs if c not in useless})
    ]
    if not parts:
        return b""
    rows = select(
        store,
        f"SELECT ?s ?c WHERE {{ {{ SELECT DISTINCT ?s ?c WHERE {{ {' UNION '.join(parts)} }} }} MINUS {{ ?s a ?c }} }}",
        use_default_graph_as_union=True,
    )
    table = (rows.serialize(format=pyoxigraph.QueryResultsFormat.TSV) or b"").rstrip(b"\n") + b"\n"
    table = re.sub(rb"^(?!" + re.escape(f"<{ID}".encode()) + rb")[^\n]*\n", b"", table, flags=re.MULTILINE)
    return table.replace(b"\t", f" <{RDF.type}> ".encode()).replace(b"\n", b" .\n")


def found(sources: FastSources, constructs: Iterable[Construct]) -> list[str]:
    """Each of ``constructs`` that some graph of ``sources`` uses, described with one use (a query each: LIMIT 1)."""
    described = []
    for construct in constructs:
        query = f"SELECT ?x WHERE {{ {construct.where} }} LIMIT 1"
        for solution in select(sources.store, query, use_default_graph_as_union=True):
            described.append(construct.described(_term_name(sources, solution["x"])))
    return described


def _term_name(sources: FastSources, term: pyoxigraph.NamedNode | pyoxigraph.BlankNode) -> str:
    """A name for a notice: the IRI, or, for a blank node, the files that describe it."""
    if isinstance(term, pyoxigraph.NamedNode):
        return _curie(term.value)
    files = ", ".join(path.name for path in sources.files_of(term))
    return f"a blank node of {files}" if files else "a blank node"


def _refuse_unsupported(sources: FastSources) -> None:
    """Raise if ``sources`` use an ``UNSUPPORTED`` construct: checked once the property triples are inferred,
    which may use one too (a functional property's second value, a sub-property of ``owl:sameAs``)."""
    if unsupported := found(sources, UNSUPPORTED):
        raise UnsupportedOntology(unsupported)


def _pairs(store: pyoxigraph.Store, predicate: object) -> Pairs:
    """Every (subject, object) IRI pair of ``predicate``: the schema is small."""
    found = store.quads_for_pattern(None, pyoxigraph.NamedNode(str(predicate)), None)
    return {
        (quad.subject.value, quad.object.value)
        for quad in found
        if isinstance(quad.subject, pyoxigraph.NamedNode) and isinstance(quad.object, pyoxigraph.NamedNode)
    }


def _closure(pairs: Pairs) -> Pairs:
    """The transitive closure, without reflexive pairs (owlrl's ``C subClassOf C`` changes no instance)."""
    supers: dict[str, set[str]] = defaultdict(set)
    for sub, sup in pairs:
        supers[sub].add(sup)
    closed: Pairs = set()
    for start in list(supers):
        stack, seen = [start], set()
        while stack:
            for sup in supers.get(stack.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    stack.append(sup)
        closed |= {(start, sup) for sup in seen if sup != start}
    return closed


def _typed(pairs: Pairs, supers: dict[str, set[str]]) -> Pairs:
    """Domain or range pairs (property, class) extended to every super-class of the class."""
    return {(prop, cls) for prop, direct in pairs for cls in {direct, *supers.get(direct, ())}}


def _chains(store: pyoxigraph.Store) -> list[tuple[str, list[Link]]]:
    """Each ``owl:propertyChainAxiom`` of a named property (``UNSUPPORTED`` has the others): its links, in order."""
    query = f"""SELECT ?p ?list WHERE {{ ?p <{OWL.propertyChainAxiom}> ?list FILTER(isIRI(?p)) }}"""
    solutions = list(select(store, query, use_default_graph_as_union=True))
    return [(solution["p"].value, _links(store, solution["p"].value, solution["list"])) for solution in solutions]


def _links(store: pyoxigraph.Store, target: str, node: object) -> list[Link]:
    """The links of ``target``'s chain; a list that is not one is the user's to fix, named, not a traceback."""
    links: list[Link] = []
    seen = set()
    while node != _NIL:
        first, rest = _objects(store, node, RDF.first), _objects(store, node, RDF.rest)
        if len(first) != 1 or len(rest) != 1 or node in seen:
            raise PskgError(f"owl:propertyChainAxiom of {_curie(target)}: its value is not a well-formed RDF list")
        seen.add(node)
        links.append(_link(store, target, first[0]))
        node = rest[0]
    return links


def _link(store: pyoxigraph.Store, target: str, item: object) -> Link:
    """A named property, followed forwards, or ``[ owl:inverseOf p ]``, followed backwards: what OWL 2 allows."""
    if isinstance(item, pyoxigraph.NamedNode):
        return item.value, False
    inverse = _objects(store, item, OWL.inverseOf)
    if len(inverse) == 1 and isinstance(inverse[0], pyoxigraph.NamedNode):
        return inverse[0].value, True
    raise PskgError(
        f"owl:propertyChainAxiom of {_curie(target)}: the link {item} is neither a property "
        "nor [ owl:inverseOf property ]"
    )


def _objects(store: pyoxigraph.Store, subject: object, predicate: URIRef) -> list:
    """The distinct objects of ``subject`` and ``predicate`` in every graph; none for a literal."""
    if not isinstance(subject, (pyoxigraph.NamedNode, pyoxigraph.BlankNode, pyoxigraph.Triple)):
        return []  # a literal: the only other term a list node can be
    quads = store.quads_for_pattern(subject, pyoxigraph.NamedNode(str(predicate)), None)
    return list(dict.fromkeys(quad.object for quad in quads))


def _values(names: str, pairs: Iterable[tuple[str, str]]) -> str:
    rows = " ".join(f"(<{a}> <{b}>)" for a, b in sorted(pairs))
    return f"VALUES ({' '.join('?' + n for n in names.split())}) {{ {rows} }}"


def _update(store: pyoxigraph.Store, head: str, body: str, names: str, pairs: Pairs) -> None:
    """Insert ``head`` wherever ``body`` holds for a row of ``pairs``, unless some graph already says it."""
    if not pairs:
        return
    variables = " ".join(dict.fromkeys(re.findall(r"\?\w+", head)))
    store.update(
        f"INSERT {{ GRAPH <{INFERRED_GRAPH.value}> {{ {head} }} }} WHERE {{ {{ SELECT DISTINCT {variables} WHERE {{ "
        f"{_values(names, pairs)} GRAPH ?g {{ {body} }} }} }} FILTER NOT EXISTS {{ GRAPH ?h {{ {head} }} }} }}"
    )


def _update_chain(store: pyoxigraph.Store, target: str, links: list[Link]) -> None:
    steps = " ".join(_step(i, link) for i, link in enumerate(links))
    head = f"?x0 <{target}> ?x{len(links)}"
    store.update(
        f"INSERT {{ GRAPH <{INFERRED_GRAPH.value}> {{ {head} }} }} WHERE {{ {steps} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ {head} }} }} }}"
    )


def _step(i: int, link: Link) -> str:
    """Link ``i`` of a chain, from ``?x{i}`` to ``?x{i + 1}``: the property's triples, read backwards for an inverse."""
    prop, backwards = link
    start, end = (f"?x{i + 1}", f"?x{i}") if backwards else (f"?x{i}", f"?x{i + 1}")
    return f"GRAPH ?g{i} {{ {start} <{prop}> {end} }}"


def _inferred_count(store: pyoxigraph.Store) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED_GRAPH.value}> {{ ?s ?p ?o }} }}"
    return int(next(iter(select(store, query)))["n"].value)


def _drop_useless(store: pyoxigraph.Store) -> None:
    """Keep what ``reason.infer`` keeps: new triples about ``id:`` resources, no bookkeeping."""
    types = " ".join(f"<{term}>" for term in sorted(UNINFORMATIVE_TYPES))
    graph = INFERRED_GRAPH.value
    store.update(
        f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f'FILTER(!isIRI(?s) || !STRSTARTS(STR(?s), "{ID}") || isBlank(?o) || ?p = <{OWL.sameAs}> '
        f"|| (?p = <{RDF.type}> && (isLiteral(?o) || ?o IN ({types.replace(' ', ', ')})))) }}"
    )


def inferred_triples(store: pyoxigraph.Store) -> Iterator[pyoxigraph.Quad]:
    """The inferred graph's triples."""
    return store.quads_for_pattern(None, None, None, INFERRED_GRAPH)
