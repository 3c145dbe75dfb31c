"""``pskg link check|compare|enrich`` over HTTP against a real SPARQL server holding a Wikidata-shaped fixture."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from pskg.cli import main
from pskg.errors import EXIT_INVALID, EXIT_OK
from pskg.queries.catalogue import parse_saved_query, run_query
from pskg.sources.namespaces import ID, PSS, WD, WDT, new_graph
from pskg.sources.parse import load_sources
from pskg.wikidata.client import DEFAULT_ENDPOINT, SparqlClient
from pskg.wikidata.compare import AGREE, DIFFER, ONLY_ARTICLE, ONLY_WIKIDATA, compare_memberships, wikidata_year
from pskg.wikidata.link import FAILED, OK, WARNING, check_links, normalise_label
from pskg.wikidata.terms import ACCEPTED_CLASSES
from tests.conftest import REPO
from tests.support.wikidata_support import FIXTURE, oxigraph_server

FEDERATED = REPO / "queries" / "federated" / "wikidata-members.rq"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> str:
    """A read-only Oxigraph server on 127.0.0.1 loaded with the fixture; its query URL."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "store") as url:
        yield url


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def sources() -> Graph:
    return load_sources().graph


def fixture_entities() -> set[URIRef]:
    fixture = Graph()
    fixture.parse(FIXTURE, format="turtle")
    return {s for s in fixture.subjects() if isinstance(s, URIRef)}


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- pskg link check -------------------------------------------------------------------------


