"""An on-disk cache of SPARQL answers, so that reruns are fast, kind to the endpoint and repeatable.

Keyed by the SHA-256 of endpoint and query text; each entry is one JSON file written
atomically, under ``sparql/`` in pskg's one cache root (``sources.resources.cache_root``).
Entries older than ``max_age`` seconds (a day by default) are ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pskg.atomic import write_text_atomically
from pskg.sources.resources import cache_root

DEFAULT_MAX_AGE = 24 * 3600


@dataclass
class ResponseCache:
    """Raw answers (the response body) by endpoint and query."""

    directory: Path = field(default_factory=cache_root)
    max_age: float = DEFAULT_MAX_AGE
    clock: Callable[[], float] = time.time

    def path(self, endpoint: str, query: str) -> Path:
        """The file that holds the answer of ``query`` at ``endpoint``."""
        digest = hashlib.sha256(f"{endpoint}\n{query}".encode()).hexdigest()
        return self.directory / "sparql" / f"{digest}.json"

    def get(self, endpoint: str, query: str) -> str | None:
        """The cached body, or None when absent, stale, unreadable or for another query."""
        try:
            entry = json.loads(self.path(endpoint, query).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("endpoint") != endpoint or entry.get("query") != query:
            return None
        stored = entry.get("stored")
        if not isinstance(stored, (int, float)) or self.clock() - stored > self.max_age:
            return None
        body = entry.get("body")
        return body if isinstance(body, str) else None

    def put(self, endpoint: str, query: str, body: str) -> None:
        """Store ``body``; a cache that cannot be written is not an error worth failing for."""
        entry = {"endpoint": endpoint, "query": query, "stored": self.clock(), "body": body}
        with contextlib.suppress(OSError):
            write_text_atomically(self.path(endpoint, query), json.dumps(entry, ensure_ascii=False))
