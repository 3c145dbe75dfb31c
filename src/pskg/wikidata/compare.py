"""``pskg link compare``: the article's memberships beside Wikidata's ``member of`` statements.

For the states and organisations both sides know (ours linked by ``skos:exactMatch``),
each of our membership periods is paired with a Wikidata P463 statement of the same
state and organisation: same role and years = ``agree``; otherwise the closest one =
``differ`` (both years shown); leftovers are ``only-article`` or ``only-wikidata``.
Ranks are kept on both sides: a deprecated claim is still compared (so the Baltic
states' deprecated 1999 table claim shows as differing from Wikidata's 2004), but
it never takes a partner away from a claim of normal or preferred rank.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.query import ResultRow
from rdflib.term import Node

from pskg.queries.catalogue import QueryResult
from pskg.sources.namespaces import PSS, WIKIBASE, sparql_prologue
from pskg.wikidata.client import SparqlClient
from pskg.wikidata.link import wikidata_links
from pskg.wikidata.terms import ROLE_WORDS

AGREE, DIFFER, ONLY_ARTICLE, ONLY_WIKIDATA = "agree", "differ", "only-article", "only-wikidata"
_RANKS = {WIKIBASE.PreferredRank: PSS.PreferredRank, WIKIBASE.NormalRank: PSS.NormalRank}
_RANKS[WIKIBASE.DeprecatedRank] = PSS.DeprecatedRank
_YEAR = re.compile(r"^([+-]?\d{1,16})-\d\d-\d\d")


@dataclass(frozen=True)
class Claim:
    """One membership period as one side states it."""

    state: URIRef
    organisation: URIRef
    role: Node
    start: int | None
    end: int | None
    rank: URIRef
    source: URIRef

    @property
    def deprecated(self) -> bool:
        """Wikidata's and the contract's meaning: a claim judged wrong, kept for the record."""
        return self.rank == PSS.DeprecatedRank


@dataclass(frozen=True)
class Comparison:
    """One row: an article claim, a Wikidata claim, or both, and the verdict."""

    status: str
    article: Claim | None
    wikidata: Claim | None

    @property
    def pair(self) -> tuple[URIRef, URIRef]:
        """(state, organisation), ours."""
        claim = self.article or self.wikidata
        assert claim is not None
        return claim.state, claim.organisation


@dataclass(frozen=True)
class ComparisonReport:
    """All rows, and the memberships that could not be compared (organisation or state not linked)."""

    rows: tuple[Comparison, ...]
    not_compared: tuple[URIRef, ...]
    unlinked: tuple[URIRef, ...]


_ARTICLE = """
SELECT ?membership ?state ?org ?role ?start ?end ?rank WHERE {
  ?membership a/rdfs:subClassOf* pss:Membership ; org:member ?state ; org:organization ?org ; org:role ?role .
  OPTIONAL { ?membership pss:startYear ?start }
  OPTIONAL { ?membership pss:endYear ?end }
  OPTIONAL { ?membership pss:rank ?rank }
}
"""

_WIKIDATA = """
SELECT ?state ?org ?statement ?rank ?start ?end ?role ?roleLabel WHERE {
  VALUES ?state { %s }
  VALUES ?org { %s }
  ?state p:P463 ?statement .
  ?statement ps:P463 ?org ; wikibase:rank ?rank .
  OPTIONAL { ?statement pq:P580 ?start }
  OPTIONAL { ?statement pq:P582 ?end }
  OPTIONAL { ?statement pq:P2868 ?role OPTIONAL { ?role rdfs:label ?roleLabel FILTER(LANG(?roleLabel) = "en") } }
}
"""


def compare_memberships(graph: Graph, client: SparqlClient) -> ComparisonReport:
    """Pair our memberships with Wikidata's P463 statements, state by state, organisation by organisation."""
    links = [link for link in wikidata_links(graph) if link.relation == SKOS.exactMatch]
    to_ours = {link.entity: link.resource for link in links}
    linked = set(to_ours.values())
    article = article_claims(graph)
    compared = [c for c in article if c.state in linked and c.organisation in linked]
    not_compared = tuple(sorted({c.source for c in article} - {c.source for c in compared}, key=str))
    unlinked = tuple(sorted({x for c in article for x in (c.state, c.organisation) if x not in linked}, key=str))
    states = [link.resource for link in links if link.kind == "state"]
    organisations = [link.resource for link in links if link.kind == "organisation"]
    wikidata = wikidata_claims(client, to_ours, states, organisations)
    rows: list[Comparison] = []
    for pair in sorted({(c.state, c.organisation) for c in [*compared, *wikidata]}, key=str):
        ours = [c for c in compared if (c.state, c.organisation) == pair]
        theirs = [c for c in wikidata if (c.state, c.organisation) == pair]
        rows += pair_claims(ours, theirs)
    return ComparisonReport(tuple(rows), not_compared, unlinked)


