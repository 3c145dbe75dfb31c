"""The catalogue of bad inputs: each gets a clear error, names where, and changes nothing.

Every case runs ``pskg`` on a private copy of the resources, then checks the exit
status, that the message names the problem and its place, and that neither the
data files nor a previously built ``dist/`` changed. docs/bad-inputs.md lists the
same cases with what the user sees; a test keeps the two in step.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pskg.cli import main
from tests.conftest import REPO

RESOURCE_DIRS = ("ontology", "data", "validation", "queries")


@dataclass(frozen=True)
class BadInput:
    """One way to get the input wrong, and what the user must be told."""

    id: str
    breaks: Callable[[Path], object]
    argv: tuple[str, ...]
    status: int
    says: tuple[str, ...]


def _append(relative: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return apply


def _replace_once(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        content = path.read_text(encoding="utf-8")
        assert old in content, old
        path.write_text(content.replace(old, new, 1), encoding="utf-8")

    return apply


def _write_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_bytes(data)


def _huge_file(root: Path) -> None:
    with open(root / "data" / "huge.ttl", "wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MiB, sparse: cheap to make, refused before it is read


def _unreadable(root: Path) -> None:
    (root / "data" / "unreadable.ttl").mkdir()  # a folder where a file should be: unreadable even as root


CASES = [
    BadInput(
        "unterminated-string",
        _append("data/states.ttl", '\nid:X rdfs:label "no end .\n'),
        ("validate",),
        2,
        ("states.ttl:", "Turtle syntax error", "newline found in string literal"),
    ),
    BadInput(
        "bad-iri",
        _append("data/states.ttl", "\nid:X rdfs:seeAlso <has space> .\n"),
        ("validate",),
        2,
        ("states.ttl:", "IRI"),
    ),
    BadInput(
        "relative-iri",
        _append("data/states.ttl", "\nid:X rdfs:seeAlso <relative/path> .\n"),
        ("validate",),
        2,
        ("states.ttl:", "relative IRI <relative/path>"),
    ),
    BadInput(
        "undefined-prefix",
        _append("data/states.ttl", "\nnope:x nope:y nope:z .\n"),
        ("validate",),
        2,
        ("states.ttl:", 'Prefix "nope:" not bound'),
    ),
    BadInput(
        "wrong-encoding",
        _write_bytes("data/extra.ttl", '@prefix ex: <http://ex.org/> .\nex:a ex:b "é" .\n'.encode("latin-1")),
        ("validate",),
        2,
        ("extra.ttl:2", "not valid UTF-8"),
    ),
    BadInput(
        "byte-order-mark",
        _write_bytes("data/extra.ttl", b"\xef\xbb\xbf@prefix ex: <http://ex.org/> .\n"),
        ("validate",),
        2,
        ("extra.ttl:1", "byte-order mark"),
    ),
    BadInput("empty-file", _write_bytes("data/extra.ttl", b"\n\n"), ("validate",), 2, ("extra.ttl", "file is empty")),
    BadInput("50-mb-file", _huge_file, ("validate",), 2, ("huge.ttl", "50.0 MiB", "PSKG_MAX_FILE_MB")),
    BadInput("unreadable-file", _unreadable, ("validate",), 2, ("unreadable.ttl", "cannot read")),
    BadInput(
        "breaks-a-shape",
        _replace_once("data/memberships.ttl", "pss:startYear 1992 ;", "pss:startYear 2992 ;"),
        ("validate",),
        1,
        ("memberships.ttl", "pssh:Membership-startYear"),
    ),
    BadInput(
        "undeclared-term",
        _replace_once("data/memberships.ttl", "pss:startYear 1992 ;", "pss:startYear 1992 ;\n    pss:joinedIn 1992 ;"),
        ("validate",),
        1,
        ("pssh:OntologyTermDeclared", "pss:joinedIn"),
    ),
    BadInput(
        "duplicate-with-conflicting-facts",
        _append("data/states.ttl", "\nid:membership-ARM-CSTO-1992 pss:startYear 1993 .\n"),
        ("validate",),
        1,
        ("id:membership-ARM-CSTO-1992", "data/memberships.ttl, data/states.ttl", "pssh:Membership-startYear"),
    ),
    BadInput(
        "query-does-not-parse",
        _write_bytes("queries/broken.rq", b"#+ summary: broken\nSELECT ?x WHERE { ?x \n"),
        ("query", "broken"),
        2,
        ("broken.rq", "SPARQL syntax error"),
    ),
    BadInput("unknown-query", lambda root: None, ("query", "no-such-query"), 2, ("unknown query", "members-in-year")),
    BadInput(
        "parameter-wrong-type",
        lambda root: None,
        ("query", "members-in-year", "-p", "year=soon"),
        2,
        ("'year'", "expects an integer"),
    ),
    BadInput(
        "parameter-out-of-range",
        lambda root: None,
        ("query", "members-in-year", "-p", "year=20019"),
        2,
        ("'year'", "from 1900 to 2100"),
    ),
    BadInput(
        "parameter-carrying-sparql",
        lambda root: None,
        ("query", "members-in-year", "-p", "year=2000 } ; DROP ALL ; #"),
        2,
        ("expects an integer",),
    ),
    BadInput(
        "iri-parameter-carrying-sparql",
        lambda root: None,
        ("query", "members-in-year", "-p", 'org=CSTO> } ; DROP ALL ; <"\n'),
        2,
        ("no organisation called",),
    ),
    BadInput(
        "unknown-parameter",
        lambda root: None,
        ("query", "members-in-year", "-p", "colour=red"),
        2,
        ("no parameter 'colour'",),
    ),
    BadInput("missing-query-file", lambda root: None, ("query", "missing/file.rq"), 2, ("no such query file",)),
    BadInput(
        "year-written-as-int",
        _replace_once("data/memberships.ttl", "pss:startYear 1992 ;", 'pss:startYear "1992"^^xsd:int ;'),
        ("validate",),
        1,
        ("pss:startYear", "sh:DatatypeConstraintComponent", "every shape checked by pySHACL"),
    ),
    BadInput(
        "shape-sparql-does-not-parse",
        _append(
            "validation/shapes.ttl",
            "\npssh:Broken a sh:NodeShape ; sh:targetClass pss:State ;\n"
            '    sh:sparql [ sh:select "SELECT $this WHERE {" ] .\n',
        ),
        ("validate",),
        2,
        ("the SHACL shapes cannot be applied",),
    ),
    BadInput(
        "property-chain-not-a-list",
        _append("ontology/pss.ttl", '\npss:memberOf owl:propertyChainAxiom "not a list" .\n'),
        ("build",),
        2,
        ("owl:propertyChainAxiom",),
    ),
]


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.stat().st_size < 2**20
    }


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """The resources and a dist/ built from them, once; each test works on a copy."""
    root = tmp_path_factory.mktemp("template") / "project"
    for name in RESOURCE_DIRS:
        shutil.copytree(REPO / name, root / name)
    os.environ["PSKG_ROOT"] = str(root)
    try:
        assert main(["build", "--dist", str(root / "dist")]) == 0
    finally:
        del os.environ["PSKG_ROOT"]
    return root


@pytest.fixture
def project(built_project, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built_project, root)
    monkeypatch.setenv("PSKG_ROOT", str(root))
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_clearly_and_changes_nothing(case: BadInput, project: Path, capsys):
    dist = project / "dist"
    before_dist = _fingerprint(dist)
    case.breaks(project)
    before_sources = _fingerprint(project / "data")
    status = main([*case.argv])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert status == case.status, said
    for words in case.says:
        assert words in said, said
    assert "Traceback" not in said
    assert _fingerprint(project / "data") == before_sources
    if case.argv[0] == "validate":  # bad data: a build refuses it too, and leaves dist/ as it was
        assert main(["build", "--dist", str(dist)]) == case.status
        assert _fingerprint(dist) == before_dist


def test_output_folder_that_is_a_file(tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    assert main(["build", "--dist", str(blocker / "dist")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert blocker.read_text() == "not a folder"


_SLOW_BUILD = """
import sys, time
import pskg.release.build as build
original = build.write_panels
def slow(*args, **kwargs):
    print("WRITING", flush=True)
    time.sleep(60)
    return original(*args, **kwargs)
