"""Does a reading outrun its words? The checks a machine can make.

Every stance, qualifier and assessment predicate of the ontology names, with
``pss:supportingWord``, the French words that can support it. A claim that uses one
must be derived from a passage whose quote contains one of those words: a stance
« opposes » resting on « réticences » fails. And a hedge of the article
(« vraisemblablement », « semble », « pour le moment », « certains ») in a sentence a
claim quotes is either carried by that claim (``pss:qualifier``, its words inside the
quote) or named by the caller as qualifying something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from pskg.sources.coverage import normalise, sentence_coverage
from pskg.sources.namespaces import PSS

#: The properties whose values must be supported by the words of the claim's quotes.
READING_PROPERTIES = (PSS.stance, PSS.qualifier, PSS.assessment)


@dataclass(frozen=True)
class Unsupported:
    """A claim whose quotes hold none of the words that can support one of its readings."""

    claim: Node
    prop: URIRef
    value: Node
    words: tuple[str, ...]


@dataclass(frozen=True)
class UncarriedHedge:
    """A hedge word in a sentence the claim quotes that the claim does not carry."""

    claim: Node
    qualifier: Node
    sentence: str


def _fold(text: str) -> str:
    """Lower case, typographic apostrophes as straight ones, spaces folded: how words are compared."""
    return normalise(text).replace("’", "'").lower()


def contains_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` as a whole word or phrase (« semble » is not in « ensemble »)."""
    return re.search(rf"(?<!\w){re.escape(_fold(word))}(?!\w)", _fold(text)) is not None


def supporting_words(graph: Graph, term: Node) -> tuple[str, ...]:
    """The French words the ontology lists for a stance, qualifier or assessment predicate."""
    return tuple(sorted(str(word) for word in graph.objects(term, PSS.supportingWord)))


def quotes_of(graph: Graph, claim: Node) -> list[str]:
    """The quotes of the passages the claim is derived from."""
    return [
        str(quote)
        for passage in graph.objects(claim, PROV.wasDerivedFrom)
        for quote in graph.objects(passage, PSS.quote)
    ]


def unsupported_readings(graph: Graph) -> list[Unsupported]:
    """Every (claim, property, value) whose value's supporting words appear in none of the claim's quotes.

    A value that lists no supporting word at all is reported too, with ``words`` empty: an
    ontology term that cannot be checked is itself a defect.
    """
    found = []
    for prop in READING_PROPERTIES:
        for claim, value in sorted(graph.subject_objects(prop), key=lambda pair: (str(pair[0]), str(pair[1]))):
            words = supporting_words(graph, value)
            quotes = quotes_of(graph, claim)
            if not words or not any(contains_word(quote, word) for quote in quotes for word in words):
                found.append(Unsupported(claim, prop, value, words))
    return found


def sentences(article: str) -> list[str]:
    """The article's sentences, split as the coverage measure splits them."""
    return list(sentence_coverage(article, Graph()).sentences)


def uncarried_hedges(article: str, graph: Graph, hedges: Iterable[URIRef]) -> list[UncarriedHedge]:
    """Hedges in the sentences each claim quotes, missing from the claim or from its quotes.

    ``hedges`` are the pss:Qualifier terms whose supporting words are hedge words. A claim
    carries a hedge when it has it as ``pss:qualifier`` and one of its quotes holds its words.
    """
    text_sentences = sentences(article)
    found = []
    for claim in sorted(set(graph.subjects(PROV.wasDerivedFrom, None)), key=str):
        quotes = quotes_of(graph, claim)
        carried = set(graph.objects(claim, PSS.qualifier))
        for quote in quotes:
            folded = _fold(quote)
            if len(folded) < 3:
                continue
            for sentence in (s for s in text_sentences if folded in _fold(s)):
                for hedge in hedges:
                    words = supporting_words(graph, hedge)
                    if not any(contains_word(sentence, word) for word in words):
                        continue
                    in_quote = any(contains_word(q, word) for q in quotes for word in words)
                    if hedge not in carried or not in_quote:
                        found.append(UncarriedHedge(claim, hedge, sentence))
    return sorted(set(found), key=lambda u: (str(u.claim), str(u.qualifier), u.sentence))
