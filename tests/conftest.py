"""Shared fixtures: the graph is built once per session, as users get it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import Graph

from pskg.engines.reference.engine import load_knowledge_graph
from pskg.release.build import build
from pskg.report.data import QueryRunner
from pskg.sources.knowledge import KnowledgeGraph

REPO = Path(__file__).resolve().parent.parent
ARTICLE_NAME = "momzikoff-alliances-postsoviet.txt"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeGraph:
    """Ontology + data, parsed and reasoned once."""
    return load_knowledge_graph()


@pytest.fixture(scope="session")
def graph(knowledge: KnowledgeGraph) -> Graph:
    """Asserted and inferred triples together, as the saved queries and the report see them."""
    return knowledge.union()


@pytest.fixture(scope="session")
def runner(graph: Graph) -> QueryRunner:
    """The report's query runner on that graph."""
    return QueryRunner(graph)


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release files (``pskg build``), built once into a temporary ``dist/``."""
    dist = tmp_path_factory.mktemp("release") / "dist"
    build(dist)
    return dist


def article_path() -> Path | None:
    """The article text: ``$PSKG_SOURCE_TEXT`` or ``../shared/source/`` beside the repository."""
    override = os.environ.get("PSKG_SOURCE_TEXT")
    candidates = [Path(override)] if override else []
    candidates.append(REPO.parent / "shared" / "source" / ARTICLE_NAME)
    return next((p for p in candidates if p.is_file()), None)


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article, whitespace-normalised. Never skipped in CI: its absence there is a failure."""
    path = article_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("the article text is missing in CI (expected ../shared/source/ or $PSKG_SOURCE_TEXT)")
        pytest.skip("article text not available: set PSKG_SOURCE_TEXT to check quotes against it")
    return normalise(path.read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Whitespace folded to single spaces: the only liberty quotes may take."""
    return re.sub(r"\s+", " ", text).strip()


#: The full suite collects at least this many tests; raise it as tests are added.
#: A leftover filter or a test file pytest no longer collects makes the run fail.
MINIMUM_COLLECTED = 100


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail a full run (no -k/-m, no paths given) that collects fewer tests than expected."""
    config = session.config
    if config.option.keyword or config.option.markexpr or config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return
    if len(session.items) < MINIMUM_COLLECTED:
        raise pytest.UsageError(f"only {len(session.items)} tests collected, expected at least {MINIMUM_COLLECTED}")
