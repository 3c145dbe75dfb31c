"""CSV exports for quantitative users: a state-year panel and a dyad-year file.

Political scientists merge such files with other country-year data by ISO alpha-3
or Correlates of War code. What matters most is that *not a member* and *not known*
differ: a zero is only written where the article covers the pair.

Coverage. Tableau 2 gives, for each of the fifteen post-Soviet states, its
membership of each of its seven column organisations (an empty cell means "not a
member"), for the years from independence (1991) to the article's end (3 December
2019). So for a post-Soviet state and a Tableau 2 column organisation, 1991–2019,
``member`` is 1 or 0. Every other state-organisation pair is outside that coverage:
``member`` is 1 where the graph records a membership, and empty (missing) otherwise
— the article is silent, which is not a zero. Deprecated claims are ignored.

The Correlates of War code column is present but empty: no source for the codes is
part of the project yet, and a code is never guessed.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rdflib import Graph, URIRef

from pskg.sources.namespaces import ID, PSS, sparql_prologue

FIRST_YEAR = 1991  # independence of the post-Soviet states: the article's starting point
LAST_YEAR = 2019  # the article cites events up to 3 December 2019
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

PANEL_COLUMNS = ("state", "iso3", "cow_code", "organisation", "year", "member", "role", "state_iri", "organisation_iri")
DYAD_COLUMNS = ("state_a", "iso3_a", "cow_code_a", "state_b", "iso3_b", "cow_code_b", "organisation", "year")
DYAD_COLUMNS += ("role_a", "role_b", "organisation_iri")

_STATES = """
SELECT DISTINCT ?state ?iso ?label ?postSoviet WHERE {
  ?state a pss:State ; pss:isoAlpha3 ?iso .
  OPTIONAL { ?state rdfs:label ?label . FILTER(LANG(?label) = "en") }
  BIND(EXISTS { ?state a pss:PostSovietState } AS ?postSoviet)
}"""
_ORGANISATIONS = """
SELECT DISTINCT ?organisation WHERE { ?organisation a ?class . ?class rdfs:subClassOf* pss:Organisation . }"""
_TABLE_COLUMNS = """
SELECT DISTINCT ?organisation WHERE {
  ?cell pss:documentPart id:momzikoff-tableau-2 ; pss:tableColumn ?organisation .
}"""
_MEMBERSHIPS = """
SELECT ?state ?organisation ?role ?start ?end WHERE {
  ?membership a pss:Membership ; org:member ?state ; org:organization ?organisation ; org:role ?role ;
    pss:startYear ?start .
  OPTIONAL { ?membership pss:endYear ?end }
  FILTER NOT EXISTS { ?membership pss:rank pss:DeprecatedRank }
}"""


@dataclass(frozen=True)
class State:
    """A state as the CSV files name it."""

    iri: URIRef
    iso3: str
    label: str
    post_soviet: bool
    cow_code: str = ""


@dataclass(frozen=True)
class PanelRow:
    """One state, organisation and year: ``member`` is "1", "0" or "" (not covered, unknown)."""

    state: State
    organisation: URIRef
    year: int
    member: str
    roles: tuple[str, ...]


def panel_rows(graph: Graph) -> list[PanelRow]:
    """Every state x organisation x year of 1991–2019, sorted by ISO code, organisation, year."""
    prologue = sparql_prologue()
    states = sorted(_states(graph), key=lambda s: (s.iso3, str(s.iri)))
    organisations = sorted((row[0] for row in graph.query(prologue + _ORGANISATIONS)), key=_local)
    covered = {row[0] for row in graph.query(prologue + _TABLE_COLUMNS)}
    roles: dict[tuple[URIRef, URIRef, int], set[str]] = defaultdict(set)
    for state, organisation, role, start, end in graph.query(prologue + _MEMBERSHIPS):
        last = int(end) if end is not None else LAST_YEAR
        for year in range(max(int(start), FIRST_YEAR), min(last, LAST_YEAR) + 1):
            roles[(state, organisation, year)].add(_local(role))
    rows = []
    for state in states:
        for organisation in organisations:
            in_coverage = state.post_soviet and organisation in covered
            for year in YEARS:
                held = tuple(sorted(roles.get((state.iri, organisation, year), ())))
                member = "1" if held else ("0" if in_coverage else "")
                rows.append(PanelRow(state, organisation, year, member, held))
    return rows


def panel_csv(rows: list[PanelRow]) -> str:
    """The state-year panel as CSV (several roles in one year are joined with ";")."""
    return _csv(
        PANEL_COLUMNS,
        (
            [
                *_describe(r.state),
                _local(r.organisation),
                r.year,
                r.member,
                ";".join(r.roles),
                r.state.iri,
                r.organisation,
            ]
            for r in rows
        ),
    )


def dyad_csv(rows: list[PanelRow]) -> str:
    """Pairs of states (ordered by ISO code) both holding a period of the same organisation in a year."""
    members: dict[tuple[URIRef, int], list[PanelRow]] = defaultdict(list)
    for row in rows:
        if row.member == "1":
            members[(row.organisation, row.year)].append(row)
    lines = []
    for (organisation, year), group in sorted(members.items(), key=lambda item: (_local(item[0][0]), item[0][1])):
        for a, b in combinations(sorted(group, key=lambda r: r.state.iso3), 2):
            roles = (";".join(a.roles), ";".join(b.roles))
            lines.append((*_describe(a.state), *_describe(b.state), _local(organisation), year, *roles, organisation))
    lines.sort(key=lambda line: (line[1], line[4], line[6], line[7]))
    return _csv(DYAD_COLUMNS, lines)


def _describe(state: State) -> tuple[str, str, str]:
    return (state.label, state.iso3, state.cow_code)


def _states(graph: Graph) -> list[State]:
    found: dict[URIRef, State] = {}
    for iri, iso, label, post_soviet in graph.query(sparql_prologue() + _STATES):
        found.setdefault(iri, State(iri, str(iso), str(label or _local(iri)), bool(post_soviet.toPython())))
    return list(found.values())


def _local(iri: URIRef) -> str:
    text = str(iri)
    for namespace in (str(ID), str(PSS)):
        if text.startswith(namespace):
            return text[len(namespace) :]
    return text


def _csv(header: tuple[str, ...], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
