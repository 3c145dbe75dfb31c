"""SELECT solutions as rows of plain text (lexical forms, IRIs unbracketed): what CSV exports are made of.

Either engine writes its solutions as SPARQL CSV in one call, so the rows stream
from that text without an rdflib or pyoxigraph object per cell. An unbound cell
is the empty string. On a pyoxigraph store, the query reads its default graph.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pyoxigraph
from rdflib import Graph

from pskg.sources.namespaces import sparql_prologue


def plain_rows(source: Graph | pyoxigraph.Store, query: str) -> Iterator[dict[str, str]]:
    """The solutions of ``query`` (the project's prefixes declared) on ``source``, one dict per row."""
    text = sparql_prologue() + query
    if isinstance(source, pyoxigraph.Store):
        data = source.query(text).serialize(format=pyoxigraph.QueryResultsFormat.CSV)
    else:
        data = source.query(text).serialize(format="csv")
    if not isinstance(data, bytes):  # pragma: no cover - both engines return bytes without a destination
        raise TypeError("the engine wrote its CSV elsewhere")
    return iter(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
