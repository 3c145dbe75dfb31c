"""The report's text tables: conflicts (from ``conflicts-involving-state``) and Russian facilities abroad."""

from __future__ import annotations

from collections.abc import Callable

from pskg.report.data import QueryRunner, local
from pskg.sources.namespaces import ID

CONFLICTS_QUERY = "conflicts-involving-state"
FACILITIES_QUERY = "military-facilities-abroad"
#: Table headings, in the order of the row tuples below.
CONFLICT_HEADINGS = {
    "fr": ("Conflit", "Parties", "Sur le territoire de", "Territoire", "Début", "Statut (fin 2019)", "Wikidata"),
    "en": ("Conflict", "Parties", "On the territory of", "Territory", "Start", "Status (end of 2019)", "Wikidata"),
}
FACILITY_HEADINGS = {
    "fr": ("Installation", "État hôte", "Page", "Citation de l’article"),
    "en": ("Facility", "Host state", "Page", "The article's words"),
}
STATUS = {"fr": {"Unresolved": "non résolu"}, "en": {"Unresolved": "unresolved"}}


def conflict_rows(
    runner: QueryRunner, states: tuple[str, ...], label: Callable[[object], str], lang: str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """One row per conflict: ``conflicts-involving-state`` run for each post-Soviet state, grouped by conflict."""
    found: dict[str, dict[str, object]] = {}
    for state in states:
        for r in runner.rows(CONFLICTS_QUERY, {"state": state}):
            entry = found.setdefault(str(r["conflict"]), {"party": set(), "locatedIn": set(), "territory": set()})
            entry[local(str(r["involvement"]))].add(state)  # type: ignore[union-attr]
            if r["territory"]:
                entry["territory"].add(label(r["territory"]))  # type: ignore[union-attr]
            entry.update(start=r["startYear"], status=r["status"], wikidata=r["wikidata"])
    rows = []
    for conflict, entry in sorted(found.items(), key=lambda item: label(item[0])):
        status = local(str(entry["status"])) if entry["status"] else ""
        rows.append(
            (
                label(conflict),
                ", ".join(sorted(label_of_state(s, label) for s in entry["party"])),  # type: ignore[union-attr]
                ", ".join(sorted(label_of_state(s, label) for s in entry["locatedIn"])),  # type: ignore[union-attr]
                ", ".join(sorted(entry["territory"])),  # type: ignore[arg-type]
                str(entry["start"] or ""),
                STATUS[lang].get(status, status),
                local(str(entry["wikidata"]).rsplit("/", 1)[-1]) if entry["wikidata"] else "",
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
    rows = [
        (str(r[f"label{lang.title()}"]), label(r["host"]), str(r["page"] or ""), str(r["quote"] or ""))
        for r in runner.rows(FACILITIES_QUERY, {"state": "RUS"})
    ]
    return FACILITY_HEADINGS[lang], rows
