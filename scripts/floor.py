#!/usr/bin/env python3
"""The floor of ``pskg build``: the same parse and the same five RDF formats, done by bare pyoxigraph.

Usage: ``python scripts/floor.py ROOT OUT`` — parses every Turtle file of
``ROOT/ontology`` and ``ROOT/data`` into a named graph of its own, gathers them
into one graph, and writes Turtle, N-Triples, TriG, N-Quads and JSON-LD into
``OUT``. No validation, no reasoning, no panels: what ``pskg build`` cannot do
faster, whatever it does. The benchmark (``pskg bench``) runs it beside the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox


def main(root: Path, out: Path) -> None:
    store = ox.Store()
    files = sorted((root / "ontology").rglob("*.ttl")) + sorted((root / "data").rglob("*.ttl"))
    for path in files:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.resolve().as_uri()))
    out.mkdir(parents=True, exist_ok=True)
    store.dump(output=str(out / "floor.trig"), format=ox.RdfFormat.TRIG)
    store.dump(output=str(out / "floor.nq"), format=ox.RdfFormat.N_QUADS)
    store.dump(output=str(out / "floor.jsonld"), format=ox.RdfFormat.JSON_LD)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.dump(output=str(out / "floor.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    store.dump(output=str(out / "floor.nt"), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
