"""Regenerate the README's example block from real runs of ``pskg``.

    python scripts/readme_examples.py          # rewrite README.md
    python scripts/readme_examples.py --check  # exit 1 if README.md is stale

The examples in the README are then always the real output of the current code
and data; a test runs the ``--check`` form.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from pathlib import Path

from rdflib import URIRef

from pskg.atomic import write_text_atomically
from pskg.cli import main as pskg
from pskg.engines.reference.engine import load_knowledge_graph
from pskg.queries.catalogue import saved_queries
from pskg.sources.namespaces import ID, short

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- examples:start -->", "<!-- examples:end -->"
CATALOGUE_START, CATALOGUE_END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"
COUNTS_START, COUNTS_END = "<!-- counts:start -->", "<!-- counts:end -->"
NOTEBOOK_START, NOTEBOOK_END = "<!-- notebook:start -->", "<!-- notebook:end -->"

#: (title, arguments, lines of output shown — None for all)
EXAMPLES: list[tuple[str, list[str], int | None]] = [
    (
        "Who was in the CST/CSTO in 2019?",
        ["query", "members-in-year", "--param", "org=CSTO", "--param", "year=2019"],
        None,
    ),
    ("Who left in 1999?", ["query", "left-in-year", "--param", "org=CSTO", "--param", "year=1999"], None),
    ("Which states were in both the CSTO and the SCO, and when?", ["query", "in-both-organisations"], None),
    ("CSTO military spending in 2018 (Figure 10) and each member's share", ["query", "csto-spending-2018"], None),
    (
        "Estonia over time: the table's NATO year (deprecated) beside the text's",
        ["query", "state-timeline", "-p", "state=EST"],
        None,
    ),
    ("Tableau 2 rebuilt from the graph, cell by cell (first rows shown)", ["query", "tableau-2"], 14),
]


#: Python sessions shown in the README's notebook section: (title, code), run in one namespace in turn.
NOTEBOOK: list[tuple[str, str]] = [
    (
        "A saved query, its parameters as keyword arguments; shown, the rows read as `pskg query` prints them:",
        "import pskg\n"
        'rows = pskg.query("members-in-year", org="CSTO", year=2019)\n'
        "rows\n"
        "rows.to_pandas(prefixed=True).head(3)",
    ),
    (
        "The built graph, as an rdflib `Dataset` (or `pskg.graph('oxigraph')`, a pyoxigraph `Store` with the same "
        "quads), for any SPARQL of your own:",
        "graph = pskg.graph()\n"
        'query = "SELECT (COUNT(*) AS ?n) WHERE { ?m a pss:Membership }"\n'
        "[int(row.n) for row in graph.query(query)]",
    ),
    (
        "The state-year panel, typed as its codebook says (COW's codes: -1 before the SCO existed, 1 a full member):",
        "panel = pskg.panel()\n"
        'sco = (panel.iso3 == "KAZ") & (panel.organisation == "SCO") & panel.year.between(1999, 2002)\n'
        'panel[sco][["iso3", "cow_code", "stateabb", "organisation", "year", "member", "role"]]\n'
        "panel.member.dtype",
    ),
]


def run(args: list[str]) -> str:
    """``pskg ARGS`` in-process; its standard output."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = pskg(args)
    if status != 0:
        raise SystemExit(f"pskg {' '.join(args)} failed with status {status}")
    return buffer.getvalue()


def examples_block() -> str:
    """The Markdown between the README's example markers."""
    parts = []
    for title, args, max_lines in EXAMPLES:
        shown = " ".join(a if re.fullmatch(r"[\w=./:-]+", a) else repr(a) for a in args)
        lines = run(args).rstrip().splitlines()
        if max_lines is not None and len(lines) > max_lines:
            lines = [*lines[:max_lines], "…"]
        output = "\n".join(lines)
        parts.append(f"{title}\n\n```console\n$ pskg {shown}\n{output}\n```\n")
    return "\n".join(parts)


def notebook_block() -> str:
    """The README's notebook session, line by line as the Python prompt shows it: each line, then what it prints
    (an expression's value included, as the prompt echoes it)."""
    namespace: dict[str, object] = {}
    parts = []
    for title, code in NOTEBOOK:
        session = []
        for line in code.splitlines():
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(line, "<readme>", "single"), namespace)
            session += [f">>> {line}", *buffer.getvalue().rstrip("\n").splitlines()]
        listing = "\n".join(session)
        parts.append(f"{title}\n\n```pycon\n{listing}\n```\n")
    return "\n".join(parts)


def catalogue_block() -> str:
    """A Markdown table of every saved query: name, what it answers, its parameters."""
    rows = ["| query | what it answers | parameters (default) |", "|---|---|---|"]
    for query in saved_queries():
        parameters = ", ".join(
            f"`{p.name}`" + (f" ({_shown(p.default)})" if p.default else "") for p in query.parameters
        )
        rows.append(f"| `{query.name}` | {query.summary.replace('|', '/')} | {parameters or '—'} |")
    return "\n".join(rows) + "\n"


_COUNTS_QUERY = """
PREFIX pss: <https://w3id.org/postsoviet-security/ontology#>
SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a pss:%s . %s }
"""
_LABELS_QUERY = """
PREFIX pss: <https://w3id.org/postsoviet-security/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?x ?label WHERE { ?x a pss:%s ; rdfs:label ?label . FILTER (LANG(?label) = "en") %s }
ORDER BY STR(?label)
"""


