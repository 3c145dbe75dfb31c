"""Check the graph against the SHACL shapes and report what is wrong, and where.

Each violation names the focus node, the shape and constraint that failed, the
message and the data file that describes the node, so the fix is one step away.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from pskg.errors import PskgError
from pskg.load import SourceGraph, parse_turtle_file
from pskg.namespaces import PREFIXES, new_graph
from pskg.resources import turtle_files


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


def load_shapes() -> Graph:
    """All shapes of ``validation/``."""
    shapes = new_graph()
    for path in turtle_files("validation"):
        shapes += parse_turtle_file(path)
    return shapes


def validate(sources: SourceGraph, shapes: Graph | None = None) -> ValidationReport:
    """Validate the asserted graph (ontology included, for class hierarchies)."""
    shapes = load_shapes() if shapes is None else shapes
    conforms, report, _ = pyshacl.validate(
        sources.graph,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(report, Graph):  # pyshacl returns its ValidationFailure when a shape is unusable
        raise PskgError(f"the SHACL shapes cannot be applied: {report}")
    violations = sorted(
        (_violation(report, result, sources.origins) for result in report.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.file or "", v.focus, v.shape, v.path or "", v.value or ""),
    )
    has_violation = any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=bool(conforms) or not has_violation, violations=tuple(violations))


def _violation(report: Graph, result: Node, origins: dict[Node, tuple[Path, ...]]) -> Violation:
    def value(predicate: Node) -> Node | None:
        return report.value(result, predicate)

    focus = value(SH.focusNode)
    path = value(SH.resultPath)
    message = value(SH.resultMessage)
    severity = value(SH.resultSeverity)
    files = origins.get(focus, ())
    return Violation(
        focus=short(focus),
        shape=short(value(SH.sourceShape)),
        component=short(value(SH.sourceConstraintComponent)),
        path=short(path) if path is not None else None,
        value=short(value(SH.value)) if value(SH.value) is not None else None,
        message=str(message) if message is not None else "(no message)",
        severity=short(severity).removeprefix("sh:") if severity is not None else "Violation",
        file=", ".join(_relative(path) for path in files) or None,
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
