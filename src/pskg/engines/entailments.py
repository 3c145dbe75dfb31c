"""What both reasoners keep of OWL RL's closure, and the datatypes whose subsumptions owlrl entails.

Shared by the fast closure and the reference (owlrl) so that the two keep the same
triples; the fast path reads it without importing owlrl.
"""

from __future__ import annotations

from rdflib.namespace import OWL, RDFS, XSD

#: Types every resource has in OWL RL: entailed everywhere, informative nowhere.
UNINFORMATIVE_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class}

#: The XSD datatypes owlrl relates by subsumption (``owlrl.XsdDatatypes.OWL_Datatype_Subsumptions``'s keys;
#: a test holds the two equal).
SUBSUMED_DATATYPES = tuple(
    XSD[name]
    for name in (
        "NCName",
        "NMTOKEN",
        "Name",
        "byte",
        "dateTimeStamp",
        "int",
        "integer",
        "language",
        "long",
        "negativeInteger",
        "nonNegativeInteger",
        "nonPositiveInteger",
        "normalizedString",
        "positiveInteger",
        "short",
        "token",
        "unsignedByte",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
    )
)
