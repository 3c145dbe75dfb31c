"""A validation report as people and programs read it: text, JSON, or a SHACL validation report in Turtle.

The Turtle form is the standard's own (``sh:ValidationReport`` with one
``sh:result`` per violation), so other SHACL tools and tests can read it; the
JSON form has one object per violation with the fields the text shows.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH, XSD

from pskg.engines.results import ValidationReport
from pskg.sources.namespaces import bind_prefixes

FORMATS = ("text", "json", "turtle")


def render_report(report: ValidationReport, triples: int, files: int, output: str = "text") -> str:
    """The report in ``output`` format (see FORMATS); the text form is the violations, ``verdict`` says the rest."""
    if output == "json":
        return json.dumps(_as_json(report, triples, files), indent=2, ensure_ascii=False) + "\n"
    if output == "turtle":
        return _as_graph(report).serialize(format="turtle")
    return "".join(violation.describe() + "\n" for violation in report.violations)


def verdict(report: ValidationReport, triples: int, files: int) -> str:
    """The one-line verdict of the text form."""
    violations = sum(1 for v in report.violations if v.severity == "Violation")
    others = len(report.violations) - violations
    if report.conforms:
        return f"conforms: {triples} triples from {files} files, {others} warnings"
    return f"does not conform: {violations} violations, {others} warnings"


def _as_json(report: ValidationReport, triples: int, files: int) -> dict:
    fields = ("focus", "shape", "component", "path", "value", "message", "severity", "file")
    return {
        "conforms": report.conforms,
        "triples": triples,
        "files": files,
        "violations": [{name: asdict(v)[name] for name in fields} for v in report.violations],
        "notices": list(report.notices),
    }


def _as_graph(report: ValidationReport) -> Graph:
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    node = BNode("report")
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(report.conforms, datatype=XSD.boolean)))
    for index, violation in enumerate(report.violations):
        terms = violation.terms
        result = BNode(f"result{index}")
        graph.add((node, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.resultMessage, Literal(violation.message)))
        if terms is None:
            continue
        for predicate, term in (
            (SH.focusNode, terms.focus),
            (SH.resultPath, terms.path),
            (SH.value, terms.value),
            (SH.sourceShape, terms.shape),
            (SH.sourceConstraintComponent, terms.component),
            (SH.resultSeverity, terms.severity),
        ):
            if term is not None:
                graph.add((result, predicate, term))
    return graph
