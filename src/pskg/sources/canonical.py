"""The canonical Turtle form of every file under ontology/, data/ and validation/.

One serialisation for all (rdflib's ``longturtle``, sorted subjects and objects,
the project's prefixes), so that a diff shows only what changed. The leading
comment block of a file is its documentation and is kept; comments further down
would be lost, so explanations belong there or in ``skos:editorialNote``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pskg.atomic import write_text_atomically
from pskg.sources.parse import parse_turtle_file
from pskg.sources.resources import turtle_files

FORMATTED_KINDS = ("ontology", "data", "validation")


def leading_comments(text: str) -> list[str]:
    """The file's opening comment block (and the blank lines inside it)."""
    block: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or (block and not line.strip()):
            block.append(line.rstrip())
        else:
            break
    while block and not block[-1]:
        block.pop()
    return block


def canonical_text(path: Path) -> str:
    """What ``path`` looks like in canonical form."""
    graph = parse_turtle_file(path)
    body = graph.serialize(format="longturtle")
    body = "\n".join(line.rstrip() for line in body.splitlines()).strip() + "\n"
    header = leading_comments(path.read_text(encoding="utf-8"))
    return ("\n".join(header) + "\n\n" + body) if header else body


@dataclass(frozen=True)
class FormatResult:
    """Files checked and those not (or no longer) in canonical form."""

    checked: tuple[Path, ...]
    changed: tuple[Path, ...]


def format_files(paths: list[Path] | None = None, check_only: bool = False) -> FormatResult:
    """Rewrite (or, with ``check_only``, just list) files not in canonical form."""
    if paths is None:
        paths = [p for kind in FORMATTED_KINDS for p in turtle_files(kind)]
    changed = []
    for path in paths:
        wanted = canonical_text(path)
        if path.read_text(encoding="utf-8") != wanted:
            changed.append(path)
            if not check_only:
                write_text_atomically(path, wanted)
    return FormatResult(checked=tuple(paths), changed=tuple(changed))
