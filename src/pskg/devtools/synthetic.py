"""Synthetic graphs like ours, at any multiple of its size, for the benchmark and the agreement tests.

Copy ``k`` of the real data is the data itself with every ``id:`` resource
renamed ``…-xk``, and its states given other three-letter codes (a state's IRI
must be its code): each copy is a world of its own, so the graph grows in size
and in shape alike — twice the copies, twice the memberships per organisation
pair, never four times (copies sharing their states would make every pairwise
query grow with the square of the size). The 17,576 codes allow about 600
worlds: beyond that, copies share them in turn (at ×1000, 1.7 copies a world).
Each copy thus has our mix of kinds, provenance, open-ended and multi-period
memberships, and stays valid: no two copies' periods overlap. Faults are injected into copies other than the
first, one per chosen membership, each of a kind whose violation is known.
The result is a project folder (``PSKG_ROOT``) with the real ontology, shapes
and queries and the generated data, in N-Triples files of bounded size.
"""

from __future__ import annotations

import itertools
import random
import re
import string
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from pskg.sources.namespaces import ID, ORG, PSS
from pskg.sources.resources import resource_dir, turtle_files

#: Copies per generated file: files stay well under the 20 MiB a data file may be.
COPIES_PER_FILE = 20
_IRI = re.compile(r"<" + re.escape(str(ID)) + r"([^>]+)>")
_BLANK = re.compile(r"_:([A-Za-z0-9]+)")
_STATE = re.compile("\x01([0-9]+)\x02")
_MEMBER = f"<{ORG.member}>"
_ISO = f"<{PSS.isoAlpha3}>"
_START = f"<{PSS.startYear}>"
_END = f"<{PSS.endYear}>"

#: Fault kind -> the shape whose violation it causes, on the membership it is injected into.
FAULT_SHAPES = {
    "missing-member": "pssh:Membership-member",
    "end-before-start": "pssh:Membership-yearOrder",
}


@dataclass(frozen=True)
class Fault:
    """One injected fault: its kind, the node it breaks and the shape that must report it."""

    kind: str
    focus: str
    shape: str


@dataclass(frozen=True)
class SyntheticGraph:
    """A generated project folder, its size and the faults injected into it."""

    root: Path
    scale: int
    triples: int
    faults: tuple[Fault, ...]


def generate(root: Path, scale: int, faults: int = 0, seed: int = 0) -> SyntheticGraph:
    """Write ``scale`` copies of the data (and the real ontology, shapes, queries) under ``root``."""
    lines = _real_data_lines()
    states = sorted(_states(lines))
    template = _template(lines, states)
    worlds = _worlds(states, _local_names(lines), scale)
    chosen = _choose_faults(lines, scale, faults, random.Random(seed))
    for kind in ("ontology", "validation", "queries"):
        (root / kind).parent.mkdir(parents=True, exist_ok=True)
        if not (root / kind).exists():
            (root / kind).symlink_to(resource_dir(kind).resolve(), target_is_directory=True)
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    injected: list[Fault] = []
    for first in range(0, scale, COPIES_PER_FILE):
        chunk = []
        for copy in range(first, min(scale, first + COPIES_PER_FILE)):
            text = _copy(template, copy, worlds[copy % len(worlds)]) if copy else "".join(lines)
            for kind, membership in chosen.get(copy, ()):
                text, fault = _inject(text, kind, membership, copy)
                injected.append(fault)
            chunk.append(text)
        (data / f"synthetic-{first // COPIES_PER_FILE:05d}.ttl").write_text("".join(chunk), encoding="utf-8")
    return SyntheticGraph(root=root, scale=scale, triples=len(lines) * scale, faults=tuple(injected))


def _real_data_lines() -> list[str]:
    """The real data as N-Triples lines (ontology excluded: it is shared, not copied)."""
    store = pyoxigraph.Store()
    for path in turtle_files("data"):
        store.load(path=path, format=pyoxigraph.RdfFormat.TURTLE)
    dump = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()) or b""
    text = dump.decode("utf-8")
    return sorted({line + "\n" for line in text.splitlines() if line.strip()})


