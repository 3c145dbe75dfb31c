"""Parse the Turtle sources, remembering which files said what.

A syntax error names the file and line; each subject is mapped to the files
that describe it, so a validation report points at the file (or files, when a
resource is described twice) to fix.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from pskg.errors import PskgError, TurtleSyntaxError
from pskg.sources.namespaces import new_graph
from pskg.sources.resources import project_root, turtle_files

#: Largest Turtle file read (MiB); ``PSKG_MAX_FILE_MB`` raises it for users who extend the data.
DEFAULT_MAX_FILE_MB = 20
#: Hex digits of the file digest that starts each blank node label: 64 bits, so two files never share one.
_SCOPE_DIGITS = 16
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

    def add_file(self, path: Path, base: str | None = None) -> None:
        """Parse ``path`` (relative IRIs resolved against ``base``, refused without one) and merge it in."""
        part = parse_turtle_file(path, base)
        for subject in part.subjects(unique=True):
            self.origins[subject] = (*self.origins.get(subject, ()), path)
        self.graph += part
        for prefix, namespace in part.namespaces():  # as the shapes keep theirs (see validate.load_shapes)
            self.graph.bind(prefix, namespace, override=False)
        self.files.append(path)
        self.parts[path] = part


def parse_turtle_file(path: Path, base: str | None = None) -> Graph:
    """Parse one Turtle file, turning every failure into an error naming it.

    ``base``: the IRI relative IRIs resolve against (the SHACL test suite's files
    use them); without it a relative IRI is refused.
    """
    text = read_turtle_text(path)
    graph = new_graph()
    try:
        graph.parse(data=text, format="turtle", publicID=base or _RELATIVE_BASE)
    except Exception as exc:  # rdflib raises several unrelated types for bad input
        raise TurtleSyntaxError(path, _error_line(exc), _first_line(exc)) from exc
    _reject_bad_iris(path, text, graph)
    return _stable_blank_nodes(path, graph)


def _stable_blank_nodes(path: Path, graph: Graph) -> Graph:
    """Relabel blank nodes from the file's place and content, so builds are stable and files stay apart.

    rdflib draws fresh random labels at each parse; outputs and their checksums
    would then change from build to build although nothing else did. The
    canonical labels alone are the same in every file (the first is often
    ``cb0``), so merging files would fuse their blank nodes: each label starts
    with a digest of the file's path and canonical triples.
    """
    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        return graph
    canonical = to_canonical_graph(graph)
    scope = _file_scope(path, canonical)
    stable = new_graph()
    for prefix, namespace in graph.namespaces():  # the file's own prefixes, which SHACL-SPARQL may rely on
        stable.bind(prefix, namespace, override=False)
    stable.addN((_in_scope(s, scope), _in_scope(p, scope), _in_scope(o, scope), stable) for s, p, o in canonical)
    return stable


def _file_scope(path: Path, canonical: Graph) -> str:
    """A label prefix from the file's path in the project and its triples.

    The triples, not the text: ``pskg fmt`` rewrites the text, and the ``_:`` labels
    it writes must survive the rewrite. The path relative to the project: the
    release must not change with the machine, the checkout or the wheel.
    """
    lines = sorted(" ".join(term.n3() for term in triple) for triple in canonical)
    digest = hashlib.sha256("\n".join([_project_path(path), *lines]).encode("utf-8")).hexdigest()
    return "b" + digest[:_SCOPE_DIGITS]


def _project_path(path: Path) -> str:
    """``path`` relative to the project root, or resolved when it lies elsewhere."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(project_root().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _in_scope(term: Node, scope: str) -> Node:
    """The term, or the blank node with the file's prefix on its canonical label."""
    return BNode(scope + term) if isinstance(term, BNode) else term


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
