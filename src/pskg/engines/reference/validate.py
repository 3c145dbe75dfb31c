"""Check the graph against the SHACL shapes and report what is wrong, and where.

Each violation names the focus node, the shape and constraint that failed, the
message and the data file that describes the node, so the fix is one step away.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from pskg.engines.literal_forms import canonical_graph
from pskg.engines.results import ResultTerms, ValidationReport, Violation
from pskg.errors import PskgError
from pskg.sources.namespaces import short
from pskg.sources.parse import SourceGraph
from pskg.sources.resources import display_path
from pskg.sources.shapes import load_shapes


def validate(sources: SourceGraph, shapes: Graph | None = None, skip: Sequence[Node] = ()) -> ValidationReport:
    """Validate the asserted graph (ontology included, for class hierarchies) with pySHACL.

    ``skip``: shapes checked elsewhere (the fast validator's compiled ones). Their
    targets are left out of the shapes pySHACL reads, so they have no focus nodes
    of their own, yet still apply wherever another shape refers to them
    (pySHACL's ``use_shapes`` gathers nested shapes otherwise, and misses results).
    """
    shapes = _without_targets(load_shapes() if shapes is None else shapes, set(skip))  # a copy: pySHACL adds to it
    shapes = canonical_graph(shapes)
    try:
        conforms, report, _ = pyshacl.validate(
            canonical_graph(sources.graph), shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
        )
    except Exception as exc:  # pySHACL raises many types for a shape it cannot apply
        raise PskgError(f"the SHACL shapes cannot be applied: {' '.join(str(exc).split())[:500]}") from exc
    if not isinstance(report, Graph):  # pyshacl returns its ValidationFailure when a shape is unusable
        raise PskgError(f"the SHACL shapes cannot be applied: {report}")
    results = [
        result for node in report.subjects(RDF.type, SH.ValidationReport) for result in report.objects(node, SH.result)
    ]
    violations = sorted(
        (_violation(report, result, sources.origins) for result in results),  # not the nested sh:detail ones
        key=lambda v: (v.file or "", v.focus, v.shape, v.path or "", v.value or ""),
    )
    has_violation = any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=bool(conforms) or not has_violation, violations=tuple(violations))


_TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _without_targets(shapes: Graph, skip: set[Node]) -> Graph:
    """A copy of ``shapes`` where the shapes of ``skip`` have no targets (pySHACL adds triples to the graph
    it is given: the caller's stays as it was)."""
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    for triple in shapes:
        if not (triple[0] in skip and triple[1] in _TARGET_PREDICATES):
            kept.add(triple)
    return kept


def _violation(report: Graph, result: Node, origins: dict[Node, tuple[Path, ...]]) -> Violation:
    def value(predicate: Node) -> Node | None:
        return report.value(result, predicate)

    focus = value(SH.focusNode)
    path = value(SH.resultPath)
    message = value(SH.resultMessage)
    severity = value(SH.resultSeverity)
    shape = value(SH.sourceShape)
    files = origins.get(focus, ()) if focus is not None else ()
    return Violation(
        focus=short(focus),
        shape=short(shape),
        component=short(value(SH.sourceConstraintComponent)),
        path=short(path) if path is not None else None,
        value=short(value(SH.value)) if value(SH.value) is not None else None,
        message=str(message) if message is not None else "(no message)",
        severity=short(severity).removeprefix("sh:") if severity is not None else "Violation",
        file=", ".join(display_path(path) for path in files) or None,
        terms=ResultTerms(
            focus, path, value(SH.value), shape, value(SH.sourceConstraintComponent), severity or SH.Violation
        ),
    )