def article_claims(graph: Graph) -> list[Claim]:
    """Every membership period of the article, with its rank (normal when absent)."""
    rows = cast(Iterable[ResultRow], graph.query(sparql_prologue() + _ARTICLE))  # a SELECT gives rows
    return [
        Claim(
            _iri(row.state),
            _iri(row.org),
            row.role,
            _int(row.start),
            _int(row.end),
            _iri(row.rank or PSS.NormalRank),
            _iri(row.membership),
        )
        for row in rows
    ]


def wikidata_claims(
    client: SparqlClient, to_ours: dict[URIRef, URIRef], states: Iterable[URIRef], organisations: Iterable[URIRef]
) -> list[Claim]:
    """Wikidata's P463 statements between those states and organisations, in our terms."""
    to_wikidata = {ours: wd for wd, ours in to_ours.items()}
    state_values = " ".join(sorted(to_wikidata[s].n3() for s in states if s in to_wikidata))
    org_values = " ".join(sorted(to_wikidata[o].n3() for o in organisations if o in to_wikidata))
    if not state_values or not org_values:
        return []
    statements: dict[URIRef, dict[str, set[Node]]] = {}
    for row in client.select(_WIKIDATA % (state_values, org_values)).bindings:
        values = statements.setdefault(_iri(row["statement"]), {})
        for name, term in row.items():
            values.setdefault(name, set()).add(term)
    claims = []
    for statement, values in statements.items():
        starts = [y for y in map(wikidata_year, values.get("start", ())) if y is not None]
        ends = [y for y in map(wikidata_year, values.get("end", ())) if y is not None]
        claims.append(
            Claim(
                state=to_ours[_iri(_one(values["state"]))],
                organisation=to_ours[_iri(_one(values["org"]))],
                role=role_from_wikidata(values.get("role", set()), values.get("roleLabel", set())),
                start=min(starts) if starts else None,
                end=max(ends) if ends else None,
                rank=_RANKS.get(_iri(_one(values["rank"])), PSS.NormalRank),
                source=statement,
            )
        )
    return claims


def wikidata_year(value: Node) -> int | None:
    """The calendar year of a Wikidata time value (``2004-03-29T00:00:00Z`` → 2004); None if unknown."""
    if not isinstance(value, Literal):
        return None  # "unknown value" is a blank node
    match = _YEAR.match(str(value))
    return int(match.group(1)) if match else None


def role_from_wikidata(roles: set[Node], labels: set[Node]) -> Node:
    """The contract's role for a P2868 qualifier, by label words; no qualifier = full member."""
    if not roles:
        return PSS.FullMember
    for label in sorted(str(label).casefold() for label in labels):
        for word, role in ROLE_WORDS:
            if word in label:
                return PSS[role]
    return Literal(", ".join(sorted(str(label) for label in labels))) if labels else _one(roles)


def pair_claims(ours: list[Claim], theirs: list[Claim]) -> list[Comparison]:
    """Pair the claims of one state and organisation; see the module docstring for the rules."""
    rows: list[Comparison] = []
    open_theirs = [c for c in theirs if not c.deprecated]
    for claim in sorted((c for c in ours if not c.deprecated), key=_order):
        partner = _closest(claim, open_theirs)
        if partner is not None:
            open_theirs.remove(partner)
        rows.append(_verdict(claim, partner))
    kept_ours = [c for c in ours if not c.deprecated]
    for claim in sorted((c for c in ours if c.deprecated), key=_order):
        rows.append(_verdict(claim, _closest(claim, [c for c in theirs if not c.deprecated])))
    for claim in sorted(open_theirs, key=_order):
        rows.append(Comparison(ONLY_WIKIDATA, None, claim))
    for claim in sorted((c for c in theirs if c.deprecated), key=_order):
        partner = _closest(claim, kept_ours)
        rows.append(Comparison(ONLY_WIKIDATA, None, claim) if partner is None else _verdict(partner, claim))
    return rows


def _verdict(article: Claim, wikidata: Claim | None) -> Comparison:
    if wikidata is None:
        return Comparison(ONLY_ARTICLE, article, None)
    same = (article.role, article.start, article.end) == (wikidata.role, wikidata.start, wikidata.end)
    return Comparison(AGREE if same else DIFFER, article, wikidata)


