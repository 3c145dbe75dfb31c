"""The public face of ``pskg serve``: a small HTTP server in front of the Oxigraph server.

Oxigraph answers SPARQL well but knows nothing of this dataset: its landing page
is a bare query editor, ``/id/ARM`` is a 404, and its time limit (``--timeout-s``)
stops a query's evaluation but not a result that streams forever (a cross
product with ``SELECT *``). This server, on the public port, therefore:

- serves a landing page naming the dataset and listing the saved queries, each
  one click from its rows (``/queries/NAME``) or from the query editor (``/editor/``);
- serves the resources (``/id/NAME``, ``/ontology``, ``/ontology/TERM``,
  ``/dataset``) as HTML, Turtle, N-Triples or JSON-LD (``stores.resource_pages``);
- passes everything else (``/query``, ``/update``, ``/store``...) to Oxigraph
  with its status and content type, reading the whole answer under one deadline:
  past it, the upstream connection is closed (Oxigraph then stops) and the client
  gets a 503 saying so, never a truncated 200;
- adds CORS headers (and answers preflight ``OPTIONS``) when asked;
- refuses, with a 403, a query that would make this machine fetch a URL
  (``SERVICE``, ``LOAD``) unless allowed (``stores.service_policy``).

Answers never carry a traceback or a path of this machine: anything unexpected
is a 500 saying "internal error".
"""

from __future__ import annotations

import html
import http.client
import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from pskg import __version__
from pskg.errors import ParameterError, PskgError
from pskg.queries.binding import prepared_text
from pskg.queries.catalogue import SavedQuery, saved_queries
from pskg.release.dataset import DATASET_IRI
from pskg.release.formats import MEDIA_TYPES, NQUADS
from pskg.sources.namespaces import sparql_prologue
from pskg.sources.parse import load_sources
from pskg.stores import resource_pages as pages
from pskg.stores import service_policy, whole_answer
from pskg.stores.serve import HOST, Server, editor_link, free_port, served_dataset

#: Seconds a query may run (``pskg serve --timeout``).
DEFAULT_TIMEOUT = 30.0
#: Oxigraph 0.5 ends a 200 answer with this text when its --timeout-s cancels a query mid-way.
CANCELLED_MARK = b"The SPARQL operation has been cancelled"
#: Larger answers are refused (the whole dataset as N-Quads is about 1 MB).
MAX_ANSWER = 32 * 1024 * 1024
MAX_REQUEST = 2 * 1024 * 1024
#: Seconds a socket read may wait beyond the deadline before the answer is given up.
GRACE = 1.0
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date", "te", "trailer"}
_FORWARDED_REQUEST_HEADERS = ("accept", "content-type", "accept-language")
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


class QueryTimeout(Exception):
    """The store took longer than the time limit."""


class UpstreamError(Exception):
    """The store could not be reached, or refused the request; the message is safe to show."""

    def __init__(self, message: str, status: int = 503) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    """One HTTP answer: status, headers, body."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


def text_answer(status: int, message: str) -> Answer:
    """A short plain-text answer (errors)."""
    return Answer(status, (message.rstrip("\n") + "\n").encode("utf-8"))


@dataclass
class Upstream:
    """The Oxigraph server on the internal port, and the time limit every request to it gets."""

    host: str
    port: int
    timeout: float

    def call(self, method: str, target: str, headers: dict[str, str], body: bytes | None) -> Answer:
        """Send one request and read the whole answer before ``timeout`` runs out (QueryTimeout past it)."""
        deadline = time.monotonic() + self.timeout
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout + GRACE)
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            chunks, size = [], 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryTimeout
                if connection.sock is not None:
                    connection.sock.settimeout(remaining + GRACE)
                chunk = response.read1(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_ANSWER:
                    raise UpstreamError(f"the answer is larger than {MAX_ANSWER // 2**20} MB; narrow the query")
                chunks.append(chunk)
        except TimeoutError as error:
            raise QueryTimeout from error
        except (ConnectionError, http.client.HTTPException, OSError) as error:
            raise UpstreamError("the SPARQL store is not answering", 502) from error
        finally:
            connection.close()
        data = b"".join(chunks)
        if data.rstrip().endswith(CANCELLED_MARK):
            raise QueryTimeout
        kept = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP | {"content-type"}]
        content_type = response.getheader("Content-Type") or "application/octet-stream"
        if response.status == 200 and method != "HEAD" and not whole_answer.complete(content_type, data):
            raise UpstreamError(
                "the store failed while answering (an error during evaluation, such as a SERVICE endpoint "
                "that failed); the answer would have been incomplete",
                502,
            )
        return Answer(response.status, data, content_type, kept)

    def query(self, query: str, accept: str) -> bytes:
        """A query's answer body in ``accept``; UpstreamError if the store refuses it."""
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        answer = self.call("POST", "/query", headers, body)
        if answer.status != 200:
            raise UpstreamError(f"the store refused the query ({answer.status})")
        return answer.body


