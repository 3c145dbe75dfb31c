"""``pskg export``: the CSV files for quantitative users, written on their own.

The same files as in ``dist/`` after ``pskg build`` (see ``pskg.release.panel`` for what
they hold and what counts as missing), for users who want only the tables, where
they want them. The graph is validated first; each file is replaced atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pskg.atomic import write_text_atomically
from pskg.release.build import checked_knowledge
from pskg.release.formats import DYADS, PANEL
from pskg.release.panel import dyad_csv, panel_csv, panel_rows


def export_tables(out: Path, progress: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Write the state-year panel and the dyad-year file into ``out``; their paths."""
    knowledge = checked_knowledge(progress)
    progress("computing the state-year panel")
    rows = panel_rows(knowledge.union())
    written = []
    for name, text in ((PANEL, panel_csv(rows)), (DYADS, dyad_csv(rows))):
        write_text_atomically(out / name, text)
        written.append(out / name)
    return written
