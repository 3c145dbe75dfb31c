"""SHACL shapes compiled to SPARQL queries that return their violations: the fast validator's half.

pySHACL walks every focus node and value in Python (minutes for a graph a
hundred times ours). Here each node shape's targets become one SPARQL group,
each property shape a few queries (value tests, counts, comparisons with another
property), and the SHACL-SPARQL constraints run as written, joined with the
targets.

The compiler is strict on purpose: ``plan_shapes`` compiles a shape with
targets only when every construct it reaches is one the compiler translates
exactly (held by the W3C and DASH test suites, ``tests/engines/test_shacl_suite.py``).
Any other shape (a construct not translated, a parameter given twice, a
deactivated shape, a path that is not an IRI, a SPARQL query the pre-binding
rules forbid…) is listed in ``Plan.routed`` with the reason, and the caller
hands it to pySHACL. Nothing is ever skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import cast

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Identifier, Node

from pskg.engines.literal_forms import stored_as_read
from pskg.errors import PskgError

#: Shape predicates that carry no constraint (documentation, structure).
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
    SH.prefixes,
    SH.declare,
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
#: Constraints on each value node, valid on node and property shapes alike.
_VALUE_PARAMETERS = {
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH["in"],
    SH.pattern,
    SH.flags,
    SH.minLength,
    SH.maxLength,
    SH.languageIn,
    SH.hasValue,
    SH["or"],
    SH.node,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
}
#: Constraints only a property shape has.
_PROPERTY_PARAMETERS = {
    SH.minCount,
    SH.maxCount,
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
    SH.uniqueLang,
    SH.lessThan,
    SH.lessThanOrEquals,
    SH.disjoint,
}
#: Parameters that may appear several times on one shape, each a constraint of its own.
_REPEATABLE = {SH["class"], SH.lessThan, SH.lessThanOrEquals, SH.disjoint, SH.sparql, SH.property}
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float}
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
#: What SHACL's pre-binding forbids in a SPARQL constraint (pySHACL refuses the shape), and what the compiler
#: cannot join: other pre-bound variables, sub-selects (which must project $this).
_NOT_COMPILED_SPARQL = re.compile(
    r"\b(MINUS|VALUES|SERVICE|LIMIT|OFFSET|GROUP\s+BY|HAVING)\b|\$(shapesGraph|currentShape|PATH|value)\b"
    r"|AS\s*[?$]this\b",
    re.IGNORECASE,
)
_PROLOGUE = re.compile(r"^\s*((?:(?:PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*)", re.IGNORECASE)
_PROJECTION = re.compile(r"^\s*SELECT\s+(.*?)\s*(?:WHERE\b|\{)", re.IGNORECASE | re.DOTALL)
_FUNCTION_TYPES = {SH.SPARQLFunction, SH.Function, SH.JSFunction, SH.SPARQLTargetType, SH.JSTargetType}


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
    #: When set, the query does not join the targets (a pass over the path's triples costs less than a
    #: join with every focus node): its rows are violations only where ``?this`` is a row of this query.
    targets: str | None = None


@dataclass(frozen=True)
class Plan:
    """Which shapes with targets are compiled (their checks) and which go to pySHACL, and why."""

    checks: tuple[Check, ...]
    compiled: tuple[Node, ...]
    routed: tuple[tuple[Node, str], ...]


def plan_shapes(shapes: Graph) -> Plan:
    """Compile every shape with targets that the compiler translates exactly; list the others with the reason."""
    whole = _whole_graph_reason(shapes)
    compiler = _Compiler(shapes)
    checks: list[Check] = []
    compiled: list[Node] = []
    routed: list[tuple[Node, str]] = []
    for shape in top_level_shapes(shapes):
        try:
            if whole:
                raise UnsupportedShape(whole)
            found = compiler.top_level(shape)
            for check in found:
                _parses(check)
        except UnsupportedShape as why:
            routed.append((shape, str(why)))
        else:
            checks.extend(found)
            compiled.append(shape)
    return Plan(tuple(checks), tuple(compiled), tuple(routed))


def top_level_shapes(shapes: Graph) -> list[Node]:
    """The shapes that have focus nodes of their own: a target, or an implicit class target."""
    found = {s for target in _TARGETS for s in shapes.subjects(target, None)}
    for cls in class_types(shapes):
        for node in shapes.subjects(RDF.type, cls):
            if any(str(p).startswith(str(SH)) for p in shapes.predicates(node)) or _is_typed_shape(shapes, node):
                found.add(node)
    return sorted(found, key=lambda node: (isinstance(node, BNode), str(node)))


def class_types(shapes: Graph) -> set[Node]:
    """The types that make a shape a class, with itself as implicit class target: ``rdfs:Class``, ``owl:Class``
    and the direct sub-classes of ``rdfs:Class`` in the shapes graph (as pySHACL reads SHACL 2.1.3.3: it
    adds ``owl:Class rdfs:subClassOf rdfs:Class`` to every shapes graph)."""
    return {RDFS.Class, OWL.Class, *shapes.subjects(RDFS.subClassOf, RDFS.Class)}


def _is_typed_shape(shapes: Graph, node: Node) -> bool:
    return (node, RDF.type, SH.NodeShape) in shapes or (node, RDF.type, SH.PropertyShape) in shapes


def _whole_graph_reason(shapes: Graph) -> str | None:
    if next(shapes.triples((None, SH.rule, None)), None) is not None:
        return "the shapes graph has SHACL rules, which change the data every shape sees"
    for kind in _FUNCTION_TYPES:
        if next(shapes.subjects(RDF.type, kind), None) is not None:
            return f"the shapes graph declares a {kind.removeprefix(str(SH))} (SHACL-AF), which the compiler lacks"
    return None


def _parses(check: Check) -> None:
    """Refuse a check whose SPARQL the engine does not parse (run on an empty store: nothing is evaluated)."""
    for query in (check.query, check.targets):
        if query is None:
            continue
        try:
            pyoxigraph.Store().query(query)
        except (SyntaxError, ValueError, OSError) as exc:
            raise UnsupportedShape(f"its compiled SPARQL does not parse ({' '.join(str(exc).split())[:120]})") from exc


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self.classes = class_types(shapes)
        self.custom = {  # every declared parameter, whatever its component is typed (subclasses too)
            parameter
            for declared in shapes.objects(None, SH.parameter)
            for parameter in shapes.objects(declared, SH.path)
        }

    def top_level(self, shape: Node) -> list[Check]:
        """The checks of a shape with targets: a node shape, its property shapes and SPARQL constraints."""
        if (shape, SH.path, None) in self.shapes:
            raise UnsupportedShape(f"{_name(shape)}: a property shape with targets of its own is not compiled")
        self.refuse_common(shape, {SH.NodeShape} | self.classes)
        self.refuse_parameters(shape, _VALUE_PARAMETERS)
        self.target_prefixes: dict[str, str] = {}
        target = self.target(shape)
        checks = [*self.value_checks(shape, None, target, "BIND(?this AS ?value)", joined=True)]
        for prop in self.shapes.objects(shape, SH.property):
            checks += self.property_checks(prop, target)
        header = _prefix_lines(self.target_prefixes)  # the SPARQL targets' prefixes, in every query joining them
        checks = [replace(c, query=header + c.query, targets=c.targets and header + c.targets) for c in checks]
        return checks + self.sparql_checks(shape, target)

    def refuse_common(self, shape: Node, types: AbstractSet[Node]) -> None:
        """What no compiled shape may have: deactivation, other types, custom or unknown parameters."""
        if (shape, SH.deactivated, None) in self.shapes:
            raise UnsupportedShape(f"{_name(shape)}: sh:deactivated is not compiled")
        others = set(self.shapes.objects(shape, RDF.type)) - types
        if others:
            raise UnsupportedShape(f"{_name(shape)}: a shape typed {', '.join(sorted(map(_name, others)))}")
        custom = set(self.shapes.predicates(shape)) & self.custom
        if custom:
            raise UnsupportedShape(f"{_name(shape)}: custom constraint parameter {_name(_ordered(custom)[0])}")

    def refuse_parameters(self, shape: Node, allowed: set[URIRef]) -> None:
        """Refuse a SHACL parameter the compiler does not translate here, or one given twice."""
        for predicate in set(self.shapes.predicates(shape)):
            if not str(predicate).startswith(str(SH)) or predicate in _NEUTRAL - {SH.property, SH.sparql}:
                continue
            if predicate not in allowed | {SH.property, SH.sparql}:
                raise UnsupportedShape(f"{_name(shape)}: {_name(predicate)} is not compiled here")
            if predicate not in _REPEATABLE and len(set(self.shapes.objects(shape, predicate))) > 1:
                raise UnsupportedShape(f"{_name(shape)}: {_name(predicate)} given twice is not compiled")

    def target(self, shape: Node) -> str:
        classes = set(self.shapes.objects(shape, SH.targetClass))
        if set(self.shapes.objects(shape, RDF.type)) & self.classes:
            classes.add(shape)  # an implicit class target
        parts = [f"?this a/<{RDFS.subClassOf}>* {_term(c)} ." for c in _ordered(classes)]
        parts += [f"?this {_term(p)} ?anyObject ." for p in self.shapes.objects(shape, SH.targetSubjectsOf)]
        parts += [f"?anySubject {_term(p)} ?this ." for p in self.shapes.objects(shape, SH.targetObjectsOf)]
        parts += [f"VALUES ?this {{ {_term(n)} }}" for n in self.shapes.objects(shape, SH.targetNode)]
        for target in self.shapes.objects(shape, SH.target):
            select = self.shapes.value(target, SH.select)
            kinds = set(self.shapes.objects(target, RDF.type)) - {SH.SPARQLTarget}
            if select is None or kinds or (target, SH.deactivated, None) in self.shapes:
                raise UnsupportedShape(f"{_name(shape)}: a sh:target other than a plain SPARQL target")
            declared, written, body = self.prologue(target, str(select))
            if written.strip() or _NOT_COMPILED_SPARQL.search(body.replace("$this", "?this")):
                raise UnsupportedShape(f"{_name(shape)}: a SPARQL target with its own prologue or sub-queries")
            self.refuse_unprojected(shape, body)
            for prefix, namespace in declared.items():
                if self.target_prefixes.setdefault(prefix, namespace) != namespace:
                    raise UnsupportedShape(f"{_name(shape)}: prefix {prefix}: declared twice")
            parts.append(f"{{ {body.replace('$this', '?this')} }}")
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in parts) + " } }"

    def property_checks(self, prop: Node, target: str) -> list[Check]:
        self.refuse_common(prop, {SH.PropertyShape})
        self.refuse_parameters(prop, _VALUE_PARAMETERS | _PROPERTY_PARAMETERS)
        if any(True for _ in self.shapes.objects(prop, SH.property)) or any(
            True for _ in self.shapes.objects(prop, SH.sparql)
        ):
            raise UnsupportedShape(f"{_name(prop)}: property or SPARQL constraints inside a property shape")
        path = self.shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShape(f"{_name(prop)}: only IRI paths are compiled")
        link = f"?this {path.n3()} ?value ."
        checks = self.value_checks(prop, path, target, link, joined=False)
        checks += self.count_checks(prop, path, target)
        for predicate, operator in _PAIRS.items():
            for other in self.shapes.objects(prop, predicate):
                test = f"FILTER(!COALESCE(?value {operator} ?other, false))"
                checks.append(self.check(prop, path, predicate, target, f"{link} ?this {_term(other)} ?other {test}"))
        for other in self.shapes.objects(prop, SH.disjoint):
            checks.append(self.check(prop, path, SH.disjoint, target, f"{link} ?this {_term(other)} ?value ."))
        unique = self.shapes.value(prop, SH.uniqueLang)
        if unique is not None and unique not in (Literal(True), Literal(False)):
            raise UnsupportedShape(f"{_name(prop)}: sh:uniqueLang {unique.n3()} (only true or false is compiled)")
        if unique == Literal(True):
            twin = (
                f'?this {path.n3()} ?twin FILTER(?twin != ?value && LANG(?value) != "" && LANG(?value) = LANG(?twin))'
            )
            checks.append(self.check(prop, path, SH.uniqueLang, target, f"{link} {twin}", value=False))
        return checks

    def value_checks(self, shape: Node, path: Node | None, target: str, link: str, joined: bool) -> list[Check]:
        """The constraints on each value: one query per ``sh:class``, one for the others (``?component`` names
        the one that fails), and ``sh:hasValue`` on a path, which asks for one value among all.

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
        for cls in _ordered(self.shapes.objects(shape, SH["class"])):
            instances = f"MINUS {{ ?value a/<{RDFS.subClassOf}>* {_term(cls)} }}"
            query = f"SELECT DISTINCT ?this ?value WHERE {{ {scope} {link} {instances} }}"
            checks.append(Check(shape, path, query, SH.ClassConstraintComponent, message, severity, targets=later))
        if tests:
            values = " ".join(f"<{component}>" for component in tests)
            passing = " && ".join(f"({test})" for test in tests.values()).replace("?v", "?value")
            failing = " || ".join(f"(?component = <{c}> && !({test}))" for c, test in tests.items())
            failed = f"{{ SELECT ?this ?value WHERE {{ {scope} {link} FILTER(!({passing})) }} }}"
            body = f"{failed} VALUES ?component {{ {values} }} FILTER({failing.replace('?v', '?value')})"
            query = f"SELECT DISTINCT ?this ?value ?component WHERE {{ {body} }}"
            checks.append(Check(shape, path, query, None, message, severity, targets=later))
        value = self.shapes.value(shape, SH.hasValue)
        if value is not None:  # about all values together, and reported without one
            kept = (
                f"?this {path.n3()} {_term(value)}" if path is not None else f"FILTER(sameTerm(?this, {_term(value)}))"
            )
            query = f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ {kept} }} }}"
            checks.append(Check(shape, path, query, SH.HasValueConstraintComponent, message, severity))
        return checks

    def value_tests(self, shape: Node, seen: frozenset[Node] = frozenset()) -> dict[URIRef, str]:
        """By constraint component, SPARQL expressions true when ``?v`` satisfies ``shape``'s value constraints
        (``sh:hasValue`` excepted, but in a value shape: it is about all values together)."""
        tests: dict[URIRef, str] = {}
        for datatype in self.shapes.objects(shape, SH.datatype):
            if datatype in (RDFS.Literal, RDFS.Datatype) or not isinstance(datatype, URIRef):
                raise UnsupportedShape(f"{_name(shape)}: sh:datatype {_name(datatype)} is not compiled")
            test = f"isLiteral(?v) && DATATYPE(?v) = {datatype.n3()}"
            if datatype in _NUMERIC:
                test += " && isNumeric(?v)"
            elif datatype == XSD.date:
                test += " && COALESCE(YEAR(?v) > -999999, false)"
            tests[SH.DatatypeConstraintComponent] = test
        for cls in self.shapes.objects(shape, SH["class"]):
            tests[SH.ClassConstraintComponent] = f"EXISTS {{ ?v a/<{RDFS.subClassOf}>* {_term(cls)} }}"
        for kind in self.shapes.objects(shape, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise UnsupportedShape(f"{_name(shape)}: sh:nodeKind {_name(kind)}")
            tests[SH.NodeKindConstraintComponent] = _NODE_KINDS[kind]  # type: ignore[index]
        for allowed in self.shapes.objects(shape, SH["in"]):
            members = self.members(shape, allowed)
            tests[SH.InConstraintComponent] = " || ".join(f"sameTerm(?v, {_term(m)})" for m in members) or "false"
        for pattern in self.shapes.objects(shape, SH.pattern):
            flags = self.shapes.value(shape, SH.flags)
            flags_text = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            tests[SH.PatternConstraintComponent] = (
                f"!isBlank(?v) && REGEX(STR(?v), {Literal(str(pattern)).n3()}{flags_text})"
            )
        for predicate, operator in _COMPARISONS.items():
            for bound in self.shapes.objects(shape, predicate):
                tests[_component(predicate)] = f"COALESCE(?v {operator} {_term(bound)}, false)"
        for predicate, operator in ((SH.minLength, ">="), (SH.maxLength, "<=")):
            for length in self.shapes.objects(shape, predicate):
                tests[_component(predicate)] = f"!isBlank(?v) && STRLEN(STR(?v)) {operator} {_integer(shape, length)}"
        for languages in self.shapes.objects(shape, SH.languageIn):
            ranges = " || ".join(f"langMatches(LANG(?v), {_term(tag)})" for tag in self.members(shape, languages))
            tests[SH.LanguageInConstraintComponent] = f"isLiteral(?v) && ({ranges or 'false'})"
        for alternatives in self.shapes.objects(shape, SH["or"]):
            members = self.members(shape, alternatives)
            tests[SH.OrConstraintComponent] = " || ".join(f"({self.conforms(m, seen)})" for m in members) or "false"
        for other in self.shapes.objects(shape, SH.node):
            tests[SH.NodeConstraintComponent] = self.conforms(other, seen)
        for value in self.shapes.objects(shape, SH.hasValue):
            if seen:  # in a value shape, the one value tested must be it
                tests[SH.HasValueConstraintComponent] = f"sameTerm(?v, {_term(value)})"
        return tests

    def members(self, shape: Node, head: Node) -> list[Node]:
        """The members of a SHACL list; a malformed list is not compiled."""
        try:
            return list(Collection(self.shapes, head))
        except Exception as exc:  # rdflib raises several types for a broken list
            raise UnsupportedShape(f"{_name(shape)}: a malformed list") from exc

    def conforms(self, shape: Node, seen: frozenset[Node]) -> str:
        """An expression true when ``?v`` conforms to a value shape (one without paths, counts or SPARQL)."""
        if shape in seen:
            raise UnsupportedShape(f"{_name(shape)}: a recursive shape is not compiled")
        self.refuse_common(shape, {SH.NodeShape})
        self.refuse_parameters(shape, _VALUE_PARAMETERS | set(_TARGETS))
        for predicate in (SH.path, SH.property, SH.sparql):
            if (shape, predicate, None) in self.shapes:
                raise UnsupportedShape(f"{_name(shape)}: a value shape with {_name(predicate)} is not compiled")
        tests = self.value_tests(shape, seen=seen | {shape})
        return " && ".join(f"({test})" for test in tests.values()) or "true"

    def count_checks(self, prop: Node, path: URIRef, target: str) -> list[Check]:
        checks = []
        link = f"?this {path.n3()} ?value ."
        for predicate, operator, optional in ((SH.minCount, "<", True), (SH.maxCount, ">", False)):
            for bound in self.shapes.objects(prop, predicate):
                checks.append(
                    self.counted(prop, path, predicate, target, link, operator, _integer(prop, bound), optional)
                )
        qualified = self.shapes.value(prop, SH.qualifiedValueShape)
        disjoint = self.shapes.value(prop, SH.qualifiedValueShapesDisjoint)
        if disjoint is not None and disjoint != Literal(False):
            raise UnsupportedShape(f"{_name(prop)}: sh:qualifiedValueShapesDisjoint is not compiled")
        bounds = [(p, o, opt) for p, o, opt in ((SH.qualifiedMinCount, "<", True), (SH.qualifiedMaxCount, ">", False))]
        if qualified is None:
            if any((prop, p, None) in self.shapes for p, _, _ in bounds):
                raise UnsupportedShape(f"{_name(prop)}: a qualified count without sh:qualifiedValueShape")
            return checks
        link = f"?this {path.n3()} ?value . FILTER({self.conforms(qualified, frozenset()).replace('?v', '?value')})"
        for predicate, operator, optional in bounds:
            for bound in self.shapes.objects(prop, predicate):
                checks.append(
                    self.counted(prop, path, predicate, target, link, operator, _integer(prop, bound), optional)
                )
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
            query = f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ {link} }} }}"
        elif optional:
            query = f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {link} }} }} GROUP BY ?this {having}"
        else:
            query, later = f"SELECT ?this WHERE {{ {link} }} GROUP BY ?this {having}", target
        component, message, severity = _component(predicate), self.message(prop), self.severity(prop)
        return Check(prop, path, query, component, message, severity, targets=later and self.focus_nodes(later))

    def check(self, prop: Node, path: URIRef, predicate: URIRef, target: str, body: str, value: bool = True) -> Check:
        """A check on the values of a path, filtered by the targets afterwards."""
        projection = "?this ?value" if value else "?this"
        query = f"SELECT DISTINCT {projection} WHERE {{ {body} }}"
        component, message = _component(predicate), self.message(prop)
        return Check(prop, path, query, component, message, self.severity(prop), targets=self.focus_nodes(target))

    def focus_nodes(self, target: str) -> str:
        """The query whose rows are the focus nodes of ``target``."""
        return f"SELECT ?this WHERE {{ {target} }}"

    def sparql_checks(self, shape: Node, target: str) -> list[Check]:
        checks = []
        for constraint in self.shapes.objects(shape, SH.sparql):
            select = self.shapes.value(constraint, SH.select)
            if select is None or (constraint, SH.deactivated, None) in self.shapes:
                raise UnsupportedShape(f"{_name(shape)}: a SPARQL constraint without sh:select, or deactivated")
            declared, written, body = self.prologue(constraint, str(select))
            if any(self.target_prefixes.get(prefix, namespace) != namespace for prefix, namespace in declared.items()):
                raise UnsupportedShape(f"{_name(shape)}: a prefix the constraint and a target declare differently")
            if written.strip() and self.target_prefixes:
                raise UnsupportedShape(f"{_name(shape)}: a constraint's own prologue beside a SPARQL target's prefixes")
            prologue = _prefix_lines(self.target_prefixes | declared) + written
            if _NOT_COMPILED_SPARQL.search(body):
                raise UnsupportedShape(f"{_name(shape)}: a SPARQL constraint the pre-binding rules restrict")
            self.refuse_unprojected(shape, body)
            use = _this_use(body)
            if use.nested:
                raise UnsupportedShape(f"{_name(shape)}: $this where joining the targets does not reach it")
            own = self.shapes.value(constraint, SH.message)
            message = str(own) if own else self.message(shape)
            outside = use.bound_at_top and (" UNION " in target or (shape, SH.target, None) in self.shapes)
            query = prologue + _joined(body.replace("$this", "?this"), target, outside)
            checks.append(Check(shape, None, query, SH.SPARQLConstraintComponent, message, self.severity(shape)))
        return checks

    def prologue(self, node: Node, select: str) -> tuple[dict[str, str], str, str]:
        """The prefixes of ``node``'s ``sh:prefixes``, the query's own prologue, and the query without it."""
        declared: dict[str, str] = {}
        for source in self.shapes.objects(node, SH.prefixes):
            if (source, OWL.imports, None) in self.shapes:
                raise UnsupportedShape(f"{_name(node)}: prefixes imported with owl:imports are not compiled")
            for declaration in self.shapes.objects(source, SH.declare):
                prefix = str(self.shapes.value(declaration, SH.prefix))
                namespace = str(self.shapes.value(declaration, SH.namespace))
                if declared.setdefault(prefix, namespace) != namespace:
                    raise UnsupportedShape(f"{_name(node)}: prefix {prefix}: declared twice")
        own = _PROLOGUE.match(select)
        written = own.group(1) if own else ""
        return declared, written, select[len(written) :]

    def refuse_unprojected(self, shape: Node, select: str) -> None:
        projection = _PROJECTION.match(select)
        if projection is None or not re.search(r"[?$]this\b|^\*$", projection.group(1).replace("DISTINCT", "")):
            raise UnsupportedShape(f"{_name(shape)}: a SPARQL query that does not project $this")

    def message(self, shape: Node) -> str | None:
        message = self.shapes.value(shape, SH.message)
        return str(message) if message is not None else None

    def severity(self, shape: Node) -> URIRef:
        severity = self.shapes.value(shape, SH.severity)
        if severity is not None and not isinstance(severity, URIRef):
            raise UnsupportedShape(f"{_name(shape)}: a severity that is not an IRI")
        return severity if isinstance(severity, URIRef) else SH.Violation


