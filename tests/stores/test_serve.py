"""``pskg serve``: a working query editor on 127.0.0.1, the saved queries ready, a clean stop on Ctrl-C."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pskg.report.browser import FLAGS, find_chromium
from pskg.stores.serve import Server, needs_build, ui_link
from tests.support.store_servers import printed_value, start_pskg_serve, stop_process


def _post(url: str, query: str) -> dict:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture
def served(release: Path, tmp_path: Path):
    """A running ``pskg serve`` on the release, and the lines it printed."""
    process, lines = start_pskg_serve(release, tmp_path)
    try:
        yield process, lines
    finally:
        stop_process(process)


_value = printed_value


def _editor_link(page_url: str, name: str) -> str:
    """The landing page's "edit" link of one saved query: the query editor with the query in a tab."""
    with urllib.request.urlopen(page_url, timeout=10) as response:
        page = response.read().decode("utf-8")
    row = next(row for row in page.split("<tr>") if f'href="/queries/{name}"' in row)
    href = html.unescape(re.search(r'href="([^"]*/editor/#[^"]*)"', row).group(1))
    return urllib.parse.urljoin(page_url, href)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_opens_a_query_page_with_the_saved_queries_and_stops_cleanly(
    served, stop: signal.Signals, tmp_path: Path
) -> None:
    process, lines = served
    page_url, endpoint = _value(lines, "landing page"), _value(lines, "SPARQL endpoint")
    assert page_url.startswith("http://127.0.0.1:")
    assert len("\n".join(lines)) < 1000, "a short start-up message, not every query's URL"
    policy = _value(lines, "federated queries (SERVICE)")
    assert policy == "allowed on a loopback address (--no-allow-service refuses them)", lines
    federated = f"SELECT ?n WHERE {{ SERVICE <{endpoint}> {{ SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} }} }}"
    assert int(_post(endpoint, federated)["results"]["bindings"][0]["n"]["value"]) > 1000, "SERVICE runs on loopback"
    with urllib.request.urlopen(page_url + "editor/", timeout=10) as response:
        page = response.read().decode("utf-8")
    assert "yasgui" in page.lower()
    count = _post(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count["results"]["bindings"][0]["n"]["value"]) > 1000, "the union of the named graphs is served"

    link = _editor_link(page_url, "members-in-year")
    fragment = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).fragment))
    assert fragment["endpoint"] == endpoint
    answer = _post(endpoint, fragment["query"])
    states = {row["state"]["value"].rsplit("/", 1)[-1] for row in answer["results"]["bindings"]}
    assert {"ARM", "RUS", "SRB"} <= states, "the linked query runs with its default parameters"

    update = urllib.request.Request(endpoint.replace("/query", "/update"), data=b"update=CLEAR%20ALL", method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(update, timeout=10)  # read-only by default

    process.send_signal(stop)
    assert process.wait(timeout=20) == 0
    assert "stopped" in process.stderr.read()
    assert not any(tmp_path.glob("pskg-serve-*")), "the temporary store is removed"
    port = urllib.parse.urlsplit(endpoint).port
    time.sleep(0.2)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the server is gone"


def test_serve_builds_when_the_release_is_missing_or_stale(tmp_path: Path, release: Path) -> None:
    assert needs_build(tmp_path / "nothing-here")
    assert not needs_build(release)
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    copy = tmp_path / "dist"
    copy.mkdir()
    (copy / "postsoviet-security-kg.nq").write_text("", encoding="utf-8")
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert not needs_build(copy), "the same sources: nothing to build, whatever the files' times"
    (copy / "manifest.json").write_text(json.dumps({**manifest, "sources": "0" * 64}), encoding="utf-8")
    assert needs_build(copy), "built from other sources (or code)"
    (copy / "manifest.json").write_text(json.dumps({**manifest, "sources": None}), encoding="utf-8")
    assert needs_build(copy), "a release of pskg 0.1.0 says nothing of its sources"


def test_ui_link_opens_a_tab_with_the_query() -> None:
    server = Server(process=None, base_url="http://127.0.0.1:1", query_url="http://127.0.0.1:1/query")  # type: ignore[arg-type]
    link = ui_link(server, "a query", 'SELECT * WHERE { ?s ?p "é #" }')
    fragment = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).fragment))
    assert fragment["query"] == 'SELECT * WHERE { ?s ?p "é #" }'
    assert fragment["tabTitle"] == "a query" and fragment["endpoint"] == server.query_url


def test_a_saved_query_link_shows_its_rows_in_a_real_browser(served, tmp_path: Path) -> None:
    """The query page is a working YASGUI: Chromium opens a printed link and the rows appear."""
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (scripts/install-test-services.sh installs it)")
        pytest.skip("chromium is not installed")
    _, lines = served
    link = _editor_link(_value(lines, "landing page"), "members-in-year")
    command = [chromium, *FLAGS, f"--user-data-dir={tmp_path}", "--virtual-time-budget=15000", "--dump-dom", link]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout
    assert re.search(r"\d+ results? in", dom), dom[-2000:]
    assert "postsoviet-security/id/SRB" in dom


def test_the_server_does_not_outlive_a_killed_pskg(served) -> None:
    """The Oxigraph process behind the front server goes when pskg is killed."""
    process, _ = served
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if not children.is_file():
        pytest.skip("needs Linux's /proc children list")
    oxigraph = [int(pid) for pid in children.read_text().split()]
    assert oxigraph, "pskg serve runs the oxigraph server as its child"
    process.kill()  # no chance to clean up
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not any(_running(pid) for pid in oxigraph):
            return
        time.sleep(0.2)
    pytest.fail(f"the oxigraph server {oxigraph} still runs after pskg was killed")


def _running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_build_while_serving_breaks_neither(release: Path, tmp_path: Path) -> None:
    """The server answers from its own store; a build swaps dist/ under the lock; both stay whole."""
    dist = tmp_path / "dist"
    shutil.copytree(release, dist)
    process, lines = start_pskg_serve(dist, tmp_path)
    try:
        endpoint = _value(lines, "SPARQL endpoint")
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        before = _post(endpoint, count)["results"]["bindings"][0]["n"]["value"]
        code = "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"
        build = subprocess.run([sys.executable, "-c", code, "build", "--dist", str(dist)], capture_output=True)
        assert build.returncode == 0, build.stderr
        assert _post(endpoint, count)["results"]["bindings"][0]["n"]["value"] == before
        manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
        for name, digest in manifest["sha256"].items():
            assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name
    finally:
        stop_process(process)
