"""The OWL RL entailments our ontology actually licenses, computed directly: the fast reasoner.

owlrl applies every OWL RL rule to every triple until nothing changes, in Python
(about 50 s for 90k triples). Our ontology uses few constructs: sub-classes and
sub-properties, domains and ranges, one inverse, one property chain. This
module reads those axioms from the ontology, closes the schema in Python
(small), and applies each rule kind to the data as one SPARQL update on
pyoxigraph. ``reason.infer`` stays the reference: tests check that both yield
the same triples. An ontology with any other OWL construct is refused
(``UnsupportedOntology``), and callers fall back to owlrl.

Assumption, as for owlrl's output that ``reason`` keeps: the data conforms to the
shapes, so functional properties have one value each and no ``owl:sameAs`` is
entailed (the build validates before it reasons).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph
from rdflib.namespace import OWL, RDF, RDFS

from pskg.errors import PskgError
from pskg.fast_store import INFERRED_GRAPH, FastSources
from pskg.namespaces import ID
from pskg.reason import UNINFORMATIVE_TYPES

#: OWL vocabulary whose rules this module does not apply; its presence means: use owlrl.
UNSUPPORTED = tuple(
    str(term)
    for term in (
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.sameAs,
        OWL.TransitiveProperty,
        OWL.SymmetricProperty,
        OWL.InverseFunctionalProperty,
        OWL.Restriction,
        OWL.hasKey,
        OWL.unionOf,
        OWL.intersectionOf,
        OWL.oneOf,
        OWL.complementOf,
        OWL.disjointWith,
        OWL.AllDisjointClasses,
    )
)


class UnsupportedOntology(PskgError):
    """The ontology uses an OWL construct the targeted closure does not cover."""


Pairs = set[tuple[str, str]]


def infer_fast(sources: FastSources) -> bytes:
    """The useful entailments (as ``reason.infer`` keeps them), as N-Triples, each triple once.

    Property triples (sub-properties, inverses, chains) feed one another, so they
    go into the store's inferred graph until nothing changes; they are few. Types
    (domains, ranges, super-classes) feed nothing, and are most of what is
    inferred: they are computed by one read-only query and never inserted (an
    insertion costs more than the query that finds it).
    """
    store = sources.store
    _refuse_unsupported(store)
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
    return store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=INFERRED_GRAPH) + types


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
    rows = store.query(
        f"SELECT ?s ?c WHERE {{ {{ SELECT DISTINCT ?s ?c WHERE {{ {' UNION '.join(parts)} }} }} MINUS {{ ?s a ?c }} }}",
        use_default_graph_as_union=True,
    )
    table = (rows.serialize(format=pyoxigraph.QueryResultsFormat.TSV) or b"").rstrip(b"\n") + b"\n"
    table = re.sub(rb"^(?!" + re.escape(f"<{ID}".encode()) + rb")[^\n]*\n", b"", table, flags=re.MULTILINE)
    return table.replace(b"\t", f" <{RDF.type}> ".encode()).replace(b"\n", b" .\n")


def _refuse_unsupported(store: pyoxigraph.Store) -> None:
    values = " ".join(f"<{term}>" for term in UNSUPPORTED)
    query = f"SELECT ?t WHERE {{ VALUES ?t {{ {values} }} {{ ?x ?t ?y }} UNION {{ ?x a ?t }} }} LIMIT 1"
    for solution in store.query(query, use_default_graph_as_union=True):
        raise UnsupportedOntology(f"the ontology uses {solution['t'].value}: the fast reasoner does not apply it")


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


def _chains(store: pyoxigraph.Store) -> list[tuple[str, list[str]]]:
    """Each ``owl:propertyChainAxiom``: the property and its links, in order."""
    query = f"""SELECT ?p ?list WHERE {{ ?p <{OWL.propertyChainAxiom}> ?list }}"""
    chains = []
    for solution in store.query(query, use_default_graph_as_union=True):
        links, node = [], solution["list"]
        while node != pyoxigraph.NamedNode(str(RDF.nil)):
            links.append(next(store.quads_for_pattern(node, pyoxigraph.NamedNode(str(RDF.first)), None)).object.value)
            node = next(store.quads_for_pattern(node, pyoxigraph.NamedNode(str(RDF.rest)), None)).object
        chains.append((solution["p"].value, links))
    return chains


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


def _update_chain(store: pyoxigraph.Store, target: str, links: list[str]) -> None:
    steps = " ".join(f"GRAPH ?g{i} {{ ?x{i} <{link}> ?x{i + 1} }}" for i, link in enumerate(links))
    head = f"?x0 <{target}> ?x{len(links)}"
    store.update(
        f"INSERT {{ GRAPH <{INFERRED_GRAPH.value}> {{ {head} }} }} WHERE {{ {steps} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ {head} }} }} }}"
    )


def _inferred_count(store: pyoxigraph.Store) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED_GRAPH.value}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


def _drop_useless(store: pyoxigraph.Store) -> None:
    """Keep what ``reason.infer`` keeps: new triples about ``id:`` resources, no bookkeeping."""
    types = " ".join(f"<{term}>" for term in sorted(UNINFORMATIVE_TYPES))
    graph = INFERRED_GRAPH.value
    store.update(
        f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f'FILTER(!isIRI(?s) || !STRSTARTS(STR(?s), "{ID}") || isBlank(?o) || ?p = <{OWL.sameAs}> '
        f"|| (?p = <{RDF.type}> && (isLiteral(?o) || ?o IN ({types.replace(' ', ', ')})))) }}"
    )


def inferred_triples(store: pyoxigraph.Store) -> Iterable[pyoxigraph.Quad]:
    """The inferred graph's triples."""
    return store.quads_for_pattern(None, None, None, INFERRED_GRAPH)
