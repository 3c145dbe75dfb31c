"""``pskg serve``'s front server: resources by content negotiation, the landing page, the time limit, CORS, load.

One server (``--timeout 2 --cors --allow-service``) serves the whole module; the runaway query
test needs the short limit, and the other tests care about neither.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import cycle
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from pskg import __version__
from pskg.queries.binding import prepared_text
from pskg.queries.catalogue import saved_queries
from pskg.report.browser import FLAGS, find_chromium
from pskg.sources.namespaces import ID, ONTOLOGY_IRI
from pskg.sources.parse import load_sources
from pskg.stores.resource_pages import negotiate, resource_iri
from tests.support.store_servers import printed_value, start_pskg_serve, stop_process

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def base(release: Path, tmp_path_factory: pytest.TempPathFactory):
    """The URL of a ``pskg serve --timeout 2 --cors --allow-service`` running for the module."""
    process, lines = start_pskg_serve(
        release, tmp_path_factory.mktemp("front"), "--timeout", "2", "--cors", "--allow-service"
    )
    try:
        yield printed_value(lines, "landing page").rstrip("/")
    finally:
        stop_process(process)


def _get(url: str, accept: str | None = None, timeout: float = 10) -> tuple[int, str, bytes]:
    """Status, content type and body, whatever the status."""
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def _post_query(base: str, query: str, timeout: float = 10) -> tuple[int, bytes]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{base}/query", data=data, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_turtle_for_a_linked_data_client(base: str) -> None:
    status, media, body = _get(f"{base}/id/ARM", "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (ID.ARM, RDFS.label, Literal("Armenia", lang="en")) in graph
    assert (ID.ARM, RDFS.label, Literal("Arménie", lang="fr")) in graph
    assert (ID["membership-ARM-CSTO-1992"], None, ID.ARM) in graph, "the facts that name it"


@pytest.mark.parametrize(
    ("how", "media", "parser"),
    [
        ({"accept": "application/n-triples"}, "application/n-triples", "nt"),
        ({"accept": "application/ld+json"}, "application/ld+json", "json-ld"),
        ({"format": "nt"}, "application/n-triples", "nt"),
        ({"format": "jsonld"}, "application/ld+json", "json-ld"),
        ({"format": "ttl", "accept": "text/html"}, "text/turtle", "turtle"),
        ({"accept": "application/rdf+xml, text/turtle;q=0.9"}, "application/rdf+xml", "xml"),
        ({"format": "rdf"}, "application/rdf+xml", "xml"),
    ],
    ids=[
        "accept-nt",
        "accept-jsonld",
        "format-nt",
        "format-jsonld",
        "format-beats-accept",
        "accept-rdfxml",
        "format-rdf",
    ],
)
def test_each_rdf_format_by_accept_or_format(base: str, how: dict, media: str, parser: str) -> None:
    query = f"?format={how['format']}" if "format" in how else ""
    status, got, body = _get(f"{base}/id/CSTO{query}", how.get("accept"))
    assert status == 200 and got.startswith(media)
    graph = Graph().parse(data=body.decode("utf-8"), format=parser)
    languages = {label.language for label in graph.objects(ID.CSTO, RDFS.label) if isinstance(label, Literal)}
    assert languages == {"en", "fr"}


def test_a_browser_gets_a_page_with_labels_quotes_pages_and_links(base: str) -> None:
    status, media, body = _get(f"{base}/id/ARM", BROWSER_ACCEPT)
    page = body.decode("utf-8")
    assert status == 200 and media.startswith("text/html")
    assert "<h1>Armenia</h1>" in page and "Arménie" in page
    assert "six membres (la Russie, le Bélarus, l’Arménie" in page, "a fact's verbatim quote"
    assert "page 4" in page, "the quote's page"
    assert 'href="/id/membership-ARM-CSTO-1992"' in page, "related resources as local links"
    assert 'href="http://www.wikidata.org/entity/Q399"' in page


def test_the_ontology_and_its_terms(base: str) -> None:
    status, media, body = _get(f"{base}/ontology", "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    graph = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (None, RDF.type, OWL.Ontology) in graph and len(graph) > 300
    status, _, body = _get(f"{base}/ontology", BROWSER_ACCEPT)
    assert status == 200 and 'id="Membership"' in body.decode("utf-8"), "/ontology#Membership lands on the term"
    status, _, body = _get(f"{base}/ontology/Membership")
    assert status == 200 and "membership-ARM-CSTO-1992" in body.decode("utf-8")


@pytest.mark.parametrize(
    "path",
    [
        "/id/NOWHERE",
        "/id/../../etc/passwd",
        "/id/..%2F..%2Fetc%2Fpasswd",
        "/id/%00",
        "/id/ARM%00",
        "/id/..",
        "/id/",
        "/id/ARM/extra",
        "/ontology/%3E%20%3Fp%20%3Fo%20%7D",
        "/queries/not-a-query",
    ],
)
def test_unknown_or_odd_names_are_404_and_leak_nothing(base: str, path: str) -> None:
    """Sent byte for byte (no client normalises the dots away)."""
    port = urllib.parse.urlsplit(base).port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 404"), answer[:200]
    for leak in (b"Traceback", b"/tmp", b"/work", b"root:", b"File ", b"pskg/"):
        assert leak not in body


def test_not_acceptable_and_wrong_method(base: str) -> None:
    assert _get(f"{base}/id/ARM", "image/png")[0] == 406
    request = urllib.request.Request(f"{base}/id/ARM", data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 405


def test_the_landing_page_names_the_dataset_and_lists_every_saved_query(base: str) -> None:
    status, media, body = _get(f"{base}/", BROWSER_ACCEPT)
    page = body.decode("utf-8")
    assert status == 200 and media.startswith("text/html")
    assert "Post-Soviet security alliances knowledge graph" in page
    assert "creativecommons.org/licenses/by/4.0" in page and 'href="/id/momzikoff"' in page
    for query in saved_queries():
        assert f'href="/queries/{query.name}"' in page, query.name
    status, _, body = _get(f"{base}/queries/members-in-year")
    rows = body.decode("utf-8")
    assert status == 200 and 'href="/id/ARM"' in rows and 'href="/id/SRB"' in rows, "run with its defaults"
    status, _, body = _get(f"{base}/queries/members-in-year?year=1995&org=NATO")
    assert status == 200 and 'href="/id/SRB"' not in body.decode("utf-8")
    status, _, body = _get(f"{base}/queries/members-in-year?year=abc")
    assert status == 400 and b"expects an integer" in body
    status, _, body = _get(f"{base}/queries/members-in-year?org=%3Chttp://x%3E%20%7D")
    assert status == 400 and b"no organisation called" in body, "an IRI that is no organisation, refused by name"
    assert _get(f"{base}/queries/members-in-year?colour=red")[0] == 400


def test_a_saved_query_page_gives_its_rows_as_a_file(base: str) -> None:
    """``?format=csv`` (or tsv, json) gives the rows with the same parameters; the HTML page links to each."""
    status, media, body = _get(f"{base}/queries/members-in-year?org=CSTO&year=2019&format=csv")
    lines = body.decode("utf-8").splitlines()
    assert status == 200 and media.startswith("text/csv")
    assert lines[0] == "state,role,startYear,endYear" and len(lines) == 8
    assert (
        lines[1]
        == "https://w3id.org/postsoviet-security/id/ARM,https://w3id.org/postsoviet-security/ontology#FullMember,1992,"
    )
    status, media, body = _get(f"{base}/queries/members-in-year?format=json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 7
    page = _get(f"{base}/queries/members-in-year?org=NATO&year=2004")[2].decode("utf-8")
    assert 'href="/queries/members-in-year?org=NATO&amp;year=2004&amp;format=csv"' in page
    status, _, body = _get(f"{base}/queries/members-in-year?format=xlsx")
    assert status == 400 and b"expected html, csv, tsv, json" in body


def test_the_endpoint_passes_status_and_type_through(base: str) -> None:
    status, body = _post_query(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000
    status, body = _post_query(base, "SELECT nonsense")
    assert status == 400
    status, media, _ = _get(f"{base}/query?query={urllib.parse.quote('ASK {}')}", "application/sparql-results+xml")
    assert status == 200 and media.startswith("application/sparql-results+xml")


def test_cors_headers_and_preflight(base: str) -> None:
    preflight = urllib.request.Request(
        f"{base}/query",
        method="OPTIONS",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(preflight, timeout=10) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
    request = urllib.request.Request(f"{base}/id/ARM", headers={"Origin": "https://example.org"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_a_runaway_query_is_cut_off_and_others_are_answered_meanwhile(base: str) -> None:
    result: dict = {}

    def runaway() -> None:
        started = time.monotonic()
        result["answer"] = _post_query(base, CROSS_PRODUCT, timeout=30)
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert _get(f"{base}/id/ARM", "text/turtle")[0] == 200
    status, _ = _post_query(base, "ASK { ?s ?p ?o }")
    assert status == 200
    meanwhile = time.monotonic() - started
    thread.join(timeout=30)
    status, body = result["answer"]
    assert status == 503 and b"timed out" in body, (status, body[:300])
    assert result["seconds"] < 6, "stopped near the 2 s limit"
    assert meanwhile < 1.5, f"the others waited {meanwhile:.2f} s"
    started = time.monotonic()
    assert _post_query(base, "ASK { ?s ?p ?o }")[0] == 200
    assert time.monotonic() - started < 1, "and afterwards the server answers at once"


def test_load_twenty_clients(base: str) -> None:
    """20 concurrent clients for 30 s (``PSKG_LOAD_SECONDS``), saved queries and resource pages mixed: no error."""
    seconds = float(os.environ.get("PSKG_LOAD_SECONDS", "30"))
    names = load_sources().graph
    work: list[tuple[str, str]] = [("query", prepared_text(query, {}, names)) for query in saved_queries()]
    for name in ("ARM", "RUS", "CSTO", "NATO", "membership-ARM-CSTO-1992", "UKR", "GEO", "SCO"):
        work += [("page", f"/id/{name}"), ("turtle", f"/id/{name}")]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        jobs = cycle(work[offset:] + work[:offset])
        while time.monotonic() < deadline:
            kind, what = next(jobs)
            started = time.monotonic()
            try:
                if kind == "query":
                    status, _ = _post_query(base, what, timeout=30)
                else:
                    status = _get(base + what, BROWSER_ACCEPT if kind == "page" else "text/turtle", timeout=30)[0]
                failed = None if status == 200 else f"{kind} {what[:60]!r}: {status}"
            except OSError as error:
                failed = f"{kind} {what[:60]!r}: {error}"
            with lock:
                latencies.append(time.monotonic() - started)
                if failed:
                    errors.append(failed)

    threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(20)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"\nload: 20 clients, {elapsed:.0f} s, {len(latencies)} requests, {len(errors)} errors, "
        f"{len(latencies) / elapsed:.0f} requests/s; latency p50 {cuts[49] * 1000:.0f} ms, "
        f"p95 {cuts[94] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms"
    )
    assert not errors, errors[:10]
    assert len(latencies) > 20 * seconds / 5, "each client got answers all along"


def test_paths_name_only_what_the_data_can_hold() -> None:
    assert resource_iri("/id/ARM") == str(ID.ARM)
    assert resource_iri("/ontology") == ONTOLOGY_IRI
    for odd in ("/id/..", "/id/a/b", "/id/\x00", "/id/<x>", "/id/ARM ", "/idARM", "/ontology/a#b", "/etc/passwd"):
        assert resource_iri(odd) is None, odd


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "html"),
        ("*/*", "html"),
        (BROWSER_ACCEPT, "html"),
        ("text/turtle", "ttl"),
        ("text/turtle;q=0.5, application/ld+json", "jsonld"),
        ("application/n-triples;q=0.9, text/html;q=0.1", "nt"),
        ("text/html;q=0, text/turtle", "ttl"),
        ("application/rdf+xml", "rdf"),
        ("text/turtle;q=nan, application/n-triples;q=0.5", "nt"),  # a q-value outside RFC 9110's grammar is no vote
        ("text/turtle;q=5, application/n-triples;q=0.5", "nt"),
        ("image/png", None),
    ],
)
def test_negotiation(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept, None) == expected


def test_the_release_files_are_served_at_their_download_urls(base: str, release: Path) -> None:
    status, media, body = _get(f"{base}/dataset/{__version__}/void.ttl")
    assert status == 200 and media.startswith("text/turtle")
    assert body == (release / "void.ttl").read_bytes()
    assert _get(f"{base}/dataset/{__version__}/../manifest.json")[0] == 404
    assert _get(f"{base}/dataset/0.0.0/void.ttl")[0] == 404


def test_a_real_browser_shows_the_resource_page(base: str, tmp_path: Path) -> None:
    """Chromium opens /id/ARM (it sends its own Accept header) and shows the labels and a quote."""
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI (scripts/install-test-services.sh installs it)")
        pytest.skip("chromium is not installed")
    command = [chromium, *FLAGS, f"--user-data-dir={tmp_path}", "--dump-dom", f"{base}/id/ARM"]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout
    assert "<h1>Armenia</h1>" in dom and "Arménie" in dom, dom[-2000:]
    assert "signé à Tachkent en mai 1992" in dom


def test_a_chunked_request_body_is_refused_clearly(base: str) -> None:
    port = urllib.parse.urlsplit(base).port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nquery\r\n0\r\n\r\n"
        )
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 411"), answer[:200]


def test_a_result_that_would_stream_for_ever_is_cut_too(base: str) -> None:
    """Oxigraph's own limit stops evaluation, not a result already streaming: the front server's deadline does."""
    started = time.monotonic()
    status, body = _post_query(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=30)
    assert status == 503 and (b"timed out" in body or b"larger than" in body), (status, body[:300])
    assert time.monotonic() - started < 6
    started = time.monotonic()
    assert _post_query(base, "ASK { ?s ?p ?o }")[0] == 200
    assert time.monotonic() - started < 1


def test_the_landing_page_links_name_the_address_a_reverse_proxy_gives(base: str) -> None:
    request = urllib.request.Request(
        f"{base}/", headers={"X-Forwarded-Host": "kg.example.org", "X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        page = response.read().decode("utf-8")
    assert "https://kg.example.org/query" in page and "127.0.0.1" not in page
    request = urllib.request.Request(f"{base}/", headers={"X-Forwarded-Host": 'evil"><script>'})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert "<script>" not in response.read().decode("utf-8").split("</style>", 1)[1]


def test_with_allow_service_a_federated_query_runs(base: str) -> None:
    """``--allow-service`` lets SERVICE through (here to the server itself), even with ``--cors``."""
    query = f"SELECT ?n WHERE {{ SERVICE <{base}/query> {{ SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} }} }}"
    status, body = _post_query(base, query, timeout=30)
    assert status == 200, body[:300]
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_with_no_allow_service_a_federated_query_is_refused_and_said_at_start(
    base: str, release: Path, tmp_path: Path
) -> None:
    process, lines = start_pskg_serve(release, tmp_path, "--no-allow-service")
    try:
        assert printed_value(lines, "federated queries (SERVICE)") == "refused (--no-allow-service)"
        other = printed_value(lines, "landing page").rstrip("/")
        query = f"SELECT * WHERE {{ SERVICE <{base}/query> {{ ?s ?p ?o }} }} LIMIT 1"
        status, body = _post_query(other, query)
        assert status == 403 and b"--allow-service" in body, body
        status, _, body = _get(f"{other}/query?query={urllib.parse.quote(query)}")
        assert status == 403 and b"--allow-service" in body, body
        literal = 'SELECT * WHERE { ?s ?p "SERVICE <http://10.0.0.1/> {}" }'
        assert _post_query(other, literal)[0] == 200, "the word in a string refuses nothing"
    finally:
        stop_process(process)


_SELECT_FORMATS = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
_GRAPH_FORMATS = [
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
    "application/ld+json",
    "application/rdf+xml",
]
_FORMS = [("SELECT *", accept) for accept in _SELECT_FORMATS] + [
    ("CONSTRUCT { ?s ?p ?o }", accept) for accept in _GRAPH_FORMATS
]


class _FailingEndpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers every request with a 500 whose body is the path's last part, then a line break:
    Oxigraph copies that body into the error text it ends its own answer with."""

    def do_GET(self) -> None:
        self._fail()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._fail()

    def _fail(self) -> None:
        body = _REMOTE_BODIES[self.path.rsplit("/", 1)[-1]]
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


