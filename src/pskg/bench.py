"""``pskg bench``: time each stage on both engines at growing sizes, side by side, in one run.

Sizes are multiples of the real graph made by ``synthetic.generate``. For each
size: parse, OWL RL reasoning, SHACL validation, every saved query (warm: the
median of repeated runs, the slowest query reported) on the fast engine, and
on the reference engine up to ``--reference-max`` (it takes minutes beyond
×10); the cold ``pskg build`` and ``pskg query`` processes on the real graph.
Reported: medians, reference/fast ratios, the growth exponent of the fast
build (parse + reason + validate) from ×10 to the largest size, peak memory.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pskg.errors import PskgError
from pskg.fast_reason import infer_fast
from pskg.fast_store import load_fast_sources
from pskg.fast_validate import validate_fast
from pskg.queries import SavedQuery, run_query, saved_queries
from pskg.synthetic import generate

#: Values for the saved queries' required parameters (the real graph's names, present at every size).
PARAMETERS = {"org": "CSTO", "org1": "NATO", "org2": "CSTO", "state": "ARM", "year": "2019", "page": "4"}
STAGES = ("parse", "reason", "validate", "build", "queries (slowest)")


def timed(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The median wall time of ``repeats`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _values(query: SavedQuery) -> dict[str, str]:
    return {p.name: PARAMETERS[p.name] for p in query.parameters if p.name in PARAMETERS and p.default is None}


def fast_stages(repeats: int) -> dict[str, float]:
    """Stage times of the fast engine on the current ``PSKG_ROOT``."""
    from pskg.built_store import BuiltStore, run_fast_query  # after PSKG_ROOT is set

    parse, sources = timed(load_fast_sources, repeats)
    reason, _ = timed(lambda: infer_fast(load_fast_sources()), repeats)
    validate, report = timed(lambda: validate_fast(load_fast_sources()), repeats)
    infer_fast(sources)
    built = BuiltStore(sources.store)
    slowest = max(timed(lambda q=q: run_fast_query(q, _values(q), built), repeats)[0] for q in saved_queries())
    violations = sum(1 for v in report.violations if v.severity == "Violation")  # type: ignore[attr-defined]
    return {
        "parse": parse,
        "reason": max(reason - parse, 0.0),
        "validate": max(validate - parse, 0.0),
        "build": reason + validate - parse,
        "queries (slowest)": slowest,
        "violations": violations,
    }


def reference_stages(repeats: int) -> dict[str, float]:
    """Stage times of the reference engine (rdflib, owlrl, pySHACL) on the current ``PSKG_ROOT``."""
    from pskg.graph import KnowledgeGraph
    from pskg.load import load_sources
    from pskg.reason import infer
    from pskg.validate import validate

    parse, sources = timed(load_sources, repeats)
    reason, inferred = timed(lambda: infer(sources.graph), repeats)  # type: ignore[attr-defined]
    validate_time, report = timed(lambda: validate(sources), repeats)  # type: ignore[arg-type]
    union = KnowledgeGraph(sources=sources, inferred=inferred).union()  # type: ignore[arg-type]

    def query_time(query: SavedQuery) -> float:
        return timed(lambda: run_query(union, query, _values(query)), repeats)[0]

    slowest = max(query_time(q) for q in saved_queries())
    violations = sum(1 for v in report.violations if v.severity == "Violation")  # type: ignore[attr-defined]
    return {
        "parse": parse,
        "reason": reason,
        "validate": validate_time,
        "build": parse + reason + validate_time,
        "queries (slowest)": slowest,
        "violations": violations,
    }


def cold_processes(repeats: int) -> dict[str, float]:
    """Wall time of a fresh ``pskg build`` and ``pskg query`` (warm cache) process on the real graph."""
    pskg = [sys.executable, "-m", "pskg.cli"]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PSKG_CACHE_DIR": folder}
        env.pop("PSKG_ROOT", None)
        build, _ = timed(lambda: _run([*pskg, "build", "--dist", f"{folder}/dist"], env), repeats)
        _run([*pskg, "query", "organisations"], env)  # fills the cache, as the first query after a change does
        query, _ = timed(
            lambda: _run([*pskg, "query", "members-in-year", "-p", "org=CSTO", "-p", "year=2019"], env), repeats
        )
    return {"cold pskg build": build, "cold pskg query": query}


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PskgError(f"{' '.join(command[2:])} failed: {done.stderr.strip()[-500:]}")


def run_benchmark(scales: list[int], repeats: int, reference_max: int, faults: int) -> dict:
    """Every stage at every size, both engines where the reference is affordable."""
    rows = []
    for scale in scales:
        with tempfile.TemporaryDirectory() as folder:
            graph = generate(Path(folder), scale, faults=faults)
            os.environ["PSKG_ROOT"] = folder
            try:
                fast = fast_stages(repeats if scale <= 100 else 1)
                reference = reference_stages(1) if scale <= reference_max else None
            finally:
                os.environ.pop("PSKG_ROOT", None)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # GiB (ru_maxrss is KiB on Linux)
        rows.append({"scale": scale, "triples": graph.triples, "faults": len(graph.faults), "fast": fast})
        rows[-1] |= {"reference": reference, "peak_memory_gib_so_far": round(peak, 3)}
        print(f"  ×{scale}: done", file=sys.stderr, flush=True)
    result = {"date": time.strftime("%Y-%m-%d"), "machine": _machine(), "repeats": repeats, "sizes": rows}
    result["cold"] = cold_processes(repeats)
    result["growth_exponent_build"] = _exponent(rows)
    return result


def _exponent(rows: list[dict]) -> float | None:
    """Slope of log(build time) against log(size), from ×10 to the largest size."""
    points = [(row["triples"], row["fast"]["build"]) for row in rows if row["scale"] >= 10]
    if len(points) < 2:
        return None
    (n0, t0), (n1, t1) = points[0], points[-1]
    return round(math.log(t1 / t0) / math.log(n1 / n0), 3)


def _machine() -> str:
    return f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}, Python {sys.version.split()[0]}"


def render_table(result: dict) -> str:
    """The benchmark as a Markdown table."""
    lines = [
        f"Benchmark of {result['date']} on {result['machine']} (median of {result['repeats']} runs; seconds)",
        "",
        "| size | triples | engine | parse | reason | validate | build | slowest query | violations found |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["sizes"]:
        for engine in ("fast", "reference"):
            stages = row[engine]
            if stages is None:
                continue
            cells = " | ".join(f"{stages[stage]:.4f}" for stage in STAGES)
            label = f"×{row['scale']}"
            lines.append(
                f"| {label} | {row['triples']} | {engine} | {cells} | {stages['violations']}/{row['faults']} |"
            )
        if row["reference"]:
            ratios = ", ".join(f"{s} {row['reference'][s] / max(row['fast'][s], 1e-9):.0f}×" for s in STAGES)
            lines.append(f"| ×{row['scale']} | | reference/fast | {ratios} | | | | | |")
    lines.append("")
    lines.append(
        f"Peak memory (whole run, up to the largest size): {result['sizes'][-1]['peak_memory_gib_so_far']} GiB"
    )
    largest, exponent = result["sizes"][-1]["scale"], result["growth_exponent_build"]
    lines.append(f"Growth exponent of the fast build from ×10 to ×{largest}: {exponent}")
    cold = result["cold"]
    build, query = cold["cold pskg build"], cold["cold pskg query"]
    lines.append(f"Cold `pskg build` (real graph): {build:.2f} s; cold `pskg query`: {query:.2f} s")
    return "\n".join(lines) + "\n"


def main(scales: list[int], repeats: int, reference_max: int, faults: int, output: Path) -> int:
    """Run, print the table, write the JSON."""
    result = run_benchmark(scales, repeats, reference_max, faults)
    print(render_table(result))
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {output}")
    return 0
