"""The fast path (pyoxigraph store, targeted closure) agrees with the reference stack (rdflib, owlrl)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from pskg.engines import from_oxigraph
from pskg.fast_reason import infer_fast, inferred_triples
from pskg.fast_store import FastSources, load_fast_sources
from pskg.load import load_sources
from pskg.reason import infer
from pskg.synthetic import FAULT_SHAPES, generate


def fast_inferred(sources: FastSources) -> set[tuple]:
    """The fast reasoner's triples, as rdflib terms."""
    infer_fast(sources)
    return {tuple(from_oxigraph(term) for term in quad.triple) for quad in inferred_triples(sources.store)}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three copies of the data with four injected faults, as the project folder."""
    root = tmp_path_factory.mktemp("synthetic")
    generate(root, scale=3, faults=4)
    return root


def test_fast_reasoner_matches_owlrl_on_the_real_graph(knowledge):
    assert fast_inferred(load_fast_sources()) == set(knowledge.inferred)


def test_fast_reasoner_matches_owlrl_on_a_generated_graph(generated, monkeypatch):
    monkeypatch.setenv("PSKG_ROOT", str(generated))
    reference: Graph = infer(load_sources().graph)
    assert len(reference) > 0
    assert fast_inferred(load_fast_sources()) == set(reference)


def test_generated_graph_has_the_announced_faults(tmp_path):
    graph = generate(tmp_path, scale=2, faults=3)
    assert len(graph.faults) == 3
    assert {fault.shape for fault in graph.faults} <= set(FAULT_SHAPES.values())
    assert len(list((tmp_path / "data").glob("*.ttl"))) == 1
