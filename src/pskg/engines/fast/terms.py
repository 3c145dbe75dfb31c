"""pyoxigraph's terms as rdflib's and back: where the fast path meets code written for rdflib."""

from __future__ import annotations

import pyoxigraph
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node


def from_oxigraph(term: object) -> Node | None:
    """A pyoxigraph term as an rdflib one (None stays None: an unbound cell)."""
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r}")


def to_oxigraph(term: Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    """An rdflib term as a pyoxigraph one; a blank node keeps its label (the store keeps labels it is given)."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")
