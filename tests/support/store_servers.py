"""SPARQL servers the store tests start on 127.0.0.1 (free ports, temporary folders) and stop.

Virtuoso 7 is Debian's ``virtuoso-opensource`` (installed by
``scripts/install-test-services.sh``, which ``make test`` runs first); it is started
with its own ``virtuoso.ini`` in a temporary folder, never as the system service.
The Oxigraph server comes from the ``oxigraph`` PyPI package (``pskg.stores.serve``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pskg.errors import PskgError
from pskg.stores.serve import HOST, die_with_parent, free_port, wait_until_answering

VIRTUOSO = "virtuoso-t"
VIRTUOSO_VSP = Path("/var/lib/virtuoso-opensource-7/vsp")
#: A fresh Virtuoso database has one administrator, dba, with password dba.
VIRTUOSO_USER = "dba"
VIRTUOSO_PASSWORD = "dba"
START_TIMEOUT = 60.0

_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CaseMode = 2
[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {vsp}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def start_logged(command: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    """Start a test server in ``cwd``, its output in ``log``; it dies with the test run (no orphan keeps a port)."""
    with open(log, "wb") as output:
        return subprocess.Popen(
            command,
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=die_with_parent,
        )


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """A clean stop (so a server's own children go too), killed if it takes longer than ``timeout``."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def require_virtuoso() -> str:
    """The ``virtuoso-t`` executable; missing is a failure in CI and a skip elsewhere."""
    found = shutil.which(VIRTUOSO)
    if found:
        return found
    message = "virtuoso-t is not installed: run scripts/install-test-services.sh (as make test does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """A Virtuoso 7 instance with an empty database in ``folder``; yields its /sparql URL."""
    executable = require_virtuoso()
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = _INI.format(folder=folder, host=HOST, sql_port=free_port(), http_port=http_port, vsp=VIRTUOSO_VSP)
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    command = [executable, "+foreground", "+configfile", str(folder / "virtuoso.ini")]
    process = start_logged(command, folder, folder / "console.log")
    url = f"http://{HOST}:{http_port}/sparql"
    try:
        try:
            wait_until_answering(url, process, START_TIMEOUT)
        except PskgError as error:
            raise RuntimeError(f"{error}: {(folder / 'console.log').read_text()[-2000:]}") from error
        yield url
    finally:
        stop_process(process, timeout=30)


def start_pskg_serve(dist: Path, tmp_path: Path, *options: str) -> tuple[subprocess.Popen, list[str]]:
    """``pskg serve --port 0`` in a subprocess (its store under ``tmp_path``), its lines up to "Press Ctrl-C"."""
    code = "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--port", "0", "--dist", str(dist), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl-C"):
            break
    if not (lines and lines[-1].startswith("Press Ctrl-C")):
        stop_process(process)
        raise AssertionError((lines, process.stderr.read() if process.stderr else ""))
    return process, lines


def printed_value(lines: list[str], label: str) -> str:
    """The value after ``label:`` on one of the lines ``pskg serve`` printed."""
    return next(line.split(": ", 1)[1] for line in lines if line.strip().startswith(label))
