"""The benchmark's generator and output: sizes that grow linearly in size and shape, a JSON a reader can rely on."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from pskg.devtools.bench import main, process_verdicts, render_markdown, render_table, verdicts
from pskg.devtools.synthetic import _local_names, _real_data_lines, _states, _worlds, generate
from pskg.queries.catalogue import saved_queries
from pskg.sources.namespaces import ORG, PSS


def graph_of(root) -> Graph:
    graph = Graph()
    for path in sorted((root / "data").glob("*.ttl")):
        graph.parse(path, format="nt")
    return graph


def organisation_pairs(graph: Graph) -> set[tuple]:
    """Pairs of organisations that have (had) a member in common."""
    by_state: dict = {}
    for membership, state in graph.subject_objects(ORG.member):
        by_state.setdefault(state, set()).update(graph.objects(membership, ORG.organization))
    return {(a, b) for organisations in by_state.values() for a in organisations for b in organisations if a < b}


def test_every_copy_is_a_world_of_its_own(tmp_path):
    generated = generate(tmp_path, scale=3)
    graph = graph_of(tmp_path)
    codes = [str(code) for code in graph.objects(None, PSS.isoAlpha3)]
    real = len(_states(_real_data_lines()))
    assert len(codes) == len(set(codes)) == 3 * real
    assert all(re.fullmatch("[A-Z]{3}", code) for code in codes)
    assert len(graph) == generated.triples


def test_size_and_shape_grow_linearly(tmp_path):
    """Twice the copies: twice the triples, the instances of every class, the pairs of organisations with a
    common member (with states shared by the copies, four times as many: pairwise queries would grow quadratically).
    """
    one, two = (graph_of(generate(tmp_path / str(scale), scale=scale).root) for scale in (1, 2))
    assert len(two) == 2 * len(one)
    kinds = [Counter(graph.objects(None, RDF.type)) for graph in (one, two)]
    assert kinds[1] == Counter({kind: 2 * count for kind, count in kinds[0].items()})
    pairs = [len(organisation_pairs(graph)) for graph in (one, two)]
    assert pairs[1] == 2 * pairs[0]


def test_worlds_take_unused_codes_and_are_shared_only_beyond_the_codes_available():
    lines = _real_data_lines()
    states, taken = sorted(_states(lines)), _local_names(lines)
    worlds = _worlds(states, taken, 1000)
    spare = [code for world in worlds[1:] for code in world]
    assert worlds[0] == states and len(spare) == len(set(spare))
    assert not set(spare) & taken
    assert 500 < len(worlds) < 1000  # 17,576 codes: about 600 worlds of 29 states
    assert len(_worlds(states, taken, 10)) == 10


def test_the_generator_writes_files_of_bounded_size(tmp_path):
    generate(tmp_path, scale=45)
    sizes = Counter(path.stat().st_size < 20 * 2**20 for path in (tmp_path / "data").glob("*.ttl"))
    assert sizes == {True: 3}


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A whole benchmark at the real graph's size (×1, where no fault is ever injected), both engines."""
    output = tmp_path_factory.mktemp("bench") / "bench.json"
    assert main([1], repeats=1, reference_max=1, faults=0, output=output) == 0
    return json.loads(output.read_text(encoding="utf-8"))


def test_the_json_has_every_stage_query_and_memory_figure(tiny_run):
    (size,) = tiny_run["sizes"]
    assert size["scale"] == 1 and size["triples"] > 3000 and size["faults"] == 0
    names = {query.name for query in saved_queries()}
    for engine in ("fast", "reference"):
        stages = size[engine]
        assert {"parse", "reason", "validate", "build", "queries (slowest)", "violations"} <= set(stages)
        assert set(stages["queries"]) == names
        assert all(q["seconds"] >= 0 and q["rows"] >= 0 for q in stages["queries"].values())
        assert stages["queries (slowest)"] == max(q["seconds"] for q in stages["queries"].values())
        assert set(stages["peak_memory_gib"]) == {"parse", "validate", "reason", "queries"}
        assert stages["violations"] == 0
    assert size["fast"]["queries"]["organisations"]["rows"] == size["reference"]["queries"]["organisations"]["rows"]
    assert set(tiny_run["cold"]) == {"cold pskg build", "cold pskg query", "cold pskg query, answer kept"}
    assert all(q["kept"] >= 0 and q["store"] > 0 for q in size["fast"]["queries"].values())
    assert not any("kept" in q for q in size["reference"]["queries"].values())
    assert set(size["cli query"]) == {"first", "computed", "kept"}
    assert tiny_run["growth_exponent_build"] is None  # one size: no slope
    assert len(tiny_run["load_average"]["start"]) == 3
    processes = size["processes"]
    assert set(processes) == {"floor", "build", "reference build", "cold query"}
    assert all(figure["seconds"] > 0 and figure["peak_gib"] > 0 for figure in processes.values())
    assert processes["floor"]["seconds"] < processes["build"]["seconds"] < processes["reference build"]["seconds"]
    assert set(tiny_run["growth_exponents_processes"].values()) == {None}


