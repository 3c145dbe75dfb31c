"""Saved queries on a remote store: parameters go in as RDF terms (``pskg.queries.binding``), results come back
as rdflib terms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rdflib import Graph

from pskg.queries.binding import prepared_text
from pskg.queries.catalogue import QueryResult, SavedQuery
from pskg.stores.client import StoreClient


def run_remote_query(
    client: StoreClient,
    query: SavedQuery,
    values: Mapping[str, str] | None = None,
    default_graphs: Sequence[str] = (),
    names: Graph | None = None,
) -> QueryResult:
    """Run a saved query on the store, over ``default_graphs`` (none: the store's own default graph)."""
    return client.select(prepared_text(query, values or {}, names), default_graphs)
