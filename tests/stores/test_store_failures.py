"""A remote store that fails: ``pskg query --endpoint`` says what went wrong, with exit status 3.

Real HTTP servers on 127.0.0.1 (a stub answering with a scripted status, body or
delay, and a closed port for a store that is down); never the internet. Store
requests are not retried: an Update or a Graph Store PUT is not idempotent.
"""

from __future__ import annotations

import pytest

from pskg.cli import main
from pskg.errors import EndpointError
from pskg.stores.client import StoreClient
from tests.support.wikidata_support import EMPTY_RESULTS, Reply, StubServer, free_port

CASES = {
    "unauthorised": (Reply(status=401, body=b"login", content_type="text/plain"), "HTTP 401"),
    "forbidden": (Reply(status=403, body=b"no", content_type="text/plain"), "HTTP 403"),
    "server-error": (Reply(status=500, body=b"boom", content_type="text/plain"), "HTTP 500"),
    "html-instead-of-results": (
        Reply(body=b"<!DOCTYPE html><html><body>portal</body></html>", content_type="text/html"),
        "not SPARQL JSON results",
    ),
    "garbage": (Reply(body=b"\x00\x01{not json"), "not SPARQL JSON results"),
    "closed-mid-response": (Reply(body=EMPTY_RESULTS, cut_after=20), "broke off its answer"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_failing_store_is_reported_with_exit_status_3(name, capsys):
    reply, words = CASES[name]
    with StubServer([reply]) as stub:
        status = main(["query", "--endpoint", stub.url, "members-in-year"])
        requests = len(stub.requests)
    err = capsys.readouterr().err
    assert status == 3, err
    assert "Traceback" not in err
    assert words in err
    assert requests == 1  # not retried


def test_a_store_that_is_down(capsys):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    assert main(["query", "--endpoint", url, "members-in-year"]) == 3
    assert "cannot reach the store" in capsys.readouterr().err


def test_a_slow_store_times_out():
    with StubServer([Reply(body=EMPTY_RESULTS, delay=2.0)]) as stub, pytest.raises(EndpointError):
        StoreClient(stub.url, timeout=0.3).select("SELECT * WHERE { ?s ?p ?o }")
