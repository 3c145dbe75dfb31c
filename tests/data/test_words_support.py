"""A reading never outruns its words: stances, qualifiers and assessments rest on the quote's own words.

The ontology names, for each stance, qualifier and assessment predicate, the French words
that can support it (pss:supportingWord). These tests check every claim of the graph
against them, and prove that the check fails when the words are taken out of a quote.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from pskg.sources.knowledge import KnowledgeGraph
from pskg.sources.namespaces import ID, PSS
from pskg.sources.words_support import contains_word, uncarried_hedges, unsupported_readings
from tests.conftest import article_path

#: The qualifiers that are hedges of the article's words.
HEDGES = (PSS.Probably, PSS.Seemingly, PSS.ForTheTimeBeing, PSS.SomeOfThem)

#: (claim, hedge) -> why the hedge in a sentence the claim quotes qualifies something else. Row by row: a
#: new claim quoting a hedged sentence must carry the hedge or be explained here.
HEDGE_QUALIFIES_SOMETHING_ELSE = {
    # « Moscou est pour le moment parvenu à limiter le processus d’élargissement, soit par la force (en 2008 et
    # 2014), soit en entretenant les conflits dits gelés »: the hedge is on Russia's success, not on the wars.
    ("conflict-abkhazia", "ForTheTimeBeing"): "qualifies Russia's success at limiting enlargement",
    ("conflict-georgia-2008", "ForTheTimeBeing"): "qualifies Russia's success at limiting enlargement",
    ("conflict-south-ossetia", "ForTheTimeBeing"): "qualifies Russia's success at limiting enlargement",
    ("conflict-ukraine-2014", "ForTheTimeBeing"): "qualifies Russia's success at limiting enlargement",
    # « … limitée d’une part par les conflits non résolus … et d’autre part par les réticences de certains
    # membres de l’Alliance »: « certains » are NATO members, not the conflicts.
    ("conflict-abkhazia", "SomeOfThem"): "« certains membres de l’Alliance », not the conflicts",
    ("conflict-donbass", "SomeOfThem"): "« certains membres de l’Alliance », not the conflicts",
    ("conflict-south-ossetia", "SomeOfThem"): "« certains membres de l’Alliance », not the conflicts",
    # « l’élargissement … est perçu par certains comme un facteur de déstabilisation depuis les conflits de
    # 2008 en Géorgie et de 2014 en Ukraine »: the perception is hedged, the wars are not.
    ("conflict-georgia-2008", "SomeOfThem"): "« perçu par certains »: the perception, not the war",
    ("conflict-ukraine-2014", "SomeOfThem"): "« perçu par certains »: the perception, not the war",
    # « depuis l’annexion de la Crimée et le début du conflit dans le Donbass (2014), elle semble désirer
    # accélérer ce processus, qu’elle a inscrit début 2019 dans sa Constitution »: Ukraine's wish is hedged;
    # the conflicts and the constitutional amendment are stated flatly.
    ("conflict-crimea-annexation", "Seemingly"): "« semble » qualifies Ukraine's wish to accelerate",
    ("conflict-donbass", "Seemingly"): "« semble » qualifies Ukraine's wish to accelerate",
    ("event-ukraine-constitution-nato-2019", "Seemingly"): "« semble » qualifies the wish, not the amendment",
    # The splitter glues notes 7-9 to the paragraph's last sentence (a footnote number starts no sentence):
    # « refusent pour le moment » qualifies the text's refusal, not note 9's list of facilities.
    ("facility-baikonur", "ForTheTimeBeing"): "note 9's list, glued to the sentence of the refusal",
    ("facility-hantsavichy", "ForTheTimeBeing"): "note 9's list, glued to the sentence of the refusal",
    ("facility-vileyka", "ForTheTimeBeing"): "note 9's list, glued to the sentence of the refusal",
}


@pytest.fixture(scope="module")
def asserted(knowledge: KnowledgeGraph) -> Graph:
    return knowledge.asserted


def _local(term: URIRef) -> str:
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def test_every_stance_and_qualifier_names_its_supporting_words(asserted: Graph) -> None:
    for kind in (PSS.Stance, PSS.Qualifier, PSS.AssessmentPredicate):
        terms = set(asserted.subjects(RDF.type, kind))
        assert terms or kind == PSS.AssessmentPredicate, kind
        bare = sorted(_local(t) for t in terms if not list(asserted.objects(t, PSS.supportingWord)))
        assert bare == [], f"no pss:supportingWord: {bare}"


def test_every_reading_rests_on_its_words(asserted: Graph) -> None:
    """Each stance, qualifier and assessment predicate is supported by a word of the claim's quotes."""
    unsupported = [(_local(u.claim), _local(u.value), u.words) for u in unsupported_readings(asserted)]
    assert unsupported == []


