"""Whether a 200 answer from Oxigraph is whole, read in its own format.

Oxigraph, failing mid-answer (a SERVICE endpoint that errs, a query cut off), ends the answer it has started with
the error's text, and that text may copy a remote server's body: any bytes, line breaks and closing tags included.
No end marker can tell it apart, so the answer is parsed whole by Oxigraph's own parsers; CSV, which they do not
read, is checked by its grammar as the SPARQL CSV format writes it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable

import pyoxigraph

#: A quoted CSV field (a doubled quote inside), skipped when looking for a line break that ends no row.
_QUOTED = re.compile(rb'"(?:[^"]|"")*"')
#: A line break not preceded by a carriage return: SPARQL CSV ends every row with CRLF.
_BARE_LF = re.compile(rb"(?<!\r)\n")


def complete(content_type: str, data: bytes) -> bool:
    """Whether ``data``, a 200 answer of type ``content_type``, parses whole in that format.

    A type that names two formats (``application/json``: results or JSON-LD) is whole if it reads as either; a type
    Oxigraph does not write (and the front server does not check) counts as whole."""
    media = content_type.split(";")[0].strip().lower()
    results_format = pyoxigraph.QueryResultsFormat.from_media_type(media)
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media)
    if results_format is None and rdf_format is None:
        return True
    if results_format is not None and _results_complete(data, results_format):
        return True
    return rdf_format is not None and _reads_to_end(lambda: pyoxigraph.parse(data, rdf_format))


def _results_complete(data: bytes, results_format: pyoxigraph.QueryResultsFormat) -> bool:
    """SPARQL results read to their end; CSV, which Oxigraph does not parse, by its grammar."""
    if results_format == pyoxigraph.QueryResultsFormat.CSV:
        return _csv_complete(data)
    return _reads_to_end(lambda: pyoxigraph.parse_query_results(data, results_format))


def _reads_to_end(parse: Callable[[], Iterable[object] | pyoxigraph.QueryBoolean]) -> bool:
    """Whether a parser reads every solution, triple or quad it yields with no syntax error."""
    try:
        parsed = parse()
        if not isinstance(parsed, pyoxigraph.QueryBoolean):
            for _ in parsed:
                pass
    except (SyntaxError, ValueError):
        return False
    return True


def _csv_complete(data: bytes) -> bool:
    """A SPARQL CSV answer: the bare ``true``/``false`` of an ASK, or rows ended by CRLF with the header's width."""
    if data in (b"", b"true", b"false"):
        return True
    if not data.endswith(b"\r\n") or _BARE_LF.search(_QUOTED.sub(b"", data)):
        return False
    try:
        rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        width = len(next(rows))
        return all(len(row) == width for row in rows)
    except (UnicodeDecodeError, csv.Error):
        return False