def counts_block() -> str:
    """The README's "What is in the graph" table, its numbers and lists counted in the graph itself."""
    graph = load_knowledge_graph().union()

    def count(cls: str, where: str = "") -> int:
        return int(next(iter(graph.query(_COUNTS_QUERY % (cls, where)))).n)

    def labels(cls: str, where: str = "") -> list[str]:
        return [str(row.label) for row in graph.query(_LABELS_QUERY % (cls, where))]

    table_cell = "FILTER EXISTS { ?x <http://www.w3.org/ns/prov#wasDerivedFrom>/pss:tableRow ?row }"
    undated = "FILTER NOT EXISTS { ?x pss:startYear ?year }"
    no_unit = "FILTER NOT EXISTS { ?x a pss:OrganisationalUnit }"
    cited = "FILTER EXISTS { ?passage pss:cites ?x }"  # not the COW list, a source of the panels' codes
    memberships, from_table = count("Membership"), count("Membership", table_cell)
    states, post_soviet = count("State"), count("PostSovietState")
    others = labels("State", "FILTER NOT EXISTS { ?x a pss:PostSovietState }")
    organisations = labels("Organisation", no_unit)
    units = labels("OrganisationalUnit")
    conflicts = labels("Conflict")
    disagreements = labels("Disagreement")
    assessments = labels("Assessment")
    applications = labels("MembershipApplication")
    with_stance = count("Position", "FILTER EXISTS { ?x pss:stance ?stance }")
    hedged = count("Position", "FILTER EXISTS { ?x pss:qualifier ?qualifier }")
    rows = [
        "| | |",
        "|---|---|",
        f"| membership periods | {memberships}: the {from_table} of Tableau 2 (every cell assigned to its column, "
        f"with its raw text) and {memberships - from_table} that only the text states "
        f"({count('Membership', undated)} without a year, which the article does not give) |",
        f"| states | {states}: the {post_soviet} post-Soviet states and the {states - post_soviet} others the facts "
        f"name ({', '.join(others)}) |",
        f"| organisations | {len(organisations)}: {', '.join(organisations)}; and {len(units)} of their bodies "
        f"({', '.join(units)}) |",
        f"| military expenditure | the {count('MilitaryExpenditure')} values of Figure 10 (2018, **millions** of USD "
        "— the caption's « milliards » is an error) |",
        f"| other facts | the {count('NonMembership')} states that refused the 1992 treaty; {len(applications)} "
        f"applications to NATO ({'; '.join(applications)}) |",
        f"| conflicts | {len(conflicts)}: {', '.join(conflicts)} — parties, territory, status, start year where the "
        "article gives one |",
        f"| instruments and events | {count('Instrument')} instruments and {count('Event')} events (summits, "
        "statements, exercises, appointments …) |",
        f"| military cooperation | {count('MilitaryCooperation')} items (force groupings, unified air defence, arms "
        f"supplies, assistance, projects) and {count('MilitaryFacility')} Russian facilities abroad |",
        f"| positions and threats | {count('Position')} positions ({with_stance} "
        f"with a stance from a vocabulary of {count('Stance')} whose supporting words their quote must hold), "
        "with the article's hedge where it has one "
        f"({hedged} do); {count('Threat')} threats |",
        f"| the author's assessments | {len(assessments)}, attributed to her and never counted as facts: "
        f"{'; '.join(assessments)} |",
        f"| figures | {count('DocumentPart')} parts of the article (Tableau 2, figures 10 to 12) with titles, sources "
        "and missing states; figures 11 and 12 have no values in the text, so none are invented |",
        f"| sources | the article and the {count('SourceDocument', cited)} works its footnotes and figures cite, as "
        "bibliographic records linked to the passages they support |",
        f"| source passages | {count('SourcePassage')} verbatim quotes with page and locator, each the clause that "
        "states its fact (together at most half of the article's characters); the sentences of the article no "
        "passage quotes are listed in the tests with why |",
        f"| Correlates of War codes | {count('State', 'FILTER EXISTS { ?x pss:cowCode ?code }')} states with their "
        "COW code and abbreviation, for the panels: from the COW State System Membership List v2016, in a named graph "
        "of their own, never as the article's words |",
        f"| disagreements | {len(disagreements)} inside the article, each claim kept with its rank: "
        f"{'; '.join(disagreements)} |",
    ]
    return "\n".join(rows) + "\n"


def _shown(default: str) -> str:
    """A default as a reader would type it: ``CSTO``, ``pss:Opposes``, ``2019``."""
    if default.startswith(str(ID)):
        return default.removeprefix(str(ID))
    return short(URIRef(default)) if default.startswith("http") else default


def replace_block(text: str, start: str, end: str, content: str) -> str:
    """``text`` with what stands between the ``start`` and ``end`` markers replaced by ``content``."""
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    return f"{before}{start}\n{content}{end}{after}"


def updated_readme(text: str) -> str:
    """README text with its example and catalogue blocks regenerated."""
    text = replace_block(text, START, END, examples_block())
    text = replace_block(text, COUNTS_START, COUNTS_END, counts_block())
    text = replace_block(text, NOTEBOOK_START, NOTEBOOK_END, notebook_block())
    return replace_block(text, CATALOGUE_START, CATALOGUE_END, catalogue_block())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md is not up to date")
    args = parser.parse_args()
    current = README.read_text(encoding="utf-8")
    wanted = updated_readme(current)
    if args.check:
        if current != wanted:
            print("README.md examples are stale: run python scripts/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    write_text_atomically(README, wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
