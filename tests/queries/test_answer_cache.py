"""Answers kept on disk: read back as the same rows, never stale, never kept when the query fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pskg.engines.built_store
import pskg.engines.fast_engine
from pskg.cli import main
from pskg.devtools.bench import query_values
from pskg.engines.built_store import built_store, run_fast_query, source_key
from pskg.engines.fast_engine import FastEngine
from pskg.errors import ParameterError
from pskg.queries.answers import answer_path
from pskg.queries.catalogue import find_query, saved_queries


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own."""
    monkeypatch.setenv("PSKG_CACHE_DIR", str(tmp_path))
    return tmp_path


cached_fast_query = FastEngine().query


def _no_store(key: str | None = None) -> None:
    raise AssertionError("the built store was read although the answer is cached")


def test_every_saved_query_reads_back_the_rows_it_computed(cache, monkeypatch):
    built = built_store()
    expected = {query.name: run_fast_query(query, query_values(query), built) for query in saved_queries()}
    computed = {query.name: cached_fast_query(query, query_values(query)) for query in saved_queries()}
    assert computed == expected
    assert sum(len(result.rows) for result in expected.values()) > 500
    monkeypatch.setattr(pskg.engines.fast_engine, "built_store", _no_store)
    assert {query.name: cached_fast_query(query, query_values(query)) for query in saved_queries()} == expected


def test_an_answer_is_kept_per_query_and_parameter_values(cache):
    query = find_query("members-in-year")
    csto, nato = {"org": "CSTO", "year": "2019"}, {"org": "NATO", "year": "2019"}
    assert cached_fast_query(query, csto) != cached_fast_query(query, nato)
    kept = sorted(path.name for path in (cache / "answers" / source_key()).iterdir())
    assert kept == sorted(answer_path(query, values, source_key()).name for values in (csto, nato))


def test_the_kept_answer_is_what_is_read(cache, capsys):
    """The file is read, not the store: a row written into it shows, and ``--no-cache`` ignores it."""
    query = find_query("members-in-year")
    values = {"org": "CSTO", "year": "2019"}
    command = ["query", "members-in-year", "-p", "org=CSTO", "-p", "year=2019", "-f", "csv"]
    assert main(command) == 0
    computed = capsys.readouterr().out
    path = answer_path(query, values, source_key())
    table = path.read_text(encoding="utf-8")
    path.write_text(table + '<urn:example:planted>\t<urn:example:role>\t"1990"^^<urn:example:year>\n', "utf-8")
    assert main(command) == 0
    assert capsys.readouterr().out == computed + "urn:example:planted,urn:example:role,1990\n"
    assert main([*command, "--no-cache"]) == 0
    assert capsys.readouterr().out == computed


def test_a_query_that_fails_keeps_nothing(cache):
    with pytest.raises(ParameterError, match="no organisation called"):
        cached_fast_query(find_query("members-in-year"), {"org": "Atlantis", "year": "2019"})
    assert not (cache / "answers").exists()


def test_an_unreadable_answer_is_computed_again(cache):
    query = find_query("members-in-year")
    values = {"org": "CSTO", "year": "2019"}
    expected = cached_fast_query(query, values)
    answer_path(query, values, source_key()).write_bytes(b"\xff\xfe not UTF-8")
    assert cached_fast_query(query, values) == expected


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PSKG_CACHE_DIR", str(blocked / "cache"))
    query = find_query("members-in-year")
    assert len(cached_fast_query(query, {"org": "CSTO", "year": "2019"}).rows) == 7
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_new_store_removes_the_stores_and_answers_of_older_sources(cache):
    legacy_store = cache / f"{'0' * 64}.nq"  # the single-file store of pskg 0.1.0
    legacy_store.write_text("", encoding="utf-8")
    stale_store = cache / "stores" / ("1" * 64) / "CURRENT"
    stale_store.parent.mkdir(parents=True)
    stale_store.write_text("", encoding="utf-8")
    stale_answer = cache / "answers" / ("0" * 64) / "answer.tsv"
    stale_answer.parent.mkdir(parents=True)
    stale_answer.write_text("?x\n", encoding="utf-8")
    cached_fast_query(find_query("members-in-year"), {"org": "CSTO", "year": "2019"})
    assert {path.name for path in cache.iterdir()} == {"answers", "stores"}
    assert [path.name for path in (cache / "answers").iterdir()] == [source_key()]
    assert sorted(path.name for path in (cache / "stores").iterdir()) == [".source-key.json", source_key()]


