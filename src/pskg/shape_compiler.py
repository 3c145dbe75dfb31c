"""Our SHACL shapes compiled to SPARQL queries that return their violations: the fast validator's half.

pySHACL walks every focus node and value in Python (about 95 s for 90k
triples). Here each node shape's targets become one SPARQL group, each
property shape a few queries (value tests, counts, comparisons with another
property), and the SHACL-SPARQL constraints run as written, joined with the
targets (or with ``$this`` substituted, for ``sh:targetNode``). The kinds of
constraint our shapes use are compiled; any other makes ``compile_shapes``
raise ``UnsupportedShape`` and the caller falls back to pySHACL.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from pskg.errors import PskgError

#: Shape predicates that carry no constraint (documentation, targets, structure).
_NEUTRAL = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.description,
    SH.message,
    SH.name,
    SH.order,
    SH.group,
    SH.severity,
    SH.path,
    SH.property,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
    SH.sparql,
    SH.qualifiedValueShape,
    SH.qualifiedValueShapesDisjoint,
}
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}
_NODE_KINDS = {
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "!isLiteral(?v)",
    SH.IRIOrLiteral: "!isBlank(?v)",
    SH.BlankNodeOrLiteral: "!isIRI(?v)",
}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
#: Comparisons with another property. As SHACL says, a pair that cannot be compared (a string and an integer) violates.
_PAIRS = {SH.lessThanOrEquals: "<=", SH.lessThan: "<"}


class UnsupportedShape(PskgError):
    """A shape uses a SHACL construct the compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One query whose rows (``?this``, maybe ``?value``, maybe ``?component``) are violations of one shape."""

    shape: Node
    path: Node | None
    query: str
    component: URIRef | None  # None: each row says its own in ?component
    message: str | None
    severity: URIRef
    this: URIRef | None = None  # a sh:targetNode to substitute for $this
    #: When set, the query does not join the targets (a pass over the path's triples costs less than a
    #: join with every focus node): its rows are violations only where ``?this`` is a row of this query.
    targets: str | None = None


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every check of every node shape with a target."""
    compiler = _Compiler(shapes)
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        checks.extend(compiler.node_shape(shape))
    return checks


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        declarations = {
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>"
            for d in shapes.objects(None, SH.declare)
        }
        self.header = "\n".join(sorted(declarations)) + "\n"

    def node_shape(self, shape: Node) -> list[Check]:
        target = self.target(shape)
        if target is None:
            return []  # a value shape: it reports only through the shapes that use it
        checks = [*self.value_checks(shape, None, target, "BIND(?this AS ?value)")]
        checks += self.sparql_checks(shape, target)
        for prop in self.shapes.objects(shape, SH.property):
            checks += self.property_checks(prop, target)
        return checks

    def target(self, shape: Node) -> str | None:
        parts = [f"?this a/<{RDFS.subClassOf}>* {c.n3()} ." for c in self.shapes.objects(shape, SH.targetClass)]
        parts += [f"?this {p.n3()} ?anyObject ." for p in self.shapes.objects(shape, SH.targetSubjectsOf)]
        parts += [f"?anySubject {p.n3()} ?this ." for p in self.shapes.objects(shape, SH.targetObjectsOf)]
        parts += [f"VALUES ?this {{ {n.n3()} }}" for n in self.shapes.objects(shape, SH.targetNode)]
        for target in self.shapes.objects(shape, SH.target):
            select = self.shapes.value(target, SH.select)
            if select is None:
                raise UnsupportedShape(f"{shape}: a sh:target other than a SPARQL target")
            parts.append(f"{{ {str(select).replace('$this', '?this')} }}")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in parts) + " } }"

    def property_checks(self, prop: Node, target: str) -> list[Check]:
        path = self.shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShape(f"{prop}: only IRI paths are compiled")
        link = f"?this {path.n3()} ?value ."
        checks = self.value_checks(prop, path, target, link, joined=False)
        checks += self.count_checks(prop, path, target)
        for predicate, operator in _PAIRS.items():
            for other in self.shapes.objects(prop, predicate):
                test = f"FILTER(!COALESCE(?value {operator} ?other, false))"
                checks.append(self.check(prop, path, predicate, target, f"{link} ?this {other.n3()} ?other {test}"))
        for other in self.shapes.objects(prop, SH.disjoint):
            checks.append(self.check(prop, path, SH.disjoint, target, f"{link} ?this {other.n3()} ?value ."))
        if (prop, SH.uniqueLang, Literal(True)) in self.shapes:
            twin = (
                f'?this {path.n3()} ?twin FILTER(?twin != ?value && LANG(?value) != "" && LANG(?value) = LANG(?twin))'
            )
            checks.append(self.check(prop, path, SH.uniqueLang, target, f"{link} {twin}", value=False))
        if any(True for _ in self.shapes.objects(prop, SH.sparql)):
            raise UnsupportedShape(f"{prop}: SPARQL constraints on property shapes are not compiled")
        return checks

    def value_checks(self, shape: Node, path: Node | None, target: str, link: str, joined: bool = True) -> list[Check]:
        """The constraints on each value: one query per ``sh:class``, one for the others (``?component`` names
        the one that fails).

        ``joined``: the query joins the targets (a node shape's own values);
        otherwise it passes over every triple of the path and ``Check.targets`` filters its rows. A class is
        a ``MINUS`` of its instances (one pass over them, not a path walked from each value); the other
        tests first keep the values that fail any of them (one test per value, not one per component).
        """
        tests = self.value_tests(shape)
        tests.pop(SH.ClassConstraintComponent, None)
        scope, later = (target, None) if joined else ("", self.focus_nodes(target))
        message, severity = self.message(shape), self.severity(shape)
        checks = []
        for cls in sorted(self.shapes.objects(shape, SH["class"])):
            instances = f"MINUS {{ ?value a/<{RDFS.subClassOf}>* {cls.n3()} }}"
            query = f"{self.header}SELECT DISTINCT ?this ?value WHERE {{ {scope} {link} {instances} }}"
            checks.append(Check(shape, path, query, SH.ClassConstraintComponent, message, severity, targets=later))
        if tests:
            values = " ".join(f"<{component}>" for component in tests)
            passing = " && ".join(f"({test})" for test in tests.values()).replace("?v", "?value")
            failing = " || ".join(f"(?component = <{c}> && !({test}))" for c, test in tests.items())
            failed = f"{{ SELECT ?this ?value WHERE {{ {scope} {link} FILTER(!({passing})) }} }}"
            body = f"{failed} VALUES ?component {{ {values} }} FILTER({failing.replace('?v', '?value')})"
            query = f"{self.header}SELECT DISTINCT ?this ?value ?component WHERE {{ {body} }}"
            checks.append(Check(shape, path, query, None, message, severity, targets=later))
        return checks

    def value_tests(self, shape: Node) -> dict[URIRef, str]:
        """By constraint component, SPARQL expressions true when ``?v`` satisfies ``shape``'s value constraints."""
        self.refuse_unknown(shape)
        tests: dict[URIRef, str] = {}
        for datatype in self.shapes.objects(shape, SH.datatype):
            test = f"isLiteral(?v) && DATATYPE(?v) = {datatype.n3()}"
            if datatype in _NUMERIC:
                test += " && isNumeric(?v)"
            elif datatype == XSD.date:
                test += " && COALESCE(YEAR(?v) > -999999, false)"
            tests[SH.DatatypeConstraintComponent] = test
        for cls in self.shapes.objects(shape, SH["class"]):
            tests[SH.ClassConstraintComponent] = f"EXISTS {{ ?v a/<{RDFS.subClassOf}>* {cls.n3()} }}"
        for kind in self.shapes.objects(shape, SH.nodeKind):
            tests[SH.NodeKindConstraintComponent] = _NODE_KINDS[kind]
        for allowed in self.shapes.objects(shape, SH["in"]):
            members = list(Collection(self.shapes, allowed))
            tests[SH.InConstraintComponent] = " || ".join(f"sameTerm(?v, {m.n3()})" for m in members) or "false"
        for pattern in self.shapes.objects(shape, SH.pattern):
            flags = self.shapes.value(shape, SH.flags)
            flags_text = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            tests[SH.PatternConstraintComponent] = (
                f"!isBlank(?v) && REGEX(STR(?v), {Literal(str(pattern)).n3()}{flags_text})"
            )
        for predicate, operator in _COMPARISONS.items():
            for bound in self.shapes.objects(shape, predicate):
                tests[_component(predicate)] = f"COALESCE(?v {operator} {bound.n3()}, false)"
        for length in self.shapes.objects(shape, SH.minLength):
            tests[SH.MinLengthConstraintComponent] = f"!isBlank(?v) && STRLEN(STR(?v)) >= {int(length)}"
        for length in self.shapes.objects(shape, SH.maxLength):
            tests[SH.MaxLengthConstraintComponent] = f"!isBlank(?v) && STRLEN(STR(?v)) <= {int(length)}"
        for languages in self.shapes.objects(shape, SH.languageIn):
            ranges = " || ".join(f"langMatches(LANG(?v), {lang.n3()})" for lang in Collection(self.shapes, languages))
            tests[SH.LanguageInConstraintComponent] = f"isLiteral(?v) && ({ranges or 'false'})"
        for value in self.shapes.objects(shape, SH.hasValue):
            if self.shapes.value(shape, SH.path) is None:
                tests[SH.HasValueConstraintComponent] = f"sameTerm(?v, {value.n3()})"
        for alternatives in self.shapes.objects(shape, SH["or"]):
            tests[SH.OrConstraintComponent] = " || ".join(
                f"({self.conforms(member)})" for member in Collection(self.shapes, alternatives)
            )
        for other in self.shapes.objects(shape, SH.node):
            tests[SH.NodeConstraintComponent] = self.conforms(other)
        return tests

    def conforms(self, shape: Node) -> str:
        """An expression true when ``?v`` conforms to a value shape (one without paths or counts)."""
        if any(True for _ in self.shapes.objects(shape, SH.property)):
            raise UnsupportedShape(f"{shape}: value shapes with property shapes are not compiled")
        tests = self.value_tests(shape)
        return " && ".join(f"({test})" for test in tests.values()) or "true"

    def count_checks(self, prop: Node, path: URIRef, target: str) -> list[Check]:
        checks = []
        link = f"?this {path.n3()} ?value ."
        for predicate, operator, optional in ((SH.minCount, "<", True), (SH.maxCount, ">", False)):
            for bound in self.shapes.objects(prop, predicate):
                checks.append(self.counted(prop, path, predicate, target, link, operator, int(bound), optional))
        qualified = self.shapes.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            link = f"?this {path.n3()} ?value . FILTER({self.conforms(qualified).replace('?v', '?value')})"
            for predicate, operator, optional in (
                (SH.qualifiedMinCount, "<", True),
                (SH.qualifiedMaxCount, ">", False),
            ):
                for bound in self.shapes.objects(prop, predicate):
                    checks.append(self.counted(prop, path, predicate, target, link, operator, int(bound), optional))
        return checks

    def counted(
        self,
        prop: Node,
        path: URIRef,
        predicate: URIRef,
        target: str,
        link: str,
        operator: str,
        bound: int,
        optional: bool,
    ) -> Check:
        """A count check. A minimum must look at every focus node (one may have no value): at least one value
        is a ``NOT EXISTS`` (a third of the cost of counting); a maximum looks only at nodes with values."""
        having = f"HAVING (COUNT(DISTINCT ?value) {operator} {bound})"
        later = None
        if optional and bound == 1:
            query = f"{self.header}SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ {link} }} }}"
        elif optional:
            query = f"{self.header}SELECT ?this WHERE {{ {target} OPTIONAL {{ {link} }} }} GROUP BY ?this {having}"
        else:
            query, later = f"{self.header}SELECT ?this WHERE {{ {link} }} GROUP BY ?this {having}", target
        component, message, severity = _component(predicate), self.message(prop), self.severity(prop)
        return Check(prop, path, query, component, message, severity, targets=later and self.focus_nodes(later))

    def check(self, prop: Node, path: URIRef, predicate: URIRef, target: str, body: str, value: bool = True) -> Check:
        """A check on the values of a path, filtered by the targets afterwards."""
        projection = "?this ?value" if value else "?this"
        query = f"{self.header}SELECT DISTINCT {projection} WHERE {{ {body} }}"
        component, message = _component(predicate), self.message(prop)
        return Check(prop, path, query, component, message, self.severity(prop), targets=self.focus_nodes(target))

    def focus_nodes(self, target: str) -> str:
        """The query whose rows are the focus nodes of ``target``."""
        return f"{self.header}SELECT ?this WHERE {{ {target} }}"

    def sparql_checks(self, shape: Node, target: str) -> list[Check]:
        checks = []
        nodes = list(self.shapes.objects(shape, SH.targetNode))
        only_nodes = bool(nodes) and target.count("VALUES ?this") == 1 and " UNION " not in target
        for constraint in self.shapes.objects(shape, SH.sparql):
            select = str(self.shapes.value(constraint, SH.select))
            message = self.shapes.value(constraint, SH.message) or self.message(shape)
            severity, component = self.severity(shape), SH.SPARQLConstraintComponent
            if only_nodes:
                query = self.header + select
                checks += [Check(shape, None, query, component, message, severity, this=node) for node in nodes]
            else:
                outside = " UNION " in target or any(True for _ in self.shapes.objects(shape, SH.target))
                query = self.header + _joined(select.replace("$this", "?this"), target, outside)
                checks.append(Check(shape, None, query, component, message, severity))
        return checks

    def message(self, shape: Node) -> str | None:
        message = self.shapes.value(shape, SH.message)
        return str(message) if message is not None else None

    def severity(self, shape: Node) -> URIRef:
        severity = self.shapes.value(shape, SH.severity)
        return severity if isinstance(severity, URIRef) else SH.Violation

    def refuse_unknown(self, shape: Node) -> None:
        known = _NEUTRAL | {SH.datatype, SH["class"], SH.nodeKind, SH["in"], SH.pattern, SH.flags, SH.minLength}
        known |= {SH.maxLength, SH.languageIn, SH.hasValue, SH["or"], SH.node, SH.minCount, SH.maxCount}
        known |= {SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.uniqueLang, SH.disjoint, SH.prefixes, SH.declare}
        known |= set(_COMPARISONS) | set(_PAIRS)
        for predicate in set(self.shapes.predicates(shape)) - known:
            if str(predicate).startswith(str(SH)):
                raise UnsupportedShape(f"{shape}: {predicate} is not compiled")


def _joined(select: str, target: str, outside: bool) -> str:
    """A SPARQL constraint joined with its targets.

    Inside its WHERE (its first brace), the constraint's filters run on the
    focus nodes only (its pattern alone may match the whole graph: every typed
    resource, say). A target that is itself a join (a SPARQL target, several
    targets) is joined outside: the engine would otherwise evaluate the two
    joins as one, at twice the cost.
    """
    if outside:
        return f"SELECT * WHERE {{ {target} {{ {select} }} }}"
    opening = select.index("{") + 1
    return f"{select[:opening]} {target} {select[opening:]}"


def _component(predicate: URIRef) -> URIRef:
    name = predicate.removeprefix(str(SH))
    return SH[f"{name[0].upper()}{name[1:]}ConstraintComponent"]
