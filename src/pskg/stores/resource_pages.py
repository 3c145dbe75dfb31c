"""What ``pskg serve`` answers at a resource's own IRI: its description, as HTML or RDF.

The resource IRIs (``https://w3id.org/postsoviet-security/id/ARM``, the ontology
and its terms) are meant to be dereferenced: a browser should get a page, a
linked-data client Turtle, N-Triples or JSON-LD. The description is one SPARQL
CONSTRUCT run on the served store, with the IRI substituted as one checked RDF
term (``queries.binding.substitute``), never pasted as text: the resource's own
triples, the facts that name it, the labels of everything linked, and for each
fact its source passages (quote, page, locator). The inferred graph is left out:
a page shows what was asserted, each fact with the words that state it.

The functions here only build text; ``stores.front`` serves them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS
from rdflib.term import Node

from pskg import __version__
from pskg.queries.binding import substitute
from pskg.release.dataset import BASE, graph_iri
from pskg.sources.namespaces import ID, ONTOLOGY_IRI, PROV, PSS, SKOS, new_graph, short, sparql_prologue

#: A local name as the data spells them (ISO codes, acronyms, ``membership-ARM-CSTO-1992``).
LOCAL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
WIKIDATA = "http://www.wikidata.org/entity/"

#: format key -> (media type sent, rdflib serialiser); "html" is rendered here.
FORMATS: dict[str, tuple[str, str | None]] = {
    "html": ("text/html; charset=utf-8", None),
    "ttl": ("text/turtle; charset=utf-8", "turtle"),
    "nt": ("application/n-triples; charset=utf-8", "nt"),
    "jsonld": ("application/ld+json; charset=utf-8", "json-ld"),
    "rdf": ("application/rdf+xml; charset=utf-8", "xml"),  # what Protégé and other OWL tools ask for first
}
#: Media types a client may ask for, and the format each means.
_ACCEPTED = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdf",
}
_FORMAT_ALIASES = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "jsonld",
    "json": "jsonld",
    "xml": "rdf",
}

_DESCRIBE = (
    sparql_prologue()
    + """CONSTRUCT {
  ?r ?p ?o . ?o rdfs:label ?ol .
  ?s ?q ?r . ?s rdfs:label ?sl . ?s prov:wasDerivedFrom ?src .
  ?src rdfs:label ?srcl ; pss:quote ?quote ; pss:page ?page ; pss:locator ?loc .
  ?pr rdfs:label ?prl .
}
WHERE {
  {
    GRAPH ?g { ?r ?p ?o } FILTER (?g != ?inferred)
    OPTIONAL { GRAPH ?g2 { ?o rdfs:label ?ol } FILTER (?g2 != ?inferred) }
  } UNION {
    GRAPH ?g { ?s ?q ?r } FILTER (?g != ?inferred)
    OPTIONAL { GRAPH ?g3 { ?s rdfs:label ?sl } FILTER (?g3 != ?inferred) }
    OPTIONAL {
      GRAPH ?g4 { ?s prov:wasDerivedFrom ?src } FILTER (?g4 != ?inferred)
      OPTIONAL { ?src rdfs:label ?srcl } OPTIONAL { ?src pss:quote ?quote }
      OPTIONAL { ?src pss:page ?page } OPTIONAL { ?src pss:locator ?loc }
    }
  } UNION {
    ?r prov:wasDerivedFrom ?src .
    OPTIONAL { ?src pss:quote ?quote } OPTIONAL { ?src pss:page ?page } OPTIONAL { ?src pss:locator ?loc }
  } UNION {
    { GRAPH ?g { ?r ?pr ?x } FILTER (?g != ?inferred) } UNION { GRAPH ?g { ?y ?pr ?r } FILTER (?g != ?inferred) }
    ?pr rdfs:label ?prl .
  }
}
"""
)
_ONTOLOGY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?ontology { ?s ?p ?o } }"


def describe_query(iri: str) -> str:
    """The CONSTRUCT that describes ``iri``: the IRI bound as one term (an unsafe IRI raises PskgError)."""
    return substitute(_DESCRIBE, {Variable("r"): URIRef(iri), Variable("inferred"): graph_iri("inferred")})


def ontology_query() -> str:
    """The CONSTRUCT returning the ontology's named graph."""
    return substitute(_ONTOLOGY, {Variable("ontology"): graph_iri("ontology")})


