"""The report's map: the fifteen states coloured by their status towards one organisation in one year.

Every colour comes from the saved query ``state-status-in-year``, run for each
organisation and year; the outlines are the committed, projected Natural Earth file
(``pskg/report/assets/post-soviet-outlines.json``, built by ``scripts/build_map_outlines.py``),
so the page draws offline. A few lines of script switch organisation and year; without
script the page still shows the report's year, and every state names its status in its
``<title>`` so the map never relies on colour alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from pskg.report.data import FIRST_YEAR, LAST_YEAR, TABLEAU_2_COLUMNS, Labels, QueryRunner, local
from pskg.report.svg import document, empty, esc, tag, text

STATUS_QUERY = "state-status-in-year"
#: The statuses the query returns, in legend order, and their colours: Okabe and Ito's palette, which
#: readers with any of the common colour-vision deficiencies can tell apart (and the <title> says it).
STATUSES = ("member", "associate member", "observer", "partner", "former member", "never")
COLOURS = {
    "member": "#0072B2",
    "associate member": "#56B4E9",
    "observer": "#E69F00",
    "partner": "#009E73",
    "former member": "#D55E00",
    "never": "#FFFFFF",
}
#: Number of organisations, 0 to 6 and more: ColorBrewer's YlGnBu, marked safe for colour-blind readers.
COUNT_COLOURS = ("#ffffff", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84")
SEA, OTHER_STATE, BORDER = "#eaf2f8", "#d9d9d9", "#333333"
#: A role the contract may gain later: drawn grey and named as the query names it, never dropped.
UNKNOWN_STATUS_COLOUR = "#999999"
DEFAULT_ORGANISATION = "CSTO"

MAP_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "map": "Carte — qui était allié avec qui, année par année",
        "map_intro": (
            "Les quinze États colorés selon leur relation à une organisation une année donnée. Choisissez "
            "l’organisation et l’année ; survolez un État pour son nom et son statut. Hachures et contour "
            "pointillé : affirmation dépréciée qui contredit le statut retenu (l’OTAN des États baltes en "
            "1999 selon le Tableau 2, 2004 selon le texte). Fonctionne sans réseau."
        ),
        "organisation": "Organisation",
        "year": "Année",
        "member": "membre",
        "associate member": "membre associé",
        "observer": "observateur",
        "partner": "partenaire",
        "former member": "ancien membre",
        "never": "jamais membre jusque-là",
        "FullMember": "membre",
        "AssociateMember": "membre associé",
        "Observer": "observateur",
        "Partner": "partenaire",
        "since": "depuis {start}",
        "deprecated": "affirmation dépréciée (Tableau 2) : {role} {period}",
        "deprecated_legend": "affirmation dépréciée",
        "other_state": "autre État",
        "legend": "Légende",
        "source": (
            "Source : Sophie Momzikoff, « Alliances et coopérations sécuritaires au sein de l’espace "
            "postsoviétique » · requête state-status-in-year · contours Natural Earth (world-atlas 2.0.2)"
        ),
        "overlap": "Appartenances qui se chevauchent — nombre d’organisations par État",
        "overlap_intro": (
            "Toutes qualités confondues (membre, observateur, partenaire), affirmations dépréciées exclues ; "
            "l’année suit le sélecteur de la carte. Le nombre est écrit sur chaque État."
        ),
        "overlap_title": "Nombre d’organisations en {year}",
        "organisations": "{count} organisation(s)",
        "multiples": "Les sept organisations du Tableau 2 en {year}",
        "multiples_intro": "Une petite carte par colonne du Tableau 2, même légende que la carte.",
    },
    "en": {
        "map": "Map — who was allied with whom, year by year",
        "map_intro": (
            "The fifteen states coloured by their relation to one organisation in one year. Choose the "
            "organisation and the year; hover over a state for its name and status. Hatched with a dashed "
            "outline: a deprecated claim that contradicts the status shown (the Baltic states in NATO from "
            "1999 in Tableau 2, from 2004 in the text). Works offline."
        ),
        "organisation": "Organisation",
        "year": "Year",
        "member": "member",
        "associate member": "associate member",
        "observer": "observer",
        "partner": "partner",
        "former member": "former member",
        "never": "never a member so far",
        "FullMember": "member",
        "AssociateMember": "associate member",
        "Observer": "observer",
        "Partner": "partner",
        "since": "since {start}",
        "deprecated": "deprecated claim (Tableau 2): {role} {period}",
        "deprecated_legend": "deprecated claim",
        "other_state": "other state",
        "legend": "Legend",
        "source": (
            "Source: Sophie Momzikoff, « Alliances et coopérations sécuritaires au sein de l’espace "
            "postsoviétique » · query state-status-in-year · outlines Natural Earth (world-atlas 2.0.2)"
        ),
        "overlap": "Overlapping memberships — number of organisations per state",
        "overlap_intro": (
            "Any role (member, observer, partner), deprecated claims left out; the year follows the map's "
            "selector. The number is written on each state."
        ),
        "overlap_title": "Number of organisations in {year}",
        "organisations": "{count} organisation(s)",
        "multiples": "The seven organisations of Tableau 2 in {year}",
        "multiples_intro": "One small map per column of Tableau 2, with the map's legend.",
    },
}


@dataclass(frozen=True)
class Status:
    """One row of ``state-status-in-year``: a state's status, its period, and a deprecated claim if any."""

    status: str
    role: str = ""
    start: int | None = None
    end: int | None = None
    deprecated_role: str = ""
    deprecated_start: int | None = None
    deprecated_end: int | None = None

    @property
    def disputed(self) -> bool:
        """Whether a deprecated claim gives another status than the one shown (drawn hatched)."""
        return bool(self.deprecated_role) and (self.status == "never" or self.role != self.deprecated_role)

    @property
    def current(self) -> bool:
        """In the organisation that year, in any role."""
        return self.status not in {"former member", "never"}


