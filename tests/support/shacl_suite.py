"""The W3C SHACL test suite and the DASH tests, as shipped in pySHACL's source distribution.

``make test`` downloads the sdist (``scripts/fetch-shacl-suite.sh``) into
``.cache/shacl-suite/``; ``PSKG_SHACL_SUITE`` points elsewhere. A case is one
validation test: its data file, its shapes file and the report it expects, or
that validation must fail (``sht:Failure``). A report is compared result by
result on focus node, path, value, source shape, constraint component and
severity, as a multiset; blank focus nodes and values match any blank node
(their labels differ between graphs), blank paths compare by their structure, and
literals in the canonical form the project reads them in (``"4.0"^^xsd:decimal``
as ``"4"``: see ``pskg.engines.literal_forms``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from pskg.engines.fast.shape_compiler import plan_shapes
from pskg.engines.fast.store import FastSources
from pskg.engines.literal_forms import canonical_literal
from pskg.engines.validation import validate_files
from pskg.errors import PskgError
from pskg.sources.shapes import file_base, load_shapes

REPO = Path(__file__).resolve().parents[2]
PYSHACL_VERSION = "0.40.1"
DEFAULT_SUITE = REPO / ".cache" / "shacl-suite" / f"pyshacl-{PYSHACL_VERSION}" / "test" / "resources"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
DASH = Namespace("http://datashapes.org/dash#")
#: The DASH folders whose tests are validation tests (the others test rules, functions and queries).
DASH_FOLDERS = ("core", "sparql", "target")

#: Cases pySHACL 0.40.1 fails, so the default validator may too (``engines/test_shacl_suite.py`` checks it still does).
PYSHACL_FAILS = frozenset({"w3c/core/property/uniqueLang-002", "w3c/sparql/pre-binding/shapesGraph-001"})
ResultKey = tuple[str, str, str, str, str, str]
logging.getLogger("rdflib").setLevel(logging.CRITICAL)  # ill-typed literals are the point of some cases


def suite_dir() -> Path:
    """Where the suite's resources are: ``$PSKG_SHACL_SUITE`` or the folder ``make test`` fills."""
    return Path(os.environ.get("PSKG_SHACL_SUITE", DEFAULT_SUITE))


@dataclass(frozen=True)
class Case:
    """One validation test: files, and the expected report node (None: validation must fail)."""

    name: str
    data: Path
    shapes: Path
    expected: Node | None
    graph: Graph = field(compare=False, repr=False)
    #: The file ``graph`` was parsed from: where the expected report is written.
    source: Path = field(default=Path(), compare=False)

    def expected_report(self) -> tuple[bool, set[ResultKey]] | None:
        """The expected verdict and results, or None when the test expects a failure."""
        if self.expected is None:
            return None
        graph = self.graph
        conforms = graph.value(self.expected, SH.conforms)
        results = {result_key(graph, node) for node in graph.objects(self.expected, SH.result)}
        return bool(conforms.toPython()) if isinstance(conforms, Literal) else False, results


def cases(root: Path | None = None) -> list[Case]:
    """Every case of the W3C manifests and of the DASH validation folders, sorted by name."""
    root = suite_dir() if root is None else root
    found = list(_sht_cases(root / "sht_tests" / "manifest.ttl", root))
    for folder in DASH_FOLDERS:
        found += [_dash_case(path, root) for path in sorted((root / "dash_tests" / folder).rglob("*.test.ttl"))]
    return sorted(found, key=lambda case: case.name)


def parse_file(path: Path) -> Graph:
    """A suite file as rdflib reads it, relative IRIs resolved against the file itself."""
    return Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())


def _sht_cases(manifest: Path, root: Path) -> Iterator[Case]:
    graph = parse_file(manifest)
    for included in sorted(graph.objects(None, MF.include)):
        yield from _sht_cases(_local(included), root)
    for entries in graph.objects(None, MF.entries):
        for entry in Collection(graph, entries):
            if (entry, RDF.type, SHT.Validate) not in graph:
                continue
            action = graph.value(entry, MF.action)
            result = graph.value(entry, MF.result)
            folder = manifest.relative_to(root / "sht_tests").parent.as_posix()
            yield Case(
                name=f"w3c/{folder}/{str(entry).rsplit('/', 1)[-1]}",
                data=_local(graph.value(action, SHT.dataGraph)),
                shapes=_local(graph.value(action, SHT.shapesGraph)),
                expected=None if result == SHT.Failure else result,
                graph=graph,
                source=manifest,
            )


