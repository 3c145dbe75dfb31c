"""The ``pskg report`` command: arguments, progress lines, and what was written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pskg.cli.common import progress
from pskg.errors import EXIT_OK, PskgError
from pskg.report.page import DEFAULT_YEAR, build_report
from pskg.report.text import LANGUAGES


def add_report_command(commands: Any) -> None:
    """Register ``pskg report`` on the CLI's sub-command parser."""
    report = commands.add_parser(
        "report",
        help="write a static HTML report (Tableau 2, Figure 10, timelines) and the ontology docs to dist/",
        description=(
            "Rebuild the article's Tableau 2 and Figure 10 from the graph, draw the membership timeline, the "
            "state × organisation matrix of a year and the yearly counts, map the states by organisation and year "
            "(offline selector, overlaps, Tableau 2's organisations in that year), list conflicts and Russian "
            "facilities abroad, and write them to DIST/report/ (HTML with inline SVG, plus one .svg file per "
            "picture) and the ontology documentation to DIST/docs/. Opens without a network."
        ),
    )
    report.add_argument("--dist", type=Path, default=Path("dist"), help="output folder (default: dist)")
    report.add_argument(
        "--year",
        type=int,
        default=DEFAULT_YEAR,
        help=f"year of the matrix and of the map's first view, 1991-2019 (default: {DEFAULT_YEAR})",
    )
    report.add_argument(
        "--lang",
        choices=(*LANGUAGES, "both"),
        default="both",
        help="language of the pages: fr, en or both (default: both; index.html is the first)",
    )
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    if not 1991 <= args.year <= 2019:
        raise PskgError(f"--year expects a year from 1991 to 2019 (the article's span), got {args.year}")
    languages = LANGUAGES if args.lang == "both" else (args.lang,)
    try:
        result = build_report(args.dist, year=args.year, languages=languages, progress=progress)
    except OSError as exc:
        raise PskgError(f"cannot write {args.dist}: {exc.strerror or exc}; nothing was changed there") from exc
    print(f"report written to {result.folder}/ ({len(result.files)} files, {len(result.queries)} saved queries)")
    print(f"  open {result.folder / 'index.html'}")
    return EXIT_OK
