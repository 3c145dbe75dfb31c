"""The CSV panels as a Correlates of War user reads them: COW codes, COW's membership codes, the domain of
Tableau 2, integers as integers, and a codebook that frictionless and pandas accept.

The expected rows are written out one by one, each with the article's fact (or the graph's
founding year) that makes it so; they come from the release ``pskg build`` writes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pskg.release.codebook import DYAD_TABLE, OTHER_STATES_TABLE, PANEL_TABLE, TABLES, datapackage
from pskg.release.formats import DATAPACKAGE, DYADS, OTHER_STATES, PANEL
from pskg.release.panel import YEARS, Existence, code_year, joint_membership

Key = tuple[str, str, int]


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _by_key(path: Path) -> dict[Key, dict[str, str]]:
    return {(r["iso3"], r["organisation"], int(r["year"])): r for r in _rows(path)}


# (state, organisation, year): (member, partner, role) — "" is missing.
PANEL_ROWS: dict[Key, tuple[str, str, str]] = {
    # the SCO's founding year is 2001 (pss:foundingYear, p. 5 of the article): -1 before it, as COW writes
    ("KAZ", "SCO", 1991): ("-1", "-1", ""),
    ("KAZ", "SCO", 2000): ("-1", "-1", ""),
    ("KAZ", "SCO", 2001): ("1", "0", "FullMember"),
    ("ARM", "SCO", 2001): ("0", "0", ""),
    # the Collective Security Treaty of 1992 is the CSTO's founding year
    ("KAZ", "CSTO", 1991): ("-1", "-1", ""),
    ("KAZ", "CSTO", 1992): ("1", "0", "FullMember"),
    ("ARM", "CSTO", 2019): ("1", "0", "FullMember"),
    ("UKR", "CSTO", 2019): ("0", "0", ""),  # Tableau 2 covers Ukraine and the CSTO: a true zero
    ("AZE", "CSTO", 1999): ("1", "0", "FullMember"),
    ("AZE", "CSTO", 2000): ("0", "0", ""),  # Azerbaijan left the treaty in 1999
    ("UZB", "CSTO", 2005): ("0", "0", ""),
    ("UZB", "CSTO", 2006): ("1", "0", "FullMember"),  # Uzbekistan's second period, 2006-2012
    ("UZB", "CSTO", 2013): ("0", "0", ""),
    # Turkmenistan, an observer of the CIS to 1993: COW's 3, not 1
    ("TKM", "CIS", 1991): ("3", "0", "Observer"),
    ("TKM", "CIS", 1993): ("3", "0", "Observer"),
    ("TKM", "CIS", 1994): ("0", "0", ""),
    ("GEO", "CIS", 1992): ("0", "0", ""),  # the CIS existed: its members of 1991
    ("GEO", "CIS", 1993): ("1", "0", "FullMember"),
    ("GEO", "CIS", 2010): ("0", "0", ""),  # Georgia left in 2009
    ("UKR", "CIS", 2018): ("1", "0", "FullMember"),
    ("UKR", "CIS", 2019): ("0", "0", ""),
    # the Partnership for Peace (founded 1994): a partner is no member; `partner` says it
    ("BLR", "PfP", 1993): ("-1", "-1", ""),
    ("BLR", "PfP", 1994): ("0", "0", ""),
    ("BLR", "PfP", 1995): ("0", "1", "Partner"),
    ("ARM", "PfP", 1994): ("0", "1", "Partner"),
    # NATO: the article gives no founding year, but note 11's CFE Treaty (1990) has it take part: 0 from 1991
    ("EST", "NATO", 1998): ("0", "0", ""),
    ("RUS", "NATO", 1991): ("0", "0", ""),
    ("EST", "NATO", 2003): ("0", "0", ""),  # Tableau 2's 1999 for Estonia is deprecated
    ("EST", "NATO", 2004): ("1", "0", "FullMember"),
    # the OSCE: no founding year either, but Russia's membership from 1975 shows it existed
    ("ARM", "OSCE", 1991): ("0", "0", ""),
    ("ARM", "OSCE", 1992): ("1", "0", "FullMember"),
    ("EST", "OSCE", 1991): ("1", "0", "FullMember"),
    # GUAM, founded 1997
    ("MDA", "GUAM", 1996): ("-1", "-1", ""),
    ("MDA", "GUAM", 1997): ("1", "0", "FullMember"),
    ("UZB", "GUAM", 1998): ("0", "0", ""),
    ("UZB", "GUAM", 1999): ("1", "0", "FullMember"),
    ("UZB", "GUAM", 2006): ("0", "0", ""),
}

# Other states: coded only in their recorded periods (and -1 before the founding year), missing elsewhere.
OTHER_ROWS: dict[Key, tuple[str, str, str]] = {
    ("SRB", "CSTO", 1991): ("-1", "-1", ""),
    ("SRB", "CSTO", 2012): ("", "", ""),  # the article is silent: missing, not 0
    ("SRB", "CSTO", 2013): ("3", "", "Observer"),  # Serbia, observer since 2013: COW's 3
    ("SRB", "CSTO", 2019): ("3", "", "Observer"),
    ("POL", "NATO", 1998): ("", "", ""),
    ("POL", "NATO", 1999): ("1", "", "FullMember"),
    ("CHN", "SCO", 2000): ("-1", "-1", ""),
    ("CHN", "SCO", 2001): ("1", "", "FullMember"),
    ("IND", "SCO", 2016): ("", "", ""),
    ("IND", "SCO", 2017): ("1", "", "FullMember"),
}

# COW ccode and stateabb (COW State System Membership List v2016), as ../shared/reference lists them.
COW: dict[str, tuple[str, str]] = {
    "ARM": ("371", "ARM"),
    "AZE": ("373", "AZE"),
    "BLR": ("370", "BLR"),
    "EST": ("366", "EST"),
    "GEO": ("372", "GRG"),
    "KAZ": ("705", "KZK"),
    "KGZ": ("703", "KYR"),
    "LVA": ("367", "LAT"),
    "LTU": ("368", "LIT"),
    "MDA": ("359", "MLD"),
    "RUS": ("365", "RUS"),
    "TJK": ("702", "TAJ"),
    "TKM": ("701", "TKM"),
    "UKR": ("369", "UKR"),
    "UZB": ("704", "UZB"),
}
OTHER_COW: dict[str, tuple[str, str]] = {
    "SRB": ("345", "YUG"),  # COW's continuing state of Yugoslavia
    "POL": ("290", "POL"),
    "HUN": ("310", "HUN"),
    "CZE": ("316", "CZR"),
    "CHN": ("710", "CHN"),
    "IND": ("750", "IND"),
    "PAK": ("770", "PAK"),
}

# (state a, state b, organisation, year): (joint_member, member_a, member_b)
DYAD_ROWS: dict[tuple[str, str, str, int], tuple[str, str, str]] = {
    ("ARM", "RUS", "CSTO", 2019): ("1", "1", "1"),
    ("AZE", "RUS", "CSTO", 2000): ("0", "0", "1"),
    ("KAZ", "RUS", "SCO", 2000): ("-1", "-1", "-1"),
    ("KAZ", "RUS", "SCO", 2001): ("1", "1", "1"),
    ("ARM", "KAZ", "SCO", 2001): ("0", "0", "1"),
    ("ARM", "BLR", "PfP", 1995): ("0", "0", "0"),  # two partners are not joint full members
    ("EST", "LVA", "NATO", 1998): ("0", "0", "0"),
    ("ARM", "LVA", "NATO", 2019): ("0", "0", "1"),
    ("EST", "LVA", "NATO", 2004): ("1", "1", "1"),
    ("TKM", "UZB", "CIS", 1992): ("0", "3", "1"),  # an observer and a full member
}


def test_panel_rows_are_coded_as_cow_codes_them(release: Path) -> None:
    panel = _by_key(release / PANEL)
    for key, expected in PANEL_ROWS.items():
        row = panel[key]
        assert (row["member"], row["partner"], row["role"]) == expected, key


def test_other_states_are_coded_only_where_the_article_speaks(release: Path) -> None:
    others = _by_key(release / OTHER_STATES)
    for key, expected in OTHER_ROWS.items():
        row = others[key]
        assert (row["member"], row["partner"], row["role"]) == expected, key
    assert "0" not in {row["member"] for row in others.values()}, "outside Tableau 2 an absence is never a zero"
    assert {(iso, org) for iso, org, _ in others} == {
        ("SRB", "CSTO"),
        ("POL", "NATO"),
        ("HUN", "NATO"),
        ("CZE", "NATO"),
        ("CHN", "SCO"),
        ("IND", "SCO"),
        ("PAK", "SCO"),
    }


def test_the_panel_domain_is_tableau_2_over_1991_2019(release: Path) -> None:
    panel = _by_key(release / PANEL)
    assert {iso for iso, _, _ in panel} == set(COW)
    assert {org for _, org, _ in panel} == {"CIS", "CSTO", "GUAM", "NATO", "OSCE", "PfP", "SCO"}
    assert {year for _, _, year in panel} == set(YEARS) and len(panel) == 15 * 7 * len(YEARS)


def test_every_state_carries_its_cow_code_and_abbreviation(release: Path) -> None:
    for path, codes in ((release / PANEL, COW), (release / OTHER_STATES, OTHER_COW)):
        seen = {row["iso3"]: (row["cow_code"], row["stateabb"]) for row in _rows(path)}
        assert seen == codes, path.name


def test_dyads_code_joint_full_membership(release: Path) -> None:
    panel = _by_key(release / PANEL)
    dyads = _rows(release / DYADS)
    assert len(dyads) == 15 * 14 // 2 * 7 * len(YEARS)
    indexed = {(r["iso3_a"], r["iso3_b"], r["organisation"], int(r["year"])): r for r in dyads}
    for key, expected in DYAD_ROWS.items():
        row = indexed[key]
        assert (row["joint_member"], row["member_a"], row["member_b"]) == expected, key
    for row in dyads[:: max(1, len(dyads) // 300)]:
        year = int(row["year"])
        assert row["iso3_a"] < row["iso3_b"]
        assert row["member_a"] == panel[(row["iso3_a"], row["organisation"], year)]["member"]
        assert row["member_b"] == panel[(row["iso3_b"], row["organisation"], year)]["member"]
        assert (row["joint_member"] == "1") == (row["member_a"] == row["member_b"] == "1")


@pytest.mark.parametrize(
    ("roles", "covered", "year", "expected"),
    [
        ({"FullMember", "Observer"}, True, 2005, (1, 0)),  # the fuller status wins
        ({"AssociateMember"}, True, 2005, (2, 0)),
        ({"Observer", "Partner"}, False, 2005, (3, 1)),
        (set(), True, 1999, (-1, -1)),  # before the founding year
        (set(), False, 1999, (-1, -1)),
        (set(), True, 2005, (0, 0)),
        (set(), False, 2005, (None, None)),  # outside Tableau 2: the article is silent
        ({"Envoy"}, True, 2005, (None, 0)),  # a role COW's scheme does not know: not "not a member"
    ],
)
def test_code_year(roles: set[str], covered: bool, year: int, expected: tuple[int | None, int | None]) -> None:
    codes = code_year(roles, Existence(founded=2001, first_attested=2003), year, covered)
    assert (codes.member, codes.partner) == expected


def test_existence_without_a_founding_year_starts_with_the_first_attestation() -> None:
    existence = Existence(founded=None, first_attested=1999)
    assert [existence.code(year) for year in (1998, 1999)] == [None, 0]
    assert Existence(None, None).code(2019) is None, "nothing known: never -1, never 0"


@pytest.mark.parametrize(
    ("a", "b", "joint"), [(1, 1, 1), (1, 3, 0), (0, None, 0), (1, None, None), (-1, -1, -1), (None, None, None)]
)
def test_joint_membership(a: int | None, b: int | None, joint: int | None) -> None:
    assert joint_membership(a, b) == joint


def test_integer_columns_hold_integers(release: Path) -> None:
    for table in TABLES:
        integers = [field.name for field in table.fields if field.type == "integer"]
        for row in _rows(release / table.path):
            for name in integers:
                assert row[name] == "" or row[name].lstrip("-").isdigit(), (table.path, name, row[name])


def test_the_codebook_is_written_beside_the_csv_files(release: Path) -> None:
    package = json.loads((release / DATAPACKAGE).read_text(encoding="utf-8"))
    assert package == datapackage()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("Momzikoff" in source["title"] for source in package["sources"])
    assert any("Correlates of War" in source["title"] for source in package["sources"])
    for resource, table in zip(package["resources"], TABLES, strict=True):
        header = (release / table.path).read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == [field["name"] for field in resource["schema"]["fields"]]
        assert all(field["description"] for field in resource["schema"]["fields"])
        assert resource["schema"]["missingValues"] == [""]
    listed = {line.split()[-1].lstrip("*") for line in (release / "SHA256SUMS").read_text().splitlines()}
    assert {DATAPACKAGE, *(table.path for table in TABLES)} <= listed, "the checksums cover the codebook and CSVs"


def _frictionless(folder: Path) -> dict:
    tool = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(tool), "validate", "--json", DATAPACKAGE], cwd=folder, capture_output=True, text=True, timeout=300
    )
    return json.loads(done.stdout)


def test_frictionless_validates_the_package(release: Path) -> None:
    report = _frictionless(release)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert len(report["tasks"]) == len(TABLES)


def test_frictionless_rejects_a_float_or_an_unknown_code(tmp_path: Path, release: Path) -> None:
    """The check can fail: ``1.0`` (what the old panel gave pandas users) and a code outside COW's are errors."""
    for name in (DATAPACKAGE, *(table.path for table in TABLES)):
        shutil.copy(release / name, tmp_path / name)
    panel = (tmp_path / PANEL).read_text(encoding="utf-8")
    broken = panel.replace(",2019,1,0,FullMember,", ",2019,1.0,0,FullMember,", 1)
    broken = broken.replace(",2019,0,0,,", ",2019,7,0,,", 1)
    assert broken.count(",1.0,") == 1 and broken.count(",2019,7,") == 1
    (tmp_path / PANEL).write_text(broken, encoding="utf-8")
    report = _frictionless(tmp_path)
    assert not report["valid"]
    errors = {error["type"] for task in report["tasks"] for error in task["errors"]}
    assert {"type-error", "constraint-error"} <= errors, errors