def test_the_check_fails_when_a_stance_loses_its_words(asserted: Graph) -> None:
    """Removing « réticences » from the quote of the French and German reluctance makes the check fail."""
    broken = Graph()
    broken += asserted
    passage = ID["passage-p3-french-german-reticence"]
    (quote,) = broken.objects(passage, PSS.quote)
    assert contains_word(str(quote), "réticences")
    broken.set((passage, PSS.quote, Literal(str(quote).replace("réticences", "positions"), lang="fr")))
    found = {(_local(u.claim), _local(u.value)) for u in unsupported_readings(broken)}
    assert found == {("position-FRA-DEU-reluctant-enlargement", "Reluctant")}


def test_the_check_fails_when_a_stance_is_stronger_than_its_words(asserted: Graph) -> None:
    """« réticences » coded as opposition, as the audit found it, is caught."""
    broken = Graph()
    broken += asserted
    position = ID["position-FRA-DEU-reluctant-enlargement"]
    broken.set((position, PSS.stance, PSS.Opposes))
    found = {(_local(u.claim), _local(u.value)) for u in unsupported_readings(broken)}
    assert found == {("position-FRA-DEU-reluctant-enlargement", "Opposes")}


def test_the_check_fails_when_a_hedge_loses_its_words(asserted: Graph) -> None:
    """A qualifier is a reading too: « vraisemblablement » must stay in the quote of Russia's cut-off."""
    broken = Graph()
    broken += asserted
    passage = ID["passage-p9-russia-cut-off"]
    (quote,) = broken.objects(passage, PSS.quote)
    broken.set((passage, PSS.quote, Literal(str(quote).replace("vraisemblablement ", ""), lang="fr")))
    found = {(_local(u.claim), _local(u.value)) for u in unsupported_readings(broken)}
    assert found == {("position-RUS-cut-off-ukr-geo-mda", "Probably")}


def test_words_are_whole_words() -> None:
    """« semble » is not found in « ensembles », apostrophes and case do not matter."""
    assert not contains_word("trois ensembles recoupant", "semble")
    assert contains_word("elle semble désirer", "semble")
    assert contains_word("en s'appuyant en priorité", "s’appuyant")
    assert contains_word("Pour le moment", "pour le moment")


def test_every_hedge_of_a_quoted_sentence_is_carried(asserted: Graph, article_text) -> None:
    """« vraisemblablement », « semble », « pour le moment », « certains »: carried, or explained above."""
    article = article_path().read_text(encoding="utf-8")
    found = {(_local(h.claim), _local(h.qualifier)) for h in uncarried_hedges(article, asserted, HEDGES)}
    unexplained = sorted(found - set(HEDGE_QUALIFIES_SOMETHING_ELSE))
    stale = sorted(set(HEDGE_QUALIFIES_SOMETHING_ELSE) - found)
    assert unexplained == [], "carry the hedge (pss:qualifier) or explain it in HEDGE_QUALIFIES_SOMETHING_ELSE"
    assert stale == [], "these hedges are carried now: remove them from HEDGE_QUALIFIES_SOMETHING_ELSE"


def test_the_hedge_check_fails_when_a_hedge_is_dropped(asserted: Graph, article_text) -> None:
    """Russia's cut-off without pss:Probably, as the audit found it, is caught."""
    article = article_path().read_text(encoding="utf-8")
    broken = Graph()
    broken += asserted
    broken.remove((ID["position-RUS-cut-off-ukr-geo-mda"], PSS.qualifier, None))
    found = {(_local(h.claim), _local(h.qualifier)) for h in uncarried_hedges(article, broken, HEDGES)}
    assert ("position-RUS-cut-off-ukr-geo-mda", "Probably") in found
    assert not any(c == "position-RUS-cut-off-ukr-geo-mda" for c, _ in HEDGE_QUALIFIES_SOMETHING_ELSE)


def test_every_claim_with_a_reading_has_a_quote(asserted: Graph) -> None:
    """No stance or qualifier sits on a claim without a quoted passage (the word check would be vacuous)."""
    bare = sorted(
        _local(claim)
        for claim in set(asserted.subjects(PSS.stance, None)) | set(asserted.subjects(PSS.qualifier, None))
        if not any(asserted.objects(p, PSS.quote) for p in asserted.objects(claim, PROV.wasDerivedFrom))
    )
    assert bare == []


def test_the_check_fails_when_an_assessment_loses_its_words(asserted: Graph) -> None:
    """« dominée » out of the quote of the CSTO dominated by Russia: the assessment is unsupported."""
    broken = Graph()
    broken += asserted
    passage = ID["passage-p4-csto-dominated-by-russia"]
    broken.set((passage, PSS.quote, Literal("par la Russie", lang="fr")))
    found = {(_local(u.claim), _local(u.value)) for u in unsupported_readings(broken)}
    assert found == {("assessment-csto-dominated-by-russia", "DominatedBy")}


def test_assessments_are_attributed_and_never_facts(asserted: Graph) -> None:
    """Every assessment is the author's, and nothing is both an assessment and a fact."""
    assessments = set(asserted.subjects(RDF.type, PSS.Assessment))
    assert len(assessments) >= 10
    for assessment in assessments:
        assert (assessment, PROV.wasAttributedTo, ID["person-momzikoff"]) in asserted
        assert (assessment, RDF.type, PSS.Fact) not in asserted
