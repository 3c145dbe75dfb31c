"""CSV exports for quantitative users: a state-year panel and a dyad-year file, written as they are computed.

Political scientists merge such files with other country-year data by ISO alpha-3
or Correlates of War code. What matters most is that *not a member* and *not known*
differ: a zero is only written where the article covers the pair.

Coverage. Tableau 2 gives, for each state it has a row for (the fifteen
post-Soviet states), its membership of each of its column organisations (an empty
cell means "not a member"), for the years from independence (1991) to the
article's end (3 December 2019). So for a row state and a column organisation of
the same table, 1991–2019, ``member`` is 1 or 0. Every other state-organisation
pair the graph records a membership for is outside that coverage: ``member`` is 1
in the years of its periods and empty (missing) in the others — the article is
silent, which is not a zero. Pairs the graph knows nothing about have no rows, so
the panel grows with the data, not with every state times every organisation.
Deprecated claims are ignored.

The Correlates of War code column is present but empty: no source for the codes is
part of the project yet, and a code is never guessed.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import TextIO

import pyoxigraph
from rdflib import Graph

from pskg.queries.plain import plain_rows
from pskg.sources.namespaces import ID, PSS

FIRST_YEAR = 1991  # independence of the post-Soviet states: the article's starting point
LAST_YEAR = 2019  # the article cites events up to 3 December 2019
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

PANEL_COLUMNS = ("state", "iso3", "cow_code", "organisation", "year", "member", "role", "state_iri", "organisation_iri")
DYAD_COLUMNS = ("state_a", "iso3_a", "cow_code_a", "state_b", "iso3_b", "cow_code_b", "organisation", "year")
DYAD_COLUMNS += ("role_a", "role_b", "organisation_iri")

_STATES = """
SELECT ?state (SAMPLE(?code) AS ?iso) (SAMPLE(?name) AS ?label) WHERE {
  ?state a pss:State ; pss:isoAlpha3 ?code .
  OPTIONAL { ?state rdfs:label ?name . FILTER(LANG(?name) = "en") }
} GROUP BY ?state"""
_TABLE_ROWS = """
SELECT DISTINCT ?table ?state WHERE { ?cell pss:documentPart ?table ; pss:tableRow ?state . }"""
_TABLE_COLUMNS = """
SELECT DISTINCT ?table ?organisation WHERE { ?cell pss:documentPart ?table ; pss:tableColumn ?organisation . }"""
_MEMBERSHIPS = """
SELECT ?state ?organisation ?role ?start ?end WHERE {
  ?membership a pss:Membership ; org:member ?state ; org:organization ?organisation ; org:role ?role ;
    pss:startYear ?start .
  OPTIONAL { ?membership pss:endYear ?end }
  FILTER NOT EXISTS { ?membership pss:rank pss:DeprecatedRank }
}"""

Source = Graph | pyoxigraph.Store
Pair = tuple[str, str]


@dataclass(frozen=True)
class State:
    """A state as the CSV files name it."""

    iri: str
    iso3: str
    label: str
    cow_code: str = ""

    @cached_property
    def described(self) -> tuple[str, str, str]:
        """The columns that name the state: label, ISO code, COW code."""
        return (self.label, self.iso3, self.cow_code)


def write_panels(source: Source, panel: Path, dyads: Path, graphs: Sequence[pyoxigraph.NamedNode] = ()) -> None:
    """Write the state-year panel and the dyad-year file of ``source``: a graph, or a store's default graph or the
    union of its ``graphs`` (every query here gives a set, so a triple two graphs state changes nothing)."""
    states = _states(source, graphs)
    covered = _covered_pairs(source, graphs)
    local = _LocalNames()
    roles: dict[Pair, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in plain_rows(source, _MEMBERSHIPS, graphs):
        if row["state"] not in states:
            continue
        last = int(row["end"]) if row["end"] else LAST_YEAR
        for year in range(max(int(row["start"]), FIRST_YEAR), min(last, LAST_YEAR) + 1):
            roles[(row["state"], row["organisation"])][year].add(local(row["role"]))
    pairs = sorted(
        {pair for pair in covered | set(roles) if pair[0] in states},
        key=lambda pair: (states[pair[0]].iso3, pair[0], local(pair[1])),
    )
    with _csv_file(panel) as out:
        writer = _writer(out, PANEL_COLUMNS)
        writer.writerows(row for pair in pairs for row in _pair_rows(states[pair[0]], pair, roles, covered, local))
    with _csv_file(dyads) as out:
        writer = _writer(out, DYAD_COLUMNS)
        writer.writerows(_dyad_lines(states, roles, local))


def _pair_rows(
    state: State, pair: Pair, roles: dict[Pair, dict[int, set[str]]], covered: set[Pair], local: _LocalNames
) -> Iterator[tuple]:
    """The 29 rows of one state and organisation."""
    described, organisation = state.described, pair[1]
    held_by_year = roles.get(pair, {})
    absent = "0" if pair in covered else ""
    name = local(organisation)
    for year in YEARS:
        held = held_by_year.get(year)
        if held:
            yield (*described, name, year, "1", ";".join(sorted(held)), state.iri, organisation)
        else:
            yield (*described, name, year, absent, "", state.iri, organisation)


def _dyad_lines(states: dict[str, State], roles: dict[Pair, dict[int, set[str]]], local: _LocalNames) -> list[tuple]:
    """Pairs of states (ordered by ISO code) both holding a period of the same organisation in a year, sorted by
    the two ISO codes, the organisation and the year."""
    members: dict[tuple[str, int], list[tuple[str, str, State, str]]] = defaultdict(list)
    for (state_iri, organisation), by_year in roles.items():
        state = states[state_iri]
        for year, held in by_year.items():
            members[(organisation, year)].append((state.iso3, state_iri, state, ";".join(sorted(held))))
    keyed = []
    for (organisation, year), group in members.items():
        group.sort(key=lambda member: (member[0], member[1]))
        name = local(organisation)
        for (_, _, a, role_a), (_, _, b, role_b) in combinations(group, 2):
            keyed.append((a.iso3, b.iso3, name, year, a, b, role_a, role_b, organisation))
    keyed.sort(key=lambda line: line[:4])
    return [(*k[4].described, *k[5].described, k[2], k[3], k[6], k[7], k[8]) for k in keyed]


def _covered_pairs(source: Source, graphs: Sequence[pyoxigraph.NamedNode]) -> set[Pair]:
    """The row states times the column organisations of each table (Tableau 2): where an absence is a zero."""
    rows: dict[str, set[str]] = defaultdict(set)
    columns: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(source, _TABLE_ROWS, graphs):
        rows[row["table"]].add(row["state"])
    for row in plain_rows(source, _TABLE_COLUMNS, graphs):
        columns[row["table"]].add(row["organisation"])
    return {(state, organisation) for table in rows for state in rows[table] for organisation in columns[table]}


def _states(source: Source, graphs: Sequence[pyoxigraph.NamedNode]) -> dict[str, State]:
    return {
        row["state"]: State(row["state"], row["iso"], row["label"] or _local(row["state"]))
        for row in plain_rows(source, _STATES, graphs)
    }


class _LocalNames(dict[str, str]):
    """IRI -> the name the CSV files use (the local name in ``id:`` or ``pss:``), each computed once."""

    def __call__(self, iri: str) -> str:
        name = self.get(iri)
        if name is None:
            name = self[iri] = _local(iri)
        return name


def _local(iri: str) -> str:
    for namespace in (str(ID), str(PSS)):
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return iri


def _csv_file(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", newline="")


def _writer(out: TextIO, header: Iterable[str]) -> csv.writer:  # type: ignore[valid-type]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    return writer
