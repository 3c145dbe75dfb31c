"""The report's map: outlines rebuilt byte for byte, colours from ``state-status-in-year``, and the map in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from pskg.queries.catalogue import find_query, run_query
from pskg.report.browser import find_chromium, render
from pskg.report.data import (
    FIRST_YEAR,
    LAST_YEAR,
    TABLEAU_2_COLUMNS,
    QueryRunner,
    labels,
    organisation_counts,
    timelines,
)
from pskg.report.map import (
    COLOURS,
    STATUS_QUERY,
    STATUSES,
    describe,
    outlines,
    overlap_counts,
    status_grid,
    statuses,
)
from pskg.report.page import build_report
from tests.conftest import REPO

OUTLINES = REPO / "src" / "pskg" / "report" / "assets" / "post-soviet-outlines.json"
SCRIPT = REPO / "scripts" / "build_map_outlines.py"
#: A world-atlas 2.0.2 tarball (``npm pack world-atlas@2.0.2``) or unpacked package folder.
ATLAS_VARIABLE = "PSKG_WORLD_ATLAS"
ORGANISATIONS = ("NATO", "CSTO", "SCO", "GUAM", "PfP", "CIS", "OSCE", "DCBI")
LEAVERS_1999 = ("AZE", "GEO", "UZB")


@pytest.fixture(scope="module")
def report(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both languages, without the ontology docs (tests/report/test_report.py covers those)."""
    return build_report(tmp_path_factory.mktemp("map") / "dist", graph=graph, docs=False).folder


# --- The outlines ----------------------------------------------------------------------------------------------


def test_outlines_key_the_fifteen_states_by_the_graphs_iso_codes(runner: QueryRunner) -> None:
    codes = {str(r["isoAlpha3"]) for r in runner.rows("post-soviet-states")}
    shapes = outlines()
    assert len(codes) == 15 and set(shapes.post_soviet) == codes
    assert codes <= set(shapes.paths) and codes == set(shapes.labels)
    for code, path in shapes.paths.items():
        assert re.fullmatch(r"(M[-0-9. L]+Z)+", path), code
    for x, y in shapes.labels.values():
        assert 0 < x < shapes.width and 0 < y < shapes.height


def test_outlines_state_their_source_version_and_licence() -> None:
    header = json.loads(OUTLINES.read_text(encoding="utf-8"))
    assert "Natural Earth" in header["source"] and "world-atlas 2.0.2" in header["source"]
    assert "public domain" in header["licence"] and "ISC" in header["licence"]
    assert "Albers equal-area conic" in header["projection"]
    assert OUTLINES.stat().st_size < 150_000, "simplified: small enough to inline three times per page"


def _world_atlas(tmp_path: Path) -> Path:
    """The package from ``PSKG_WORLD_ATLAS``, else from npm's local cache (never the network), else skip."""
    given = os.environ.get(ATLAS_VARIABLE)
    if given:
        if not Path(given).exists():
            pytest.fail(f"{ATLAS_VARIABLE}={given}: no such file or folder")
        return Path(given)
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"no npm and no {ATLAS_VARIABLE}: cannot rebuild the outlines (npm pack world-atlas@2.0.2)")
    command = [npm, "pack", "world-atlas@2.0.2", "--offline", "--ignore-scripts", "--pack-destination", str(tmp_path)]
    try:
        packed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.skip("npm pack --offline timed out")
    tarball = tmp_path / "world-atlas-2.0.2.tgz"
    if packed.returncode != 0 or not tarball.is_file():
        pytest.skip(
            f"world-atlas 2.0.2 is not in npm's cache (npm pack --offline failed); set {ATLAS_VARIABLE} to the "
            "tarball of `npm pack world-atlas@2.0.2` to rebuild the outlines"
        )
    return tarball


def test_script_rebuilds_the_outlines_byte_for_byte(tmp_path: Path) -> None:
    source = _world_atlas(tmp_path)
    rebuilt = tmp_path / "outlines.json"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "--output", str(rebuilt)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert rebuilt.read_bytes() == OUTLINES.read_bytes(), "run scripts/build_map_outlines.py and commit the file"


