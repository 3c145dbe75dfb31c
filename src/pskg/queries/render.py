"""Render query results as a terminal table, CSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from pskg.queries.catalogue import QueryResult
from pskg.sources.namespaces import short

FORMATS = ("table", "csv", "json")
#: Cells longer than this are cut in the terminal table (CSV and JSON keep them whole).
MAX_CELL_WIDTH = 60


def cell_text(node: Node | None) -> str:
    """How a value reads in a table: prefixed names, plain literal text."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        return str(node)
    return short(node)


def render(result: QueryResult, fmt: str) -> str:
    """The result in one of FORMATS."""
    if fmt == "table":
        return render_table(result)
    if fmt == "csv":
        return render_csv(result)
    if fmt == "json":
        return render_json(result)
    raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")


def render_table(result: QueryResult) -> str:
    """An aligned text table with a row count."""
    header = list(result.variables)
    body = [[_fit(cell_text(value)) for value in row] for row in result.rows]
    cut = any(cell.endswith("…") for row in body for cell in row)
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    if cut:
        lines.append(f"(values longer than {MAX_CELL_WIDTH} characters are cut: use --format csv or json for all)")
    return "\n".join(lines) + "\n"


def _fit(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def render_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results: full IRIs, lexical forms of literals."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if v is None else str(v) for v in row])
    return buffer.getvalue()


def render_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = []
    for row in result.rows:
        binding = {}
        for name, value in zip(result.variables, row, strict=True):
            if value is not None:
                binding[name] = _json_term(value)
        bindings.append(binding)
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_term(node: Node) -> dict[str, str]:
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    term: dict[str, str] = {"type": "literal", "value": str(node)}
    if isinstance(node, Literal) and node.language:
        term["xml:lang"] = node.language
    elif isinstance(node, Literal) and node.datatype:
        term["datatype"] = str(node.datatype)
    return term
