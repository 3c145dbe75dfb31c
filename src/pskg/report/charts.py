"""The report's pictures as SVG: Figure 10, the membership timeline, the year matrix, the yearly counts.

Every picture has a ``<title>`` and ``<desc>``, writes its values as text, and tells
roles and deprecated claims apart by pattern and outline, not by colour alone.
"""

from __future__ import annotations

from decimal import Decimal

from pskg.report.data import FIRST_YEAR, LAST_YEAR, TABLEAU_2_COLUMNS, Labels, Period, Spending
from pskg.report.svg import document, empty, hatch, rect, tag, text
from pskg.report.text import TEXT, number

#: One colour per organisation (always with its acronym written beside it).
COLOURS = {
    "NATO": "#1f4e9c",
    "CSTO": "#b22222",
    "SCO": "#2e7d32",
    "GUAM": "#8e44ad",
    "PfP": "#2a8fbd",
    "CIS": "#c77c02",
    "OSCE": "#555555",
}
OTHER_COLOUR = "#7a6a53"
LABEL_WIDTH = 190


def organisation_order(keys: set[str]) -> list[str]:
    """Tableau 2's column order first, then the others alphabetically."""
    return [k for k in TABLEAU_2_COLUMNS if k in keys] + sorted(keys - set(TABLEAU_2_COLUMNS))


def figure_10_svg(spending: list[Spending], labels: Labels, lang: str) -> str:
    """Horizontal bars of the 2018 values (millions of USD) and a stacked bar of each state's share."""
    words, ident = TEXT[lang], f"figure-10-{lang}"
    width, bar_left, bar_width, row = 820, LABEL_WIDTH, 440, 30
    known = [s for s in spending if s.value is not None]
    largest = max((s.value for s in spending if s.value is not None), default=Decimal(1)) or Decimal(1)
    body = [
        text(16, 22, words["figure10"], font_weight="bold", font_size=13),
        text(16, 40, words["figure10_unit"], font_style="italic"),
    ]
    y = 54
    for item in spending:
        name = labels.state(item.state, lang)
        body.append(text(bar_left - 8, y + 19, name, text_anchor="end"))
        if item.value is None:
            body.append(text(bar_left, y + 19, f"— {words['no_value']}", font_style="italic", fill="#555555"))
        else:
            length = float(item.value / largest) * bar_width
            share = f"{number(item.value, lang)} M$ · {number(item.share or 0, lang)} %"
            body.append(rect(bar_left, y + 6, length, 18, fill=COLOURS["CSTO"], tooltip=f"{name}: {share}"))
            body.append(text(bar_left + length + 6, y + 19, share))
        y += row
    y += 16
    body.append(text(16, y + 14, words["share_of_total"], font_weight="bold"))
    x, y = float(bar_left), y + 24
    for index, item in enumerate(known):
        length = float((item.share or 0) / 100) * (width - bar_left - 20)
        fill = COLOURS["CSTO"] if index == 0 else ("#e8a0a0" if index % 2 else "#f3cfcf")
        name = labels.state(item.state, lang)
        body.append(
            rect(x, y, length, 26, fill=fill, stroke="#ffffff", tooltip=f"{name}: {number(item.share or 0, lang)} %")
        )
        x += length
    leader = known[0] if known else None
    if leader is not None:
        body.append(
            text(
                bar_left + 8,
                y + 18,
                f"{labels.state(leader.state, lang)} {number(leader.share or 0, lang)} %",
                fill="#ffffff",
            )
        )
        body.append(
            text(
                bar_left,
                y + 48,
                words["russia_share"].format(share=number(leader.share or 0, lang)),
                font_style="italic",
            )
        )
    height = y + 64
    desc = "; ".join(
        f"{labels.state(s.state, lang)}: "
        + (
            f"{number(s.value, lang)} M USD, {number(s.share or 0, lang)} %"
            if s.value is not None
            else words["no_value"]
        )
        for s in spending
    )
    return document(ident, width, int(height), words["figure10"], desc, "".join(body))