build.write_panels = slow
from pskg.cli import main
sys.exit(main(["build", "--dist", sys.argv[1]]))
"""


def _python(*args: str, **kwargs) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PSKG_ROOT"}
    return subprocess.Popen([sys.executable, *args], env=env, text=True, **kwargs)


def test_build_killed_mid_write_leaves_previous_dist(tmp_path, capsys):
    dist = tmp_path / "dist"
    assert main(["build", "--dist", str(dist)]) == 0
    before = _fingerprint(dist)
    process = _python("-c", _SLOW_BUILD, str(dist), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout.readline().strip() == "WRITING"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert _fingerprint(dist) == before
    assert main(["build", "--dist", str(dist)]) == 0
    _assert_consistent(dist)


def _assert_consistent(dist: Path) -> None:
    """Every file the manifest lists is there, whole: its checksum matches."""
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name


def test_two_builds_at_once_leave_a_consistent_dist(tmp_path):
    dist = tmp_path / "dist"
    code = "import sys; from pskg.cli import main; sys.exit(main(['build', '--dist', sys.argv[1]]))"
    processes = [_python("-c", code, str(dist), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(3)]
    deadline = time.monotonic() + 120
    assert all(p.wait(timeout=max(1, deadline - time.monotonic())) == 0 for p in processes)
    _assert_consistent(dist)
    assert not list(tmp_path.glob(".dist.*.tmp"))


def test_every_case_is_documented():
    documented = (REPO / "docs" / "bad-inputs.md").read_text(encoding="utf-8")
    missing = [case.id for case in CASES if f"`{case.id}`" not in documented]
    assert missing == []
