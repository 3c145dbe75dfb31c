"""``pskg report``: Tableau 2 rebuilt cell by cell, Figure 10, the timelines, and the page in a real browser."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph

from pskg.cli import main
from pskg.release.build import build
from pskg.report.browser import find_chromium, render
from pskg.report.charts import figure_10_svg
from pskg.report.data import (
    QueryRunner,
    Spending,
    figure_10,
    labels,
    membership_matrix,
    organisation_counts,
    tableau_2,
    timelines,
)
from pskg.report.extra import CONFLICTS_QUERY, FACILITIES_QUERY
from pskg.report.page import build_report
from pskg.sources.resources import resource_dir
from tests.conftest import REPO
from tests.support.tableau2_expected import (
    COLUMN_KEYS,
    DEPRECATED_CELLS,
    LOOSE_CELLS,
    NOTE_BALTIC_1999,
    NOTE_GEORGIA_NO_PFP,
    TABLEAU_2,
)

SVG = "{http://www.w3.org/2000/svg}"
ENGLISH_STATES = ("Armenia", "Azerbaijan", "Belarus", "Estonia", "Georgia", "Kazakhstan", "Kyrgyzstan", "Latvia")
ENGLISH_STATES += ("Lithuania", "Moldova", "Uzbekistan", "Russia", "Tajikistan", "Turkmenistan", "Ukraine")


@pytest.fixture(scope="module")
def report(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report in both languages, written once into a temporary ``dist/``."""
    dist = tmp_path_factory.mktemp("report") / "dist"
    return build_report(dist, graph=graph).folder


class _TableReader(HTMLParser):
    """Reads one ``<table id=…>``: per row, the row heading and each cell's text (without note marks) and class."""

    def __init__(self, identifier: str) -> None:
        super().__init__()
        self.identifier, self.inside, self.skip = identifier, False, 0
        self.rows: list[tuple[str, list[tuple[str, str, str]]]] = []
        self.current: list[str] | None = None
        self.cell: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "table" and attributes.get("id") == self.identifier:
            self.inside = True
        if not self.inside:
            return
        if tag in {"sup", "span"} and attributes.get("class") in {"note-ref", "dagger"}:
            self.skip += 1
        elif tag == "th" and attributes.get("scope") == "row":
            self.rows.append(("", []))
            self.current = []
        elif tag == "td":
            self.cell = attributes
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag in {"sup", "span"} and self.skip:
            self.skip -= 1
        if tag == "table":
            self.inside = False
        elif tag == "th" and self.current is not None:
            self.rows[-1] = ("".join(self.current).strip(), self.rows[-1][1])
            self.current = None
        elif tag == "td" and self.current is not None:
            self.rows[-1][1].append(
                ("".join(self.current).strip(), self.cell.get("class", ""), self.cell.get("title", ""))
            )
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skip:
            self.current.append(data)


