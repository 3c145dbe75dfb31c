"""The article's Tableau 2 (page 3) as printed, written out by hand: the reference the rebuilt table must match.

Rows in the article's order, the seven columns in its order, each cell's raw text ("" for an empty cell).
Cells that wrap onto two lines in the extraction are one cell, their lines joined by a space.
"""

from __future__ import annotations

COLUMNS_FR = ("OTAN", "TSC/OTSC", "OCS", "GUAM", "OTAN/PPP", "CEI (maintien de la paix, anti-terrorisme)", "CSCE/OSCE")
#: The same columns as organisations of the graph.
COLUMN_KEYS = ("NATO", "CSTO", "SCO", "GUAM", "PfP", "CIS", "OSCE")

TABLEAU_2: dict[str, tuple[str, str, str, str, str, str, str]] = {
    # columns: OTAN, TSC/OTSC, OCS, GUAM, OTAN/PPP, CEI, CSCE/OSCE
    "Arménie": ("", "1992", "", "", "1994", "1991", "1992"),
    "Azerbaïdjan": ("", "1993-1999", "", "1997", "1994", "1991", "1992"),
    "Bélarus": ("", "1992", "", "", "1995", "1991", "1992"),
    "Estonie": ("1999", "", "", "", "", "", "1991"),
    "Géorgie": ("", "1993-1999", "", "1997", "", "1993-2009", "1992"),
    "Kazakhstan": ("", "1992", "2001", "", "1994", "1991", "1992"),
    "Kirghizstan": ("", "1992", "2001", "", "1994", "1991", "1992"),
    "Lettonie": ("1999", "", "", "", "", "", "1991"),
    "Lituanie": ("1999", "", "", "", "", "", "1991"),
    "Moldavie": ("", "", "", "1997", "1994", "1991", "1992"),
    "Ouzbékistan": ("", "1992-1999 2006-2012", "2001", "1999-2005", "1994", "1991", "1992"),
    "Russie": ("", "1992", "2001", "", "1994", "1991", "1975"),
    "Tadjikistan": ("", "1992", "2001", "", "1994", "1991", "1992"),
    "Turkménistan": ("", "", "", "", "1994", "1991-1993 (Etat observateur)", "1992"),
    "Ukraine": ("", "", "", "1997", "1994", "1991 2018", "1992"),
}

#: Cells whose claim is deprecated (the table's 1999 against the text's 2004): (state, column key).
DEPRECATED_CELLS = {("Estonie", "NATO"), ("Lettonie", "NATO"), ("Lituanie", "NATO")}

#: Cells printed with no column: Estonia's lone « - » between its OTAN and CSCE/OSCE cells (state, position, text).
LOOSE_CELLS = {("Estonie", 2, "-")}

#: The editorial note of the deprecated Baltic NATO claims.
NOTE_BALTIC_1999 = (
    "Tableau 2 gives 1999 for the Baltic states' accession to NATO, but the text (page 2) says NATO enlarged "
    "in 1999 to Poland, Hungary and the Czech Republic and in 2004 to the three Baltic states. The text's year "
    "is followed; this table claim is kept, deprecated."
)
NOTE_ESTONIA_DASH = (
    "A lone dash between Estonia's OTAN cell (1999) and its CSCE/OSCE cell (1991). Latvia's and Lithuania's rows "
    "have no such cell, so its column cannot be told; it states no membership and none is derived from it."
)
NOTE_GEORGIA_NO_PFP = (
    "Georgia's row of Tableau 2 has four cells (TSC/OTSC, GUAM, CEI, CSCE/OSCE) and none under OTAN/PPP. The text "
    "says all CIS members joined the Partnership for Peace, and page 7 puts Georgia in a PfP exercise: the table's "
    "silence is judged an omission and kept, deprecated."
)
LOCATOR_ESTONIA_DASH = (
    "Tableau 2, Estonie, cellule 2 (« - », entre les colonnes OTAN et CSCE/OSCE ; colonne indéterminable)"
)


def provenance_rows() -> list[tuple[str, str, str, str, str]]:
    """The expected rows of the saved query ``tableau-2-provenance``: (state, cellIndex, page, locator, note).

    The locator names the cell as « Tableau 2, <état> × <colonne> »; the position counts the printed cells.
    """
    rows = []
    for state, cells in TABLEAU_2.items():
        printed = [(column, text) for column, text in zip(COLUMNS_FR, cells, strict=True) if text]
        if state == "Estonie":
            printed.insert(1, ("-", "-"))
        for index, (column, _) in enumerate(printed, start=1):
            if column == "-":
                rows.append((state, str(index), "3", LOCATOR_ESTONIA_DASH, NOTE_ESTONIA_DASH))
                continue
            key = COLUMN_KEYS[COLUMNS_FR.index(column)]
            note = NOTE_BALTIC_1999 if (state, key) in DEPRECATED_CELLS else ""
            if state == "Géorgie":  # the omission of its OTAN/PPP cell is derived from the cells it has
                note = NOTE_GEORGIA_NO_PFP
            rows.append((state, str(index), "3", f"Tableau 2, {state} × {column}", note))
    return rows
