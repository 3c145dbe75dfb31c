"""Every sentence of the article that states a fact is quoted by at least one passage.

The sentences no passage quotes are listed below, each with the reason it states
no fact of its own. A new uncovered sentence (a fact lost) or a newly covered one
(this list out of date) makes the test fail.
"""

from __future__ import annotations

from pskg.coverage import sentence_coverage
from tests.conftest import article_path

#: Opening words of each unquoted sentence -> why it carries no fact to record.
NOT_FACTUAL = {
    "Alliances et coopérations sécuritaires au sein": "title, byline and the introduction's thesis",
    "Mais ils se caractérisent par une très forte": "analysis: heterogeneity and divergent interests",
    "L’effondrement de l’URSS leur a ouvert la": "analysis: what the USSR's collapse made possible",
    "Quant à la Russie, la montée en puissance de": "analysis: Russia's strategy facing new competitors",
    "Dès le début des années 1990, la coopération": "analysis: how the new states saw NATO (no state named)",
    "L’OSCE pourrait-elle devenir une alternative": "a question",
    "Malgré tout, le rejet n’est pas total.": "transition (the facts follow: HCNM, dialogue channels)",
    "Par ailleurs, l’OTAN ne représente pas un pôle": "analysis: NATO's limited attraction",
    "Cela ne signifie pas que la Russie conserve un": "analysis: no Russian hegemony",
    "Elle doit compter avec de nouveaux concurrents": "analysis: Russia's new methods",
    "Le multilatéralisme apparaît comme un autre": "analysis: multilateralism as a counterweight",
    "Momzikoff Dans ce contexte, la Russie doit": "figure credit glued to an analytic sentence",
    "Mais les compromis russes sont parfois": "analysis: Russian compromises breed tensions",
    "La Russie doit aussi tenir compte des intérêts": "analysis: transition to the arms-sales example",
}


def test_every_factual_sentence_is_quoted(knowledge, article_text):
    coverage = sentence_coverage(article_path().read_text(encoding="utf-8"), knowledge.asserted)
    uncovered = set(coverage.uncovered)
    unexplained = sorted(s[:80] for s in uncovered if not any(s.startswith(p) for p in NOT_FACTUAL))
    stale = sorted(p for p in NOT_FACTUAL if not any(s.startswith(p) for s in uncovered))
    assert unexplained == [], "sentences no passage quotes: quote them or explain them in NOT_FACTUAL"
    assert stale == [], "these sentences are now quoted: remove them from NOT_FACTUAL"
    assert len(coverage.sentences) > 90