def _table(page: Path, identifier: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    reader = _TableReader(identifier)
    reader.feed(page.read_text(encoding="utf-8"))
    return reader.rows


# --- Tableau 2, cell by cell -------------------------------------------------------------------------------


def test_rebuilt_tableau_2_matches_the_article_cell_by_cell(runner: QueryRunner) -> None:
    rows = tableau_2(runner)
    assert [row.state_fr for row in rows] == list(TABLEAU_2), "rows in the article's order"
    assert {row.state_fr: row.texts() for row in rows} == TABLEAU_2


def test_only_the_baltic_nato_cells_are_deprecated_with_their_note(runner: QueryRunner) -> None:
    rows = tableau_2(runner)
    deprecated = {(row.state_fr, key) for row in rows for key, cell in row.cells.items() if cell.deprecated}
    assert deprecated == DEPRECATED_CELLS
    for row in rows:
        for key, cell in row.cells.items():
            assert cell.page == 3 and cell.locator.startswith(f"Tableau 2, {row.state_fr} × "), (row.state_fr, key)
            expected = [NOTE_BALTIC_1999] if (row.state_fr, key) in DEPRECATED_CELLS else []
            if row.state_fr == "Géorgie":  # Tableau 2's silence on Georgia's PfP, derived from the cells it has
                expected = [NOTE_GEORGIA_NO_PFP]
            assert cell.notes == expected


def test_the_estonian_dash_has_no_column(runner: QueryRunner) -> None:
    loose = {(row.state_fr, cell.index, cell.text) for row in tableau_2(runner) for cell in row.loose}
    assert loose == LOOSE_CELLS


@pytest.mark.parametrize(("lang", "states"), [("fr", tuple(TABLEAU_2)), ("en", ENGLISH_STATES)])
def test_html_tableau_2_matches_the_article_cell_by_cell(report: Path, lang: str, states: tuple[str, ...]) -> None:
    rows = _table(report / f"{lang}.html", f"tableau-2-{lang}")
    assert [name for name, _ in rows] == list(states)
    assert [tuple(text for text, _, _ in cells) for _, cells in rows] == list(TABLEAU_2.values())
    for (name, cells), state in zip(rows, TABLEAU_2, strict=True):
        for (text, css, title), key in zip(cells, COLUMN_KEYS, strict=True):
            assert (css == "deprecated") == ((state, key) in DEPRECATED_CELLS), (name, key)
            if text:
                assert title.startswith(f"« {text} » — p. 3, Tableau 2, {state} × "), title
            if css == "deprecated":
                assert NOTE_BALTIC_1999 in title


def test_html_tableau_2_footnotes_the_estonian_dash_and_the_deprecated_claims(report: Path) -> None:
    page = (report / "fr.html").read_text(encoding="utf-8")
    assert "Estonie: « - » — cellule sans colonne" in page
    assert page.count("« 1999 » dépréciée.") == 3
    assert 'href="#t2-fr-note-1"' in page


# --- Figure 10 and the other pictures -----------------------------------------------------------------------


def test_figure_10_values_unit_and_russian_share(runner: QueryRunner, report: Path) -> None:
    values = {s.state: (s.value, s.share) for s in figure_10(runner)}
    assert {k: (int(v), float(s)) for k, (v, s) in values.items() if v is not None} == {
        "RUS": (45349, 94.0),
        "KAZ": (1590, 3.3),
        "BLR": (604, 1.3),
        "ARM": (506, 1.0),
        "TJK": (217, 0.4),
    }
    assert values["KGZ"] == (None, None)
    french = (report / "figure-10.fr.svg").read_text(encoding="utf-8")
    english = (report / "figure-10.en.svg").read_text(encoding="utf-8")
    assert "45\u202f349 M$ · 94 %" in french and "millions de dollars US" in french and "pas de valeur" in french
    assert "45,349 M$ · 94 %" in english and "Russia accounts for 94 %" in english


def test_figure_10_draws_a_value_whose_share_is_unbound(runner: QueryRunner) -> None:
    """A share is unbound when the 2018 total is zero: its bar, tooltip and label say 0 %, with no TypeError."""
    svg = figure_10_svg([Spending("RUS", Decimal(0), None)], labels(runner), "en")
    assert "Russia: 0 M$ · 0 %" in svg and "Russia: 0 %" in svg and "Russia 0 %" in svg


def test_counts_and_matrix(runner: QueryRunner) -> None:
    names = labels(runner)
    counts = organisation_counts(timelines(runner, names.post_soviet))
    assert counts["GEO"][1991] == 0 and counts["GEO"][1999] == 4 and counts["GEO"][2019] == 2
    assert counts["UKR"][2018] == 4 and counts["UKR"][2019] == 3, "Ukraine left the CIS in 2018"
    assert counts["EST"][1999] == 1 and counts["EST"][2004] == 2, "the deprecated NATO 1999 claim is not counted"
    matrix = membership_matrix(runner, 1992, ("CSTO", "CIS"))
    assert matrix["UZB"] == {"CSTO": "FullMember", "CIS": "FullMember"}
    assert matrix["TKM"] == {"CIS": "Observer"}


def test_timeline_draws_deprecated_claims_and_roles_distinctly(report: Path) -> None:
    svg = ET.parse(report / "timeline.en.svg").getroot()
    bars = {r.findtext(f"{SVG}title"): r.attrib for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None}
    baltic = bars["Estonia · NATO · member · 1999–, deprecated"]
    assert baltic["fill"] == "url(#timeline-en-hatch-deprecated)" and baltic["stroke-dasharray"]
    assert "stroke-dasharray" not in bars["Estonia · NATO · member · 2004–"]
    assert bars["Armenia · PfP · partner · 1994–"]["fill-opacity"] == "0.3"
    assert bars["Turkmenistan · CIS · observer · 1991–1993"]["fill"] == "#ffffff"


def test_every_svg_has_a_title_and_a_description(report: Path) -> None:
    files = sorted(report.glob("*.svg"))
    assert {f.name.split(".")[0] for f in files} == {
        "figure-10",
        "timeline",
        "matrix",
        "counts",
        "map-overlap",
        "map-tableau-2",
    }
    for path in files:
        root = ET.parse(path).getroot()
        assert root[0].tag == f"{SVG}title" and root[0].text, path.name
        assert root[1].tag == f"{SVG}desc" and root[1].text, path.name


def test_every_picture_names_its_saved_queries_which_are_beside_it(report: Path) -> None:
    page = (report / "en.html").read_text(encoding="utf-8")
    for key, query in [("tableau-2", "tableau-2"), ("figure-10", "csto-spending-2018"), ("timeline", "state-timeline")]:
        section = page.split(f'<section id="{key}">', 1)[1].split("</section>", 1)[0]
        assert f'href="queries/{query}.rq"' in section, key
    for name in ("matrix", "counts"):
        assert f'<section id="{name}">' in page
    linked = {part.split('"', 1)[0] for part in page.split('href="queries/')[1:]}
    assert linked and all((report / "queries" / name).is_file() for name in linked)
    assert 'href="../docs/index.html"' in page and 'href="fr.html"' in page


@pytest.mark.skipif(
    not all((resource_dir("queries") / f"{name}.rq").is_file() for name in (CONFLICTS_QUERY, FACILITIES_QUERY)),
    reason="the conflicts and facilities queries are not in this checkout yet",
)
def test_conflicts_and_facilities_tables(report: Path) -> None:
    conflicts = {row[0]: row[1:] for row in _rows_of(report / "en.html", "conflicts-en")}
    assert len(conflicts) == 8
    assert conflicts["Russo-Georgian War (2008)"] == ("Russia", "Georgia", "", "2008", "", "Q620735")
    assert conflicts["War in Donbas (since 2014)"] == ("Russia", "Ukraine", "Donbas", "2014", "unresolved", "Q16335075")
    assert conflicts["Nagorno-Karabakh conflict"][:2] == ("Armenia, Azerbaijan", "")
    facilities = _rows_of(report / "en.html", "facilities-en")
    assert [row[:2] for row in facilities] == [
        ("Russian military base at Gyumri", "Armenia"),
        ("Hantsavichy radar station", "Belarus"),
        ("Vileyka communication centres", "Belarus"),
        ("Baikonur base", "Kazakhstan"),
    ]


def _rows_of(page: Path, identifier: str) -> list[tuple[str, ...]]:
    text = page.read_text(encoding="utf-8").split(f'id="{identifier}"', 1)[1].split("</table>", 1)[0]
    rows = [row.split("</tr>", 1)[0] for row in text.split("<tbody>", 1)[1].split("<tr>")[1:]]
    return [tuple(cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:]) for row in rows]


