"""Where a store keeps its query, update and Graph Store endpoints, from the query endpoint's URL.

Each product puts the three at fixed places relative to each other, so
``--endpoint`` alone is enough for the known ones; ``--update-endpoint`` and
``--gsp-endpoint`` override. A store of unknown kind gets SPARQL Update on the
query URL and no Graph Store Protocol.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from pskg.errors import PskgError
from pskg.stores.client import Credentials, StoreClient, check_url


@dataclass(frozen=True)
class StoreKind:
    """How one product lays out its endpoints: a pattern on the query URL's path and the siblings."""

    name: str
    query_path: str  # regex on the path; group "base" is what the others are relative to
    update_suffix: str | None
    gsp_suffix: str | None
    note: str


KINDS: dict[str, StoreKind] = {
    kind.name: kind
    for kind in (
        StoreKind("oxigraph", r"(?P<base>.*)/query", "/update", "/store", "Oxigraph server"),
        StoreKind(
            "virtuoso",
            r"(?P<base>.*)/sparql",
            "/sparql-auth",
            "/sparql-graph-crud-auth",
            "Virtuoso 7: Digest authentication as a user with SPARQL_UPDATE (dba)",
        ),
        StoreKind("fuseki", r"(?P<base>/[^/]+)/(?:sparql|query)", "/update", "/data", "Apache Jena Fuseki dataset"),
        StoreKind(
            "graphdb",
            r"(?P<base>.*/repositories/[^/]+)",
            "/statements",
            "/rdf-graphs/service",
            "GraphDB (RDF4J protocol)",
        ),
        StoreKind("generic", r"(?P<base>.*)", "", None, "any SPARQL 1.1 store: SPARQL Update on the query URL"),
    )
}


def guess_kind(query_url: str) -> str:
    """The likely kind from the URL's shape: ``/repositories/R``, ``/DS/sparql``, ``/sparql``, ``/query``."""
    path = urllib.parse.urlsplit(query_url).path.rstrip("/")
    if "/repositories/" in path:
        return "graphdb"
    if path == "/sparql":
        return "virtuoso"
    if path == "/query":
        return "oxigraph"
    if re.fullmatch(KINDS["fuseki"].query_path, path):
        return "fuseki"
    return "generic"


def store_client(
    query_url: str,
    kind: str = "auto",
    update_url: str | None = None,
    gsp_url: str | None = None,
    credentials: Credentials | None = None,
) -> StoreClient:
    """A client for the store answering at ``query_url``, its other endpoints derived from its kind."""
    check_url(query_url)
    name = guess_kind(query_url) if kind == "auto" else kind
    if name not in KINDS:
        raise PskgError(f"unknown store kind {kind!r}; expected auto or one of {', '.join(KINDS)}")
    layout = KINDS[name]
    parts = urllib.parse.urlsplit(query_url)
    match = re.fullmatch(layout.query_path, parts.path.rstrip("/"))
    if match is None:
        raise PskgError(f"{query_url}: not where a {name} store answers queries; pass --store or the endpoints")
    base = parts._replace(path=match.group("base"), query="", fragment="").geturl()
    derived_update = None if layout.update_suffix is None else base + layout.update_suffix
    derived_gsp = None if layout.gsp_suffix is None else base + layout.gsp_suffix
    return StoreClient(
        query_url=query_url,
        update_url=update_url or derived_update,
        gsp_url=gsp_url or derived_gsp,
        credentials=credentials,
    )
