"""Local stand-ins for Wikidata's query service, so no test reaches the internet.

``oxigraph_endpoint`` is a real SPARQL server (the ``oxigraph`` CLI from PyPI) on
127.0.0.1, loaded with ``tests/fixtures/wikidata/wikidata.ttl``, a fixture in Wikidata's
RDF model. ``StubServer`` is a tiny HTTP server that misbehaves on purpose (429 with
Retry-After, HTML, garbage, slowness, a connection closed mid-answer).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "wikidata" / "wikidata.ttl"


def oxigraph_binary() -> str:
    """The ``oxigraph`` CLI of this environment (installed by the ``test`` extra)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("the oxigraph CLI is missing in CI: the test extra must install it")
    pytest.skip("oxigraph CLI not installed: pip install -e '.[test]'")
    raise AssertionError  # pragma: no cover


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def oxigraph_server(location: Path, fixture: Path = FIXTURE) -> Iterator[str]:
    """Load ``fixture`` into a store at ``location``, serve it read-only; yields the query URL."""
    binary = oxigraph_binary()
    subprocess.run(
        [binary, "load", "--location", str(location), "--file", str(fixture)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph did not start within 20 s")


@dataclass
class Reply:
    """What the stub answers to one request."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/sparql-results+json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut_after: int | None = None  # close the connection after this many bytes of the body


EMPTY_RESULTS = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'


class StubServer:
    """Answers each request with the next ``Reply`` of a script (the last one repeats)."""

    def __init__(self, replies: list[Reply]) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, str]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                self.rfile.read(length)
                stub.requests.append(dict(self.headers.items()))
                reply = stub.replies[min(len(stub.requests), len(stub.replies)) - 1]
                time.sleep(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                body = reply.body if reply.cut_after is None else reply.body[: reply.cut_after]
                with contextlib.suppress(OSError):
                    self.wfile.write(body)
                    self.wfile.flush()
                if reply.cut_after is not None:
                    self.close_connection = True

            do_GET = do_POST

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    def __enter__(self) -> StubServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