def _prefix_lines(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(prefixes.items()))


def _joined(select: str, target: str, outside: bool) -> str:
    """A SPARQL constraint joined with its targets, so that it sees ``?this`` bound to each focus node, as
    SHACL's pre-binding of ``$this`` has it (what pre-binding would change, ``MINUS``, ``VALUES``, limits,
    groups, a sub-select using ``$this``, is never compiled).

    At the head of its WHERE, its filters see the focus node. When every solution of the constraint binds
    ``$this`` in a triple pattern of its own group (``outside``), the two may be evaluated apart and joined:
    a target that is itself a join (a SPARQL target, several targets) then costs half as much.
    """
    if outside:
        return f"SELECT * WHERE {{ {target} {{ {select} }} }}"
    opening = select.index("{") + 1
    return f"{select[:opening]} {target} {select[opening:]}"


_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*|[{}()]|[?$]this\b|\w+'
)


@dataclass(frozen=True)
class _ThisUse:
    """Where a SPARQL constraint uses ``$this``: what decides how it may be joined with its targets."""

    nested: bool  # where a join does not reach it, though pre-binding would: the constraint is not compiled
    bound_at_top: bool  # in a triple pattern of the WHERE's own group: every solution binds it


def _this_use(select: str) -> _ThisUse:
    """Where ``$this`` occurs in ``select``.

    A join with the targets reaches ``$this`` in the WHERE's own group, in an ``EXISTS`` (the bound focus
    node is substituted into it) and in the top group of an ``OPTIONAL`` (joined with it); not in a ``{ }``
    group or UNION branch of its own, nor inside a sub-select, which SHACL allows only if it projects
    ``$this`` (a pass-through the join then binds).
    """
    tokens = [match.group(0) for match in _TOKENS.finditer(select) if not match.group(0).startswith("#")]
    stack: list[_Group] = []
    nested = bound = False
    parens = 0
    for index, token in enumerate(tokens):
        if token == "{":
            if stack and stack[-1].projecting:  # the WHERE of a sub-select: its own group
                stack[-1].projecting = False
                continue
            after = tokens[index + 1].upper() if index + 1 < len(tokens) else ""
            before = tokens[index - 1].upper() if index else ""
            kind = "WHERE" if not stack else "SUBSELECT" if after == "SELECT" else before
            stack.append(_Group(kind if kind in ("WHERE", "SUBSELECT", "EXISTS", "OPTIONAL") else "GROUP"))
        elif token.upper() == "SELECT" and stack and stack[-1].kind == "SUBSELECT":
            stack[-1].projecting = True
        elif token == "}" and stack:
            group = stack.pop()
            nested |= group.kind == "SUBSELECT" and not group.projects_this
        elif token in ("(", ")"):
            parens += 1 if token == "(" else -1
        elif token[1:] == "this" and stack:
            nested |= _unreached(stack)
            bound |= len(stack) == 1 and parens == 0
    return _ThisUse(nested=nested, bound_at_top=bound)


