"""The knowledge graph as users get it: asserted sources plus inferred triples."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from pskg.sources.namespaces import new_graph
from pskg.sources.parse import SourceGraph


@dataclass
class KnowledgeGraph:
    """Asserted triples (ontology and data, with their files) and the inferred ones, apart."""

    sources: SourceGraph
    inferred: Graph

    @property
    def asserted(self) -> Graph:
        """Ontology and data as written in the repository."""
        return self.sources.graph

    def union(self) -> Graph:
        """Asserted and inferred together: what the saved queries run on."""
        merged = new_graph()
        merged += self.sources.graph
        merged += self.inferred
        return merged
