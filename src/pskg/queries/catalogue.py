"""Saved SPARQL queries: read their grlc headers, bind parameters, run them.

A query file ``queries/NAME.rq`` starts with grlc decorators (``#+ summary:``,
``#+ description:``, ``#+ tags:``, ``#+ defaults:``; YAML, read as grlc reads it:
see ``pskg.queries.header``) and names its parameters
the grlc/BASIL way: ``?_name_type`` (required) or ``?__name_type`` (optional),
type ``iri``, ``integer`` or ``string``. Values are parsed into RDF terms and
bound with ``initBindings``: they never become query text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow
from rdflib.term import Identifier, Node

from pskg.errors import ParameterError, PskgError, UnknownQueryError
from pskg.queries.header import read_header
from pskg.sources.namespaces import ID, PREFIXES, PSS
from pskg.sources.resources import resource_dir

_PARAMETER = re.compile(r"\?(?P<var>(?P<optional>__?)(?P<name>[A-Za-z0-9]+)(?:_(?P<type>[A-Za-z0-9]+))?)\b")
_LOCAL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_INTEGER = re.compile(r"^[+-]?[0-9]{1,9}$")

#: Parameters whose name says which class their IRI must belong to.
PARAMETER_CLASSES: dict[str, URIRef] = {"org": PSS.Organisation, "org1": PSS.Organisation, "org2": PSS.Organisation}
PARAMETER_CLASSES |= {"state": PSS.State, "stance": PSS.Stance}
#: Plausible bounds of integer parameters, by name: a year of 20019 is a typo, not a query.
PARAMETER_RANGES: dict[str, tuple[int, int]] = {"year": (1900, 2100), "page": (1, 99)}


@dataclass(frozen=True)
class Parameter:
    """One query parameter, as its variable name declares it."""

    name: str
    variable: str
    type: str
    required: bool
    default: str | None = None

    def describe(self) -> str:
        """``name (type, required|optional, default X)``."""
        need = "required" if self.required and self.default is None else "optional"
        default = f", default {self.default}" if self.default is not None else ""
        return f"{self.name} ({self.type}, {need}{default})"


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file and what its header says about it."""

    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    def prepared(self) -> Query:
        """The parsed query; a syntax error names the file."""
        try:
            return prepareQuery(self.text)
        except Exception as exc:  # pyparsing errors carry line and column
            detail = " ".join(str(exc).split())
            raise PskgError(f"{self.path}: SPARQL syntax error: {detail}") from exc


