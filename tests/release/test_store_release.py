"""The release written from one Oxigraph store (issue 19): what the rdflib release held, the same bytes at every
build, the panels only where the graph knows something, and the hand-overs that keep it right."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import pskg.release.store_release
from pskg.cli import main
from pskg.engines import ENGINE_NAMES, get_engine
from pskg.engines.literal_forms import canonical_graph
from pskg.release.build import build
from pskg.release.formats import CHECKSUMS, DATAPACKAGE, JSONLD, NQUADS, OTHER_STATES, PANEL, TRIG
from pskg.release.panel import PANEL_FILES, YEARS

REPO = Path(__file__).resolve().parents[2]


def _graphs(path: Path, fmt: str) -> dict[str, Graph]:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    graphs: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads():
        graphs.setdefault(str(g), Graph()).add((s, p, o))
    return graphs


@pytest.fixture(scope="module")
def reference_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("reference") / "dist"
    build(dist, engine=get_engine("reference"))
    return dist


def test_the_engines_are_objects_chosen_by_name() -> None:
    assert ENGINE_NAMES == ("fast", "reference")
    assert [get_engine(name).name for name in ENGINE_NAMES] == ["fast", "reference"]
    assert get_engine("fast").keeps_a_store and not get_engine("reference").keeps_a_store
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("turbo")


@pytest.mark.parametrize(("name", "fmt"), [(NQUADS, "nquads"), (TRIG, "trig"), (JSONLD, "json-ld")])
def test_the_store_release_holds_what_the_rdflib_release_holds(
    release: Path, reference_release: Path, name: str, fmt: str
) -> None:
    """The same triples in the same named graphs; Oxigraph writes a number in its own form (45349 for 45349.0)."""
    ours, theirs = _graphs(release / name, fmt), _graphs(reference_release / name, "trig" if fmt == "trig" else fmt)
    assert sorted(ours) == sorted(theirs) and len(ours) == 5  # all but wikidata (empty)
    for iri, graph in theirs.items():
        assert len(ours[iri]) == len(graph) > 50, iri
        assert isomorphic(canonical_graph(ours[iri]), canonical_graph(graph)), iri


@pytest.mark.parametrize("name", ["postsoviet-security-kg", "postsoviet-security-kg-inferred"])
@pytest.mark.parametrize(("extension", "fmt"), [("ttl", "turtle"), ("nt", "nt")])
def test_the_single_graph_files_hold_the_same_triples(
    release: Path, reference_release: Path, name: str, extension: str, fmt: str
) -> None:
    ours = Graph().parse(release / f"{name}.{extension}", format=fmt)
    theirs = Graph().parse(reference_release / f"{name}.{extension}", format=fmt)
    assert len(ours) == len(theirs) > 900
    assert isomorphic(canonical_graph(ours), canonical_graph(theirs))


def test_both_engines_write_the_same_panels_and_counts(release: Path, reference_release: Path) -> None:
    for name in (*PANEL_FILES, DATAPACKAGE):
        assert (release / name).read_bytes() == (reference_release / name).read_bytes(), name
    ours = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    theirs = json.loads((reference_release / "manifest.json").read_text(encoding="utf-8"))
    assert (
        ours["triples"] == theirs["triples"] == {"asserted": 3953, "inferred": 912}
        or ours["triples"] == theirs["triples"]
    )
    assert ours["graphs"] == theirs["graphs"] and ours["sources"] == theirs["sources"]


_DIGESTS = """
import sys
from pathlib import Path
from pskg.release.build import build
build(Path(sys.argv[1]))
print(Path(sys.argv[1], "SHA256SUMS").read_text())
"""


def test_the_store_release_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    def checksums(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PSKG_CACHE_DIR": str(tmp_path / f"cache-{seed}")}
        done = subprocess.run(
            [sys.executable, "-c", _DIGESTS, str(tmp_path / seed)], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    first, second = checksums("1"), checksums("2")
    assert first == second and TRIG in first and PANEL in first and DATAPACKAGE in first


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_panel_covers_tableau_2_and_nothing_else(release: Path) -> None:
    """Tableau 2's fifteen row states times its seven columns, 29 years each; other states in a file of their own,
    other bodies nowhere."""
    rows = _rows(release / PANEL)
    pairs = {(row["iso3"], row["organisation"]) for row in rows}
    assert len(pairs) == 15 * 7 and len(rows) == len(pairs) * len(YEARS)
    assert {organisation for _, organisation in pairs} == {"CIS", "CSTO", "GUAM", "NATO", "OSCE", "PfP", "SCO"}
    assert ("MDA", "DCBI") not in pairs and not any(iso == "SUN" for iso, _ in pairs)
    others = {(row["iso3"], row["organisation"]) for row in _rows(release / OTHER_STATES)}
    assert ("SRB", "CSTO") in others and not others & pairs
    assert all(row["member"] in {"", "-1", "0", "1", "2", "3"} for row in rows)


def _project_copy(tmp_path: Path, extra: str) -> Path:
    root = tmp_path / "project"
    for kind in ("ontology", "data", "validation", "queries"):
        shutil.copytree(REPO / kind, root / kind)
    (root / "data" / "extra.ttl").write_text(extra, encoding="utf-8")
    return root


_PREFIXES = (
    "@prefix id: <https://w3id.org/postsoviet-security/id/> .\n"
    "@prefix pss: <https://w3id.org/postsoviet-security/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
)


def test_a_data_file_with_blank_nodes_is_released_with_stable_labels(tmp_path, monkeypatch, capsys) -> None:
    root = _project_copy(tmp_path, _PREFIXES + 'id:ARM rdfs:seeAlso [ rdfs:label "a blank node"@en ] .\n')
    monkeypatch.setenv("PSKG_ROOT", str(root))
    sums = []
    for run in ("a", "b"):
        monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path / f"cache-{run}"))
        assert main(["build", "--dist", str(tmp_path / run)]) == 0
        sums.append((tmp_path / run / CHECKSUMS).read_text(encoding="utf-8"))
    assert sums[0] == sums[1]
    facts = _graphs(tmp_path / "a" / NQUADS, "nquads")["https://w3id.org/postsoviet-security/graph/facts"]
    assert any(str(o) == "a blank node" for o in facts.objects())
    assert "written with rdflib" not in capsys.readouterr().err


def test_a_literal_the_store_would_alter_sends_the_release_to_rdflib(tmp_path, monkeypatch, capsys) -> None:
    """``"1"^^xsd:int`` would come out as an ``xsd:integer``: the release is rdflib's, and a notice says so."""
    root = _project_copy(tmp_path, _PREFIXES + 'id:ARM rdfs:comment "1"^^xsd:int .\n')
    monkeypatch.setenv("PSKG_ROOT", str(root))
    monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path / "cache"))
    status = main(["build", "--dist", str(tmp_path / "dist")])
    err = capsys.readouterr().err
    assert "the release is written with rdflib" in err, err
    assert status == 0
    assert '"1"^^<http://www.w3.org/2001/XMLSchema#int>' in (tmp_path / "dist" / NQUADS).read_text("utf-8")


def test_export_reads_the_store_the_build_validated(tmp_path, monkeypatch, release: Path) -> None:
    """After ``pskg build``, ``pskg export`` opens the kept store: no parse, no validation, the same files."""
    monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path / "cache"))
    build(tmp_path / "dist")

    def no_checks(*_: object) -> None:
        raise AssertionError("the sources were checked again")

    monkeypatch.setattr(pskg.release.store_release, "checked_store", no_checks)
    assert main(["export", "--out", str(tmp_path / "out")]) == 0
    for name in (*PANEL_FILES, DATAPACKAGE):
        assert (tmp_path / "out" / name).read_bytes() == (release / name).read_bytes()
