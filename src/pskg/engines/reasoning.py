"""OWL RL reasoning for ``pskg build`` and ``pskg query``: the fast closure, or owlrl where it does not reach.

``fast_reason`` applies the rules the project's ontology uses. Sources with any
other OWL RL construct whose consequences ``reason.infer`` keeps
(``fast_reason.UNSUPPORTED``) are reasoned by owlrl (``reason.infer``) on the
same files instead, never refused, and one notice line names the constructs.
Two kinds of construct change nothing, and a notice names them too:
consistency checks (owlrl's error messages are blank nodes, which
``reason.infer`` drops: the SHACL shapes are the project's checks), and
constructs outside OWL 2 RL, for which owlrl has no rule.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from rdflib.namespace import OWL

from pskg.engines.fast.closure import Construct, UnsupportedOntology, found, infer_fast, vocabulary
from pskg.engines.fast.store import FastSources
from pskg.errors import PskgError
from pskg.sources.parse import SourceGraph

#: OWL RL rules whose only consequence is an inconsistency (owlrl's error message, which ``reason.infer`` drops).
CHECKS: tuple[Construct, ...] = (
    *vocabulary(
        OWL.disjointWith,
        OWL.AllDisjointClasses,
        OWL.complementOf,
        OWL.propertyDisjointWith,
        OWL.AllDisjointProperties,
        OWL.AsymmetricProperty,
        OWL.IrreflexiveProperty,
        OWL.differentFrom,
        OWL.AllDifferent,
        OWL.NegativePropertyAssertion,
    ),
    Construct("owl:Nothing", f"?x ?p <{OWL.Nothing}>"),
)
#: OWL constructs outside OWL 2 RL: owlrl has no rule for them.
OUTSIDE_RL: tuple[Construct, ...] = vocabulary(
    OWL.ReflexiveProperty,
    OWL.cardinality,
    OWL.minCardinality,
    OWL.qualifiedCardinality,
    OWL.minQualifiedCardinality,
    OWL.hasSelf,
    OWL.disjointUnionOf,
)
_SKIPPED = (
    (CHECKS, "only check consistency, which neither engine reports"),
    (OUTSIDE_RL, "are outside OWL 2 RL, which neither engine applies"),
)

Notice = Callable[[str], None]


def print_notice(line: str) -> None:
    """A notice on stderr, prefixed as the CLI's other messages: stdout is the command's output."""
    print(f"pskg: {line}", file=sys.stderr)


def infer_with_fallback(
    sources: FastSources, notice: Notice = print_notice, reference: SourceGraph | None = None
) -> bytes:
    """The entailments ``reason.infer`` keeps, as N-Triples: the fast closure's, or owlrl's where it does not reach.

    ``notice`` gets one line when owlrl takes over, naming why, and one for each
    kind of construct neither engine applies. ``reference``: the same files parsed
    by rdflib, when the caller has them (the build does); otherwise owlrl's input is
    parsed only when it is needed.
    """
    for constructs, why in _SKIPPED:
        if skipped := found(sources, constructs):
            notice(f"reasoning: {', '.join(skipped)}: {why}; skipped")
    try:
        return infer_fast(sources)
    except UnsupportedOntology as unsupported:
        notice(f"reasoning: {unsupported}; OWL RL with owlrl instead")
        return _owlrl(reference or _parsed(sources.files), unsupported)


def _parsed(files: list[Path]) -> SourceGraph:
    """The files parsed as the reference engine parses them."""
    asserted = SourceGraph()
    for path in files:
        asserted.add_file(path)
    return asserted


def _owlrl(asserted: SourceGraph, unsupported: UnsupportedOntology) -> bytes:
    """``reason.infer`` on the asserted triples (owlrl is loaded only now, when the closure hands over)."""
    from pskg.engines.reference.reason import infer

    try:
        inferred = infer(asserted.graph)
    except Exception as exc:  # owlrl's rules raise whatever a malformed axiom makes them hit
        uses = ", ".join(unsupported.constructs)
        raise PskgError(f"reasoning: owlrl failed on {uses}: {type(exc).__name__}: {exc}") from exc
    return inferred.serialize(format="nt", encoding="utf-8")