#: Bodies a failing remote endpoint may send, each made to look like the end of a whole answer.
_REMOTE_BODIES = {
    "text": b"backend exploded\n",
    "crlf": b"backend exploded\r\n",
    "row": b'"a","b","c"\r\n',
    "triple": b"<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n",
    "xml": b"</results></sparql>\n",
    "rdfxml": b"</rdf:RDF>\n",
    "json": b"]}}\n",
}


@pytest.fixture(scope="module")
def failing_endpoint():
    """The base URL of a local endpoint that always fails with one of ``_REMOTE_BODIES``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FailingEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.mark.parametrize("body", ["unreachable", *sorted(_REMOTE_BODIES)])
@pytest.mark.parametrize(
    ("form", "accept"),
    [
        *_FORMS,
        ("CONSTRUCT { ?s ?p ?o }", "text/n3"),
        ("SELECT ?s", "text/csv"),
        ("SELECT ?s", "text/tab-separated-values"),
    ],
)
def test_an_error_oxigraph_writes_into_a_200_is_not_passed_on_as_an_answer(
    base: str, failing_endpoint: str, form: str, accept: str, body: str
) -> None:
    """Oxigraph, failing mid-answer (here a SERVICE it cannot reach, or one that fails), ends a 200 with the error's
    text. That text copies a failing endpoint's body: whatever its last line looks like (a CSV row, a triple, a
    closing tag), the answer does not parse whole, and the client gets a 502."""
    endpoint = "http://127.0.0.1:1/sparql" if body == "unreachable" else f"{failing_endpoint}/{body}"
    query = f"{form} WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{base}/query", data=data, headers={"Accept": accept})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 502
    assert b"failed while answering" in caught.value.read()


@pytest.mark.parametrize("where", ["?s a ?o", "?s <https://example.org/none> ?o"])
@pytest.mark.parametrize(
    ("form", "accept"),
    [*_FORMS, ("CONSTRUCT { ?s ?p ?o }", "text/n3"), ("ASK", "text/csv"), ("ASK", "text/tab-separated-values")],
)
def test_a_whole_answer_passes_in_every_format(base: str, form: str, accept: str, where: str) -> None:
    """The completeness check refuses no whole answer, full or empty, in any format the store writes."""
    query = f"{form} WHERE {{ {where} }}" + ("" if form == "ASK" else " LIMIT 5")
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{base}/query", data=data, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith(accept)


def test_a_saved_query_parameter_given_twice_is_refused_not_guessed(base: str) -> None:
    status, _, body = _get(f"{base}/queries/members-in-year?year=1995&year=2019")
    assert status == 400 and b"'year'" in body and b"twice" in body, body
