"""``pskg link check``: is every link to Wikidata still right?

For each ``skos:exactMatch`` / ``skos:closeMatch`` to a Wikidata entity: the entity
exists, is not a redirect, one of its French or English labels (or aliases) matches
ours, and its type fits the kind of resource (a state, an organisation, a conflict,
a property). The property ids pskg itself relies on are checked by label too. A
close match whose label differs is only a warning: "close" allows it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pskg.queries.catalogue import QueryResult
from pskg.sources.namespaces import PSS, WD, WIKIBASE, short
from pskg.wikidata.client import SparqlClient
from pskg.wikidata.terms import ACCEPTED_CLASSES, PROPERTIES

OK, WARNING, FAILED = "ok", "warning", "failed"
_KIND_CLASSES = {"state": PSS.State, "organisation": PSS.Organisation, "conflict": PSS.Conflict}
_KIND_CLASSES |= {"territory": PSS.Territory, "person": PSS.Person, "instrument": PSS.Instrument}
_PROPERTY_CLASSES = {RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
LABEL_LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Link:
    """One of our resources, the Wikidata entity it matches, how closely, and what kind it is."""

    resource: URIRef
    entity: URIRef
    relation: URIRef
    kind: str
    labels: Mapping[str, frozenset[str]]


@dataclass
class Entity:
    """What the endpoint says about one Wikidata entity."""

    exists: bool = False
    redirect: URIRef | None = None
    is_property: bool = False
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    types: set[str] = field(default_factory=set)
    accepted: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class CheckRow:
    """The verdict on one link (or on one property pskg uses)."""

    resource: URIRef | None
    entity: URIRef
    relation: str
    kind: str
    status: str
    detail: str


def wikidata_links(graph: Graph) -> list[Link]:
    """Every exact or close match of one of our resources to a Wikidata entity, sorted."""
    links = []
    for relation in (SKOS.exactMatch, SKOS.closeMatch):
        for resource, entity in graph.subject_objects(relation):
            if isinstance(resource, URIRef) and isinstance(entity, URIRef) and str(entity).startswith(str(WD)):
                labels: dict[str, set[str]] = defaultdict(set)
                for label in graph.objects(resource, RDFS.label):
                    if isinstance(label, Literal) and label.language in LABEL_LANGUAGES:
                        labels[label.language].add(str(label))
                frozen = {lang: frozenset(values) for lang, values in labels.items()}
                links.append(Link(resource, entity, relation, resource_kind(graph, resource), frozen))
    return sorted(links, key=lambda link: (str(link.resource), str(link.entity)))


def resource_kind(graph: Graph, resource: URIRef) -> str:
    """``state``, ``organisation``, ``conflict``, ``property`` or ``other``, from our own types."""
    types = set(graph.objects(resource, RDF.type))
    ancestors = {c for t in types for c in graph.transitive_objects(t, RDFS.subClassOf)}
    for kind, cls in _KIND_CLASSES.items():
        if cls in ancestors:
            return kind
    return "property" if types & _PROPERTY_CLASSES else "other"


def check_links(
    graph: Graph, client: SparqlClient, accepted: Mapping[str, frozenset[str]] = ACCEPTED_CLASSES
) -> list[CheckRow]:
    """Check every link of ``graph`` and the property ids pskg uses."""
    links = wikidata_links(graph)
    vocabulary = [WD[p.id] for p in PROPERTIES]
    entities = fetch_entities(client, sorted({link.entity for link in links} | set(vocabulary), key=str), accepted)
    rows = [judge(link, entities[link.entity], accepted) for link in links]
    rows += [_judge_vocabulary(p.id, p.label, p.checked, entities[WD[p.id]]) for p in PROPERTIES]
    return rows


_ENTITIES = """
SELECT ?entity ?redirect ?version ?entityType ?label ?alias ?typeLabel WHERE {
  VALUES ?entity { %s }
  { ?entity owl:sameAs ?redirect }
  UNION { ?entity schema:version ?version }
  UNION { ?entity a ?entityType }
  UNION { ?entity rdfs:label ?label FILTER(LANG(?label) IN ("fr", "en")) }
  UNION { ?entity skos:altLabel ?alias FILTER(LANG(?alias) IN ("fr", "en")) }
  UNION { ?entity wdt:P31 ?type . ?type rdfs:label ?typeLabel FILTER(LANG(?typeLabel) = "en") }
}
"""

_ACCEPTED_TYPES = """
SELECT DISTINCT ?entity ?accepted WHERE {
  VALUES ?entity { %s }
  VALUES ?accepted { %s }
  ?entity wdt:P31/wdt:P279* ?class .
  ?class rdfs:label ?accepted .
}
"""


def fetch_entities(
    client: SparqlClient, entities: list[URIRef], accepted: Mapping[str, frozenset[str]]
) -> dict[URIRef, Entity]:
    """Existence, redirect, labels, aliases, direct types and accepted classes reached, per entity."""
    found: dict[URIRef, Entity] = {entity: Entity() for entity in entities}
    values = " ".join(e.n3() for e in entities)
    for row in client.select(_ENTITIES % values).bindings:
        entity = found.setdefault(row["entity"], Entity())  # type: ignore[arg-type]
        entity.exists |= any(name in row for name in ("version", "label", "entityType"))
        if "redirect" in row:
            entity.redirect = row["redirect"]  # type: ignore[assignment]
        if row.get("entityType") == WIKIBASE.Property:
            entity.is_property = True
        for name, target in (("label", entity.labels), ("alias", entity.aliases)):
            term = row.get(name)
            if isinstance(term, Literal) and term.language:
                target[term.language].add(str(term))
        if "typeLabel" in row:
            entity.types.add(str(row["typeLabel"]))
    labels = sorted({label for labels in accepted.values() for label in labels})
    if labels:
        accepted_values = " ".join(Literal(label, lang="en").n3() for label in labels)
        for row in client.select(_ACCEPTED_TYPES % (values, accepted_values)).bindings:
            found.setdefault(row["entity"], Entity()).accepted.add(str(row["accepted"]))  # type: ignore[arg-type]
    return found


def judge(link: Link, entity: Entity, accepted: Mapping[str, frozenset[str]] = ACCEPTED_CLASSES) -> CheckRow:
    """The verdict on one link: the first failing test, else how the label and type matched."""
    relation = "exactMatch" if link.relation == SKOS.exactMatch else "closeMatch"

    def row(status: str, detail: str) -> CheckRow:
        return CheckRow(link.resource, link.entity, relation, link.kind, status, detail)

    if entity.redirect is not None:
        return row(FAILED, f"redirect to {short(entity.redirect)}: link the target instead")
    if not entity.exists:
        return row(FAILED, "no such entity (deleted, or a wrong id)")
    type_ok, type_detail = _judge_type(link.kind, entity, accepted)
    if not type_ok:
        return row(FAILED, type_detail)
    label_ok, label_detail = match_labels(link.labels, entity)
    if not label_ok:
        return row(FAILED if link.relation == SKOS.exactMatch else WARNING, label_detail)
    return row(OK, f"{label_detail}; {type_detail}")


def _judge_type(kind: str, entity: Entity, accepted: Mapping[str, frozenset[str]]) -> tuple[bool, str]:
    if kind == "property":
        return entity.is_property, "a Wikidata property" if entity.is_property else "not a Wikidata property"
    wanted = accepted.get(kind)
    if not wanted:
        return True, f"no type rule for kind {kind!r}"
    reached = entity.accepted & wanted
    if reached:
        return True, f"type fits ({sorted(entity.types & reached or reached)[0]})"
    direct = ", ".join(sorted(entity.types)) or "nothing"
    return False, f"wrong type for a {kind}: instance of {direct}, none of them (a subclass of) {_or(wanted)}"


def match_labels(ours: Mapping[str, Iterable[str]], entity: Entity) -> tuple[bool, str]:
    """Does a French or English label of ours equal one of Wikidata's, or else one of its aliases?"""
    for kind, theirs in (("label", entity.labels), ("alias", entity.aliases)):
        for lang in LABEL_LANGUAGES:
            normalised = {normalise_label(t): t for t in theirs.get(lang, ())}
            for label in sorted(ours.get(lang, ())):
                if normalise_label(label) in normalised:
                    detail = f"{kind} matches ({lang})"
                    return True, detail if kind == "label" else f"{detail}: {normalised[normalise_label(label)]!r}"
    ours_text = _quote_labels(ours) or "none"
    theirs_text = _quote_labels(entity.labels) or "none"
    return False, f"labels differ: ours {ours_text}; Wikidata {theirs_text}"