def test_ontology_docs_are_written_beside_the_report(report: Path) -> None:
    docs = report.parent / "docs" / "index.html"
    page = docs.read_text(encoding="utf-8")
    for term in ("Membership", "SourcePassage", "startYear", "Ontologie des alliances", "<h2>Classes"):
        assert term in page, term
    assert "<script src=" not in page and '<link href="http' not in page, "the docs open without a network"
    assert (report.parent / "docs" / "pss.ttl").is_file()


# --- The command ----------------------------------------------------------------------------------------------


def test_pskg_report_writes_the_report_beside_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dist = tmp_path / "dist"
    build(dist)
    assert main(["report", "--dist", str(dist), "--lang", "en", "--year", "2004"]) == 0
    out, err = capsys.readouterr()
    assert "report written to" in out and "· running the saved queries…" in err
    assert (dist / "postsoviet-security-kg.ttl").is_file(), "the build's files stay"
    assert (dist / "report" / "index.html").read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "States × organisations in 2004" in (dist / "report" / "matrix.en.svg").read_text(encoding="utf-8")
    assert not (dist / "report" / "fr.html").exists()
    build(dist)
    assert (dist / "report" / "index.html").is_file(), "a later build keeps the report"


def test_pskg_report_refuses_a_year_outside_the_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["report", "--dist", str(tmp_path), "--year", "1950"]) == 2
    assert "--year expects a year from 1991 to 2019" in capsys.readouterr().err


# --- In a real browser ----------------------------------------------------------------------------------------


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    if find_chromium() is None:
        pytest.fail("no Chromium on PATH: run scripts/install-test-services.sh (make test does)")
    screenshot = tmp_path / "report.png"
    rendering = render(report / "index.html", screenshot)
    assert rendering.errors == ()
    assert screenshot.stat().st_size > 20_000, "the screenshot is not blank"
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for heading in ("Tableau 2 — ", "Figure 10 — ", "Appartenance aux organisations", "États × organisations"):
        assert f"<h2>{heading}" in rendering.dom
    for cells in TABLEAU_2.values():
        for text in filter(None, cells):
            assert f'<span class="cell-text">{text}</span>' in rendering.dom
    assert render(report.parent / "docs" / "index.html").errors == (), "the ontology docs render too"
    shutil.copy(screenshot, report / "report.png")
    local_copy = REPO / "dist" / "report"
    local_copy.mkdir(parents=True, exist_ok=True)
    shutil.copy(screenshot, local_copy / "screenshot.png")


def test_the_report_from_the_built_store_equals_the_one_from_rdflib(report: Path, tmp_path: Path) -> None:
    """``pskg report`` reads the validated built store; the rdflib graph (the fixture's) gives the same bytes."""
    from_store = build_report(tmp_path / "dist", docs=False).folder
    written = sorted(path.relative_to(from_store) for path in from_store.rglob("*") if path.is_file())
    assert len(written) > 20 and Path("en.html") in written
    for name in written:
        assert (from_store / name).read_bytes() == (report / name).read_bytes(), name
