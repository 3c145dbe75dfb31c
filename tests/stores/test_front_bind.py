"""The front server binds the address ``pskg serve --host`` names, IPv6 too (``::1``, the README's loopback)."""

from __future__ import annotations

import http.client
import socket

import pytest
from rdflib import Graph

from pskg.stores.front import Site, Upstream, start_front


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]"])
def test_the_front_server_listens_on_ipv4_and_ipv6(host: str) -> None:
    if ":" in host and not _ipv6_loopback():
        pytest.skip("no IPv6 loopback here")
    site = Site(Upstream("127.0.0.1", 9, 5), [], Graph())
    server, thread = start_front(site, host, 0)
    try:
        connection = http.client.HTTPConnection(host.strip("[]"), server.server_address[1], timeout=10)
        connection.request("OPTIONS", "/query")
        assert connection.getresponse().status == 204
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
