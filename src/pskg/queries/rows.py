"""SELECT solutions of pyoxigraph as rows of rdflib terms, read from the engine's own TSV.

Reading a cell of a pyoxigraph solution makes a Python object for it (about
1.5 µs); a listing of 46,000 rows spent a third of its time there.
The engine writes the whole table as SPARQL TSV in one call instead, and each
distinct cell text becomes an rdflib term once. What the TSV writer does (and
this module undoes): IRIs in ``<>``, blank nodes as ``_:id``, literals quoted
with ``\\t \\n \\r \\" \\\\`` escaped and ``@lang`` or ``^^<datatype>`` after
them, and integers, decimals, doubles and booleans in their Turtle short form.
An ``xsd:string`` literal is written without its datatype and read back as a
plain literal, as rdflib's engine gives it (the same literal in RDF 1.1).
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator

import pyoxigraph
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

Rows = tuple[tuple[Node | None, ...], ...]

_ESCAPED = re.compile(r'\\([tnr"\\])')
_UNESCAPED = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}
_BOOLEANS = frozenset({"true", "false"})
#: What ``table_rows`` looks a cell up with: a term no cell ever maps to, so a miss costs no second lookup.
_UNSEEN: Node = BNode("pskg-unseen-cell")


def solution_rows(solutions: pyoxigraph.QuerySolutions) -> Rows:
    """Every solution as a tuple of rdflib terms in the order of ``solutions.variables`` (``None`` when unbound)."""
    if not solutions.variables:
        return tuple(() for _ in solutions)
    return table_rows(solution_table(solutions))


def solution_table(solutions: pyoxigraph.QuerySolutions) -> str:
    """The solutions as the engine writes them: SPARQL TSV, a header of ``?variables`` then one line a row."""
    return (solutions.serialize(format=pyoxigraph.QueryResultsFormat.TSV) or b"").decode("utf-8")


def table_variables(table: str) -> tuple[str, ...]:
    """The column names of a TSV table (without their ``?``)."""
    header = table.split("\n", 1)[0]
    return tuple(name[1:] for name in header.split("\t")) if header else ()


def table_rows(table: str) -> Rows:
    """The rows of a TSV table written by ``solution_table``, each distinct cell made an rdflib term once.

    The cyclic garbage collector is paused meanwhile: the rows and terms made
    hold no cycles, and each collection the new tuples would set off walks every
    object of the process (46,000 rows: 89 ms with it, 56 ms without, in a
    process holding a million objects).
    """
    lines = table.split("\n")  # not splitlines(): it would also cut at the raw U+2028, \v, \f a literal may hold
    terms: dict[str, Node | None] = {"": None}
    unseen = _UNSEEN
    rows = []
    with _collector_paused():
        for line in lines[1:-1]:
            row = []
            for cell in line.split("\t"):
                term = terms.get(cell, unseen)
                if term is unseen:
                    term = terms[cell] = _term(cell)
                row.append(term)
            rows.append(tuple(row))
    return tuple(rows)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then as it was (a caller may have turned it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _term(cell: str) -> Node:
    """One TSV cell as an rdflib term."""
    first = cell[0]
    if first == "<":
        return _iri(cell[1:-1])
    if first == '"':
        end = cell.rindex('"')  # what follows the closing quote (a language tag, a datatype IRI) has no quote
        value = _ESCAPED.sub(lambda match: _UNESCAPED[match.group(1)], cell[1:end]) if "\\" in cell else cell[1:end]
        suffix = cell[end + 1 :]
        if not suffix:
            return Literal(value)
        if suffix[0] == "@":
            return Literal(value, lang=suffix[1:])
        return Literal(value, datatype=_iri(suffix[3:-1]))
    if cell.startswith("_:"):
        return BNode(cell[2:])
    if cell in _BOOLEANS:
        return Literal(cell, datatype=XSD.boolean)
    if "e" in cell or "E" in cell:
        return Literal(cell, datatype=XSD.double)
    return Literal(cell, datatype=XSD.decimal if "." in cell else XSD.integer)


def _iri(text: str) -> URIRef:
    """An IRI the engine has already checked, made without rdflib's character check (half the cost of a
    listing's conversion): ``URIRef`` only adds that check, which logs and never rejects."""
    return str.__new__(URIRef, text)
