"""``pskg report``: a static HTML report in ``dist/report/`` rebuilt from the graph's saved queries.

The pages are plain HTML with inline SVG (and a few lines of script for the map's
selector only), so they open without a network and render the same in any browser;
each picture is also written as an ``.svg`` file and names the saved query (copied
beside it) that produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from pskg.atomic import replace_directory, staging_directory, write_text_atomically
from pskg.engines.built_store import BuiltStore
from pskg.engines.reasoning import print_notice
from pskg.queries.catalogue import find_query, saved_queries
from pskg.release.store_release import validated_store
from pskg.report.charts import counts_svg, figure_10_svg, matrix_svg, organisation_order, timeline_svg
from pskg.report.data import (
    TABLEAU_2_COLUMNS,
    QueryRunner,
    figure_10,
    labels,
    membership_matrix,
    organisation_counts,
    tableau_2,
    timelines,
)
from pskg.report.docs import write_docs
from pskg.report.extra import CONFLICTS_QUERY, FACILITIES_QUERY, conflict_rows, facility_rows
from pskg.report.map import map_sections
from pskg.report.svg import esc, tag
from pskg.report.tables import simple_table, tableau_2_html
from pskg.report.text import LANGUAGES, TEXT

STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1200px;color:#111;line-height:1.4}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #ccc}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:center}
table.tableau-2 th[scope=row],table.plain td{text-align:left}caption{font-weight:bold;text-align:left;padding:.3rem 0}
td.deprecated{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#ddd 4px,#ddd 6px);
outline:2px dashed #333;outline-offset:-3px}
.dagger{font-weight:bold;margin-left:.2rem}.notes{font-size:.9rem}figure{margin:1rem 0}
figcaption{font-size:.9rem;color:#333}svg{max-width:100%;height:auto}nav a{margin-right:1rem}
"""
DEFAULT_YEAR = 2019


@dataclass(frozen=True)
class ReportResult:
    """What ``pskg report`` wrote."""

    folder: Path
    files: tuple[str, ...]
    queries: tuple[str, ...]


@dataclass(frozen=True)
class Picture:
    """A rendered picture: its file name (for SVGs), its markup, and the saved queries behind it."""

    key: str
    heading: str
    markup: str
    queries: tuple[str, ...]
    svg: bool = True
    intro: str = ""


def build_report(
    dist: Path,
    year: int = DEFAULT_YEAR,
    languages: tuple[str, ...] = LANGUAGES,
    progress: Callable[[str], None] = lambda _: None,
    graph: Graph | None = None,
    docs: bool = True,
) -> ReportResult:
    """Run the saved queries, draw the pictures, swap the new ``dist/report/`` in place, then ``dist/docs/``."""
    if graph is None:  # the validated built store: a report of a valid graph only, opened in milliseconds
        store, _ = validated_store(progress, print_notice)
        runner = QueryRunner(BuiltStore(store))
    else:
        runner = QueryRunner(graph)
    progress("running the saved queries")
    pages = {lang: _pictures(runner, year, lang) for lang in languages}
    target = dist / "report"
    progress(f"writing {target}")
    staging = staging_directory(target)
    files: list[str] = []
    for lang, pictures in pages.items():
        other = [o for o in LANGUAGES if o != lang and o in pages]
        html = _page(lang, pictures, other[0] if other else None)
        for name in (f"{lang}.html", *(["index.html"] if lang == languages[0] else [])):
            write_text_atomically(staging / name, html)
            files.append(name)
        for picture in pictures:
            if picture.svg:
                name = f"{picture.key}.{lang}.svg"
                write_text_atomically(
                    staging / name, '<?xml version="1.0" encoding="UTF-8"?>\n' + picture.markup + "\n"
                )
                files.append(name)
    for name in runner.used:
        query = find_query(name)
        write_text_atomically(staging / "queries" / f"{name}.rq", query.text)
        files.append(f"queries/{name}.rq")
    replace_directory(staging, target)
    if docs:
        progress(f"writing {dist / 'docs'} (pyLODE)")
        write_docs(dist)
    return ReportResult(target, tuple(files), tuple(runner.used))