def resource_iri(path: str) -> str | None:
    """The IRI a request path names (``/id/ARM``, ``/ontology``, ``/ontology/Membership``), None if none.

    ``path`` is already percent-decoded. Only names our data can hold pass: no
    dots-only segment, no slash, no control character, so nothing odd reaches a query.
    """
    if path in ("/ontology", "/ontology/", f"/ontology/{__version__}"):  # the ontology's versionIRI too
        return ONTOLOGY_IRI
    if path == "/dataset":
        return f"{BASE}/dataset"
    for prefix, namespace in (("/id/", str(ID)), ("/ontology/", str(PSS))):
        if path.startswith(prefix):
            name = path[len(prefix) :]
            if LOCAL_NAME.fullmatch(name) and not set(name) <= {"."}:
                return namespace + name
    return None


def _quality(text: str) -> float:
    """An Accept q-value: RFC 9110's ``0`` to ``1`` with at most three decimals; anything else (``nan``, ``5``,
    ``1e0``) makes the range unacceptable rather than preferred."""
    return float(text) if re.fullmatch(r"0(\.\d{0,3})?|1(\.0{0,3})?", text.strip()) else 0.0


def negotiate(accept: str | None, requested: str | None) -> str | None:
    """The format to answer in: ``?format=`` first, then the ``Accept`` header (q-values honoured).

    HTML when the client states no preference (``*/*`` or no header); None when it
    accepts nothing we can write (the caller answers 406).
    """
    if requested:
        key = requested.strip().lower()
        key = _FORMAT_ALIASES.get(key, key)
        return key if key in FORMATS else None
    if not accept:
        return "html"
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for parameter in fields[1:]:
            if parameter.lower().startswith("q="):
                quality = _quality(parameter[2:])
        if quality <= 0:
            continue
        if media in _ACCEPTED:
            key = _ACCEPTED[media]
        elif media in ("*/*", "text/*"):
            key = "html"
        else:
            continue
        candidate = (quality, -position, key)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


def parse_description(ntriples: bytes) -> Graph:
    """The N-Triples a CONSTRUCT returned, as a graph that knows the project's prefixes."""
    graph = new_graph()
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
    return graph


def serialise(graph: Graph, key: str) -> bytes:
    """``graph`` in one of the RDF formats of FORMATS."""
    serialiser = FORMATS[key][1]
    assert serialiser is not None, "html is rendered, not serialised"
    text = (
        graph.serialize(format=serialiser, auto_compact=True) if key == "jsonld" else graph.serialize(format=serialiser)
    )
    return text.encode("utf-8")


# --- HTML -------------------------------------------------------------------------------------------------------


def local_href(node: Node) -> str | None:
    """Where ``node`` is served here (a path), None for IRIs of other datasets."""
    text = str(node)
    if text.startswith(str(ID)):
        return "/id/" + text[len(str(ID)) :]
    if text.startswith(str(PSS)):
        return "/ontology#" + text[len(str(PSS)) :]
    if text in (ONTOLOGY_IRI, f"{BASE}/dataset") or text.startswith(f"{BASE}/dataset/{__version__}/"):
        return text[len(BASE) :]  # the release files too: served here, path for path
    return None


def literals(graph: Graph, node: Node, predicate: URIRef) -> dict[str, str]:
    """The node's literal values of ``predicate`` by language (``en``, ``fr``, ``""``), the smallest of each."""
    found: dict[str, str] = {}
    for value in sorted(graph.objects(node, predicate), key=str):
        if isinstance(value, Literal):
            found.setdefault(value.language or "", str(value))
    return found


def labels(graph: Graph, node: Node) -> dict[str, str]:
    """The node's labels by language; its ``dcterms:title`` if it has none (the dataset, the article)."""
    return literals(graph, node, RDFS.label) or literals(graph, node, DCTERMS.title)


def label(graph: Graph, node: Node) -> str:
    """The English label, else French, else the short name."""
    names = labels(graph, node)
    return names.get("en") or names.get("fr") or names.get("") or short(node)


