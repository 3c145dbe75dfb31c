"""The notebook API: ``pskg.graph()``, ``pskg.query()`` and ``pskg.panel()``, as a notebook calls them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Literal, URIRef

import pskg
from pskg.api import Rows, plain_value
from pskg.errors import ParameterError, PskgError, UnknownQueryError
from pskg.sources.namespaces import ID, PSS

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache of this module's own: the release is built there once, as in a fresh install."""
    cache = tmp_path_factory.mktemp("api-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PSKG_CACHE_DIR", str(cache))
        yield cache


def test_query_returns_the_saved_query_rows_by_name_with_python_parameters() -> None:
    rows = pskg.query("members-in-year", org="CSTO", year=2019)
    assert rows.variables == ("state", "role", "startYear", "endYear")
    assert [(r[0], r[1], r[2].toPython(), r[3]) for r in rows] == [  # type: ignore[union-attr]
        (ID.ARM, PSS.FullMember, 1992, None),
        (ID.BLR, PSS.FullMember, 1992, None),
        (ID.KAZ, PSS.FullMember, 1992, None),
        (ID.KGZ, PSS.FullMember, 1992, None),
        (ID.RUS, PSS.FullMember, 1992, None),
        (ID.SRB, PSS.Observer, 2013, None),
        (ID.TJK, PSS.FullMember, 1992, None),
    ]
    assert len(rows) == 7 and rows[5][0] == ID.SRB


def test_rows_print_as_pskg_query_prints_them() -> None:
    text = repr(pskg.query("members-in-year", org="CSTO", year=2019))
    assert str(pskg.query("members-in-year", org="CSTO", year=2019)) == text
    assert text.splitlines()[0].split() == ["state", "role", "startYear", "endYear"]
    assert "id:SRB  pss:Observer    2013" in text
    assert text.endswith("(7 rows)\n")


def test_to_pandas_types_integer_columns_as_integers() -> None:
    frame = pskg.query("members-in-year", org="CSTO", year=2019).to_pandas()
    assert list(frame.columns) == ["state", "role", "startYear", "endYear"]
    assert str(frame["startYear"].dtype) == "Int64"
    assert frame["startYear"].tolist() == [1992] * 5 + [2013, 1992]
    assert frame["state"].iloc[0] == str(ID.ARM)
    assert frame["endYear"].isna().all()
    prefixed = pskg.query("members-in-year", org="CSTO", year=2019).to_pandas(prefixed=True)
    assert prefixed["state"].tolist() == ["id:ARM", "id:BLR", "id:KAZ", "id:KGZ", "id:RUS", "id:SRB", "id:TJK"]


def test_an_iri_parameter_is_accepted_as_an_rdflib_term() -> None:
    assert len(pskg.query("members-in-year", org=ID.CSTO, year=2019)) == 7


def test_wrong_names_and_parameters_raise_the_cli_errors() -> None:
    with pytest.raises(ParameterError, match="soon"):
        pskg.query("members-in-year", org="CSTO", year="soon")
    with pytest.raises(ParameterError, match="no parameter 'colour'"):
        pskg.query("members-in-year", colour="red")
    with pytest.raises(UnknownQueryError, match="members-in-year"):
        pskg.query("members-in-yaer")
    with pytest.raises(ParameterError, match="rdflib, oxigraph"):
        pskg.graph("networkx")  # type: ignore[call-overload]


def test_graph_in_either_form_holds_the_same_quads() -> None:
    dataset = pskg.graph()
    store = pskg.graph("oxigraph")
    assert isinstance(dataset, Dataset) and isinstance(store, pyoxigraph.Store)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {str(q.graph_name.value) for q in store if isinstance(q.graph_name, pyoxigraph.NamedNode)} == graphs
    assert len(graphs) >= 3
    quads = sum(len(g) for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier)
    assert quads == len(store) > 5000
    armenia = (ID.ARM, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Armenia", lang="en"))
    assert armenia in dataset
    assert dict(dataset.namespaces())["pss"] == URIRef(str(PSS))
    assert pyoxigraph.Triple(
        *(pyoxigraph.NamedNode(t) for t in armenia[:2]), pyoxigraph.Literal("Armenia", language="en")
    ) in {q.triple for q in store}


def test_panel_is_typed_as_its_codebook_declares() -> None:
    frame = pskg.panel()
    assert str(frame["year"].dtype) == "Int64"
    assert frame["year"].min() == 1991 and frame["year"].max() == 2019
    armenia_csto_2019 = frame[(frame["iso3"] == "ARM") & (frame["organisation"] == "CSTO") & (frame["year"] == 2019)]
    assert armenia_csto_2019["member"].tolist() == [1] and armenia_csto_2019["cow_code"].tolist() == [371]
    assert set(pskg.panel("state-year-other-states")["iso3"]) >= {"SRB", "CHN"}
    assert str(pskg.panel("dyad-year")["joint_member"].dtype) == "Int64"
    with pytest.raises(ParameterError, match="state-year"):
        pskg.panel("country-month")


def test_plain_values() -> None:
    assert plain_value(None) is None
    assert plain_value(Literal(1992)) == 1992
    assert plain_value(Literal("Arménie", lang="fr")) == "Arménie"
    assert plain_value(ID.ARM) == str(ID.ARM) and plain_value(ID.ARM, prefixed=True) == "id:ARM"
    assert Rows(("a",), ((Literal(1),),)).records() == [{"a": 1}]


def test_without_pandas_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(PskgError, match=r"pip install 'postsoviet-security-kg\[pandas\]'"):
        Rows(("a",), ((Literal(1),),)).to_pandas()


def test_three_lines_of_a_notebook(tmp_path: Path) -> None:
    """The README's notebook example, in a fresh interpreter."""
    code = (
        "import pskg\n"
        "frame = pskg.query('member-count-by-year', org='CSTO').to_pandas(prefixed=True)\n"
        "print(frame.head(3).to_string(index=False))\n"
    )
    env = {**os.environ, "PSKG_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0].split() == ["year", "role", "states"]
    assert done.stdout.split("\n")[1].split() == ["1992", "pss:FullMember", "7"]
