"""Where the ontology, data, shapes and queries live.

In a wheel they ship inside the package (``pskg/_resources/``); in a source
checkout they are the top-level folders of the repository. ``PSKG_ROOT`` points
elsewhere (a fork with more data, a test fixture).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_KINDS = ("ontology", "data", "validation", "queries")


def project_root() -> Path:
    """The folder holding ``ontology/``, ``data/``, ``validation/``, ``queries/``."""
    override = os.environ.get("PSKG_ROOT")
    if override:
        return Path(override)
    bundled = _PACKAGE_DIR / "_resources"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent


def resource_dir(kind: str) -> Path:
    """One of the resource folders (``ontology``, ``data``, ``validation``, ``queries``)."""
    if kind not in _KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; expected one of {_KINDS}")
    return project_root() / kind


def turtle_files(kind: str) -> list[Path]:
    """The Turtle files of a resource folder, sorted, recursively."""
    return sorted(resource_dir(kind).rglob("*.ttl"))
