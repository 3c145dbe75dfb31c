"""The SHACL shapes: the real graph conforms, and every rule can fail.

Every shape that carries a constraint has a fixture, ``tests/fixtures/invalid/<local
name>.ttl``, that breaks it: validating the ontology plus that fixture must report a
violation whose source shape is that shape. The list of shapes comes from the shapes
graph, never from the fixture folder, so a new shape without a failing fixture fails
the suite, and so does a shape whose fixture no longer trips it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from pskg.engines.reference.validate import validate
from pskg.engines.results import ValidationReport
from pskg.errors import PskgError
from pskg.sources.namespaces import ID, PSS, PSSH, WD, short
from pskg.sources.parse import SourceGraph, load_sources
from pskg.sources.resources import turtle_files
from pskg.sources.shapes import load_shapes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INVALID = FIXTURES / "invalid"
VALID = FIXTURES / "valid"

#: The suite checks at least this many shapes; raise it when shapes are added.
MINIMUM_SHAPE_CASES = 104

TARGET_PARAMETERS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
#: Parameters of SHACL Core and SHACL-SPARQL constraint components (sh:property excepted:
#: the results of a property shape name the property shape, not the node shape holding it).
CONSTRAINT_PARAMETERS = tuple(
    SH[name]
    for name in (
        "class",
        "datatype",
        "nodeKind",
        "minCount",
        "maxCount",
        "minExclusive",
        "minInclusive",
        "maxExclusive",
        "maxInclusive",
        "minLength",
        "maxLength",
        "pattern",
        "languageIn",
        "uniqueLang",
        "equals",
        "disjoint",
        "lessThan",
        "lessThanOrEquals",
        "not",
        "and",
        "or",
        "xone",
        "node",
        "qualifiedValueShape",
        "closed",
        "hasValue",
        "in",
        "sparql",
    )
)
#: Predicates whose object is a shape, and those whose object is a list of shapes.
SHAPE_LINKS = (SH.property, SH.node, SH.qualifiedValueShape, SH["not"])
SHAPE_LIST_LINKS = (SH["and"], SH["or"], SH.xone)


def all_shapes(shapes: Graph) -> set[Node]:
    """Every shape of the shapes graph, declared or only referenced."""
    found: set[Node] = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    found |= set(shapes.subjects(SH.path, None))
    for parameter in TARGET_PARAMETERS:
        found |= set(shapes.subjects(parameter, None))
    for link in SHAPE_LINKS:
        found |= set(shapes.objects(None, link))
    for link in SHAPE_LIST_LINKS:
        for head in shapes.objects(None, link):
            found |= set(Collection(shapes, head))
    return found


def reports_on_its_own(shapes: Graph, shape: Node) -> bool:
    """Property shapes and targeted node shapes; a value shape reports through its user."""
    return (shape, SH.path, None) in shapes or any((shape, p, None) in shapes for p in TARGET_PARAMETERS)


def carries_constraints(shapes: Graph, shape: Node) -> bool:
    return any((shape, p, None) in shapes for p in CONSTRAINT_PARAMETERS)


SHAPES = load_shapes()
SHAPE_CASES = sorted(
    short(shape)
    for shape in all_shapes(SHAPES)
    if reports_on_its_own(SHAPES, shape) and carries_constraints(SHAPES, shape)
)


def local_name(shape: str) -> str:
    return shape.removeprefix("pssh:")


@cache
def ontology_files() -> tuple[Path, ...]:
    return tuple(turtle_files("ontology"))


def validate_with_ontology(fixture: Path) -> ValidationReport:
    """Ontology (for the class hierarchy and the declared terms) plus one fixture."""
    sources = SourceGraph()
    for path in ontology_files():
        sources.add_file(path)
    sources.add_file(fixture)
    return validate(sources, SHAPES)


def describe(report: ValidationReport) -> str:
    return "\n".join(v.describe() for v in report.violations) or "(no results)"


def validate_graph_with_ontology(sources: SourceGraph) -> ValidationReport:
    """Ontology plus an already assembled graph (a fixture changed in code)."""
    for path in ontology_files():
        sources.add_file(path)
    return validate(sources, SHAPES)


def article_kinds() -> SourceGraph:
    """The valid fixture holding one resource of each kind the article adds."""
    sources = SourceGraph()
    sources.add_file(VALID / "article-kinds.ttl")
    return sources


# (a) the real graph


def test_the_graph_conforms_to_the_shapes():
    report = validate(load_sources(), SHAPES)
    violations = [v for v in report.violations if v.severity == "Violation"]
    assert violations == [], "\n".join(v.describe() for v in violations)
    assert report.conforms


def test_overlapping_baltic_nato_claims_pass_only_because_one_is_deprecated():
    """Tableau 2 says 1999, the text 2004: both stay, the table's claim deprecated."""
    sources = load_sources()
    sources.graph.remove((ID["membership-EST-NATO-1999"], PSS.rank, PSS.DeprecatedRank))
    report = validate(sources, SHAPES)
    overlaps = {v.focus for v in report.violations if v.shape == "pssh:MembershipPeriodsDoNotOverlap"}
    assert overlaps == {"id:membership-EST-NATO-1999", "id:membership-EST-NATO-2004"}, describe(report)


