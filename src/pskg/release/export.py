"""``pskg export``: the CSV files for quantitative users, written on their own.

The same files as in ``dist/`` after ``pskg build`` (see ``pskg.release.panel`` for what
they hold and what counts as missing), for users who want only the tables, where
they want them. The graph is validated first; each file is replaced atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pskg.atomic import atomic_path
from pskg.engines.base import Notice
from pskg.engines.reasoning import print_notice
from pskg.release.formats import DYADS, PANEL
from pskg.release.panel import write_panels
from pskg.release.store_release import validated_store


def export_tables(
    out: Path, progress: Callable[[str], None] = lambda _: None, notice: Notice = print_notice
) -> list[Path]:
    """Write the state-year panel and the dyad-year file into ``out``, from the validated built store; their paths."""
    store, graphs = validated_store(progress, notice)
    progress("computing the state-year panel")
    out.mkdir(parents=True, exist_ok=True)
    written = [out / PANEL, out / DYADS]
    with atomic_path(written[0], 0o644) as panel, atomic_path(written[1], 0o644) as dyads:
        write_panels(store, panel, dyads, graphs)
    return written