def test_check_reports_every_link_and_fails_only_on_real_problems(capsys, endpoint):
    status, out, _ = run(capsys, "link", "check", "--endpoint", endpoint, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    by_resource = {row["resource"]: row for row in rows if row["resource"]}
    assert by_resource[str(ID.ARM)]["status"] == OK
    assert by_resource[str(ID.ARM)]["detail"] == "label matches (fr); type fits (sovereign state)"
    assert by_resource[str(ID.NATO)]["status"] == OK  # fr label differs only by its apostrophe
    assert by_resource[str(ID.CSTO)]["kind"] == "organisation"
    assert "alias matches (fr): 'Chine'" in by_resource[str(ID.CHN)]["detail"]
    known = fixture_entities()
    for row in rows:
        if row["kind"] == "vocabulary":
            assert row["status"] == OK, row
        elif URIRef(row["wikidata"]) not in known:
            assert row["status"] == FAILED and "no such entity" in row["detail"], row
    assert status == (EXIT_INVALID if any(row["status"] == FAILED for row in rows) else EXIT_OK)


def test_check_table_ends_with_a_summary(capsys, endpoint):
    _, out, _ = run(capsys, "link", "check", "--endpoint", endpoint)
    assert out.splitlines()[0].split() == ["resource", "wikidata", "match", "kind", "status", "detail"]
    assert "id:ARM" in out and "wd:Q399" in out
    assert "properties pskg uses: 10 ok, 0 warning, 0 failed" in out.splitlines()[-1]


def _graph(*links: tuple[str, type, URIRef, URIRef, dict[str, str]]) -> Graph:
    graph = new_graph()
    graph.add((PSS.State, RDFS.subClassOf, PSS.Thing))
    for local, cls, relation, entity, labels in links:
        graph.add((ID[local], RDF.type, cls))
        graph.add((ID[local], relation, entity))
        for lang, text in labels.items():
            graph.add((ID[local], RDFS.label, Literal(text, lang=lang)))
    return graph


def test_check_finds_redirects_missing_items_wrong_types_and_wrong_labels(endpoint):
    graph = _graph(
        ("redirected", PSS.State, SKOS.exactMatch, WD.Q90000090, {"en": "Armenia"}),
        ("missing", PSS.State, SKOS.exactMatch, WD.Q90000099, {"en": "Nowhere"}),
        ("capital-as-state", PSS.State, SKOS.exactMatch, WD.Q90000101, {"en": "Yerevan"}),
        ("wrong-label", PSS.State, SKOS.exactMatch, WD.Q227, {"en": "Armenia", "fr": "Arménie"}),
        ("close-label", PSS.Organisation, SKOS.closeMatch, WD.Q318693, {"en": "Collective Security Treaty"}),
        ("war", PSS.Conflict, SKOS.exactMatch, WD.Q620735, {"en": "Russo-Georgian War (2008)"}),
        ("state-as-war", PSS.Conflict, SKOS.exactMatch, WD.Q399, {"en": "Armenia"}),
    )
    rows = {str(r.resource).removeprefix(str(ID)): r for r in check_links(graph, SparqlClient(endpoint, cache=None))}
    assert rows["redirected"].status == FAILED and rows["redirected"].detail.startswith("redirect to wd:Q399")
    assert rows["missing"].status == FAILED and "no such entity" in rows["missing"].detail
    assert rows["capital-as-state"].status == FAILED
    assert "instance of capital city" in rows["capital-as-state"].detail
    assert rows["wrong-label"].status == FAILED and "labels differ" in rows["wrong-label"].detail
    assert "'Azerbaijan'@en" in rows["wrong-label"].detail
    assert rows["close-label"].status == WARNING
    assert rows["war"].status == OK and "type fits (war)" in rows["war"].detail
    assert rows["state-as-war"].status == FAILED and "wrong type for a conflict" in rows["state-as-war"].detail


def test_accepted_classes_are_configurable(capsys, endpoint, tmp_path, monkeypatch):
    graph = _graph(("capital", PSS.State, SKOS.exactMatch, WD.Q90000101, {"en": "Yerevan"}))
    client = SparqlClient(endpoint, cache=None)
    (default,) = [r for r in check_links(graph, client) if r.kind == "state"]
    accepted = {**ACCEPTED_CLASSES, "state": ACCEPTED_CLASSES["state"] | {"city"}}
    (widened,) = [r for r in check_links(graph, client, accepted) if r.kind == "state"]
    assert (default.status, widened.status) == (FAILED, OK)
    assert widened.detail.endswith("type fits (city)")
    status, _, err = run(capsys, "link", "check", "--endpoint", endpoint, "--accept", "nonsense")
    assert status == 2 and "KIND=LABEL" in err


def test_label_normalisation():
    assert normalise_label("Organisation du traité de l’Atlantique nord") == normalise_label(
        "Organisation du traité de l'Atlantique Nord"
    )
    assert normalise_label("Donetsk “People's Republic”") == normalise_label("Donetsk People's Republic")
    assert normalise_label("War in Donbas (since 2014)") == normalise_label("War in Donbas")
    assert normalise_label("Bélarus") != normalise_label("Biélorussie")


# --- pskg link compare -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def comparison(endpoint, sources):
    return compare_memberships(sources, SparqlClient(endpoint, cache=None))


def _rows(comparison, state: str, organisation: str):
    return [r for r in comparison.rows if r.pair == (ID[state], ID[organisation])]


@pytest.mark.parametrize("state", ["EST", "LVA", "LTU"])
def test_baltic_nato_year_preferred_claim_agrees_and_deprecated_table_claim_differs(comparison, state):
    rows = _rows(comparison, state, "NATO")
    preferred = [r for r in rows if r.article and r.article.rank == PSS.PreferredRank and not r.wikidata.deprecated]
    deprecated = [r for r in rows if r.article and r.article.rank == PSS.DeprecatedRank]
    assert [(r.status, r.article.start, r.wikidata.start) for r in preferred] == [(AGREE, 2004, 2004)]
    assert [(r.status, r.article.start, r.wikidata.start) for r in deprecated] == [(DIFFER, 1999, 2004)]


def test_compare_shows_each_kind_of_result(comparison):
    (belarus_csto,) = _rows(comparison, "BLR", "CSTO")
    assert (belarus_csto.status, belarus_csto.article.start, belarus_csto.wikidata.start) == (DIFFER, 1992, 1993)
    assert [r.status for r in _rows(comparison, "UZB", "CSTO")] == [AGREE, AGREE]
    assert [r.status for r in _rows(comparison, "TKM", "OSCE")] == [ONLY_ARTICLE]
    (observer,) = _rows(comparison, "BLR", "SCO")
    assert (observer.status, observer.wikidata.role, observer.wikidata.start) == (ONLY_WIKIDATA, PSS.Observer, 2015)
    (serbia,) = _rows(comparison, "SRB", "CSTO")
    assert (serbia.status, serbia.wikidata.role) == (AGREE, PSS.Observer)
    (turkmenistan,) = _rows(comparison, "TKM", "CIS")
    assert (turkmenistan.status, turkmenistan.wikidata.role) == (DIFFER, PSS.AssociateMember)
    (russia_osce,) = _rows(comparison, "RUS", "OSCE")
    assert (russia_osce.status, russia_osce.wikidata.start) == (DIFFER, None)
    lithuania_deprecated = [r for r in _rows(comparison, "LTU", "NATO") if r.wikidata.deprecated]
    assert [(r.wikidata.start, r.article.start) for r in lithuania_deprecated] == [(2002, 2004)]
    assert all(ID[x] not in {r.pair[1] for r in comparison.rows} for x in ("PfP", "DCBI"))
    assert ID["membership-ARM-PfP-1994"] in comparison.not_compared


def test_compare_table(capsys, endpoint):
    status, out, _ = run(capsys, "link", "compare", "--endpoint", endpoint)
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split() == ["state", "organisation", "role", "article", "wikidata", "status", "note"]
    estonia = [line.split(None, 6) for line in lines if line.startswith("id:EST  ") and "id:NATO" in line]
    assert [*estonia[0][3:6], estonia[0][6].split()[0]] == ["2004–", "(preferred)", "2004–", "agree"]
    assert "start 1999 ≠ 2004; deprecated in article" in out
    assert "memberships not compared: no Wikidata link for DCBI, PfP" in out


def test_compare_csv_and_json(capsys, endpoint):
    _, out, err = run(capsys, "link", "compare", "--endpoint", endpoint, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    deprecated = [r for r in rows if r["articleSource"] == str(ID["membership-EST-NATO-1999"])]
    assert [(r["status"], r["articleStart"], r["wikidataStart"], r["articleRank"]) for r in deprecated] == [
        (DIFFER, "1999", "2004", str(PSS.DeprecatedRank))
    ]
    assert "rows:" in err  # the summary stays out of the CSV
    _, out, _ = run(capsys, "link", "compare", "--endpoint", endpoint, "--format", "json")
    document = json.loads(out)
    assert "wikidataSource" in document["head"]["vars"]
    statuses = {b["status"]["value"] for b in document["results"]["bindings"]}
    assert statuses == {AGREE, DIFFER, ONLY_ARTICLE, ONLY_WIKIDATA}


def test_wikidata_time_values_become_years():
    assert wikidata_year(Literal("2004-03-29T00:00:00Z")) == 2004
    assert wikidata_year(Literal("-0500-01-01T00:00:00Z")) == -500
    assert wikidata_year(Literal("+1992-01-01T00:00:00Z")) == 1992
    assert wikidata_year(URIRef("http://example.org/unknown")) is None


# --- pskg link enrich ------------------------------------------------------------------------


def test_enrich_writes_traceable_named_graphs_apart_from_the_article(capsys, endpoint, tmp_path):
    output = tmp_path / "enrichment.trig"
    args = ["link", "enrich", "--endpoint", endpoint, "--output", str(output), "--retrieved", "2026-01-02"]
    status, out, _ = run(capsys, *args)
    assert status == EXIT_OK and out.startswith(f"wrote {output}:")
    first = output.read_bytes()
    assert run(capsys, *args)[0] == EXIT_OK  # from the cache
    assert output.read_bytes() == first
    assert run(capsys, *args, "--no-cache")[0] == EXIT_OK  # from the endpoint again
    assert output.read_bytes() == first

    dataset = Dataset()
    dataset.parse(data=first.decode("utf-8"), format="trig")
    metadata = dataset.default_context
    named = {g.identifier: g for g in dataset.contexts() if g.identifier != metadata.identifier and len(g)}
    assert named
    for name, graph in named.items():
        item = metadata.value(name, PROV.wasDerivedFrom)
        assert name == ID[f"wikidata-{str(item).removeprefix(str(WD))}"]
        assert metadata.value(name, DCTERMS.issued) == Literal(datetime.date(2026, 1, 2))
        assert metadata.value(name, DCTERMS.source) == URIRef(endpoint)
        assert set(graph.subjects()) == {item}, "each graph holds only what Wikidata says about its item"
    armenia = named[ID["wikidata-Q399"]]
    assert (WD.Q399, RDFS.label, Literal("Армения", lang="ru")) in armenia
    assert (WD.Q399, RDFS.label, Literal("Հայաստան", lang="hy")) in armenia
    capital = armenia.value(WD.Q399, WDT.P36)
    assert (capital, RDFS.label, Literal("Ереван", lang="ru")) in named[ID[f"wikidata-{capital.split('/')[-1]}"]]
    assert (WD.Q142, WDT.P463, WD.Q7184) in named[ID["wikidata-Q142"]]  # another NATO member
    assert any(p == WDT.P571 for p in named[ID["wikidata-Q7184"]].predicates())
    assert not any(str(s).startswith(str(ID)) for g in named.values() for s in g.subjects())


def test_enrich_rejects_a_bad_date(capsys, endpoint):
    with pytest.raises(SystemExit):
        main(["link", "enrich", "--endpoint", endpoint, "--retrieved", "yesterday"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


# --- the federated saved query ---------------------------------------------------------------


def test_federated_query_is_kept_out_of_the_offline_saved_queries():
    assert FEDERATED.is_file()
    assert FEDERATED not in sorted((REPO / "queries").glob("*.rq"))
    text = FEDERATED.read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text
    assert text.startswith("#+ summary:")


def test_federated_query_joins_our_graph_with_the_endpoint(endpoint, sources):
    query = parse_saved_query(FEDERATED)
    local = dataclasses.replace(query, text=query.text.replace("https://query.wikidata.org/sparql", endpoint))
    result = run_query(sources, local)
    rows = {(r[0], r[1], r[2], r[4]) for r in result.rows}
    assert (ID.EST, ID.NATO, Literal(1999), Literal(2004)) in rows
    assert (ID.EST, ID.NATO, Literal(2004), Literal(2004)) in rows
    assert (ID.BLR, ID.CSTO, Literal(1992), Literal(1993)) in rows


def test_link_without_subcommand_prints_help(capsys):
    assert main(["link"]) == 2
    assert "check" in capsys.readouterr().out


def test_fixture_says_it_is_not_a_source_of_facts():
    header = Path(FIXTURE).read_text(encoding="utf-8").splitlines()[0]
    assert "TEST FIXTURE" in header and "NOT a source of facts" in header


def test_readme_documents_the_default_endpoint_and_the_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert DEFAULT_ENDPOINT == "https://query.wikidata.org/sparql"
    assert f"`{DEFAULT_ENDPOINT}` by default" in readme
    for command in ("pskg link check", "pskg link compare", "pskg link enrich", "queries/federated/"):
        assert command in readme
    assert "against the test fixture" in readme
