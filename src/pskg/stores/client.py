"""A client for any SPARQL 1.1 store: the Protocol (query, update) and the Graph Store HTTP Protocol.

Only the standard library speaks HTTP here, so that the same few calls work on
Virtuoso, GraphDB, Fuseki and Oxigraph. Credentials come from the environment
(``PSKG_STORE_USER``, ``PSKG_STORE_PASSWORD``), are answered to Basic or Digest
challenges only, and never appear in a message: a URL carrying ``user:password@``
is refused rather than risk printing it.
"""

from __future__ import annotations

import http.client
import io
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib.query import Result

from pskg.errors import EndpointError, PskgError
from pskg.queries.catalogue import QueryResult

USER_VARIABLE = "PSKG_STORE_USER"
PASSWORD_VARIABLE = "PSKG_STORE_PASSWORD"
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Credentials:
    """A user name and password; the password is left out of ``repr``."""

    user: str
    password: str = field(repr=False)


def credentials_from_environment(environ: dict[str, str] | None = None) -> Credentials | None:
    """``PSKG_STORE_USER`` / ``PSKG_STORE_PASSWORD``, or None when the user is unset."""
    environ = dict(os.environ) if environ is None else environ
    user = environ.get(USER_VARIABLE)
    if not user:
        return None
    return Credentials(user, environ.get(PASSWORD_VARIABLE, ""))


def check_url(url: str) -> str:
    """An http(s) URL without credentials in it."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise PskgError(f"not an http(s) URL: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise PskgError(f"put credentials in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, not in the URL")
    return url


@dataclass
class StoreClient:
    """The three URLs of one store; ``update_url`` or ``gsp_url`` is None when the store lacks it."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    credentials: Credentials | None = None
    timeout: float = 120.0

    def __post_init__(self) -> None:
        for url in (self.query_url, self.update_url, self.gsp_url):
            if url is not None:
                check_url(url)

    def select(self, query: str, default_graphs: Sequence[str] = ()) -> QueryResult:
        """Run a SELECT query (POSTed form, SPARQL JSON results) over the given default graphs."""
        form = [("query", query)] + [("default-graph-uri", iri) for iri in default_graphs]
        body = self._send("POST", self.query_url, urllib.parse.urlencode(form).encode(), _FORM, RESULTS_JSON)
        try:
            result = Result.parse(io.BytesIO(body), format="json")
        except Exception as exc:  # rdflib's parser raises assorted types on garbage
            raise EndpointError(f"{self.query_url}: the answer is not SPARQL JSON results: {body[:160]!r}") from exc
        variables = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(row.get(v) for v in result.vars or ()) for row in result.bindings)
        return QueryResult(variables=variables, rows=rows)

    def count(self, graph_iri: str) -> int:
        """Triples in one named graph."""
        result = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{_iri(graph_iri)}> {{ ?s ?p ?o }} }}")
        return int(str(result.rows[0][0])) if result.rows and result.rows[0][0] is not None else 0

    def update(self, text: str) -> None:
        """Run a SPARQL Update request."""
        if self.update_url is None:
            raise PskgError(f"{self.query_url}: no SPARQL Update endpoint known for this store")
        body = urllib.parse.urlencode([("update", text)]).encode()
        self._send("POST", self.update_url, body, _FORM, "*/*")

    def put_graph(self, graph_iri: str, data: bytes, append: bool = False) -> None:
        """Graph Store Protocol: replace (PUT) or add to (POST) a named graph with N-Triples."""
        if self.gsp_url is None:
            raise PskgError(f"{self.query_url}: no Graph Store Protocol endpoint known for this store")
        separator = "&" if "?" in self.gsp_url else "?"
        url = f"{self.gsp_url}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
        self._send("POST" if append else "PUT", url, data, N_TRIPLES, "*/*")

    def _send(self, method: str, url: str, data: bytes, content_type: str, accept: str) -> bytes:
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Content-Type", content_type)
        request.add_header("Accept", accept)
        try:
            with self._opener().open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            raise EndpointError(f"{method} {_plain(url)}: HTTP {exc.code} {exc.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(f"{method} {_plain(url)}: cannot reach the store ({reason})") from None
        except http.client.HTTPException as exc:  # IncompleteRead, BadStatusLine …: not OSErrors
            broke_off = f"the store broke off its answer ({type(exc).__name__})"
            raise EndpointError(f"{method} {_plain(url)}: {broke_off}") from None

    def _opener(self) -> urllib.request.OpenerDirector:
        if self.credentials is None:
            return urllib.request.build_opener()
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in (self.query_url, self.update_url, self.gsp_url):
            if url is not None:
                passwords.add_password(None, url, self.credentials.user, self.credentials.password)
        return urllib.request.build_opener(
            urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
        )


def _iri(text: str) -> str:
    """An IRI safe inside ``<…>``."""
    if any(c in text for c in '<>"{}|^`\\ \n\t'):
        raise PskgError(f"not a valid IRI: {text!r}")
    return text


def _plain(url: str) -> str:
    """The URL without its query string (which may hold a whole query)."""
    return url.split("?", 1)[0]
