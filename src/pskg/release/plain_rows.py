"""SELECT solutions as rows of plain text (lexical forms, IRIs unbracketed): what CSV exports are made of.

Either engine writes its solutions as SPARQL CSV in one call, so the rows stream
from that text without an rdflib or pyoxigraph object per cell. An unbound cell
is the empty string.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

import pyoxigraph
from rdflib import Graph

from pskg.engines.fast.store import select
from pskg.sources.namespaces import sparql_prologue


def plain_rows(
    source: Graph | pyoxigraph.Store, query: str, graphs: Sequence[pyoxigraph.NamedNode] = (), union: bool = False
) -> Iterator[dict[str, str]]:
    """The solutions of ``query`` (the project's prefixes declared) on ``source``, one dict per row; on a store,
    over the union of ``graphs`` when given, or of all its named graphs with ``union`` (a triple two graphs state
    then matches twice), else over its default graph."""
    text = sparql_prologue() + query
    if isinstance(source, pyoxigraph.Store):
        if graphs:
            solutions = select(source, text, default_graph=graphs)
        else:
            solutions = select(source, text, use_default_graph_as_union=union)
        data = solutions.serialize(format=pyoxigraph.QueryResultsFormat.CSV)
    else:
        data = source.query(text).serialize(format="csv")
    if not isinstance(data, bytes):  # pragma: no cover - both engines return bytes without a destination
        raise TypeError("the engine wrote its CSV elsewhere")
    return iter(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
