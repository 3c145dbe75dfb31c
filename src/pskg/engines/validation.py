"""The default validator: compiled SHACL checks on the fast store, and pySHACL for every other shape.

``shape_compiler.plan_shapes`` compiles the shapes it translates exactly and
lists the others; those are validated by pySHACL on the same files, and the
reports are merged. When a file holds a literal the store would not keep as
written (``"1992"^^xsd:int`` is stored as an ``xsd:integer``, an ill-typed
literal is not flagged), every shape goes to pySHACL, which reads literals as
written. Either hand-over is said in one line (``ValidationReport.notices``),
so the report never depends on the engine, and the user knows which one spoke.
pySHACL is imported only when a hand-over happens: the project's own graph never needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from pskg.engines.fast.shape_compiler import Plan, plan_shapes
from pskg.engines.fast.store import FastSources
from pskg.engines.fast.validate import compiled_violations
from pskg.engines.results import ValidationReport
from pskg.sources.namespaces import short
from pskg.sources.parse import SourceGraph
from pskg.sources.resources import display_path
from pskg.sources.shapes import file_base, load_shapes

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
            f"{first.literal} in {display_path(first.path)}, {first.why}); every shape checked by pySHACL"
        )
        report = _pyshacl(reference or _parsed(sources), shapes)
        return ValidationReport(report.conforms, report.violations, (notice,))
    plan = plan_shapes(shapes)
    violations = compiled_violations(sources, plan.checks)
    notices: tuple[str, ...] = ()
    if plan.routed:
        handed = _pyshacl(reference or _parsed(sources), shapes, skip=plan.compiled)
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


def _pyshacl(sources: SourceGraph, shapes: Graph, skip: Sequence[Node] = ()) -> ValidationReport:
    """pySHACL's report on ``sources``, the shapes of ``skip`` left to the compiled checks."""
    from pskg.engines.reference.validate import validate  # the hand-over: pySHACL is loaded only now

    return validate(sources, shapes, skip=skip)
