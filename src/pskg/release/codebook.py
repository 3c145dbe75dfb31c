"""The codebook of the CSV panels: every column's name, type, meaning and missing values, in one place.

A political scientist merges the panels with other country-year data and needs to
know, without reading the code, what each value means and which cells are unknown.
This module is that codebook as a Python structure: ``pskg build`` and ``pskg export``
write it beside the CSV files as a Frictionless Data Package (``datapackage.json``),
and a notebook reads the CSV files with the declared types (``pandas_dtypes``).

The coding follows the Correlates of War (COW) Intergovernmental Organizations data
where its scheme applies (see ``pskg.release.panel`` for how each value is derived).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pskg import __version__
from pskg.release.formats import DYADS, OTHER_STATES, PANEL

#: What an empty cell means in every file: missing, never zero.
MISSING_VALUES: tuple[str, ...] = ("",)
FIRST_YEAR = 1991  # independence of the post-Soviet states: the article's starting point
LAST_YEAR = 2019  # the article cites events up to 3 December 2019

#: The COW IGO membership codes of ``member`` (and of ``member_a`` / ``member_b``).
MEMBER_CODES: dict[int, str] = {
    1: "full member",
    2: "associate member",
    3: "observer",
    0: "not a member (the organisation existed)",
    -1: "the organisation did not exist that year",
}
#: The codes of ``partner``: what COW's scheme cannot say (NATO's Partnership for Peace partners).
PARTNER_CODES: dict[int, str] = {
    1: "partner",
    0: "not a partner (the organisation existed)",
    -1: "the organisation did not exist that year",
}
#: The codes of ``joint_member``: joint full membership as COW's dyadic IGO data defines it.
JOINT_CODES: dict[int, str] = {
    1: "both states are full members",
    0: "not both full members (the organisation existed)",
    -1: "the organisation did not exist that year",
}

LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
ARTICLE = (
    "Sophie Momzikoff, « Alliances et coopérations sécuritaires au sein de l'espace postsoviétique » "
    "(membership facts, each with the article's words in the knowledge graph)"
)
COW_LIST = (
    "Correlates of War Project, State System Membership List, v2016, 2017 "
    "(the cow_code and stateabb columns; named graph https://w3id.org/postsoviet-security/graph/cow)"
)
ATTRIBUTION = (
    "Built by postsoviet-security-kg from Sophie Momzikoff's article « Alliances et coopérations sécuritaires au "
    "sein de l'espace postsoviétique »; cite the article and the dataset. COW codes from the Correlates of War "
    "Project's State System Membership List, v2016."
)


def _codes(codes: dict[int, str]) -> str:
    return "; ".join(f"{code} {meaning}" for code, meaning in codes.items()) + "; empty = missing (not known)"


@dataclass(frozen=True)
class Field:
    """One CSV column: its Frictionless type (``string`` or ``integer``), meaning, and allowed values."""

    name: str
    type: str
    description: str
    required: bool = False
    codes: tuple[int, ...] = ()
    format: str = "default"

    @property
    def missing_values(self) -> tuple[str, ...]:
        """The cell texts that mean missing (the same in every column: the empty string)."""
        return MISSING_VALUES

    @property
    def pandas_dtype(self) -> str:
        """The pandas dtype that keeps the declared type: nullable integers (``Int64``) never turn into floats."""
        return "Int64" if self.type == "integer" else "string"

    def schema(self) -> dict[str, Any]:
        """The field as a Frictionless Table Schema field descriptor."""
        described: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.format != "default":
            described["format"] = self.format
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.codes:
            constraints["enum"] = list(self.codes)
        if constraints:
            described["constraints"] = constraints
        return described


@dataclass(frozen=True)
class Table:
    """One CSV file of the release: its columns in order, its key, and what its rows cover."""

    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    sources: tuple[str, ...] = field(default=(ARTICLE, COW_LIST))

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.fields)

    def pandas_dtypes(self) -> dict[str, str]:
        """Column -> pandas dtype, for ``pandas.read_csv(path, dtype=..., keep_default_na=False, na_values=[""])``."""
        return {column.name: column.pandas_dtype for column in self.fields}

    def resource(self) -> dict[str, Any]:
        """The table as a Frictionless tabular data resource."""
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "sources": [{"title": source} for source in self.sources],
            "licenses": [LICENCE],
            "schema": {
                "fields": [column.schema() for column in self.fields],
                "missingValues": list(MISSING_VALUES),
                "primaryKey": list(self.primary_key),
            },
        }


def _state_fields(suffix: str = "", which: str = "the state") -> tuple[Field, ...]:
    return (
        Field(f"state{suffix}", "string", f"English name of {which} (its rdfs:label in English).", required=True),
        Field(
            f"iso3{suffix}",
            "string",
            f"ISO 3166-1 alpha-3 code of {which} (pss:isoAlpha3); the last part of its IRI.",
            required=True,
        ),
        Field(
            f"cow_code{suffix}",
            "integer",
            f"Correlates of War state code (ccode) of {which}, from the COW State System Membership List v2016 "
            "(pss:cowCode, named graph …/graph/cow), not from the article. Serbia carries 345, COW's code for "
            "Yugoslavia, whose continuing state COW takes Serbia to be. Empty where the graph records no code.",
        ),
        Field(
            f"stateabb{suffix}",
            "string",
            f"Correlates of War state abbreviation (stateabb) of {which} (pss:cowStateAbb); it differs from the "
            "ISO code for some states (GRG Georgia, KZK Kazakhstan, KYR Kyrgyzstan, LAT Latvia, LIT Lithuania, "
            "MLD Moldova, TAJ Tajikistan, YUG Serbia).",
        ),
    )


_ORGANISATION = Field(
    "organisation",
    "string",
    "The organisation: the local name of its IRI (CIS, CSTO for the article's « TSC/OTSC », GUAM, NATO, OSCE, "
    "PfP for NATO's Partnership for Peace, SCO).",
    required=True,
)
_YEAR = Field("year", "integer", f"Calendar year, {FIRST_YEAR} to {LAST_YEAR}.", required=True)
_MEMBER = Field(
    "member",
    "integer",
    "The state's status in the organisation that year, coded as the COW IGO data codes it: "
    + _codes(MEMBER_CODES)
    + ". A state holding two statuses in one year gets the fuller one (1 before 2 before 3). "
    "A partner of the Partnership for Peace is not a member (0) and is told by `partner`. "
    "-1 is written only before the founding year the article gives; where it gives none, the organisation is "
    "known to exist from the first year the article attests it (a membership, or a dated instrument or event it "
    "takes part in), and earlier years are missing.",
    codes=tuple(MEMBER_CODES),
)
_PARTNER = Field(
    "partner",
    "integer",
    "What COW's scheme cannot say: whether the state was a partner (pss:Partner, e.g. of NATO's Partnership for "
    "Peace) of the organisation that year: " + _codes(PARTNER_CODES) + ".",
    codes=tuple(PARTNER_CODES),
)
_ROLE = Field(
    "role",
    "string",
    "The roles the graph records for the state that year (FullMember, AssociateMember, Observer, Partner; "
    "several joined by ';'); empty when it records none.",
)
_STATE_IRI = Field("state_iri", "string", "IRI of the state in the knowledge graph.", required=True, format="uri")
_ORGANISATION_IRI = Field(
    "organisation_iri", "string", "IRI of the organisation in the knowledge graph.", required=True, format="uri"
)
_PANEL_FIELDS = (*_state_fields(), _ORGANISATION, _YEAR, _MEMBER, _PARTNER, _ROLE, _STATE_IRI, _ORGANISATION_IRI)

PANEL_TABLE = Table(
    name="state-year",
    path=PANEL,
    title="State-year panel of membership in the organisations of Tableau 2",
    description=(
        "One row per state, organisation and year over the domain where the article's Tableau 2 is a complete "
        f"record: its fifteen row states (the post-Soviet states) times its seven column organisations, "
        f"{FIRST_YEAR}-{LAST_YEAR}. An empty cell of the table means 'not a member', so within this domain 0 is a "
        "true zero. Memberships the article records for other states (Serbia, China, Poland, ...) in these "
        f"organisations are in {OTHER_STATES}; other bodies (e.g. the Warsaw Pact, the Defence Capacity Building "
        "Initiative) have no rows in any CSV file and are in the knowledge graph (saved queries "
        "observers-and-partners, state-timeline). Claims ranked deprecated are ignored."
    ),
    fields=_PANEL_FIELDS,
    primary_key=("iso3", "organisation", "year"),
)

OTHER_STATES_TABLE = Table(
    name="state-year-other-states",
    path=OTHER_STATES,
    title="State-year rows of other states in the organisations of Tableau 2",
    description=(
        "The states outside Tableau 2's rows that the article records as members, observers or partners of one "
        f"of its organisations, one row per state, organisation and year {FIRST_YEAR}-{LAST_YEAR}. The article is "
        "no complete record for them: a status is coded only in the years of a recorded period, -1 before the "
        "organisation's founding year, and every other year is missing (never 0). Same columns as "
        f"{PANEL}."
    ),
    fields=_PANEL_FIELDS,
    primary_key=("iso3", "organisation", "year"),
)

DYAD_TABLE = Table(
    name="dyad-year",
    path=DYADS,
    title="Dyad-year joint full membership in the organisations of Tableau 2",
    description=(
        "One row per pair of Tableau 2's row states (state_a before state_b in ISO order), organisation of "
        f"Tableau 2 and year {FIRST_YEAR}-{LAST_YEAR}: the domain of {PANEL}. joint_member is COW's joint full "
        "membership: 1 when both states are full members that year; 0 when the organisation existed and at "
        "least one of them is known not to be a full member; -1 before the organisation existed; missing when "
        "it depends on a missing member code."
    ),
    fields=(
        *_state_fields("_a", "the first state"),
        *_state_fields("_b", "the second state"),
        _ORGANISATION,
        _YEAR,
        Field("joint_member", "integer", "Joint full membership: " + _codes(JOINT_CODES) + ".", codes=(1, 0, -1)),
        Field("member_a", "integer", "`member` of state_a (as in state-year-panel.csv).", codes=tuple(MEMBER_CODES)),
        Field("member_b", "integer", "`member` of state_b (as in state-year-panel.csv).", codes=tuple(MEMBER_CODES)),
        _ORGANISATION_IRI,
    ),
    primary_key=("iso3_a", "iso3_b", "organisation", "year"),
)

#: The release's CSV files, in the order the Data Package lists them.
TABLES: tuple[Table, ...] = (PANEL_TABLE, OTHER_STATES_TABLE, DYAD_TABLE)


def datapackage() -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV files (no date in it: the same sources, the same file)."""
    return {
        "profile": "tabular-data-package",
        "name": "postsoviet-security-kg-panels",
        "title": "Post-Soviet security alliances: state-year and dyad-year panels",
        "description": (
            "Membership of the fifteen post-Soviet states in the organisations of Tableau 2 of Sophie Momzikoff's "
            f"article, {FIRST_YEAR}-{LAST_YEAR}, coded as the Correlates of War IGO data codes it, with COW state "
            "codes for merging. Computed from the postsoviet-security-kg knowledge graph. " + ATTRIBUTION
        ),
        "version": __version__,
        "id": "https://w3id.org/postsoviet-security/dataset",
        "licenses": [LICENCE],
        "sources": [{"title": ARTICLE}, {"title": COW_LIST}],
        "resources": [table.resource() for table in TABLES],
    }


def write_datapackage(path: Path) -> None:
    """Write the descriptor to ``path`` (``datapackage.json`` beside the CSV files), keys in reading order."""
    path.write_text(json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