class Site:
    """What the front server answers, as a function of the request: kept apart from the socket code for tests."""

    def __init__(
        self,
        upstream: Upstream,
        queries: list[SavedQuery],
        names: Graph,
        cors: bool = False,
        writable: bool = False,
        public_host: str = "127.0.0.1",
        files: dict[str, tuple[bytes, str]] | None = None,
        allow_service: bool = False,
        loopback: bool = True,
    ) -> None:
        self.upstream = upstream
        self.queries = {query.name: query for query in queries}
        self.names = names
        self.cors = cors
        self.writable = writable
        self.public_host = public_host
        self.files = files or {}
        self.allow_service = allow_service
        self.loopback = loopback
        self._dataset: Graph | None = None
        self._landing: dict[str, bytes] = {}
        self._defaults: dict[str, str | None] = {}
        self._lock = threading.Lock()

    # --- routing ---------------------------------------------------------------------------------------------------

    def answer(self, method: str, target: str, headers: dict[str, str], body: bytes | None) -> Answer:
        """The answer to one request; never raises."""
        try:
            answer = self._route(method, target, headers, body)
        except QueryTimeout:
            answer = text_answer(
                503,
                f"query timed out: the server stops every query after {self.upstream.timeout:g} s "
                "(pskg serve --timeout)",
            )
        except UpstreamError as error:
            answer = text_answer(error.status, str(error))
        except Exception:
            answer = text_answer(500, "internal error")
        if self.cors:
            answer.headers.append(("Access-Control-Allow-Origin", "*"))
        return answer

    def _route(self, method: str, target: str, headers: dict[str, str], body: bytes | None) -> Answer:
        raw_path, _, raw_query = target.partition("?")
        path = urllib.parse.unquote(raw_path, errors="replace")
        pairs = urllib.parse.parse_qsl(raw_query, keep_blank_values=True)
        params = dict(pairs)
        if method == "OPTIONS":
            return self._options(headers)
        ours = path in ("/", "/index.html") or path.startswith(("/id/", "/ontology", "/queries/", "/dataset"))
        if ours and method not in ("GET", "HEAD"):
            return Answer(405, b"method not allowed\n", headers=[("Allow", "GET, HEAD, OPTIONS")])
        if path in ("/", "/index.html"):
            return Answer(200, self.landing(self.base_url(headers)), "text/html; charset=utf-8")
        if path.startswith(f"/dataset/{__version__}/"):
            return self.release_file(path[len(f"/dataset/{__version__}/") :])
        if path.startswith("/queries/"):
            if len(params) < len(pairs):
                twice = sorted({key for key, _ in pairs if sum(k == key for k, _ in pairs) > 1})
                return text_answer(400, f"parameter {twice[0]!r} given twice: give each parameter once")
            return self.query_page(path[len("/queries/") :], params, self.base_url(headers))
        if ours:
            return self.resource(path, headers.get("accept"), params.get("format"))
        if re.fullmatch(r"/graph/[a-z]+", path) and method in ("GET", "HEAD"):  # as the w3id rules do
            return Answer(303, b"", headers=[("Location", "/dataset")])
        if raw_path == "/editor":
            return Answer(301, b"", headers=[("Location", "/editor/")])
        if raw_path.startswith("/editor/"):
            target = target[len("/editor") :]
        cross_site = not self.cors and _cross_site(headers, self.loopback)
        if cross_site and method not in ("GET", "HEAD"):
            # A web page the user opens may POST a form here (no preflight): an update under --writable, or a
            # query. Browsers name the page's origin; clients that are no browser send none and pass.
            return text_answer(403, "cross-site request refused: start pskg serve with --cors to allow other origins")
        if (not self.allow_service or cross_site) and (why := service_policy.refusal(raw_query, headers, body)):
            # A page of another origin may also GET a federated query (an image's address): it must not make this
            # machine fetch a URL even where SERVICE is allowed for the user's own clients.
            if self.allow_service:
                why = (
                    "cross-site request refused: a page of another origin may not make this server fetch a URL "
                    "(SERVICE, LOAD); start pskg serve with --cors --allow-service to allow it"
                )
            return text_answer(403, why)
        return self._proxy(method, target, headers, body)

    def _options(self, headers: dict[str, str]) -> Answer:
        methods = "GET, HEAD, POST, OPTIONS" + (", PUT, DELETE" if self.writable else "")
        extra = [("Allow", methods)]
        if self.cors:
            requested = headers.get("access-control-request-headers", "")
            allowed = (
                requested
                if re.fullmatch(r"[A-Za-z0-9\-, ]{0,500}", requested) and requested
                else "Accept, Content-Type"
            )
            extra += [
                ("Access-Control-Allow-Methods", methods),
                ("Access-Control-Allow-Headers", allowed),
                ("Access-Control-Max-Age", "86400"),
            ]
        return Answer(204, b"", headers=extra)

    def _proxy(self, method: str, target: str, headers: dict[str, str], body: bytes | None) -> Answer:
        forwarded = {name: headers[name] for name in _FORWARDED_REQUEST_HEADERS if name in headers}
        return self.upstream.call(method, target, forwarded, body)

    # --- resources -------------------------------------------------------------------------------------------------

    def resource(self, path: str, accept: str | None, requested: str | None) -> Answer:
        """A resource's description in the negotiated format; 404 if the path names none, 406 if no format fits."""
        iri = pages.resource_iri(path)
        if iri is None:
            return text_answer(404, "not found")
        key = pages.negotiate(accept, requested)
        if key is None:
            return text_answer(
                406,
                "not acceptable: ask for text/html, text/turtle, application/n-triples or "
                "application/ld+json (or ?format=html|ttl|nt|jsonld)",
            )
        try:
            description = pages.describe(self._construct, iri)
        except PskgError:
            return text_answer(404, "not found")
        if not description.found:
            return text_answer(404, "not found")
        vary = [("Vary", "Accept")]
        if key == "html":
            if iri == pages.ONTOLOGY_IRI:
                body = pages.render_ontology(description.graph)
            else:
                body = pages.render_resource(description.graph, iri, path)
            return Answer(200, body, pages.FORMATS[key][0], vary)
        return Answer(200, pages.serialise(description.graph, key), pages.FORMATS[key][0], vary)

    def release_file(self, name: str) -> Answer:
        """One file of the release being served (its download URL in the VoID description), 404 for others."""
        if name not in self.files:
            return text_answer(404, "not found")
        body, media_type = self.files[name]
        return Answer(200, body, media_type, [("Content-Disposition", f'attachment; filename="{name}"')])

    def _construct(self, query: str) -> bytes:
        return self.upstream.query(query, "application/n-triples")

    # --- landing page and saved queries ----------------------------------------------------------------------------

    def base_url(self, headers: dict[str, str]) -> str:
        """The URL clients reached us at: a reverse proxy's ``X-Forwarded-Host``/``-Proto``, else ``Host``
        (when it is a plain host name), else the address we listen on."""
        host = headers.get("x-forwarded-host") or headers.get("host")
        scheme = "https" if headers.get("x-forwarded-proto", "").lower() == "https" else "http"
        if host and _HOST.fullmatch(host):
            return f"{scheme}://{host}"
        return f"http://{self.public_host}"

    def dataset(self) -> Graph:
        """The dataset's own description (title, licence, source), fetched once."""
        with self._lock:
            if self._dataset is None:
                self._dataset = pages.describe(self._construct, str(DATASET_IRI)).graph
            return self._dataset

    def landing(self, base: str) -> bytes:
        """The landing page: what the dataset is, and every saved query one click from its rows (made once per host)."""
        if base not in self._landing:
            if len(self._landing) > 16:
                self._landing.clear()
            self._landing[base] = self._make_landing(base)
        return self._landing[base]

    def _make_landing(self, base: str) -> bytes:
        graph = self.dataset()
        dataset = DATASET_IRI
        titles = pages.literals(graph, dataset, DCTERMS.title)
        title = titles.get("en", "postsoviet-security-kg")
        licence = graph.value(dataset, DCTERMS.license)
        source = graph.value(dataset, DCTERMS.source)
        description = graph.value(dataset, DCTERMS.description)
        parts = [f"<h1>{html.escape(title)}</h1>"]
        if titles.get("fr"):
            parts.append(f'<p lang="fr" class="lang">{html.escape(titles["fr"])}</p>')
        if description is not None:
            parts.append(f"<p>{html.escape(str(description))}</p>")
        facts = []
        if source is not None:
            facts.append(f"Built from the article {pages.link(graph, source)}")
        if licence is not None:
            facts.append(f'Licence: <a href="{html.escape(str(licence))}">CC BY 4.0</a>')
        facts.append(f"SPARQL endpoint: <code>{html.escape(base)}/query</code> (GET or POST, SPARQL 1.1 protocol)")
        blank = html.escape(self._editor_link(base, "new query", ""))
        facts.append(
            f'<a href="/dataset">the dataset\'s description</a> · <a href="/ontology">the ontology</a> · '
            f'<a href="/id/ARM">an example resource</a> · '
            f'<a href="{blank}">an empty query with the project\'s prefixes</a>'
        )
        parts.append("<ul>" + "".join(f"<li>{fact}</li>" for fact in facts) + "</ul>")
        parts.append(f"<h2>Saved queries ({len(self.queries)})</h2><table>")
        parts.append("<tr><th>query</th><th>what it answers</th><th>parameters (default)</th><th></th></tr>")
        for name, query in sorted(self.queries.items()):
            parameters = ", ".join(
                f"{html.escape(p.name)} ({html.escape(_shown(p.default) or 'required')})" for p in query.parameters
            )
            text = self._default_text(query)
            edit = ""
            if text is not None:
                edit = f'<a href="{html.escape(self._editor_link(base, name, text))}">open in the editor</a>'
            parts.append(
                f'<tr><td><a href="/queries/{html.escape(name)}">{html.escape(name)}</a></td>'
                f"<td>{html.escape(query.summary)}</td><td>{parameters}</td><td>{edit}</td></tr>"
            )
        parts.append("</table>")
        return pages.page(title, "\n".join(parts))

    def _default_text(self, query: SavedQuery) -> str | None:
        """The query's text with its default parameters (None if one is required), worked out once."""
        if query.name not in self._defaults:
            try:
                self._defaults[query.name] = prepared_text(query, {}, self.names)
            except PskgError:
                self._defaults[query.name] = None
        return self._defaults[query.name]

    def _editor_link(self, base: str, title: str, query: str) -> str:
        """The query editor (Oxigraph's YASGUI, under /editor/) with ``query`` in a tab."""
        text = query if query else sparql_prologue() + "\nSELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n"
        return editor_link(f"{base}/editor/", f"{base}/query", title, text)

    def query_page(self, name: str, params: dict[str, str], base: str) -> Answer:
        """A saved query's rows as an HTML table, run with its defaults (URL parameters override them)."""
        query = self.queries.get(name)
        if query is None:
            return text_answer(404, "not found")
        wanted = params.get("format", "html")
        if wanted not in ("html", *ROW_FORMATS):
            return text_answer(400, f"format {wanted!r}: expected html, {', '.join(ROW_FORMATS)}")
        values = {key: value for key, value in params.items() if key != "format"}
        try:
            text = None if values else self._default_text(query)
            if text is None:  # values given, or a required parameter missing (which raises)
                text = prepared_text(query, values, self.names)
        except ParameterError as error:  # says which parameter and what it expects, nothing of this machine
            return text_answer(400, str(error).replace("--param ", ""))
        except PskgError:
            return text_answer(400, "a parameter value is not a valid IRI or literal")
        if wanted in ROW_FORMATS:  # the rows as a file, for a spreadsheet or a script
            media = ROW_FORMATS[wanted]
            return Answer(200, self.upstream.query(text, media), f"{media}; charset=utf-8")
        results = json.loads(self.upstream.query(text, "application/sparql-results+json"))
        variables = results.get("head", {}).get("vars", [])
        rows = results.get("results", {}).get("bindings", [])
        editor = self._editor_link(base, name, text)
        parts = [
            f"<h1>{html.escape(name)}</h1><p>{html.escape(query.summary)}</p>",
            f'<p class="where">{html.escape(query.description)}</p>' if query.description else "",
        ]
        if query.parameters:
            shown = ", ".join(
                f"{html.escape(p.name)} = {html.escape(values.get(p.name, p.default or ''))}" for p in query.parameters
            )
            parts.append(f'<p>Parameters: {shown} <span class="where">(change them in the URL: ?name=value)</span></p>')
        as_file = " · ".join(
            f'<a href="{html.escape(_with_format(name, values, kind))}">{kind.upper()}</a>' for kind in ROW_FORMATS
        )
        parts.append(
            f'<p>{len(rows)} rows · <a href="{html.escape(editor)}">open in the query editor</a> · {as_file}</p>'
        )
        parts.append("<table><tr>" + "".join(f"<th>{html.escape(v)}</th>" for v in variables) + "</tr>")
        for row in rows:
            cells = "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
        return Answer(200, pages.page(name, "\n".join(parts)), "text/html; charset=utf-8")