def test_the_table_says_each_target_met_or_not(tiny_run):
    table = render_table(tiny_run)
    assert "| ×1 | | reference/fast |" in table
    lines = verdicts(tiny_run)
    assert [line.split(":")[0] for line in lines] == [
        "cold `pskg build` (real graph) ≤ 1.5 s",
        "cold `pskg query` (real graph) ≤ 0.5 s",
        "(not a target) cold `pskg query` (real graph), answer kept",
        "×1 every saved query ≤ 10 ms warm",
        "identical violations to pySHACL (×1)",
    ]
    targets = [line for line in lines if not line.startswith("(not a target)")]
    assert all(line.endswith(("met", "NOT met")) or "NOT met; over:" in line for line in targets)


def test_the_whole_commands_are_tabled_beside_the_floor(tiny_run):
    table = render_table(tiny_run)
    assert "Whole commands, process start to exit" in table
    assert re.search(r"^\| ×1 \| \d+ \| [0-9.]+ \([0-9.]+ GiB\) \| [0-9.]+ \([0-9.]+ GiB\) \| [0-9.]+× \|", table, re.M)
    assert [line.split(":")[0] for line in process_verdicts(tiny_run)] == [
        "×1 whole `pskg build` ≤ 5× the floor",
        "cold `pskg query`, store built, ×1, ≤ 0.5 s",
    ]


def _processes(floor: float, build: float, peak: float, query: float) -> dict:
    return {
        "floor": {"seconds": floor, "peak_gib": 0.5},
        "build": {"seconds": build, "peak_gib": peak},
        "cold query": {"seconds": query, "peak_gib": 0.1},
    }


def test_the_targets_of_one_store_end_to_end_are_judged_from_the_figures():
    queries = {"listing": {"seconds": 0.5, "rows": 20_000}, "slow-few": {"seconds": 0.2, "rows": 100}}
    run = {
        "sizes": [
            {"scale": 1, "processes": _processes(0.1, 0.4, 0.1, 0.3), "fast": {"queries": {}}},
            {"scale": 1000, "processes": _processes(30.0, 100.0, 3.5, 0.7), "fast": {"queries": queries}},
        ],
        "growth_exponents_processes": {"build": 1.05},
        "growth_exponents_queries": {"listing": 1.0, "slow-few": 1.3},
    }
    assert process_verdicts(run) == [
        "×1 whole `pskg build` ≤ 5× the floor: 4.0× — met",
        "×1000 whole `pskg build` ≤ 3× the floor: 3.3× — NOT met",
        "×1000 whole `pskg build` ≤ 60 s: 100.000 s — NOT met",
        "×1000 `pskg build` peak memory ≤ 3 GiB: 3.5 GiB — NOT met",
        "growth exponent of the whole `pskg build`, ×10 to the largest size, ≤ 1.1: 1.05 — met",
        "cold `pskg query`, store built, ×1, ≤ 0.5 s: 0.300 s — met",
        "cold `pskg query`, store built, ×1000, ≤ 2× the ×1 figure (0.600 s): 0.700 s — NOT met",
        "×1000 each saved query ≤ 100 ms or ≤ 50 µs a result row, in the engine, in memory: worst 2000 µs a row — "
        "NOT met; over: slow-few",
        "each saved query's growth exponent ×100 → ×1000 ≤ 1.1: worst 1.3 (slow-few) — NOT met; over: slow-few",
    ]