# (b) every shape fails on its fixture


@pytest.mark.parametrize("shape", SHAPE_CASES)
def test_shape_fails_on_its_fixture(shape):
    fixture = INVALID / f"{local_name(shape)}.ttl"
    assert fixture.is_file(), f"write {fixture.relative_to(FIXTURES.parent.parent)}: a small graph that breaks {shape}"
    report = validate_with_ontology(fixture)
    fired = [v for v in report.violations if v.shape == shape]
    assert fired, f"{fixture.name} does not trip {shape}; results:\n{describe(report)}"
    assert not report.conforms
    assert all(v.severity == "Violation" for v in fired)
    assert all(v.message != "(no message)" for v in fired)


def test_every_invalid_fixture_names_a_shape():
    orphans = sorted(p.name for p in INVALID.glob("*.ttl") if f"pssh:{p.stem}" not in SHAPE_CASES)
    assert orphans == [], "each fixture in tests/fixtures/invalid/ is named after the shape it breaks"


# (c) valid graphs conform


@pytest.mark.parametrize("fixture", sorted(VALID.glob("*.ttl")), ids=lambda p: p.name)
def test_valid_fixture_conforms(fixture):
    report = validate_with_ontology(fixture)
    assert report.conforms, describe(report)
    assert report.violations == (), describe(report)


def test_the_minimal_valid_graph_is_there():
    assert (VALID / "minimal.ttl").is_file()


# (c') what the SPARQL targets reach


@pytest.mark.parametrize("resource", ["TEST-person", "TEST-territory", "TEST-threat", "TEST-book"])
def test_every_typed_data_resource_needs_both_labels(resource):
    sources = article_kinds()
    sources.graph.remove((ID[resource], RDFS.label, None))
    report = validate_graph_with_ontology(sources)
    fired = {v.shape for v in report.violations if v.focus == f"id:{resource}"}
    assert {"pssh:Labelled-labelEn", "pssh:Labelled-labelFr"} <= fired, describe(report)


def test_a_data_resource_of_any_pss_class_needs_labels():
    """The SPARQL target of pssh:Labelled: classes not listed in its sh:targetClass are reached too."""
    sources = article_kinds()
    sources.graph.add((ID["TEST-status"], RDF.type, PSS.ConflictStatus))
    report = validate_graph_with_ontology(sources)
    fired = {v.shape for v in report.violations if v.focus == "id:TEST-status"}
    assert fired == {"pssh:Labelled-labelEn", "pssh:Labelled-labelFr"}, describe(report)


@pytest.mark.parametrize(
    ("resource", "link"),
    [("TEST-person", SKOS.exactMatch), ("TEST-territory", SKOS.exactMatch), ("TEST-treaty", SKOS.closeMatch)],
)
def test_every_linked_data_resource_links_to_a_wikidata_item(resource, link):
    sources = article_kinds()
    sources.graph.add((ID[resource], link, URIRef("https://en.wikipedia.org/wiki/Test")))
    report = validate_graph_with_ontology(sources)
    shape = "pssh:WikidataLinked-exactMatch" if link == SKOS.exactMatch else "pssh:WikidataLinked-closeMatch"
    assert shape in {v.shape for v in report.violations if v.focus == f"id:{resource}"}, describe(report)