def _cross_site(headers: dict[str, str], loopback: bool) -> bool:
    """Whether a browser sent the request from a page of another origin than the host it addressed.

    ``Sec-Fetch-Site`` says so where the browser sends it (to ``localhost``, loopback addresses and https, an
    image's GET too); else an ``Origin`` naming another host does. On a server bound to a ``loopback`` address, a
    browser's request for a host name that is not a loopback one, with no proxy's ``X-Forwarded-Host``, is a page
    whose name was made to resolve to this machine (DNS rebinding): it counts as another origin too."""
    fetch_site = headers.get("sec-fetch-site", "").lower()
    if fetch_site in ("cross-site", "same-site"):
        return True
    host = headers.get("x-forwarded-host") or headers.get("host") or ""
    from_browser = bool(fetch_site) or "origin" in headers
    if (
        loopback
        and from_browser
        and "x-forwarded-host" not in headers
        and not service_policy.is_loopback(_host_name(host))
    ):
        return True
    if fetch_site in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urllib.parse.urlsplit(origin).netloc.lower() != host.lower()


def _host_name(host: str) -> str:
    """The name in a ``Host`` header, without its port: ``[::1]:7878`` gives ``::1``."""
    return urllib.parse.urlsplit(f"//{host}").hostname or ""


#: The ``?format=`` values of a saved query's page that give its rows as a file, and their media types.
ROW_FORMATS = {"csv": "text/csv", "tsv": "text/tab-separated-values", "json": "application/sparql-results+json"}


