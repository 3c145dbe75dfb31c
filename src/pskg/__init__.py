"""postsoviet-security-kg: a linked-data graph of post-Soviet security alliances.

Built from Sophie Momzikoff's article « Alliances et coopérations sécuritaires au
sein de l'espace postsoviétique », every fact quoted from it, linked to Wikidata.

For notebooks: ``pskg.graph()``, ``pskg.query(name, **params)`` and
``pskg.panel()`` (see ``pskg.api``). They are loaded at their first use, so that
``import pskg`` (and every ``pskg`` command) stays as quick as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "graph", "panel", "query"]

if TYPE_CHECKING:
    from pskg.api import graph, panel, query

_API = frozenset({"graph", "panel", "query"})


def __getattr__(name: str) -> object:
    """The notebook API, imported on first use (PEP 562)."""
    if name in _API:
        from pskg import api

        return getattr(api, name)
    raise AttributeError(f"module 'pskg' has no attribute {name!r}")
