"""Property-based tests (Hypothesis): generated graphs, one-fault mutations, hostile parameters."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from pskg.engines.reference.validate import validate
from pskg.errors import ParameterError
from pskg.queries.catalogue import find_query, parse_value
from pskg.sources.namespaces import ID, ORG, PSS, bind_prefixes, new_graph
from pskg.sources.parse import SourceGraph
from pskg.sources.shapes import load_shapes
from tests.conftest import REPO

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ONTOLOGY = REPO / "ontology" / "pss.ttl"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = new_graph()
    graph.parse(ONTOLOGY)
    return graph


iso_codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàç ’", min_size=3, max_size=40).map(str.strip).filter(bool)


@st.composite
def periods(draw) -> tuple[int, int | None]:
    start = draw(st.integers(1900, 2030))
    end = draw(st.one_of(st.none(), st.integers(start, 2030)))
    return start, end


@st.composite
def valid_graphs(draw) -> Graph:
    """A small graph in the project's model that satisfies every shape."""
    graph = new_graph()
    article = ID["TEST-article"]
    graph.add((article, RDF.type, PSS.SourceDocument))
    graph.add((article, DCTERMS.title, Literal("Article de test", lang="fr")))
    graph.add((article, DCTERMS.creator, Literal("Test")))
    graph.add((article, DCTERMS.language, Literal("fr")))
    _labels(graph, article, draw(words))
    organisation = ID["TEST-ORG"]
    graph.add((organisation, RDF.type, PSS.MilitaryAlliance))
    _labels(graph, organisation, draw(words))
    for index, iso in enumerate(draw(st.lists(iso_codes, min_size=1, max_size=4, unique=True))):
        state = ID[iso]
        graph.add((state, RDF.type, PSS.State))
        graph.add((state, PSS.isoAlpha3, Literal(iso)))
        _labels(graph, state, draw(words))
        passage = ID[f"TEST-passage-{index}"]
        graph.add((passage, RDF.type, PSS.SourcePassage))
        graph.add((passage, DCTERMS.source, article))
        graph.add((passage, PSS.page, Literal(draw(st.integers(1, 9)), datatype=XSD.integer)))
        graph.add((passage, PSS.locator, Literal(f"Page {index}")))
        graph.add((passage, PSS.quote, Literal(draw(words), lang="fr")))
        _labels(graph, passage, draw(words))
        start, end = draw(periods())
        membership = ID[f"TEST-membership-{iso}"]
        graph.add((membership, RDF.type, PSS.Membership))
        graph.add((membership, ORG.member, state))
        graph.add((membership, ORG.organization, organisation))
        graph.add((membership, ORG.role, draw(st.sampled_from([PSS.FullMember, PSS.Observer, PSS.Partner]))))
        graph.add((membership, PSS.startYear, Literal(start, datatype=XSD.integer)))
        if end is not None:
            graph.add((membership, PSS.endYear, Literal(end, datatype=XSD.integer)))
        graph.add((membership, PROV.wasDerivedFrom, passage))
        _labels(graph, membership, draw(words))
    return graph


def _labels(graph: Graph, node: URIRef, text: str) -> None:
    graph.add((node, RDFS.label, Literal(text, lang="fr")))
    graph.add((node, RDFS.label, Literal(text.upper(), lang="en")))


def _sources(ontology: Graph, data: Graph) -> SourceGraph:
    sources = SourceGraph()
    sources.graph += ontology
    sources.graph += data
    return sources


@SETTINGS
@given(data=valid_graphs())
def test_generated_valid_graphs_validate(data, shapes, ontology):
    report = validate(_sources(ontology, data), shapes)
    assert report.conforms, [v.describe() for v in report.violations]


@SETTINGS
@given(data=valid_graphs())
def test_generated_graphs_round_trip_unchanged(data):
    for fmt in ("turtle", "nt", "json-ld"):
        again = Graph().parse(data=data.serialize(format=fmt), format=fmt)
        assert isomorphic(data, again), fmt
    dataset = Dataset()
    bind_prefixes(dataset)
    named = dataset.graph(ID["TEST-graph"])
    for triple in data:
        named.add(triple)
    back = Dataset().parse(data=dataset.serialize(format="trig"), format="trig")
    assert isomorphic(data, back.graph(ID["TEST-graph"]))


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def _set(graph: Graph, node: URIRef, predicate: URIRef, value) -> None:
    graph.remove((node, predicate, None))
    if value is not None:
        graph.add((node, predicate, value))


MUTATIONS = {
    "pssh:Membership-startYear": lambda g: _set(
        g, _first(g, PSS.Membership), PSS.startYear, Literal(3000, datatype=XSD.integer)
    ),
    "pssh:Membership-yearOrder": lambda g: (
        _set(g, _first(g, PSS.Membership), PSS.startYear, Literal(2000, datatype=XSD.integer)),
        _set(g, _first(g, PSS.Membership), PSS.endYear, Literal(1999, datatype=XSD.integer)),
    ),
    "pssh:Membership-role": lambda g: _set(g, _first(g, PSS.Membership), ORG.role, PSS.Nobody),
    "pssh:SourcePassage-page": lambda g: _set(
        g, _first(g, PSS.SourcePassage), PSS.page, Literal(0, datatype=XSD.integer)
    ),
    "pssh:SourcePassage-quote": lambda g: _set(g, _first(g, PSS.SourcePassage), PSS.quote, None),
    "pssh:State-isoAlpha3": lambda g: _set(g, _first(g, PSS.State), PSS.isoAlpha3, Literal("arm")),
    "pssh:Fact-wasDerivedFrom": lambda g: _set(g, _first(g, PSS.Membership), PROV.wasDerivedFrom, None),
}


@SETTINGS
@given(data=valid_graphs(), shape=st.sampled_from(sorted(MUTATIONS)))
def test_one_fault_mutations_are_rejected_by_the_right_shape(data, shape, shapes, ontology):
    MUTATIONS[shape](data)
    report = validate(_sources(ontology, data), shapes)
    assert not report.conforms
    assert shape in {v.shape for v in report.violations}


@pytest.fixture(scope="module")
def query_graph(knowledge) -> Graph:
    return knowledge.union()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60))
def test_random_parameter_strings_are_values_or_refused(text, query_graph):
    query = find_query("members-in-year")
    year, org = (next(p for p in query.parameters if p.name == name) for name in ("year", "org"))
    for parameter in (year, org):
        try:
            value = parse_value(query_graph, parameter, text)
        except ParameterError:
            continue
        if parameter is year:
            assert isinstance(value, Literal) and value.datatype == XSD.integer
        else:
            assert isinstance(value, URIRef) and (value, RDF.type, None) in query_graph


def test_fuzz_run_finds_nothing():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "fuzz.py"), "--seconds", "8", "--seed", "2026"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