def _bar_style(period: Period, ident: str) -> dict[str, object]:
    """Fill and outline by role and rank: full member solid, partner light with a thick border,
    observer dotted, deprecated hatched with a dashed outline."""
    colour = COLOURS.get(period.organisation, OTHER_COLOUR)
    if period.deprecated:
        return {"fill": hatch(ident), "stroke": "#222222", "stroke_width": 1.5, "stroke_dasharray": "4 3"}
    if period.role == "Partner":
        return {"fill": colour, "fill_opacity": 0.3, "stroke": colour, "stroke_width": 2.5}
    if period.role == "Observer":
        return {"fill": "#ffffff", "stroke": colour, "stroke_width": 2, "stroke_dasharray": "2 2"}
    return {"fill": colour, "stroke": colour}


def _years_axis(x0: float, year_width: float, y: float, height: float) -> str:
    """Year ticks every five years, with vertical guides."""
    parts = []
    for year in range(FIRST_YEAR, LAST_YEAR + 2):
        x = x0 + (year - FIRST_YEAR) * year_width
        if year % 5 == 0 or year == FIRST_YEAR:
            parts.append(text(x, y, year, text_anchor="middle", font_size=11))
            parts.append(empty("line", x1=x, y1=y + 4, x2=x, y2=y + height, stroke="#dddddd"))
    return "".join(parts)


def timeline_svg(periods: dict[str, list[Period]], states: list[str], labels: Labels, lang: str) -> str:
    """One block per state, one lane per organisation, one bar per membership period."""
    words, ident = TEXT[lang], f"timeline-{lang}"
    lane, x0, year_width = 16, LABEL_WIDTH, 24.0
    width = int(x0 + (LAST_YEAR - FIRST_YEAR + 1) * year_width + 90)
    legend = _timeline_legend(ident, words)
    body, y = [legend], 70.0
    lanes_total = sum(len({p.organisation for p in periods[s]}) for s in states)
    height = y + 30 + len(states) * 24 + lanes_total * lane
    body.append(_years_axis(x0, year_width, y - 8, height - y))
    descriptions = []
    for state in states:
        name = labels.state(state, lang)
        body.append(text(8, y + 14, name, font_weight="bold"))
        body.append(empty("line", x1=8, y1=y + 19, x2=width - 8, y2=y + 19, stroke="#bbbbbb"))
        y += 22
        own = periods[state]
        for organisation in organisation_order({p.organisation for p in own}):
            body.append(text(x0 - 8, y + 12, labels.acronym(organisation, lang), text_anchor="end", font_size=11))
            for period in (p for p in own if p.organisation == organisation):
                end = period.end if period.end is not None else LAST_YEAR
                first = max(period.start, FIRST_YEAR)  # Russia's CSCE/OSCE 1975 starts before the axis
                bar_x = x0 + (first - FIRST_YEAR) * year_width
                span = f"{period.start}–{period.end if period.end is not None else ''}"
                role = words.get(period.role, period.role)
                status = f", {words['deprecated']}" if period.deprecated else ""
                tooltip = f"{name} · {labels.acronym(organisation, lang)} · {role} · {span}{status}"
                descriptions.append(tooltip)
                body.append(
                    rect(
                        bar_x,
                        y + 2,
                        (end - first + 1) * year_width,
                        lane - 4,
                        tooltip=tooltip,
                        **_bar_style(period, ident),
                    )
                )
                label = (
                    span + ("" if period.role == "FullMember" else f" ({role})") + (" †" if period.deprecated else "")
                )
                body.append(text(bar_x + 3, y + 11.5, label, font_size=9, **_label_style(period)))
            y += lane
        y += 2
    return document(ident, width, int(height), words["timeline"], "; ".join(descriptions), "".join(body))


def _label_style(period: Period) -> dict[str, object]:
    """White on solid bars; dark with a white halo on light, hatched or outlined ones."""
    if period.role == "FullMember" and not period.deprecated:
        return {"fill": "#ffffff"}
    return {"fill": "#111111", "stroke": "#ffffff", "stroke_width": 3, "paint_order": "stroke"}


def _timeline_legend(ident: str, words: dict[str, str]) -> str:
    """Samples of the four bar styles, each with its words."""
    samples = [
        (Period("CSTO", "FullMember", 0, 0, False), words["FullMember"]),
        (Period("PfP", "Partner", 0, 0, False), words["Partner"]),
        (Period("CIS", "Observer", 0, 0, False), words["Observer"]),
        (Period("NATO", "FullMember", 0, 0, True), f"{words['deprecated']} †"),
    ]
    parts, x = (
        [text(8, 20, words["timeline"], font_weight="bold", font_size=13), text(8, 44, words["legend"] + ":")],
        90,
    )
    for period, label in samples:
        parts.append(rect(x, 33, 34, 14, **_bar_style(period, ident)))
        parts.append(text(x + 40, 44, label))
        x += 60 + 7 * len(label)
    return "".join(parts)


