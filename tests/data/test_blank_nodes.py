"""Blank nodes of different files stay apart when the files are merged (issue 18, point 4).

The answer is the RDF merge: parsing every file into one rdflib graph, which gives
each parse fresh blank nodes. Each file's labels were once its canonical ones
alone (``cb0`` in every file), which fused an address in a data file with the
head of the ontology's property chain, inline property shapes of two shape
files, and two property chains (owlrl's output then followed the hash seed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SH

from pskg.engines.fast.closure import infer_fast
from pskg.engines.fast.store import FastSources
from pskg.engines.reference.reason import infer
from pskg.release.dataset import split_knowledge
from pskg.sources.canonical import format_files
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import ID, ORG, PSS, new_graph
from pskg.sources.parse import SourceGraph, parse_turtle_file
from pskg.sources.shapes import load_shapes
from tests.conftest import REPO

ONTOLOGY = REPO / "ontology" / "pss.ttl"
SHAPES = REPO / "validation" / "shapes.ttl"
EX = "http://example.org/"
ADDRESS = f'<{ID}ARM> <{EX}address> [ <{EX}city> "Yerevan" ] .\n'
#: A second property chain, and data for both chains.
CHAIN = f"""
<{EX}allyOf> <{OWL.propertyChainAxiom}> ( <{EX}alliedIn> <{EX}alliance> ) .
<{ID}ARM> <{EX}alliedIn> <{ID}treaty-1> . <{ID}treaty-1> <{EX}alliance> <{ID}CSTO> .
<{ID}ARM> <{ORG.hasMembership}> <{ID}m-1> . <{ID}m-1> <{ORG.organization}> <{ID}CIS> .
"""
LABEL = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_INFER_UNDER_SEED = """
import json, sys
from pathlib import Path
from rdflib import BNode
from pskg.sources.parse import SourceGraph
from pskg.engines.reference.reason import infer
sources = SourceGraph()
for name in sys.argv[1:]:
    sources.add_file(Path(name))
labels = sorted({str(t) for triple in sources.graph for t in triple if isinstance(t, BNode)})
inferred = sorted(" ".join(t.n3() for t in triple) for triple in infer(sources.graph))
print(json.dumps({"labels": labels, "inferred": inferred}))
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _rdf_merge(paths: list[Path]) -> Graph:
    """The RDF merge: one graph, one parse per file, each with fresh blank nodes."""
    merged = Graph()
    for path in paths:
        merged.parse(path, format="turtle")
    return merged


def _merged_sources(paths: list[Path]) -> SourceGraph:
    sources = SourceGraph()
    for path in paths:
        sources.add_file(path)
    return sources


def _blank_nodes(graph: Graph) -> set[BNode]:
    return {term for triple in graph for term in triple if isinstance(term, BNode)}


def _property_shapes(shapes: Graph) -> set:
    return set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))


@pytest.fixture
def address(tmp_path: Path) -> Path:
    return _write(tmp_path / "address.ttl", ADDRESS)


@pytest.fixture
def chain(tmp_path: Path) -> Path:
    return _write(tmp_path / "chain.ttl", CHAIN)


def test_two_data_files_keep_their_blank_nodes_apart(tmp_path: Path) -> None:
    paths = [
        _write(tmp_path / "a.ttl", f'<{EX}a> <{EX}p> [ <{EX}q> "1" ] .\n'),
        _write(tmp_path / "b.ttl", f'<{EX}b> <{EX}p> [ <{EX}r> "2" ] .\n'),
    ]
    merged = _merged_sources(paths).graph
    assert len(_blank_nodes(merged)) == 2
    assert isomorphic(merged, _rdf_merge(paths))


def test_a_data_file_leaves_the_property_chain_of_the_ontology_alone(address: Path) -> None:
    merged = _merged_sources([ONTOLOGY, address]).graph
    head = merged.value(PSS.memberOf, OWL.propertyChainAxiom)
    assert sorted(merged.predicates(head)) == [RDF.first, RDF.rest]
    assert list(Collection(merged, head)) == [ORG.hasMembership, ORG.organization]
    place = merged.value(ID.ARM, URIRef(f"{EX}address"))
    assert len(list(merged.predicate_objects(place))) == 1
    assert isomorphic(merged, _rdf_merge([ONTOLOGY, address]))