def _closest(claim: Claim, candidates: list[Claim]) -> Claim | None:
    """Same role and years first, then same role, then nearest start year."""
    if not candidates:
        return None

    def distance(other: Claim) -> tuple[int, int, int, str]:
        years = (claim.start, claim.end) == (other.start, other.end)
        gap = abs((claim.start or 0) - (other.start or 0)) if claim.start and other.start else 10_000
        return (0 if claim.role == other.role else 1, 0 if years else 1, gap, str(other.source))

    return min(candidates, key=distance)


def _order(claim: Claim) -> tuple[int, str]:
    return (claim.start if claim.start is not None else 99_999, str(claim.source))


def _int(value: Node | None) -> int | None:
    return int(value) if isinstance(value, Literal) else None


def _iri(node: Node) -> URIRef:
    """A term only an IRI can fill here (a membership's state, organisation, rank; a Wikidata statement).

    A type for the checker, not a check: rdflib types every solution cell as any term.
    """
    return cast(URIRef, node)


def _one(values: set[Node]) -> Node:
    return sorted(values, key=str)[0]


def note(row: Comparison) -> str:
    """Why a pair differs, in words."""
    ours, theirs = row.article, row.wikidata
    if ours is None or theirs is None:
        return "" if ours is None or not ours.deprecated else "deprecated in the article"
    notes = []
    if ours.role != theirs.role:
        notes.append(f"role {_role_text(ours.role)} ≠ {_role_text(theirs.role)}")
    for name, mine, other in (("start", ours.start, theirs.start), ("end", ours.end, theirs.end)):
        if mine != other:
            if other is None:
                notes.append(f"no {name} time in Wikidata" if name == "start" else f"end {mine} ≠ none in Wikidata")
            else:
                notes.append(f"{name} {_year(mine)} ≠ {other}")
    for side, claim in (("article", ours), ("Wikidata", theirs)):
        if claim.deprecated:
            notes.append(f"deprecated in {side}")
    return "; ".join(notes)


def _role_text(role: Node) -> str:
    return str(role).rsplit("#", 1)[-1] if isinstance(role, URIRef) else str(role)


def _year(year: int | None) -> str:
    return "none" if year is None else str(year)


def period(claim: Claim | None) -> str:
    """``1999–2004``, ``2004–``, ``?–2012`` for a table cell; empty for no claim."""
    if claim is None:
        return ""
    start = "?" if claim.start is None else str(claim.start)
    end = "" if claim.end is None else str(claim.end)
    suffix = "" if claim.rank == PSS.NormalRank else f" ({_role_text(claim.rank).removesuffix('Rank').lower()})"
    return f"{start}–{end}{suffix}"


def table_result(report: ComparisonReport) -> QueryResult:
    """The compact view for a terminal."""
    variables = ("state", "organisation", "role", "article", "wikidata", "status", "note")
    rows = []
    for row in report.rows:
        claim = row.article or row.wikidata
        assert claim is not None
        cells = (period(row.article), period(row.wikidata), row.status, note(row))
        rows.append((claim.state, claim.organisation, claim.role, *map(Literal, cells)))
    return QueryResult(variables, tuple(rows))


def full_result(report: ComparisonReport) -> QueryResult:
    """Every field, for CSV and JSON: both sides' role, years, rank and source node."""
    variables: tuple[str, ...] = ("state", "organisation", "status")
    sides = ("article", "wikidata")
    fields = ("Role", "Start", "End", "Rank", "Source")
    variables += (*(f"{side}{name}" for side in sides for name in fields), "note")
    rows = []
    for row in report.rows:
        state, organisation = row.pair
        cells: list[Node | None] = [state, organisation, Literal(row.status)]
        for claim in (row.article, row.wikidata):
            cells += _claim_cells(claim)
        cells.append(Literal(note(row)) if note(row) else None)
        rows.append(tuple(cells))
    return QueryResult(variables, tuple(rows))


def _claim_cells(claim: Claim | None) -> list[Node | None]:
    if claim is None:
        return [None] * 5
    years = [None if y is None else Literal(y) for y in (claim.start, claim.end)]
    return [claim.role, *years, claim.rank, claim.source]


def summary(report: ComparisonReport) -> str:
    """One paragraph: counts by status, and what was left out and why."""
    counts = Counter(row.status for row in report.rows)
    text = ", ".join(f"{counts[s]} {s}" for s in (AGREE, DIFFER, ONLY_ARTICLE, ONLY_WIKIDATA))
    text = f"{len(report.rows)} rows: {text}"
    if report.not_compared:
        names = ", ".join(str(x).rsplit("/", 1)[-1] for x in report.unlinked)
        text += f"\n{len(report.not_compared)} memberships not compared: no Wikidata link for {names}"
    return text
