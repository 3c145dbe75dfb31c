"""The Wikidata client misbehaving servers can't fool: retries, back-off, Retry-After, cache, clear errors."""

from __future__ import annotations

import email.utils
import json
import socket
import time
import urllib.error

import pytest

from pskg.cli import main
from pskg.errors import EXIT_REMOTE, EndpointError
from pskg.wikidata.client import RetryPolicy, SparqlClient, _network_failure, retry_after_seconds, user_agent
from pskg.wikidata.response_cache import ResponseCache
from tests.support.wikidata_support import EMPTY_RESULTS, Reply, StubServer, free_port

QUERY = "SELECT ?x WHERE { BIND(1 AS ?x) }"


def client(url: str, waits: list[float] | None = None, tries: int = 4, **options) -> SparqlClient:
    sleep = waits.append if waits is not None else (lambda _: None)
    retry = RetryPolicy(tries=tries, base_delay=1.0, max_delay=30.0, sleep=sleep, jitter=lambda: 0.0)
    return SparqlClient(url, cache=None, retry=retry, **options)


def test_answers_are_parsed_into_rdf_terms_and_the_user_agent_is_descriptive():
    with StubServer([Reply(body=EMPTY_RESULTS)]) as stub:
        rows = client(stub.url).select(QUERY)
    assert rows.variables == ("x",)
    assert str(rows.bindings[0]["x"]) == "1"
    agent = stub.requests[0]["User-Agent"]
    assert agent == user_agent()
    assert agent.startswith("postsoviet-security-kg/") and "https://w3id.org/postsoviet-security" in agent
    assert "SPARQLWrapper/" in agent and "@" not in agent and "/home" not in agent and "/root" not in agent
    assert "application/sparql-results+json" in stub.requests[0]["Accept"]


def test_429_with_retry_after_seconds_is_honoured():
    waits: list[float] = []
    replies = [Reply(status=429, body=b"slow down", headers={"Retry-After": "7"}), Reply(body=EMPTY_RESULTS)]
    with StubServer(replies) as stub:
        client(stub.url, waits).select(QUERY)
    assert waits == [7.0]
    assert len(stub.requests) == 2


def test_503_with_retry_after_http_date_is_honoured():
    waits: list[float] = []
    later = email.utils.formatdate(time.time() + 5, usegmt=True)
    replies = [Reply(status=503, headers={"Retry-After": later}), Reply(body=EMPTY_RESULTS)]
    with StubServer(replies) as stub:
        client(stub.url, waits).select(QUERY)
    assert len(waits) == 1 and 3.0 <= waits[0] <= 5.0


def test_retries_are_bounded_with_exponential_back_off():
    waits: list[float] = []
    with StubServer([Reply(status=429)]) as stub, pytest.raises(EndpointError, match=r"429.*gave up after 4 tries"):
        client(stub.url, waits).select(QUERY)
    assert waits == [1.0, 2.0, 4.0]
    assert len(stub.requests) == 4


def test_back_off_is_jittered_and_capped():
    policy = RetryPolicy(base_delay=1.0, max_delay=5.0, jitter=lambda: 1.0)
    assert [policy.backoff(n) for n in (1, 2, 3, 4)] == [1.5, 3.0, 5.0, 5.0]


def test_a_retry_after_beyond_the_cap_stops_with_advice():
    waits: list[float] = []
    with (
        StubServer([Reply(status=429, headers={"Retry-After": "3600"})]) as stub,
        pytest.raises(EndpointError, match=r"asks to wait 3600 s.*try again later"),
    ):
        client(stub.url, waits).select(QUERY)
    assert waits == []
    assert len(stub.requests) == 1


def test_retry_after_parsing():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412480.0 - 10) == 10.0


def test_a_slow_endpoint_times_out_and_is_retried():
    waits: list[float] = []
    with (
        StubServer([Reply(body=EMPTY_RESULTS, delay=1.0)]) as stub,
        pytest.raises(EndpointError, match=r"no answer within 0.2 s \(gave up after 2 tries\)"),
    ):
        client(stub.url, waits, tries=2, timeout=0.2).select(QUERY)
    assert waits == [1.0]