def link(graph: Graph, node: Node) -> str:
    """A node as HTML: a local link for ours, an outside link for other IRIs, the value for literals."""
    if isinstance(node, Literal):
        language = f' <span class="lang">@{html.escape(node.language)}</span>' if node.language else ""
        return f"{html.escape(str(node))}{language}"
    if not isinstance(node, URIRef):
        return html.escape(short(node))
    href = local_href(node) or str(node)
    text = label(graph, node) if local_href(node) else short(node)
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def page(title: str, body: str, alternates: Iterable[tuple[str, str]] = ()) -> bytes:
    """A whole HTML page in the site's plain style."""
    links = "".join(
        f'<link rel="alternate" type="{html.escape(media)}" href="{html.escape(href)}">\n' for media, href in alternates
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{links}<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<nav><a href="/">postsoviet-security-kg</a> · <a href="/ontology">ontology</a> · '
        f'<a href="/editor/">query editor</a></nav>\n{body}\n</body>\n</html>\n'
    ).encode()


STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45}"
    "nav{font-size:.9rem;margin-bottom:1rem}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "blockquote{margin:.25rem 0 .25rem 1rem;padding-left:.5rem;border-left:3px solid #aac;font-style:italic}"
    ".lang,.where{color:#666;font-size:.85rem}code{font-size:.9rem}"
)


def _formats_line(path: str) -> str:
    return " · ".join(
        f'<a href="{html.escape(path)}?format={key}">{name}</a>'
        for key, name in (("ttl", "Turtle"), ("nt", "N-Triples"), ("jsonld", "JSON-LD"), ("rdf", "RDF/XML"))
    )


def alternates(path: str) -> list[tuple[str, str]]:
    """``<link rel=alternate>`` targets of a resource page."""
    return [(FORMATS[key][0].split(";")[0], f"{path}?format={key}") for key in ("ttl", "nt", "jsonld", "rdf")]


def _sources(graph: Graph, node: Node) -> str:
    """The passages ``node`` derives from: quote, page and locator."""
    items = []
    for source in sorted(graph.objects(node, PROV.wasDerivedFrom), key=str):
        quote = graph.value(source, PSS.quote)
        page_number = graph.value(source, PSS.page)
        locator = graph.value(source, PSS.locator)
        where = ", ".join(
            part for part in (f"page {page_number}" if page_number is not None else "", str(locator or "")) if part
        )
        quoted = f'<blockquote lang="fr">« {html.escape(str(quote))} »</blockquote>' if quote is not None else ""
        # A passage's label restates its page and locator: the link reads "page 4, Figure 10, Arménie" once.
        href = local_href(source) if isinstance(source, URIRef) else None
        cited = f'<a href="{html.escape(href)}">{html.escape(where)}</a>' if where and href else link(graph, source)
        items.append(f'<li>{quoted}<span class="where">{cited}</span></li>')
    return f'<ul class="sources">{"".join(items)}</ul>' if items else ""


def render_resource(graph: Graph, iri: str, path: str) -> bytes:
    """The HTML page of one resource: labels in both languages, its facts with their quotes and pages."""
    node = URIRef(iri)
    names = labels(graph, node)
    title = names.get("en") or names.get("fr") or short(node)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if names.get("fr") and names.get("fr") != title:
        parts.append(f'<p lang="fr" class="fr">{html.escape(names["fr"])} <span class="lang">(fr)</span></p>')
    matches = sorted(
        str(o)
        for p in (SKOS.exactMatch, SKOS.closeMatch)
        for o in graph.objects(node, p)
        if str(o).startswith(WIKIDATA)
    )
    wikidata = " · ".join(
        f'Wikidata: <a href="{html.escape(m)}">{html.escape(m[len(WIKIDATA) :])}</a>' for m in matches
    )
    parts.append(
        f"<p><code>{html.escape(iri)}</code>{' · ' + wikidata if wikidata else ''}<br>"
        f'<span class="where">Also as {_formats_line(path)}</span></p>'
    )
    own = _sources(graph, node)
    if own:
        parts.append(f"<h2>Sources</h2>{own}")
    rows = []
    for predicate in sorted(set(graph.predicates(node, None)) - {RDFS.label, PROV.wasDerivedFrom}, key=short):
        values = sorted(graph.objects(node, predicate), key=lambda o: (str(getattr(o, "language", "") or ""), str(o)))
        cells = "<br>".join(link(graph, value) for value in values)
        rows.append(f"<tr><th>{_predicate(graph, predicate)}</th><td>{cells}</td></tr>")
    if rows:
        parts.append(f"<h2>Properties</h2><table>{''.join(rows)}</table>")
    incoming = _incoming(graph, node)
    if incoming:
        parts.append(f"<h2>Facts that name it</h2>{incoming}")
    return page(title, "\n".join(parts), alternates(path))