def _dash_case(path: Path, root: Path) -> Case:
    graph = parse_file(path)
    test = next(graph.subjects(RDF.type, DASH.GraphValidationTestCase))
    name = path.relative_to(root / "dash_tests").as_posix().removesuffix(".test.ttl")
    return Case(f"dash/{name}", path, path, graph.value(test, DASH.expectedResult), graph, path)


def _local(iri: Node | None) -> Path:
    if not isinstance(iri, URIRef) or not str(iri).startswith("file://"):
        raise ValueError(f"not a local file: {iri}")
    return Path(str(iri).removeprefix("file://"))


def result_key(graph: Graph, result: Node) -> ResultKey:
    """A result as the six fields it is compared on."""
    return (
        term_key(graph, graph.value(result, SH.focusNode)),
        term_key(graph, graph.value(result, SH.resultPath), structural=True),
        term_key(graph, graph.value(result, SH.value)),
        term_key(graph, graph.value(result, SH.sourceShape), structural=True),
        term_key(graph, graph.value(result, SH.sourceConstraintComponent)),
        term_key(graph, graph.value(result, SH.resultSeverity)),
    )


def term_key(graph: Graph, term: Node | None, structural: bool = False) -> str:
    """A term as compared: IRIs and literals as written, a blank node as ``_:`` or, for paths and shapes, its
    structure (a path is the same path whatever its blank nodes are called)."""
    if term is None:
        return ""
    if isinstance(term, Literal):  # a string is a string, however written (RDF 1.1); the rest in canonical form
        return Literal(str(term)).n3() if term.datatype == XSD.string else canonical_literal(term).n3()
    if isinstance(term, BNode):
        return _structure(graph, term, set()) if structural else "_:"
    return term.n3()


def _structure(graph: Graph, node: Node, seen: set[Node]) -> str:
    if not isinstance(node, BNode):
        return node.n3()
    if node in seen:
        return "_:cycle"
    seen = seen | {node}
    if (node, RDF.first, None) in graph:
        return "(" + " ".join(_structure(graph, item, seen) for item in Collection(graph, node)) + ")"
    pairs = sorted(f"{p.n3()} {_structure(graph, o, seen)}" for p, o in graph.predicate_objects(node))
    return "[" + "; ".join(pairs) + "]"


Outcome = tuple[bool, set[ResultKey]]


def outcome(case: Case) -> Outcome:
    """What the default validator says of a case, through the entry point ``pskg validate --data`` uses.

    The verdict is SHACL's (no result at all), not the project's (no violation).
    """
    report = validate_files([case.data], [case.shapes], relative_to_file=True)
    shapes = load_shapes([case.shapes], relative_to_file=True)
    return not report.violations, {_violation_key(shapes, violation.terms) for violation in report.violations}


def reference_outcome(case: Case) -> Outcome | None:
    """What pySHACL alone says of a case (None: it refuses the shapes)."""
    import pyshacl

    shapes = parse_file(case.shapes)
    try:
        _, report, _ = pyshacl.validate(parse_file(case.data), shacl_graph=shapes, inference="none", advanced=True)
    except Exception:  # pySHACL's refusals are of many types
        return None
    if not isinstance(report, Graph):
        return None
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    return not results, {result_key(report, result) for result in results}


def _violation_key(shapes: Graph, terms: object) -> ResultKey:
    assert terms is not None, "every result of the default validator carries its terms"
    return (
        term_key(shapes, terms.focus),  # type: ignore[attr-defined]
        term_key(shapes, terms.path, structural=True),  # type: ignore[attr-defined]
        term_key(shapes, terms.value),  # type: ignore[attr-defined]
        term_key(shapes, terms.shape, structural=True),  # type: ignore[attr-defined]
        term_key(shapes, terms.component),  # type: ignore[attr-defined]
        term_key(shapes, terms.severity),  # type: ignore[attr-defined]
    )