def test_a_data_resource_has_at_most_one_exact_match():
    sources = article_kinds()
    sources.graph.add((ID["TEST-person"], SKOS.exactMatch, WD.Q7))
    report = validate_graph_with_ontology(sources)
    assert [(v.focus, v.shape) for v in report.violations] == [("id:TEST-person", "pssh:WikidataLinked-exactMatch")]


def test_ontology_terms_may_close_match_wikidata_properties():
    """pss: terms closeMatch wd:P… properties: the link rule leaves the ontology namespace out."""
    sources = article_kinds()
    report = validate_graph_with_ontology(sources)
    assert any(
        str(term).startswith(str(PSS)) and str(match).startswith(str(WD) + "P")
        for term, match in sources.graph.subject_objects(SKOS.closeMatch)
    ), "the ontology no longer closeMatches any Wikidata property: this test checks nothing"
    assert report.violations == (), describe(report)


# (d) the suite does not shrink


def test_enough_shapes_are_checked():
    assert len(SHAPE_CASES) >= MINIMUM_SHAPE_CASES, (
        f"only {len(SHAPE_CASES)} shapes with constraints, expected at least {MINIMUM_SHAPE_CASES}"
    )


# How the shapes are written


@pytest.mark.parametrize("shape", sorted(all_shapes(SHAPES), key=str), ids=short)
def test_shape_is_named_explained_and_has_an_english_message(shape):
    assert isinstance(shape, URIRef) and str(shape).startswith(str(PSSH)), f"{shape.n3()} is not a named pssh: shape"
    messages = list(SHAPES.objects(shape, SH.message))
    assert any(isinstance(m, Literal) and m.language == "en" for m in messages), f"{short(shape)}: no sh:message @en"
    assert (shape, SH.description, None) in SHAPES, f"{short(shape)}: no sh:description"


@pytest.mark.parametrize("shape", sorted(all_shapes(SHAPES), key=str), ids=short)
def test_shape_is_used(shape):
    """A property shape hangs off a node shape; a node shape has a target or is a value shape."""
    referenced = any((None, link, shape) in SHAPES for link in SHAPE_LINKS) or any(
        shape in Collection(SHAPES, head) for link in SHAPE_LIST_LINKS for head in SHAPES.objects(None, link)
    )
    if (shape, SH.path, None) in SHAPES:
        assert (None, SH.property, shape) in SHAPES, f"no node shape has sh:property {short(shape)}"
    else:
        targeted = any((shape, p, None) in SHAPES for p in TARGET_PARAMETERS)
        assert targeted or referenced, f"{short(shape)} has no target and no shape uses it"


def test_shape_cases_include_the_contract_rules():
    """A sample of the rules the contract fixes, by name, so a rename is deliberate."""
    for shape in (
        "pssh:Membership-startYear",
        "pssh:Membership-role",
        "pssh:MembershipPeriodsDoNotOverlap",
        "pssh:Fact-wasDerivedFrom",
        "pssh:SourcePassage-quote",
        "pssh:DeprecatedClaimHasNote",
        "pssh:WikidataLinked-exactMatch",
        "pssh:Labelled-labelFr",
        "pssh:Labelled-labelEn",
        "pssh:OntologyTermDeclared",
    ):
        assert shape in SHAPE_CASES


def test_an_unusable_shape_is_reported_as_an_error_not_a_crash():
    """pyshacl hands back its failure instead of a report: say which, as a PskgError."""
    broken = Graph()
    broken.parse(
        data="""
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        <https://w3id.org/postsoviet-security/shapes#Broken> a sh:NodeShape ;
            sh:targetNode <https://w3id.org/postsoviet-security/ontology> ;
            sh:sparql [ sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ] .
        """,
        format="turtle",
    )
    with pytest.raises(PskgError, match="VALUES"):
        validate(SourceGraph(), broken)
