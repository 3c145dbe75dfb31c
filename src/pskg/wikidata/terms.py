"""The Wikidata vocabulary pskg relies on, and how sure we are of each piece.

Property ids marked ``checked`` are in the project's checked list of Wikidata ids;
the others are assumptions that ``pskg link check`` verifies against the endpoint
by their English label on every run. Classes (sovereign state, military alliance,
war …) and roles (observer …) are never named by id: they are matched by English
label, so no class id needs to be trusted. Every set below can be extended from
the command line (``pskg link check --accept KIND=LABEL``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WikidataProperty:
    """A property id, the English label Wikidata gives it, and whether the id was checked."""

    id: str
    label: str
    checked: bool


#: Every property id that appears in pskg's queries to Wikidata.
PROPERTIES: tuple[WikidataProperty, ...] = (
    WikidataProperty("P31", "instance of", checked=False),
    WikidataProperty("P279", "subclass of", checked=False),
    WikidataProperty("P36", "capital", checked=False),
    WikidataProperty("P463", "member of", checked=True),
    WikidataProperty("P580", "start time", checked=True),
    WikidataProperty("P582", "end time", checked=True),
    WikidataProperty("P571", "inception", checked=True),
    WikidataProperty("P576", "dissolved, abolished or demolished date", checked=True),
    WikidataProperty("P298", "ISO 3166-1 alpha-3 code", checked=True),
    WikidataProperty("P2868", "subject has role", checked=True),
)

#: What a linked item must be an instance of (via P31/P279*), by English class label, per kind of resource.
ACCEPTED_CLASSES: dict[str, frozenset[str]] = {
    "state": frozenset({"sovereign state", "country"}),
    "organisation": frozenset(
        {
            "organization",
            "international organization",
            "intergovernmental organization",
            "regional organization",
            "military alliance",
            "alliance",
        }
    ),
    "conflict": frozenset(
        {"war", "armed conflict", "conflict", "military operation", "military intervention", "annexation"}
    ),
    "territory": frozenset(
        {
            "geographic region",
            "territory",
            "peninsula",
            "disputed territory",
            "state with limited recognition",
            "unrecognized state",
        }
    ),
    "person": frozenset({"human"}),
    "instrument": frozenset({"treaty", "international treaty", "agreement"}),
}

#: Role qualifier (P2868) labels, by the words they contain, as the contract's roles; no role = full member.
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("observer", "Observer"),
    ("associate", "AssociateMember"),
    ("partner", "Partner"),
    ("member", "FullMember"),
)

#: Label languages ``pskg link enrich`` brings in: Russian and the languages of the region (ISO 639-1).
REGION_LANGUAGES: tuple[str, ...] = (
    "ru",
    "uk",
    "be",
    "hy",
    "az",
    "ka",
    "kk",
    "ky",
    "uz",
    "tg",
    "tk",
    "ro",
    "et",
    "lv",
    "lt",
)