def _with_format(name: str, values: dict[str, str], kind: str) -> str:
    """The address of a saved query's rows in another format, with the same parameter values."""
    return f"/queries/{urllib.parse.quote(name)}?" + urllib.parse.urlencode({**values, "format": kind})


def _shown(default: str | None) -> str:
    """A parameter's default, an IRI of ours as its prefixed name."""
    if default and default.startswith(("http://", "https://")):
        return pages.short(URIRef(default))
    return default or ""


def _cell(value: dict | None) -> str:
    """One SPARQL JSON result term as HTML: our IRIs as local links."""
    if not value:
        return ""
    text = str(value.get("value", ""))
    if value.get("type") == "uri":
        href = pages.local_href(URIRef(text)) or text
        shown = pages.short(URIRef(text))
        return f'<a href="{html.escape(href)}">{html.escape(shown)}</a>'
    return html.escape(text)


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, asks the Site, writes the answer (HTTP/1.1, keep-alive, Content-Length always set)."""

    protocol_version = "HTTP/1.1"
    server_version = "pskg-serve"
    site: Site

    def _serve(self) -> None:
        length = self.headers.get("Content-Length")
        body: bytes | None = None
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._write(text_answer(411, "send the request body with a Content-Length"), close=True)
            return
        if length:
            if not length.isdigit() or int(length) > MAX_REQUEST:
                self._write(text_answer(413, "request too large"), close=True)
                return
            body = self.rfile.read(int(length))
        headers = {key.lower(): value for key, value in self.headers.items()}
        answer = self.site.answer(self.command, self.path, headers, body)
        self._write(answer)

    def _write(self, answer: Answer, close: bool = False) -> None:
        self.send_response(answer.status)
        if answer.status != 204:
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and answer.status != 204:
            self.wfile.write(answer.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = _serve

    def version_string(self) -> str:
        """``pskg-serve``, without Python's version."""
        return self.server_version

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a busy endpoint would fill the terminal."""


class FrontServer(ThreadingHTTPServer):
    """The threaded front server; each connection gets a daemon thread."""

    daemon_threads = True
    request_queue_size = 64


def start_front(site: Site, host: str, port: int) -> tuple[FrontServer, threading.Thread]:
    """Bind the front server on ``host:port`` and serve in a background thread."""
    handler = type("Handler", (_Handler,), {"site": site})
    address = host.strip("[]")  # an IPv6 address may come bracketed, as in a URL
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    server_class = type("FrontServer", (FrontServer,), {"address_family": family})
    try:
        server = server_class((address, port), handler)
    except OSError as error:
        raise PskgError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    thread = threading.Thread(target=server.serve_forever, name="pskg-front", daemon=True)
    thread.start()
    return server, thread


@dataclass
class Served:
    """A running ``pskg serve``: the Oxigraph server behind, and the front server's URL."""

    oxigraph: Server
    front: FrontServer
    url: str


