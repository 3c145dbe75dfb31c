"""Every saved query gives the same rows on rdflib, pyoxigraph, the Oxigraph server and Virtuoso 7.

The two servers are started here on 127.0.0.1 and filled with ``pskg load``, as a
user would; the cases are every file in queries/ with its defaults plus every
parameter case of test_queries. Rows are compared term by term, in order. The only
normalisation is RDF 1.1's own: a simple literal *is* an ``xsd:string`` literal, and
language tags are case-insensitive. A difference is fixed in the query or the data.
"""

from __future__ import annotations

import datetime
import pprint
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from pskg import cli
from pskg.errors import EndpointError
from pskg.queries.catalogue import QueryResult, SavedQuery, find_query, run_query
from pskg.release.dataset import GRAPH_IRIS, graph_iri
from pskg.release.formats import ENRICHMENT, NQUADS, read_release_graphs
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import RDFS, WD
from pskg.stores.client import PASSWORD_VARIABLE, USER_VARIABLE, Credentials, StoreClient
from pskg.stores.embedded import oxigraph_store, run_on_oxigraph
from pskg.stores.endpoints import store_client
from pskg.stores.remote import run_remote_query
from pskg.stores.serve import free_port, start_oxigraph
from pskg.stores.upload import STAGING_PREFIX, LoadFailed, load_graphs
from pskg.wikidata.enrich import Enrichment, graph_name, write_enrichment
from tests.queries.test_queries import PARAMETER_CASES, QUERY_FILES
from tests.support.store_servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, virtuoso_server

DATASET_GRAPHS = [str(iri) for iri in GRAPH_IRIS]
VIRTUOSO_CREDENTIALS = Credentials(VIRTUOSO_USER, VIRTUOSO_PASSWORD)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CASES = [(path.stem, {}) for path in QUERY_FILES] + [(name, values) for name, values, _ in PARAMETER_CASES]
CASE_IDS = [f"{name}-{'-'.join(values.values()) or 'defaults'}" for name, values in CASES]


