"""The Python API for notebooks: the built graph, a saved query's rows and the panels, without the shell.

``pskg.graph()``, ``pskg.query(name, **params)`` and ``pskg.panel()`` (re-exported
by ``pskg``) do what ``pskg build`` and ``pskg query`` do, on the same engine and
with the same checks: a graph that does not conform raises ``ValidationFailed``,
a wrong parameter ``ParameterError``. The release they read is built once per
content of the sources, in the cache (``pskg.sources.resources.cache_root``), not
in the notebook's folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

import pyoxigraph
from rdflib import Dataset, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.term import Node

from pskg.engines import get_engine
from pskg.errors import ParameterError, PskgError
from pskg.queries.catalogue import QueryResult, find_query
from pskg.queries.render import render_table
from pskg.release.build import build
from pskg.release.formats import DATAPACKAGE, NQUADS
from pskg.sources.namespaces import bind_prefixes, short
from pskg.sources.resources import cache_root
from pskg.stores.serve import needs_build

if TYPE_CHECKING:
    import pandas

#: The kinds of graph object ``graph()`` returns.
GRAPH_KINDS = ("rdflib", "oxigraph")


def release_dir(rebuild: bool = False) -> Path:
    """The release of the current sources (``pskg build``'s files), built in the cache when missing or stale."""
    dist = cache_root() / "release"
    if rebuild or needs_build(dist):
        build(dist)
    return dist


@overload
def graph(kind: Literal["rdflib"] = "rdflib") -> Dataset: ...
@overload
def graph(kind: Literal["oxigraph"]) -> pyoxigraph.Store: ...
def graph(kind: str = "rdflib") -> Dataset | pyoxigraph.Store:
    """The built graph — asserted and inferred triples in the release's named graphs — as an rdflib ``Dataset``
    (its default graph the union of the named ones, the project's prefixes bound) or an in-memory pyoxigraph
    ``Store``: the same quads."""
    if kind not in GRAPH_KINDS:
        raise ParameterError(f"graph kind {kind!r} is not one of {', '.join(GRAPH_KINDS)}")
    nquads = release_dir() / NQUADS
    if kind == "oxigraph":
        store = pyoxigraph.Store()
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
        return store
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    bind_prefixes(dataset)  # N-Quads has none: the project's, so that a notebook's SPARQL can write pss:, id:, org:
    return dataset


@dataclass(frozen=True, repr=False)
class Rows(Sequence[tuple[Node | None, ...]]):
    """A saved query's answer: ``variables`` and rows of rdflib terms (``None`` where a variable is unbound).

    Shown (printed, or echoed by a notebook), it is ``pskg query``'s table; ``to_pandas()`` gives a DataFrame of
    plain Python values (integers as integers, IRIs as text).
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]

    @overload
    def __getitem__(self, index: int) -> tuple[Node | None, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Node | None, ...]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Node | None, ...] | Sequence[tuple[Node | None, ...]]:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        return iter(self.rows)

    def __repr__(self) -> str:
        return render_table(QueryResult(self.variables, self.rows))

    def records(self, prefixed: bool = False) -> list[dict[str, object]]:
        """One dict per row, variable name to plain Python value (``None`` where unbound); ``prefixed``: IRIs
        as prefixed names (``id:ARM``), as ``pskg query`` prints them, instead of whole IRIs."""
        return [{v: plain_value(node, prefixed) for v, node in zip(self.variables, row, strict=True)} for row in self]

    def to_pandas(self, prefixed: bool = False) -> pandas.DataFrame:
        """The rows as a DataFrame: one column per variable; integer columns as nullable integers (``Int64``),
        decimal ones as floats, so that they sum and plot; ``prefixed`` as in ``records``."""
        pd = _pandas()
        frame = pd.DataFrame(self.records(prefixed), columns=list(self.variables))
        for column in self.variables:
            values = [value for value in frame[column] if value is not None]
            if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                frame[column] = frame[column].astype("Int64")
            elif values and all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in values):
                frame[column] = frame[column].astype("Float64")
        return frame


def query(name: str, /, **params: object) -> Rows:
    """A saved query's (or a .rq file's) rows on the built graph, parameters given by name:
    ``query("members-in-year", org="CSTO", year=2019)``."""
    saved = find_query(name)
    values = {key: str(value) for key, value in params.items()}
    result = get_engine().query(saved, values)
    return Rows(result.variables, result.rows)


def panel(kind: str = "state-year") -> pandas.DataFrame:
    """A panel of the release (``state-year`` or ``dyad-year``) as a DataFrame typed as its codebook declares
    (the release's ``datapackage.json``): integer columns as nullable integers, missing values as ``<NA>``."""
    dist = release_dir()
    package = json.loads((dist / DATAPACKAGE).read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    if kind not in resources:
        raise ParameterError(f"panel {kind!r} is not one of {', '.join(sorted(resources))}")
    resource = resources[kind]
    schema = resource["schema"]
    missing = schema.get("missingValues", package.get("missingValues", [""]))
    dtypes = {field["name"]: _PANDAS_TYPES.get(field["type"], "string") for field in schema["fields"]}
    return _pandas().read_csv(
        dist / resource["path"], dtype=dtypes, na_values=missing, keep_default_na=False, encoding="utf-8"
    )


#: The pandas type of each Frictionless field type the codebook uses (others are read as text).
_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


def plain_value(node: Node | None, prefixed: bool = False) -> object:
    """An RDF term as a Python value: a literal's value (its text when rdflib has no Python type for it), an IRI's
    text (``prefixed``: its prefixed name where the project has a prefix for it)."""
    if node is None:
        return None
    if isinstance(node, RDFLiteral):
        value = node.toPython()
        return str(node) if isinstance(value, RDFLiteral) else value
    return short(node) if prefixed and isinstance(node, URIRef) else str(node)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as missing:
        raise PskgError("this needs pandas: pip install 'postsoviet-security-kg[pandas]'") from missing
    return pd