ROLE_MARKS = {"FullMember": "●", "Observer": "O", "Partner": "P", "AssociateMember": "A"}


def matrix_svg(
    matrix: dict[str, dict[str, str]], states: list[str], organisations: list[str], labels: Labels, lang: str, year: int
) -> str:
    """A grid: ● full member, O observer, P partner, A associate member, empty otherwise."""
    words, ident = TEXT[lang], f"matrix-{lang}"
    cell, x0, y0 = 84, LABEL_WIDTH, 64
    width, height = x0 + cell * len(organisations) + 16, y0 + 24 * len(states) + 50
    title = words["matrix"].format(year=year)
    body = [text(8, 20, title, font_weight="bold", font_size=13)]
    for column, organisation in enumerate(organisations):
        body.append(
            text(
                x0 + column * cell + cell / 2,
                y0 - 10,
                labels.acronym(organisation, lang),
                text_anchor="middle",
                font_weight="bold",
            )
        )
    descriptions = []
    for line, state in enumerate(states):
        y = y0 + line * 24
        name = labels.state(state, lang)
        if line % 2 == 0:
            body.append(rect(8, y, width - 16, 24, fill="#f2f2f2"))
        body.append(text(x0 - 8, y + 16, name, text_anchor="end"))
        for column, organisation in enumerate(organisations):
            role = matrix.get(state, {}).get(organisation)
            if role is None:
                continue
            descriptions.append(f"{name} · {labels.acronym(organisation, lang)} · {words.get(role, role)}")
            colour = COLOURS.get(organisation, OTHER_COLOUR)
            body.append(
                tag(
                    "text",
                    tag("title", f"{name} · {words.get(role, role)}") + ROLE_MARKS.get(role, "?"),
                    x=x0 + column * cell + cell / 2,
                    y=y + 17,
                    text_anchor="middle",
                    fill=colour,
                    font_size=15,
                    font_weight="bold",
                )
            )
    legend = " · ".join(f"{mark} {words[role]}" for role, mark in ROLE_MARKS.items())
    body.append(text(8, height - 16, f"{words['legend']}: {legend}"))
    return document(ident, width, height, title, "; ".join(descriptions) or words["none"], "".join(body))


def counts_svg(counts: dict[str, dict[int, int]], states: list[str], labels: Labels, lang: str) -> str:
    """A heat map with the count written in every cell: states down, years across."""
    words, ident = TEXT[lang], f"counts-{lang}"
    cell, x0, y0 = 26, LABEL_WIDTH, 60
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    width, height = x0 + cell * len(years) + 16, y0 + 22 * len(states) + 20
    top = max((n for per_state in counts.values() for n in per_state.values()), default=1) or 1
    body = [text(8, 20, words["counts"], font_weight="bold", font_size=13)]
    for column, year in enumerate(years):
        if year % 2 == 1:
            body.append(
                text(x0 + column * cell + cell / 2, y0 - 8, f"’{year % 100:02d}", text_anchor="middle", font_size=10)
            )
    descriptions = []
    for line, state in enumerate(states):
        y = y0 + line * 22
        name = labels.state(state, lang)
        body.append(text(x0 - 8, y + 15, name, text_anchor="end"))
        for column, year in enumerate(years):
            n = counts[state][year]
            shade = int(245 - 170 * n / top)
            fill = f"rgb({shade},{shade},{min(255, shade + 30)})"
            body.append(rect(x0 + column * cell, y, cell - 1, 21, fill=fill, tooltip=f"{name} {year}: {n}"))
            body.append(
                text(
                    x0 + column * cell + cell / 2,
                    y + 15,
                    n,
                    text_anchor="middle",
                    font_size=10,
                    fill="#ffffff" if n * 2 > top else "#111111",
                )
            )
        descriptions.append(f"{name}: " + ", ".join(f"{year} {counts[state][year]}" for year in years))
    return document(ident, width, height, words["counts"], "; ".join(descriptions), "".join(body))
