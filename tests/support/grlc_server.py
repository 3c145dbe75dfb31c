"""grlc (PyPI, local mode) on 127.0.0.1, serving a folder of saved queries against a SPARQL endpoint.

grlc pins its own dependencies (Flask, PyGithub, python-gitlab, gunicorn, …), so it
lives in a virtualenv of its own, ``.venv-grlc`` (``make .venv-grlc/.installed``,
which ``make test`` runs first), and runs here as a subprocess of that Python.
grlc reads its settings from ``config.ini`` in its working directory: the local
queries folder (``[local] local_sparql_dir``) and the endpoint
(``[defaults] sparql_endpoint``). Flask's own server runs it, bound to 127.0.0.1
(``grlc-server`` would start 20 gunicorn workers on every interface).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pskg.stores.serve import HOST, free_port
from tests.support.store_servers import start_logged, stop_process

REPO = Path(__file__).resolve().parents[2]


def _pinned_version() -> str:
    """The grlc release the Makefile installs (an sdist has no Makefile: the same release, written here)."""
    makefile = REPO / "Makefile"
    text = makefile.read_text(encoding="utf-8") if makefile.is_file() else ""
    found = re.search(r"^GRLC_VERSION := (\S+)$", text, re.MULTILINE)
    return found.group(1) if found else "1.3.11"


#: The grlc release the test insists on.
GRLC_VERSION = _pinned_version()
START_TIMEOUT = 90.0

_CONFIG = """[local]
local_sparql_dir = {queries}

[defaults]
sparql_endpoint = {endpoint}
server_name = {host}:{port}
user = none
password = none
debug = False
"""


def grlc_python() -> str:
    """The Python of grlc's own virtualenv (``$PSKG_GRLC_PYTHON`` or ``.venv-grlc``); missing fails in CI."""
    override = os.environ.get("PSKG_GRLC_PYTHON")
    candidate = Path(override) if override else REPO / ".venv-grlc" / "bin" / "python"
    if candidate.is_file():
        probe = "import importlib.metadata, grlc.server; print(importlib.metadata.version('grlc'))"
        done = subprocess.run([str(candidate), "-c", probe], capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.split()[-1:] == [GRLC_VERSION]:  # grlc prints on import
            return str(candidate)
    message = f"grlc {GRLC_VERSION} is not installed in {candidate}: run `make .venv-grlc/.installed`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def grlc_server(queries: Path, endpoint: str, folder: Path) -> Iterator[str]:
    """grlc serving ``queries`` against ``endpoint``; yields its base URL (operations under ``/api-local/``)."""
    python = grlc_python()
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = _CONFIG.format(queries=queries, endpoint=endpoint, host=HOST, port=port)
    (folder / "config.ini").write_text(config, encoding="utf-8")
    log = folder / "grlc.log"
    command = [python, "-m", "flask", "--app", "grlc.server", "run", "--host", HOST, "--port", str(port)]
    process = start_logged(command, folder, log)
    base = f"http://{HOST}:{port}"
    try:
        _wait(f"{base}/api-local/swagger", process, log)
        yield base
    finally:
        stop_process(process)


def _wait(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"grlc stopped at start: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                json.load(response)
                return
        except (urllib.error.URLError, OSError, ValueError):
            time.sleep(0.3)
    raise RuntimeError(f"grlc did not answer at {url}: {log.read_text(errors='replace')[-2000:]}")