def _states(lines: list[str]) -> set[str]:
    """Local names of the resources with an ISO code: kept as they are in every copy."""
    return {match.group(1) for line in lines if f" {_ISO} " in line for match in [_IRI.match(line)] if match}


def _local_names(lines: list[str]) -> set[str]:
    """Every local name of the ``id:`` namespace in the data."""
    return {match.group(1) for line in lines for match in _IRI.finditer(line)}


def _template(lines: list[str], states: list[str]) -> str:
    """The data with a NUL where each copy's number goes, and the index of each state between SOH and STX."""
    index = {name: i for i, name in enumerate(states)}

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"<{ID}\x01{index[name]}\x02>" if name in index else f"<{ID}{name}-x\x00>"

    renamed = []
    for line in lines:
        line = _IRI.sub(rename, line)
        if f" {_ISO} " in line:  # the code itself, the object of pss:isoAlpha3
            line = re.sub(r'"[A-Z]{3}"', lambda m: f'"\x01{index[m.group(0)[1:-1]]}\x02"', line)
        renamed.append(line)
    return _BLANK.sub(lambda match: f"_:x\x00{match.group(1)}", "".join(renamed))


def _worlds(states: list[str], taken: set[str], scale: int) -> list[list[str]]:
    """The state codes of each world: the real ones first, then codes no resource has, as many worlds as fit."""
    unused = ("".join(letters) for letters in itertools.product(string.ascii_uppercase, repeat=3))
    spare = [code for code in unused if code not in taken]
    count = min(scale, 1 + len(spare) // len(states))
    return [states] + [spare[i * len(states) : (i + 1) * len(states)] for i in range(count - 1)]


def _copy(template: str, copy: int, codes: list[str]) -> str:
    """Copy number ``copy`` of the template, with the state codes of its world."""
    return _STATE.sub(lambda match: codes[int(match.group(1))], template.replace("\x00", str(copy)))


def _memberships(lines: list[str]) -> list[tuple[str, bool]]:
    """Every membership period (local name) and whether it is open-ended."""
    starts = {line.split(" ", 1)[0] for line in lines if f" {_START} " in line and "membership-" in line}
    ends = {line.split(" ", 1)[0] for line in lines if f" {_END} " in line}
    return sorted((iri[len(str(ID)) + 1 : -1], iri not in ends) for iri in starts)


def _choose_faults(lines: list[str], scale: int, count: int, rng: random.Random) -> dict[int, list[tuple[str, str]]]:
    """Which membership of which copy gets which fault (never copy 0: the real data stays intact)."""
    memberships = [name for name, open_ended in _memberships(lines) if open_ended]
    slots = [(copy, name) for copy in range(1, scale) for name in memberships]
    chosen: dict[int, list[tuple[str, str]]] = {}
    for index, (copy, name) in enumerate(rng.sample(slots, min(count, len(slots)))):
        chosen.setdefault(copy, []).append((sorted(FAULT_SHAPES)[index % len(FAULT_SHAPES)], name))
    return chosen


def _inject(text: str, kind: str, membership: str, copy: int) -> tuple[str, Fault]:
    iri = f"<{ID}{membership}-x{copy}>"
    if kind == "missing-member":
        text = re.sub(re.escape(f"{iri} {_MEMBER} ") + r"[^\n]*\n", "", text, count=1)
    else:  # end-before-start: an open-ended period that ends the year before it starts
        start = re.search(re.escape(f"{iri} {_START} ") + r'"(-?\d+)"', text)
        year = int(start.group(1)) if start else 2000
        text += f'{iri} {_END} "{year - 1}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    return text, Fault(kind=kind, focus=f"id:{membership}-x{copy}", shape=FAULT_SHAPES[kind])
