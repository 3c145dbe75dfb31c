"""Answers kept on disk, so that asking the same question of the same sources again costs a file read.

The same query text with the same parameter values on the same sources has the
same answer, so the engine's own TSV table is kept in
``answers/<source key>/<SHA-256 of query text and values>.tsv`` under pskg's
cache root, written atomically. It is read back with the conversion a fresh
answer goes through (``rows.table_rows``), so both give the same rows. The
source key (``engines.built_store.source_key``) covers every ontology, data,
shapes and query file and the package's code: a change to any makes a new key,
and the answers of older keys are removed with their built store. Nothing is
kept of a query that fails, so a kept answer's values were checked when it was
computed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from pskg.atomic import write_text_atomically
from pskg.queries.catalogue import QueryResult, SavedQuery
from pskg.queries.rows import table_rows, table_variables
from pskg.sources.resources import cache_root


def answers_root() -> Path:
    """Where kept answers live, one folder per source key."""
    return cache_root() / "answers"


def answer_path(query: SavedQuery, values: dict[str, str], key: str) -> Path:
    """The file that holds the answer of ``query`` with ``values`` on the sources of ``key``."""
    identity = json.dumps([query.text, sorted(values.items())], ensure_ascii=False)
    return answers_root() / key / f"{hashlib.sha256(identity.encode()).hexdigest()}.tsv"


def read_answer(path: Path) -> QueryResult | None:
    """The answer kept in ``path``; ``None`` when there is none or it cannot be read (it is computed again)."""
    try:
        return table_result(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def keep_answer(path: Path, table: str) -> None:
    """Write the engine's table to ``path`` atomically; an answer not kept only costs time."""
    with contextlib.suppress(OSError):
        write_text_atomically(path, table)


def table_result(table: str) -> QueryResult:
    """The rows of an engine's TSV table."""
    return QueryResult(variables=table_variables(table), rows=table_rows(table))