def normalise_label(text: str) -> str:
    """Case, accents, quotation marks, apostrophe and dash styles, a trailing "(…)" and spacing do not count."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = re.sub(r"[’‘ʼ`´]", "'", bare)
    bare = re.sub(r"[‐‑‒–—―]", "-", bare)
    bare = re.sub(r"[“”„«»\"]", " ", bare)
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", bare)
    return " ".join(bare.casefold().split())


def _quote_labels(labels: Mapping[str, Iterable[str]]) -> str:
    return ", ".join(f"{label!r}@{lang}" for lang in ("en", "fr") for label in sorted(labels.get(lang, ())))


def _or(labels: Iterable[str]) -> str:
    return " or ".join(repr(label) for label in sorted(labels))


def _judge_vocabulary(pid: str, label: str, checked: bool, entity: Entity) -> CheckRow:
    origin = "checked id" if checked else "assumed id"
    actual = sorted(entity.labels.get("en", ()))
    if entity.redirect is not None or not entity.exists:
        status, detail = FAILED, f"pskg uses {pid} as {label!r} ({origin}), but the endpoint does not know it"
    elif any(normalise_label(a) == normalise_label(label) for a in actual):
        status, detail = OK, f"pskg uses it as {label!r} ({origin}): label matches"
    else:
        status, detail = FAILED, f"pskg uses it as {label!r} ({origin}), but it is labelled {', '.join(actual)!r}"
    return CheckRow(None, WD[pid], "", "vocabulary", status, detail)


def check_result(rows: list[CheckRow]) -> QueryResult:
    """The rows as a table for ``pskg.queries.render``."""
    variables = ("resource", "wikidata", "match", "kind", "status", "detail")
    return QueryResult(
        variables,
        tuple(
            (
                r.resource,
                r.entity,
                Literal(r.relation) if r.relation else None,
                *map(Literal, (r.kind, r.status, r.detail)),
            )
            for r in rows
        ),
    )


def summary(rows: list[CheckRow]) -> str:
    """One line: how many links and properties passed, warned, failed."""
    links = [r for r in rows if r.kind != "vocabulary"]
    vocabulary = [r for r in rows if r.kind == "vocabulary"]

    def count(group: list[CheckRow]) -> str:
        return ", ".join(f"{sum(r.status == s for r in group)} {s}" for s in (OK, WARNING, FAILED))

    return f"{len(links)} links: {count(links)}; {len(vocabulary)} properties pskg uses: {count(vocabulary)}"