@dataclass
class _Group:
    kind: str  # WHERE (the query's own), SUBSELECT, EXISTS, OPTIONAL or GROUP (a group or UNION branch)
    projecting: bool = False  # a sub-select between SELECT and its WHERE
    projects_this: bool = False


def _unreached(stack: list[_Group]) -> bool:
    """Whether a ``$this`` at the top of ``stack`` is out of the join's reach (and records a projected one)."""
    for group in reversed(stack):
        if group.kind == "SUBSELECT":
            if group is stack[-1] and group.projecting:
                group.projects_this = True
                return False
            return True
    kinds = [group.kind for group in stack[1:]]
    reached = kinds[: kinds.index("EXISTS")] if "EXISTS" in kinds else kinds
    return "GROUP" in reached


def _term(term: Node) -> str:
    """A shapes-graph term for a query's text; a literal the engine would store otherwise is not compiled."""
    if isinstance(term, BNode):
        raise UnsupportedShape(f"a blank node {term.n3()} where a constant is expected")
    if isinstance(term, Literal) and not stored_as_read(term):
        raise UnsupportedShape(f"the literal {term.n3()} is not one the engine keeps as written")
    return term.n3()


def _integer(shape: Node, term: Node) -> int:
    if not (isinstance(term, Literal) and isinstance(term.toPython(), int)) or isinstance(term.toPython(), bool):
        raise UnsupportedShape(f"{_name(shape)}: a count or length that is not an integer")
    return int(term.toPython())


def _ordered(nodes: Iterable[Node]) -> list[Node]:
    """``nodes`` in rdflib's order of terms. rdflib types a graph's terms as any ``Node``, which has no order;
    a shapes graph's are ``Identifier``s (IRIs, blank nodes, literals), which do."""
    return list(sorted(cast("Iterable[Identifier]", nodes)))


def _name(node: Node) -> str:
    text = str(node)
    return f"sh:{text.removeprefix(str(SH))}" if text.startswith(str(SH)) else node.n3()


def _component(predicate: URIRef) -> URIRef:
    name = predicate.removeprefix(str(SH))
    return SH[f"{name[0].upper()}{name[1:]}ConstraintComponent"]
