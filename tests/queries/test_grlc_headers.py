"""The saved queries' ``#+`` headers are YAML that grlc can use whole, and ``pskg`` reads them the same way.

grlc (``gquery.get_yaml_decorators``) keeps the lines that start with ``#+``,
strips the leading ``#``/``+`` characters and parses the rest with PyYAML's
``safe_load``; a header that does not parse is dropped without a word (no
summary, no tags, no parameter defaults). The extraction is written out here
again, on purpose apart from ``pskg.queries.header``, so that this test fails if
the two ever read a header differently.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pskg.errors import PskgError
from pskg.queries.catalogue import parse_saved_query
from pskg.queries.header import QueryHeaderError, read_header
from pskg.sources.resources import resource_dir

QUERY_FILES = sorted(resource_dir("queries").rglob("*.rq"))

#: grlc 1.3.11's parameter pattern (gquery.get_parameters), run over the query as grlc sees it.
GRLC_PARAMETER = re.compile(
    r"\?(?P<required>[_]{1,2})(?P<name>[a-zA-Z0-9]+)([_](?P<type>(iri)|(number)|(literal)|(integer)))?"
    r"([_](?P<prefix>[a-zA-Z0-9]+)[_](?P<userdefined>[a-zA-Z0-9]+))?([_](?P<lang>[a-zA-Z0-9]+))?"
)


def grlc_decorators(text: str) -> dict:
    """The header as grlc 1.3.11 reads it (a parse error is raised here, where grlc would drop the header)."""
    yaml_string = "\n".join(row.lstrip("#+") for row in text.split("\n") if row.startswith("#+"))
    return yaml.safe_load(yaml_string) or {}


def grlc_query_text(text: str) -> str:
    return "\n".join(row for row in text.split("\n") if not row.startswith("#+"))


def test_every_saved_query_is_checked() -> None:
    names = {path.relative_to(resource_dir("queries")).as_posix() for path in QUERY_FILES}
    assert len(names) >= 37 and "federated/wikidata-members.rq" in names, names


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda path: path.stem)
def test_header_is_yaml_grlc_can_use_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    metadata = grlc_decorators(text)
    assert isinstance(metadata, dict), "the header is a YAML mapping"
    assert isinstance(metadata.get("summary"), str) and metadata["summary"].strip(), "summary"
    assert "\n" not in metadata["summary"], "a summary is one line"
    assert isinstance(metadata.get("description"), str) and metadata["description"].strip(), "description"
    tags = metadata.get("tags")
    assert isinstance(tags, list) and tags and all(isinstance(tag, str) for tag in tags), "tags: a list of words"

    parameters = {match.group("name") for match in GRLC_PARAMETER.finditer(grlc_query_text(text))}
    defaults = metadata.get("defaults", [])
    assert isinstance(defaults, list), "grlc's defaults are a list of one-key maps (`- name: value`)"
    assert all(isinstance(item, dict) and len(item) == 1 for item in defaults), defaults
    named = [name for item in defaults for name in item]
    assert len(named) == len(set(named)), "one default per parameter"
    assert set(named) == parameters, "every parameter grlc finds has a default, and every default a parameter"
    for item in defaults:
        ((name, value),) = item.items()
        assert isinstance(value, (str, int)) and not isinstance(value, bool), (name, value)
        if re.search(rf"\?__?{name}_iri\b", text):
            assert str(value).startswith(("https://", "http://")), f"{name}: grlc needs a full IRI as default"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda path: path.stem)
def test_pskg_reads_the_header_as_grlc_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    metadata = grlc_decorators(text)
    query = parse_saved_query(path)
    assert query.summary == metadata["summary"]
    assert query.description == metadata["description"]
    assert list(query.tags) == metadata["tags"]
    grlc_defaults = {name: str(value) for item in metadata.get("defaults", []) for name, value in item.items()}
    assert {p.name: p.default for p in query.parameters} == grlc_defaults
    grlc_required = {m.group("name"): len(m.group("required")) == 1 for m in GRLC_PARAMETER.finditer(text)}
    assert {p.name: p.required for p in query.parameters} == grlc_required


def test_descriptions_keep_their_text() -> None:
    """Two descriptions that held ``Parameters - org: …`` (illegal in a plain YAML scalar), read back whole."""
    members = parse_saved_query(resource_dir("queries") / "members-in-year.rq")
    assert members.description.startswith("Every state holding a membership period (any role) of the organisation in")
    assert members.description.endswith(
        "Parameters - org: the organisation (acronym such as CSTO, SCO, NATO, PfP, or its IRI); "
        "year: a calendar year (integer)."
    )
    assert "  " not in members.description and "\n" not in members.description
    profile = parse_saved_query(resource_dir("queries") / "state-profile.rq")
    assert profile.description.endswith(
        "Parameter - state: the state (ISO 3166-1 alpha-3 code such as ARM or KAZ, or its IRI)."
    )


BODY = "\nSELECT ?x WHERE { ?x ?p ?_year_integer } ORDER BY ?x\n"


def _query_file(tmp_path: Path, header: str) -> Path:
    path = tmp_path / "q.rq"
    path.write_text(header + BODY, encoding="utf-8")
    return path


def test_a_plain_scalar_with_a_colon_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = _query_file(tmp_path, "#+ summary: fine\n#+ description: Rows. Parameters - year: a year\n")
    with pytest.raises(QueryHeaderError) as caught:
        parse_saved_query(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: ")
    assert "not valid YAML" in message and "mapping values are not allowed here" in message
    assert "column 40" in message, "the colon after `year`, counted in the file's line"
    assert ">-" in message, "says how to fix it"


def test_header_shapes_grlc_would_misread_are_refused(tmp_path: Path) -> None:
    cases = {
        "#+ summary: s\n#+ defaults:\n#+   year: 2019\n": "defaults must be a list",
        "#+ summary: s\n#+ defaults:\n#+   - year: 2019\n#+   - year: 2020\n": "two defaults",
        "#+ summary: s\n#+ defaults:\n#+   - year: 2019-01-01\n": "must be text or an integer",
        "#+ summary: s\n#+ default:\n#+   - year: 2019\n": "unknown key 'default'",
        "#+ summary: s\n#+ tags: memberships\n": "tags must be a list",
        "#+ summary:\n#+   - a\n": "summary must be text",
        "#+ - summary\n": "expected `key: value` lines",
    }
    for header, expected in cases.items():
        with pytest.raises(PskgError, match=re.escape(expected)):
            read_header(Path("q.rq"), header + BODY)


def test_defaults_are_text_whatever_yaml_makes_of_them(tmp_path: Path) -> None:
    header = read_header(Path("q.rq"), "#+ defaults:\n#+   - year: 2019\n#+   - org: https://example.org/x\n" + BODY)
    assert header.defaults == {"year": "2019", "org": "https://example.org/x"}
    assert read_header(Path("q.rq"), BODY) == read_header(Path("q.rq"), "#+\n" + BODY)


def test_the_cli_names_the_file_and_line_without_a_traceback(tmp_path: Path) -> None:
    path = _query_file(tmp_path, "#+ summary: s\n#+ description: >-\n#+   a\n#+ tags: [a\n")
    code = "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, "query", str(path)], capture_output=True, text=True)
    assert done.returncode == 2, done
    assert f"{path}:" in done.stderr and "not valid YAML" in done.stderr
    assert "Traceback" not in done.stderr