def test_the_markdown_page_lists_every_query_at_every_size(tiny_run):
    page = render_markdown(tiny_run, "pskg bench --scales 1")
    assert page.startswith("# Benchmark\n") and "`pskg bench --scales 1`" in page
    for query in saved_queries():
        assert re.search(rf"^\| {re.escape(query.name)} \| [0-9.]+ \([0-9]+\) \|$", page, re.MULTILINE)
        assert re.search(rf"^\| {re.escape(query.name)} \| [0-9.]+ \|$", page, re.MULTILINE)  # its answer read back
    assert re.search(r"^\| ×1 \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|$", page, re.MULTILINE)  # pskg query, a process


def test_the_queries_over_the_line_at_x1000_get_a_time_per_row_but_no_verdict():
    queries = {
        "listing": {"seconds": 0.5, "rows": 10_000},
        "slow-few": {"seconds": 0.2, "rows": 100},
        "quick": {"seconds": 0.01, "rows": 5},
    }
    fast = {"reason": 1.0, "validate": 1.0, "queries": queries, "queries (slowest)": 0.5, "slowest query": "listing"}
    fast["peak_memory_gib"] = {"parse": 1.0}
    run = {"cold": {"cold pskg build": 1.0, "cold pskg query": 0.2}, "growth_exponent_build": None}
    run["sizes"] = [{"scale": 1000, "fast": fast}]
    lines = verdicts(run)
    verdict = "×1000 every saved query ≤ 100 ms warm: slowest 500.0 ms (listing) — NOT met; over: listing, slow-few"
    assert lines[lines.index(verdict) + 1] == (
        "(not a target) ×1000 time per result row of the 2 queries over 100 ms: worst 2000 µs (slow-few, 100 rows)"
    )


def test_the_answer_cache_is_shown_beside_the_target_not_in_its_verdict():
    queries = {
        "listing": {"seconds": 0.5, "rows": 10_000, "kept": 0.03},
        "quick": {"seconds": 0.01, "rows": 5, "kept": 0.0001},
    }
    fast = {"reason": 1.0, "validate": 1.0, "queries": queries, "queries (slowest)": 0.5, "slowest query": "listing"}
    fast["peak_memory_gib"] = {"parse": 1.0}
    run = {"cold": {"cold pskg build": 1.0, "cold pskg query": 0.2}, "growth_exponent_build": None}
    cli = {"first": 30.0, "computed": 11.0, "kept": 0.7}
    run["sizes"] = [{"scale": 1000, "fast": fast, "cli query": cli}]
    lines = verdicts(run)
    assert "×1000 every saved query ≤ 100 ms warm: slowest 500.0 ms (listing) — NOT met; over: listing" in lines
    assert (
        "(not a target) ×1000 every saved query read back from the answer cache: slowest 30.0 ms (listing, 10000 rows)"
        in lines
    )
    assert (
        "(not a target) ×1000 `pskg query organisations` as a process: the first 30.00 s (builds and caches the "
        "store), the answer computed again 11.00 s, the answer kept 0.70 s"
    ) in lines


def test_each_repeat_parses_with_the_previous_repeats_results_freed(monkeypatch):
    """Peak memory is that of one build: no repeat holds the last one's report or inferred triples while it runs."""
    import weakref

    import pyoxigraph

    import pskg.engines.built_store
    import pskg.engines.fast.closure
    import pskg.engines.fast.store
    import pskg.engines.validation
    from pskg.devtools.bench import fast_stages

    class Output:
        """Stands for a validation report or the inferred triples: what a repeat makes and must let go of."""

        violations = ()

    made: list[weakref.ref] = []
    held: list[int] = []
    load = pskg.engines.fast.store.load_fast_sources

    def parse():
        held.append(sum(ref() is not None for ref in made))
        return load()

    def output(sources):
        result = Output()
        made.append(weakref.ref(result))
        return result

    monkeypatch.setattr(pskg.engines.fast.store, "load_fast_sources", parse)
    monkeypatch.setattr(pskg.engines.validation, "validate_fast", output)
    monkeypatch.setattr(pskg.engines.fast.closure, "infer_fast", output)
    monkeypatch.setattr(pskg.engines.built_store, "one_graph", lambda files, inferred, store: pyoxigraph.Store())
    monkeypatch.setattr("pskg.devtools.bench._queries", lambda run, repeats, read_back: {})
    monkeypatch.setattr("pskg.devtools.bench._stages", lambda *args: {})
    fast_stages(3)
    assert len(made) == 6 and held == [0, 0, 0]
