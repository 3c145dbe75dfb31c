"""OWL RL adds what the queries need, and stays apart from the asserted triples."""

from __future__ import annotations

from rdflib.namespace import PROV, RDF

from pskg.sources.namespaces import ID, ORG, PSS


def test_inferred_and_asserted_are_disjoint(knowledge):
    assert len(knowledge.inferred) > 0
    assert [t for t in knowledge.inferred if t in knowledge.asserted] == []


def test_org_super_terms_are_inferred(knowledge):
    inferred = knowledge.inferred
    assert (ID["membership-ARM-CSTO-1992"], RDF.type, ORG.Membership) in inferred
    assert (ID["membership-ARM-CSTO-1992"], RDF.type, PROV.Entity) in inferred
    assert (ID["CSTO"], RDF.type, ORG.Organization) in inferred
    assert (ID["ARM"], ORG.hasMembership, ID["membership-ARM-CSTO-1992"]) in inferred


def test_state_to_organisation_shortcut(knowledge):
    inferred = knowledge.inferred
    assert (ID["ARM"], PSS.memberOf, ID["CSTO"]) in inferred
    assert (ID["ARM"], ORG.memberOf, ID["CSTO"]) in inferred
    assert (ID["SRB"], PSS.memberOf, ID["CSTO"]) in inferred
    assert (ID["UKR"], PSS.memberOf, ID["CSTO"]) not in inferred


def test_no_inferred_kind_of_triple_is_asserted_in_data(knowledge):
    asserted = knowledge.asserted
    for predicate in (PSS.memberOf, ORG.memberOf, ORG.hasMembership):
        assert list(asserted.triples((None, predicate, None))) == []
