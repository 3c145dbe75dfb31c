"""OWL RL reasoning, kept apart from the asserted triples.

owlrl computes the full closure; we keep only what queries use: new triples
about our own resources (ORG super-classes, the pss:memberOf shortcut, inverse
properties), never owlrl's bookkeeping (owl:sameAs x x, owl:Thing, datatype
axioms) and never anything about the ontology's own terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.term import _toPythonMapping

from pskg.engines.entailments import UNINFORMATIVE_TYPES
from pskg.sources.namespaces import ID, new_graph


def infer(asserted: Graph) -> Graph:
    """The triples OWL RL entails from ``asserted`` that queries may use, and only those."""
    closure = Graph(bind_namespaces="none")
    closure += asserted
    with _rdflib_conversions_kept():
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = new_graph()
    for triple in closure:
        if triple not in asserted and _is_useful(triple):
            inferred.add(triple)
    return inferred


def _is_useful(triple: tuple) -> bool:
    subject, predicate, obj = triple
    if not (isinstance(subject, URIRef) and str(subject).startswith(str(ID))):
        return False
    if isinstance(obj, BNode) or predicate == OWL.sameAs:
        return False
    if predicate == RDF.type and obj in UNINFORMATIVE_TYPES:
        return False
    return not (isinstance(obj, Literal) and predicate == RDF.type)


@contextmanager
def _rdflib_conversions_kept() -> Iterator[None]:
    """owlrl swaps rdflib's table of literal conversions for its own while it runs, and does not put it back
    when a rule raises: the process would then read literals otherwise (``"2011-01-01"^^xsd:dateTime`` becomes
    ill-typed). The table is restored whatever happens."""
    saved = dict(_toPythonMapping)
    try:
        yield
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
