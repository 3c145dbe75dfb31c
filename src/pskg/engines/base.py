"""The interface every engine implements: validate, reason for the build, answer saved queries.

``--engine NAME`` picks one (``pskg.engines.get_engine``); the CLI, the build and
the benchmark call these methods and never test the engine's name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rdflib import Graph

from pskg.engines.results import ValidationReport
from pskg.queries.catalogue import QueryResult, SavedQuery
from pskg.sources.parse import SourceGraph

#: Where an engine says which work it handed to another (one line each).
Notice = Callable[[str], None]


@dataclass(frozen=True)
class Validation:
    """What ``pskg validate`` reports: the asserted triples and files read, and the report."""

    triples: int
    files: int
    report: ValidationReport


class Engine(ABC):
    """One stack that validates, reasons over and queries the graph."""

    #: The ``--engine`` value that selects it.
    name: ClassVar[str]
    #: One line for ``--help``.
    summary: ClassVar[str]
    #: Whether it keeps the sources in an Oxigraph store, which the build then writes the release from.
    keeps_a_store: ClassVar[bool]

    @abstractmethod
    def validate(self, data: Sequence[Path] | None = None, shapes: Sequence[Path] | None = None) -> Validation:
        """``data`` (default: the project's ontology and data) against ``shapes`` (default: the project's)."""

    @abstractmethod
    def checks(self, sources: SourceGraph, notice: Notice) -> tuple[ValidationReport, Graph]:
        """The validation report of ``sources`` and, when they conform, the inferred triples: ``pskg build``."""

    @abstractmethod
    def query(self, query: SavedQuery, values: dict[str, str], cached: bool = True) -> QueryResult:
        """A saved query's answer on the project's built graph; ``cached``: an answer kept before may be read back."""
