"""One version and one licence story, stated in several places that must agree."""

from __future__ import annotations

import re

import tomllib
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL

import pskg
from pskg.sources.namespaces import ONTOLOGY_IRI
from pskg.sources.parse import parse_turtle_file
from tests.conftest import REPO

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_package_version_matches_pyproject():
    assert pskg.__version__ == VERSION


def test_ontology_version_matches():
    ontology = parse_turtle_file(REPO / "ontology" / "pss.ttl")
    iri = URIRef(ONTOLOGY_IRI)
    assert str(ontology.value(iri, OWL.versionInfo)) == VERSION
    assert ontology.value(iri, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{VERSION}")
    assert ontology.value(iri, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_citation_and_changelog_match():
    citation = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: {re.escape(VERSION)}$", citation, re.MULTILINE)
    assert "license: CC-BY-4.0" in citation
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    first_release = re.search(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.MULTILINE)
    assert first_release and first_release.group(1) == VERSION


def test_licence_files_agree():
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by/4.0" in (REPO / "LICENSE-DATA").read_text(encoding="utf-8")
