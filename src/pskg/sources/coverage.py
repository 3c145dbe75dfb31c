"""How much of the article the passages quote: enough to source every fact, not the text.

The graph aims to quote every sentence of the article that states a fact. This
module marks the characters of the (whitespace-normalised) article that some
passage quotes and lists the sentences left untouched, so a reviewer can check
that each of them is opinion or analysis rather than a missing fact. It also
measures the other side: the share of the article the quotes hold and the
article lines they copy whole, since the project may quote the article but not
redistribute it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph

from pskg.sources.namespaces import PSS

#: A sentence ends at . ! or ? before a capital, but not at an author's initial in a reference
#: ("W. H. Hill,", "R. N. Mc Dermott, Y. Morozov,"): an initial followed by another or by a name and a comma.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?!(?<=\b[A-Z]\.)\s+(?:[A-Z]\.|(?:[A-Z][\w’-]*\s)?[A-Z][\w’-]*,))\s+(?=[A-ZÀ-ÖØ-Þ«*])"
)
#: Fewer quoted characters than this, in a longer sentence, do not make it covered.
MINIMUM_OVERLAP = 20
#: Article lines shorter than this are too short to count as copied when a quote holds them.
MINIMUM_LINE = 60


def normalise(text: str) -> str:
    """Whitespace folded to single spaces, the only liberty quotes may take."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Coverage:
    """The article's sentences and those no quote touches."""

    sentences: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def ratio(self) -> float:
        """Share of sentences quoted at least in part."""
        return 1 - len(self.uncovered) / len(self.sentences) if self.sentences else 0.0


def sentence_coverage(article: str, graph: Graph) -> Coverage:
    """Split the article into sentences and find those no ``pss:quote`` overlaps."""
    text = normalise(article)
    covered = bytearray(len(text))
    for quote in _quotes(graph):
        if len(quote) < 3:  # table cells ("1992") are checked cell by cell elsewhere
            continue
        for match in re.finditer(re.escape(quote), text):
            covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    sentences, uncovered, start = [], [], 0
    for piece in _SENTENCE_END.split(text):
        begin = text.index(piece, start)
        start = begin + len(piece)
        sentences.append(piece)
        quoted = sum(covered[begin:start])
        if quoted < min(MINIMUM_OVERLAP, len(piece)):
            uncovered.append(piece)
    return Coverage(tuple(sentences), tuple(uncovered))


def _quotes(graph: Graph) -> set[str]:
    """Every distinct quote of the graph, whitespace-normalised."""
    return {normalise(str(q)) for q in graph.objects(None, PSS.quote)}


def quoted_share(article: str, graph: Graph) -> float:
    """Characters of all distinct quotes over the article's: an upper bound of what is copied."""
    text = normalise(article)
    return sum(len(q) for q in _quotes(graph)) / len(text) if text else 0.0


def whole_lines_quoted(article: str, graph: Graph) -> list[str]:
    """The article's lines (of at least ``MINIMUM_LINE`` characters) some quote holds whole."""
    lines = [normalise(line) for line in article.splitlines() if len(line.strip()) >= MINIMUM_LINE]
    quotes = _quotes(graph)
    return [line for line in lines if any(line in quote for quote in quotes)]