def test_the_built_store_is_opened_from_disk_read_only(cache, monkeypatch):
    """The second process opens the store the first one left; it does not parse or reason again."""
    expected = len(built_store().store)
    monkeypatch.setattr(pskg.engines.built_store, "load_fast_sources", _no_store)
    store = built_store().store
    assert len(store) == expected > 3000
    with pytest.raises(RuntimeError, match="read-write"):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_a_damaged_built_store_is_built_again(cache):
    expected = len(built_store().store)
    folder = cache / "stores" / source_key()
    for path in folder.iterdir():
        if path.name != "pskg-complete":
            path.unlink() if path.is_file() else None
    (folder / "CURRENT").write_text("not a RocksDB manifest name\n", encoding="utf-8")
    assert len(built_store().store) == expected > 3000
    assert len(list(folder.iterdir())) > 3  # written again


def test_a_half_written_store_is_never_opened(cache):
    """A folder without the completion mark (a build killed mid-way) is built again, not read."""
    folder = cache / "stores" / source_key()
    folder.mkdir(parents=True)
    (folder / "CURRENT").write_text("MANIFEST-000001\n", encoding="utf-8")
    assert len(built_store().store) > 3000
    assert (folder / "pskg-complete").is_file()


def _project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's resource folders, made the project (``PSKG_ROOT``)."""
    root = tmp_path / "project"
    for kind in ("ontology", "data", "validation", "queries"):
        source = Path(__file__).resolve().parents[2] / kind
        (root / kind).mkdir(parents=True)
        for path in source.glob("*.*"):
            (root / kind / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("PSKG_ROOT", str(root))
    return root


def test_a_change_to_a_source_is_a_new_key(tmp_path, monkeypatch):
    root = _project_copy(tmp_path, monkeypatch)
    before = source_key()
    data = next((root / "data").glob("*.ttl"))
    data.write_text(data.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert source_key() != before


def test_the_kept_store_brings_its_name_index(cache, monkeypatch):
    """A new process resolves ``org=CSTO`` from the index kept beside the store, without scanning the graph."""
    expected = run_fast_query(find_query("members-in-year"), {"org": "CSTO", "year": "2019"}, built_store())
    assert (cache / "stores" / source_key() / "pskg-names.json").is_file()

    def no_scan(store):
        raise AssertionError("the name index was made again")

    monkeypatch.setattr(pskg.engines.built_store, "name_index", no_scan)
    fresh = pskg.engines.built_store.open_built_store(source_key())
    assert fresh is not None
    assert run_fast_query(find_query("members-in-year"), {"org": "CSTO", "year": "2019"}, fresh) == expected
    assert len(expected.rows) == 7


def test_the_source_key_is_hashed_again_only_when_a_file_changed(cache, monkeypatch, tmp_path):
    """The memo serves while every file keeps its size, time and inode; an edit makes the key anew."""
    root = _project_copy(tmp_path, monkeypatch)
    first = source_key()
    memo = cache / "stores" / ".source-key.json"
    recorded = json.loads(memo.read_text(encoding="utf-8"))
    assert recorded["key"] == first
    memo.write_text(json.dumps({**recorded, "key": "kept"}), encoding="utf-8")
    assert source_key() == "kept", "no file changed: the memo is read, nothing is hashed"
    data = next((root / "data").glob("*.ttl"))
    data.write_text(data.read_text(encoding="utf-8").replace("@prefix", "@prefix", 1) + " ", encoding="utf-8")
    assert source_key() not in (first, "kept")
