"""SHACL validation on the fast store: the compiled shapes' queries, the same report as ``validate.validate``.

The report is made of the same ``Violation`` records (focus, shape, component,
path, value, message, file); tests check that the verdict and the set of
(focus, shape) pairs equal pySHACL's. Should the shapes ever use a construct the
compiler does not translate, the whole validation falls back to pySHACL, on the
same triples, so the answer never depends on the engine.

The checks are independent read-only queries: they run in a thread per core
(pyoxigraph evaluates a query without the GIL), the longest, the SPARQL
constraints, first.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from pskg.engines import from_oxigraph
from pskg.fast_reason import inferred_triples
from pskg.fast_store import FastSources
from pskg.shape_compiler import Check, UnsupportedShape, compile_shapes
from pskg.validate import ValidationReport, Violation, _relative, load_shapes, short

_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def validate_fast(sources: FastSources, shapes: Graph | None = None) -> ValidationReport:
    """Validate the asserted triples of ``sources`` (the files' graphs, not the inferred one)."""
    shapes = load_shapes() if shapes is None else shapes
    try:
        checks = compile_shapes(shapes)
    except UnsupportedShape:
        return _reference(sources, shapes)
    targets = _Targets(sources)
    longest_first = sorted(checks, key=lambda check: check.component != SH.SPARQLConstraintComponent)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # pyoxigraph lets go of the GIL
        found = pool.map(lambda check: _run(sources, check, targets), longest_first)
        violations = {violation for violations in found for violation in violations}
    ordered = sorted(violations, key=lambda v: (v.file or "", v.focus, v.shape, v.path or "", v.value or ""))
    conforms = not any(v.severity == "Violation" for v in ordered)
    return ValidationReport(conforms=conforms, violations=tuple(ordered))


class _Targets:
    """The focus nodes of each target, computed when a check first has rows to filter (rarely: a conforming
    graph has none) and kept for the checks of the same shape."""

    def __init__(self, sources: FastSources) -> None:
        self.sources = sources
        self.found: dict[str, set[pyoxigraph.Term]] = {}
        self.lock = threading.Lock()  # checks run in threads: each target is computed once

    def __call__(self, query: str) -> set[pyoxigraph.Term]:
        with self.lock:
            if query not in self.found:
                rows = self.sources.store.query(query, **_asserted(self.sources))
                self.found[query] = {row["this"] for row in rows}
            return self.found[query]


def _run(sources: FastSources, check: Check, targets: _Targets) -> list[Violation]:
    substitutions = {pyoxigraph.Variable("this"): pyoxigraph.NamedNode(str(check.this))} if check.this else None
    solutions = sources.store.query(check.query, substitutions=substitutions, **_asserted(sources))
    names = {variable.value for variable in solutions.variables}
    found = []
    for solution in solutions:
        if check.targets is not None and solution["this"] not in targets(check.targets):
            continue
        cells = {name: from_oxigraph(solution[name]) for name in names}
        focus = check.this or cells.get("this")
        if focus is None:
            continue
        component = cells.get("component") or check.component
        files = sources.files_of(pyoxigraph.NamedNode(str(focus))) if isinstance(focus, URIRef) else ()
        value = cells.get("value")
        found.append(
            Violation(
                focus=short(focus),
                shape=short(check.shape),
                component=short(component),
                path=short(check.path or cells.get("path")) if (check.path or cells.get("path")) else None,
                value=short(value) if value is not None else None,
                message=_message(check, cells | {"this": focus}),
                severity=short(check.severity).removeprefix("sh:"),
                file=", ".join(_relative(path) for path in files) or None,
            )
        )
    return found


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


def _reference(sources: FastSources, shapes: Graph) -> ValidationReport:
    """pySHACL on the same triples: the fallback when a shape is not compiled."""
    from pskg.load import load_sources  # the reference parse, only on this path
    from pskg.validate import validate

    del sources
    return validate(load_sources(), shapes)
