"""The completeness check of ``pskg serve``'s front server, on answers Oxigraph's own writers produce."""

from __future__ import annotations

import pyoxigraph
import pytest

from pskg.stores.whole_answer import complete

_EX = "https://example.org/"
#: An error text as Oxigraph ends a failed answer with, its last line a remote body made to look like data.
_ERROR_TAIL = b'Error 500 returned by <https://example.org/sparql> with payload:\n"a","b"\r\n'


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    """A small store whose literals hold what the formats must quote: a comma, a quote, a line break, a tab."""
    store = pyoxigraph.Store()
    for number, text in enumerate(["plain", 'a, "quoted" one', "two\nlines", "tab\there", "crlf\r\nend"]):
        store.add(
            pyoxigraph.Quad(
                pyoxigraph.NamedNode(f"{_EX}s{number}"),
                pyoxigraph.NamedNode(f"{_EX}p"),
                pyoxigraph.Literal(text),
                pyoxigraph.NamedNode(f"{_EX}g"),
            )
        )
    return store


_RDF = [
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "text/n3",
    "application/ld+json",
    "application/rdf+xml",
]
_RESULTS = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]


def _graph(store: pyoxigraph.Store, media: str) -> bytes:
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media)
    assert rdf_format is not None
    if rdf_format.supports_datasets:
        return store.dump(format=rdf_format)
    return store.dump(format=rdf_format, from_graph=pyoxigraph.NamedNode(f"{_EX}g"))


def _results(store: pyoxigraph.Store, media: str, query: str) -> bytes:
    results_format = pyoxigraph.QueryResultsFormat.from_media_type(media)
    assert results_format is not None
    return store.query(query, use_default_graph_as_union=True).serialize(format=results_format)


@pytest.mark.parametrize("media", _RDF)
def test_a_whole_graph_passes_and_a_cut_one_with_an_error_text_does_not(store: pyoxigraph.Store, media: str) -> None:
    whole = _graph(store, media)
    assert complete(media, whole)
    assert complete(f"{media}; charset=utf-8", whole)
    assert not complete(media, whole[: len(whole) * 2 // 3] + _ERROR_TAIL)
    assert not complete(media, whole + _ERROR_TAIL)


@pytest.mark.parametrize("media", _RESULTS)
@pytest.mark.parametrize("query", ["SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s", "SELECT ?o WHERE { ?s ?p ?o }"])
def test_whole_results_pass_and_an_error_text_after_them_does_not(
    store: pyoxigraph.Store, media: str, query: str
) -> None:
    whole = _results(store, media, query)
    assert complete(media, whole)
    assert not complete(media, whole + _ERROR_TAIL)


@pytest.mark.parametrize("media", _RESULTS)
@pytest.mark.parametrize("answer", [True, False])
def test_an_ask_answer_passes(store: pyoxigraph.Store, media: str, answer: bool) -> None:
    query = "ASK { ?s ?p ?o }" if answer else "ASK { ?s ?p 42 }"
    assert complete(media, _results(store, media, query))


@pytest.mark.parametrize(("media", "empty"), [("text/turtle", b""), ("text/csv", b""), ("application/ld+json", b"[]")])
def test_an_empty_answer_passes(media: str, empty: bytes) -> None:
    assert complete(media, empty)


def test_a_csv_row_short_of_the_header_or_ended_by_a_bare_line_break_fails() -> None:
    assert complete("text/csv", b's,o\r\nhttps://example.org/a,"x\ny"\r\n')
    assert not complete("text/csv", b"s,o\r\nhttps://example.org/a\r\n")
    assert not complete("text/csv", b"s\r\nhttps://example.org/a\nError\r\n")


def test_a_type_the_store_does_not_write_is_not_judged() -> None:
    assert complete("text/html", b"<p>cut")
    assert complete("application/octet-stream", b"\x00")
