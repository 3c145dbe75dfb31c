"""``pskg validate --data … --shapes … --format …``: any data against any shapes, and what the user is told."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

from pskg.cli import main
from pskg.engines.reference.validate import validate
from pskg.sources.parse import SourceGraph
from pskg.sources.resources import turtle_files
from pskg.sources.shapes import load_shapes
from tests.conftest import REPO

SHAPES = REPO / "validation" / "shapes.ttl"
#: A user's shape file: one shape the compiler translates (sh:hasValue on a path), one it does not (sh:closed).
EXTENSION = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pss: <https://w3id.org/postsoviet-security/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
<https://example.org/shapes#EveryMembershipFull> a sh:NodeShape ; sh:targetClass pss:Membership ;
    sh:property [ sh:path org:role ; sh:hasValue pss:FullMember ] .
<https://example.org/shapes#ClosedConflict> a sh:NodeShape ; sh:targetClass pss:Conflict ; sh:closed true .
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def extension(tmp_path: Path) -> Path:
    path = tmp_path / "extension.ttl"
    path.write_text(EXTENSION, encoding="utf-8")
    return path


def test_project_validates_with_no_hand_over_line(capsys):
    status, out, err = run(capsys, "validate")
    assert status == 0
    assert out.startswith("conforms: ")
    assert "pySHACL" not in err


def test_user_shapes_are_held_to_shacl_and_the_hand_over_is_said_once(tmp_path, capsys):
    status, out, err = run(capsys, "validate", "--shapes", str(SHAPES), str(extension(tmp_path)), "--format", "json")
    assert status == 1
    report = json.loads(out)
    reference = validate(_project_sources(), load_shapes([SHAPES, tmp_path / "extension.ttl"]))
    fields = ("focus", "shape", "component", "path", "value", "severity")
    found = {tuple(v[name] for name in fields) for v in report["violations"]}
    assert found == {tuple(getattr(v, name) for name in fields) for v in reference.violations}
    assert any(v["component"] == "sh:HasValueConstraintComponent" for v in report["violations"])
    assert any(v["component"] == "sh:ClosedConstraintComponent" for v in report["violations"])
    hand_over = [line for line in err.splitlines() if "checked by pySHACL" in line]
    assert len(hand_over) == 1 and "sh:closed" in hand_over[0]
    assert report["notices"] == [hand_over[0].removeprefix("pskg: ")]


def test_turtle_report_is_a_shacl_validation_report(tmp_path, capsys):
    status, out, _ = run(capsys, "validate", "--shapes", str(SHAPES), str(extension(tmp_path)), "-f", "turtle")
    assert status == 1
    graph = Graph().parse(data=out, format="turtle")
    report = graph.value(None, RDF.type, SH.ValidationReport, any=False)
    assert report is not None
    results = set(graph.objects(report, SH.result))
    status, out, _ = run(capsys, "validate", "--shapes", str(SHAPES), str(extension(tmp_path)), "-f", "json")
    assert len(results) == len(json.loads(out)["violations"]) > 14
    assert all(graph.value(result, SH.focusNode) is not None for result in results)


def test_any_data_file_against_the_project_shapes(tmp_path, capsys):
    bad = tmp_path / "new-facts.ttl"
    bad.write_text(
        "@prefix pss: <https://w3id.org/postsoviet-security/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        '<https://w3id.org/postsoviet-security/id/membership-ARM-CSTO-1992> pss:startYear "1992"^^xsd:int .\n',
        encoding="utf-8",
    )
    files = [str(path) for path in turtle_files("ontology") + turtle_files("data")]
    status, out, err = run(capsys, "validate", "--data", *files, str(bad))
    assert status == 1
    assert "pss:startYear" in out and "sh:DatatypeConstraintComponent" in out
    assert "every shape checked by pySHACL" in err and "xsd:int" in err.replace("XMLSchema#", "xsd:")


def test_a_shape_no_engine_can_apply_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<https://example.org/S> a sh:NodeShape ; sh:targetNode <https://example.org/x> ;\n"
        '    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o " ] .\n',
        encoding="utf-8",
    )
    status, _, err = run(capsys, "validate", "--shapes", str(broken))
    assert status == 2
    assert "Traceback" not in err and "cannot be applied" in err


def test_missing_data_file_is_a_clear_error(tmp_path, capsys):
    status, _, err = run(capsys, "validate", "--data", str(tmp_path / "absent.ttl"))
    assert status == 2 and "absent.ttl" in err


def _project_sources() -> SourceGraph:
    sources = SourceGraph()
    for path in turtle_files("ontology") + turtle_files("data"):
        sources.add_file(path)
    return sources


def test_build_says_once_which_shapes_pyshacl_checked(tmp_path, monkeypatch, capsys):
    for folder in ("ontology", "data", "validation", "queries"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "validation" / "extension.ttl").write_text(EXTENSION, encoding="utf-8")
    monkeypatch.setenv("PSKG_ROOT", str(tmp_path))
    status, _, err = run(capsys, "build", "--dist", str(tmp_path / "dist"))
    assert status == 1  # the extension's shapes fail: nothing is written
    assert not (tmp_path / "dist").exists()
    assert [line for line in err.splitlines() if "checked by pySHACL" in line] == [
        "pskg: validation: 42 shapes compiled to SPARQL, 1 checked by pySHACL "
        "(<https://example.org/shapes#ClosedConflict>: sh:closed is not compiled here)"
    ]


def test_an_engine_error_in_a_compiled_check_is_a_clear_error(monkeypatch, capsys):
    import pskg.engines.fast.validate

    def fails(*_):
        raise OSError("the engine gave up")

    monkeypatch.setattr(pskg.engines.fast.validate, "_violations", fails)
    status, _, err = run(capsys, "validate")
    assert status == 2 and "the compiled check of pssh:" in err and "the engine gave up" in err
