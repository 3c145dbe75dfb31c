"""The report's data, each piece from a saved query, so every picture can name the query behind it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from pskg.engines.built_store import BuiltStore, run_fast_query
from pskg.queries.catalogue import find_query, run_query
from pskg.sources.namespaces import ID, PSS

#: Tableau 2's columns in the article's order, as organisation local names in ``id:``.
TABLEAU_2_COLUMNS = ("NATO", "CSTO", "SCO", "GUAM", "PfP", "CIS", "OSCE")
#: The report's first year; the last one is the year the article was written.
FIRST_YEAR, LAST_YEAR = 1991, 2019
DEPRECATED = PSS.DeprecatedRank
_LABEL = pyoxigraph.NamedNode(str(RDFS.label))


def local(iri: str) -> str:
    """``id:ARM`` → ``ARM``: the short names the report uses as keys."""
    return str(iri).removeprefix(str(ID)).rsplit("#", 1)[-1]


#: A cell as Python: what rdflib's ``Literal.toPython`` makes of it (its own type is ``Any`` too), an IRI as text, or
#: ``None`` when unbound. Each reader knows the datatype its saved query gives the column.
Value = Any


def _python(node: Node | None) -> Value:
    if node is None:
        return None
    if isinstance(node, Literal):
        return node.toPython()
    return str(node)


class QueryRunner:
    """Runs saved queries on one graph — the validated built store (``pskg report``), or an rdflib graph a caller
    passes — and remembers which ones the report used."""

    def __init__(self, source: Graph | BuiltStore) -> None:
        self.source = source
        self.used: list[str] = []
        self._prepared: dict[str, Query] = {}

    def rows(self, name: str, values: dict[str, str] | None = None) -> list[dict[str, Value]]:
        """The rows of saved query ``name`` as dicts of Python values (``None`` when unbound)."""
        query = find_query(name)
        if isinstance(self.source, BuiltStore):
            result = run_fast_query(query, values or {}, self.source)
        else:  # rdflib parses a query ten times slower than it runs one, and the map runs one 200 times: once
            if query.text not in self._prepared:
                self._prepared[query.text] = query.prepared()
            result = run_query(self.source, query, values, self._prepared[query.text])
        if name not in self.used:
            self.used.append(name)
        return [dict(zip(result.variables, map(_python, row), strict=True)) for row in result.rows]

    def label(self, iri: object, lang: str) -> str:
        """A resource's label in ``lang``, else its local name (names only: the facts come from the queries)."""
        if iri is None or iri == "":
            return ""
        if isinstance(self.source, BuiltStore):
            found = self.source.store.quads_for_pattern(pyoxigraph.NamedNode(str(iri)), _LABEL, None, None)
            labels = [quad.object for quad in found if isinstance(quad.object, pyoxigraph.Literal)]
            texts = [label.value for label in labels if label.language == lang]
        else:
            objects = self.source.objects(URIRef(str(iri)), RDFS.label)
            texts = [str(label) for label in objects if getattr(label, "language", None) == lang]
        return min(texts) if texts else local(str(iri))


@dataclass(frozen=True)
class Labels:
    """French and English names of the states and organisations, from the graph."""

    states: dict[str, dict[str, str]]
    organisations: dict[str, dict[str, str]]
    acronyms: dict[str, dict[str, str]]
    post_soviet: tuple[str, ...]

    def state(self, key: str, lang: str) -> str:
        return self.states.get(key, {}).get(lang, key)

    def acronym(self, key: str, lang: str) -> str:
        return self.acronyms.get(key, {}).get(lang) or key

    def organisation(self, key: str, lang: str) -> str:
        return self.organisations.get(key, {}).get(lang, key)


def labels(runner: QueryRunner) -> Labels:
    """State labels from ``post-soviet-states``, organisation labels and acronyms from ``organisations``."""
    states = {
        local(r["state"]): {"fr": str(r["labelFr"]), "en": str(r["labelEn"])} for r in runner.rows("post-soviet-states")
    }
    organisations: dict[str, dict[str, str]] = {}
    acronyms: dict[str, dict[str, str]] = {}
    for row in runner.rows("organisations"):
        key = local(row["organisation"])
        organisations[key] = {"fr": str(row["labelFr"]), "en": str(row["labelEn"])}
        acronyms[key] = {lang: str(row[f"acronyms{lang.title()}"] or "").replace(" / ", "/") for lang in ("fr", "en")}
    return Labels(states, organisations, acronyms, tuple(states))


