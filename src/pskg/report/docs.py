"""The ontology's HTML documentation (``dist/docs/``), written by pyLODE from ``ontology/pss.ttl``.

pyLODE 3.3.4 is pinned: it renders offline (its background ontologies ship with
it) and inlines its CSS, so the page opens without a network; 3.4.1's wheel
cannot be imported (it reads a pyproject.toml it does not ship).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pskg.atomic import replace_directory, staging_directory, write_text_atomically
from pskg.sources.resources import resource_dir

ONTOLOGY_FILE = "pss.ttl"


def ontology_html(ontology: Path | None = None) -> str:
    """The pyLODE (OntPub profile) page of the ontology, CSS included."""
    from pylode import OntPub  # imported here: loading pyLODE's background ontologies takes a moment

    for name in ("pylode", "httpx", "root"):
        logging.getLogger(None if name == "root" else name).setLevel(logging.WARNING)
    source = ontology or resource_dir("ontology") / ONTOLOGY_FILE
    return str(OntPub(ontology=str(source)).make_html())


def write_docs(dist: Path) -> Path:
    """Write ``dist/docs/index.html`` (and the ontology's Turtle beside it) in one folder swap."""
    target = dist / "docs"
    staging = staging_directory(target)
    source = resource_dir("ontology") / ONTOLOGY_FILE
    write_text_atomically(staging / "index.html", ontology_html(source))
    write_text_atomically(staging / ONTOLOGY_FILE, source.read_text(encoding="utf-8"))
    replace_directory(staging, target)
    return target
