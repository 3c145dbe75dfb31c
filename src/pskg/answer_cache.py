"""Answers of the fast engine kept on disk, so that asking again does not read the built store again.

On a graph a thousand times ours, ``pskg query`` spends about 7 s reading the
cached built store before the engine starts, and up to a second in the engine.
The same query text with the same parameter values on the same sources has the
same answer, so it is kept: the engine's own TSV table, in
``answers/<source key>/<SHA-256 of query text and values>.tsv`` beside the built
store, written atomically. It is read back with the conversion a fresh answer
goes through (``solution_rows.table_rows``), so both give the same rows. The
source key covers every ontology, data, shapes and query file and the package's
code: a change to any makes a new key, and the answers of the old one are
removed with its built store. Nothing is kept of a query that fails, so a kept
answer's values were checked when it was computed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from pskg.atomic import write_text_atomically
from pskg.built_store import answers_dir, built_store, fast_solutions, source_key
from pskg.queries import QueryResult, SavedQuery
from pskg.solution_rows import solution_table, table_rows, table_variables


def answer_path(query: SavedQuery, values: dict[str, str], key: str) -> Path:
    """The file that holds the answer of ``query`` with ``values`` on the sources of ``key``."""
    identity = json.dumps([query.text, sorted(values.items())], ensure_ascii=False)
    return answers_dir(key) / f"{hashlib.sha256(identity.encode()).hexdigest()}.tsv"


def cached_fast_query(query: SavedQuery, values: dict[str, str]) -> QueryResult:
    """``built_store.run_fast_query``'s answer, from the cache when it was computed on the same sources."""
    key = source_key()
    path = answer_path(query, values, key)
    kept = read_answer(path)
    if kept is not None:
        return kept
    solutions = fast_solutions(query, values, built_store(key))
    if not solutions.variables:  # a table with no columns does not say how many rows it has: not kept
        return QueryResult(variables=(), rows=tuple(() for _ in solutions))
    table = solution_table(solutions)
    keep_answer(path, table)
    return _result(table)


def read_answer(path: Path) -> QueryResult | None:
    """The answer kept in ``path``; ``None`` when there is none or it cannot be read (it is computed again)."""
    try:
        return _result(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def keep_answer(path: Path, table: str) -> None:
    """Write the engine's table to ``path`` atomically; an answer not kept only costs time."""
    with contextlib.suppress(OSError):
        write_text_atomically(path, table)


def _result(table: str) -> QueryResult:
    return QueryResult(variables=table_variables(table), rows=table_rows(table))
