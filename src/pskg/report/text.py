"""The report's words in French and English: headings, captions, legends."""

from __future__ import annotations

from decimal import Decimal

LANGUAGES = ("fr", "en")

#: Tableau 2's column headings: as printed in the article (fr) and translated (en).
TABLEAU_2_HEADINGS = {
    "fr": ("OTAN", "TSC/OTSC", "OCS", "GUAM", "OTAN/PPP", "CEI (maintien de la paix, anti-terrorisme)", "CSCE/OSCE"),
    "en": ("NATO", "CST/CSTO", "SCO", "GUAM", "NATO/PfP", "CIS (peacekeeping, counter-terrorism)", "CSCE/OSCE"),
}

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Les alliances sécuritaires de l’espace postsoviétique — rapport",
        "intro": (
            "Le tableau et la figure de l’article de Sophie Momzikoff, reconstruits à partir du graphe de "
            "connaissances, et les vues que l’article ne pouvait pas imprimer. Chaque image nomme la requête "
            "enregistrée qui l’a produite."
        ),
        "other_language": "English version",
        "docs": "Documentation de l’ontologie",
        "contents": "Sommaire",
        "tableau2": "Tableau 2 — Les principales organisations à dimension sécuritaire de l’espace postsoviétique",
        "tableau2_intro": (
            "Mêmes lignes et colonnes que l’article, cellule par cellule (texte brut de la cellule). "
            "Survolez une cellule pour sa citation, sa page et son emplacement. † : affirmation dépréciée."
        ),
        "state": "État",
        "deprecated": "dépréciée",
        "no_column": "cellule sans colonne",
        "page": "p.",
        "figure10": "Figure 10 — Dépenses militaires des membres de l’OTSC en 2018",
        "figure10_unit": "en millions de dollars US (la légende de l’article dit « milliards » : c’est une erreur)",
        "share_of_total": "Part du total",
        "no_value": "pas de valeur dans la figure",
        "russia_share": "La Russie représente {share} % des dépenses connues.",
        "timeline": "Appartenance aux organisations, 1991–2019",
        "timeline_intro": (
            "Une ligne par État, une barre par période. Hachures et contour pointillé : affirmation dépréciée "
            "(le tableau contre le texte) ; barre claire à bord épais : partenaire ; bord pointillé : observateur. "
            "Une barre ouverte à droite court jusqu’à l’article (fin 2019)."
        ),
        "matrix": "États × organisations en {year}",
        "counts": "Nombre d’organisations par État, année par année",
        "counts_intro": "Toutes qualités confondues, affirmations dépréciées exclues.",
        "conflicts": "Conflits",
        "facilities": "Installations militaires russes à l’étranger",
        "map": "Carte",
        "map_missing": (
            "Ces installations ne sont pas placées sur la carte : le graphe n’enregistre pas leurs coordonnées."
        ),
        "query": "Requête",
        "queries": "Requêtes",
        "source": "Source",
        "article": "Sophie Momzikoff, « Alliances et coopérations sécuritaires au sein de l’espace postsoviétique »",
        "FullMember": "membre",
        "Observer": "observateur",
        "Partner": "partenaire",
        "AssociateMember": "membre associé",
        "legend": "Légende",
        "year": "année",
        "none": "aucun",
        "notes": "Notes",
        "svg": "SVG",
        "footer": "Généré par pskg report à partir des fichiers du dépôt ; s’ouvre sans réseau.",
    },
    "en": {
        "title": "Security alliances of the post-Soviet space — report",
        "intro": (
            "The table and figure of Sophie Momzikoff's article, rebuilt from the knowledge graph, and the views "
            "the article could not print. Every picture names the saved query that produced it."
        ),
        "other_language": "Version française",
        "docs": "Ontology documentation",
        "contents": "Contents",
        "tableau2": "Table 2 — The main security organisations of the post-Soviet space",
        "tableau2_intro": (
            "Same rows and columns as the article, cell by cell (the raw cell text). Hover over a cell for its "
            "quote, page and locator. †: deprecated claim."
        ),
        "state": "State",
        "deprecated": "deprecated",
        "no_column": "cell with no column",
        "page": "p.",
        "figure10": "Figure 10 — Military expenditure of the CSTO members in 2018",
        "figure10_unit": "in millions of US dollars (the article's caption says « milliards », billions: an error)",
        "share_of_total": "Share of the total",
        "no_value": "no value in the figure",
        "russia_share": "Russia accounts for {share} % of the known expenditure.",
        "timeline": "Membership of the organisations, 1991–2019",
        "timeline_intro": (
            "One row per state, one bar per period. Hatched with a dashed outline: deprecated claim (the table "
            "against the text); light bar with a thick border: partner; dotted border: observer. A bar open on the "
            "right runs to the article (end of 2019)."
        ),
        "matrix": "States × organisations in {year}",
        "counts": "Number of organisations per state, year by year",
        "counts_intro": "Any role; deprecated claims left out.",
        "conflicts": "Conflicts",
        "facilities": "Russian military facilities abroad",
        "map": "Map",
        "map_missing": ("These facilities are not placed on the map: the graph records no coordinates for them."),
        "query": "Query",
        "queries": "Queries",
        "source": "Source",
        "article": "Sophie Momzikoff, « Alliances et coopérations sécuritaires au sein de l’espace postsoviétique »",
        "FullMember": "member",
        "Observer": "observer",
        "Partner": "partner",
        "AssociateMember": "associate member",
        "legend": "Legend",
        "year": "year",
        "none": "none",
        "notes": "Notes",
        "svg": "SVG",
        "footer": "Generated by pskg report from the repository's files; opens without a network.",
    },
}


def number(value: Decimal | int | float, lang: str) -> str:
    """A number as each language writes it: ``45 349`` / ``45,349``; ``3,3`` / ``3.3``."""
    whole = f"{value:,}" if Decimal(value) == int(value) else f"{Decimal(value):,}"
    if lang == "fr":
        return whole.replace(",", "\u202f").replace(".", ",")
    return whole
