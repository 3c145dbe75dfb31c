"""SHACL validation on the fast store: the queries ``shape_compiler.plan_shapes`` compiled.

The shapes it does not compile are pySHACL's, handed over by
``pskg.engines.validation``; nothing here imports pySHACL.

The compiled checks are independent read-only queries: they run in a thread
per core (pyoxigraph evaluates a query without the GIL), the longest, the
SPARQL constraints, first.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TypeAlias

import pyoxigraph
from rdflib import URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from pskg.engines.fast.closure import inferred_triples
from pskg.engines.fast.shape_compiler import Check
from pskg.engines.fast.store import FastSources, select
from pskg.engines.fast.terms import from_oxigraph
from pskg.engines.results import ResultTerms, Violation
from pskg.errors import PskgError
from pskg.sources.namespaces import short
from pskg.sources.resources import display_path

_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
#: A term a solution holds (pyoxigraph's stubs have no name for the union).
_Term: TypeAlias = "pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple"


def compiled_violations(sources: FastSources, checks: tuple[Check, ...]) -> set[Violation]:
    targets = _Targets(sources)
    longest_first = sorted(checks, key=lambda check: check.component != SH.SPARQLConstraintComponent)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # pyoxigraph lets go of the GIL
        found = pool.map(lambda check: _run(sources, check, targets), longest_first)
        return {violation for violations in found for violation in violations}


class _Targets:
    """The focus nodes of each target, computed when a check first has rows to filter (rarely: a conforming
    graph has none) and kept for the checks of the same shape."""

    def __init__(self, sources: FastSources) -> None:
        self.sources = sources
        self.found: dict[str, set[_Term]] = {}
        self.lock = threading.Lock()  # checks run in threads: each target is computed once

    def __call__(self, query: str) -> set[_Term]:
        with self.lock:
            if query not in self.found:
                rows = select(self.sources.store, query, **_asserted(self.sources))
                self.found[query] = {row["this"] for row in rows}
            return self.found[query]


def _run(sources: FastSources, check: Check, targets: _Targets) -> list[Violation]:
    try:
        return _violations(sources, check, targets)
    except (SyntaxError, ValueError, OSError) as exc:  # the engine's own errors, never a traceback
        raise PskgError(
            f"the compiled check of {short(check.shape)} failed: {' '.join(str(exc).split())[:300]}"
        ) from exc


def _violations(sources: FastSources, check: Check, targets: _Targets) -> list[Violation]:
    solutions = select(sources.store, check.query, **_asserted(sources))
    names = {variable.value for variable in solutions.variables}
    found = []
    for solution in solutions:
        if check.targets is not None and solution["this"] not in targets(check.targets):
            continue
        cells = {name: from_oxigraph(solution[name]) for name in names}
        focus = cells.get("this")
        if focus is None:
            continue
        found.append(_violation(sources, check, focus, cells))
    return found


def _violation(sources: FastSources, check: Check, focus: Node, cells: dict[str, Node | None]) -> Violation:
    component = cells.get("component") or check.component
    path = check.path or cells.get("path")
    value = cells.get("value")
    if value is None and check.component == SH.SPARQLConstraintComponent and check.path is None:
        value = focus  # SHACL: a node shape's SPARQL result without ?value has the focus node as its value
    files = sources.files_of(pyoxigraph.NamedNode(str(focus))) if isinstance(focus, URIRef) else ()
    return Violation(
        focus=short(focus),
        shape=short(check.shape),
        component=short(component),
        path=short(path) if path is not None else None,
        value=short(value) if value is not None else None,
        message=_message(check, cells | {"this": focus}),
        severity=short(check.severity).removeprefix("sh:"),
        file=", ".join(display_path(path) for path in files) or None,
        terms=ResultTerms(focus, path, value, check.shape, component or SH.ConstraintComponent, check.severity),
    )


def _asserted(sources: FastSources) -> dict:
    """The default graph of the checks: the files' graphs, without the inferred one.

    Named as a list, the graphs are each looked up for every triple pattern: the
    cost grows with their number, so with the size of the graph (a file holds 20
    copies). Before reasoning, the union of all graphs is the same triples.
    """
    if next(inferred_triples(sources.store), None) is None:
        return {"use_default_graph_as_union": True}
    return {"default_graph": sources.graphs}


def _message(check: Check, cells: dict) -> str:
    if check.message is None:
        return f"Constraint {short(check.shape)} [{short(check.component or SH.ConstraintComponent)}] not satisfied"
    return _TEMPLATE.sub(lambda m: str(cells.get(m.group(1)) or m.group(0)), check.message)
