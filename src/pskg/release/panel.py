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

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TextIO

import pyoxigraph
from rdflib import Graph

from pskg.release.plain_rows import plain_rows
from pskg.sources.namespaces import ID, PSS

FIRST_YEAR = 1991  # independence of the post-Soviet states: the article's starting point
LAST_YEAR = 2019  # the article cites events up to 3 December 2019
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

PANEL_COLUMNS = ("state", "iso3", "cow_code", "organisation", "year", "member", "role", "state_iri", "organisation_iri")
DYAD_COLUMNS: tuple[str, ...] = ("state_a", "iso3_a", "cow_code_a", "state_b", "iso3_b", "cow_code_b")
DYAD_COLUMNS += ("organisation", "year", "role_a", "role_b", "organisation_iri")

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
    def fields(self) -> str:
        """The CSV fields that name the state: label, ISO code, COW code."""
        return ",".join(_quoted(field) for field in (self.label, self.iso3, self.cow_code))

    @cached_property
    def iri_field(self) -> str:
        return _quoted(self.iri)


def write_panels(
    source: Source, panel: Path, dyads: Path, graphs: Sequence[pyoxigraph.NamedNode] = (), union: bool = False
) -> None:
    """Write the state-year panel and the dyad-year file of ``source``: a graph, or a store's default graph, the
    union of its ``graphs`` or, with ``union``, of all its named graphs (every query here gives a set, so a triple
    two graphs state changes nothing).

    Each file is written as it is made, one state at a time; the fields that name a
    state or an organisation are quoted for CSV once, not once a row.
    """
    states = _states(source, graphs, union)
    covered = _covered_pairs(source, graphs, union)
    local = _LocalNames()
    roles: dict[Pair, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in plain_rows(source, _MEMBERSHIPS, graphs, union):
        if row["state"] not in states:
            continue
        last = int(row["end"]) if row["end"] else LAST_YEAR
        for year in range(max(int(row["start"]), FIRST_YEAR), min(last, LAST_YEAR) + 1):
            roles[(row["state"], row["organisation"])][year].add(local(row["role"]))
    held = {  # the roles of each state, organisation and year, as their CSV field
        pair: {year: _quoted(";".join(sorted(names))) for year, names in by_year.items()}
        for pair, by_year in roles.items()
    }
    del roles
    with _csv_file(panel) as out:
        out.write(",".join(PANEL_COLUMNS) + "\n")
        pairs = sorted(
            {pair for pair in covered | set(held) if pair[0] in states},
            key=lambda pair: (states[pair[0]].iso3, pair[0], local(pair[1])),
        )
        for pair in pairs:
            out.write(_pair_lines(states[pair[0]], pair[1], held.get(pair, {}), pair in covered, local))
    with _csv_file(dyads) as out:
        out.write(",".join(DYAD_COLUMNS) + "\n")
        for lines in _dyad_lines(states, held, local):
            out.write(lines)


def _pair_lines(state: State, organisation: str, held: dict[int, str], covered: bool, local: _LocalNames) -> str:
    """The 29 lines of one state and organisation: 1 in its years, else 0 where covered, else empty."""
    head = f"{state.fields},{local.field(local(organisation))},"
    tail = f",{state.iri_field},{local.field(organisation)}\n"
    absent = "0" if covered else ""
    return "".join(
        f"{head}{year},1,{held[year]}{tail}" if year in held else f"{head}{year},{absent},{tail}" for year in YEARS
    )


def _dyad_lines(states: dict[str, State], held: dict[Pair, dict[int, str]], local: _LocalNames) -> Iterator[str]:
    """For each state in ISO order, its lines of the dyad-year file: every other state (after it in ISO order)
    holding a period of the same organisation in the same year, sorted by that state's code, the organisation and
    the year. One state's lines at a time: never the whole file in memory."""
    members: dict[tuple[str, int], list[tuple[str, str, str]]] = defaultdict(list)
    years_of: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for (state_iri, organisation), by_year in held.items():
        for year, role in by_year.items():
            members[(organisation, year)].append((states[state_iri].iso3, state_iri, role))
            years_of[state_iri].append((organisation, year, role))
    for state_iri in sorted(years_of, key=lambda iri: (states[iri].iso3, iri)):
        a = states[state_iri]
        lines = []
        for organisation, year, role_a in years_of[state_iri]:
            name = local(organisation)
            tail = f",{local.field(name)},{year},{role_a},"
            end = f",{local.field(organisation)}\n"
            for iso_b, iri_b, role_b in members[(organisation, year)]:
                if (iso_b, iri_b) > (a.iso3, state_iri):
                    lines.append((iso_b, name, year, iri_b, f"{a.fields},{states[iri_b].fields}{tail}{role_b}{end}"))
        lines.sort(key=lambda entry: entry[:4])
        yield "".join(entry[4] for entry in lines)


def _covered_pairs(source: Source, graphs: Sequence[pyoxigraph.NamedNode], union: bool) -> set[Pair]:
    """The row states times the column organisations of each table (Tableau 2): where an absence is a zero."""
    rows: dict[str, set[str]] = defaultdict(set)
    columns: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(source, _TABLE_ROWS, graphs, union):
        rows[row["table"]].add(row["state"])
    for row in plain_rows(source, _TABLE_COLUMNS, graphs, union):
        columns[row["table"]].add(row["organisation"])
    return {(state, organisation) for table in rows for state in rows[table] for organisation in columns[table]}


def _states(source: Source, graphs: Sequence[pyoxigraph.NamedNode], union: bool) -> dict[str, State]:
    return {
        row["state"]: State(row["state"], row["iso"], row["label"] or _local(row["state"]))
        for row in plain_rows(source, _STATES, graphs, union)
    }


class _LocalNames(dict[str, str]):
    """IRI -> the name the CSV files use (the local name in ``id:`` or ``pss:``), and texts as CSV fields, each
    computed once."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        name = self.get(iri)
        if name is None:
            name = self[iri] = _local(iri)
        return name

    def field(self, text: str) -> str:
        """``text`` as a CSV field, quoted once."""
        quoted = self.fields.get(text)
        if quoted is None:
            quoted = self.fields[text] = _quoted(text)
        return quoted


def _local(iri: str) -> str:
    for namespace in (str(ID), str(PSS)):
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return iri


def _quoted(field: str) -> str:
    """A CSV field as the ``csv`` module writes it (minimal quoting)."""
    if _SPECIAL.search(field):
        return '"' + field.replace('"', '""') + '"'
    return field


_SPECIAL = re.compile('[,"\r\n]')


def _csv_file(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", newline="")