def test_a_connection_closed_mid_answer_is_retried():
    replies = [Reply(body=EMPTY_RESULTS, cut_after=20), Reply(body=EMPTY_RESULTS)]
    with StubServer(replies) as stub:
        rows = client(stub.url, []).select(QUERY)
    assert len(rows.bindings) == 1
    assert len(stub.requests) == 2


def test_an_html_answer_is_named_as_such():
    page = b"<!DOCTYPE html><html><body>Welcome to our portal</body></html>"
    with (
        StubServer([Reply(body=page, content_type="text/html; charset=utf-8")]) as stub,
        pytest.raises(EndpointError, match=r"answered with HTML.*is this a SPARQL endpoint"),
    ):
        client(stub.url).select(QUERY)
    assert len(stub.requests) == 1


@pytest.mark.parametrize("body", [b"\x00garbage{", b'{"head": {}}', b'{"head": {"vars": ["x"]}, "results": 3}'])
def test_garbage_is_not_mistaken_for_results(body):
    with StubServer([Reply(body=body)]) as stub, pytest.raises(EndpointError, match="not SPARQL JSON results"):
        client(stub.url).select(QUERY)


@pytest.mark.parametrize(
    ("status", "message"),
    [(400, "rejected the query as malformed"), (404, "no SPARQL endpoint"), (500, "failed on its side")],
)
def test_client_and_server_errors_are_not_retried(status, message):
    with StubServer([Reply(status=status, body=b"details here")]) as stub, pytest.raises(EndpointError, match=message):
        client(stub.url).select(QUERY)
    assert len(stub.requests) == 1


def test_endpoint_down_is_a_clear_error():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(EndpointError, match="connection refused: is the endpoint running"):
        client(url).select(QUERY)


def test_offline_is_a_clear_error():
    failure = _network_failure("https://query.wikidata.org/sparql", urllib.error.URLError(socket.gaierror(-3)), 5)
    assert isinstance(failure, EndpointError)
    assert "offline?" in str(failure)


def test_the_cli_reports_an_unreachable_endpoint_with_exit_status_3(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path))
    status = main(["link", "check", "--endpoint", f"http://127.0.0.1:{free_port()}/sparql"])
    assert status == EXIT_REMOTE == 3
    assert "connection refused" in capsys.readouterr().err


def test_answers_are_cached_and_reused(tmp_path):
    cache = ResponseCache(tmp_path)
    with StubServer([Reply(body=EMPTY_RESULTS)]) as stub:
        cached = SparqlClient(stub.url, cache=cache, retry=RetryPolicy(sleep=lambda _: None))
        first = cached.select(QUERY)
        second = cached.select(QUERY)
    assert first == second
    assert len(stub.requests) == 1
    (entry,) = (tmp_path / "sparql").glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    assert stored["endpoint"] == stub.url and "SELECT ?x" in stored["query"]


def test_a_stale_or_corrupt_cache_entry_is_ignored(tmp_path):
    now = [1000.0]
    cache = ResponseCache(tmp_path, max_age=60, clock=lambda: now[0])
    cache.put("http://e/sparql", "Q", "body")
    assert cache.get("http://e/sparql", "Q") == "body"
    assert cache.get("http://other/sparql", "Q") is None
    now[0] += 61
    assert cache.get("http://e/sparql", "Q") is None
    cache.path("http://e/sparql", "Q").write_text("{not json", encoding="utf-8")
    assert cache.get("http://e/sparql", "Q") is None


def test_errors_are_not_cached(tmp_path):
    cache = ResponseCache(tmp_path)
    with StubServer([Reply(body=b"garbage")]) as stub, pytest.raises(EndpointError):
        SparqlClient(stub.url, cache=cache).select(QUERY)
    assert not list(tmp_path.rglob("*.json"))
