"""A web page the user opens cannot POST to ``pskg serve`` (an update under ``--writable``, a query) unless
``--cors`` allows other origins; clients that are no browser send no ``Origin`` and are not concerned."""

from __future__ import annotations

import urllib.parse

import pytest
from rdflib import Graph

from pskg.stores.front import Site
from tests.stores.test_service_policy import RecordingUpstream

UPDATE = b"update=INSERT+DATA+%7B+%3Chttp%3A%2F%2Fx%3E+%3Chttp%3A%2F%2Fy%3E+%3Chttp%3A%2F%2Fz%3E+%7D"
FORM = {"content-type": "application/x-www-form-urlencoded", "host": "127.0.0.1:7878"}


def _site(cors: bool) -> tuple[Site, RecordingUpstream]:
    upstream = RecordingUpstream()
    return Site(upstream, [], Graph(), writable=True, cors=cors, allow_service=True), upstream


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1:9999"])
def test_a_post_from_another_origin_is_refused_and_never_reaches_the_store(origin: str) -> None:
    site, upstream = _site(cors=False)
    answer = site.answer("POST", "/update", {**FORM, "origin": origin}, UPDATE)
    assert answer.status == 403 and b"--cors" in answer.body
    assert upstream.calls == []


@pytest.mark.parametrize(
    ("headers", "cors"),
    [
        ({}, False),  # curl, SPARQLWrapper, grlc: no Origin
        ({"origin": "http://127.0.0.1:7878"}, False),  # the server's own query editor
        ({"origin": "https://evil.example"}, True),  # --cors: other origins are allowed, as asked
    ],
    ids=["no-origin", "same-origin", "cors"],
)
def test_other_posts_reach_the_store(headers: dict[str, str], cors: bool) -> None:
    site, upstream = _site(cors=cors)
    assert site.answer("POST", "/update", {**FORM, **headers}, UPDATE).status == 200
    assert len(upstream.calls) == 1


def test_a_named_graph_iri_leads_to_the_dataset_description_as_the_w3id_rules_say() -> None:
    site, _ = _site(cors=False)
    answer = site.answer("GET", "/graph/cow", {}, None)
    assert answer.status == 303 and ("Location", "/dataset") in answer.headers
    assert site.answer("GET", "/graph/../etc", {}, None).status != 303


FEDERATED_GET = "/query?" + urllib.parse.urlencode({"query": "SELECT * WHERE { SERVICE <http://10.0.0.1/> {} }"})


@pytest.mark.parametrize(
    "headers",
    [{"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"}, {"origin": "https://evil.example"}],
    ids=["cross-site", "same-site", "origin"],
)
def test_a_federated_get_from_another_origin_is_refused_where_service_is_allowed(headers: dict[str, str]) -> None:
    """An image or a link on any page the user opens can GET a query: it must not make this machine fetch a URL."""
    site, upstream = _site(cors=False)
    answer = site.answer("GET", FEDERATED_GET, {"host": "127.0.0.1:7878", **headers}, None)
    assert answer.status == 403 and b"another origin" in answer.body, answer.body
    assert upstream.calls == []


@pytest.mark.parametrize(
    ("headers", "cors"),
    [
        ({}, False),  # curl, SPARQLWrapper
        ({"sec-fetch-site": "none"}, False),  # typed in the address bar
        ({"sec-fetch-site": "same-origin"}, False),  # the server's own query editor
        ({"sec-fetch-site": "cross-site"}, True),  # --cors with --allow-service: asked for
    ],
    ids=["no-browser", "typed", "same-origin", "cors"],
)
def test_a_federated_get_of_the_users_own_reaches_the_store(headers: dict[str, str], cors: bool) -> None:
    site, upstream = _site(cors=cors)
    assert site.answer("GET", FEDERATED_GET, {"host": "127.0.0.1:7878", **headers}, None).status == 200
    assert len(upstream.calls) == 1


def test_a_plain_query_from_another_origin_is_answered() -> None:
    """Only fetching is refused: a page of another origin may still read the data (an embedded chart)."""
    site, upstream = _site(cors=False)
    query = "/query?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert site.answer("GET", query, {"sec-fetch-site": "cross-site"}, None).status == 200
    assert len(upstream.calls) == 1


REBOUND = {"host": "evil.example:7878", "origin": "http://evil.example:7878", "sec-fetch-site": "same-origin"}


@pytest.mark.parametrize(("method", "target", "body"), [("POST", "/update", UPDATE), ("GET", FEDERATED_GET, None)])
def test_a_page_whose_name_was_made_to_resolve_to_a_loopback_server_is_refused(
    method: str, target: str, body: bytes | None
) -> None:
    """DNS rebinding: the page is same-origin to itself, but a loopback server is not reached by such a name."""
    site, upstream = _site(cors=False)
    headers = {**FORM, **REBOUND} if method == "POST" else REBOUND
    assert site.answer(method, target, headers, body).status == 403
    assert upstream.calls == []


@pytest.mark.parametrize(
    ("headers", "loopback"),
    [
        (REBOUND, False),  # a server on a network address is reached by its own names
        ({**REBOUND, "x-forwarded-host": "evil.example:7878"}, True),  # a reverse proxy that keeps the Host
        ({"host": "localhost:7878", "origin": "http://localhost:7878", "sec-fetch-site": "same-origin"}, True),
        ({"host": "[::1]:7878", "origin": "http://[::1]:7878"}, True),
        # a proxy that passes neither its name nor X-Forwarded-Host: the browser's Sec-Fetch-Site is believed
        ({"host": "127.0.0.1:7878", "origin": "https://kg.example", "sec-fetch-site": "same-origin"}, True),
    ],
    ids=["network-address", "proxy", "localhost", "ipv6", "proxy-without-forwarded-host"],
)
def test_a_browser_reaching_the_server_by_its_own_name_is_served(headers: dict[str, str], loopback: bool) -> None:
    upstream = RecordingUpstream()
    site = Site(upstream, [], Graph(), writable=True, allow_service=True, loopback=loopback)
    assert site.answer("POST", "/update", {**FORM, **headers}, UPDATE).status == 200
    assert site.answer("GET", FEDERATED_GET, headers, None).status == 200
    assert len(upstream.calls) == 2
