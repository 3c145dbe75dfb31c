"""The default validator on the W3C SHACL test suite and the DASH tests (from pySHACL's sdist).

Each case runs through the same entry point as ``pskg validate --data … --shapes …``
and must give the expected report, result by result, except the cases pySHACL
itself fails (listed, with its answer checked to be still wrong there: the list
cannot go stale). In CI a missing suite is a failure; elsewhere a skip that
says how to fetch it.
"""

from __future__ import annotations

import os

import pytest

from pskg.errors import PskgError
from tests.support.shacl_suite import (
    PYSHACL_FAILS,
    REPO,
    Case,
    case_passes,
    cases,
    conformance_markdown,
    outcome,
    reference_outcome,
    suite_dir,
)

#: Cases in the suite: a shrinking suite (a folder moved, a parse that drops entries) is noticed.
EXPECTED_CASES = 216


def _cases() -> list[Case]:
    if not suite_dir().is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the SHACL test suite is missing in CI ({suite_dir()}); `make test` fetches it")
        return []
    return cases()


CASES = _cases()


@pytest.fixture(autouse=True)
def _suite_present() -> None:
    if not CASES:
        pytest.skip("SHACL test suite not fetched: run scripts/fetch-shacl-suite.sh (make test does)")


def test_the_suite_is_whole() -> None:
    assert len(CASES) == EXPECTED_CASES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_default_validator_gives_the_expected_report(case: Case) -> None:
    expected = case.expected_report()
    if case.name in PYSHACL_FAILS:
        assert reference_outcome(case) != expected, f"pySHACL now passes {case.name}: remove it from PYSHACL_FAILS"
        return
    if expected is None:
        with pytest.raises(PskgError):
            outcome(case)
        return
    assert outcome(case) == expected


def test_readme_conformance_block_is_current() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- shacl-conformance:start -->\n", 1)[1].split("<!-- shacl-conformance:end -->", 1)[0]
    current = conformance_markdown({case.name: case_passes(case) for case in CASES})
    assert block == current, "run `python scripts/shacl_conformance.py` to write the README's block"
