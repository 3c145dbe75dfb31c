"""The store client's pieces that need no server: parameter terms, endpoint layouts, credentials, chunks."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF

from pskg.errors import ParameterError, PskgError
from pskg.progress import ProgressBar
from pskg.queries.binding import prepared_text, substitute
from pskg.queries.catalogue import find_query
from pskg.stores.client import Credentials, credentials_from_environment
from pskg.stores.endpoints import guess_kind, store_client
from pskg.stores.upload import chunks

QUERY = """SELECT ?x WHERE {
  ?x <http://example.org/p?q=1#f> "?_year_integer # not a comment" .  # ?_year_integer in a comment
  FILTER (?x <= ?_year_integer && $_year_integer > 0)
  ?x ?p ?_year_integerLonger .
}"""


def test_substitution_replaces_only_the_variable_tokens() -> None:
    text = substitute(QUERY, {Variable("_year_integer"): Literal(2019)})
    assert text.count('"2019"^^<http://www.w3.org/2001/XMLSchema#integer>') == 2
    assert '"?_year_integer # not a comment"' in text
    assert "# ?_year_integer in a comment" in text
    assert "?_year_integerLonger" in text


def test_a_string_value_stays_one_literal() -> None:
    attack = 'x" } ; DROP ALL ; SELECT * { "'
    text = substitute("SELECT * WHERE { ?s ?p ?_name_string }", {Variable("_name_string"): Literal(attack)})
    parsed = Graph().query(text)  # one valid query, the value inside one literal
    assert list(parsed) == []
    assert Literal(attack).n3() in text


def test_an_iri_with_forbidden_characters_is_refused() -> None:
    with pytest.raises(PskgError, match="not a valid IRI"):
        substitute("SELECT * WHERE { ?s ?p ?_o_iri }", {Variable("_o_iri"): URIRef("http://a> } DROP ALL {<b")})


def test_prepared_text_resolves_names_and_checks_types(knowledge) -> None:
    graph = knowledge.asserted
    text = prepared_text(find_query("members-in-year"), {"org": "OTSC", "year": "1999"}, graph)
    assert "<https://w3id.org/postsoviet-security/id/CSTO>" in text and "?_org_iri" not in text.split("PREFIX")[-1]
    with pytest.raises(ParameterError):
        prepared_text(find_query("members-in-year"), {"year": "1999; DROP"}, graph)


@pytest.mark.parametrize(
    ("url", "kind", "update", "gsp"),
    [
        ("http://h:8890/sparql", "virtuoso", "http://h:8890/sparql-auth", "http://h:8890/sparql-graph-crud-auth"),
        ("http://h:7878/query", "oxigraph", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:3030/ds/sparql", "fuseki", "http://h:3030/ds/update", "http://h:3030/ds/data"),
        (
            "http://h:7200/repositories/kg",
            "graphdb",
            "http://h:7200/repositories/kg/statements",
            "http://h:7200/repositories/kg/rdf-graphs/service",
        ),
        ("http://h/api/v1/endpoint", "generic", "http://h/api/v1/endpoint", None),
    ],
)
def test_endpoints_follow_from_the_query_url(url: str, kind: str, update: str, gsp: str | None) -> None:
    assert guess_kind(url) == kind
    client = store_client(url)
    assert (client.update_url, client.gsp_url) == (update, gsp)


def test_explicit_endpoints_win() -> None:
    client = store_client("http://h/sparql", kind="generic", update_url="http://h/u", gsp_url="http://h/g")
    assert (client.update_url, client.gsp_url) == ("http://h/u", "http://h/g")


def test_credentials_only_from_the_environment() -> None:
    assert credentials_from_environment({}) is None
    found = credentials_from_environment({"PSKG_STORE_USER": "u", "PSKG_STORE_PASSWORD": "secret"})
    assert found == Credentials("u", "secret") and "secret" not in repr(found)
    with pytest.raises(PskgError, match="PSKG_STORE_USER") as error:
        store_client("http://u:secret@h/sparql")
    assert "secret" not in str(error.value)


def test_blank_node_triples_travel_together() -> None:
    graph = Graph()
    for index in range(25):
        graph.add((URIRef(f"urn:s{index}"), RDF.value, Literal(index)))
    node = BNode()
    graph.add((URIRef("urn:list"), RDF.first, node))
    graph.add((node, RDF.rest, RDF.nil))
    pieces = list(chunks(graph, size=10))
    assert sum(len(piece) for piece in pieces) == len(graph)
    assert all(len(piece) <= 10 for piece in pieces)
    assert next(piece for piece in pieces if (node, RDF.rest, RDF.nil) in piece).value(URIRef("urn:list"), RDF.first)


def test_progress_bar_without_a_terminal_prints_a_few_lines() -> None:
    stream = io.StringIO()
    bar = ProgressBar(100, "triples", stream=stream)
    for _ in range(100):
        bar.advance(1)
    lines = stream.getvalue().splitlines()
    assert lines[-1].strip() == "100% 100/100 triples" and len(lines) <= 5


def test_integer_parameters_are_typed() -> None:
    text = substitute("ASK { FILTER(?_y_integer = 1) }", {Variable("_y_integer"): Literal(7)})
    assert text == 'ASK { FILTER("7"^^<http://www.w3.org/2001/XMLSchema#integer> = 1) }'
