"""The ``pskg`` command as users meet it, including every error path."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pskg.cli import main
from tests.conftest import REPO

RESOURCE_DIRS = ("ontology", "data", "validation", "queries")


@pytest.fixture
def project_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the resources, used through ``PSKG_ROOT``, for tests that break things."""
    root = tmp_path / "project"
    for name in RESOURCE_DIRS:
        shutil.copytree(REPO / name, root / name)
    monkeypatch.setenv("PSKG_ROOT", str(root))
    return root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_writes_asserted_and_inferred_graphs(tmp_path, capsys):
    status, out, _ = run(capsys, "build", "--dist", str(tmp_path / "dist"))
    assert status == 0
    written = sorted(p.name for p in (tmp_path / "dist").iterdir())
    assert written == [
        "SHA256SUMS",
        "context.jsonld",
        "datapackage.json",
        "dyad-year.csv",
        "manifest.json",
        "postsoviet-security-kg-inferred.nt",
        "postsoviet-security-kg-inferred.ttl",
        "postsoviet-security-kg.jsonld",
        "postsoviet-security-kg.nq",
        "postsoviet-security-kg.nt",
        "postsoviet-security-kg.trig",
        "postsoviet-security-kg.ttl",
        "state-year-other-states.csv",
        "state-year-panel.csv",
        "void.ttl",
    ]
    manifest = json.loads((tmp_path / "dist" / "manifest.json").read_text())
    assert manifest["triples"]["asserted"] > 2000 and manifest["triples"]["inferred"] > 500
    checksummed = {k: v for k, v in digest(tmp_path / "dist").items() if k not in {"manifest.json", "SHA256SUMS"}}
    assert manifest["sha256"] == checksummed
    assert "conforms" in out


def test_build_refuses_invalid_data_and_keeps_previous_dist(project_copy, tmp_path, capsys):
    dist = tmp_path / "dist"
    assert run(capsys, "build", "--dist", str(dist))[0] == 0
    before = digest(dist)
    memberships = project_copy / "data" / "memberships.ttl"
    memberships.write_text(
        memberships.read_text(encoding="utf-8").replace("pss:startYear 1992 ;", "pss:startYear 2992 ;", 1),
        encoding="utf-8",
    )
    status, _, err = run(capsys, "build", "--dist", str(dist))
    assert status == 1
    assert "nothing was written" in err and "data/memberships.ttl" in err
    assert digest(dist) == before


def test_validate_reports_node_rule_and_file(project_copy, capsys):
    memberships = project_copy / "data" / "memberships.ttl"
    text = memberships.read_text(encoding="utf-8")
    memberships.write_text(
        text.replace("org:role pss:FullMember ;", "org:role pss:Observer ;\n    org:role pss:FullMember ;", 1),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "validate")
    assert status == 1
    assert "id:membership-ARM-CIS-1991" in out
    assert "data/memberships.ttl" in out
    assert "pssh:" in out


def test_validate_passes_on_the_real_data(capsys):
    status, out, _ = run(capsys, "validate")
    assert status == 0 and "conforms" in out


def test_turtle_syntax_error_names_file_and_line(project_copy, capsys):
    states = project_copy / "data" / "states.ttl"
    lines = states.read_text(encoding="utf-8").splitlines()
    lines += ["", 'id:XXX rdfs:label "unterminated .', "id:YYY rdfs:label 'x' ."]
    states.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "validate")
    assert status == 2
    assert f"states.ttl:{len(lines) - 1}: Turtle syntax error" in err


def test_undefined_prefix_is_a_syntax_error(project_copy, capsys):
    states = project_copy / "data" / "states.ttl"
    states.write_text(states.read_text(encoding="utf-8") + "\nnope:x nope:y nope:z .\n", encoding="utf-8")
    status, _, err = run(capsys, "info")
    assert status == 2 and "states.ttl:" in err and "nope" in err


def test_unknown_query_lists_the_known_ones(capsys):
    status, _, err = run(capsys, "query", "no-such-query")
    assert status == 2
    assert "unknown query 'no-such-query'" in err and "members-in-year" in err


def test_query_list_shows_names_summaries_and_parameters(capsys):
    status, out, _ = run(capsys, "query", "--list")
    assert status == 0
    assert "members-in-year" in out and "parameters: org (iri" in out


def test_bad_integer_parameter_says_what_was_expected(capsys):
    status, _, err = run(capsys, "query", "members-in-year", "--param", "year=2000 } ; DROP ALL ; #")
    assert status == 2 and "expects an integer" in err


def test_unknown_organisation_lists_known_ones(capsys):
    status, _, err = run(capsys, "query", "members-in-year", "--param", "org=<x> } DROP ALL")
    assert status == 2 and "no organisation called" in err and "CSTO" in err


def test_unknown_parameter_is_refused(capsys):
    status, _, err = run(capsys, "query", "members-in-year", "--param", "colour=red")
    assert status == 2 and "has no parameter 'colour'" in err


def test_malformed_parameter_is_refused(capsys):
    status, _, err = run(capsys, "query", "members-in-year", "--param", "year")
    assert status == 2 and "KEY=VALUE" in err


def test_query_formats(capsys):
    args = ("query", "members-in-year", "-p", "org=OTSC", "-p", "year=2019")
    status, table, _ = run(capsys, *args)
    assert status == 0 and "id:ARM" in table and "pss:Observer" in table and "(7 rows)" in table
    _, csv_out, _ = run(capsys, *args, "--format", "csv")
    assert csv_out.splitlines()[1].startswith("https://w3id.org/postsoviet-security/id/ARM,")
    _, json_out, _ = run(capsys, *args, "--format", "json")
    document = json.loads(json_out)
    assert len(document["results"]["bindings"]) == 7


def test_query_file_with_syntax_error_names_the_file(tmp_path, capsys):
    broken = tmp_path / "broken.rq"
    broken.write_text("#+ summary: broken\nSELECT ?x WHERE { ?x ?y \n", encoding="utf-8")
    status, _, err = run(capsys, "query", str(broken))
    assert status == 2 and "broken.rq: SPARQL syntax error" in err


def test_missing_query_file(capsys):
    status, _, err = run(capsys, "query", "does/not/exist.rq")
    assert status == 2 and "no such query file" in err


def test_info_counts(capsys):
    status, out, _ = run(capsys, "info")
    assert status == 0
    assert "73  pss:Membership" in out and "15  pss:PostSovietState" in out and "years covered: 1975–2019" in out


def test_fmt_check_passes_on_the_repository(capsys):
    status, out, _ = run(capsys, "fmt", "--check")
    assert status == 0 and "0 not canonical" in out


def test_no_command_prints_help(capsys):
    status, out, _ = run(capsys)
    assert status == 2 and "COMMAND" in out
