"""The SHACL shapes as a graph: the project's ``validation/`` folder or any files a user names."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from pskg.sources.namespaces import new_graph
from pskg.sources.parse import parse_turtle_file
from pskg.sources.resources import turtle_files


def load_shapes(paths: Iterable[Path] | None = None, relative_to_file: bool = False) -> Graph:
    """The shapes of ``paths`` (default: every file of ``validation/``), merged.

    ``relative_to_file``: relative IRIs resolve against each file's own URI (refused otherwise).
    """
    shapes = new_graph()
    for path in turtle_files("validation") if paths is None else paths:
        part = parse_turtle_file(path, file_base(path) if relative_to_file else None)
        shapes += part
        for prefix, namespace in part.namespaces():  # pySHACL reads a query's prefixes from them too
            shapes.bind(prefix, namespace, override=False)
    return shapes


def file_base(path: Path) -> str:
    """A file's own URI, the base its relative IRIs resolve against."""
    return path.resolve().as_uri()
