"""Parse the Turtle sources, remembering which files said what.

A syntax error names the file and line; each subject is mapped to the files
that describe it, so a validation report points at the file (or files, when a
resource is described twice) to fix.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from pskg.errors import PskgError, TurtleSyntaxError
from pskg.namespaces import new_graph
from pskg.resources import turtle_files

#: Largest Turtle file read (MiB); ``PSKG_MAX_FILE_MB`` raises it for users who extend the data.
DEFAULT_MAX_FILE_MB = 20
#: Base IRI for parsing: a relative IRI in a data file resolves to it and is then refused,
#: rather than silently becoming a ``file://`` IRI of the machine that built the graph.
_RELATIVE_BASE = "https://relative-iri.invalid/"
_BAD_IRI_CHARS = re.compile(r'[\s<>"{}|^`\\]')
_LINE_IN_MESSAGE = re.compile(r"line (\d+)|:(\d+):")


@dataclass
class SourceGraph:
    """The asserted triples of several files, each file's own triples, and which files describe each subject.

    ``parts`` keeps every file as parsed on its own: the release cuts its named
    graphs from them (a blank node stays with its file) instead of parsing the
    files a second time, a sixth of a cold ``pskg build``.
    """

    graph: Graph = field(default_factory=new_graph)
    origins: dict[Node, tuple[Path, ...]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    parts: dict[Path, Graph] = field(default_factory=dict)

    def add_file(self, path: Path) -> None:
        """Parse ``path`` and merge it in."""
        part = parse_turtle_file(path)
        for subject in part.subjects(unique=True):
            self.origins[subject] = (*self.origins.get(subject, ()), path)
        self.graph += part
        self.files.append(path)
        self.parts[path] = part


def parse_turtle_file(path: Path) -> Graph:
    """Parse one Turtle file, turning every failure into an error naming it."""
    text = read_turtle_text(path)
    graph = new_graph()
    try:
        graph.parse(data=text, format="turtle", publicID=_RELATIVE_BASE)
    except Exception as exc:  # rdflib raises several unrelated types for bad input
        raise TurtleSyntaxError(path, _error_line(exc), _first_line(exc)) from exc
    _reject_bad_iris(path, text, graph)
    return _stable_blank_nodes(graph)


def _stable_blank_nodes(graph: Graph) -> Graph:
    """Relabel blank nodes from the content, so every build serialises them the same way.

    rdflib draws fresh random labels at each parse; outputs and their checksums
    would then change from build to build although nothing else did.
    """
    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        return graph
    stable = new_graph()
    stable += to_canonical_graph(graph)
    return stable


def read_turtle_text(path: Path) -> str:
    """The file as text, or an error saying why it cannot be (size, encoding, BOM, emptiness)."""
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise PskgError(
                f"{path}: {size / 2**20:.1f} MiB is larger than the {limit / 2**20:.0f} MiB a data file may be; "
                "split it, or set PSKG_MAX_FILE_MB"
            )
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
    return text


def _reject_bad_iris(path: Path, text: str, graph: Graph) -> None:
    """rdflib only warns about IRIs with spaces or brackets, and resolves relative ones; we refuse both."""
    for term in sorted({t for triple in graph for t in triple if isinstance(t, URIRef)}):
        iri = str(term)
        if iri.startswith(_RELATIVE_BASE):
            written = iri.removeprefix(_RELATIVE_BASE)
            raise TurtleSyntaxError(path, _line_of(text, f"<{written}>"), f"relative IRI <{written}>: write it in full")
        if _BAD_IRI_CHARS.search(iri):
            line = _line_of(text, iri.rsplit("/", 1)[-1])
            raise TurtleSyntaxError(path, line, f'invalid IRI <{iri}> (spaces and <>"{{}}|^`\\ are not allowed)')


def _line_of(text: str, fragment: str) -> int | None:
    offset = text.find(fragment)
    return text.count("\n", 0, offset) + 1 if offset >= 0 else None


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


def max_file_bytes() -> int:
    """The size limit for one Turtle file, from ``PSKG_MAX_FILE_MB`` or the default."""
    raw = os.environ.get("PSKG_MAX_FILE_MB", "")
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_FILE_MB
    except ValueError as exc:
        raise PskgError(f"PSKG_MAX_FILE_MB must be a number of MiB, got {raw!r}") from exc
    return int(megabytes * 2**20)


def load_sources(kinds: tuple[str, ...] = ("ontology", "data")) -> SourceGraph:
    """Load every Turtle file of the given resource folders."""
    sources = SourceGraph()
    for kind in kinds:
        for path in turtle_files(kind):
            sources.add_file(path)
    return sources