@dataclass
class Cell:
    """One printed cell of Tableau 2 and where it is in the article."""

    text: str
    index: int
    page: int | None = None
    locator: str = ""
    deprecated: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class TableRow:
    """A row of Tableau 2: the state's French label (as printed), its cells by column, and cells with no column."""

    state_fr: str
    cells: dict[str, Cell] = field(default_factory=dict)
    loose: list[Cell] = field(default_factory=list)

    def texts(self) -> tuple[str, ...]:
        """The seven printed cells, in the article's column order (empty string for an empty cell)."""
        return tuple(self.cells[c].text if c in self.cells else "" for c in TABLEAU_2_COLUMNS)


def tableau_2(runner: QueryRunner) -> list[TableRow]:
    """Tableau 2 rebuilt: cells and ranks from ``tableau-2``, page, locator and notes from ``tableau-2-provenance``."""
    rows: dict[str, TableRow] = {}
    cells: dict[tuple[str, int], Cell] = {}
    for r in runner.rows("tableau-2"):
        state, index = str(r["state"]), int(r["cellIndex"])
        row = rows.setdefault(state, TableRow(state))
        cell = cells.get((state, index))
        if cell is None:
            cell = cells[(state, index)] = Cell(str(r["cellText"]), index)
            if r["column"] in TABLEAU_2_COLUMNS:
                row.cells[str(r["column"])] = cell
            else:
                row.loose.append(cell)
        cell.deprecated = cell.deprecated or r["rank"] == str(DEPRECATED)
    for r in runner.rows("tableau-2-provenance"):
        cell = cells[(str(r["state"]), int(r["cellIndex"]))]
        cell.page, cell.locator = int(r["page"]), str(r["locator"])
        if r["note"]:
            cell.notes.append(str(r["note"]))
    return list(rows.values())


@dataclass(frozen=True)
class Spending:
    """A bar of Figure 10: a CSTO member's 2018 military expenditure (millions of USD) and share of the total."""

    state: str
    value: Decimal | None
    share: Decimal | None


def figure_10(runner: QueryRunner) -> list[Spending]:
    """Figure 10's values, largest first, from ``csto-spending-2018``."""
    return [
        Spending(local(r["state"]), r["valueMillionUSD"], r["sharePercent"]) for r in runner.rows("csto-spending-2018")
    ]


@dataclass(frozen=True)
class Period:
    """A membership period of a state, as ``state-timeline`` gives it."""

    organisation: str
    role: str
    start: int
    end: int | None
    deprecated: bool

    def covers(self, year: int) -> bool:
        """ "Member in year Y": startYear <= Y and (no endYear or endYear >= Y)."""
        return self.start <= year and (self.end is None or self.end >= year)


def timelines(runner: QueryRunner, states: tuple[str, ...]) -> dict[str, list[Period]]:
    """Every membership period of each state (deprecated claims included), from ``state-timeline``."""
    result: dict[str, list[Period]] = {}
    for state in states:
        result[state] = [
            Period(
                local(r["organisation"]),
                local(r["role"]),
                int(r["startYear"]),
                r["endYear"],
                r["rank"] == str(DEPRECATED),
            )
            for r in runner.rows("state-timeline", {"state": state})
        ]
    return result


def organisation_counts(periods: dict[str, list[Period]]) -> dict[str, dict[int, int]]:
    """How many organisations (any role, deprecated claims ignored) each state belonged to, year by year."""
    counts: dict[str, dict[int, int]] = {}
    for state, own in periods.items():
        counts[state] = {
            year: len({p.organisation for p in own if not p.deprecated and p.covers(year)})
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        }
    return counts


def membership_matrix(runner: QueryRunner, year: int, organisations: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """State → organisation → role in ``year``, from ``members-in-year`` run once per organisation."""
    matrix: dict[str, dict[str, str]] = defaultdict(dict)
    for organisation in organisations:
        for r in runner.rows("members-in-year", {"org": organisation, "year": str(year)}):
            matrix[local(r["state"])][organisation] = local(r["role"])
    return dict(matrix)


def is_iri(value: object) -> bool:
    """Whether a query value is an IRI (the report links those)."""
    return isinstance(value, str) and value.startswith(("http://", "https://")) and " " not in value
