"""``pskg serve``: the dataset in an Oxigraph server on 127.0.0.1, with its web query page.

The server is the ``oxigraph`` command of the ``oxigraph`` package (PyPI). The
release's N-Quads are bulk-loaded into a store in a temporary folder, served
read-only (``--writable`` to allow updates) with the union of the named graphs as
default graph, so the saved queries run as they are. The store is removed when
the server stops; Ctrl-C stops it cleanly.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pskg.engines.built_store import source_key
from pskg.errors import PskgError
from pskg.release.formats import NQUADS

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
READY_TIMEOUT = 30.0


def oxigraph_command() -> str:
    """The ``oxigraph`` executable installed beside this Python, else on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise PskgError("the oxigraph server is not installed: pip install oxigraph")
    return found


def free_port() -> int:
    """A TCP port nobody listens on at the moment, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A running SPARQL server process and where it answers."""

    process: subprocess.Popen
    base_url: str
    query_url: str

    def stop(self) -> int:
        """Terminate the process (if still running) and wait for it; its exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


def bulk_load(location: Path, nquads: Path) -> None:
    """Load an N-Quads file into an Oxigraph store folder."""
    done = subprocess.run(
        [oxigraph_command(), "load", "--location", str(location), "--file", str(nquads)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise PskgError(f"oxigraph could not load {nquads}: {done.stderr.strip()[-300:]}")


def start_oxigraph(
    location: Path, port: int, writable: bool = False, log: Path | None = None, timeout: float | None = None
) -> Server:
    """Start ``oxigraph serve`` (or ``serve-read-only``) on 127.0.0.1 and wait until it answers.

    ``timeout``: Oxigraph's own time limit on a query's evaluation (``--timeout-s``, whole seconds).
    """
    command = [oxigraph_command(), "serve" if writable else "serve-read-only", "--location", str(location)]
    command += ["--bind", f"{HOST}:{port}", "--union-default-graph"]
    if timeout is not None:
        command += ["--timeout-s", str(max(1, math.ceil(timeout)))]
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - the process outlives this call
    process = subprocess.Popen(
        command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=die_with_parent
    )
    base = f"http://{HOST}:{port}"
    server = Server(process, base, f"{base}/query")
    try:
        wait_until_answering(server.query_url, process, READY_TIMEOUT)
    except PskgError:
        server.stop()
        raise
    return server


def die_with_parent() -> None:
    """On Linux the server is sent SIGTERM when pskg dies, even by SIGKILL: no orphan keeps the port."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


_PR_SET_PDEATHSIG = 1


def wait_until_answering(query_url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll ``query_url`` with ``ASK {}`` until it answers; PskgError if ``process`` dies or time runs out."""
    probe = f"{query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PskgError(f"the server stopped at start (exit {process.returncode}); is the port in use?")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise PskgError(f"the server did not answer at {query_url} within {timeout:.0f} s")


def needs_build(dist: Path) -> bool:
    """No release yet, or one built from other sources or code: the rule of the built store
    (``engines.built_store.source_key``, the content of every source file and of the package), not file times."""
    manifest = dist / "manifest.json"
    if not (dist / NQUADS).is_file() or not manifest.is_file():
        return True
    try:
        return bool(json.loads(manifest.read_text(encoding="utf-8")).get("sources") != source_key())
    except (OSError, ValueError, AttributeError):
        return True


@contextmanager
def served_dataset(nquads: Path, port: int, writable: bool = False, timeout: float | None = None) -> Iterator[Server]:
    """An Oxigraph server over a fresh store holding ``nquads``; store and server gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="pskg-serve-") as folder:
        location = Path(folder) / "store"
        bulk_load(location, nquads)
        server = start_oxigraph(location, port, writable=writable, log=Path(folder) / "server.log", timeout=timeout)
        try:
            yield server
        finally:
            server.stop()


def ui_link(server: Server, title: str, query: str) -> str:
    """A link that opens the server's query page (YASGUI) with ``query`` in a tab, ready to run."""
    return editor_link(f"{server.base_url}/", server.query_url, title, query)


def editor_link(editor_url: str, endpoint: str, title: str, query: str) -> str:
    """A link to a YASGUI page at ``editor_url`` with ``query`` in a tab, run on ``endpoint``."""
    fragment = urllib.parse.urlencode(
        {
            "query": query,
            "endpoint": endpoint,
            "requestMethod": "POST",
            "tabTitle": title,
            "headers": "{}",
            "contentTypeConstruct": "text/turtle",
            "contentTypeSelect": "application/sparql-results+json",
            "outputFormat": "table",
        },
        quote_via=urllib.parse.quote,
    )
    return f"{editor_url}#{fragment}"


def run_until_interrupted(server: Server) -> int:
    """Block until the server exits, Ctrl-C or SIGTERM; then stop it. 0 after a signal, else the server's status.

    Both signals are handled explicitly: a shell starts background jobs with SIGINT
    ignored, and ``docker stop`` or a service manager sends SIGTERM.
    """
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return server.process.wait()
    except KeyboardInterrupt:
        server.stop()
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