def test_pandas_reads_the_declared_types(release: Path) -> None:
    """The types come from the written datapackage.json, as a user without pskg would take them."""
    import pandas  # a test dependency; the package itself never needs it

    package = json.loads((release / DATAPACKAGE).read_text(encoding="utf-8"))
    frames = {}
    for resource, table in zip(package["resources"], TABLES, strict=True):
        fields = resource["schema"]["fields"]
        dtypes = {field["name"]: "Int64" if field["type"] == "integer" else "string" for field in fields}
        assert dtypes == table.pandas_dtypes()
        missing = resource["schema"]["missingValues"]
        frames[resource["name"]] = pandas.read_csv(
            release / resource["path"], dtype=dtypes, keep_default_na=False, na_values=missing
        )
    panel = frames[PANEL_TABLE.name]
    assert str(panel["member"].dtype) == "Int64" and str(panel["cow_code"].dtype) == "Int64"
    indexed = panel.set_index(["iso3", "organisation", "year"])
    assert indexed.loc[("KAZ", "SCO", 1991), "member"] == -1
    assert indexed.loc[("ARM", "CSTO", 2019), "cow_code"] == 371
    assert not panel["member"].isna().any(), "Tableau 2's domain is a complete record: no missing code"
    others = frames[OTHER_STATES_TABLE.name].set_index(["iso3", "organisation", "year"])
    assert others.loc[("SRB", "CSTO", 2013), "member"] == 3
    assert pandas.isna(others.loc[("SRB", "CSTO", 2012), "member"])
    dyads = frames[DYAD_TABLE.name]
    assert str(dyads["joint_member"].dtype) == "Int64"
    assert int(dyads["joint_member"].eq(1).sum()) > 0
