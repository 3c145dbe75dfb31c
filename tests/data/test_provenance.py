"""Every fact is sourced, and every quote is the article's own words."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from pskg.sources.namespaces import ID, ORG, PSS
from tests.conftest import normalise

TABLE2 = ID["momzikoff-tableau-2"]
# Tableau 2's rows in the order the article prints them, by French label.
TABLE_ROWS = [
    "Arménie",
    "Azerbaïdjan",
    "Bélarus",
    "Estonie",
    "Géorgie",
    "Kazakhstan",
    "Kirghizstan",
    "Lettonie",
    "Lituanie",
    "Moldavie",
    "Ouzbékistan",
    "Russie",
    "Tadjikistan",
    "Turkménistan",
    "Ukraine",
]


def quotes(knowledge):
    return sorted((str(passage), str(quote)) for passage, quote in knowledge.asserted.subject_objects(PSS.quote))


def test_every_quote_is_verbatim(knowledge, article_text):
    missing = [(p, q) for p, q in quotes(knowledge) if normalise(q) not in article_text]
    assert quotes(knowledge), "no quotes in the graph"
    assert missing == []


def test_quotes_carry_no_footnote_numbers(knowledge):
    glued = [(p, q) for p, q in quotes(knowledge) if re.search(r"[^\W\d_]\d+\b", q)]
    assert glued == []


def test_every_quote_is_french(knowledge):
    languages = {q.language for q in knowledge.asserted.objects(None, PSS.quote) if isinstance(q, Literal)}
    assert languages == {"fr"}


def _table_region(article_text: str) -> str:
    start = article_text.index("CSCE OSCE ") + len("CSCE OSCE ")
    end = article_text.index("Réalisation : Sophie Momzikoff", start)
    return article_text[start:end].strip()


def _article_rows(article_text: str) -> dict[str, str]:
    region = _table_region(article_text)
    rows = {}
    for label, following in zip(TABLE_ROWS, [*TABLE_ROWS[1:], None], strict=True):
        begin = region.index(label + " ") + len(label) + 1
        stop = region.index(following + " ", begin) if following else len(region)
        rows[label] = region[begin:stop].strip()
    return rows


def _graph_rows(knowledge) -> dict[str, list[tuple[int, str]]]:
    graph = knowledge.asserted
    rows: dict[str, list[tuple[int, str]]] = {}
    for passage in graph.subjects(PSS.documentPart, TABLE2):
        state = graph.value(passage, PSS.tableRow)
        label = next(str(lbl) for lbl in graph.objects(state, RDFS.label) if lbl.language == "fr")
        rows.setdefault(label, []).append(
            (int(graph.value(passage, PSS.cellIndex)), str(graph.value(passage, PSS.quote)))
        )
    return rows


@pytest.mark.parametrize("label", TABLE_ROWS)
def test_tableau_2_row_is_rebuilt_cell_by_cell(knowledge, article_text, label):
    """The row's cells, in extraction order, spell out the article's row exactly."""
    cells = sorted(_graph_rows(knowledge)[label])
    assert [index for index, _ in cells] == list(range(1, len(cells) + 1))
    assert " ".join(text for _, text in cells) == _article_rows(article_text)[label]


def test_tableau_2_columns_follow_the_article_order(knowledge):
    order = [ID[o] for o in ("NATO", "CSTO", "SCO", "GUAM", "PfP", "CIS", "OSCE")]
    graph = knowledge.asserted
    for cells in _cells_by_row(graph).values():
        columns = [order.index(col) for _, col in sorted(cells) if col is not None]
        assert columns == sorted(columns) and len(set(columns)) == len(columns)


def _cells_by_row(graph):
    rows: dict = {}
    for passage in graph.subjects(PSS.documentPart, TABLE2):
        rows.setdefault(graph.value(passage, PSS.tableRow), []).append(
            (int(graph.value(passage, PSS.cellIndex)), graph.value(passage, PSS.tableColumn))
        )
    return rows


def test_tableau_2_has_61_membership_periods(knowledge):
    graph = knowledge.asserted
    table_cells = set(graph.subjects(PSS.documentPart, TABLE2))
    periods = {
        m for m in graph.subjects(RDF.type, PSS.Membership) if set(graph.objects(m, PROV.wasDerivedFrom)) & table_cells
    }
    assert len(periods) == 61


def test_every_membership_matches_its_cell_column(knowledge):
    """A membership derived from a cell belongs to that cell's row state and column organisation."""
    graph = knowledge.asserted
    for membership in graph.subjects(RDF.type, PSS.Membership):
        for passage in graph.objects(membership, PROV.wasDerivedFrom):
            if (passage, PSS.documentPart, TABLE2) in graph:
                assert graph.value(passage, PSS.tableRow) == graph.value(membership, ORG.member)
                assert graph.value(passage, PSS.tableColumn) == graph.value(membership, ORG.organization)


def test_figure_10_values_in_millions(knowledge):
    graph = knowledge.asserted
    values = {
        str(graph.value(e, PSS.state)).removeprefix(str(ID)): graph.value(e, PSS.valueMillionUSD).toPython()
        for e in graph.subjects(RDF.type, PSS.MilitaryExpenditure)
    }
    assert values == {"ARM": 506, "BLR": 604, "RUS": 45349, "KAZ": 1590, "TJK": 217}


def test_every_fact_has_a_passage(knowledge):
    graph = knowledge.union()
    facts = set(graph.subjects(RDF.type, PSS.Fact))
    assert len(facts) > 70
    assert [f for f in facts if not any(graph.objects(f, PROV.wasDerivedFrom))] == []


def test_baltic_disagreement_kept_and_ranked(knowledge):
    graph = knowledge.asserted
    for iso in ("EST", "LVA", "LTU"):
        table_claim, text_claim = ID[f"membership-{iso}-NATO-1999"], ID[f"membership-{iso}-NATO-2004"]
        assert graph.value(table_claim, PSS.rank) == PSS.DeprecatedRank
        assert graph.value(table_claim, SKOS.editorialNote) is not None
        assert graph.value(text_claim, PSS.rank) == PSS.PreferredRank