def engine_of(case: Case) -> str:
    """Which engine decided a case: ``compiled`` (every shape), ``mixed`` (some shapes to pySHACL), ``pySHACL``."""
    sources = FastSources()
    sources.add_file(case.data, file_base(case.data))
    if sources.altered_literals():
        return "pySHACL"
    try:
        plan = plan_shapes(load_shapes([case.shapes], relative_to_file=True))
    except PskgError:
        return "pySHACL"
    if not plan.routed:
        return "compiled"
    return "mixed" if plan.compiled else "pySHACL"


def parameters_of(case: Case) -> set[str]:
    """The SHACL parameters (``sh:`` predicates that are constraints or targets) a case's shapes use, not
    counting those of the expected report written in the same file."""
    same_file = case.shapes == case.source
    shapes = case.graph if same_file else parse_file(case.shapes)
    report = _reachable(case.graph, case.expected) if same_file else set()
    used = {str(p).removeprefix(str(SH)) for s, p, _ in shapes if str(p).startswith(str(SH)) and s not in report}
    return used - _NOT_FEATURES


def _reachable(graph: Graph, start: Node | None) -> set[Node]:
    """The blank nodes of the expected report."""
    seen: set[Node] = set()
    stack = [start] if start is not None else []
    while stack:
        node = stack.pop()
        seen.add(node)
        stack += [value for value in graph.objects(node, None) if isinstance(value, BNode) and value not in seen]
    return seen


#: ``sh:`` predicates of reports, test manifests and documentation: not features a validator implements.
_NOT_FEATURES = {
    "conforms", "result", "focusNode", "resultPath", "value", "sourceShape", "sourceConstraint",
    "sourceConstraintComponent", "resultSeverity", "resultMessage", "detail", "name", "description",
    "order", "group", "message", "declare", "prefix", "namespace", "prefixes", "path", "property",
    "severity", "defaultValue", "labelTemplate", "parameter", "validator", "nodeValidator",
    "propertyValidator", "optional", "suggestedShapesGraph", "shapesGraph", "entailment",
}  # fmt: skip


def conformance_markdown(passed: dict[str, bool]) -> str:
    """The README's conformance block: the verdict, and for each SHACL parameter the suite's cases that use it,
    how many the default validator passes, and how many its compiled checks decided alone."""
    found = cases()
    engines = {case.name: engine_of(case) for case in found}
    by_parameter: dict[str, list[Case]] = {}
    for case in found:
        for parameter in parameters_of(case):
            by_parameter.setdefault(parameter, []).append(case)
    total = sum(passed.get(case.name, False) for case in found)
    counts = {kind: sum(1 for e in engines.values() if e == kind) for kind in ("compiled", "mixed", "pySHACL")}
    lines = [
        f"The default validator passes **{total} of {len(found)}** cases of the W3C SHACL test suite and the "
        f"DASH tests (pySHACL {PYSHACL_VERSION}'s sdist; pySHACL alone passes {len(found) - len(PYSHACL_FAILS)}). "
        f"The compiled checks decide {counts['compiled']} cases alone; in {counts['mixed']} some shapes go to "
        f"pySHACL, in {counts['pySHACL']} all of them.",
        "",
        "| SHACL parameter | cases | passed | compiled alone |",
        "|---|---|---|---|",
    ]
    for parameter in sorted(by_parameter, key=str.lower):
        used = by_parameter[parameter]
        lines.append(
            f"| `sh:{parameter}` | {len(used)} | {sum(passed.get(c.name, False) for c in used)} "
            f"| {sum(engines[c.name] == 'compiled' for c in used)} |"
        )
    return "\n".join(lines) + "\n"


def case_passes(case: Case) -> bool:
    """Whether the default validator gives the case's expected answer (a failure when one is expected)."""
    expected = case.expected_report()
    try:
        got = outcome(case)
    except PskgError:
        return expected is None
    return expected is not None and got == expected
