"""grlc itself serves the saved queries folder whole, against ``pskg serve``, and answers as ``pskg query`` does.

grlc 1.3.11 from PyPI, local mode (tests/support/grlc_server.py), reads
``queries/`` and sends its operations to a ``pskg serve`` that this test starts on
127.0.0.1. Its API description must carry every query's summary, tags and
parameter defaults (grlc drops them all from a header PyYAML rejects), and its
answers (every operation at its defaults, a few with other values) must equal
``pskg query``'s rows for the same query.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pskg.engines import get_engine
from pskg.queries.catalogue import parse_saved_query
from pskg.queries.render import render
from pskg.sources.namespaces import ID
from pskg.sources.resources import resource_dir
from pskg.stores.serve import HOST, free_port, wait_until_answering
from tests.support.grlc_server import grlc_python, grlc_server
from tests.support.store_servers import stop_process

QUERIES = resource_dir("queries")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PSKG = [sys.executable, "-c", "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"]

#: (operation, grlc's query-string parameters, pskg query's --param values): one without parameters, one with
#: the defaults (given in full, as grlc needs), two with other values (pskg takes acronyms and ISO codes too).
OPERATIONS = [
    ("organisations", {}, {}),
    ("members-in-year", {"org": f"{ID}CSTO", "year": "2019"}, {}),
    ("members-in-year", {"org": f"{ID}NATO", "year": "2004"}, {"org": "NATO", "year": "2004"}),
    ("state-profile", {"state": f"{ID}KAZ"}, {"state": "KAZ"}),
]


@pytest.fixture(scope="module")
def served_endpoint(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``pskg serve`` on the release, on a free port of 127.0.0.1; its SPARQL query URL."""
    grlc_python()  # skip (or fail in CI) before starting anything
    port = free_port()
    tmp = tmp_path_factory.mktemp("pskg-serve")
    process = subprocess.Popen(
        [*PSKG, "serve", "--port", str(port), "--dist", str(release)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(tmp)},
    )
    endpoint = f"http://{HOST}:{port}/query"
    try:
        wait_until_answering(endpoint, process, 120)
        yield endpoint
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def grlc(served_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with grlc_server(QUERIES, served_endpoint, tmp_path_factory.mktemp("grlc")) as base:
        yield base


def _get(url: str, accept: str = "application/json") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_grlc_serves_every_saved_query_with_its_summary_tags_and_defaults(grlc: str) -> None:
    status, body = _get(f"{grlc}/api-local/swagger")
    assert status == 200
    spec = json.loads(body)
    files = sorted(QUERIES.glob("*.rq"))
    assert set(spec["paths"]) == {f"/{path.stem}" for path in files}, "one operation per saved query"
    for path in files:
        query = parse_saved_query(path)
        operation = spec["paths"][f"/{path.stem}"]["get"]
        assert operation["summary"] == query.summary, path.name
        assert operation["description"].startswith(query.description), path.name
        assert operation["tags"] == list(query.tags), path.name
        parameters = {p["name"]: p for p in operation["parameters"] if p["name"] != "endpoint"}
        assert set(parameters) == {p.name for p in query.parameters}, path.name
        for parameter in query.parameters:
            assert "default" in parameters[parameter.name], f"{path.name}: grlc has no default for {parameter.name}"
            assert str(parameters[parameter.name]["default"]) == parameter.default, path.name


def _normalised(document: dict) -> tuple[list[str], list[dict]]:
    """Variables and rows of a SPARQL JSON result; a plain literal and an xsd:string one are the same term."""
    rows = []
    for binding in document["results"]["bindings"]:
        row = {}
        for name, term in binding.items():
            term = dict(term)
            if term.get("datatype") == XSD_STRING:
                del term["datatype"]
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
            row[name] = term
        rows.append(row)
    return document["head"]["vars"], rows


@pytest.mark.parametrize(
    ("name", "grlc_values", "pskg_values"),
    OPERATIONS,
    ids=[
        f"{name}-{'-'.join(v.rsplit('/', 1)[-1] for v in values.values()) or 'none'}" for name, values, _ in OPERATIONS
    ],
)
def test_grlc_answers_as_pskg_query_does(
    grlc: str, name: str, grlc_values: dict[str, str], pskg_values: dict[str, str]
) -> None:
    query = f"?{urllib.parse.urlencode(grlc_values)}" if grlc_values else ""
    status, body = _get(f"{grlc}/api-local/{name}{query}", accept="application/sparql-results+json")
    assert status == 200, body[:2000]
    answered = _normalised(json.loads(body))

    params = [arg for key, value in pskg_values.items() for arg in ("--param", f"{key}={value}")]
    done = subprocess.run([*PSKG, "query", name, *params, "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = _normalised(json.loads(done.stdout))

    assert answered[0] == expected[0], "the same columns"
    assert expected[1], "a comparison of empty answers would prove little"
    assert answered[1] == expected[1], "the same rows, in the same order"


def test_grlc_refuses_an_operation_without_its_parameters(grlc: str) -> None:
    """grlc fills in no default itself (its API page does): a required parameter left out is an error, not rows."""
    status, _ = _get(f"{grlc}/api-local/members-in-year?year=2019", accept="application/sparql-results+json")
    assert status >= 400


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda path: path.stem)
def test_every_operation_at_its_defaults_answers_as_pskg_query_does(grlc: str, path: Path) -> None:
    """All saved queries, each with its header's defaults sent in full (grlc fills in none itself)."""
    query = parse_saved_query(path)
    values = {p.name: p.default for p in query.parameters if p.default is not None}
    suffix = f"?{urllib.parse.urlencode(values)}" if values else ""
    status, body = _get(f"{grlc}/api-local/{query.name}{suffix}", accept="application/sparql-results+json")
    assert status == 200, body[:2000]
    expected = json.loads(render(get_engine().query(query, {}), "json"))
    assert _normalised(json.loads(body)) == _normalised(expected)