def _predicate(graph: Graph, predicate: Node) -> str:
    name = html.escape(short(predicate))
    names = labels(graph, predicate)
    human = names.get("en")
    return f'{html.escape(human)} <span class="where">{name}</span>' if human else name


def _incoming(graph: Graph, node: Node) -> str:
    """Every subject pointing to ``node``, grouped by property, each with its sources."""
    sections = []
    for predicate in sorted({p for _, p in graph.subject_predicates(node)}, key=short):
        subjects = sorted(set(graph.subjects(predicate, node)), key=lambda s: label(graph, s))
        items = "".join(f"<li>{link(graph, subject)}{_sources(graph, subject)}</li>" for subject in subjects)
        sections.append(f"<h3>{_predicate(graph, predicate)} ({len(subjects)})</h3><ul>{items}</ul>")
    return "".join(sections)


def render_ontology(graph: Graph) -> bytes:
    """The ontology's page: its header, then every term with an anchor, so ``/ontology#Membership`` lands on it."""
    ontology = URIRef(ONTOLOGY_IRI)
    title = graph.value(ontology, DCTERMS.title) or "Ontology"
    parts = [f"<h1>{html.escape(str(title))}</h1>", f"<p><code>{html.escape(ONTOLOGY_IRI)}</code><br>"]
    parts.append(f'<span class="where">Also as {_formats_line("/ontology")}</span></p>')
    for predicate in (DCTERMS.description, OWL.versionInfo, DCTERMS.license):
        for value in sorted(graph.objects(ontology, predicate), key=str):
            parts.append(f"<p><b>{html.escape(short(predicate))}</b>: {link(graph, value)}</p>")
    terms = sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(PSS))}, key=str)
    groups: dict[str, list[URIRef]] = {}
    for term in terms:
        kinds = sorted(short(t) for t in graph.objects(term, RDF.type)) or ["other"]
        groups.setdefault(kinds[0], []).append(term)
    for kind in sorted(groups):
        parts.append(f"<h2>{html.escape(kind)} ({len(groups[kind])})</h2>")
        for term in groups[kind]:
            name = str(term)[len(str(PSS)) :]
            names = labels(graph, term)
            definition = "<br>".join(
                f'{html.escape(str(d))} <span class="lang">@{html.escape(d.language or "")}</span>'
                for d in sorted(graph.objects(term, SKOS.definition), key=lambda d: str(getattr(d, "language", "")))
                if isinstance(d, Literal)
            )
            parts.append(
                f'<h3 id="{html.escape(name)}">pss:{html.escape(name)} — {html.escape(names.get("en", ""))} '
                f'<span lang="fr" class="lang">/ {html.escape(names.get("fr", ""))}</span></h3>'
                f'<p>{definition}<br><a href="/ontology/{html.escape(name)}" class="where">every fact about it</a></p>'
            )
    return page(str(title), "\n".join(parts), alternates("/ontology"))


@dataclass(frozen=True)
class Description:
    """A resource's description graph, and whether anything at all was found."""

    graph: Graph

    @property
    def found(self) -> bool:
        return len(self.graph) > 0


def describe(run: Callable[[str], bytes], iri: str) -> Description:
    """The description of ``iri``; ``run`` sends a CONSTRUCT to the store and returns its N-Triples."""
    query = ontology_query() if iri == ONTOLOGY_IRI else describe_query(iri)
    return Description(parse_description(run(query)))