def _pictures(runner: QueryRunner, year: int, lang: str) -> list[Picture]:
    """Every section of one language's page, in order."""
    words = TEXT[lang]
    names = labels(runner)
    states = sorted(names.post_soviet, key=lambda key: _sort_key(names.state(key, lang)))
    periods = timelines(runner, names.post_soviet)
    organisations = organisation_order({p.organisation for own in periods.values() for p in own})
    matrix_organisations = [o for o in organisations if o in TABLEAU_2_COLUMNS] + [
        o for o in organisations if o not in TABLEAU_2_COLUMNS
    ]
    spending = figure_10(runner)
    share = spending[0].share if spending else None
    return [
        Picture(
            "tableau-2",
            words["tableau2"],
            tableau_2_html(tableau_2(runner), names, lang),
            ("tableau-2", "tableau-2-provenance", "post-soviet-states", "organisations"),
            svg=False,
            intro=words["tableau2_intro"],
        ),
        Picture(
            "figure-10",
            words["figure10"],
            figure_10_svg(spending, names, lang),
            ("csto-spending-2018", "post-soviet-states"),
            intro=words["russia_share"].format(share=share) if share is not None else "",
        ),
        Picture(
            "timeline",
            words["timeline"],
            timeline_svg(periods, states, names, lang),
            ("state-timeline", "post-soviet-states", "organisations"),
            intro=words["timeline_intro"],
        ),
        Picture(
            "matrix",
            words["matrix"].format(year=year),
            matrix_svg(
                membership_matrix(runner, year, tuple(matrix_organisations)),
                states,
                matrix_organisations,
                names,
                lang,
                year,
            ),
            ("members-in-year", "post-soviet-states", "organisations"),
        ),
        Picture(
            "counts",
            words["counts"],
            counts_svg(organisation_counts(periods), states, names, lang),
            ("state-timeline", "post-soviet-states"),
            intro=words["counts_intro"],
        ),
        *(Picture(*section) for section in map_sections(runner, names, tuple(organisations), year, lang)),
        *_tables(runner, names.post_soviet, lang),
    ]


def _tables(runner: QueryRunner, states: tuple[str, ...], lang: str) -> list[Picture]:
    """Conflicts and Russian facilities abroad, each drawn only when its saved query is in this checkout."""
    words, available = TEXT[lang], {query.name for query in saved_queries()}

    def label(iri: object) -> str:
        return runner.label(iri, lang)

    pictures = []
    if CONFLICTS_QUERY in available:
        conflicts = conflict_rows(runner, states, label, lang)
        table = simple_table(words["conflicts"], *conflicts, f"conflicts-{lang}")
        pictures.append(Picture("conflicts", words["conflicts"], table, (CONFLICTS_QUERY,), svg=False))
    if FACILITIES_QUERY in available:
        facilities = facility_rows(runner, label, lang)
        table = simple_table(words["facilities"], *facilities, f"facilities-{lang}")
        intro = words["map_missing"]
        pictures.append(Picture("facilities", words["facilities"], table, (FACILITIES_QUERY,), svg=False, intro=intro))
    return pictures


def _sort_key(name: str) -> str:
    """Alphabetical order ignoring accents (Bélarus between Azerbaïdjan and Estonie)."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def _page(lang: str, pictures: list[Picture], other: str | None) -> str:
    """One language's HTML page: navigation, then one section per picture with its query and source."""
    words = TEXT[lang]
    nav = [tag("a", esc(p.heading.split(" — ")[0]), href=f"#{p.key}") for p in pictures]
    if other:
        nav.append(tag("a", esc(words["other_language"]), href=f"{other}.html", hreflang=other))
    nav.append(tag("a", esc(words["docs"]), href="../docs/index.html"))
    sections = "".join(_section(lang, p) for p in pictures)
    body = (
        tag(
            "header",
            tag("h1", esc(words["title"]))
            + tag("p", esc(words["intro"]))
            + tag("nav", "".join(nav), aria_label=words["contents"]),
        )
        + tag("main", sections)
        + tag("footer", tag("p", esc(words["footer"])))
    )
    head = (
        '<meta charset="utf-8">'
        + tag("title", esc(words["title"]))
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + tag("style", STYLE)
    )
    return f'<!DOCTYPE html>\n<html lang="{lang}">' + tag("head", head) + tag("body", body) + "</html>\n"


def _section(lang: str, picture: Picture) -> str:
    """A picture with its heading, words, query links, source and (for SVGs) its file."""
    words = TEXT[lang]
    query_links = ", ".join(tag("a", esc(q), href=f"queries/{q}.rq") for q in picture.queries)
    caption = f"{esc(words['queries'])}: {query_links} · {esc(words['source'])}: {esc(words['article'])}"
    if picture.svg:
        caption += " · " + tag("a", esc(words["svg"]), href=f"{picture.key}.{lang}.svg")
    intro = tag("p", esc(picture.intro)) if picture.intro else ""
    figure = tag("figure", picture.markup + tag("figcaption", caption))
    return tag("section", tag("h2", esc(picture.heading)) + intro + figure, id=picture.key)