@dataclass(frozen=True)
class Outlines:
    """The committed outlines: size, shapes by ISO alpha-3, label points of the fifteen states."""

    width: float
    height: int
    post_soviet: tuple[str, ...]
    paths: dict[str, str]
    labels: dict[str, tuple[float, float]]
    source: str


@lru_cache(maxsize=1)
def outlines() -> Outlines:
    """Read ``pskg/report/assets/post-soviet-outlines.json`` (shipped in the wheel)."""
    raw = json.loads((files("pskg.report") / "assets" / "post-soviet-outlines.json").read_text(encoding="utf-8"))
    shapes = raw["shapes"]
    return Outlines(
        raw["width"],
        raw["height"],
        tuple(raw["post_soviet"]),
        {code: shape["path"] for code, shape in shapes.items()},
        {code: tuple(shape["label"]) for code, shape in shapes.items() if "label" in shape},
        raw["source"],
    )


def statuses(runner: QueryRunner, organisation: str, year: int) -> dict[str, Status]:
    """ISO alpha-3 → status of each post-Soviet state, from ``state-status-in-year`` (first row per state)."""
    found: dict[str, Status] = {}
    for r in runner.rows(STATUS_QUERY, {"org": organisation, "year": str(year)}):
        found.setdefault(
            str(r["isoAlpha3"]),
            Status(
                str(r["status"]),
                local(str(r["role"])) if r["role"] else "",
                r["startYear"],
                r["endYear"],
                local(str(r["deprecatedRole"])) if r["deprecatedRole"] else "",
                r["deprecatedStartYear"],
                r["deprecatedEndYear"],
            ),
        )
    return found


@lru_cache(maxsize=1)
def status_grid(runner: QueryRunner, organisations: tuple[str, ...]) -> dict[str, dict[int, dict[str, Status]]]:
    """Organisation → year → state → status for every year of the report (run once for both languages)."""
    return {
        organisation: {year: statuses(runner, organisation, year) for year in range(FIRST_YEAR, LAST_YEAR + 1)}
        for organisation in organisations
    }


