"""CSV exports for quantitative users: a state-year panel, the other states' rows, and a dyad-year file.

Political scientists merge such files with other country-year data by ISO alpha-3
or Correlates of War (COW) code, and read them as COW's Intergovernmental
Organizations data: ``member`` is 1 full member, 2 associate member, 3 observer,
0 not a member, -1 the organisation did not exist that year, and empty (missing)
where the article does not say. What COW's scheme cannot say (a partner of NATO's
Partnership for Peace is no member) is in ``partner``. The columns, their types and
their codes are in ``pskg.release.codebook``, written beside the files as
``datapackage.json``.

Domain. Tableau 2 gives, for each state it has a row for (the fifteen post-Soviet
states), its membership of each of its column organisations (an empty cell means
"not a member"), for the years from independence (1991) to the article's end
(3 December 2019). That block is the panel: every row state times every column
organisation, 1991–2019, and within it a zero is a true zero. Other states the
article records in those organisations (Serbia an observer of the CSTO, China in the
SCO, Poland in NATO) are in a file of their own, coded only in the years of their
recorded periods (and -1 before the founding year), missing elsewhere: the article is
no complete record for them. Other bodies (the Warsaw Pact, DCBI) and states with no
recorded membership have no rows. Deprecated claims are ignored.

Existence. -1 is written only before a founding year the graph records
(``pss:foundingYear``, from the article). Where it records none, the first year the
article attests the organisation shows it existed: a recorded membership's start, or
the year of an instrument or event it takes part in (``pss:participant``,
``pss:party``, ``pss:framework``; NATO is attested in 1990 by the CFE Treaty of note
11, the OSCE in 1975 by Russia's CSCE cell of Tableau 2). Years before the first
attestation are missing, never -1 and never 0: no date is invented.

The dyad-year file covers the panel's domain: each pair of row states, each column
organisation and year, with COW's joint full membership (1 when both are full members).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TextIO

import pyoxigraph
from rdflib import Graph

from pskg.release.codebook import DYAD_TABLE, FIRST_YEAR, LAST_YEAR, OTHER_STATES_TABLE, PANEL_TABLE
from pskg.release.formats import DYADS, OTHER_STATES, PANEL
from pskg.release.plain_rows import plain_rows
from pskg.sources.namespaces import ID, PSS

YEARS = range(FIRST_YEAR, LAST_YEAR + 1)
PANEL_COLUMNS = PANEL_TABLE.columns
DYAD_COLUMNS = DYAD_TABLE.columns
#: The CSV files ``write_panels`` writes, in order.
PANEL_FILES: tuple[str, ...] = (PANEL, OTHER_STATES, DYADS)
#: Roles that COW's membership scheme codes (the fuller first); any other role is told apart (``partner``).
MEMBER_ROLES: dict[str, int] = {"FullMember": 1, "AssociateMember": 2, "Observer": 3}
PARTNER_ROLE = "Partner"
NOT_A_MEMBER, DID_NOT_EXIST = 0, -1

_STATES = """
SELECT ?state (SAMPLE(?code) AS ?iso) (SAMPLE(?name) AS ?label) (SAMPLE(?ccode) AS ?cow) (SAMPLE(?abb) AS ?stateabb)
WHERE {
  ?state a pss:State ; pss:isoAlpha3 ?code .
  OPTIONAL { ?state rdfs:label ?name . FILTER(LANG(?name) = "en") }
  OPTIONAL { ?state pss:cowCode ?ccode }
  OPTIONAL { ?state pss:cowStateAbb ?abb }
} GROUP BY ?state"""
_TABLE_ROWS = """
SELECT DISTINCT ?table ?state WHERE { ?cell pss:documentPart ?table ; pss:tableRow ?state . }"""
_TABLE_COLUMNS = """
SELECT DISTINCT ?table ?organisation WHERE { ?cell pss:documentPart ?table ; pss:tableColumn ?organisation . }"""
_FOUNDED = """
SELECT ?organisation ?year WHERE {
  ?organisation pss:foundingYear ?year .
  FILTER NOT EXISTS { ?organisation pss:rank pss:DeprecatedRank }
}"""
_TAKES_PART = """
SELECT ?organisation ?year WHERE {
  ?fact pss:participant|pss:party|pss:framework ?organisation ; pss:year ?year .
  ?organisation a pss:Organisation .
  FILTER NOT EXISTS { ?fact pss:rank pss:DeprecatedRank }
}"""
_MEMBERSHIPS = """
SELECT ?state ?organisation ?role ?start ?end WHERE {
  ?membership a pss:Membership ; org:member ?state ; org:organization ?organisation ; org:role ?role ;
    pss:startYear ?start .
  OPTIONAL { ?membership pss:endYear ?end }
  FILTER NOT EXISTS { ?membership pss:rank pss:DeprecatedRank }
}"""

Source = Graph | pyoxigraph.Store
Pair = tuple[str, str]
Code = int | None


@dataclass(frozen=True)
class State:
    """A state as the CSV files name it."""

    iri: str
    iso3: str
    label: str
    cow_code: str = ""
    stateabb: str = ""

    @cached_property
    def fields(self) -> str:
        """The CSV fields that name the state: label, ISO code, COW code, COW abbreviation."""
        return ",".join(_quoted(field) for field in (self.label, self.iso3, self.cow_code, self.stateabb))

    @cached_property
    def iri_field(self) -> str:
        return _quoted(self.iri)


@dataclass(frozen=True)
class Existence:
    """What the graph says about when an organisation existed: its founding year, and the first year the article
    attests it (a membership's start, a dated instrument or event it takes part in), which shows it existed then."""

    founded: int | None
    first_attested: int | None

    def code(self, year: int) -> Code:
        """0 where the organisation is known to exist in ``year``, -1 before its founding year, else missing."""
        if self.founded is not None and year < self.founded:
            return DID_NOT_EXIST
        known = [value for value in (self.founded, self.first_attested) if value is not None]
        return NOT_A_MEMBER if known and year >= min(known) else None


@dataclass(frozen=True)
class Codes:
    """One state, organisation and year: ``member`` and ``partner`` as the codebook codes them, and the roles."""

    member: Code
    partner: Code
    role: str


def code_year(roles: Iterable[str], existence: Existence, year: int, covered: bool) -> Codes:
    """The codes of one state in one organisation and year, from the roles the graph records for it then.

    ``covered``: the pair is in Tableau 2's block, so a role not held is a zero (or -1 before the organisation
    existed). Outside it the article is silent on the years without a recorded role: missing, but -1 still holds
    before the founding year. A role COW's scheme does not know leaves ``member`` missing where no member role is
    held: it is not "not a member"."""
    held = set(roles)
    absent = existence.code(year)
    if not covered and absent != DID_NOT_EXIST:
        absent = None
    ranks = sorted(MEMBER_ROLES[name] for name in held if name in MEMBER_ROLES)
    unknown = held - set(MEMBER_ROLES) - {PARTNER_ROLE}
    member = ranks[0] if ranks else (None if unknown else absent)
    partner = 1 if PARTNER_ROLE in held else absent
    return Codes(member, partner, ";".join(sorted(held)))


def joint_membership(member_a: Code, member_b: Code) -> Code:
    """COW's joint full membership: 1 both full members, -1 the organisation did not exist, 0 when one is known not
    to be a full member, else missing."""
    if member_a == 1 and member_b == 1:
        return 1
    if DID_NOT_EXIST in (member_a, member_b):
        return DID_NOT_EXIST
    if any(code is not None and code != 1 for code in (member_a, member_b)):
        return NOT_A_MEMBER
    return None


def write_panels(
    source: Source, paths: Mapping[str, Path], graphs: Sequence[pyoxigraph.NamedNode] = (), union: bool = False
) -> None:
    """Write the CSV files of ``source`` to ``paths`` (file name in PANEL_FILES -> where to write it): a graph, or a
    store's default graph, the union of its ``graphs`` or, with ``union``, of all its named graphs (every query
    here gives a set, so a triple two graphs state changes nothing).

    The fields that name a state or an organisation are quoted for CSV once, not once a row.
    """
    states = _states(source, graphs, union)
    row_states, organisations = _table(source, graphs, union)
    local = _LocalNames()
    roles: dict[Pair, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    attested: dict[str, int] = {}
    for row in plain_rows(source, _MEMBERSHIPS, graphs, union):
        organisation, start = row["organisation"], int(row["start"])
        attested[organisation] = min(start, attested.get(organisation, start))
        if row["state"] not in states or organisation not in organisations:
            continue
        last = int(row["end"]) if row["end"] else LAST_YEAR
        for year in range(max(start, FIRST_YEAR), min(last, LAST_YEAR) + 1):
            roles[(row["state"], organisation)][year].add(local(row["role"]))
    founded: dict[str, int] = {}
    for row in plain_rows(source, _FOUNDED, graphs, union):
        founded[row["organisation"]] = min(int(row["year"]), founded.get(row["organisation"], int(row["year"])))
    for row in plain_rows(source, _TAKES_PART, graphs, union):
        attested[row["organisation"]] = min(int(row["year"]), attested.get(row["organisation"], int(row["year"])))
    existence = {org: Existence(founded.get(org), attested.get(org)) for org in organisations}
    by_iso = sorted((state for state in states.values() if state.iri in row_states), key=lambda s: (s.iso3, s.iri))
    by_name = sorted(organisations, key=lambda iri: (local(iri), iri))
    member_codes: dict[tuple[str, str], list[Code]] = {}
    with _csv_file(paths[PANEL]) as out:
        out.write(",".join(PANEL_COLUMNS) + "\n")
        for state in by_iso:
            for organisation in by_name:
                held = roles.get((state.iri, organisation), {})
                codes = [code_year(held.get(year, ()), existence[organisation], year, True) for year in YEARS]
                member_codes[(state.iri, organisation)] = [code.member for code in codes]
                out.write(_pair_lines(state, organisation, codes, local))
    others = sorted(
        {pair for pair in roles if pair[0] not in row_states},
        key=lambda pair: (states[pair[0]].iso3, pair[0], local(pair[1]), pair[1]),
    )
    with _csv_file(paths[OTHER_STATES]) as out:
        out.write(",".join(OTHER_STATES_TABLE.columns) + "\n")
        for state_iri, organisation in others:
            held = roles[(state_iri, organisation)]
            codes = [code_year(held.get(year, ()), existence[organisation], year, False) for year in YEARS]
            out.write(_pair_lines(states[state_iri], organisation, codes, local))
    with _csv_file(paths[DYADS]) as out:
        out.write(",".join(DYAD_COLUMNS) + "\n")
        for index, a in enumerate(by_iso):
            for b in by_iso[index + 1 :]:
                for organisation in by_name:
                    out.write(_dyad_lines(a, b, organisation, member_codes, local))


def _pair_lines(state: State, organisation: str, codes: Sequence[Codes], local: _LocalNames) -> str:
    """The 29 lines of one state and organisation."""
    head = f"{state.fields},{local.field(local(organisation))},"
    tail = f",{state.iri_field},{local.field(organisation)}\n"
    return "".join(
        f"{head}{year},{_int(code.member)},{_int(code.partner)},{local.field(code.role)}{tail}"
        for year, code in zip(YEARS, codes, strict=True)
    )


def _dyad_lines(
    a: State, b: State, organisation: str, member_codes: Mapping[tuple[str, str], list[Code]], local: _LocalNames
) -> str:
    """The 29 lines of one pair of states (``a`` before ``b`` in ISO order) and one organisation."""
    head = f"{a.fields},{b.fields},{local.field(local(organisation))},"
    tail = f",{local.field(organisation)}\n"
    codes_a, codes_b = member_codes[(a.iri, organisation)], member_codes[(b.iri, organisation)]
    return "".join(
        f"{head}{year},{_int(joint_membership(ma, mb))},{_int(ma)},{_int(mb)}{tail}"
        for year, ma, mb in zip(YEARS, codes_a, codes_b, strict=True)
    )


def _table(source: Source, graphs: Sequence[pyoxigraph.NamedNode], union: bool) -> tuple[set[str], set[str]]:
    """Tableau 2's row states and column organisations (of every table the graph records cells of): the panel's
    domain, where an absence is a zero."""
    rows = {row["state"] for row in plain_rows(source, _TABLE_ROWS, graphs, union)}
    columns = {row["organisation"] for row in plain_rows(source, _TABLE_COLUMNS, graphs, union)}
    return rows, columns


def _states(source: Source, graphs: Sequence[pyoxigraph.NamedNode], union: bool) -> dict[str, State]:
    return {
        row["state"]: State(row["state"], row["iso"], row["label"] or _local(row["state"]), row["cow"], row["stateabb"])
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


def _int(code: Code) -> str:
    """An integer column's field: the integer, or empty for missing (never ``1.0``)."""
    return "" if code is None else str(code)


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
