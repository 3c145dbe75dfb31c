"""The SERVICE policy of ``pskg serve``: a query that would make the machine fetch a URL is refused unless allowed.

The front server's ``Site`` is asked directly, with a stand-in for Oxigraph that
records what reaches it: a refused request must never reach it. The same policy
against a real ``pskg serve`` is in ``test_front.py``.
"""

from __future__ import annotations

import urllib.parse

import pytest
from rdflib import Graph

from pskg.stores.front import Answer, Site, Upstream
from pskg.stores.service_policy import fetching_operations, is_loopback

FEDERATED = "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/> { ?s ?p ?o } }"


class RecordingUpstream(Upstream):
    """Oxigraph's stand-in: answers 200 to anything, and keeps what it was sent."""

    def __init__(self) -> None:
        super().__init__("127.0.0.1", 9, 5)
        self.calls: list[tuple[str, str, bytes | None]] = []

    def call(self, method: str, target: str, headers: dict[str, str], body: bytes | None) -> Answer:
        self.calls.append((method, target, body))
        return Answer(200, b"{}", "application/sparql-results+json")


def _site(allow_service: bool, writable: bool = False) -> tuple[Site, RecordingUpstream]:
    upstream = RecordingUpstream()
    return Site(upstream, [], Graph(), writable=writable, allow_service=allow_service), upstream


def _requests(text: str, parameter: str = "query", path: str = "/query") -> dict[str, tuple]:
    """The same text as each way the SPARQL protocol sends it: (method, target, headers, body)."""
    encoded = urllib.parse.urlencode({parameter: text})
    media = "application/sparql-query" if parameter == "query" else "application/sparql-update"
    return {
        "get": ("GET", f"{path}?{encoded}", {}, None),
        "post-form": ("POST", path, {"content-type": "application/x-www-form-urlencoded"}, encoded.encode()),
        "post-direct": ("POST", path, {"content-type": f"{media}; charset=utf-8"}, text.encode()),
        "post-unlabelled": ("POST", path, {}, text.encode()),
        "editor": ("POST", f"/editor{path}", {"content-type": media}, text.encode()),
    }


@pytest.mark.parametrize("how", list(_requests(FEDERATED)))
def test_a_federated_query_is_refused_by_default_and_never_reaches_the_store(how: str) -> None:
    site, upstream = _site(allow_service=False)
    answer = site.answer(*_requests(FEDERATED)[how])
    assert answer.status == 403
    message = answer.body.decode("utf-8")
    assert "SERVICE" in message and "--allow-service" in message, message
    assert upstream.calls == []


@pytest.mark.parametrize("how", list(_requests(FEDERATED)))
def test_with_allow_service_it_is_passed_through(how: str) -> None:
    site, upstream = _site(allow_service=True)
    assert site.answer(*_requests(FEDERATED)[how]).status == 200
    assert len(upstream.calls) == 1


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://10.0.0.1/x.ttl> INTO GRAPH <http://example.org/g>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }",
    ],
    ids=["load", "insert-where-service"],
)
@pytest.mark.parametrize("how", ["post-form", "post-direct"])
def test_an_update_that_fetches_is_refused_too(update: str, how: str) -> None:
    site, upstream = _site(allow_service=False, writable=True)
    answer = site.answer(*_requests(update, "update", "/update")[how])
    assert answer.status == 403 and b"--allow-service" in answer.body
    assert upstream.calls == []


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://10.0.0.1/> { ?a ?b ?c }" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://10.0.0.1/> { ?a ?b ?c }",
        "SELECT * WHERE { <https://example.org/service/load> ?p ?o }",
        "SELECT ?service ?download WHERE { ?service ?p ?download }",
        "ASK { ?s ?p ?o }",
        "SELECT nonsense",
    ],
    ids=["in-a-string", "in-a-comment", "in-an-iri", "as-variables", "no-mention", "syntax-error-no-mention"],
)
def test_the_word_elsewhere_refuses_nothing(query: str) -> None:
    site, upstream = _site(allow_service=False)
    for request in _requests(query).values():
        assert site.answer(*request).status == 200, request
    assert len(upstream.calls) == len(_requests(query))


@pytest.mark.parametrize(
    "query",
    [
        "select * where { service <http://10.0.0.1/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z { SELECT ?s WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } } } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://10.0.0.1/> { ?s ?q ?r } } }",
        # Oxigraph ends a comment at a carriage return, rdflib at a line feed only.
        "SELECT * WHERE { # a comment\rSERVICE <http://10.0.0.1/> { ?s ?p ?o }\n }",
        # Oxigraph reads \u005C as one backslash inside the string; rdflib, expanding it first, as an escape.
        'SELECT * WHERE { BIND("\\u005C" AS ?x) SERVICE <http://10.0.0.1/> { ?s ?p ?o } BIND("\\u005C" AS ?y) }',
        # Not parsed here (a syntax rdflib lacks, or a mistake): refused, since it mentions SERVICE.
        "SELECT * WHERE { SERVICE <http://10.0.0.1/> { ?s ?p ?o } } LATERAL",
    ],
    ids=["lower-case", "in-a-sub-select", "in-optional", "carriage-return", "escaped-backslash", "unparsed"],
)
def test_every_way_of_writing_it_is_refused(query: str) -> None:
    site, upstream = _site(allow_service=False)
    for request in _requests(query).values():
        assert site.answer(*request).status == 403, request
    assert upstream.calls == []


def test_the_refusal_says_when_the_text_could_not_be_checked() -> None:
    operations, parsed = fetching_operations("SELECT * WHERE { SERVICE <http://10.0.0.1/> {} } LATERAL")
    assert operations == {"SERVICE"} and not parsed
    site, _ = _site(allow_service=False)
    answer = site.answer("GET", "/query?" + urllib.parse.urlencode({"query": "SERVICE ;"}), {}, None)
    assert answer.status == 403 and b"could not be parsed" in answer.body


def test_our_own_pages_are_not_concerned() -> None:
    """The landing page and resource pages run the server's own queries, never a client's text."""
    site, _ = _site(allow_service=False)
    assert site.answer("GET", "/queries/not-a-query?service=load", {}, None).status == 404


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("kg.example.org", False),
    ],
)
def test_which_hosts_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
