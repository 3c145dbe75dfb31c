"""Where the ontology, data, shapes and queries live.

In a wheel they ship inside the package (``pskg/_resources/``); in a source
checkout they are the top-level folders of the repository. ``PSKG_ROOT`` points
elsewhere (a fork with more data, a test fixture).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
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


def cache_root() -> Path:
    """The one folder every cache of pskg lives in (built store, kept answers, Wikidata responses).

    ``$PSKG_CACHE_DIR`` when set. In an install (the resources bundled in the
    package), the user cache folder (``$XDG_CACHE_HOME/pskg``, else
    ``~/.cache/pskg``): nothing is ever written inside the package. In a source
    checkout or a ``PSKG_ROOT`` folder, ``.pskg-cache/`` in it, so that two
    checkouts under edit do not replace each other's stores.
    """
    override = os.environ.get("PSKG_CACHE_DIR")
    if override:
        return Path(override)
    root = project_root()
    if root != _PACKAGE_DIR / "_resources":
        return root / ".pskg-cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "pskg"


def package_code() -> list[Path]:
    """The package's own Python files, sorted: what a cache key covers of the code (never a cache or a resource)."""
    code = _PACKAGE_DIR.rglob("*.py")
    return sorted(path for path in code if "_resources" not in path.relative_to(_PACKAGE_DIR).parts)


def resource_dir(kind: str) -> Path:
    """One of the resource folders (``ontology``, ``data``, ``validation``, ``queries``)."""
    if kind not in _KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; expected one of {_KINDS}")
    return project_root() / kind


def turtle_files(kind: str) -> list[Path]:
    """The Turtle files of a resource folder, sorted, recursively."""
    return sorted(resource_dir(kind).rglob("*.ttl"))


def display_path(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it: how messages name files."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
