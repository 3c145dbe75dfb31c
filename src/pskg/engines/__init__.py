"""The engines that validate, reason and query: ``fast`` (the default) and ``reference``.

``fast``: a pyoxigraph store, a targeted OWL RL closure and the SHACL shapes
compiled to SPARQL, handing a construct it does not cover to the reference
libraries with one notice. ``reference``: rdflib, owlrl and pySHACL, which the
agreement tests hold the fast engine to. Each is imported only when asked for, so
the fast path never loads pySHACL or owlrl.
"""

from __future__ import annotations

from importlib import import_module

from pskg.engines.base import Engine

#: Engine name -> the module and class that implement it.
_ENGINES = {
    "fast": ("pskg.engines.fast_engine", "FastEngine"),
    "reference": ("pskg.engines.reference.engine", "ReferenceEngine"),
}
ENGINE_NAMES = tuple(_ENGINES)
DEFAULT_ENGINE = "fast"


def get_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine called ``name``."""
    if name not in _ENGINES:
        raise ValueError(f"unknown engine {name!r}; expected one of {ENGINE_NAMES}")
    module, cls = _ENGINES[name]
    engine: Engine = getattr(import_module(module), cls)()
    return engine
