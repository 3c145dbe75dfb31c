"""``pskg build``: parse, reason, validate, then write ``dist/`` in one swap.

Nothing is written unless the graph conforms; the outputs are written to a
staging folder that replaces ``dist/`` whole, so a failed or interrupted build
leaves the previous ``dist/`` as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from pskg import __version__
from pskg.atomic import replace_directory, staging_directory
from pskg.engines import get_engine
from pskg.engines.base import Engine, Notice
from pskg.engines.reasoning import print_notice
from pskg.engines.results import ValidationReport
from pskg.errors import ValidationFailed
from pskg.release.formats import CHECKSUMS, checksums, release_files
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


def failure_message(report: ValidationReport) -> str:
    """The refusal message: how many violations and the first ones in full."""
    violations = [v for v in report.violations if v.severity == "Violation"]
    shown = "\n".join(v.describe() for v in violations[:10])
    more = f"\n… and {len(violations) - 10} more (run `pskg validate`)" if len(violations) > 10 else ""
    return (
        f"the graph does not conform to the shapes ({len(violations)} violations); nothing was written\n{shown}{more}"
    )


def write_dist(knowledge: KnowledgeGraph, dist: Path) -> tuple[str, ...]:
    """Serialise the asserted and inferred graphs beside a checksummed manifest, then swap."""
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
        manifest = {
            "name": "postsoviet-security-kg",
            "version": __version__,
            "triples": {"asserted": len(knowledge.asserted), "inferred": len(knowledge.inferred)},
            "graphs": release.graph_triples,
            "sha256": {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in outputs.items()},
        }
        manifest_text = json.dumps(manifest, indent=2) + "\n"
        (staging / "manifest.json").write_text(manifest_text, encoding="utf-8")
        (staging / CHECKSUMS).write_text(checksums({**outputs, "manifest.json": manifest_text}), encoding="utf-8")
        replace_directory(staging, dist)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return (*outputs, "manifest.json", CHECKSUMS)


def _turtle(graph: Graph) -> str:
    return graph.serialize(format="longturtle")


def _ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"
