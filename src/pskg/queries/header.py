"""A saved query's grlc decorators (its ``#+`` lines), read exactly as grlc reads them.

grlc (``gquery.get_yaml_decorators``) takes every line that *starts* with ``#+``,
strips the leading ``#`` and ``+`` characters, joins them and parses the result
with PyYAML's ``safe_load``. A header PyYAML rejects is silently dropped by grlc:
the operation loses its summary, tags and parameter defaults. ``pskg`` therefore
reads headers the same way and refuses what grlc would drop, naming the file and
line, so that a query that works in ``pskg`` works in grlc too.

grlc's ``defaults`` is a list of one-key maps (``- year: 2019``), not a map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pskg.errors import PskgError

DECORATOR = "#+"

#: The decorators grlc 1.3 reads; any other key is a typo that grlc would ignore without a word.
GRLC_KEYS = frozenset(
    {
        "summary",
        "description",
        "tags",
        "defaults",
        "enumerate",
        "endpoint",
        "endpoint_in_url",
        "endpoint-method",
        "method",
        "pagination",
        "mime",
        "transform",
    }
)


_HINT = " (quote the text, or write it as a folded block: `key: >-` then indented lines)"


class QueryHeaderError(PskgError):
    """A ``#+`` header grlc cannot use; names the file and, when known, the line."""

    def __init__(self, path: Path, line: int | None, detail: str) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: query header (#+ lines, YAML as grlc reads it): {detail}")


@dataclass(frozen=True)
class Header:
    """What a query's decorators say, checked."""

    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    #: Parameter name -> default value, as text (YAML reads ``2019`` as an integer).
    defaults: dict[str, str] = field(default_factory=dict)
    endpoint: str | None = None


def header_lines(text: str) -> list[tuple[int, str]]:
    """The decorator lines grlc keeps, with their 1-based line numbers in the file, ``#+`` stripped as grlc does."""
    return [
        (number, line.lstrip("#+")) for number, line in enumerate(text.split("\n"), 1) if line.startswith(DECORATOR)
    ]


def read_header(path: Path, text: str) -> Header:
    """Parse and check the ``#+`` header of ``text`` (read from ``path``)."""
    lines = header_lines(text)
    if not lines:
        return Header()
    try:
        loaded = yaml.safe_load("\n".join(content for _, content in lines))
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, lines, exc) from exc
    if loaded is None:
        return Header()
    first = lines[0][0]
    if not isinstance(loaded, dict):
        raise QueryHeaderError(path, first, f"expected `key: value` lines, got a {type(loaded).__name__}")
    unknown = sorted(str(key) for key in loaded if key not in GRLC_KEYS)
    if unknown:
        known = ", ".join(sorted(GRLC_KEYS))
        raise QueryHeaderError(path, _line_of(lines, unknown[0]), f"unknown key {unknown[0]!r} (grlc reads: {known})")
    endpoint = loaded.get("endpoint")
    return Header(
        summary=_text(path, lines, loaded, "summary"),
        description=_text(path, lines, loaded, "description"),
        tags=_tags(path, lines, loaded.get("tags")),
        defaults=_defaults(path, lines, loaded.get("defaults")),
        endpoint=None if endpoint is None else _text(path, lines, loaded, "endpoint"),
    )


def _yaml_error(path: Path, text: str, lines: list[tuple[int, str]], exc: yaml.YAMLError) -> QueryHeaderError:
    """PyYAML's message, its line mapped back to the file's."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return QueryHeaderError(path, None, f"not valid YAML: {problem}{_HINT}")
    line, content = lines[min(mark.line, len(lines) - 1)]
    stripped = len(text.split("\n")[line - 1]) - len(content)  # the #+ characters grlc strips
    column = f", column {mark.column + stripped + 1}"
    return QueryHeaderError(path, line, f"not valid YAML: {problem}{column}{_HINT}")


def _line_of(lines: list[tuple[int, str]], key: str) -> int:
    """The file line where ``key:`` starts, else the header's first line."""
    return next((number for number, content in lines if content.strip().startswith(f"{key}:")), lines[0][0])


def _text(path: Path, lines: list[tuple[int, str]], loaded: dict, key: str) -> str:
    value = loaded.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise QueryHeaderError(path, _line_of(lines, key), f"{key} must be text, got {_kind(value)}")
    return value


def _tags(path: Path, lines: list[tuple[int, str]], value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise QueryHeaderError(path, _line_of(lines, "tags"), "tags must be a list of words (`- tag` lines)")
    return tuple(value)


def _defaults(path: Path, lines: list[tuple[int, str]], value: object) -> dict[str, str]:
    """grlc's form: a list of one-key maps, each value a string or an integer."""
    if value is None:
        return {}
    line = _line_of(lines, "defaults")
    if not isinstance(value, list):
        raise QueryHeaderError(path, line, "defaults must be a list of `- name: value` lines, as grlc expects")
    defaults: dict[str, str] = {}
    for item in value:
        if not isinstance(item, dict) or len(item) != 1:
            raise QueryHeaderError(path, line, f"each default is one `- name: value` line, got {item!r}")
        ((name, default),) = item.items()
        if not isinstance(name, str) or isinstance(default, bool) or not isinstance(default, (str, int)):
            raise QueryHeaderError(path, line, f"default {name!r} must be text or an integer, got {_kind(default)}")
        if name in defaults:
            raise QueryHeaderError(path, line, f"parameter {name!r} has two defaults")
        defaults[name] = str(default)
    return defaults


def _kind(value: object) -> str:
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"
