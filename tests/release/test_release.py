"""The release files: named graphs, their description, JSON-LD, checksums, one version, the CSV files' export
(what the panels hold: tests/release/test_panel.py)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, VOID

import pskg
from pskg import cli
from pskg.engines.literal_forms import canonical_graph
from pskg.release.dataset import ASSERTED_KEYS, DATASET_IRI, GRAPH_IRIS, graph_iri
from pskg.release.formats import (
    CHECKSUMS,
    CONTEXT,
    DATAPACKAGE,
    JSONLD,
    NQUADS,
    PANEL,
    TRIG,
    VOID_FILE,
    read_release_graphs,
    release_files,
)
from pskg.release.panel import PANEL_FILES
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import ID, ONTOLOGY_IRI


def _dataset(path: Path, fmt: str) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return dataset


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads():
        graphs.setdefault(str(g), Graph()).add((s, p, o))
    return graphs


def test_named_graphs_hold_the_whole_knowledge_graph(release: Path, knowledge: KnowledgeGraph) -> None:
    graphs = read_release_graphs(release)
    assert list(graphs) == [str(iri) for iri in GRAPH_IRIS]
    union = Graph()
    for key in (*ASSERTED_KEYS, "inferred"):
        union += graphs[str(graph_iri(key))]
    # Oxigraph writes a number in its own lexical form (45349 for 45349.0): the same value, the same datatype
    assert isomorphic(canonical_graph(union), canonical_graph(knowledge.union()))
    assert len(graphs[str(graph_iri("inferred"))]) == len(knowledge.inferred)


@pytest.mark.parametrize(("name", "fmt"), [(TRIG, "trig"), (JSONLD, "json-ld")])
def test_trig_and_jsonld_carry_the_same_named_graphs_as_nquads(release: Path, name: str, fmt: str) -> None:
    reference = _graphs(_dataset(release / NQUADS, "nquads"))
    other = _graphs(_dataset(release / name, fmt))
    assert set(other) == set(reference)
    for iri, graph in reference.items():
        assert isomorphic(other[iri], graph), iri


def test_jsonld_context_is_published_and_used(release: Path) -> None:
    context = json.loads((release / CONTEXT).read_text(encoding="utf-8"))
    document = json.loads((release / JSONLD).read_text(encoding="utf-8"))
    assert document["@context"] == context["@context"]
    assert context["@context"]["pss"] == "https://w3id.org/postsoviet-security/ontology#"
    assert context["@context"]["startYear"] == {"@id": "pss:startYear", "@type": "xsd:integer"}


def test_void_description_counts_every_graph(release: Path) -> None:
    graphs = read_release_graphs(release)
    metadata = graphs[str(graph_iri("metadata"))]
    for iri, graph in graphs.items():
        assert metadata.value(URIRef(iri), VOID.triples) == Literal(len(graph)), iri
    assert metadata.value(DATASET_IRI, VOID.triples).toPython() == sum(len(g) for g in graphs.values())
    void_file = Graph().parse(release / VOID_FILE, format="turtle")
    assert isomorphic(void_file, metadata)


def test_void_description_says_licence_source_creator_endpoint_and_examples(release: Path) -> None:
    metadata = read_release_graphs(release)[str(graph_iri("metadata"))]
    assert metadata.value(DATASET_IRI, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert metadata.value(DATASET_IRI, DCTERMS.source) == ID.momzikoff
    assert metadata.value(DATASET_IRI, DCTERMS.creator) is not None
    assert metadata.value(DATASET_IRI, VOID.sparqlEndpoint) is not None
    examples = set(metadata.objects(DATASET_IRI, VOID.exampleResource))
    assert ID.ARM in examples and ID.CSTO in examples


def test_one_version_in_package_ontology_and_release(release: Path) -> None:
    metadata = read_release_graphs(release)[str(graph_iri("metadata"))]
    ontology = read_release_graphs(release)[str(graph_iri("ontology"))]
    version = pskg.__version__
    assert str(metadata.value(DATASET_IRI, OWL.versionInfo)) == version
    assert metadata.value(DATASET_IRI, DCTERMS.conformsTo) == ontology.value(URIRef(ONTOLOGY_IRI), OWL.versionIRI)
    assert json.loads((release / "manifest.json").read_text(encoding="utf-8"))["version"] == version


def test_checksums_cover_every_file(release: Path) -> None:
    lines = (release / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line).groups()
        listed[name] = digest
    assert set(listed) == {p.name for p in release.iterdir()} - {CHECKSUMS}
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest, name


def test_export_writes_the_csv_files(tmp_path: Path, release: Path, capsys) -> None:
    assert cli.main(["export", "--out", str(tmp_path)]) == 0
    files = [*PANEL_FILES, DATAPACKAGE]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)
    for name in files:
        assert (tmp_path / name).read_bytes() == (release / name).read_bytes()
    assert str(tmp_path / PANEL) in capsys.readouterr().out


_RELEASE_DIGESTS = """
import hashlib, json
from pskg.engines.reference.engine import load_knowledge_graph
from pskg.release.formats import release_files
files = release_files(load_knowledge_graph()).files
print(json.dumps({name: hashlib.sha256(text.encode()).hexdigest() for name, text in sorted(files.items())}))
"""


def test_release_files_do_not_depend_on_the_hash_seed() -> None:
    """Two builds under different hash seeds write the same bytes (graph order once followed the seed)."""
    import os
    import subprocess
    import sys

    def digests(seed: str) -> dict[str, str]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _RELEASE_DIGESTS], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)

    first, second = digests("1"), digests("2")
    assert TRIG in first and JSONLD in first
    assert first == second


def test_the_release_cuts_its_named_graphs_from_the_files_as_parsed(
    knowledge: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No source file is parsed a second time to write the release (it was a sixth of a cold build)."""

    def parse_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a source file was parsed again")

    monkeypatch.setattr(Graph, "parse", parse_again)
    release = release_files(knowledge)
    assert release.graph_triples[str(graph_iri("facts"))] > 3000
