"""The report's text tables: conflicts (from ``conflicts-involving-state``) and Russian facilities abroad."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pskg.report.data import QueryRunner, Value, local
from pskg.sources.namespaces import ID

CONFLICTS_QUERY = "conflicts-involving-state"
FACILITIES_QUERY = "military-facilities-abroad"
#: Table headings, in the order of the row tuples below.
CONFLICT_HEADINGS: dict[str, tuple[str, ...]] = {
    "fr": ("Conflit", "Parties", "Sur le territoire de", "Territoire", "Début", "Statut (fin 2019)", "Wikidata"),
    "en": ("Conflict", "Parties", "On the territory of", "Territory", "Start", "Status (end of 2019)", "Wikidata"),
}
FACILITY_HEADINGS: dict[str, tuple[str, ...]] = {
    "fr": ("Installation", "État hôte", "Page", "Citation de l’article"),
    "en": ("Facility", "Host state", "Page", "The article's words"),
}
STATUS = {"fr": {"Unresolved": "non résolu"}, "en": {"Unresolved": "unresolved"}}


@dataclass
class _Conflict:
    """What the rows of one conflict say, gathered over the states: states by involvement, territories, the rest."""

    states: dict[str, set[str]] = field(default_factory=lambda: {"party": set(), "locatedIn": set()})
    territories: set[str] = field(default_factory=set)
    start: Value = None
    status: Value = None
    wikidata: Value = None


def conflict_rows(
    runner: QueryRunner, states: tuple[str, ...], label: Callable[[object], str], lang: str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """One row per conflict: ``conflicts-involving-state`` run for each post-Soviet state, grouped by conflict."""
    found: dict[str, _Conflict] = {}
    for state in states:
        for r in runner.rows(CONFLICTS_QUERY, {"state": state}):
            entry = found.setdefault(str(r["conflict"]), _Conflict())
            entry.states[local(str(r["involvement"]))].add(state)
            if r["territory"]:
                entry.territories.add(label(r["territory"]))
            entry.start, entry.status, entry.wikidata = r["startYear"], r["status"], r["wikidata"]
    rows: list[tuple[str, ...]] = []
    for conflict, entry in sorted(found.items(), key=lambda item: label(item[0])):
        status = local(str(entry.status)) if entry.status else ""
        rows.append(
            (
                label(conflict),
                ", ".join(sorted(label_of_state(s, label) for s in entry.states["party"])),
                ", ".join(sorted(label_of_state(s, label) for s in entry.states["locatedIn"])),
                ", ".join(sorted(entry.territories)),
                str(entry.start or ""),
                STATUS[lang].get(status, status),
                local(str(entry.wikidata).rsplit("/", 1)[-1]) if entry.wikidata else "",
            )
        )
    return CONFLICT_HEADINGS[lang], rows


def label_of_state(key: str, label: Callable[[object], str]) -> str:
    """A post-Soviet state's label from its key in ``id:``."""
    return label(f"{ID}{key}")


def facility_rows(
    runner: QueryRunner, label: Callable[[object], str], lang: str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """One row per facility and passage, from ``military-facilities-abroad`` (Russia, its default)."""
    rows: list[tuple[str, ...]] = [
        (str(r[f"label{lang.title()}"]), label(r["host"]), str(r["page"] or ""), str(r["quote"] or ""))
        for r in runner.rows(FACILITIES_QUERY, {"state": "RUS"})
    ]
    return FACILITY_HEADINGS[lang], rows
