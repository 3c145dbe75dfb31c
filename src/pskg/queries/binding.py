"""Parameters bound into a saved query's text, for engines and stores that have no ``initBindings``.

The SPARQL Protocol has no ``initBindings``. The parameters are therefore
substituted the way pyoxigraph's ``substitutions=`` and grlc do it: after
``queries.parse_value`` has checked and typed each value, every occurrence of the
parameter *variable* (a ``?name`` / ``$name`` token, never text inside a string,
an IRI or a comment) is replaced by the term's N-Triples form from rdflib
(``Term.n3()``: IRIs checked for forbidden characters, literals escaped). A value
can thus only ever be one RDF term, never query syntax; the substituted query is
parsed once more before it is sent. A trailing ``VALUES`` block would not do:
it joins after the ``WHERE`` clause, too late for the ``FILTER``s and sub-queries
that use the parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.term import Node

from pskg.errors import PskgError
from pskg.queries.catalogue import SavedQuery, bind_parameters
from pskg.sources.parse import load_sources

_TOKENS = re.compile(
    r"""
    (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<comment>\#[^\n]*)
    |(?P<variable>[?$](?P<name>[A-Za-z0-9_\u00b7\u00c0-\ufffd]+))
    """,
    re.VERBOSE,
)
_FORBIDDEN_IN_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def substitute(text: str, bindings: Mapping[Variable, Node]) -> str:
    """``text`` with each bound variable replaced by its term (see the module docstring)."""
    terms = {str(variable): _term_text(term) for variable, term in bindings.items()}

    def swap(match: re.Match[str]) -> str:
        name = match.group("name")
        return terms[name] if name is not None and name in terms else match.group(0)

    return _TOKENS.sub(swap, text)


def _term_text(term: Node) -> str:
    if isinstance(term, URIRef):
        if _FORBIDDEN_IN_IRI.search(str(term)):
            raise PskgError(f"not a valid IRI: {str(term)!r}")
        return term.n3()
    if isinstance(term, Literal):
        return term.n3()
    raise PskgError(f"a parameter must be an IRI or a literal, not {term!r}")


def prepared_text(query: SavedQuery, values: Mapping[str, str], names: Graph | None = None) -> str:
    """The query text with its parameters substituted; names (acronyms, ISO codes) resolved in ``names``."""
    if not query.parameters:
        return query.text
    graph = names if names is not None else load_sources().graph
    text = substitute(query.text, bind_parameters(graph, query, dict(values)))
    replace(query, text=text).prepared()  # still one valid query
    return text
