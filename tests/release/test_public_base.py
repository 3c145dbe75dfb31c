"""The VoID/DCAT description names where the dataset is published, from one setting, never a loopback address."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCAT, VOID

from pskg import __version__
from pskg.errors import PskgError
from pskg.release.dataset import BASE, DATASET_IRI, graph_iri
from pskg.release.description import PUBLIC_BASE_VARIABLE, describe_dataset, published_at
from pskg.release.formats import MEDIA_TYPES, NQUADS, VOID_FILE, read_release_graphs


def test_the_release_names_the_w3id_endpoint_and_no_loopback(release: Path) -> None:
    text = (release / VOID_FILE).read_text(encoding="utf-8")
    for loopback in ("127.0.0.1", "localhost", "[::1]"):
        assert loopback not in text
    metadata = read_release_graphs(release)[str(graph_iri("metadata"))]
    assert metadata.value(DATASET_IRI, VOID.sparqlEndpoint) == URIRef(f"{BASE}/query")
    distribution = URIRef(f"{DATASET_IRI}/{__version__}/{NQUADS}")
    assert metadata.value(distribution, DCAT.downloadURL) == URIRef(f"{BASE}/dataset/{__version__}/{NQUADS}")


def _endpoint_and_download() -> tuple[URIRef | None, URIRef | None]:
    graph = describe_dataset({}, [], MEDIA_TYPES)
    distribution = URIRef(f"{DATASET_IRI}/{__version__}/{NQUADS}")
    return graph.value(DATASET_IRI, VOID.sparqlEndpoint), graph.value(distribution, DCAT.downloadURL)


def test_one_setting_moves_endpoint_and_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PUBLIC_BASE_VARIABLE, "https://kg.example.org/")
    assert _endpoint_and_download() == (
        URIRef("https://kg.example.org/query"),
        URIRef(f"https://kg.example.org/dataset/{__version__}/{NQUADS}"),
    )
    with published_at("http://data.example.net/pss"):  # pskg build --public-base beats the variable
        assert _endpoint_and_download()[0] == URIRef("http://data.example.net/pss/query")
    assert _endpoint_and_download()[0] == URIRef("https://kg.example.org/query")


@pytest.mark.parametrize("bad", ["ftp://x.org", "kg.example.org", "https://x.org/a b", "https://x.org/?q=1", ""])
def test_a_public_base_that_is_no_url_is_refused(bad: str) -> None:
    with pytest.raises(PskgError), published_at(bad):
        pass