def overlap_counts(grid: dict[str, dict[int, dict[str, Status]]]) -> dict[str, dict[int, int]]:
    """State → year → number of organisations it was in (any role, deprecated claims ignored)."""
    counts: dict[str, dict[int, int]] = {}
    for per_year in grid.values():
        for year, per_state in per_year.items():
            for state, status in per_state.items():
                counts.setdefault(state, {}).setdefault(year, 0)
                counts[state][year] += status.current
    return counts


def _colour(status: str) -> str:
    return COLOURS.get(status, UNKNOWN_STATUS_COLOUR)


def _period(start: object, end: object) -> str:
    return f"{start}–{end if end is not None else ''}"


def describe(name: str, status: Status, lang: str) -> str:
    """What a state's ``<title>`` says: name, status, period, and the deprecated claim when there is one."""
    words = MAP_TEXT[lang]
    parts = f"{name} — {words.get(status.status, status.status)}"
    if status.current:
        since = words["since"].format(start=status.start)
        parts += f" ({since if status.end is None else _period(status.start, status.end)})"
    elif status.status == "former member":
        parts += f" ({words.get(status.role, status.role)} {_period(status.start, status.end)})"
    if status.deprecated_role:
        role = words.get(status.deprecated_role, status.deprecated_role)
        parts += "; " + words["deprecated"].format(
            role=role, period=_period(status.deprecated_start, status.deprecated_end)
        )
    return parts


