"""Tableau 2 rebuilt as an HTML table: the article's rows and columns, each cell with its quote, page and notes."""

from __future__ import annotations

from pskg.report.data import TABLEAU_2_COLUMNS, Cell, Labels, TableRow
from pskg.report.svg import esc, tag
from pskg.report.text import TABLEAU_2_HEADINGS, TEXT


def _tooltip(cell: Cell, lang: str) -> str:
    """« quote » — p. 3, locator (and the editorial notes): what hovering a cell shows."""
    words = TEXT[lang]
    parts = [f"« {cell.text} » — {words['page']} {cell.page}, {cell.locator}"]
    if cell.deprecated:
        parts.append(f"[{words['deprecated']}]")
    return " ".join(parts + cell.notes)


def _state_key(labels: Labels, state_fr: str) -> str:
    return next((key for key, names in labels.states.items() if names["fr"] == state_fr), state_fr)


def tableau_2_html(rows: list[TableRow], labels: Labels, lang: str) -> str:
    """The table (one ``<td>`` per printed column, ``data-column`` naming the organisation) and its footnotes."""
    words = TEXT[lang]
    notes: list[str] = []

    def footnote(text: str, note_lang: str = "en") -> int:
        notes.append(tag("li", esc(text), lang=note_lang, id=f"t2-{lang}-note-{len(notes) + 1}"))
        return len(notes)

    head = tag("th", esc(words["state"]), scope="col") + "".join(
        tag("th", esc(heading), scope="col", title=labels.organisation(key, lang), data_column=key)
        for key, heading in zip(TABLEAU_2_COLUMNS, TABLEAU_2_HEADINGS[lang], strict=True)
    )
    body = []
    for row in rows:
        key = _state_key(labels, row.state_fr)
        name = row.state_fr if lang == "fr" else labels.state(key, lang)
        marks = "".join(_note_link(lang, footnote(_loose_note(cell, name, words))) for cell in row.loose)
        cells = [tag("th", esc(name) + marks, scope="row", data_state=key)]
        for column in TABLEAU_2_COLUMNS:
            cell = row.cells.get(column)
            if cell is None:
                cells.append(tag("td", "", data_column=column))
                continue
            content = tag("span", esc(cell.text), class_="cell-text")
            if cell.deprecated:
                number = footnote(f"{name} × {column}: « {cell.text} » {words['deprecated']}. " + " ".join(cell.notes))
                content += tag("span", "†", class_="dagger", aria_label=words["deprecated"]) + _note_link(lang, number)
            cells.append(
                tag(
                    "td",
                    content,
                    title=_tooltip(cell, lang),
                    data_column=column,
                    class_="deprecated" if cell.deprecated else None,
                )
            )
        body.append(tag("tr", "".join(cells)))
    table = tag(
        "table",
        tag("caption", esc(words["tableau2"])) + tag("thead", tag("tr", head)) + tag("tbody", "".join(body)),
        class_="tableau-2",
        id=f"tableau-2-{lang}",
        lang="fr" if lang == "fr" else "en",
    )
    return table + tag("ol", "".join(notes), class_="notes")


def _loose_note(cell: Cell, state: str, words: dict[str, str]) -> str:
    """The footnote of a cell the table prints but no column holds (Estonia's « - »)."""
    return (
        f"{state}: « {cell.text} » — {words['no_column']} ({words['page']} {cell.page}, {cell.locator}). "
        + " ".join(cell.notes)
    )


def _note_link(lang: str, number: int) -> str:
    return tag("sup", tag("a", str(number), href=f"#t2-{lang}-note-{number}"), class_="note-ref")


def simple_table(caption: str, headings: tuple[str, ...], rows: list[tuple[str, ...]], identifier: str) -> str:
    """A plain HTML table of text cells (conflicts, facilities)."""
    head = tag("tr", "".join(tag("th", esc(h), scope="col") for h in headings))
    body = "".join(tag("tr", "".join(tag("td", esc(c)) for c in row)) for row in rows)
    return tag(
        "table", tag("caption", esc(caption)) + tag("thead", head) + tag("tbody", body), id=identifier, class_="plain"
    )