def test_script_refuses_a_missing_package(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nothing.tgz"), "--output", str(tmp_path / "out.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr


# --- The colours come from the saved query ------------------------------------------------------------------------


def test_the_query_gives_exactly_one_row_per_state_for_every_organisation_and_year(graph: Graph) -> None:
    query = find_query(STATUS_QUERY)
    for organisation in ("CSTO", "NATO", "CIS"):
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            result = run_query(graph, query, {"org": organisation, "year": str(year)})
            codes = [str(row[1]) for row in result.rows]
            assert len(codes) == len(set(codes)) == 15, (organisation, year)


def test_csto_1998_against_2000_the_three_leavers(runner: QueryRunner) -> None:
    before, after = statuses(runner, "CSTO", 1998), statuses(runner, "CSTO", 2000)
    for code in LEAVERS_1999:
        assert before[code].status == "member" and after[code].status == "former member", code
        assert COLOURS[before[code].status] != COLOURS[after[code].status]
    assert {c for c, s in after.items() if s.status == "member"} == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert {s.status for s in after.values()} <= set(STATUSES)


def test_the_baltic_nato_disagreement_is_drawn_only_while_the_claims_differ(runner: QueryRunner) -> None:
    names = labels(runner)
    for year, disputed in ((1998, False), (1999, True), (2003, True), (2004, False), (2019, False)):
        per_state = statuses(runner, "NATO", year)
        assert {c for c, s in per_state.items() if s.disputed} == ({"EST", "LTU", "LVA"} if disputed else set())
    estonia = statuses(runner, "NATO", 2000)["EST"]
    assert describe(names.state("EST", "en"), estonia, "en") == (
        "Estonia — never a member so far; deprecated claim (Tableau 2): member 1999–"
    )
    assert describe(names.state("EST", "fr"), statuses(runner, "NATO", 2019)["EST"], "fr") == (
        "Estonie — membre (depuis 2004); affirmation dépréciée (Tableau 2) : membre 1999–"
    )


def test_overlap_counts_agree_with_the_timeline_counts(runner: QueryRunner) -> None:
    names = labels(runner)
    periods = timelines(runner, names.post_soviet)
    organisations = tuple(sorted({p.organisation for own in periods.values() for p in own}))
    assert set(organisations) == set(ORGANISATIONS)
    counts = overlap_counts(status_grid(runner, organisations))
    assert counts == organisation_counts(periods), "state keys are the ISO codes, as in the graph's IRIs"
    assert counts["GEO"][1999] == 4 and counts["UKR"][2019] == 3 and counts["EST"][1999] == 1


# --- In the report ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_both_pages_have_the_map_its_views_query_and_source(report: Path, lang: str) -> None:
    page = (report / f"{lang}.html").read_text(encoding="utf-8")
    for key in ("map", "map-overlap", "map-tableau-2"):
        section = page.split(f'<section id="{key}">', 1)[1].split("</section>", 1)[0]
        assert f'href="queries/{STATUS_QUERY}.rq"' in section, key
        assert "Momzikoff" in section and STATUS_QUERY in section.split("<figcaption>")[0], key
    assert (report / "queries" / f"{STATUS_QUERY}.rq").is_file()
    assert f'<select id="map-{lang}-org">' in page and f'id="map-{lang}-year"' in page
    assert 'href="http' not in page.split('<section id="map">', 1)[1].split("</section>", 1)[0], "offline"
    multiples = (report / f"map-tableau-2.{lang}.svg").read_text(encoding="utf-8")
    for organisation in TABLEAU_2_COLUMNS:
        assert f'id="map-multiples-{lang}-{organisation}-ARM"' in multiples, organisation
    assert "— 2019" in multiples


def _states(dom: str, ident: str) -> dict[str, tuple[str, str]]:
    """ISO code → (fill, title) of each state shape of one map in a rendered DOM."""
    found = {}
    for match in re.finditer(rf'<use ([^>]*id="{ident}-([A-Z]{{3}})"[^>]*)><title>([^<]*)</title>', dom):
        attributes, code, title = match.groups()
        if 'class="state"' in attributes:
            found[code] = (re.search(r'fill="([^"]*)"', attributes).group(1), title)  # type: ignore[union-attr]
    return found


def test_map_in_headless_chromium_switches_csto_1998_to_2000(report: Path, tmp_path: Path) -> None:
    if find_chromium() is None:
        pytest.fail("no Chromium on PATH: run scripts/install-test-services.sh (make test does)")
    before = render(report / "en.html", query="?map=CSTO-1998")
    after = render(report / "fr.html", query="?map=CSTO-2000")
    assert before.errors == () and after.errors == ()
    old, new = _states(before.dom, "map-en"), _states(after.dom, "map-fr")
    assert len(old) == len(new) == 15, "fifteen labelled state shapes"
    assert old["AZE"][1] == "Azerbaijan — member (1993–1999)"
    assert new["AZE"][1] == "Azerbaïdjan — ancien membre (membre 1993–1999)"
    changed = {code for code in old if old[code][0] != new[code][0]}
    assert changed == set(LEAVERS_1999)
    assert 'id="map-en-heading">CST/CSTO — 1998<' in before.dom and ">1998</output>" in before.dom
    counts = dict(re.findall(r'id="map-overlap-fr-([A-Z]{3})-count"[^>]*>(\d+)<', after.dom))
    assert counts["GEO"] == "3" and counts["UZB"] == "4", "the overlap map follows the year"
    # The map sections alone, for the README (docs/report-map.png is a copy of this).
    page = (report / "en.html").read_text(encoding="utf-8")
    sections = "".join(
        f'<section id="{key}">' + page.split(f'<section id="{key}">', 1)[1].split("</section>", 1)[0] + "</section>"
        for key in ("map", "map-overlap")
    )
    alone = report / "map-only.en.html"
    alone.write_text(page.split("<body>", 1)[0] + f"<body><main>{sections}</main></body></html>\n", encoding="utf-8")
    shot = render(alone, tmp_path / "map.png", size=(1000, 1020), query="?map=CSTO-2000")
    assert shot.errors == () and (tmp_path / "map.png").stat().st_size > 20_000
    local_copy = REPO / "dist" / "report"
    local_copy.mkdir(parents=True, exist_ok=True)
    shutil.copy(tmp_path / "map.png", local_copy / "map-screenshot.png")
