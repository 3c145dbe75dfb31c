"""Reviewable files: canonical Turtle everywhere, one meaning per prefix."""

from __future__ import annotations

import re
import shutil

import pytest

from pskg.sources.canonical import FORMATTED_KINDS, canonical_text, format_files
from pskg.sources.namespaces import PREFIXES
from pskg.sources.parse import parse_turtle_file
from pskg.sources.resources import turtle_files
from tests.conftest import REPO

TURTLE_FILES = [p for kind in FORMATTED_KINDS for p in turtle_files(kind)]
PREFIX_LINE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_file_is_in_canonical_form(path):
    assert path.read_text(encoding="utf-8") == canonical_text(path), f"run `pskg fmt {path.relative_to(REPO)}`"


def test_formatter_detects_and_fixes_a_non_canonical_file(tmp_path):
    source = REPO / "data" / "states.ttl"
    shuffled = tmp_path / "states.ttl"
    header = [line for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    other_serialisation = parse_turtle_file(source).serialize(format="turtle")
    shuffled.write_text("\n".join(header) + "\n\n" + other_serialisation, encoding="utf-8")
    shutil.copymode(source, shuffled)
    assert format_files([shuffled], check_only=True).changed == (shuffled,)
    format_files([shuffled])
    assert format_files([shuffled], check_only=True).changed == ()
    assert shuffled.read_text(encoding="utf-8").splitlines()[: len(header)] == header


def _declared_prefixes():
    files = [*TURTLE_FILES, *sorted((REPO / "queries").glob("*.rq")), *sorted((REPO / "tests").rglob("*.ttl"))]
    for path in files:
        for prefix, iri in PREFIX_LINE.findall(path.read_text(encoding="utf-8")):
            yield path, prefix, iri


def test_every_prefix_means_what_the_namespace_module_says():
    wrong = [
        (str(path.relative_to(REPO)), prefix, iri)
        for path, prefix, iri in _declared_prefixes()
        if prefix in PREFIXES and str(PREFIXES[prefix]) != iri
    ]
    unknown = sorted({prefix for _, prefix, _ in _declared_prefixes() if prefix and prefix not in PREFIXES})
    assert wrong == []
    assert unknown == [], "declare new prefixes in pskg.sources.namespaces"
