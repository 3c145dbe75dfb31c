"""The README's promises: its examples are real output, its test command is what CI runs."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_readme_examples_are_current_output():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "readme_examples.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert "make test   #" in readme
    assert ci[-1] == "make test"
