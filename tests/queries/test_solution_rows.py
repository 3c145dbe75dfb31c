"""Solutions read back from the engine's TSV are the terms the engine holds, escapes and short forms undone."""

from __future__ import annotations

import gc

import pyoxigraph
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from pskg.engines.fast.terms import from_oxigraph
from pskg.queries.rows import solution_rows

_XSD = "http://www.w3.org/2001/XMLSchema#"
_SUBJECT = pyoxigraph.NamedNode("http://example.org/s")
_VALUE = pyoxigraph.NamedNode("http://example.org/value")

#: Object stored -> the rdflib term expected back, written out (not computed by the code under test).
CASES = [
    (pyoxigraph.Literal('tab\tnewline\ncr\rquote"backslash\\ «é»'), Literal('tab\tnewline\ncr\rquote"backslash\\ «é»')),
    (pyoxigraph.Literal("a backslash then t: \\t"), Literal("a backslash then t: \\t")),
    (pyoxigraph.Literal("raw \x0b\x0c\u2028 controls"), Literal("raw \x0b\x0c\u2028 controls")),
    (pyoxigraph.Literal(""), Literal("")),
    (pyoxigraph.Literal("Arménie", language="fr"), Literal("Arménie", lang="fr")),
    (pyoxigraph.Literal("", language="en"), Literal("", lang="en")),
    (pyoxigraph.Literal("x", language="en-GB"), Literal("x", lang="en-gb")),
    (
        pyoxigraph.Literal("1992", datatype=pyoxigraph.NamedNode(_XSD + "integer")),
        Literal("1992", datatype=XSD.integer),
    ),
    (pyoxigraph.Literal("-5", datatype=pyoxigraph.NamedNode(_XSD + "integer")), Literal("-5", datatype=XSD.integer)),
    (pyoxigraph.Literal("1.5", datatype=pyoxigraph.NamedNode(_XSD + "decimal")), Literal("1.5", datatype=XSD.decimal)),
    (
        pyoxigraph.Literal("1.5E3", datatype=pyoxigraph.NamedNode(_XSD + "double")),
        Literal("1.5E3", datatype=XSD.double),
    ),
    (pyoxigraph.Literal("INF", datatype=pyoxigraph.NamedNode(_XSD + "double")), Literal("INF", datatype=XSD.double)),
    (
        pyoxigraph.Literal("true", datatype=pyoxigraph.NamedNode(_XSD + "boolean")),
        Literal("true", datatype=XSD.boolean),
    ),
    (pyoxigraph.Literal("2019", datatype=pyoxigraph.NamedNode(_XSD + "gYear")), Literal("2019", datatype=XSD.gYear)),
    (pyoxigraph.Literal("abc", datatype=pyoxigraph.NamedNode(_XSD + "integer")), Literal("abc", datatype=XSD.integer)),
    (pyoxigraph.NamedNode("http://example.org/o?q=1&r=é#f"), URIRef("http://example.org/o?q=1&r=é#f")),
    (pyoxigraph.BlankNode("b1"), BNode("b1")),
]


def _store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for number, (stored, _) in enumerate(CASES):
        row = pyoxigraph.NamedNode(f"http://example.org/row{number:02d}")
        store.add(pyoxigraph.Quad(row, _VALUE, stored))
    store.add(pyoxigraph.Quad(_SUBJECT, _VALUE, pyoxigraph.Literal("unused")))
    return store


_ROWS = """SELECT ?row ?value ?missing WHERE {
  ?row <http://example.org/value> ?value
  OPTIONAL { ?row <http://example.org/none> ?missing }
  FILTER (?row != <http://example.org/s>)
} ORDER BY ?row"""


def test_every_kind_of_term_comes_back_as_written():
    rows = solution_rows(_store().query(_ROWS))
    assert [row[1] for row in rows] == [expected for _, expected in CASES]
    assert [repr(row[1]) for row in rows] == [repr(expected) for _, expected in CASES]  # datatype, language, type
    assert all(row[2] is None for row in rows)
    assert rows[0][0] == URIRef("http://example.org/row00") and type(rows[0][0]) is URIRef


def test_the_rows_are_those_of_a_cell_by_cell_conversion():
    store = _store()
    by_cell = [
        tuple(from_oxigraph(cell) for cell in (solution["row"], solution["value"], solution["missing"]))
        for solution in store.query(_ROWS)
    ]
    # the cell-by-cell conversion keeps xsd:string as a datatype; rdflib's own engine, like the TSV, does not
    plain = [
        tuple(Literal(str(term)) if getattr(term, "datatype", None) == XSD.string else term for term in row)
        for row in by_cell
    ]
    assert list(map(repr, solution_rows(store.query(_ROWS)))) == list(map(repr, plain))


def test_a_cell_repeated_in_many_rows_is_one_term():
    rows = solution_rows(_store().query("SELECT ?p ?row WHERE { ?row ?p ?value } ORDER BY ?row"))
    assert len(rows) == len(CASES) + 1
    assert len({id(row[0]) for row in rows}) == 1


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("SELECT ?value WHERE { ?row <http://example.org/nothing> ?value }", ()),
        ("SELECT ?value WHERE { OPTIONAL { ?row <http://example.org/nothing> ?value } }", ((None,),)),
        ("SELECT * WHERE { }", ((),)),
    ],
)
def test_empty_tables_keep_their_shape(query, rows):
    assert solution_rows(_store().query(query)) == rows


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled):
    """Converting pauses the cyclic collector; the caller's setting is what remains, on or off."""
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert len(solution_rows(_store().query(_ROWS))) == len(CASES)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
