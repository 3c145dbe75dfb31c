"""Errors the CLI turns into a message and an exit status (never a traceback)."""

from __future__ import annotations

from pathlib import Path

#: Exit statuses of the ``pskg`` command, documented in the README.
EXIT_OK = 0
EXIT_INVALID = 1  # the data violates the shapes
EXIT_USAGE = 2  # bad input: syntax error, unknown query, bad parameter, missing file
EXIT_REMOTE = 3  # a remote SPARQL endpoint (Wikidata) is unreachable or answered garbage


class PskgError(Exception):
    """An error the user can fix; its message says what and where."""

    exit_status = EXIT_USAGE


class TurtleSyntaxError(PskgError):
    """A Turtle file does not parse; names the file and, when known, the line."""

    def __init__(self, path: Path, line: int | None, detail: str) -> None:
        self.path = path
        self.line = line
        self.detail = detail
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: Turtle syntax error: {detail}")


class UnknownQueryError(PskgError):
    """The named saved query does not exist."""


class ParameterError(PskgError):
    """A query parameter is missing, unknown or of the wrong type."""


class ValidationFailed(PskgError):
    """The graph does not conform to the shapes: nothing is written."""

    exit_status = EXIT_INVALID


class EndpointError(PskgError):
    """A remote SPARQL endpoint could not be reached or did not answer with SPARQL results."""

    exit_status = EXIT_REMOTE
