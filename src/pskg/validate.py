"""Check the graph against the SHACL shapes and report what is wrong, and where.

Each violation names the focus node, the shape and constraint that failed, the
message and the data file that describes the node, so the fix is one step away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from pskg.errors import PskgError
from pskg.literal_forms import canonical_graph
from pskg.load import SourceGraph, parse_turtle_file
from pskg.namespaces import PREFIXES, new_graph
from pskg.resources import turtle_files


@dataclass(frozen=True)
class ResultTerms:
    """A validation result's RDF terms: focus node, path, value, source shape, component, severity."""

    focus: Node
    path: Node | None
    value: Node | None
    shape: Node
    component: Node
    severity: Node


@dataclass(frozen=True)
class Violation:
    """One row of a SHACL validation report, made readable."""

    focus: str
    shape: str
    component: str
    path: str | None
    value: str | None
    message: str
    severity: str
    file: str | None
    #: The result's own terms, for reports in RDF and the test suites; not part of equality.
    terms: ResultTerms | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        """A one-paragraph, human-readable account of the violation."""
        where = f" (in {self.file})" if self.file else ""
        on_path = f", property {self.path}" if self.path else ""
        value = f", value {self.value}" if self.value else ""
        return (
            f"{self.severity}: {self.focus}{where}\n"
            f"  rule: {self.shape} [{self.component}]{on_path}{value}\n"
            f"  {self.message}"
        )


@dataclass(frozen=True)
class ValidationReport:
    """The verdict and the violations, sorted for stable output."""

    conforms: bool
    violations: tuple[Violation, ...]
    #: One line per engine choice the user should know of (shapes sent to pySHACL, and why).
    notices: tuple[str, ...] = ()


def load_shapes(paths: Iterable[Path] | None = None, relative_to_file: bool = False) -> Graph:
    """The shapes of ``paths`` (default: every file of ``validation/``), merged.

    ``relative_to_file``: relative IRIs resolve against each file's own URI (refused otherwise).
    """
    shapes = new_graph()
    for path in turtle_files("validation") if paths is None else paths:
        part = parse_turtle_file(path, file_base(path) if relative_to_file else None)
        shapes += part
        for prefix, namespace in part.namespaces():  # pySHACL reads a query's prefixes from them too
            shapes.bind(prefix, namespace, override=False)
    return shapes


def file_base(path: Path) -> str:
    """A file's own URI, the base its relative IRIs resolve against."""
    return path.resolve().as_uri()


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
    files = origins.get(focus, ())
    return Violation(
        focus=short(focus),
        shape=short(shape),
        component=short(value(SH.sourceConstraintComponent)),
        path=short(path) if path is not None else None,
        value=short(value(SH.value)) if value(SH.value) is not None else None,
        message=str(message) if message is not None else "(no message)",
        severity=short(severity).removeprefix("sh:") if severity is not None else "Violation",
        file=", ".join(_relative(path) for path in files) or None,
        terms=ResultTerms(
            focus, path, value(SH.value), shape, value(SH.sourceConstraintComponent), severity or SH.Violation
        ),
    )


def short(node: Node | None) -> str:
    """A prefixed name where one of our prefixes fits, else the N3 form."""
    if node is None:
        return "?"
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)) and "/" not in text[len(str(namespace)) :]:
            return f"{prefix}:{text[len(str(namespace)) :]}"
    return node.n3()


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
