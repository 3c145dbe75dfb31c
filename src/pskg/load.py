"""Parse the Turtle sources, remembering which file said what.

A syntax error names the file and line; each subject is mapped to the file
that describes it so a validation report can point at the file to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from pskg.errors import PskgError, TurtleSyntaxError
from pskg.namespaces import new_graph
from pskg.resources import turtle_files

_LINE_IN_MESSAGE = re.compile(r"line (\d+)|:(\d+):")


@dataclass
class SourceGraph:
    """The asserted triples of several files, and where each subject came from."""

    graph: Graph = field(default_factory=new_graph)
    origins: dict[Node, Path] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    def add_file(self, path: Path) -> None:
        """Parse ``path`` and merge it in."""
        part = parse_turtle_file(path)
        for subject in part.subjects(unique=True):
            self.origins.setdefault(subject, path)
        self.graph += part
        self.files.append(path)


def parse_turtle_file(path: Path) -> Graph:
    """Parse one Turtle file, turning every failure into an error naming it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PskgError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if raw.startswith(b"\xef\xbb\xbf"):
        raise TurtleSyntaxError(path, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TurtleSyntaxError(path, line, f"not valid UTF-8 (byte {raw[exc.start]:#04x})") from exc
    if not text.strip():
        raise TurtleSyntaxError(path, None, "file is empty")
    graph = new_graph()
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises several unrelated types for bad input
        raise TurtleSyntaxError(path, _error_line(exc), _first_line(exc)) from exc
    _reject_bad_iris(path, text, graph)
    return graph


_BAD_IRI_CHARS = re.compile(r'[\s<>"{}|^`\\]')


def _reject_bad_iris(path: Path, text: str, graph: Graph) -> None:
    """rdflib only warns about IRIs with spaces or brackets; we refuse them."""
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        if _BAD_IRI_CHARS.search(str(term)):
            local = str(term).rsplit("/", 1)[-1]
            offset = text.find(local)
            line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
            raise TurtleSyntaxError(path, line, f'invalid IRI <{term}> (spaces and <>"{{}}|^`\\ are not allowed)')


def _error_line(exc: Exception) -> int | None:
    # rdflib's BadSyntax.lines drifts on long files; its byte offset into the
    # parsed buffer does not, so the line is counted from that.
    buffer, offset = getattr(exc, "_str", None), getattr(exc, "_i", None)
    if isinstance(buffer, bytes) and isinstance(offset, int):
        return buffer.count(b"\n", 0, offset) + 1
    match = _LINE_IN_MESSAGE.search(str(exc))
    if match:
        return int(match.group(1) or match.group(2))
    return None


def _first_line(exc: Exception) -> str:
    message = getattr(exc, "_why", None) or str(exc) or type(exc).__name__
    return " ".join(str(message).split())[:300]


def load_sources(kinds: tuple[str, ...] = ("ontology", "data")) -> SourceGraph:
    """Load every Turtle file of the given resource folders."""
    sources = SourceGraph()
    for kind in kinds:
        for path in turtle_files(kind):
            sources.add_file(path)
    return sources