def _load(url: str, release: Path, *extra: str) -> None:
    assert cli.main(["load", "--endpoint", url, "--dist", str(release), *extra]) == 0


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Iterator[str]:
    """An Oxigraph server (read-write, empty) filled with ``pskg load``."""
    folder = tmp_path_factory.mktemp("oxigraph")
    server = start_oxigraph(folder / "store", free_port(), writable=True, log=folder / "server.log")
    try:
        _load(server.query_url, release)
        yield server.query_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Iterator[str]:
    """A Virtuoso 7 server (empty database) filled with ``pskg load``, credentials from the environment."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv(USER_VARIABLE, VIRTUOSO_USER)
        patch.setenv(PASSWORD_VARIABLE, VIRTUOSO_PASSWORD)
        _load(url, release)
        patch.undo()
        yield url


@pytest.fixture(scope="session")
def engines(
    knowledge: KnowledgeGraph, release: Path, oxigraph_url: str, virtuoso_url: str
) -> dict[str, Callable[[SavedQuery, dict[str, str]], QueryResult]]:
    """Engine name -> how to run a saved query with parameter values on it."""
    graph = knowledge.union()
    store = oxigraph_store((release / NQUADS).read_bytes())
    oxigraph = store_client(oxigraph_url)
    virtuoso = store_client(virtuoso_url, credentials=VIRTUOSO_CREDENTIALS)
    return {
        "rdflib": lambda query, values: run_query(graph, query, values),
        "pyoxigraph": lambda query, values: run_on_oxigraph(store, query, values, graph),
        "oxigraph-server": lambda query, values: run_remote_query(oxigraph, query, values, DATASET_GRAPHS, graph),
        "virtuoso": lambda query, values: run_remote_query(virtuoso, query, values, DATASET_GRAPHS, graph),
    }


def normalise(result: QueryResult) -> tuple[tuple[str, ...], list[tuple]]:
    """Columns and rows of comparable terms (see the module docstring for the normalisation)."""
    return result.variables, [tuple(_term(cell) for cell in row) for row in result.rows]


def _term(node: Node | None) -> tuple | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return ("iri", str(node))
    if isinstance(node, BNode):
        return ("blank",)  # labels are the store's own
    if isinstance(node, Literal) and node.language:
        return ("literal", str(node), "@" + node.language.lower())
    datatype = node.datatype if isinstance(node, Literal) and node.datatype else XSD_STRING
    return ("literal", str(node), str(datatype))


@pytest.mark.parametrize(("name", "values"), CASES, ids=CASE_IDS)
def test_same_rows_on_every_engine(engines, name: str, values: dict[str, str]) -> None:
    query = find_query(name)
    reference = normalise(engines["rdflib"](query, values))
    differences = {}
    for engine, run in engines.items():
        columns, rows = normalise(run(query, values))
        if (columns, rows) != reference:
            differing = [(i, a, b) for i, (a, b) in enumerate(zip(reference[1], rows, strict=False)) if a != b][:3]
            differences[engine] = {"columns": columns, "rows": len(rows), "first differences": differing}
    if differences:
        pytest.fail(
            f"{name} {values}: rdflib gives {len(reference[1])} rows {reference[0]}; the others differ:\n"
            + pprint.pformat(differences, width=110)
        )


def test_every_saved_query_is_a_case() -> None:
    assert {path.stem for path in QUERY_FILES} <= {name for name, _ in CASES}


def _staging_graphs(client: StoreClient) -> list[str]:
    result = client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return [str(row[0]) for row in result.rows if str(row[0]).startswith(STAGING_PREFIX)]


def _clients(request: pytest.FixtureRequest, engine: str) -> StoreClient:
    if engine == "virtuoso":
        return store_client(request.getfixturevalue("virtuoso_url"), credentials=VIRTUOSO_CREDENTIALS)
    return store_client(request.getfixturevalue("oxigraph_url"))


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_loading_twice_leaves_the_same_triples(request, engine: str, release: Path, monkeypatch) -> None:
    client = _clients(request, engine)
    expected = {iri: len(graph) for iri, graph in read_release_graphs(release).items()}
    monkeypatch.setenv(USER_VARIABLE, VIRTUOSO_USER)
    monkeypatch.setenv(PASSWORD_VARIABLE, VIRTUOSO_PASSWORD)
    _load(client.query_url, release)
    assert {iri: client.count(iri) for iri in expected} == expected
    assert _staging_graphs(client) == []


def _fail_third_transfer(monkeypatch) -> list[str]:
    """The third Graph Store request fails, as a dropped connection would: midway through staging."""
    sent: list[str] = []
    original = StoreClient.put_graph

    def fail_midway(self: StoreClient, graph_iri: str, data: bytes, append: bool = False) -> None:
        sent.append(graph_iri)
        if len(sent) == 3:
            raise EndpointError("simulated: connection reset by peer")
        original(self, graph_iri, data, append)

    monkeypatch.setattr(StoreClient, "put_graph", fail_midway)
    return sent


def _fail_the_switch(monkeypatch) -> list[str]:
    """The final MOVE request is refused, after every graph was staged."""
    sent: list[str] = []
    original = StoreClient.update

    def refuse_move(self: StoreClient, text: str) -> None:
        if text.startswith("MOVE"):
            sent.append(text)
            raise EndpointError("simulated: HTTP 503 Service Unavailable")
        original(self, text)

    monkeypatch.setattr(StoreClient, "update", refuse_move)
    return sent


@pytest.mark.parametrize("failure", [_fail_third_transfer, _fail_the_switch], ids=["staging", "switch"])
@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_a_failed_load_leaves_the_store_as_it_was(request, engine: str, failure, release: Path, monkeypatch) -> None:
    client = _clients(request, engine)
    members = find_query("members-in-year")
    before = ({iri: client.count(iri) for iri in DATASET_GRAPHS}, run_remote_query(client, members, {}, DATASET_GRAPHS))
    graphs = read_release_graphs(release)
    damaged = {iri: _first_half(graph) for iri, graph in graphs.items()}  # were it applied, counts would change
    sent = failure(monkeypatch)
    with pytest.raises(LoadFailed, match="the store is unchanged"):
        load_graphs(client, damaged)
    monkeypatch.undo()
    assert sent, "the simulated failure happened"
    after = ({iri: client.count(iri) for iri in DATASET_GRAPHS}, run_remote_query(client, members, {}, DATASET_GRAPHS))
    assert after == before
    assert _staging_graphs(client) == []


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_a_graph_that_became_empty_is_emptied(request, engine: str) -> None:
    client = _clients(request, engine)
    target = "urn:example:shrinking-graph"
    triple = Graph()
    triple.add((URIRef("urn:example:s"), URIRef("urn:example:p"), Literal("o")))
    assert load_graphs(client, {target: triple}).counts == {target: 1}
    assert load_graphs(client, {target: Graph()}).counts == {target: 0}


def _first_half(graph: Graph) -> Graph:
    half = Graph()
    for index, triple in enumerate(sorted(graph)):
        if index % 2 == 0:
            half.add(triple)
    return half


def test_load_by_sparql_update_into_one_graph(oxigraph_url: str, release: Path, capsys) -> None:
    """A store without the Graph Store Protocol: INSERT DATA, then the query runs on that one graph."""
    single = "urn:example:postsoviet-security"
    update = oxigraph_url.replace("/query", "/update")
    _load(oxigraph_url, release, "--store", "generic", "--update-endpoint", update, "--graph", single)
    assert "by update" in capsys.readouterr().out
    client = store_client(oxigraph_url)
    try:
        assert client.count(single) == sum(len(g) for g in read_release_graphs(release).values())
        remote = ["--endpoint", oxigraph_url, "--graph", single]
        assert _cli_output("query", "members-in-year", "-p", "org=SCO", "-f", "csv", *remote, capsys=capsys) == (
            _cli_output("query", "members-in-year", "-p", "org=SCO", "-f", "csv", capsys=capsys)
        )
    finally:
        client.update(f"DROP SILENT GRAPH <{single}>")


def _cli_output(*args: str, capsys) -> str:
    assert cli.main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_endpoint_prints_what_the_local_query_prints(virtuoso_url: str, fmt: str, capsys) -> None:
    args = ("query", "left-in-year", "-p", "org=OTSC", "-p", "year=1999", "-f", fmt)
    assert _cli_output(*args, "--endpoint", virtuoso_url, capsys=capsys) == _cli_output(*args, capsys=capsys)


def test_credentials_come_from_the_environment_and_are_never_printed(
    virtuoso_url: str, release: Path, monkeypatch, capsys
) -> None:
    secret = "not-the-password-4711"
    monkeypatch.setenv(USER_VARIABLE, VIRTUOSO_USER)
    monkeypatch.setenv(PASSWORD_VARIABLE, secret)
    assert cli.main(["load", "--endpoint", virtuoso_url, "--dist", str(release)]) == 3
    captured = capsys.readouterr()
    assert "401" in captured.err and secret not in captured.out + captured.err
    with_userinfo = virtuoso_url.replace("http://", f"http://dba:{secret}@")
    assert cli.main(["load", "--endpoint", with_userinfo, "--dist", str(release)]) == 2
    captured = capsys.readouterr()
    assert USER_VARIABLE in captured.err and secret not in captured.out + captured.err
    assert secret not in repr(Credentials(VIRTUOSO_USER, secret))


def test_virtuoso_answers_without_credentials_for_queries(virtuoso_url: str) -> None:
    """Reading needs no account; only loading does."""
    assert store_client(virtuoso_url).count(DATASET_GRAPHS[0]) > 0


def test_load_with_the_wikidata_enrichment(oxigraph_url: str, release: Path, tmp_path: Path, capsys) -> None:
    """``pskg link enrich``'s per-item graphs go in beside the release; its provenance into the wikidata graph."""
    dist = tmp_path / "dist"
    shutil.copytree(release, dist)
    armenia = WD.Q399
    triples = {
        (armenia, RDFS.label, Literal("Հայաստան", lang="hy")),
        (armenia, RDFS.label, Literal("Armenia", lang="en")),
    }
    write_enrichment(
        Enrichment({armenia: triples}, "https://query.wikidata.org/sparql", datetime.date(2026, 1, 2)),
        dist / ENRICHMENT,
    )
    item_graph, wikidata_graph = str(graph_name(armenia)), str(graph_iri("wikidata"))
    client = store_client(oxigraph_url)
    try:
        _load(oxigraph_url, dist, "--with-enrichment")
        assert client.count(item_graph) == 2
        assert client.count(wikidata_graph) == 4, (
            "where (source, derived from), when and what it is, for the item graph"
        )
        assert item_graph in capsys.readouterr().out
    finally:
        _load(oxigraph_url, release)
        client.update(f"DROP SILENT GRAPH <{item_graph}>")
    assert client.count(wikidata_graph) == 0