@contextmanager
def served_site(
    dist: Path,
    host: str,
    port: int,
    timeout: float,
    cors: bool = False,
    writable: bool = False,
    allow_service: bool = False,
) -> Iterator[Served]:
    """The release in ``dist`` in Oxigraph on an internal port, the front server on ``host:port`` (0: any free port);
    queries that fetch a URL (SERVICE, LOAD) are refused unless ``allow_service``."""
    with served_dataset(dist / NQUADS, free_port(), writable=writable, timeout=timeout) as oxigraph:
        upstream = Upstream(HOST, int(urllib.parse.urlsplit(oxigraph.base_url).port or 0), timeout)
        site = Site(
            upstream,
            saved_queries(),
            load_sources().graph,
            cors=cors,
            writable=writable,
            files=release_files(dist),
            allow_service=allow_service,
            loopback=service_policy.is_loopback(host),
        )
        front, _ = start_front(site, host, port)
        bound = front.server_address[1]
        address = host.strip("[]")
        shown = f"[{address}]" if ":" in address else address
        site.public_host = f"{shown}:{bound}"
        try:
            yield Served(oxigraph, front, f"http://{shown}:{bound}")
        finally:
            front.shutdown()
            front.server_close()


def release_files(dist: Path) -> dict[str, tuple[bytes, str]]:
    """The release's files (those its manifest lists, and the manifest and checksums), read now: what is served
    stays the release the store was loaded from, even if a build replaces ``dist/`` meanwhile."""
    try:
        names = sorted(json.loads((dist / "manifest.json").read_text(encoding="utf-8")).get("sha256", {}))
    except (OSError, ValueError, AttributeError):
        names = []
    files = {}
    for name in [*names, "manifest.json", "SHA256SUMS"]:
        path = dist / name
        if "/" not in name and path.is_file():
            media_type = MEDIA_TYPES.get(name) or _MEDIA_BY_SUFFIX.get(path.suffix, "text/plain")
            files[name] = (path.read_bytes(), media_type + ("; charset=utf-8" if "json" not in media_type else ""))
    return files


_MEDIA_BY_SUFFIX = {".ttl": "text/turtle", ".nt": "application/n-triples", ".json": "application/json"}