def _defs(ident: str, shapes: Outlines) -> str:
    """The outlines once per SVG (every map of it draws them with ``<use>``), and hatching with no
    background, so the status colour shows through the deprecated claim's lines."""
    pattern = tag(
        "pattern",
        empty("line", x1=0, y1=0, x2=0, y2=6, stroke="#000000", stroke_width=1.6),
        id=f"{ident}-disputed",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    paths = "".join(empty("path", d=path, id=f"{ident}-outline-{code}") for code, path in shapes.paths.items())
    return tag("defs", pattern + paths)


def _map_body(
    ident: str,
    doc: str,
    shapes: Outlines,
    fills: dict[str, str],
    titles: dict[str, str],
    disputed: set[str],
    scale: float = 1.0,
    dx: float = 0.0,
    dy: float = 0.0,
) -> str:
    """Sea, neighbours in grey, the fifteen states filled and titled, the hatched overlay of disputed states.

    ``ident`` prefixes this map's element ids, ``doc`` is the SVG whose ``<defs>`` hold the outlines.
    """
    parts = [empty("rect", x=0, y=0, width=round(shapes.width), height=shapes.height, fill=SEA)]
    for code in shapes.paths:
        if code not in shapes.post_soviet:
            parts.append(
                empty("use", href=f"#{doc}-outline-{code}", fill=OTHER_STATE, stroke="#ffffff", stroke_width=0.6)
            )
    for code in shapes.post_soviet:
        parts.append(
            tag(
                "use",
                tag("title", esc(titles[code])),
                href=f"#{doc}-outline-{code}",
                id=f"{ident}-{code}",
                class_="state",
                data_iso=code,
                fill=fills[code],
                stroke=BORDER,
                stroke_width=0.7,
                aria_label=titles[code],
                role="img",
            )
        )
    for code in shapes.post_soviet:
        parts.append(
            empty(
                "use",
                href=f"#{doc}-outline-{code}",
                id=f"{ident}-{code}-disputed",
                class_="disputed",
                fill=f"url(#{doc}-disputed)",
                stroke="#000000",
                stroke_width=1.4,
                stroke_dasharray="4 3",
                pointer_events="none",
                visibility="visible" if code in disputed else "hidden",
            )
        )
    transform = f"translate({dx} {dy}) scale({scale})" if (scale, dx, dy) != (1.0, 0.0, 0.0) else None
    return tag("g", "".join(parts), transform=transform)


def _legend(ident: str, x: float, y: float, lang: str, width: float) -> tuple[str, float]:
    """Swatches for the six statuses, the deprecated claim and other states, wrapped to ``width``."""
    words = MAP_TEXT[lang]
    items: list[tuple[str, str, str | None]] = [(COLOURS[s], words[s], None) for s in STATUSES]
    items += [
        ("#ffffff", words["deprecated_legend"], f"url(#{ident}-disputed)"),
        (OTHER_STATE, words["other_state"], None),
    ]
    parts, cx, cy = [text(x, y + 11, words["legend"] + ":", font_weight="bold")], x + 70, y
    for colour, label, pattern in items:
        room = 36 + 7 * len(label)
        if cx + room > width:
            cx, cy = x + 70, cy + 20
        parts.append(empty("rect", x=cx, y=cy, width=16, height=13, fill=colour, stroke=BORDER, stroke_width=0.7))
        if pattern:
            parts.append(
                empty("rect", x=cx, y=cy, width=16, height=13, fill=pattern, stroke="#000000", stroke_dasharray="4 3")
            )
        parts.append(text(cx + 21, cy + 11, label))
        cx += room
    return "".join(parts), cy + 20


def map_svg(
    grid: dict[str, dict[int, dict[str, Status]]], names: Labels, organisation: str, year: int, lang: str
) -> str:
    """The main map, drawn for one organisation and year (the script redraws it for the others)."""
    words, ident, shapes = MAP_TEXT[lang], f"map-{lang}", outlines()
    per_state = grid[organisation][year]
    titles = {c: describe(names.state(c, lang), per_state[c], lang) for c in shapes.post_soviet}
    fills = {c: _colour(per_state[c].status) for c in shapes.post_soviet}
    disputed = {c for c in shapes.post_soviet if per_state[c].disputed}
    width, top = round(shapes.width), 34
    heading = f"{names.acronym(organisation, lang)} — {year}"
    legend, legend_end = _legend(ident, 8, top + shapes.height + 10, lang, width)
    height = legend_end + 24
    body = (
        _defs(ident, shapes)
        + tag("text", esc(heading), x=10, y=24, font_size=18, font_weight="bold", id=f"{ident}-heading")
        + _map_body(ident, ident, shapes, fills, titles, disputed, dy=top)
        + legend
        + text(8, height - 8, words["source"], font_size=10, fill="#333333")
    )
    desc = "; ".join(titles[c] for c in shapes.post_soviet)
    return document(ident, width, height, f"{words['map']} — {heading}", desc, body)


def _count_colour(count: int) -> str:
    return COUNT_COLOURS[min(count, len(COUNT_COLOURS) - 1)]


def overlap_svg(counts: dict[str, dict[int, int]], names: Labels, year: int, lang: str) -> str:
    """Each state filled and labelled with its number of organisations in ``year``."""
    words, ident, shapes = MAP_TEXT[lang], f"map-overlap-{lang}", outlines()
    title = words["overlap_title"].format(year=year)
    titles = {
        c: f"{names.state(c, lang)} — {words['organisations'].format(count=counts[c][year])}"
        for c in shapes.post_soviet
    }
    fills = {c: _count_colour(counts[c][year]) for c in shapes.post_soviet}
    top, width = 34, round(shapes.width)
    labels = "".join(
        text(
            shapes.labels[c][0],
            shapes.labels[c][1] + top + 4,
            counts[c][year],
            id=f"{ident}-{c}-count",
            text_anchor="middle",
            font_size=12,
            font_weight="bold",
            fill="#111111",
            stroke="#ffffff",
            stroke_width=3,
            paint_order="stroke",
            pointer_events="none",
        )
        for c in shapes.post_soviet
    )
    legend_y = top + shapes.height + 10
    legend = [text(8, legend_y + 11, words["legend"] + ":", font_weight="bold")]
    for n, colour in enumerate(COUNT_COLOURS):
        x = 80 + n * 46
        legend.append(empty("rect", x=x, y=legend_y, width=16, height=13, fill=colour, stroke=BORDER, stroke_width=0.7))
        legend.append(text(x + 21, legend_y + 11, f"{n}+" if n == len(COUNT_COLOURS) - 1 else n))
    height = legend_y + 44
    body = (
        _defs(ident, shapes)
        + tag("text", esc(title), x=10, y=24, font_size=18, font_weight="bold", id=f"{ident}-heading")
        + _map_body(ident, ident, shapes, fills, titles, set(), dy=top)
        + labels
        + "".join(legend)
        + text(8, height - 8, words["source"], font_size=10, fill="#333333")
    )
    desc = "; ".join(titles[c] for c in shapes.post_soviet)
    return document(ident, width, height, f"{words['overlap']} — {year}", desc, body)


def multiples_svg(grid: dict[str, dict[int, dict[str, Status]]], names: Labels, year: int, lang: str) -> str:
    """Tableau 2's seven organisations side by side in ``year``, four maps then three, one legend."""
    words, ident, shapes = MAP_TEXT[lang], f"map-multiples-{lang}", outlines()
    columns, cell_width = 4, 300.0
    scale = cell_width / shapes.width
    cell_height = shapes.height * scale + 26
    width = int(columns * (cell_width + 10) + 10)
    body, descriptions = [_defs(ident, shapes)], []
    for index, organisation in enumerate(o for o in TABLEAU_2_COLUMNS if o in grid):
        per_state = grid[organisation][year]
        titles = {c: describe(names.state(c, lang), per_state[c], lang) for c in shapes.post_soviet}
        x = 10 + (index % columns) * (cell_width + 10)
        y = 10 + (index // columns) * (cell_height + 10)
        body.append(text(x, y + 16, f"{names.acronym(organisation, lang)} — {year}", font_weight="bold", font_size=14))
        group = _map_body(
            f"{ident}-{organisation}",
            ident,
            shapes,
            {c: _colour(per_state[c].status) for c in shapes.post_soviet},
            titles,
            {c for c in shapes.post_soviet if per_state[c].disputed},
            scale=round(scale, 4),
            dx=x,
            dy=y + 22,
        )
        body.append(group)
        descriptions.append(f"{names.acronym(organisation, lang)}: " + ", ".join(titles.values()))
    rows = -(-len(TABLEAU_2_COLUMNS) // columns)
    legend, end = _legend(ident, 10, 10 + rows * (cell_height + 10), lang, width)
    height = int(end + 24)
    body += [legend, text(10, height - 8, words["source"], font_size=10, fill="#333333")]
    title = words["multiples"].format(year=year)
    return document(ident, width, height, title, "; ".join(descriptions), "".join(body))


def _runs(per_year: dict[int, dict[str, Status]], state: str, name: str, lang: str) -> list[list[object]]:
    """Consecutive years with the same status as [first, last, colour, disputed, title]: the script's data."""
    runs: list[list[object]] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        status = per_year[year][state]
        entry = [_colour(status.status), int(status.disputed), describe(name, status, lang)]
        if runs and runs[-1][2:] == entry and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year, *entry])
    return runs


#: Redraws both maps from the data beside it; ``?map=CSTO-2000`` in the address opens that view (tests use it).
SCRIPT = """(function(){
var L=document.currentScript.dataset.lang,D=JSON.parse(document.getElementById('map-data-'+L).textContent);
var org=document.getElementById('map-'+L+'-org'),yr=document.getElementById('map-'+L+'-year'),
out=document.getElementById('map-'+L+'-year-shown');
function run(rs,y){for(var i=0;i<rs.length;i++){if(rs[i][0]<=y&&y<=rs[i][1])return rs[i];}return null;}
function draw(){var o=org.value,y=+yr.value;out.textContent=y;
document.getElementById('map-'+L+'-heading').textContent=D.acronyms[o]+' — '+y;
document.getElementById('map-overlap-'+L+'-heading').textContent=D.overlapTitle.replace('{year}',y);
D.states.forEach(function(s){var r=run(D.runs[o][s],y),p=document.getElementById('map-'+L+'-'+s);
p.setAttribute('fill',r[2]);p.setAttribute('aria-label',r[4]);p.firstChild.textContent=r[4];
document.getElementById('map-'+L+'-'+s+'-disputed').setAttribute('visibility',r[3]?'visible':'hidden');
var n=D.counts[s][y-D.first],q=document.getElementById('map-overlap-'+L+'-'+s),
t=D.names[s]+' — '+D.countWords.replace('{count}',n);
q.setAttribute('fill',D.countColours[Math.min(n,D.countColours.length-1)]);q.setAttribute('aria-label',t);
q.firstChild.textContent=t;document.getElementById('map-overlap-'+L+'-'+s+'-count').textContent=n;});}
var m=/[?&]map=([A-Za-z]+)-([0-9]{4})(&|$)/.exec(location.search);
if(m&&D.runs[m[1]]&&+m[2]>=D.first&&+m[2]<=D.last){org.value=m[1];yr.value=m[2];}
org.addEventListener('change',draw);yr.addEventListener('input',draw);
document.addEventListener('DOMContentLoaded',draw);})();"""


def map_markup(
    grid: dict[str, dict[int, dict[str, Status]]],
    counts: dict[str, dict[int, int]],
    names: Labels,
    year: int,
    lang: str,
) -> str:
    """The selector, the map and its data and script (the overlap map, in its own section, is redrawn too)."""
    words, shapes = MAP_TEXT[lang], outlines()
    organisation = DEFAULT_ORGANISATION if DEFAULT_ORGANISATION in grid else next(iter(grid))
    options = "".join(
        tag(
            "option",
            esc(f"{names.acronym(o, lang)} — {names.organisation(o, lang)}"),
            value=o,
            selected="selected" if o == organisation else None,
        )
        for o in grid
    )
    controls = tag(
        "form",
        tag("label", esc(words["organisation"]) + " " + tag("select", options, id=f"map-{lang}-org"))
        + " "
        + tag(
            "label",
            esc(words["year"])
            + " "
            + empty("input", type="range", min=FIRST_YEAR, max=LAST_YEAR, step=1, value=year, id=f"map-{lang}-year")
            + " "
            + tag("output", str(year), id=f"map-{lang}-year-shown", for_=f"map-{lang}-year"),
        ),
        class_="map-controls",
    )
    data = {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
        "states": list(shapes.post_soviet),
        "names": {c: names.state(c, lang) for c in shapes.post_soviet},
        "acronyms": {o: names.acronym(o, lang) for o in grid},
        "runs": {
            o: {c: _runs(per_year, c, names.state(c, lang), lang) for c in shapes.post_soviet}
            for o, per_year in grid.items()
        },
        "counts": {c: [counts[c][y] for y in range(FIRST_YEAR, LAST_YEAR + 1)] for c in shapes.post_soviet},
        "countColours": list(COUNT_COLOURS),
        "countWords": words["organisations"],
        "overlapTitle": words["overlap_title"],
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        controls
        + map_svg(grid, names, organisation, year, lang)
        + tag("script", payload, type="application/json", id=f"map-data-{lang}")
        + tag("script", SCRIPT, data_lang=lang)
    )


def map_sections(
    runner: QueryRunner, names: Labels, organisations: tuple[str, ...], year: int, lang: str
) -> list[tuple[str, str, str, tuple[str, ...], bool, str]]:
    """The report's three map sections as (key, heading, markup, queries, standalone SVG, intro)."""
    words = MAP_TEXT[lang]
    grid = status_grid(runner, organisations)
    counts = overlap_counts(grid)
    queries = (STATUS_QUERY, "post-soviet-states", "organisations")
    return [
        ("map", words["map"], map_markup(grid, counts, names, year, lang), queries, False, words["map_intro"]),
        (
            "map-overlap",
            words["overlap"],
            overlap_svg(counts, names, year, lang),
            queries,
            True,
            words["overlap_intro"],
        ),
        (
            "map-tableau-2",
            words["multiples"].format(year=year),
            multiples_svg(grid, names, year, lang),
            queries,
            True,
            words["multiples_intro"],
        ),
    ]
