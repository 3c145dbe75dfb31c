"""Literals the fast store does not keep as the reference engine reads them.

pyoxigraph stores typed literals by value, in their canonical form:
``"1.50"^^xsd:decimal`` comes back as ``"1.5"``, ``"x"@en-AU`` as ``"x"@en-au``,
and ``"1992"^^xsd:int`` as ``"1992"^^xsd:integer``. Two readings of one file
would then differ.

The first two kinds keep the value, the datatype and the language: validation
reads them in that canonical form with either engine (``canonical_graph``;
rdflib already does so for integers and booleans), so both check one literal.
The release and the queries keep them as written.

The last kind changes the datatype, and an ill-typed literal
(``"yes"^^xsd:boolean``) is stored as if it were fine: a check on the store
would see another literal than the one written, and a year written ``xsd:int``
would pass the integer rule. So the fast validator looks for those first
(``altered_literals``), and hands the whole validation to pySHACL when it
finds one.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

_SUBJECT = pyoxigraph.NamedNode("urn:pskg:literal")
_STRING = pyoxigraph.NamedNode(str(XSD.string))


@dataclass(frozen=True)
class AlteredLiteral:
    """A literal as written in a file, and why the store would not keep it so."""

    path: Path
    literal: str
    why: str


#: The datatypes the store replaces (by ``xsd:integer``, or ``xsd:dateTime``): a literal of one of them is lost
#: in the store, so a file that may write one is read again, literal by literal.
_REPLACED = b"int|long|short|byte|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|"
_REPLACED += b"unsignedInt|unsignedLong|unsignedShort|unsignedByte|dateTimeStamp"
#: ``^^`` then an IRI that ends in one of them or holds an escape, or a prefixed name whose local part is one:
#: a superset of the literals the store replaces (a false alarm only costs a closer look).
_MAY_BE_REPLACED = re.compile(
    rb"\^\^\s*(?:<[^>]*(?:\\|(?:" + _REPLACED + rb")>)|[^\s<>\"';,()\[\]]*:(?:" + _REPLACED + rb")(?![\w-]|\.[\w-]))"
)


def altered_literals(
    files: Iterable[tuple[Path, str | None]], stored: Iterable[tuple[Path, pyoxigraph.Literal]]
) -> list[AlteredLiteral]:
    """The literals of ``files`` (path, base IRI) that the store does not keep as rdflib reads them.

    Two kinds: a literal whose datatype the store replaces, which only the text
    shows (a file whose text may hold one is read again by pyoxigraph's parser,
    which keeps literals as written); and an ill-typed literal, which the store
    keeps as it is: ``stored`` gives each file's distinct typed literals, as the
    store holds them, and rdflib says which are ill-typed.
    """
    found = {}
    for path, base in files:
        if _MAY_BE_REPLACED.search(path.read_bytes()):
            for term in _typed_literals(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE, base_iri=base)):
                if why := _why_altered(term):
                    found[path, str(term)] = why
    for path, term in stored:
        if why := _why_altered(term):
            found[path, str(term)] = why
    return [AlteredLiteral(path, literal, why) for (path, literal), why in sorted(found.items(), key=str)]


def _typed_literals(quads: Iterable[pyoxigraph.Quad]) -> list[pyoxigraph.Literal]:
    """The distinct literals of ``quads`` but plain strings (which no store changes), in a stable order."""
    literals = {
        term for quad in quads if (term := quad.object).__class__ is pyoxigraph.Literal and term.datatype != _STRING
    }
    return sorted(literals, key=str)


def canonical_literal(literal: Literal) -> Literal:
    """The literal in the form the store keeps, when that form has the same datatype (well-typed literals
    only): what both engines then read. Otherwise the literal as it is."""
    if literal.ill_typed or (literal.datatype is None and not literal.language):
        return literal
    try:
        kept = _round_trip(_to_oxigraph(literal))
    except ValueError:  # a language tag pyoxigraph refuses: the file never reaches the store
        return literal
    if _datatype(kept) != _rdflib_type(literal):
        return literal
    if kept.language:
        return Literal(kept.value, lang=kept.language)
    return Literal(kept.value, datatype=literal.datatype)


def canonical_graph(graph: Graph) -> Graph:
    """``graph`` with its literals in the form the store keeps (``canonical_literal``): what both validators
    read, so that a ``1590.0`` is ``"1590"^^xsd:decimal`` for each. The graph itself when nothing changes."""
    forms: dict[Literal, Literal] = {}
    changed = []
    for triple in graph:
        value = triple[2]
        if isinstance(value, Literal) and (value.datatype or value.language) and value.datatype != XSD.string:
            form = forms.setdefault(value, canonical_literal(value))
            if form != value or form.language != value.language:
                changed.append((triple, (triple[0], triple[1], form)))
    if not changed:
        return graph
    copy = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    copy += graph
    for old, new in changed:
        copy.remove(old)
        copy.add(new)
    return copy


def stored_as_read(literal: Literal) -> bool:
    """Whether the store keeps an rdflib literal with its datatype, well-typed (a shapes-graph constant)."""
    try:
        return not literal.ill_typed and _datatype(_round_trip(_to_oxigraph(literal))) == _rdflib_type(literal)
    except ValueError:  # a language tag pyoxigraph refuses
        return False


def _why_altered(term: pyoxigraph.Literal) -> str | None:
    with _quiet_rdflib():
        read = (
            Literal(term.value, lang=term.language)
            if term.language
            else Literal(term.value, datatype=URIRef(term.datatype.value))
        )
    if read.ill_typed:
        return "ill-typed: its lexical form is not one of its datatype"
    kept = _round_trip(term)
    if _datatype(kept) != _rdflib_type(read):
        return f"stored with datatype {_datatype(kept)}"
    return None


def _to_oxigraph(literal: Literal) -> pyoxigraph.Literal:
    if literal.language:
        return pyoxigraph.Literal(str(literal), language=literal.language)
    return pyoxigraph.Literal(str(literal), datatype=pyoxigraph.NamedNode(str(literal.datatype or XSD.string)))


def _round_trip(term: pyoxigraph.Literal) -> pyoxigraph.Literal:
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(_SUBJECT, _SUBJECT, term))
    kept = next(iter(store)).object
    assert isinstance(kept, pyoxigraph.Literal)
    return kept


def _datatype(term: pyoxigraph.Literal) -> str:
    return str(RDF.langString) if term.language else term.datatype.value


def _rdflib_type(literal: Literal) -> str:
    return str(RDF.langString) if literal.language else str(literal.datatype or XSD.string)


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for each literal it cannot convert (and warns): the reason is reported instead."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
