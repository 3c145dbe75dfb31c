"""A well-behaved SPARQL client for Wikidata's query service (or any endpoint like it).

Wikidata asks clients for a descriptive User-Agent and to back off when told to
(429/503 with ``Retry-After``). Queries are read-only, hence safe to retry: the client
retries transient failures a bounded number of times with exponential back-off and
jitter, caches answers on disk, and turns every failure into an ``EndpointError``
that says what happened (offline, refused, too slow, HTML instead of results, …).
"""

from __future__ import annotations

import email.utils
import http.client
import json
import random
import socket
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field

import SPARQLWrapper as sparqlwrapper_package
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, EndPointNotFound, QueryBadFormed, Unauthorized

from pskg import __version__
from pskg.errors import EndpointError
from pskg.sources.namespaces import sparql_prologue
from pskg.wikidata.response_cache import ResponseCache

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_TIMEOUT = 70.0  # Wikidata stops queries after 60 s; leave it time to say so
PROJECT_URL = "https://w3id.org/postsoviet-security"
_TRANSIENT_STATUSES = {429, 502, 503, 504}


def user_agent() -> str:
    """The User-Agent Wikidata's policy asks for: who we are and where to learn more."""
    return (
        f"postsoviet-security-kg/{__version__} ({PROJECT_URL}; linked-data research tool) "
        f"SPARQLWrapper/{sparqlwrapper_package.__version__}"
    )


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait. ``sleep`` and ``jitter`` are injectable for tests."""

    tries: int = 4
    base_delay: float = 1.0
    max_delay: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[], float] = random.random

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based), jittered, capped."""
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1) * (1 + self.jitter() / 2))


@dataclass(frozen=True)
class Rows:
    """A SELECT answer: variable names and one dict of RDF terms per row (unbound names absent)."""

    variables: tuple[str, ...]
    bindings: tuple[dict[str, Node], ...]


class _Transient(Exception):
    """A failure worth retrying; ``retry_after`` is the server's wish in seconds, if it said."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass
class SparqlClient:
    """Runs SELECT queries against one endpoint; answers come from the cache when fresh."""

    endpoint: str = DEFAULT_ENDPOINT
    timeout: float = DEFAULT_TIMEOUT
    cache: ResponseCache | None = field(default_factory=ResponseCache)
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def select(self, query: str) -> Rows:
        """Run ``query`` (the project's prefixes are prepended) and parse the JSON results."""
        text = sparql_prologue() + query
        body = self.cache.get(self.endpoint, text) if self.cache else None
        if body is None:
            body = self._fetch_with_retries(text)
            rows = parse_results(self.endpoint, body)
            if self.cache:
                self.cache.put(self.endpoint, text, body)
            return rows
        return parse_results(self.endpoint, body)

    def _fetch_with_retries(self, query: str) -> str:
        for attempt in range(1, self.retry.tries + 1):
            try:
                return self._fetch(query)
            except _Transient as failure:
                if attempt == self.retry.tries:
                    raise EndpointError(f"{self.endpoint}: {failure} (gave up after {attempt} tries)") from failure
                wait = failure.retry_after if failure.retry_after is not None else self.retry.backoff(attempt)
                if wait > self.retry.max_delay:
                    raise EndpointError(
                        f"{self.endpoint}: {failure}; it asks to wait {wait:.0f} s,"
                        f" more than {self.retry.max_delay:.0f} s: try again later"
                    ) from failure
                self.retry.sleep(max(0.0, wait))
        raise AssertionError("unreachable")  # pragma: no cover

    def _fetch(self, query: str) -> str:
        """One HTTP request through SPARQLWrapper; the raw body, or an error saying what went wrong."""
        wrapper = SPARQLWrapper(self.endpoint, agent=user_agent())
        wrapper.setQuery(query)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setOnlyConneg(True)
        wrapper.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() would truncate to whole seconds
        try:
            response = wrapper.query().response
            body = response.read()
            content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            raise _http_failure(self.endpoint, error) from error
        except (QueryBadFormed, EndPointNotFound, Unauthorized, EndPointInternalError) as error:
            raise EndpointError(f"{self.endpoint}: {_describe_wrapper_error(error)}") from error
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise _network_failure(self.endpoint, error, self.timeout) from error
        return _decode(self.endpoint, body, content_type)


def _http_failure(endpoint: str, error: urllib.error.HTTPError) -> Exception:
    reason = f"HTTP {error.code} {error.reason}"
    if error.code in _TRANSIENT_STATUSES:
        return _Transient(reason, retry_after_seconds(error.headers.get("Retry-After")))
    return EndpointError(f"{endpoint}: {reason}: {_snippet(error.read())}")


def _describe_wrapper_error(error: Exception) -> str:
    kinds = {
        QueryBadFormed: "rejected the query as malformed (HTTP 400)",
        EndPointNotFound: "no SPARQL endpoint at this address (HTTP 404)",
        Unauthorized: "refused access (HTTP 401)",
        EndPointInternalError: "failed on its side (HTTP 500; Wikidata answers so when a query times out)",
    }
    what = next(text for kind, text in kinds.items() if isinstance(error, kind))
    detail = getattr(error, "response", b"")
    return f"{what}: {_snippet(detail)}" if detail else what


def _network_failure(endpoint: str, error: Exception, timeout: float) -> Exception:
    cause = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(cause, socket.gaierror):
        return EndpointError(f"{endpoint}: cannot resolve the host name (offline? wrong --endpoint?)")
    if isinstance(cause, ConnectionRefusedError):
        return EndpointError(f"{endpoint}: connection refused: is the endpoint running? (or use --endpoint)")
    if isinstance(cause, (TimeoutError, socket.timeout)):
        return _Transient(f"no answer within {timeout:g} s")
    if isinstance(cause, (ConnectionError, http.client.HTTPException)):
        return _Transient(f"the connection broke: {type(cause).__name__}")
    return EndpointError(f"{endpoint}: cannot reach the endpoint: {cause}")


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now())


def _decode(endpoint: str, body: bytes, content_type: str) -> str:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EndpointError(f"{endpoint}: the answer is not UTF-8 text ({error.reason})") from error
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        raise EndpointError(
            f"{endpoint}: answered with HTML ({content_type or 'no content type'}), not SPARQL results:"
            f" is this a SPARQL endpoint? It said: {_snippet(body)}"
        )
    return text


def parse_results(endpoint: str, body: str) -> Rows:
    """SPARQL 1.1 JSON results as RDF terms; anything else is an EndpointError."""
    try:
        document = json.loads(body)
        variables = tuple(document["head"]["vars"])
        bindings = tuple({name: _term(value) for name, value in row.items()} for row in document["results"]["bindings"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise EndpointError(
            f"{endpoint}: the answer is not SPARQL JSON results ({type(error).__name__}: {error}): {_snippet(body)}"
        ) from error
    return Rows(variables, bindings)


def _term(value: dict) -> Node:
    kind, lexical = value["type"], value["value"]
    if kind == "uri":
        return URIRef(lexical)
    if kind == "bnode":
        return BNode(lexical)
    if kind in ("literal", "typed-literal"):
        datatype = value.get("datatype")
        return Literal(lexical, lang=value.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)
    raise ValueError(f"unknown RDF term type {kind!r}")


def _snippet(body: bytes | str, limit: int = 160) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    return repr(text[:limit] + ("…" if len(text) > limit else ""))