def parse_saved_query(path: Path) -> SavedQuery:
    """Read a ``.rq`` file and its grlc decorators."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PskgError(f"{path}: cannot read query: {exc}") from exc
    header = read_header(path, text)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    defaults = header.defaults
    parameters: dict[str, Parameter] = {}
    for match in _PARAMETER.finditer(body):
        name = match.group("name")
        parameters.setdefault(
            name,
            Parameter(
                name=name,
                variable=match.group("var"),
                type=match.group("type") or "string",
                required=match.group("optional") == "_",
                default=defaults.get(name),
            ),
        )
    return SavedQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=header.summary,
        description=header.description,
        tags=header.tags,
        parameters=tuple(parameters.values()),
    )


def saved_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    return [parse_saved_query(path) for path in sorted(resource_dir("queries").glob("*.rq"))]


def find_query(name_or_file: str) -> SavedQuery:
    """A saved query by name, or any ``.rq`` file by path."""
    candidate = Path(name_or_file)
    if name_or_file.endswith(".rq") or candidate.is_file():
        if not candidate.is_file():
            raise UnknownQueryError(f"{name_or_file}: no such query file")
        return parse_saved_query(candidate)
    known = {query.name: query for query in saved_queries()}
    if name_or_file in known:
        return known[name_or_file]
    listing = ", ".join(sorted(known))
    raise UnknownQueryError(f"unknown query {name_or_file!r}; the saved queries are: {listing}")


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows (``None`` for an unbound cell)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]


def run_query(
    graph: Graph, query: SavedQuery, values: dict[str, str] | None = None, prepared: Query | None = None
) -> QueryResult:
    """Run ``query`` on ``graph`` with parameter values given as strings (``prepared``: its text parsed before)."""
    bindings = bind_parameters(graph, query, values or {})
    prepared = query.prepared() if prepared is None else prepared
    # rdflib types initBindings by str keys, which a dict keyed by Variable (a str) is not for the checker.
    result = graph.query(prepared, initBindings=cast("Mapping[str, Identifier]", bindings))
    if result.type != "SELECT":  # a CONSTRUCT or ASK has no table; it used to end in a TypeError
        raise PskgError(f"{query.path}: pskg query runs SELECT queries only, not {result.type}")
    names = result.vars or []
    variables = tuple(str(v) for v in names)
    rows = tuple(tuple(row[v] for v in names) for row in cast(Iterable[ResultRow], result))
    return QueryResult(variables=variables, rows=rows)


def bind_parameters(graph: Graph, query: SavedQuery, values: dict[str, str]) -> dict[Variable, Node]:
    """Check names and types of the given values and turn them into RDF terms."""
    by_name = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        accepted = ", ".join(p.describe() for p in query.parameters) or "none"
        raise ParameterError(f"query {query.name!r} has no parameter {unknown[0]!r}; it accepts: {accepted}")
    bindings: dict[Variable, Node] = {}
    for parameter in query.parameters:
        raw = values.get(parameter.name, parameter.default)
        if raw is None:
            if parameter.required:
                raise ParameterError(f"query {query.name!r} needs --param {parameter.name}=… ({parameter.type})")
            continue
        bindings[Variable(parameter.variable)] = parse_value(graph, parameter, raw)
    return bindings


def parse_value(graph: Graph, parameter: Parameter, raw: str) -> Node:
    """One parameter value as an RDF term, or a ParameterError saying what was expected."""
    if parameter.type == "integer":
        low, high = PARAMETER_RANGES.get(parameter.name, (-(10**9), 10**9))
        if not _INTEGER.match(raw.strip()):
            raise ParameterError(f"parameter {parameter.name!r} expects an integer (e.g. 2002), got {raw!r}")
        if not low <= int(raw) <= high:
            raise ParameterError(
                f"parameter {parameter.name!r} expects an integer from {low} to {high}, got {raw.strip()}"
            )
        return Literal(int(raw), datatype=XSD.integer)
    if parameter.type == "iri":
        return _resolve_iri(graph, parameter, raw.strip())
    if parameter.type == "string":
        return Literal(raw)
    raise ParameterError(f"parameter {parameter.name!r} has unsupported type {parameter.type!r}")


def _resolve_iri(graph: Graph, parameter: Parameter, raw: str) -> URIRef:
    expected = PARAMETER_CLASSES.get(parameter.name)
    if expected is not None:
        lookup = _names_of_class(graph, expected)
        found = lookup.get(raw.casefold()) or lookup.get(_expand_or_none(raw).casefold())
        if found is None:
            known = ", ".join(sorted({str(iri).removeprefix(str(ID)) for iri in lookup.values()}))
            raise ParameterError(
                f"parameter {parameter.name!r}: no {_short_class(expected)} called {raw!r}; known: {known}"
            )
        return found
    return URIRef(_expand(raw))


def _expand(raw: str) -> str:
    """A full IRI from ``http…``, ``prefix:local`` or a bare local name in ``id:``."""
    if raw.startswith(("http://", "https://")) and not re.search(r"[\s<>\"{}|^`\\]", raw):
        return raw
    prefix, colon, local = raw.partition(":")
    if colon and prefix in PREFIXES and _LOCAL_NAME.match(local):
        return str(PREFIXES[prefix]) + local
    if _LOCAL_NAME.match(raw):
        return str(ID) + raw
    raise ParameterError(f"{raw!r} is not an IRI, a prefixed name or a local name of the id: namespace")


def _expand_or_none(raw: str) -> str:
    try:
        return _expand(raw)
    except ParameterError:
        return ""


def _names_of_class(graph: Graph, cls: URIRef) -> dict[str, URIRef]:
    """Every way a user may name an instance of ``cls``: IRI, local name, acronym, ISO code, label."""
    names: dict[str, URIRef] = {}
    subclasses = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    for klass in subclasses:
        for instance in graph.subjects(RDF.type, klass):
            if not isinstance(instance, URIRef):
                continue
            names[str(instance).casefold()] = instance
            names[str(instance).removeprefix(str(ID)).casefold()] = instance
            for predicate in (PSS.acronym, PSS.isoAlpha3, RDFS.label):
                for alias in graph.objects(instance, predicate):
                    names.setdefault(str(alias).casefold(), instance)
    return names


def _short_class(cls: URIRef) -> str:
    return str(cls).rsplit("#", 1)[-1].lower()
