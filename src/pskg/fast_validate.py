"""SHACL validation on the fast store: the compiled shapes' queries, and pySHACL for every other shape.

``shape_compiler.plan_shapes`` compiles the shapes it translates exactly and
lists the others; those are validated by pySHACL on the same files, and the
reports are merged. When a file holds a literal the store would not keep as
written (``"1992"^^xsd:int`` is stored as an ``xsd:integer``, an ill-typed
literal is not flagged), every shape goes to pySHACL, which reads literals as
written. Either hand-over is said in one line (``ValidationReport.notices``),
so the report never depends on the engine, and the user knows which one spoke.

The compiled checks are independent read-only queries: they run in a thread
per core (pyoxigraph evaluates a query without the GIL), the longest, the
SPARQL constraints, first.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from pskg.engines import from_oxigraph
from pskg.errors import PskgError
from pskg.fast_reason import inferred_triples
from pskg.fast_store import FastSources
from pskg.load import SourceGraph
from pskg.shape_compiler import Check, Plan, plan_shapes
from pskg.validate import (
    ResultTerms,
    ValidationReport,
    Violation,
    _relative,
    file_base,
    load_shapes,
    short,
    validate,
)

_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
#: Reasons shown in the hand-over line, at most.
_REASONS_SHOWN = 3


def validate_fast(
    sources: FastSources, shapes: Graph | None = None, reference: SourceGraph | None = None
) -> ValidationReport:
    """Validate the asserted triples of ``sources`` (the files' graphs, not the inferred one).

    ``reference``: the same files parsed by rdflib, when the caller has them
    (the build does); otherwise they are parsed only if pySHACL is needed.
    """
    shapes = load_shapes() if shapes is None else shapes
    altered = sources.altered_literals()
    if altered:
        first = altered[0]
        notice = (
            f"validation: {len(altered)} literal(s) the fast store would not keep as written (first: "
            f"{first.literal} in {_relative(first.path)}, {first.why}); every shape checked by pySHACL"
        )
        report = validate(reference or _parsed(sources), shapes)
        return ValidationReport(report.conforms, report.violations, (notice,))
    plan = plan_shapes(shapes)
    violations = _compiled(sources, plan.checks)
    notices: tuple[str, ...] = ()
    if plan.routed:
        handed = validate(reference or _parsed(sources), shapes, skip=plan.compiled)
        violations |= set(handed.violations)
        notices = (routing_notice(plan),)
    ordered = sorted(violations, key=lambda v: (v.file or "", v.focus, v.shape, v.path or "", v.value or ""))
    conforms = not any(v.severity == "Violation" for v in ordered)
    return ValidationReport(conforms=conforms, violations=tuple(ordered), notices=notices)


def validate_files(data: Sequence[Path], shapes: Sequence[Path], relative_to_file: bool = False) -> ValidationReport:
    """Validate any data files against any shape files: ``pskg validate --data … --shapes …``.

    ``relative_to_file``: relative IRIs resolve against each file's own URI (refused otherwise).
    """
    sources = FastSources()
    for path in data:
        sources.add_file(path, file_base(path) if relative_to_file else None)
    return validate_fast(sources, load_shapes(shapes, relative_to_file))


def routing_notice(plan: Plan) -> str:
    """One line: how many shapes each engine checked, and why the first ones were handed over."""
    reasons = "; ".join(  # a reason names the shape it is about: the routed one, or one it refers to
        why if why.startswith(shape.n3()) else f"{short(shape)}, through {why}"
        for shape, why in plan.routed[:_REASONS_SHOWN]
    )
    more = f"; and {len(plan.routed) - _REASONS_SHOWN} more" if len(plan.routed) > _REASONS_SHOWN else ""
    return (
        f"validation: {len(plan.compiled)} shapes compiled to SPARQL, {len(plan.routed)} checked by pySHACL "
        f"({reasons}{more})"
    )


def _parsed(sources: FastSources) -> SourceGraph:
    """The files of ``sources`` parsed by rdflib, for pySHACL."""
    parsed = SourceGraph()
    for path in sources.files:
        parsed.add_file(path, sources.bases.get(path))
    return parsed


def _compiled(sources: FastSources, checks: tuple[Check, ...]) -> set[Violation]:
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
        self.found: dict[str, set[pyoxigraph.Term]] = {}
        self.lock = threading.Lock()  # checks run in threads: each target is computed once

    def __call__(self, query: str) -> set[pyoxigraph.Term]:
        with self.lock:
            if query not in self.found:
                rows = self.sources.store.query(query, **_asserted(self.sources))
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
    solutions = sources.store.query(check.query, **_asserted(sources))
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
        file=", ".join(_relative(path) for path in files) or None,
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
