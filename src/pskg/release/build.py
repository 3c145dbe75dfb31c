"""``pskg build``: parse, reason, validate, then write ``dist/`` in one swap.

Nothing is written unless the graph conforms; the outputs are written to a
staging folder that replaces ``dist/`` whole, so a failed or interrupted build
leaves the previous ``dist/`` as it was. An engine that keeps the sources in a
store (the fast one) writes the release from that store (``release.store_release``)
and leaves it as the built store that queries open; the reference engine writes it
with rdflib (``release.formats``). Both give the same triples in the same graphs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from pskg import __version__
from pskg.atomic import replace_directory, staging_directory
from pskg.engines import get_engine
from pskg.engines.base import Engine, Notice
from pskg.engines.built_store import keep_built_store, source_key
from pskg.engines.reasoning import print_notice
from pskg.engines.results import failure_message
from pskg.errors import ValidationFailed
from pskg.release.codebook import write_datapackage
from pskg.release.formats import CHECKSUMS, DATAPACKAGE, checksums, release_files
from pskg.release.panel import PANEL_FILES, write_panels
from pskg.release.store_release import checked_store, prepare_store_release, write_rdf_files
from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.parse import load_sources

ASSERTED_NAME = "postsoviet-security-kg"
INFERRED_NAME = "postsoviet-security-kg-inferred"


@dataclass(frozen=True)
class BuildResult:
    """What the build wrote and what it found."""

    dist: Path
    asserted_triples: int
    inferred_triples: int
    files: tuple[str, ...]


def build(
    dist: Path,
    progress: Callable[[str], None] = lambda _: None,
    engine: Engine | None = None,
    notice: Notice = print_notice,
) -> BuildResult:
    """Build the graph into ``dist`` on ``engine`` (default: the fast one); raise ValidationFailed (writing
    nothing) if it does not conform."""
    engine = get_engine() if engine is None else engine
    if not engine.keeps_a_store:
        return _build_with_rdflib(dist, progress, engine, notice)
    key = source_key()
    checked = checked_store(progress, notice)
    if altered := checked.sources.altered_literals():
        notice(
            f"release: {len(altered)} literal(s) Oxigraph would not write as the sources do "
            f"(first: {altered[0].literal}, {altered[0].why}); the release is written with rdflib"
        )
        return _build_with_rdflib(dist, progress, engine, notice)
    progress(f"writing {dist}")
    staging = staging_directory(dist)
    try:
        release = prepare_store_release(checked)
        store, queried = checked.store, release.queried_graphs()
        with ThreadPoolExecutor(max_workers=2) as pool:  # the engine writes the RDF files and the kept store
            written = pool.submit(write_rdf_files, store, release, staging, (ASSERTED_NAME, INFERRED_NAME))
            kept = pool.submit(keep_built_store, store, key, True, queried)
            write_panels(store, _panel_paths(staging), union=True)  # while Python writes the CSV files
            write_datapackage(staging / DATAPACKAGE)
            written.result()
            kept.result()
        files = _seal(staging, release.graph_triples, release.asserted, release.inferred)
        replace_directory(staging, dist)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(dist, release.asserted, release.inferred, files)


def _build_with_rdflib(dist: Path, progress: Callable[[str], None], engine: Engine, notice: Notice) -> BuildResult:
    knowledge = checked_knowledge(progress, engine, notice)
    progress(f"writing {dist}")
    files = write_dist(knowledge, dist)
    return BuildResult(dist, len(knowledge.asserted), len(knowledge.inferred), files)


def checked_knowledge(
    progress: Callable[[str], None] = lambda _: None, engine: Engine | None = None, notice: Notice = print_notice
) -> KnowledgeGraph:
    """Parse, validate (raise ValidationFailed if the graph does not conform) and reason, on ``engine``."""
    engine = get_engine() if engine is None else engine
    progress("parsing ontology and data")
    sources = load_sources()
    progress(
        f"validating {len(sources.graph)} triples against the shapes, then reasoning (OWL RL, {engine.name} engine)"
    )
    report, inferred = engine.checks(sources, notice)
    if not report.conforms:
        raise ValidationFailed(failure_message(report))
    return KnowledgeGraph(sources=sources, inferred=inferred)


def write_dist(knowledge: KnowledgeGraph, dist: Path) -> tuple[str, ...]:
    """Serialise the asserted and inferred graphs with rdflib beside a checksummed manifest, then swap."""
    staging = staging_directory(dist)
    try:
        outputs = {
            f"{ASSERTED_NAME}.ttl": _turtle(knowledge.asserted),
            f"{ASSERTED_NAME}.nt": _ntriples(knowledge.asserted),
            f"{INFERRED_NAME}.ttl": _turtle(knowledge.inferred),
            f"{INFERRED_NAME}.nt": _ntriples(knowledge.inferred),
        }
        release = release_files(knowledge)
        outputs |= release.files
        for name, text in outputs.items():
            (staging / name).write_text(text, encoding="utf-8")
        write_panels(knowledge.union(), _panel_paths(staging))
        write_datapackage(staging / DATAPACKAGE)
        files = _seal(staging, release.graph_triples, len(knowledge.asserted), len(knowledge.inferred))
        replace_directory(staging, dist)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return files


def _panel_paths(staging: Path) -> dict[str, Path]:
    """Where the CSV files go: beside the RDF files, their codebook with them."""
    return {name: staging / name for name in PANEL_FILES}


def _seal(staging: Path, graph_triples: dict[str, int], asserted: int, inferred: int) -> tuple[str, ...]:
    """Write ``manifest.json`` (counts, SHA-256 of every file, the key of the sources it was built from) and
    ``SHA256SUMS``; the files' names."""
    names = sorted(path.name for path in staging.iterdir() if path.is_file())
    digests = {name: _sha256(staging / name) for name in names}
    manifest = {
        "name": "postsoviet-security-kg",
        "version": __version__,
        "sources": source_key(),
        "triples": {"asserted": asserted, "inferred": inferred},
        "graphs": graph_triples,
        "sha256": digests,
    }
    manifest_text = json.dumps(manifest, indent=2) + "\n"
    (staging / "manifest.json").write_text(manifest_text, encoding="utf-8")
    digests["manifest.json"] = hashlib.sha256(manifest_text.encode("utf-8")).hexdigest()
    (staging / CHECKSUMS).write_text(checksums(digests), encoding="utf-8")
    return (*names, "manifest.json", CHECKSUMS)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _turtle(graph: Graph) -> str:
    return graph.serialize(format="longturtle")


def _ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"