def test_the_release_graphs_keep_the_files_apart(address: Path) -> None:
    sources = _merged_sources([ONTOLOGY, address])
    graphs = split_knowledge(KnowledgeGraph(sources=sources, inferred=new_graph())).graphs
    union = new_graph()
    union += graphs["ontology"]
    union += graphs["facts"]
    assert isomorphic(union, _rdf_merge([ONTOLOGY, address]))


def test_merged_shape_files_keep_every_inline_property_shape(tmp_path: Path) -> None:
    user = f"<{EX}Shape{{n}}> a <{SH.NodeShape}> ; <{SH.property}> [ <{SH.path}> <{EX}p> ; <{SH.minCount}> 1 ] .\n"
    paths = [SHAPES, *(_write(tmp_path / f"user-{n}.ttl", user.format(n=n)) for n in (1, 2))]
    expected = sum(len(_property_shapes(parse_turtle_file(path))) for path in paths)
    shapes = load_shapes(paths)
    assert len(_property_shapes(shapes)) == expected
    assert isomorphic(shapes, _rdf_merge(paths))


def test_load_shapes_reads_validation_by_default() -> None:
    assert isomorphic(load_shapes(), load_shapes([SHAPES]))


def _infer_under_seed(seed: str, paths: list[Path]) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-c", _INFER_UNDER_SEED, *map(str, paths)]
    run = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_a_second_property_chain_is_reasoned_as_the_rdf_merge_under_any_hash_seed(chain: Path) -> None:
    paths = [ONTOLOGY, chain]
    first, second = (_infer_under_seed(seed, paths) for seed in ("1", "2"))
    assert first == second
    merge = sorted(" ".join(t.n3() for t in triple) for triple in infer(_rdf_merge(paths)))
    assert first["inferred"] == merge
    assert f"<{ID}ARM> <{EX}allyOf> <{ID}CSTO>" in merge
    assert f"<{ID}ARM> <{PSS.memberOf}> <{ID}CIS>" in merge


def test_the_fast_store_keeps_the_files_apart(address: Path, chain: Path) -> None:
    paths = [ONTOLOGY, address, chain]
    fast = FastSources()
    for path in paths:
        fast.add_file(path)
    quads = fast.store.quads_for_pattern(None, None, None, None)
    blank = {term for quad in quads for term in (quad.subject, quad.object) if isinstance(term, pyoxigraph.BlankNode)}
    assert len(blank) == len(_blank_nodes(_rdf_merge(paths)))
    inferred = Graph().parse(data=infer_fast(fast).decode("utf-8"), format="nt")
    assert isomorphic(inferred, infer(_rdf_merge(paths)))


def test_labels_follow_the_file_and_nothing_else(tmp_path: Path, address: Path) -> None:
    labels = _blank_nodes(parse_turtle_file(address))
    assert labels == _blank_nodes(parse_turtle_file(address))
    elsewhere = _write(tmp_path / "elsewhere.ttl", ADDRESS)
    assert labels.isdisjoint(_blank_nodes(parse_turtle_file(elsewhere)))
    assert all(LABEL.fullmatch(str(label)) for label in labels | _blank_nodes(parse_turtle_file(ONTOLOGY)))


def test_labels_do_not_depend_on_where_the_project_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSKG_ROOT", str(REPO))
    here = _blank_nodes(parse_turtle_file(ONTOLOGY))
    copy = tmp_path / "ontology" / ONTOLOGY.name
    copy.parent.mkdir()
    shutil.copyfile(ONTOLOGY, copy)
    monkeypatch.setenv("PSKG_ROOT", str(tmp_path))
    assert _blank_nodes(parse_turtle_file(copy)) == here


def test_formatting_keeps_the_labels_it_writes(tmp_path: Path) -> None:
    """A blank node named twice is written with its label: rewriting the file must not change it."""
    shared = _write(tmp_path / "shared.ttl", f'<{EX}a> <{EX}p> _:x . <{EX}b> <{EX}p> _:x . _:x <{EX}q> "v" .\n')
    assert format_files([shared]).changed == (shared,)
    assert "_:" in shared.read_text(encoding="utf-8")
    assert format_files([shared], check_only=True).changed == ()
