"""``pskg export``: the CSV files for quantitative users and their codebook, written on their own.

The same files as in ``dist/`` after ``pskg build`` (see ``pskg.release.panel`` for what
they hold and what counts as missing), for users who want only the tables, where
they want them. The graph is validated first; each file is replaced atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from pskg.atomic import atomic_path
from pskg.engines.base import Notice
from pskg.engines.reasoning import print_notice
from pskg.release.codebook import write_datapackage
from pskg.release.formats import DATAPACKAGE
from pskg.release.panel import PANEL_FILES, write_panels
from pskg.release.store_release import validated_store


def export_tables(
    out: Path, progress: Callable[[str], None] = lambda _: None, notice: Notice = print_notice
) -> list[Path]:
    """Write the CSV files (the state-year panel, the other states' rows, the dyad-year file) and their codebook
    (``datapackage.json``) into ``out``, from the validated built store; their paths."""
    store, graphs = validated_store(progress, notice)
    progress("computing the state-year panel")
    out.mkdir(parents=True, exist_ok=True)
    written = [out / name for name in (*PANEL_FILES, DATAPACKAGE)]
    with ExitStack() as stack:
        paths = {path.name: stack.enter_context(atomic_path(path, 0o644)) for path in written}
        write_panels(store, paths, graphs)
        write_datapackage(paths[DATAPACKAGE])
    return written
